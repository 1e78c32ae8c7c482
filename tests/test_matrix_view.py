"""The initiative matrix shows what its two axes cannot: each initiative's maintenance cost and confidence, and
the initiatives to rethink (heavy upkeep, low confidence) in red."""

from __future__ import annotations

import re

from cjm.render import dot_source
from cjm.render.matrix_view import RISK_INK
from cjm.validation.check import check_file, check_text
from tests.conftest import ROOT


def words(source: str) -> str:
    """The text of the diagram's labels, lines joined by a space."""
    return re.sub(r"<[^>]+>", "", source.replace("<BR/>", " "))


def test_the_matrix_shows_upkeep_confidence_and_the_initiatives_to_rethink() -> None:
    journey = check_file(str(ROOT / "tests" / "fixtures" / "prioritise" / "apparel-ja.yaml")).journey
    assert journey is not None
    source = dot_source(journey, "matrix")
    assert "維持5 · 確度0.4" in source  # loyalty-expansion
    assert "維持1 · 確度?" in source  # faq: no confidence in the map
    assert "要再検討：維持費大・ 確度低" in words(source) and source.count("要再検討") == 1
    assert f'<FONT COLOR="{RISK_INK}"><B>#8 ポイント制度の</B>' in source  # breaks before ランク, not in it
    assert "維持：維持コスト1〜5（低いほど良い）" in source


def test_an_english_matrix_says_it_in_english() -> None:
    text = (
        "cjm: 1\nid: s\ntitle: S\nlanguage: en\nphases:\n  - {id: a, name: A, kind: awareness}\ninitiatives:\n"
        "  - {id: x, title: Loyalty tiers, impact: 4, feasibility: 2, maintenance_cost: 4, confidence: 0.2}\n"
    )
    journey = check_text(text, "s.yaml").journey
    assert journey is not None
    source = dot_source(journey, "matrix")
    assert "upkeep 4 · conf. 0.2" in source and "rethink: heavy upkeep, low confidence" in words(source)
