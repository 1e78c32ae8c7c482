"""cjm reads every file the same way with and without libyaml: PyYAML's pure-Python parser (used where PyYAML
was built without libyaml) gives the same data, or refuses with the same problem, as libyaml does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.loader import PARSERS, load_yaml

ROOT = Path(__file__).resolve().parent.parent
# The maps cjm is given. (The two parsers still differ on some corners of the YAML test suite that no map
# uses -- directives, tabs around flow indicators, empty keys; libyaml is what cjm runs on where it exists.)
FILES = sorted((ROOT / "tests" / "corpus").glob("*.yaml")) + sorted((ROOT / "samples").rglob("*.yaml")) + [
    ROOT / "docs" / "example.yaml"]


def _read(text: str, parser: str) -> tuple[object, list[tuple[str, int]]]:
    doc = load_yaml(text, "m.yaml", parser=parser)
    return doc.data, [(p.code, p.line) for p in doc.problems]


def test_both_parsers_are_there() -> None:
    assert PARSERS["libyaml"] is not None and PARSERS["python"] is not None


@pytest.mark.parametrize("text", [
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
])
def test_the_two_parsers_read_a_flow_collection_alike(text: str) -> None:
    assert _read(text, "python") == _read(text, "libyaml")


def test_a_question_mark_in_flow_text_is_text_on_both() -> None:
    data, problems = _read("thoughts: [Is it worth the price?]\n", "python")
    assert (data, problems) == ({"thoughts": ["Is it worth the price?"]}, [])


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_two_parsers_read_every_file_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    python, libyaml = _read(text, "python"), _read(text, "libyaml")
    if python[1] and libyaml[1]:
        assert [code for code, _ in python[1]] == [code for code, _ in libyaml[1]]  # both refuse, the same way
    else:
        assert python == libyaml


# Prose as consultants write it in a flow list: a word, then letters, spaces and punctuation.
_WORDS = st.builds(str.__add__, st.sampled_from(["Is", "why", "サイズ", "OK"]),
                   st.text(alphabet="abcXY ?!.-'あ", max_size=12))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4), st.sampled_from(["[{}]", "{{k: {}}}"]))
def test_the_two_parsers_agree_on_generated_flow_text(words: list[str], shape: str) -> None:
    text = "a: " + shape.format(", ".join(words)) + "\n"
    python, libyaml = _read(text, "python"), _read(text, "libyaml")
    if python[1] or libyaml[1]:
        assert bool(python[1]) == bool(libyaml[1]), (text, python, libyaml)
    else:
        assert python == libyaml, text
