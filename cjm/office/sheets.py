"""Reading the cells of a spreadsheet, bounded: .xlsx through openpyxl (read-only, cached values: a formula is
never evaluated) after the zip's declared sizes are checked, and .csv in UTF-8 (with or without a BOM) or
Shift_JIS, as Japanese Excel saves it. Every refusal is an `ImportError_` naming the file and what to do."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import operator
import zipfile
from dataclasses import dataclass, field

from cjm.core.errors import CjmError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # all parts of an .xlsx together, as the zip declares them
MAX_RATIO = 200  # uncompressed / compressed for one part: more is a zip bomb, not a spreadsheet
MAX_PARTS = 5_000
MAX_ROWS = 2_000  # a journey grid has tens of rows; a sheet with more is data, not a map
MAX_COLS = 16_384  # Excel's own last column (XFD): no cell of a workbook is ever left out
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, and every password-protected .xlsx


class SheetError(CjmError):
    """A file that cannot be read as a spreadsheet grid (exit code 2)."""


@dataclass
class Sheet:
    """The text of one sheet's cells, 1-based (row, column) -> text, empty cells left out."""

    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    too_large: bool = False
    hidden: bool = False

    @property
    def rows(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    @property
    def cols(self) -> int:
        return max((c for _, c in self.cells), default=0)

    def get(self, row: int, col: int) -> str:
        return self.cells.get((row, col), "")

    def row_cells(self, row: int) -> dict[int, str]:
        return {c: v for (r, c), v in self.cells.items() if r == row}


def read_sheets(data: bytes, source: str) -> list[Sheet]:
    """The sheets of an .xlsx or .csv file's bytes, told apart by content (a renamed file still reads)."""
    if data.startswith(_OLE):
        raise SheetError(
            f"{source}: is password-protected or an old Excel 97-2003 (.xls) file; open it in "
            "Excel or LibreOffice and save it as .xlsx without a password"
        )
    if data.startswith(_ZIP):
        return _xlsx(data, source)
    if source.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods", ".numbers")):
        raise SheetError(f"{source}: is not a readable .xlsx workbook (no zip signature); save it as .xlsx or .csv")
    return [_csv(data, source)]


def _xlsx(data: bytes, source: str) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise SheetError(f"{source}: is a damaged zip, not a readable .xlsx ({err}); save it again") from None
    if len(parts) > MAX_PARTS:
        raise SheetError(f"{source}: has {len(parts):,} parts inside; a workbook has tens. Not read")
    total = 0
    for part in parts:
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        if ratio > MAX_RATIO and part.file_size > 1_048_576:
            raise SheetError(
                f"{source}: part {part.filename} unpacks {ratio:,.0f} times larger than it is stored "
                "(a zip bomb?); not read"
            )
    if total > MAX_UNZIPPED_BYTES:
        raise SheetError(
            f"{source}: unpacks to {total / 1_048_576:,.0f} MB, over the "
            f"{MAX_UNZIPPED_BYTES // 1_048_576} MB limit for a journey grid; save only the grid's sheet"
        )
    names = {p.filename for p in parts}
    if "xl/workbook.xml" not in names:
        kind = (
            "a Word document"
            if "word/document.xml" in names
            else "a PowerPoint deck"
            if ("ppt/presentation.xml" in names)
            else "an OpenDocument file"
            if "content.xml" in names
            else "a zip"
        )
        raise SheetError(f"{source}: is {kind}, not an Excel workbook (.xlsx); save the grid as .xlsx or .csv")
    import warnings

    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips (data validation, slicers)
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many types for a broken workbook
        raise SheetError(
            f"{source}: could not be read as .xlsx ({type(err).__name__}: {err}); open it in Excel "
            "or LibreOffice and save it again"
        ) from None
    sheets = []
    try:
        for ws in book.worksheets:
            sheet = Sheet(ws.title, hidden=getattr(ws, "sheet_state", "visible") != "visible")
            # Rows as long as their last cell, not as the size the sheet declares (which a file can overstate).
            ws.reset_dimensions()
            for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS + 1, values_only=True), 1):
                if r > MAX_ROWS:
                    if any(v not in (None, "") for v in row):
                        sheet.too_large = True
                    break
                past = next((c for c, v in enumerate(row[MAX_COLS:], MAX_COLS + 1) if v not in (None, "")), None)
                if past is not None:
                    raise SheetError(
                        f"{source}:{ws.title}!{get_column_letter(past)}{r}: a cell past column XFD, the last "
                        "Excel allows; open the file in Excel or LibreOffice and save it again"
                    )
                # Only the cells that hold something, picked out in C: a wide row is mostly empty.
                present = itertools.compress(enumerate(row, 1), map(operator.is_not, row, itertools.repeat(None)))
                for c, value in present:
                    text = _text(value)
                    if text:
                        sheet.cells[(r, c)] = text
            if sheet.too_large:
                sheet.cells.clear()
            sheets.append(sheet)
    except SheetError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged sheet part
        raise SheetError(f"{source}: a sheet could not be read ({type(err).__name__}: {err}); save it again") from None
    finally:
        book.close()
    return sheets


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)[:MAX_CELL_CHARS].strip()
    return (
        ""
        if text.startswith("#")
        and text.rstrip("!?/0A").upper() in ("#REF", "#N", "#VALUE", "#DIV", "#NAME", "#NUM", "#NULL")
        else text
    )


def _csv(data: bytes, source: str) -> Sheet:
    if b"\x00" in data[:4096]:
        raise SheetError(f"{source}: is binary, not a CSV or .xlsx file; save the grid as .xlsx or .csv")
    text = _decode(data, source)
    sample = text[:8192]
    delimiter = max((",", "\t", ";"), key=lambda d: sample.count(d))
    sheet = Sheet("CSV")
    try:
        for r, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            if r > MAX_ROWS:
                raise SheetError(
                    f"{source}: has more than {MAX_ROWS:,} rows; a journey grid has tens. Keep only "
                    "the grid in the file"
                )
            if len(row) > MAX_COLS and any(v.strip() for v in row[MAX_COLS:]):
                raise SheetError(
                    f"{source}:{r}: has more than {MAX_COLS:,} columns, Excel's limit; a journey grid has tens. "
                    "Keep only the grid in the file"
                )
            for c, value in enumerate(row[:MAX_COLS], 1):
                value = value.strip()
                if value.startswith("'") and value[1:2] in ("=", "+", "-", "@"):
                    value = value[1:]  # the apostrophe a CSV writer adds so a spreadsheet does not run the cell
                if value:
                    sheet.cells[(r, c)] = value[:MAX_CELL_CHARS]
    except csv.Error as err:
        raise SheetError(f"{source}: is not readable CSV ({err})") from None
    return sheet


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise SheetError(f"{source}: is neither UTF-8 nor Shift_JIS text; save it as CSV UTF-8 or as .xlsx") from None
