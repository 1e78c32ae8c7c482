"""Office files: `cjm import` reads journey grids from .xlsx and .csv, `cjm export` writes maps as .xlsx, .csv
and editable .pptx decks (docs/office.md). The library never prints and never opens files: it takes bytes and
returns bytes or text, with located problems.

API
---
`import_grid(data, source, sheet=None) -> Imported`
    The map read from an .xlsx or .csv file's bytes: `text` (the YAML), `problems` (located at cells,
    `Sheet1!D9: ...`), `sheet`, `data`. Raises `SheetError` (a `CjmError`) when there is no grid to read.
`export_bytes(journey, format) -> bytes`
    A valid map's `Journey` as `xlsx`, `csv` or `pptx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm.office.importer import Imported, import_grid
from cjm.office.sheets import SheetError

if TYPE_CHECKING:
    from cjm.core.model import Journey

__all__ = ["Imported", "SheetError", "export_bytes", "import_grid"]


def export_bytes(journey: Journey, format: str) -> bytes:
    if format == "xlsx":
        from cjm.office.grid_export import to_xlsx

        return to_xlsx(journey)
    if format == "csv":
        from cjm.office.grid_export import to_csv

        return to_csv(journey)
    if format == "pptx":
        from cjm.office.deck import to_pptx

        return to_pptx(journey)
    raise ValueError(f"unknown export format {format!r}")
