"""`cjm export MAP -o deck.pptx`: an editable 16:9 deck, reopened with python-pptx. Every element is a native
shape, table or text box (no pictures), every phase and item is on a slide, text is readable at projector size
and set in a Japanese-capable font with a fallback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu

from cjm.output.office import export_bytes
from cjm.validation.check import check_file
from tests.conftest import cli

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted(ROOT.glob("samples/*.yaml")) + sorted(
    p for p in ROOT.glob("tests/corpus/*.yaml") if not p.name.endswith(".expect.yaml")
)
VALID = [p for p in MAPS if check_file(str(p)).journey is not None]


def _texts(slide) -> list[str]:
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found.extend(cell.text_frame.text for row in shape.table.rows for cell in row.cells)
    return found


def _runs(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    yield from paragraph.runs


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_deck_holds_the_whole_map_in_native_shapes(path: Path) -> None:
    journey = check_file(str(path)).journey
    deck = Presentation(io.BytesIO(export_bytes(journey, "pptx")))
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    slides = list(deck.slides)
    assert journey.title in _texts(slides[0])
    all_text = "\n".join(t for slide in slides for t in _texts(slide))
    journey_slides = [s for s in slides if any(shape.has_table for shape in s.shapes)]
    headers = [
        cell.text_frame.text
        for s in journey_slides
        for shape in s.shapes
        if shape.has_table
        for cell in shape.table.rows[0].cells
    ]
    for phase in journey.phases:
        assert phase.name in headers
        for item in phase.all_items():
            assert item.text in all_text, item.text
        for emotion in phase.emotions:
            assert not emotion.note or emotion.note in all_text
    for initiative in journey.initiatives:
        assert all_text.count(initiative.title) >= 2  # on the roadmap and in the matrix
    for slide in slides:
        assert not [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    scored = sum(1 for p in journey.phases if p.emotions)
    first = journey_slides[0]
    points = [s for s in first.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.name.startswith("Oval")]
    lines = [s for s in first.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]
    if scored:
        assert points and len(lines) >= 1
    runs = list(_runs(deck))
    assert runs and all(run.font.size is None or run.font.size.pt >= 9 for run in runs)
    east_asian = {r._r.rPr.find(qn("a:ea")).get("typeface") for r in runs if r._r.rPr is not None}
    assert east_asian == {"Yu Gothic"}
    charsets = {r._r.rPr.find(qn("a:ea")).get("charset") for r in runs}
    assert charsets == {"-128"}  # Shift_JIS: a renderer without Yu Gothic falls back to another Japanese font


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_shape_ids_are_unique_and_tables_as_wide_as_their_columns(path: Path) -> None:
    """The deck counts shape ids up instead of searching each slide, and sets a table's column widths directly:
    PowerPoint repairs a file with two shapes of one id, and a table frame narrower than its columns."""
    deck = Presentation(io.BytesIO(export_bytes(check_file(str(path)).journey, "pptx")))
    for slide in deck.slides:
        ids = [shape.shape_id for shape in slide.shapes]
        assert len(ids) == len(set(ids)), ids
        for shape in slide.shapes:
            if shape.has_table:
                assert shape.width == sum(column.width for column in shape.table.columns)


def test_one_journey_slide_set_per_persona_lane() -> None:
    journey = check_file(str(ROOT / "samples/gift-sweets.yaml")).journey
    deck = Presentation(io.BytesIO(export_bytes(journey, "pptx")))
    titles = [_texts(s)[0] for s in deck.slides]
    for persona in journey.personas:
        assert any(t.startswith(persona.name) for t in titles), titles


def test_cli_writes_the_deck(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    proc = cli("export", str(ROOT / "samples/apparel-working-mother.yaml"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    deck = Presentation(str(out))
    assert any("忙しいワーキングマザー" in t for t in _texts(deck.slides[0]))
    assert "give the file to write with -o" in cli("export", str(out), "--format", "pptx").stderr


def _long_map(phases: int) -> str:
    kinds = ["awareness", "consideration", "purchase", "retention", "advocacy"]
    lines = ["cjm: 1", "id: long-journey", "title: 長いジャーニー", "language: ja", "phases:"]
    for number in range(1, phases + 1):
        lines += [
            f"  - id: p{number}",
            f"    name: フェーズ{number}",
            f"    kind: {kinds[(number - 1) * len(kinds) // phases]}",
            f"    actions: [行動{number}をする, 比較サイトで価格を確かめる]",
            f"    emotion: {{score: {number % 5 - 2}}}",
        ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("phases", [12, 45, 120])
def test_a_long_map_is_cut_into_readable_runs_of_phases(write_map, phases: int) -> None:
    """Past eleven phases a column would be narrower than an inch: the map is cut into runs of phases, each
    phase on exactly one slide, in order, every slide's table as readable as the rest (it once put every phase
    of a 45-phase map on one slide, each column a quarter of an inch)."""
    journey = check_file(str(write_map(_long_map(phases)))).journey
    assert journey is not None and len(journey.phases) == phases
    deck = Presentation(io.BytesIO(export_bytes(journey, "pptx")))
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    headers = [cell.text_frame.text for table in tables for cell in list(table.rows[0].cells)[1:]]
    assert headers == [phase.name for phase in journey.phases]
    for table in tables:
        assert 3 <= len(table.columns) - 1 <= 11
        assert all(column.width >= Emu(914_400) for column in list(table.columns)[1:])  # an inch
    titles = [_texts(slide)[0] for slide in deck.slides]
    numbered = [title for title in titles if title.startswith("長いジャーニー (")]
    assert numbered == [f"長いジャーニー ({n}/{len(tables)})" for n in range(1, len(tables) + 1)]
    assert [slide.slide_id for slide in deck.slides] == list(range(256, 256 + len(titles)))
