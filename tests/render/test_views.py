"""The views: golden DOT, determinism, text that comes out literally, and columns and curve points that line
up once Graphviz has drawn them."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from cjm.render import VIEWS, dot_source, render
from cjm.render.curve import NEGATIVE_TINT, POSITIVE_TINT
from cjm.render.graphviz import run_dot
from cjm.render.mermaid import build_mermaid
from cjm.render.theme import HEADER_BG
from cjm.validation.check import check_file

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
GOLDEN = HERE / "golden"
CORPUS = [
    p
    for p in sorted((ROOT / "tests" / "corpus").glob("*.yaml"))
    if not p.name.endswith(".expect.yaml") and check_file(str(p)).journey is not None
]
MAPS = sorted((HERE / "maps").glob("*.yaml")) + sorted((ROOT / "samples").glob("*.yaml")) + CORPUS
SVG = "{http://www.w3.org/2000/svg}"


@cache
def journey(path: Path):
    result = check_file(str(path))
    assert result.journey is not None, result.problems
    return result.journey


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CJM_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with CJM_UPDATE_GOLDEN=1 once, and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: review, then CJM_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("view", list(VIEWS))
def test_golden_dot(view: str) -> None:
    golden(f"apparel-ja.{view}.dot", dot_source(journey(HERE / "maps" / "apparel-ja.yaml"), view))


def test_golden_mermaid() -> None:
    golden("apparel-ja.mmd", build_mermaid(journey(HERE / "maps" / "apparel-ja.yaml")))
    golden("hostile.mmd", build_mermaid(journey(HERE / "maps" / "hostile.yaml")))


@pytest.mark.parametrize("view", list(VIEWS))
def test_same_map_same_bytes(view: str) -> None:
    first = dot_source(check_file(str(HERE / "maps" / "hostile.yaml")).journey, view)
    again = dot_source(check_file(str(HERE / "maps" / "hostile.yaml")).journey, view)
    assert first == again


@pytest.mark.parametrize("view", list(VIEWS))
def test_hostile_text_comes_out_literally(view: str) -> None:
    svg = render(journey(HERE / "maps" / "hostile.yaml"), view, "svg")
    root = ET.fromstring(svg)
    assert list(root.iter(f"{SVG}image")) == []  # nothing was read from a file
    shown = re.sub(r"\s+", "", "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text")))
    expected = {
        "map": [
            '<IMG SRC="/etc/passwd"/>',
            'Title<B>bold</B>&"quotes"\\N\\G',
            "back\\slash\\N\\G\\L\\nend",
            "&lt;isnot<and&amp;isnot&",
            "ctrl\\x07bell\\x1b[31mred\\u202eevil",
            'image="/etc/passwd"shapefile="/etc/passwd"',
            "]]><![CDATA[x]]>",
            "Fix<b>it</b>&\\G",
            "KPI|pipe*star_under_[link](x)",
            "target<100\\N",
        ],
        "emotion": ['<IMG SRC="/etc/passwd"/>', "ctrl\\x07bell\\x1b[31mred\\u202eevil", "Fix<b>it</b>&\\G"],
        "matrix": ["Fix<b>it</b>&\\G", "Then]]>this"],
        "roadmap": ["Fix<b>it</b>&\\G", "Then]]>this"],
    }[view]
    for text in expected:
        assert re.sub(r"\s+", "", text) in shown, text


def _rect(points: str) -> tuple[float, float, float, float]:
    xs, ys = zip(*((float(x), float(y)) for x, y in (p.split(",") for p in points.split())), strict=True)
    return min(xs), max(xs), min(ys), max(ys)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_columns_line_up_and_points_sit_in_their_cells(path: Path) -> None:
    """Graphviz keeps every width and height cjm gave the map's table, so the curve's points, pinned where cjm
    computed their cells, land at the centre of their phase's column, inside the band."""
    the_map = journey(path)
    root = ET.fromstring(run_dot(dot_source(the_map, "map"), "svg"))
    polygons = [(p.get("fill"), _rect(p.get("points", ""))) for p in root.iter(f"{SVG}polygon")]
    headers = [rect for fill, rect in polygons if fill == HEADER_BG][1:]  # the first is the corner
    assert len(headers) == len(the_map.phases)
    widths = {round(right - left, 1) for left, right, _, _ in headers}
    assert len(widths) == 1, f"a column grew past the width cjm gave it: {widths}"
    band = [rect for fill, rect in polygons if fill in (POSITIVE_TINT, NEGATIVE_TINT)]
    top, bottom = min(r[2] for r in band), max(r[3] for r in band)
    for node in root.iter(f"{SVG}g"):
        title = node.find(f"{SVG}title")
        if node.get("class") != "node" or title is None or not re.fullmatch(r"e\d+_\d+", title.text or ""):
            continue
        phase = int(title.text.split("_")[1])
        left, right, _, _ = headers[phase]
        text = node.find(f"{SVG}text")
        x, y = float(text.get("x")), float(text.get("y"))
        assert left < x < right
        assert top < y < bottom


