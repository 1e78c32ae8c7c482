"""Referential integrity: unique ids, references that resolve to the right kind, no dependency cycles."""

from __future__ import annotations

from cjm.validation.check import check_text

BASE = """\
cjm: 1
id: refs
title: References
personas:
  - {id: mother, name: Mother}
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    actions:
      - {text: Reads reviews, persona: mother}
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
    opportunities:
      - {id: size-chart-op, text: Size chart, addresses: [size-anxiety]}
initiatives:
  - {id: size-chart, title: Size chart, phases: [consideration], pain_points: [size-anxiety]}
messages:
  - {id: welcome, type: welcome, trigger: Signup, channel: email, phase: consideration, persona: mother}
"""


def found(text):
    return [(p.code, p.line, p.col, p.message) for p in check_text(text, "m.yaml").problems]


def test_a_consistent_map_has_no_problems_and_a_model():
    result = check_text(BASE, "m.yaml")
    assert result.problems == []
    assert result.journey is not None
    assert [p.id for p in result.journey.phases] == ["consideration"]


def test_duplicate_id_points_at_the_second_and_names_the_first():
    text = BASE.replace("{id: size-chart-op,", "{id: size-anxiety,").replace("addresses: [size-anxiety]", "")
    (problem,) = found(text)
    assert problem[:3] == ("CJM020", 15, 14)
    assert "already used by a pain point at line 13" in problem[3]


def test_unknown_references_suggest_the_closest_id():
    text = BASE.replace("phases: [consideration]", "phases: [considration]")
    (problem,) = found(text)
    assert problem[:3] == ("CJM021", 17, 50)
    assert problem[3] == "no phase has the id 'considration'; did you mean 'consideration'?"


def test_reference_to_the_wrong_kind_of_entry():
    text = BASE.replace("pain_points: [size-anxiety]}", "pain_points: [mother]}")
    (problem,) = found(text)
    assert problem[0] == "CJM021"
    assert problem[3] == "'mother' is a persona, but a pain point id is expected here"


def test_persona_references_in_items_emotions_and_messages_are_checked():
    text = BASE.replace("persona: mother}", "persona: father}").replace(
        "kind: consideration\n", "kind: consideration\n    emotion: [{score: 1, persona: child}]\n"
    )
    codes = [(p[0], p[3].split(";")[0]) for p in found(text)]
    assert codes == [
        ("CJM021", "no persona has the id 'child'"),
        ("CJM021", "no persona has the id 'father'"),
        ("CJM021", "no persona has the id 'father'"),
    ]


def test_dependency_cycles_are_reported_once_each():
    text = (
        BASE
        + """\
  - {id: a, title: A, depends_on: [b]}
  - {id: b, title: B, depends_on: [c]}
  - {id: c, title: C, depends_on: [a]}
  - {id: d, title: D, depends_on: [d]}
"""
    )
    text = text.replace(
        "messages:\n  - {id: welcome, type: welcome, trigger: Signup, channel: email, "
        "phase: consideration, persona: mother}\n",
        "",
    ) + ("messages:\n  - {id: welcome, type: welcome, trigger: Signup, channel: email}\n")
    cycles = [p[3] for p in found(text) if p[0] == "CJM022"]
    assert len(cycles) == 2
    assert any("a -> b -> c -> a" in c for c in cycles)
    assert any("d -> d" in c for c in cycles)


def test_a_long_dependency_chain_does_not_recurse():
    chain = "".join(f"  - {{id: i{n}, title: T, depends_on: [i{n + 1}]}}\n" for n in range(3000))
    text = BASE.replace("messages:", chain + "  - {id: i3000, title: T}\nmessages:")
    assert found(text) == []
