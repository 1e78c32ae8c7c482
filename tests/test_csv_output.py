"""Every cell of every CSV output opens in a spreadsheet as data (OWASP's CSV injection guidance)."""

from __future__ import annotations

import csv
import io

import pytest

from cjm.core.csv_writer import cell

from .conftest import cli
from .test_cli_prioritise import map_text

HOSTILE_TEXT = [
    "=SUM(A1:A9)",
    "+1+2",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=cmd|' /C calc'!A0",
    "\n=1",
    "  =1+1",
    "\r\n@x",
    " \t-1",
    "plain, with a comma",
    "レビュー\n=2",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_a_cell_that_a_spreadsheet_would_run_keeps_its_text(text):
    guarded = cell(text)
    assert guarded in (text, "'" + text)
    runs = text.lstrip(" \t\r\n")[:1] in "=+-@" or text[:1] in "\t\r\n"
    assert guarded.startswith("'") == bool(runs and text.lstrip(" \t\r\n"))


def test_numbers_and_flags_stay_values():
    assert cell(-1.5) == -1.5 and cell(3) == 3 and cell(True) == "true" and cell(None) == ""


def _dangerous(value: str) -> bool:
    try:
        float(value)
        return False  # a number, written unquoted by cjm
    except ValueError:
        return value.lstrip(" \t\r\n\x0b\x0c")[:1] in ("=", "+", "-", "@") or value[:1] in ("\t", "\r", "\n")


def test_every_cell_of_the_prioritise_csv_is_defused_the_file_column_too(tmp_path):
    initiatives = [{"id": f"i{n}", "title": text, "impact": 3} for n, text in enumerate(HOSTILE_TEXT)]
    (tmp_path / "=HYPERLINK(x).yaml").write_text(map_text(initiatives), encoding="utf-8")
    proc = cli("prioritise", "=HYPERLINK(x).yaml", "--format", "csv", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert len(rows) == len(HOSTILE_TEXT) + 1
    cells = [value for row in rows[1:] for value in row]
    assert not [value for value in cells if _dangerous(value)]
    assert {row[rows[0].index("file")] for row in rows[1:]} == {"'=HYPERLINK(x).yaml"}
    assert sorted(row[rows[0].index("title")].removeprefix("'") for row in rows[1:]) == sorted(HOSTILE_TEXT)
    assert {len(row) for row in rows} == {len(rows[0])}  # a line break or control character stays in its cell
