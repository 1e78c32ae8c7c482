"""Round-trip editing: loading and dumping changes nothing, and moving list entries keeps every comment."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cjm.adapt.templates import render_template
from cjm.core.edit import append_entry, comment_lines, dump_roundtrip, insert_entry, load_roundtrip, remove_entry

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "samples").glob("*.yaml")) + sorted((ROOT / "tests" / "data" / "adapt").glob("*.yaml"))
TEMPLATES = [(t, lang) for t in ("standard", "b2b", "gift", "subscription", "omnichannel") for lang in ("en", "ja")]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_untouched_maps_come_back_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dump_roundtrip(load_roundtrip(text)) == text


@pytest.mark.parametrize(("template", "lang"), TEMPLATES)
def test_templates_come_back_byte_for_byte(template: str, lang: str) -> None:
    text = render_template(template, lang, "x.yaml")
    assert dump_roundtrip(load_roundtrip(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "---\na: 1\nlist:\n- x\n- y\n",  # explicit document start, flush lists
        "# yaml-language-server: $schema=x.json\n\n# owner: CX\n---\n# the map\na: 1\n",  # comments above `---`
        "# above\r\n---\r\na: 1\r\n",  # the same with Windows line endings
        "a:\n    b: 1\n    list:\n        - x\n",  # four-space indentation
        "a: 1\r\nb:\r\n  - x  # note\r\n",  # Windows line endings
        "title: 'single'  # c\nother: \"double\"\nplain: text\n",  # quoting styles
    ],
    ids=["explicit-start", "comments-above-start", "comments-above-start-crlf", "four-spaces", "crlf", "quotes"],
)
def test_layouts_survive(text: str) -> None:
    assert dump_roundtrip(load_roundtrip(text)) == text


COMMENTED = """\
phases:
  - id: a
    actions:  # the actions
      # about one
      - one  # one
      # about two
      - two
      # introduces pain_points
    pain_points: []  # none yet
    # introduces kpis
    kpis:
      - {name: K}
  # introduces b
  - id: b
    actions:
      - three
# the end
"""


def _comments(text: str) -> Counter[str]:
    return Counter(comment_lines(load_roundtrip(text)))


def test_moving_every_entry_keeps_every_comment_and_stays_valid_yaml() -> None:
    data = load_roundtrip(COMMENTED)
    a, b = data["phases"]
    for _ in range(2):
        entry = remove_entry(a["actions"], 0, a, "actions")
        append_entry(b["actions"], entry, b, "actions")
    append_entry(a["pain_points"], {"id": "p", "text": "new"}, a, "pain_points")
    insert_entry(b["actions"], 0, "zero", b, "actions")
    out = dump_roundtrip(data)
    assert _comments(out) == _comments(COMMENTED)
    again = load_roundtrip(out)
    assert list(again["phases"][1]["actions"]) == ["zero", "three", "one", "two"]
    assert again["phases"][0]["actions"] == []
    assert again["phases"][0]["pain_points"] == [{"id": "p", "text": "new"}]


def test_a_comment_before_an_entry_travels_with_it() -> None:
    data = load_roundtrip(COMMENTED)
    a, b = data["phases"]
    append_entry(b["actions"], remove_entry(a["actions"], 1, a, "actions"), b, "actions")
    lines = dump_roundtrip(data).splitlines()
    assert lines.index("      # about two") == lines.index("      - two") - 1
    assert lines.index("      - two") > lines.index("      - three")
    # The lines that introduce what follows the list stay where they were.
    assert lines.index("      # introduces pain_points") < lines.index("    pain_points: []  # none yet")


@pytest.mark.parametrize(("template", "lang"), TEMPLATES)
def test_a_templates_long_texts_are_folded_to_80_columns_and_read_back_the_same(
    template: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cjm.adapt import templates
    from cjm.io.loader import load_yaml

    text = render_template(template, lang, "x.yaml", templates.SCHEMA_FILE)  # as `cjm init` writes it
    assert all(len(line) <= templates.LINE_LENGTH for line in text.splitlines())
    monkeypatch.setattr(templates, "LINE_LENGTH", 10_000)
    unfolded = render_template(template, lang, "x.yaml", templates.SCHEMA_FILE)
    assert load_yaml(text, "x.yaml").data == load_yaml(unfolded, "x.yaml").data


def test_an_edit_writes_the_folds_of_the_texts_it_does_not_touch_as_they_were() -> None:
    from cjm.adapt import split_text

    text = render_template("b2b", "en", "x.yaml")
    assert ">-\n" in text
    outcome = split_text(text, "x.yaml", "awareness", ["first-contact", "awareness-2"])
    assert outcome.text is not None, outcome.problems
    folds = [block for block in text.split("\n  - id: ") if ">-\n" in block and not block.startswith("awareness")]
    assert folds and all(block in outcome.text for block in folds)


def test_folding_breaks_only_between_single_spaced_words() -> None:
    import yaml

    from cjm.adapt.templates import _folded

    long_line = "a" * 30 + " " + "b " * 40 + "end"
    folded = _folded(f"---\nphases:\n  - id: x\n    description: {long_line}\n")
    assert ">-" in folded and yaml.safe_load(folded)["phases"][0]["description"] == long_line
    spaced = "a  b " * 30 + "end"
    assert _folded(f"---\nx: {spaced}\n") == f"---\nx: {spaced}\n"
