"""The one loader: marks, YAML 1.2 resolution with 1.1 surprises explained, and limits on hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.io.loader import DUPLICATE_KEY, ENCODING, LIMIT, SHAPE, SYNTAX, UNSUPPORTED_TAG, Limits, load_yaml

from .conftest import CORPUS


def codes(doc):
    return [(p.code, p.line, p.col) for p in doc.problems]


def test_marks_point_at_keys_and_values_in_characters_not_bytes():
    doc = load_yaml("名前: 漢字\nphases:\n  - 説明: ok\n    n: 3\n", "m.yaml")
    assert doc.data == {"名前": "漢字", "phases": [{"説明": "ok", "n": 3}]}
    assert doc.locate(("名前",)) == (1, 5)
    assert doc.locate(("phases", 0, "n")) == (4, 8)
    assert doc.locate(("phases", 0, "n"), key=True) == (4, 5)
    assert doc.locate(("phases", 0)) == (3, 5)


def test_locate_falls_back_to_the_nearest_marked_ancestor():
    doc = load_yaml("a:\n  b: 1\n", "m.yaml")
    assert doc.locate(("a", "missing", "deeper")) == (2, 3)


def test_yaml_1_2_scalars():
    doc = load_yaml("a: no\nb: 2024-05-01\nc: 0o17\nd: 0x1F\ne: 1.5e3\nf: ~\ng: TRUE\nh: '1'\ni: .inf\n", "m")
    assert doc.data == {
        "a": "no",
        "b": "2024-05-01",
        "c": 15,
        "d": 31,
        "e": 1500.0,
        "f": None,
        "g": True,
        "h": "1",
        "i": ".inf",
    }
    assert "boolean" in doc.surprise_at(("a",))
    assert doc.surprise_at(("b",)) is None


@pytest.mark.parametrize("value", ["0755", "1_000"])
def test_yaml_1_1_numbers_stay_text_with_a_note(value):
    doc = load_yaml(f"a: {value}\n", "m")
    assert doc.data == {"a": value}
    assert doc.surprise_at(("a",))


def test_duplicate_keys_name_both_lines():
    doc = load_yaml("a: 1\nb: 2\na: 3\n", "m")
    assert codes(doc) == [(DUPLICATE_KEY, 3, 1)]
    assert "line 1" in doc.problems[0].message
    assert doc.data["a"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [ls]\n",
        "a: !custom x\n",
        "a: !!binary aGVsbG8=\n",
        "!!set {a, b}\n",
        "a: !!int 3.5\n",
    ],
)
def test_tags_other_than_the_plain_data_ones_are_refused(text):
    doc = load_yaml(text, "m")
    assert doc.data is None
    assert [p.code for p in doc.problems] == [UNSUPPORTED_TAG]


def test_standard_tags_are_fine():
    assert load_yaml("a: !!str 3\nb: !!int '4'\nc: !!float 1\n", "m").data == {"a": "3", "b": 4, "c": 1.0}


def test_merge_keys_are_supported_with_explicit_keys_winning():
    doc = load_yaml("base: &b {x: 1, y: 2}\nz:\n  y: 3\n  <<: *b\n", "m")
    assert doc.data["z"] == {"y": 3, "x": 1}
    assert not doc.problems


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", SHAPE, 1),
        ("# only a comment\n", SHAPE, 1),
        ("---\n", SHAPE, 1),
        ("a: 1\n---\nb: 2\n", SHAPE, 2),
        ("- a\n- b\n", SHAPE, 1),
        ("just text\n", SHAPE, 1),
        ("? [a, b]\n: 1\n", SHAPE, 1),
        ("a: b: c\n", SYNTAX, 1),
        ("a:\n\t- b\n", SYNTAX, 2),
        ("a: *nowhere\n", SYNTAX, 1),
        ("a: \x1b[31mred\n", ENCODING, 1),
    ],
)
def test_shape_and_syntax_problems_are_located(text, code, line):
    doc = load_yaml(text, "m")
    assert doc.problems, text
    assert doc.problems[0].code == code
    assert doc.problems[0].line == line


def test_invalid_utf8_names_its_line_and_column():
    doc = load_yaml("a: ok\nb: caf\xc3\n".encode("latin-1") + b"\xff\n", "m")
    assert codes(doc) == [(ENCODING, 2, 7)]


def test_utf16_with_a_byte_order_mark_is_read():
    doc = load_yaml("a: 名前\n".encode("utf-16"), "m")
    assert doc.data == {"a": "名前"}


def test_alias_bomb_is_stopped_before_it_expands():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc = load_yaml("\n".join(lines) + "\n", "m")
    assert [p.code for p in doc.problems] == [LIMIT]
    assert "alias" in doc.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "[" * 40_000 + "]" * 40_000,
        "{a: " * 40_000 + "1" + "}" * 40_000,
        "".join(" " * i + "- \n" for i in range(0, 3000, 2)),
    ],
)
def test_extreme_nesting_is_refused_without_recursion(text):
    doc = load_yaml(text, "m")
    assert doc.problems and doc.problems[0].code in (LIMIT, SYNTAX)


def test_size_limit_is_checked_before_parsing():
    doc = load_yaml(b"a: " + b"x" * 20_000_000, "m")
    assert [p.code for p in doc.problems] == [LIMIT]
    assert "MB" in doc.problems[0].message


def test_node_limit():
    doc = load_yaml("[" + ", ".join(["1"] * 200) + "]", "m", Limits(max_nodes=100))
    assert [p.code for p in doc.problems] == [LIMIT]


def test_yaml_test_suite_never_crashes_the_loader():
    files = sorted(CORPUS.glob("*/*.yaml"))
    assert len(files) > 300
    for path in files:
        doc = load_yaml(path.read_bytes(), str(path))
        assert doc.data is None or isinstance(doc.data, dict)
        for problem in doc.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.message


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}&*!|>'\"#%@`,?~0.\\\u3042")), max_size=80))
def test_any_text_gives_data_or_problems_never_an_exception(text):
    doc = load_yaml(text, "m")
    assert doc.data is None or isinstance(doc.data, dict) or doc.problems


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_data_or_problems_never_an_exception(raw):
    load_yaml(raw, "m")


@pytest.mark.parametrize(
    "text",
    [
        "a: {text: Opens the box {excited}}\n",
        "a: [Checks size [S/M/L]]\n",
        "a: [Reads reviews] and compares\n",
    ],
)
def test_a_syntax_error_in_a_one_line_collection_says_to_quote_the_text(text):
    (problem,) = load_yaml(text, "m.yaml").problems
    assert problem.code == SYNTAX
    assert "put this text in quotes" in problem.message


def test_a_tab_before_an_error_at_the_end_of_the_text_is_a_problem_not_a_crash():
    """libyaml puts this error a line past the last one; looking for a tab there crashed (found by the test above)."""
    for parser in ("libyaml", "python"):
        doc = load_yaml(":\n0\t", "m.yaml", parser=parser)
        assert doc.data is None and [p.code for p in doc.problems] == [SYNTAX]
