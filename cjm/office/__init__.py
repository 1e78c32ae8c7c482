"""Office files: `cjm import` reads journey grids from .xlsx and .csv, `cjm export` writes maps as .xlsx, .csv
and editable .pptx decks (docs/office.md). The library never prints and never opens files: it takes bytes and
returns bytes or text, with located problems.

API
---
`export_bytes(journey, format) -> bytes`
    A valid map's `Journey` as `xlsx`, `csv` or `pptx`.
"""

from __future__ import annotations

from cjm.model import Journey

__all__ = ["export_bytes"]


def export_bytes(journey: Journey, format: str) -> bytes:
    if format == "xlsx":
        from cjm.office.grid_export import to_xlsx

        return to_xlsx(journey)
    if format == "csv":
        from cjm.office.grid_export import to_csv

        return to_csv(journey)
    raise ValueError(f"unknown export format {format!r}")
