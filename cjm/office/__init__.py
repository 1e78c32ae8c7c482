"""Office files: `cjm import` reads journey grids from .xlsx and .csv, `cjm export` writes maps as .xlsx, .csv
and editable .pptx decks (docs/office.md). The library never prints and never opens files: it takes bytes and
returns bytes or text, with located problems.

API
---
`import_grid(data, source, sheet=None) -> Imported`
    The map read from an .xlsx or .csv file's bytes: `text` (the YAML), `problems` (located at cells,
    `Sheet1!D9: ...`), `sheet`, `data`. Raises `SheetError` (a `CjmError`) when there is no grid to read.
`cjm.output.office.export_bytes(journey, format) -> bytes`
    A valid map's `Journey` as `xlsx`, `csv` or `pptx` (`EXPORT_FORMATS`), built by `grid_export` and `deck`.
"""

from __future__ import annotations

from cjm.office.importer import Imported, import_grid
from cjm.office.sheets import SheetError

__all__ = ["Imported", "SheetError", "import_grid"]
