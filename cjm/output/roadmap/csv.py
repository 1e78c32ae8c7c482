"""A roadmap as CSV: one row per initiative, in rank order, English columns."""

from __future__ import annotations

from typing import IO, Any

from cjm.core.csv_writer import CsvWriter
from cjm.output.terminal import log_guard
from cjm.prioritise.roadmap import Roadmap
from cjm.prioritise.scoring import INPUT_PATHS

CSV_INPUTS = INPUT_PATHS
CSV_COLUMNS = (
    "rank",
    "stage",
    "map",
    "id",
    "title",
    "score",
    "quadrant",
    "risk",
    "pinned",
    *CSV_INPUTS,
    "assumed",
    "derived",
    "depends_on",
    "phases",
    "pain_points",
    "stage_reason",
    "rank_reason",
    "file",
    "line",
)
BOM = "\ufeff"  # lets Excel (notably on Japanese Windows) read the file as UTF-8 rather than the ANSI code page


def write_csv(roadmap: Roadmap, stream: IO[str], *, color: bool = False, bom: bool = False) -> None:
    """One row per initiative, in rank order; lists are space-separated ids. Every cell is defused
    (cjm.core.csv_writer). `bom` starts the text with a UTF-8 byte-order mark, for a `.csv` file that Excel
    should open as UTF-8."""
    if bom:
        stream.write(BOM)
    writer = CsvWriter(log_guard(stream))
    writer.writerow(CSV_COLUMNS)
    for item in roadmap.initiatives:
        inputs = [_csv_input(item.inputs, name) for name in CSV_INPUTS]
        writer.writerow(
            [
                item.rank,
                item.stage,
                item.map_id,
                item.id,
                item.title,
                round(item.score, 6),
                item.quadrant,
                item.risk or "",
                str(item.pinned).lower(),
                *inputs,
                " ".join(item.assumed),
                " ".join(item.derived),
                " ".join(item.depends_on),
                " ".join(item.addresses.phases),
                " ".join(item.addresses.pain_points),
                item.stage_reason,
                item.rank_reason,
                item.source,
                item.line,
            ]
        )


def _csv_input(inputs: dict[str, Any], dotted: str) -> Any:
    head, _, tail = dotted.partition(".")
    value = inputs.get(head)
    if tail:
        value = value.get(tail) if isinstance(value, dict) else None
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else value
