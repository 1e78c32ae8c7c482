"""`--fix` and the round-trip editor: fixes are certain, idempotent and never break a map, and the file keeps
every comment and every untouched line exactly as written."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.adapt.templates import render_template
from cjm.core.edit import dump_roundtrip, load_roundtrip
from cjm.io.config import Config
from cjm.lint.fix import fix_text, splice
from cjm.lint.rule_settings import Overrides, build_settings
from cjm.validation.check import check_text

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "samples").glob("*.yaml")) + [ROOT / "samples" / "invalid" / "poor-map.yaml"]
TEMPLATES = [(t, lang) for t in ("standard", "b2b", "gift", "subscription", "omnichannel") for lang in ("en", "ja")]


def _rules(*codes: str):  # type: ignore[no-untyped-def]
    return build_settings(Config(), Overrides(select=codes or None)).rules


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_round_trip_without_changes_gives_the_file_back(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dump_roundtrip(load_roundtrip(text)) == text


@pytest.mark.parametrize(("template", "language"), TEMPLATES)
def test_round_trip_of_starter_maps(template: str, language: str) -> None:
    text = render_template(template, language, "map.yaml")
    assert dump_roundtrip(load_roundtrip(text)) == text


def test_a_fix_touches_only_its_own_line_even_where_ruamel_would_respell_others() -> None:
    text = (
        "cjm:    1   # spaced out\nid: m\ntitle: M\nphases:\n  -   id: Buy_Phase\n      name:  Buy\n"
        "      kind: purchase\n"
    )
    fixed, count = fix_text(text, "m.yaml", _rules("CJM108"))
    assert count == 1
    assert fixed == text.replace("Buy_Phase", "buy-phase")


def test_when_the_users_spelling_is_ambiguous_ruamel_spells_the_changed_line() -> None:
    text = "cjm:    1\nid: m\ntitle: M\nphases:\n  -   {id: Buy,   name: Buy, kind: purchase}\n"
    fixed, count = fix_text(text, "m.yaml", _rules("CJM108"))
    assert count == 1
    assert fixed.splitlines()[:4] == text.splitlines()[:4]  # the other lines keep their spelling
    journey = check_text(fixed, "m.yaml").journey
    assert journey is not None and journey.phases[0].id == "buy" and journey.phases[0].name == "Buy"


def test_windows_line_endings_survive_a_fix() -> None:
    text = "cjm: 1\r\nid: m\r\ntitle: M\r\nphases:\r\n  - {id: Buy_Phase, name: Buy, kind: purchase}  # x\r\n"
    fixed, _ = fix_text(text, "m.yaml", _rules("CJM108"))
    assert fixed == text.replace("Buy_Phase", "buy-phase")


def test_splice_gives_up_when_a_changed_line_cannot_be_placed() -> None:
    assert splice("a:  1\n", "a: 1\n", "a: 1\nb: 2\nc: 3\n") == "a:  1\nb: 2\nc: 3\n"
    assert splice("x: 0\n", "a: 1\nb: 1\n", "a: 2\nb: 1\n") is None
    assert splice("a:  1\nb: 1\n", "a: 1\nb: 1\n", "a: 1\nb: 2\n") == "a:  1\nb: 2\n"


def test_fixing_the_poor_map_keeps_comments_and_untouched_lines() -> None:
    path = ROOT / "samples" / "invalid" / "poor-map.yaml"
    text = path.read_text(encoding="utf-8")
    fixed, count = fix_text(text, str(path), _rules())
    assert count == 3  # two ids renamed, one duplicate action removed
    assert check_text(fixed, "fixed.yaml").journey is not None
    before, after = text.splitlines(), fixed.splitlines()
    assert [line for line in before if line.lstrip().startswith("#")] == [
        line for line in after if line.lstrip().startswith("#")
    ]
    changed = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changed == [
        "-   - id: Main_Customer",
        "+   - id: main-customer",
        "-   - id: Consideration",
        "+   - id: consideration",
        "-       - 口コミを読む",
        "-     phases: [Consideration]",
        "+     phases: [consideration]",
    ]
    assert fix_text(fixed, str(path), _rules()) == (fixed, 0), "fixing is idempotent"


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    # Renaming the phase and removing a duplicate inside it touch the same entry: both still get done.
    text = (
        "cjm: 1\nid: m\ntitle: M\nphases:\n  - id: Buy_Phase\n    name: Buy\n    kind: purchase\n"
        "    actions: [Pays, Pays, Pays]\n"
    )
    fixed, count = fix_text(text, "m.yaml", _rules("CJM105", "CJM108"))
    assert fixed.endswith("  - id: buy-phase\n    name: Buy\n    kind: purchase\n    actions: [Pays]\n")
    assert count == 3


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["Reads reviews", "Compares sizes", "比較する", "Asks a friend"]), min_size=1, max_size=8)
)
def test_removing_duplicates_keeps_the_first_of_each_in_order(actions: list[str]) -> None:
    body = "".join(f"      - {a}\n" for a in actions)
    text = f"cjm: 1\nid: m\ntitle: M\nphases:\n  - id: p\n    name: P\n    kind: purchase\n    actions:\n{body}"
    fixed, _ = fix_text(text, "m.yaml", _rules("CJM105"))
    journey = check_text(fixed, "m.yaml").journey
    assert journey is not None
    assert [item.text for item in journey.phases[0].actions] == list(dict.fromkeys(actions))
    assert fix_text(fixed, "m.yaml", _rules("CJM105"))[1] == 0
