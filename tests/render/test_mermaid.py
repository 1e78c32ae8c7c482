"""The Mermaid journey: every line reads as Mermaid's own lexer (its journey.jison rules) would read it, and
scores follow the emotions."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cjm.render.mermaid import build_mermaid, score, text
from cjm.validation.check import check_file

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
# The statements of journey.jison: a title, a section, or a task name followed by its data. Mermaid's lexer is
# case-insensitive, skips `%%` and `#` comments, and reads a line starting with a keyword as that keyword.
TITLE = re.compile(r"title\s[^#\n;]+")
SECTION = re.compile(r"section\s[^#:\n;]+")
TASK = re.compile(r"(?P<name>[^#:\n;]+)(?P<data>:[^#\n;]+)")
KEYWORD = re.compile(r"(?i)(journey|title|section|accTitle|accDescr)")


def _encode_entities(diagram: str) -> str:
    """What Mermaid does before lexing: entity codes `#58;` become placeholders, shown as the character later."""
    return re.sub(r"#(\w+);", lambda m: f"\ufb02\u00b0\u00b0{m.group(1)}\u00b6\u00df", diagram)


def _statements(diagram: str) -> list[tuple[str, str]]:
    lines = _encode_entities(diagram).splitlines()
    assert re.fullmatch(r'%%\{init: \{"journey": \{"width": \d+, "height": \d+\}\}\}%%', lines[0])
    assert lines[1] == "journey"
    read = []
    for line in lines[2:]:
        body = line.strip()
        if body.startswith("%% cjm: "):  # a comment: what the journey cannot show
            assert "%%{" not in body
            continue
        assert "%%" not in body
        if m := TITLE.fullmatch(body):
            read.append(("title", body[6:]))
        elif m := SECTION.fullmatch(body):
            read.append(("section", body[8:]))
        else:
            m = TASK.fullmatch(body)
            assert m and not KEYWORD.match(m["name"]), body
            score_text, *actors = m["data"][1:].split(":")
            assert 1 <= int(score_text) <= 5 and len(actors) <= 1, body
            read.append(("task", m["name"]))
    return read


def test_every_sample_reads_as_a_journey() -> None:
    for path in [*sorted((ROOT / "samples").glob("*.yaml")), *sorted((HERE / "maps").glob("*.yaml"))]:
        journey = check_file(str(path)).journey
        read = _statements(build_mermaid(journey))
        sections = [_encode_entities(text(p.name)) for p in journey.phases]
        assert [name for kind, name in read if kind == "section"] == sections


@given(st.text(max_size=60))
def test_any_text_stays_one_task_name(value: str) -> None:
    name = _encode_entities(text(value, task=True))
    assert TASK.fullmatch(f"{name}: 3") and not KEYWORD.match(name)
    assert "\n" not in name and "%%" not in name


def test_scores_map_minus_two_to_two_onto_one_to_five() -> None:
    assert [score(s) for s in (-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2)] == [1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert score(None) == 3


def test_a_task_too_long_for_any_box_is_said_to_be_cut() -> None:
    from cjm.render.mermaid import box_size

    width, height, cut = box_size(["short", "word " * 200])
    assert (width, cut) == (400, 1) and height <= 90  # the widest box, no taller than the faces allow
    assert box_size(["short"]) == (150, 50, 0)  # Mermaid's defaults when they hold everything
