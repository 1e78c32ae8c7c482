"""cjm reads every file the same way with and without libyaml: PyYAML's pure-Python parser (used where PyYAML
was built without libyaml) gives the same data, or refuses with the same problem, as libyaml does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.io.loader import PARSERS, load_yaml

ROOT = Path(__file__).resolve().parent.parent
# The maps cjm is given, and every corner of YAML: the public YAML test suite, valid and invalid.
FILES = (
    sorted((ROOT / "tests" / "corpus").glob("*.yaml"))
    + sorted((ROOT / "samples").rglob("*.yaml"))
    + [ROOT / "docs" / "example.yaml"]
    + sorted((ROOT / "tests" / "data" / "yaml-test-suite").rglob("*.yaml"))
)


def _read(text: str | bytes, parser: str) -> tuple[object, list[tuple[str, int]]]:
    doc = load_yaml(text, "m.yaml", parser=parser)
    return doc.data, [(p.code, p.line) for p in doc.problems]


def test_both_parsers_are_there() -> None:
    assert PARSERS["libyaml"] is not None and PARSERS["python"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "thoughts: [Nice colour, but is it worth the price?]\n",  # the `?` the pure-Python scanner stopped at
        "thoughts: [Is it real?, Why? Because]\n",
        "- {text: You can test soil at home?, to: +industry_awareness}\n",
        "a: [what?]\nb: {c: d?}\n",
        "a: [? key]\nb: [?x]\nc: {? k}\n",  # a `?` that starts an entry is still a key indicator
        "a: [x, ?]\n",
        "a: [サイズは合う?]\n",
        "a: [a: b, c]\n",
        "a: {text: Sizes run small, not true to size}\n",
        "a: [unclosed\n",
        "a: {b: c\n",
        "a: [b]: c\n",
        "a: {b:}\n",  # libyaml refuses a `:` right before a bracket or comma; so does the pure-Python one now
        "a: {b:,c: d}\n",
        "a: [!!str, b]\n",  # a tag ends at the comma
    ],
)
def test_the_two_parsers_read_a_flow_collection_alike(text: str) -> None:
    assert _read(text, "python") == _read(text, "libyaml")


def test_a_question_mark_in_flow_text_is_text_on_both() -> None:
    data, problems = _read("thoughts: [Is it worth the price?]\n", "python")
    assert (data, problems) == ({"thoughts": ["Is it worth the price?"]}, [])


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_two_parsers_read_every_file_alike(path: Path) -> None:
    raw = path.read_bytes()
    python, libyaml = _read(raw, "python"), _read(raw, "libyaml")
    assert python[0] == libyaml[0]  # the same data, or both refuse (None)
    if python[0] is None:  # refused, by both, with a problem (its wording and code may differ)
        assert python[1] and libyaml[1]
    else:
        assert python[1] == libyaml[1]


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ('note: "price\tsize"\n', {"note": "price\tsize"}),
        ("note: 'price\tsize'\n", {"note": "price\tsize"}),
        ('thoughts: ["a\tb", c]\n', {"thoughts": ["a\tb", "c"]}),
        ("note: x  # a\tcomment\n", {"note": "x"}),
        ("# \tcomment\nnote: x\n", {"note": "x"}),
        ("note: |\n  S\tM\tL\n  36\t38\t40\n", {"note": "S\tM\tL\n36\t38\t40\n"}),  # a table pasted as text
        ("note: >-  # a\tcomment\n  x\n", {"note": "x"}),
    ],
)
def test_a_tab_in_quoted_text_a_comment_or_block_text_is_read_alike(text: str, data: object) -> None:
    assert _read(text, "libyaml") == _read(text, "python") == (data, [])


@pytest.mark.parametrize(
    ("text", "line", "col", "says"),
    [
        ("\tnote: x\n", 1, 1, "indent with spaces"),
        ("note:\n\t- x\n", 2, 1, "indent with spaces"),
        ("note: x\n\t\n", 2, 1, "indent with spaces"),
        ("note: |-\n \tx\n", 2, 2, "indent with spaces"),  # libyaml refused this; the pure-Python parser did not
        ("note: |\n  x\n  \ty\n", 3, 3, "indent with spaces"),
        ("note: x\t\n", 1, 8, "write spaces instead"),  # the pure-Python parser refused these; libyaml did not
        ("note: x\t# c\n", 1, 8, "write spaces instead"),
        ("note: price\tsize\n", 1, 12, "put the text in quotes"),
        ("note:\t|\n  x\n", 1, 6, "write spaces instead"),
        ("a: [b,\tc]\n", 1, 7, "write spaces instead"),
        ("note: x\n  \ty\n", 2, 3, "indent with spaces"),
    ],
)
def test_a_tab_the_parsers_read_differently_is_refused_by_both(text: str, line: int, col: int, says: str) -> None:
    for parser in PARSERS:
        doc = load_yaml(text, "m.yaml", parser=parser)
        assert doc.data is None, parser
        [problem] = doc.problems
        assert (problem.code, problem.line, problem.col) == ("CJM001", line, col), parser
        assert says in problem.message and "tab" in problem.message


_SMALL_MAP = 'cjm: 1\nid: m\nphases:\n  - id: a  # first\n    actions: [look, "ask"]\n    note: |\n      x y\n'


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, len(_SMALL_MAP)), min_size=1, max_size=3))
def test_a_tab_anywhere_is_read_alike_by_both(positions: list[int]) -> None:
    text = _SMALL_MAP
    for at in sorted(positions, reverse=True):
        text = text[:at] + "\t" + text[at:]
    python, libyaml = _read(text, "python"), _read(text, "libyaml")
    assert python[0] == libyaml[0], text
    assert bool(python[1]) == bool(libyaml[1]), (text, python, libyaml)


# Prose as consultants write it in a flow list: a word, then letters, spaces and punctuation.
_WORDS = st.builds(
    str.__add__, st.sampled_from(["Is", "why", "サイズ", "OK"]), st.text(alphabet="abcXY ?!.-'あ", max_size=12)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4), st.sampled_from(["[{}]", "{{k: {}}}"]))
def test_the_two_parsers_agree_on_generated_flow_text(words: list[str], shape: str) -> None:
    text = "a: " + shape.format(", ".join(words)) + "\n"
    python, libyaml = _read(text, "python"), _read(text, "libyaml")
    if python[1] or libyaml[1]:
        assert bool(python[1]) == bool(libyaml[1]), (text, python, libyaml)
    else:
        assert python == libyaml, text