def test_a_japanese_map_is_drawn_with_a_japanese_font() -> None:
    """Real glyphs, not empty boxes: the PDF embeds a CJK font for the Japanese text."""
    pdf = render(journey(HERE / "maps" / "apparel-ja.yaml"), "map", "pdf")
    fonts = set(re.findall(rb"/FontName\s*/[A-Z]{6}\+([A-Za-z0-9-]+)", pdf))
    assert any(b"CJK" in name or b"Hiragino" in name or b"Gothic" in name for name in fonts), fonts


def test_every_view_draws_to_png() -> None:
    the_map = journey(ROOT / "samples" / "gift-sweets.yaml")
    for view in VIEWS:
        assert render(the_map, view, "png").startswith(b"\x89PNG\r\n\x1a\n")


def test_several_lanes_get_a_legend_and_their_own_colours() -> None:
    source = dot_source(journey(ROOT / "samples" / "gift-sweets.yaml"), "map")
    the_map = journey(ROOT / "samples" / "gift-sweets.yaml")
    for persona in the_map.personas:
        assert persona.name in source
    assert "\u25cf" in source  # the legend's markers


def test_personas_show_on_a_map_whose_entries_name_none() -> None:
    """Most real maps tag nothing with `persona:`: the map still shows who the personas are, as cards with role,
    goals and pains, and draws one lane rather than an empty lane per persona."""
    root = ET.fromstring(render(journey(HERE / "maps" / "gift-untagged.yaml"), "map", "svg"))
    shown = re.sub(r"\s+", "", "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text")))
    for text in (
        "Giver \u2014 Grandson, 34",
        "Receiver \u2014 Grandmother, 70",
        "Flowers that arrive fresh on the day",
        "Small print on the care card",
        "Lives far away and sends flowers for birthdays.",
    ):
        assert re.sub(r"\s+", "", text) in shown, text
    assert "Unassigned" not in shown


def test_lanes_are_labelled_with_role_and_name_and_untagged_entries_are_nobody_s() -> None:
    source = dot_source(journey(ROOT / "samples" / "gift-sweets.yaml"), "map")
    assert "Giver \u2014 Thoughtful" in source and "Receiver \u2014 Receiving" in source
    assert ">Unassigned<" in source and ">All<" not in source


def _pills_and_lines(root: ET.Element) -> tuple[dict[str, tuple[float, float, float, float]], list[tuple]]:
    pills, lines = {}, []
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        name = title.text if title is not None else ""
        if group.get("class") == "node" and re.fullmatch(r"e\d+_\d+", name or ""):
            shape = group.find(f"{SVG}path")
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d", ""))]
            xs, ys = numbers[0::2], numbers[1::2]
            pills[name] = (min(xs), max(xs), min(ys), max(ys))
        elif group.get("class") == "edge" and (name or "").startswith("e"):  # a piece of a curve
            path = group.find(f"{SVG}path")
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
            lines.append((name, (numbers[0], numbers[1]), (numbers[-2], numbers[-1])))
    return pills, lines


def _crosses(start: tuple[float, float], end: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    """Whether the segment passes through the middle of the box (its score's text), by sampling it."""
    left, right, top, bottom = box
    inner = (left + 6, right - 6, top + 3, bottom - 3)
    for step in range(201):
        x = start[0] + (end[0] - start[0]) * step / 200
        y = start[1] + (end[1] - start[1]) * step / 200
        if inner[0] < x < inner[1] and inner[2] < y < inner[3]:
            return True
    return False


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_no_curve_line_crosses_a_score_and_no_two_scores_overlap(path: Path) -> None:
    root = ET.fromstring(run_dot(dot_source(journey(path), "map"), "svg"))
    pills, lines = _pills_and_lines(root)
    names = sorted(pills)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = pills[first], pills[second]
            assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (first, second)
    for name, start, end in lines:
        ends = set(re.findall(r"e\d+_\d+", name))  # the points it joins (waypoints are named after them)
        for pill, box in pills.items():
            if pill not in ends:
                assert not _crosses(start, end, box), (name, pill)


def test_every_svg_carries_the_map_in_words() -> None:
    from cjm.render.describe import describe

    the_map = journey(HERE / "maps" / "apparel-ja.yaml")
    for view in VIEWS:
        root = ET.fromstring(render(the_map, view, "svg"))
        assert root.get("role") == "img" and root.get("aria-labelledby") == "cjm-title cjm-desc"
        title, desc = list(root)[:2]
        assert title.tag == f"{SVG}title" and title.text.startswith(the_map.title)
        assert desc.tag == f"{SVG}desc" and desc.text == describe(the_map)
    assert "低点：検討（−1.5、サイズが不安で迷う）" in describe(the_map)
