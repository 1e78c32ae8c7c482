"""What `cjm diff` found (`cjm.diff.MapDiff`s, and the maps it could not read as `MapError`s) in every format it
writes: `text` for a terminal, `json` for scripts, `markdown` for a pull-request comment.

`FORMATS` is the registry the command takes its choices from; each writer is
`(results, errors, stream, *, color) -> None`.
"""

from __future__ import annotations

from cjm.output.formats import Format, registry

FORMATS = registry(
    Format("text", "cjm.output.diff.text:write_text", (".txt",)),
    Format("json", "cjm.output.diff.json:write_json", (".json",)),
    Format("markdown", "cjm.output.diff.markdown:write_markdown", (".md",), help="for a pull-request comment"),
)

__all__ = ["FORMATS"]
