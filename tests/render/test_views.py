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
from cjm.validate import check_file

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
GOLDEN = HERE / "golden"
MAPS = sorted((HERE / "maps").glob("*.yaml")) + sorted((ROOT / "samples").glob("*.yaml"))
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
        "map": ['<IMG SRC="/etc/passwd"/>', 'Title<B>bold</B>&"quotes"\\N\\G', "back\\slash\\N\\G\\L\\nend",
                "&lt;isnot<and&amp;isnot&", "ctrl\\x07bell\\x1b[31mred\\u202eevil",
                'image="/etc/passwd"shapefile="/etc/passwd"', "]]><![CDATA[x]]>", "Fix<b>it</b>&\\G",
                "KPI|pipe*star_under_[link](x)", "target<100\\N"],
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
