"""`cjm export` to .xlsx and .csv: the grid a consultant draws, reopened with openpyxl and the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from cjm.output.office import export_bytes
from cjm.validation.check import check_file
from tests.conftest import assert_clean_exit, cli, run_cjm
from tests.test_adapt_properties import journey_maps

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted(ROOT.glob("samples/*.yaml")) + sorted(
    p for p in ROOT.glob("tests/corpus/*.yaml") if not p.name.endswith(".expect.yaml")
)
VALID = [p for p in MAPS if check_file(str(p)).journey is not None]


def journey(path: Path):
    return check_file(str(path)).journey


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_xlsx_is_the_grid(path: Path) -> None:
    j = journey(path)
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(j, "xlsx")))
    ws = book.worksheets[0]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    assert ws.cell(1, 1).value == j.title
    header = rows["フェーズ" if j.language == "ja" else "Phase"]
    assert [ws.cell(header, c + 2).value for c in range(len(j.phases))] == [p.name for p in j.phases]
    assert ws.freeze_panes == f"B{header + 1}"
    word, names = "行動" if j.language == "ja" else "Actions", {p.id: p.name for p in j.personas}

    def row_of(persona: str | None) -> int:
        """An entry's row: the plain one, or its persona's lane (`行動（贈る人）`, `Actions (Giver)`)."""
        name = names.get(persona, persona) if persona else None
        return rows[word if not name else f"{word}（{name}）" if j.language == "ja" else f"{word} ({name})"]

    for c, phase in enumerate(j.phases, 2):
        for item in phase.actions:
            cell = ws.cell(row_of(item.persona), c)
            assert " ".join(item.text.split()) in (cell.value or "")
            assert cell.alignment.wrap_text
            assert cell.font.name == ("Yu Gothic" if j.language == "ja" else "Calibri")
    score_rows = [r for label, r in rows.items() if str(label).startswith(("感情スコア", "Emotion score"))]
    assert score_rows
    for r in score_rows:
        for c in range(2, len(j.phases) + 2):
            value = ws.cell(r, c).value
            assert value is None or -2 <= value <= 2
    ranges = [str(rule.sqref) for rule in ws.conditional_formatting]
    assert any(f"B{score_rows[0]}" in r for r in ranges)
    assert ws.column_dimensions["B"].width >= 25
    for persona in j.personas:
        assert persona.name in [ws.cell(r, 2).value for r in range(1, header)]


@pytest.mark.parametrize("path", VALID[:7], ids=lambda p: p.stem)
def test_csv_is_the_same_grid(path: Path) -> None:
    j = journey(path)
    data = export_bytes(j, "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [j.title]
    header = next(r for r in rows if r and r[0] in ("フェーズ", "Phase"))
    assert header[1:] == [p.name for p in j.phases]
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(j, "xlsx")))
    grid = [[c if c is not None else "" for c in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    xlsx_labels = [r[0] for r in grid if r[0]]
    assert [r[0] for r in rows if r and r[0]] == xlsx_labels


def test_csv_cells_cannot_run_as_formulas(write_map) -> None:
    text = (ROOT / "tests/conftest.py").read_text()  # the minimal valid map of the in-process runner
    start = text.index("cjm: 1")
    minimal = text[start : text.index('"""', start)]
    path = write_map(minimal.replace("title: ", 'title: =HYPERLINK("http://x")', 1), "evil.yaml")
    data = export_bytes(journey(path), "csv").decode("utf-8-sig")
    assert data.splitlines()[0].startswith("\"'=HYPERLINK")


def test_cli_exports_by_suffix_and_refuses_to_overwrite_the_map(tmp_path: Path) -> None:
    sample = ROOT / "samples/gift-sweets.yaml"
    out = tmp_path / "gift.xlsx"
    proc = cli("export", str(sample), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert openpyxl.load_workbook(out).worksheets[0].cell(1, 1).value == journey(sample).title
    copy = tmp_path / "map.yaml"
    copy.write_bytes(sample.read_bytes())
    proc = cli("export", str(copy), "-o", str(copy), "--format", "csv")
    assert proc.returncode == 2 and "refusing to overwrite" in proc.stderr
    assert copy.read_bytes() == sample.read_bytes()


def test_cli_usage_errors(tmp_path: Path) -> None:
    sample = str(ROOT / "samples/gift-sweets.yaml")
    assert "unknown format 'docx'" in cli("export", sample, "-o", str(tmp_path / "x.docx")).stderr
    assert "give the file to write with -o" in cli("export", sample, "--format", "pptx").stderr
    stdout = cli("export", sample, "--format", "csv")
    assert stdout.returncode == 0 and stdout.stdout.startswith('"Gift sweets')


def test_invalid_map_is_a_located_error(write_map, tmp_path: Path) -> None:
    path = write_map("cjm: 1\nid: x\ntitle: t\nphases: [{id: a, name: A}]\n", "bad.yaml")
    proc = run_cjm("export", str(path), "-o", str(tmp_path / "bad.xlsx"))
    assert_clean_exit(proc, (2,))
    assert f"{path}:4:" in proc.stderr and "is not a valid map" in proc.stderr
    assert not (tmp_path / "bad.xlsx").exists()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=journey_maps())
def test_every_generated_valid_map_exports_and_reads_back(text: str, tmp_path: Path) -> None:
    """Generated valid maps (the adapt property tests' strategy): every export opens, and the grid reads back with
    every phase and action."""
    from cjm.office import import_grid
    from cjm.validation.check import check_text

    j = check_text(text, "generated.yaml").journey
    assert j is not None
    for fmt in ("xlsx", "csv", "pptx"):
        data = export_bytes(j, fmt)
        assert data
    back = check_text(import_grid(export_bytes(j, "xlsx"), "g.xlsx").text, "back.yaml").journey
    assert back is not None
    assert [p.name for p in back.phases] == [" ".join(p.name.split()) for p in j.phases]
    assert [_actions_by_persona(p, back) for p in back.phases] == [_actions_by_persona(p, j) for p in j.phases]


def _actions_by_persona(phase, journey) -> dict[str | None, list[str]]:
    """A phase's actions by their persona's name (the grid has a row per persona; two personas of one name share
    theirs, so each list is compared as a set of texts)."""
    names = {p.id: p.name for p in journey.personas}
    found: dict[str | None, list[str]] = {}
    for item in phase.actions:
        found.setdefault(names.get(item.persona, item.persona), []).append(" ".join(item.text.split()))
    return {name: sorted(texts) for name, texts in found.items()}


def test_export_survives_the_hostile_corpus(tmp_path: Path) -> None:
    from tests.test_hostile_commands import CORPUS_FILES

    for name, raw in CORPUS_FILES.items():
        if len(raw) > 5_000_000:
            continue
        path = tmp_path / f"{name}.yaml"
        path.write_bytes(raw)
        for suffix in ("xlsx", "pptx"):
            proc = cli("export", str(path), "-o", str(tmp_path / f"out.{suffix}"))
            assert proc.returncode in (0, 2), (name, proc.stderr[-300:])
