"""A roadmap (`cjm.prioritise.Roadmap`) in every format `cjm prioritise` writes: `table` (rich, for a terminal),
`json`, `csv` and `markdown`, and one initiative explained (`--explain`) as text or JSON.

`FORMATS` is the registry the command takes its choices from; each writer is `(roadmap, stream, *, color) -> None`
(CSV also takes `bom`). Table, Markdown and the `--explain` text speak the maps' language (`Roadmap.language`:
Japanese when every map is Japanese); JSON and CSV keep English keys and values, with `label` and `stage_label`
in the maps' language.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, NamedTuple

from cjm.core.errors import CjmError
from cjm.output.formats import Format, Registry
from cjm.output.roadmap.csv import write_csv

if TYPE_CHECKING:
    from cjm.prioritise.roadmap import RankedInitiative, Roadmap


class Explanation(NamedTuple):
    """One initiative of a roadmap, to explain how it was scored, classified and staged (`--explain`)."""

    roadmap: Roadmap
    item: RankedInitiative


FORMATS: Registry[Roadmap] = Registry(
    "roadmap",
    Format("table", "A table for the terminal, with the coverage below it.", "cjm.output.roadmap.table:write_table"),
    Format("json", "One JSON document (docs/prioritise.md).", "cjm.output.roadmap.json:write_json", (".json",)),
    Format("csv", "One row per initiative, in rank order.", "cjm.output.roadmap.csv:write_csv", (".csv",)),
    Format(
        "markdown",
        "A Markdown table by stage, with the coverage.",
        "cjm.output.roadmap.markdown:write_markdown",
        (".md", ".markdown"),
    ),
)
EXPLAIN_FORMATS: Registry[Explanation] = Registry(
    "explanation",
    Format("table", "The terms, reasons and rank as text.", "cjm.output.roadmap.explain:write_explanation"),
    Format("json", "The initiative as the roadmap's JSON gives it.", "cjm.output.roadmap.json:write_explanation_json"),
)
"""`--explain` as text (the `table` format) or JSON."""


def roadmap_format(name: str, *, explain: bool = False) -> Format[Roadmap] | Format[Explanation]:
    """The format named `name` for a roadmap, or for one initiative explained; a usage error when there is none."""
    if explain:
        if name not in EXPLAIN_FORMATS:
            raise CjmError("--explain prints text (--format table) or JSON (--format json)")
        return EXPLAIN_FORMATS[name]
    return FORMATS.named(name)


def write_roadmap(
    roadmap: Roadmap,
    stream: IO[str],
    format: str = "table",
    *,
    color: bool = False,
    bom: bool = False,
    explain: RankedInitiative | None = None,
) -> None:
    """The roadmap in `format`, or with `explain` how that one initiative was ranked. `bom` starts CSV with a
    UTF-8 byte-order mark (for a `.csv` file Excel should open as UTF-8)."""
    if explain is not None:
        roadmap_format(format, explain=True)
        EXPLAIN_FORMATS[format].write(Explanation(roadmap, explain), stream, color=color)
    elif format == "csv":
        write_csv(roadmap, stream, bom=bom)
    else:
        FORMATS.named(format).write(roadmap, stream, color=color)


__all__ = ["EXPLAIN_FORMATS", "FORMATS", "Explanation", "roadmap_format", "write_roadmap"]
