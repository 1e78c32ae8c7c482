"""CSV that a spreadsheet opens as data: the one writer every CSV output uses.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some do after a tab, a carriage
return, a line feed or leading blanks), so such a cell gets a leading apostrophe, as OWASP's guidance on CSV
injection says. Every text cell is quoted, so a control character or a line break inside one can never end a cell
or a row; numbers stay numbers. It lives at the bottom of the house so that every layer that writes CSV (the
Office export, the roadmap) uses it; output to a terminal goes through `cjm.output.terminal.log_guard` first.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_BLANKS = " \t\r\n\x0b\x0c"


def cell(value: Any) -> Any:
    """A value as a CSV cell: numbers as they are, text defused (see the module's docstring)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    if text.startswith(_FORMULA_START) or text.lstrip(_BLANKS).startswith(_FORMULA_START[:4]):
        return "'" + text
    return text


class CsvWriter:
    """`csv.writer` for cjm's CSV outputs: every cell through `cell`, text quoted, one `\\n` per row."""

    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([cell(value) for value in row])
