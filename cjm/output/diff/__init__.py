"""What `cjm diff` found (`cjm.diff.MapDiff`s, and the maps it could not read as `MapError`s) in every format it
writes: `text` for a terminal, `json` for scripts, `markdown` for a pull-request comment.

`FORMATS` is the registry the command takes its choices from; each writer is
`(comparison, stream, *, color) -> None` of a `cjm.diff.Comparison`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm.output.formats import Format, Registry

if TYPE_CHECKING:
    from cjm.diff.sources import Comparison

FORMATS: Registry[Comparison] = Registry(
    "diff",
    Format("text", "The changes of each map, for a terminal.", "cjm.output.diff.text:write_text", (".txt",)),
    Format("json", "One JSON document for scripts (docs/diff.md).", "cjm.output.diff.json:write_json", (".json",)),
    Format(
        "markdown",
        "A pull-request comment: long groups folded, under GitHub's size limit.",
        "cjm.output.diff.markdown:write_markdown",
        (".md",),
    ),
)

__all__ = ["FORMATS"]
