"""The loader's fast path (libyaml events, the inlined event loop) keeps every guarantee of the loader:
the data as YAML 1.2 reads it, a mark for every node and key, duplicate keys, and the bounds checked first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.io import loader
from cjm.io.loader import DUPLICATE_KEY, LIMIT, SYNTAX, Limits, load_yaml

SUITE = Path(__file__).resolve().parent / "data" / "yaml-test-suite"


def test_libyaml_is_really_used() -> None:
    # `from yaml import CParser` does not exist: an earlier version silently fell back to the pure-Python parser.
    assert yaml.__with_libyaml__
    assert loader.CParser is yaml._yaml.CParser


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 1", 1),
        ("a: '1'", "1"),
        ('a: "1"', "1"),
        ("a: |\n  1\n", "1\n"),
        ("a: 1.5", 1.5),
        ("a: true", True),
        ("a: 'true'", "true"),
        ("a: null", None),
        ("a: ~", None),
        ("a: no", "no"),
        ("a: 2024-05-01", "2024-05-01"),
        ("a: !!str 1", "1"),
        ("a: 0x1F", 31),
        ("a: 認知", "認知"),
    ],
)
def test_plain_and_quoted_scalars(text: str, value: Any) -> None:
    # libyaml marks a plain scalar with style '' (PyYAML's own parser with None): both must count as plain.
    doc = load_yaml(text, "m.yaml")
    assert doc.problems == []
    assert doc.data["a"] == value and type(doc.data["a"]) is type(value)


_KEY = st.text(alphabet=st.characters(categories=["Ll", "Lu", "Lo"]), min_size=1, max_size=6)
_TEXT = st.text(alphabet=st.characters(categories=["Ll", "Lu", "Lo", "Zs", "Nd"]), max_size=12).filter(
    lambda s: s[:1].isalpha() and s == s.strip()
)  # text that no YAML version reads as a number or a boolean
_SCALAR = (
    _TEXT
    | st.integers(-(10**6), 10**6)
    | st.booleans()
    | st.none()
    | st.floats(-1e6, 1e6, allow_nan=False).filter(lambda f: f != int(f))
)
_DATA = st.dictionaries(
    _KEY,
    st.recursive(
        _SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEY, inner, max_size=4), max_leaves=12
    ),
    min_size=1,
    max_size=5,
)


def _nodes(node: yaml.Node, path: tuple = ()) -> list[tuple[tuple, yaml.Node, yaml.Node | None]]:
    """(path, value node, key node) for every node of a composed document."""
    out: list[tuple[tuple, yaml.Node, yaml.Node | None]] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out.append(((*path, key.value), value, key))
            out.extend(_nodes(value, (*path, key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            out.append(((*path, index), value, None))
            out.extend(_nodes(value, (*path, index)))
    return out


@settings(max_examples=150, deadline=None)
@given(_DATA, st.booleans())
def test_data_and_every_mark_survive_a_round_trip(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    doc = load_yaml(text, "m.yaml")
    assert doc.problems == []
    assert doc.data == data
    for path, node, key in _nodes(yaml.compose(text, Loader=yaml.CSafeLoader)):
        assert doc.locate(path) == (node.start_mark.line + 1, node.start_mark.column + 1), path
        if key is not None:
            assert doc.locate(path, key=True) == (key.start_mark.line + 1, key.start_mark.column + 1), path


def test_duplicate_keys_are_reported_with_both_places() -> None:
    doc = load_yaml("phases: []\nid: a\nid: b\n", "m.yaml")
    assert [(p.code, p.line, p.col) for p in doc.problems] == [(DUPLICATE_KEY, 3, 1)]
    assert "line 2" in doc.problems[0].message
    assert doc.data["id"] == "a"


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("a: " + "[" * 200 + "]" * 200, Limits()),  # deeper than any map: stopped before building it
        ("a: &x [1, 2]\nb: [*x, *x, *x]\n", Limits(max_alias_nodes=5)),
        ("a: [" + ", ".join(["1"] * 50) + "]", Limits(max_nodes=20)),
        ("a: 1\n" * 10, Limits(max_bytes=20)),
    ],
)
def test_bounds_are_checked_before_building(text: str, limits: Limits) -> None:
    doc = load_yaml(text, "m.yaml", limits)
    assert [p.code for p in doc.problems] == [LIMIT]
    assert doc.data is None


def test_merge_keys_and_explicit_keys() -> None:
    doc = load_yaml("base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n", "m.yaml")
    assert doc.data["item"] == {"y": 3, "x": 1}
    assert doc.locate(("item", "x")) == (3, 3)  # a merged key points at the merge


def test_a_tab_gets_its_hint_from_libyaml_too() -> None:
    doc = load_yaml("a:\n\tb: 1\n", "m.yaml")
    assert doc.problems[0].code == SYNTAX
    assert "indent with spaces, not tabs" in doc.problems[0].message


def test_no_input_of_the_yaml_test_suite_makes_it_raise() -> None:
    files = sorted(SUITE.glob("*/*.yaml"))
    assert len(files) > 300
    for path in files:
        doc = load_yaml(path.read_bytes(), str(path))
        assert doc.data is not None or doc.problems, path
