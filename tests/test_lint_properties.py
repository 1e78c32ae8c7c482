"""Invariants over generated maps: lint never fails on a valid map, every problem points inside the file,
selecting rules only narrows the findings, and fixing is safe and idempotent."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm.core.model import KIND_ORDER
from cjm.io.config import Config
from cjm.lint.engine import lint_journey, lint_result
from cjm.lint.fix import fix_text
from cjm.lint.rule_settings import Overrides, build_settings
from cjm.lint.rules import RULES
from cjm.validation.check import check_text

KINDS = [*KIND_ORDER, "custom"]
CHANNELS = ["search", "sns", "ec_site", "email", "store", "dm", "other"]
METRICS = ["site_visits", "time_on_site", "conversion_rate", "repeat_rate", "nps", "custom"]
TEXTS = st.sampled_from(["Reads reviews", "レビューを読む", "TODO", "Compares sizes", "サイズが不安", "Pays"])
IDS = st.sampled_from(["a", "b", "Size_Anxiety", "c-d", "e.f", "gH"])


@st.composite
def journeys(draw: Any) -> str:
    used: set[str] = set()

    def new_id() -> str:
        base = draw(IDS)
        ident = base if base not in used else f"{base}-{len(used)}"
        used.add(ident)
        return ident

    personas = [
        {"id": new_id(), "name": draw(TEXTS), "role": draw(st.sampled_from(["buyer", "giver", "user"]))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    phases, pains = [], []
    for _ in range(draw(st.integers(1, 6))):
        phase: dict[str, Any] = {"id": new_id(), "name": draw(TEXTS), "kind": draw(st.sampled_from(KINDS))}
        if draw(st.booleans()):
            phase["actions"] = draw(st.lists(TEXTS, max_size=3))
        if draw(st.booleans()):
            phase["emotion"] = {"score": draw(st.sampled_from([-2, -1, 0, 0.5, 1, 2]))}
        if draw(st.booleans()):
            phase["touchpoints"] = [{"name": draw(TEXTS), "channel": draw(st.sampled_from(CHANNELS))}]
        if draw(st.booleans()):
            pain = new_id()
            pains.append(pain)
            phase["pain_points"] = [{"id": pain, "text": draw(TEXTS)}]
        if draw(st.booleans()):
            kpi: dict[str, Any] = {"name": draw(TEXTS), "metric": draw(st.sampled_from(METRICS))}
            if draw(st.booleans()):
                kpi["target"] = draw(st.integers(0, 100))
            phase["kpis"] = [kpi]
        phases.append(phase)
    initiatives = []
    for _ in range(draw(st.integers(0, 3))):
        initiative: dict[str, Any] = {"id": new_id(), "title": draw(TEXTS)}
        if pains and draw(st.booleans()):
            initiative["pain_points"] = [draw(st.sampled_from(pains))]
        for key in ("impact", "feasibility", "stage"):
            if draw(st.booleans()):
                initiative[key] = draw(st.integers(1, 3))
        initiatives.append(initiative)
    data = {
        "cjm": 1,
        "id": "generated",
        "title": draw(TEXTS),
        "business": draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "model": st.sampled_from(["b2c", "b2b"]),
                    "purchase": st.sampled_from(["one_off", "repeat"]),
                    "gift": st.booleans(),
                    "channels": st.sampled_from(["online", "omnichannel"]),
                },
            )
        ),
        "personas": personas,
        "phases": phases,
        "initiatives": initiatives,
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


ALL = build_settings(Config())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys(), st.sets(st.sampled_from(sorted(RULES)), min_size=1, max_size=6))
def test_lint_invariants(text: str, selected: set[str]) -> None:
    result = check_text(text, "g.yaml")
    assert result.journey is not None, [p.message for p in result.problems]
    problems = lint_result(result, ALL).problems
    lines = text.count("\n") + 1
    assert all(1 <= p.line <= lines and p.col >= 1 and p.code in RULES for p in problems)
    narrowed = lint_result(result, build_settings(Config(), Overrides(select=tuple(selected)))).problems
    assert narrowed == [p for p in problems if p.code in selected]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_fixing_keeps_the_map_valid_and_is_idempotent(text: str) -> None:
    fixed, _ = fix_text(text, "g.yaml", ALL.rules)
    assert fix_text(fixed, "g.yaml", ALL.rules) == (fixed, 0)
    journey = check_text(fixed, "g.yaml").journey
    assert journey is not None
    assert [v.problem for v in lint_journey(journey, ALL.rules) if v.fix is not None] == []
