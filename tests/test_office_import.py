"""`cjm import`: journey grids as consultants make them (tests/office_grids.py, tests/office_golden/*.csv) read into
maps that match the golden files, validate and lint; every export reads back item for item; bad input is a clear,
located error in bounded time and memory."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjm.office import SheetError, import_grid
from cjm.office.cells import read_emotion, read_kpi, row_label, split_items
from cjm.office.grid_export import bullets
from cjm.office.importer import _is_persona_title, _persona_field
from cjm.output.office import export_bytes
from cjm.validation.check import check_file, check_text
from tests.conftest import assert_clean_exit, cli, run_cjm
from tests.office_grids import GRIDS, write_grid

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "office_golden"
CSVS = sorted(GOLDEN.glob("*.csv"))
MAPS = sorted(ROOT.glob("samples/*.yaml")) + sorted(
    p for p in ROOT.glob("tests/corpus/*.yaml") if not p.name.endswith(".expect.yaml")
)
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN") == "1"  # write the golden files (then look at them before committing)


def _source(name: str, tmp_path: Path) -> Path:
    if name.endswith(".csv"):
        return GOLDEN / name
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(write_grid(name))
    return path


def _problem_lines(problems) -> str:
    return "".join(f"{p.file}:{p.line}:{p.col}: {p.code} [{p.severity.value}] {p.message}\n" for p in problems)


@pytest.mark.parametrize("name", [*GRIDS, *(p.name for p in CSVS)])
def test_grid_reads_as_the_golden_map(name: str, tmp_path: Path) -> None:
    path = _source(name, tmp_path)
    imported = import_grid(path.read_bytes(), path.name)
    stem = name.removesuffix(".csv")
    expected_map, expected_problems = GOLDEN / f"{stem}.yaml", GOLDEN / f"{stem}.problems.txt"
    if UPDATE:
        expected_map.write_text(imported.text, encoding="utf-8")
        expected_problems.write_text(_problem_lines(imported.problems), encoding="utf-8")
    assert imported.text == expected_map.read_text(encoding="utf-8")
    assert _problem_lines(imported.problems) == expected_problems.read_text(encoding="utf-8")
    result = check_text(imported.text, f"{stem}.yaml")
    assert result.ok, result.problems
    # Stable across runs: the same file gives the same map, ids included.
    assert import_grid(path.read_bytes(), path.name).text == imported.text


@pytest.mark.parametrize("name", ["ja-workshop", "en-service-design"])
def test_an_imported_map_lints_like_any_map(name: str, tmp_path: Path) -> None:
    path = _source(name, tmp_path)
    out = tmp_path / "map.yaml"
    proc = cli("import", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert_clean_exit(lint := cli("lint", str(out)), (0, 1))
    if name == "en-service-design":  # the Notes row's cell, placed for review, is reported by lint too
        assert "review" in lint.stdout


def test_nothing_in_a_grid_is_dropped(tmp_path: Path) -> None:
    for name in GRIDS:
        data = write_grid(name)
        imported = import_grid(data, f"{name}.xlsx")
        text = imported.text
        sheet = next(s for s in GRIDS[name] if s["name"] == imported.sheet)
        for ref, value in sheet["cells"].items():
            if isinstance(value, str) and not value.startswith("="):
                for piece in split_items(value):
                    assert any(word in text for word in (piece, piece.strip("★☆ "))) or _read_elsewhere(
                        piece, imported
                    ), (name, ref, piece)


def _read_elsewhere(piece: str, imported) -> bool:
    """Cells that become structure, not text: labels, faces, stars, scores, KPI targets."""
    return (
        bool(row_label(piece))
        or read_emotion(piece, None) is not None
        or "target" in read_kpi(piece)
        or any(piece in p.message for p in imported.problems)
        or _persona_field(piece)
        or _is_persona_title(piece)
    )


@pytest.mark.parametrize("path", [p for p in MAPS if check_file(str(p)).journey], ids=lambda p: p.stem)
def test_import_of_an_export_gives_back_every_item(path: Path) -> None:
    journey = check_file(str(path)).journey
    for fmt in ("xlsx", "csv"):
        imported = import_grid(export_bytes(journey, fmt), f"{path.stem}.{fmt}")
        back = check_text(imported.text, "back.yaml").journey
        assert back is not None, imported.text[:500]
        assert [p.name for p in back.phases] == [p.name for p in journey.phases]
        whose_before = {p.id: p.name for p in journey.personas}
        whose_after = {p.id: p.name for p in back.personas}
        for before, after in zip(journey.phases, back.phases, strict=True):
            for name in ("actions", "thoughts", "touchpoints", "pain_points", "opportunities", "kpis"):
                # Each persona's entries in their order (the grid gives each persona's entries a row of their own).
                assert _by_persona(before.items[name], whose_before) == _by_persona(after.items[name], whose_after)
            assert sorted(e.score for e in before.emotions) == sorted(e.score for e in after.emotions)
        assert [p.name for p in back.personas] == [p.name for p in journey.personas]
        assert not [p for p in imported.problems if p.severity.value != "info"]


def _by_persona(items, names: dict[str, str]) -> dict[str | None, list[tuple]]:
    found: dict[str | None, list[tuple]] = {}
    for i in items:
        entry = (" ".join(i.text.split()), i.get("target"), i.get("unit"), i.get("channel"))
        found.setdefault(names.get(i.persona, i.persona), []).append(entry)
    return found


# --- what a cell says -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("・A\n・B", ["A", "B"]),
        ("- A\n- B", ["A", "B"]),
        ("1. A\n2) B\n(3) C", ["A", "B", "C"]),
        ("①A\n②B", ["A", "B"]),
        ("• A long\nwrapped line\n• B", ["A long wrapped line", "B"]),
        ("one\ntwo", ["one", "two"]),
        ("のし・配送日を指定", ["のし・配送日を指定"]),
        ("-", ["-"]),
    ],
)
def test_items_in_a_cell(cell: str, items: list[str]) -> None:
    assert split_items(cell) == items


_TEXT = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30)
    .map(lambda t: " ".join(t.split()))
    .filter(lambda t: t and t == t.strip() and split_items(t) == [t])
)


@given(st.lists(_TEXT, min_size=1, max_size=6), st.sampled_from(["ja", "en"]))
def test_bullets_read_back_as_the_same_items(texts: list[str], language: str) -> None:
    assert split_items(bullets(texts, language)) == texts


@pytest.mark.parametrize(
    ("cell", "scale", "score", "note"),
    [
        ("4", (1, 5), 1, None),
        ("1", (1, 5), -2, None),
        ("-1", None, -1, None),
        ("+2 最高", None, 2, "最高"),
        ("3/5", None, 0, None),
        ("-5", (-5, 5), -2, None),
        ("😊 楽しい", None, 1, "楽しい"),
        (":(", None, -1, None),
        ("不安", None, -1, "不安"),
        ("excited", None, 2, "excited"),
        ("★★★★☆", None, 1, None),
    ],
)
def test_emotions(cell: str, scale, score: float, note: str | None) -> None:
    reading = read_emotion(cell, scale)
    assert reading is not None and (reading.score, reading.note) == (score, note)
    assert reading.how


def test_an_unreadable_feeling_is_none() -> None:
    assert read_emotion("受付で名前を書く", None) is None


@pytest.mark.parametrize(
    ("cell", "kpi"),
    [
        ("CVR 目標 2.5%", {"name": "CVR", "target": 2.5, "unit": "%", "metric": "conversion_rate"}),
        ("CVR 2.5%", {"name": "CVR", "target": 2.5, "unit": "%", "metric": "conversion_rate"}),
        ("NPS: target 40 points", {"name": "NPS", "target": 40, "unit": "points", "metric": "nps"}),
        (
            "サイト訪問数 目標 50,000 件/月",
            {"name": "サイト訪問数", "target": 50000, "unit": "件/月", "metric": "site_visits"},
        ),
        ("売上 目標 前年比+10%", {"name": "売上", "target": "前年比+10%"}),
        ("Repeat rate", {"name": "Repeat rate", "metric": "repeat_rate"}),
        ("CVR 2〜3%", {"name": "CVR 2〜3%", "metric": "conversion_rate"}),
    ],
)
def test_kpis(cell: str, kpi: dict) -> None:
    assert read_kpi(cell) == kpi


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("行動", "actions"),
        ("顧客の行動", "actions"),
        ("Doing", "actions"),
        ("行動（Doing）", "actions"),
        ("思考", "thoughts"),
        ("Thinking", "thoughts"),
        ("感情", "emotion"),
        ("Feeling", "emotion"),
        ("感情スコア", "emotion_score"),
        ("タッチポイント", "touchpoints"),
        ("ペインポイント", "pain_points"),
        ("Pain points:", "pain_points"),
        ("改善案", "opportunities"),
        ("施策", "opportunities"),
        ("機会", "opportunities"),
        ("ＫＰＩ", "kpis"),
        ("Opportunities", "opportunities"),
        ("フェーズ", "phase"),
        ("備考", None),
        ("Thoughtful giver Naomi", None),  # a persona's name, not the Thoughts row
        ("Actions (Thoughtful giver Naomi)", "actions"),
        ("Actions taken", "actions"),
    ],
)
def test_row_labels(label: str, kind: str | None) -> None:
    found = row_label(label)
    assert (found[0] if found else None) == kind


# --- the command ------------------------------------------------------------------------------------------------


def test_cli_writes_the_map_and_reports_at_cells(tmp_path: Path) -> None:
    grid = _source("en-service-design", tmp_path)
    out = tmp_path / "coffee.yaml"
    proc = cli("import", str(grid), "-o", str(out))
    assert proc.returncode == 0  # warnings are shown; --strict makes them fail
    assert cli("import", str(grid), "--strict").returncode == 1
    assert f"{grid}:12:4: CJM070 [warning] Journey!D12: 'Legal to review" in proc.stdout
    assert check_file(str(out)).ok
    again = cli("import", str(grid), "-o", str(out))
    assert again.returncode == 2 and "already exists; use --force" in again.stderr
    assert cli("import", str(grid), "-o", str(out), "--force").returncode == 0


def test_cli_without_output_writes_the_map_to_stdout_and_the_report_to_stderr(tmp_path: Path) -> None:
    proc = cli("import", str(GOLDEN / "en-tabs.csv"), "--format", "json")
    assert proc.returncode == 0
    assert proc.stdout.startswith("# Imported by `cjm import`") and check_text(proc.stdout, "m.yaml").ok
    assert '"CJM071"' in proc.stderr


def test_sheet_option(tmp_path: Path) -> None:
    grid = _source("en-service-design", tmp_path)
    assert cli("import", str(grid), "--sheet", "Journey", "--strict").returncode == 1
    proc = cli("import", str(grid), "--sheet", "Nope")
    assert proc.returncode == 2 and "has no sheet 'Nope'; its sheets are: 'Cover', 'Journey'" in proc.stderr
    proc = cli("import", str(grid), "--sheet", "Cover")
    assert proc.returncode == 2 and "sheet 'Cover' has no journey grid" in proc.stderr


def test_import_never_writes_over_its_input(tmp_path: Path) -> None:
    grid = tmp_path / "grid.csv"
    grid.write_bytes((GOLDEN / "en-tabs.csv").read_bytes())
    link = tmp_path / "link.yaml"
    link.symlink_to(grid)
    proc = cli("import", str(grid), "-o", str(link), "--force")
    assert proc.returncode == 2 and "refusing to overwrite" in proc.stderr
    assert grid.read_bytes() == (GOLDEN / "en-tabs.csv").read_bytes()


# --- bad input: a clear, located error, bounded time and memory, no traceback ------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


BAD = {
    "picture.xlsx": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "is not a readable .xlsx workbook"),
    "locked.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "password-protected or an old Excel 97-2003"),
    "letter.xlsx": (_zip({"word/document.xml": b"<w/>"}), "is a Word document, not an Excel workbook"),
    "broken.xlsx": (write_grid("ja-workshop")[:3000], "damaged zip"),
    "labels-only.csv": ("行動\n思考\n課題\n".encode(), "no sheet has a journey grid"),
    "binary.csv": (b"\x00\x01\x02" * 100, "is binary, not a CSV"),
    "empty.csv": (b"", "no sheet has a journey grid"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_a_located_error(name: str, tmp_path: Path) -> None:
    data, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    proc = cli("import", str(path))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"cjm: error: {path}: ") and message in proc.stderr, proc.stderr
    with pytest.raises(SheetError):
        import_grid(data, name)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"\x00" * (64 << 20)}))
    proc = run_cjm("import", str(path), limit_memory=True, timeout=60)
    assert_clean_exit(proc, (2,))
    assert "(a zip bomb?)" in proc.stderr


def test_a_million_rows_is_refused_in_bounded_time_and_memory(tmp_path: Path) -> None:
    csv_path = tmp_path / "rows.csv"
    csv_path.write_bytes(b"Phase,A,B\nActions,x,y\nThoughts,x,y\n" + b"x,1,2\n" * 1_000_000)
    proc = run_cjm("import", str(csv_path), limit_memory=True, timeout=120)
    assert_clean_exit(proc, (2,))
    assert "has more than 2,000 rows" in proc.stderr
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(1, 1_000_001))
    book = write_grid("en-scale-5")
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[: sheet.index("<sheetData>")]
        + f"<sheetData>{rows}</sheetData>"
        + sheet[sheet.index("</sheetData>") + 12 :]
    ).encode()
    xlsx_path = tmp_path / "rows.xlsx"
    xlsx_path.write_bytes(_zip(parts))
    proc = run_cjm("import", str(xlsx_path), limit_memory=True, timeout=120)
    assert_clean_exit(proc, (2,))
    assert "has more than 2,000 rows" in proc.stderr or "over the" in proc.stderr, proc.stderr


def test_formulas_are_read_from_their_cached_values_never_evaluated(tmp_path: Path) -> None:
    imported = import_grid(write_grid("ja-score-1to5"), "score.xlsx")
    receive = imported.data["phases"][2]
    assert receive["emotion"] == {"score": 1, "note": "安心"}  # =C6, cached 4 on the 1..5 scale
    assert "score.xlsx:6:7: CJM071" in _problem_lines(imported.problems)


def test_an_emotion_without_a_score_is_kept_as_a_note_and_reported() -> None:
    grid = "フェーズ,認知,購入\n行動,広告を見る,買う\n感情,受付で名前を書く,😊\n".encode()
    imported = import_grid(grid, "grid.csv")
    first, second = imported.data["phases"]
    assert first["emotion"] == {"score": 0, "note": "受付で名前を書く"}
    assert second["emotion"] == {"score": 1}
    codes = [(p.code, p.severity.value, p.message.split(":")[0]) for p in imported.problems]
    assert ("CJM072", "warning", "B3") in codes and ("CJM071", "info", "C3") in codes
    assert cli("import", "--strict", str(GOLDEN / "en-tabs.csv")).returncode == 0  # only notes there


def test_a_score_row_decides_the_score_and_the_feelings_row_is_the_note() -> None:
    grid = b"Phase,Browse,Buy\nFeelings,frustrated,happy\nEmotion score (1-5),4,2\nActions,a,b\n"
    first, second = import_grid(grid, "grid.csv").data["phases"]
    assert first["emotion"] == {"score": 1, "note": "frustrated"}  # 4 of 1..5, not averaged with the word
    assert second["emotion"] == {"score": -1, "note": "happy"}


def _wide_grid(phases: int) -> list[list[str]]:
    return [
        ["ステップ", *(f"フェーズ{n}" for n in range(1, phases + 1))],
        ["行動", *(f"行動{n}" for n in range(1, phases + 1))],
        ["課題", *(f"課題{n}" for n in range(1, phases + 1))],
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_wide_grid_is_read_to_its_last_column(kind: str) -> None:
    """No column is left out: a grid of 300 phases gives a map of 300 phases, the last one's action included."""
    import csv

    import openpyxl

    rows = _wide_grid(300)
    if kind == "csv":
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        data = text.getvalue().encode("utf-8")
    else:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        out = io.BytesIO()
        book.save(out)
        data = out.getvalue()
    imported = import_grid(data, f"wide.{kind}")
    journey = check_text(imported.text, "wide.yaml").journey
    assert journey is not None and len(journey.phases) == 300
    assert "行動300" in imported.text


def test_a_csv_wider_than_excel_is_refused_at_its_row() -> None:
    data = ("a," * 16_384 + "past the last column\n").encode("utf-8")
    with pytest.raises(SheetError, match=r"^wide\.csv:1: has more than 16,384 columns"):
        import_grid(data, "wide.csv")


def test_a_cell_past_excels_last_column_is_refused_at_that_cell() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Grid"
    book.active.cell(row=3, column=16_385, value="forged")
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(SheetError, match=r"^forged\.xlsx:Grid!XFE3: a cell past column XFD"):
        import_grid(out.getvalue(), "forged.xlsx")
