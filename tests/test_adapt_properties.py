"""Invariants of split, merge and the rules, over generated maps: nothing is lost, ids stay unique, references
resolve (every result is validated before it is returned), and applying a rule twice is applying it once."""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjm.adapt import adapt_text, merge_text, split_text
from cjm.adapt.rules import builtin_rules
from cjm.core.model import ITEM_LISTS
from cjm.io.loader import load_yaml
from cjm.validation.schema import vocabulary

KINDS = [k for k in vocabulary("phase_kind") if k != "custom"]
# The kinds the built-in rules act on, drawn more often so the rules have something to do.
COMMON_KINDS = ["awareness", "interest", "consideration", "purchase", "delivery", "use", "retention"]
ROLES = ["buyer", "user", "decision_maker", "approver", "giver", "receiver", "other"]
WORDS = [
    "reads reviews",
    "compares prices",
    "visits the store",
    "口コミを調べる",
    "比較する",
    "店舗で試着する",
    "asks the team",
    "gift card",
    "TODO",
    "final check",
    "searches online",
    "見積を確認する",
]

# Few examples keep the suite fast; CJM_EXAMPLES=500 explores further (run it after changing cjm/adapt).
PROFILE = settings(
    max_examples=int(os.environ.get("CJM_EXAMPLES", "10")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def journey_maps(draw: st.DrawFn) -> str:
    """A valid map: unique ids, every reference resolving, entries of every list in short and long form."""
    counter = iter(range(10_000))

    def new_id(prefix: str) -> str:
        return f"{prefix}{next(counter)}"

    personas = [
        {
            "id": new_id("persona"),
            "name": draw(st.sampled_from(["Aya", "営業部の佐藤", "Ken"])),
            "role": draw(st.sampled_from(ROLES)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    persona_ids = [p["id"] for p in personas]
    kinds = draw(st.lists(st.one_of(st.sampled_from(COMMON_KINDS), st.sampled_from(KINDS)), min_size=2, max_size=5))
    phases = []
    pain_ids: list[str] = []
    for kind in kinds:
        phase: dict[str, Any] = {
            "id": new_id("phase"),
            "name": draw(st.sampled_from(["認知", "Interest", "検討"])),
            "kind": kind,
        }
        future = [new_id("hint") for _ in range(2)]
        for list_name in ITEM_LISTS:
            entries = []
            for _ in range(draw(st.integers(0, 2))):
                text = draw(st.sampled_from(WORDS))
                entry: dict[str, Any] = {"text": text}
                if list_name in ("touchpoints", "kpis"):
                    entry = {"name": text}
                    if list_name == "touchpoints":
                        entry["channel"] = draw(st.sampled_from(vocabulary("channel")))
                    elif draw(st.booleans()):
                        entry["metric"] = draw(st.sampled_from(vocabulary("metric")))
                if list_name in ("pain_points", "opportunities"):
                    entry["id"] = new_id(list_name[:4])
                    if list_name == "pain_points":
                        pain_ids.append(entry["id"])
                    elif pain_ids and draw(st.booleans()):
                        entry["addresses"] = [draw(st.sampled_from(pain_ids))]
                if persona_ids and draw(st.booleans()):
                    entry["persona"] = draw(st.sampled_from(persona_ids))
                if draw(st.booleans()):
                    entry["phase_hint"] = draw(st.sampled_from(future))
                short = list_name in ("actions", "thoughts") and list(entry) == ["text"] and draw(st.booleans())
                entries.append(text if short else entry)
            if entries:
                phase[list_name] = entries
        if draw(st.booleans()):
            phase["emotion"] = {"score": draw(st.sampled_from([-2, -1, -0.5, 0, 1, 2])), "note": "feels"}
        phases.append(phase)
    phase_ids = [p["id"] for p in phases]
    initiatives = [
        {
            "id": new_id("init"),
            "title": "Do something",
            "phases": draw(st.lists(st.sampled_from(phase_ids), unique=True, max_size=3)),
            "pain_points": draw(st.lists(st.sampled_from(pain_ids), unique=True, max_size=2)) if pain_ids else [],
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    messages = [
        {
            "id": new_id("msg"),
            "type": draw(st.sampled_from(["welcome", "loyal_customer", "win_back"])),
            "trigger": "a trigger",
            "channel": "email",
            "phase": draw(st.sampled_from(phase_ids)),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    business = {
        "model": draw(st.sampled_from(["b2c", "b2b"])),
        "purchase": draw(st.sampled_from(["one_off", "repeat"])),
        "gift": draw(st.booleans()),
        "impulse": draw(st.booleans()),
    }
    data = {
        "cjm": 1,
        "id": "generated",
        "title": "Generated map",
        "business": business,
        "personas": personas,
        "phases": phases,
        "initiatives": initiatives,
        "messages": messages,
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _entries(text: str) -> Counter[tuple[str, str]]:
    """Every entry of every phase, in long form and without the marks adapt adds, as a multiset."""
    data = load_yaml(text, "m").data
    out: Counter[tuple[str, str]] = Counter()
    for phase in data["phases"]:
        for list_name in ITEM_LISTS:
            for entry in phase.get(list_name) or []:
                entry = {"text": entry} if isinstance(entry, str) else dict(entry)
                entry.pop("origin", None)
                entry.pop("review", None)
                out[(list_name, json.dumps(entry, sort_keys=True, ensure_ascii=False))] += 1
    return out


@PROFILE
@given(journey_maps(), st.data())
def test_split_then_merge_gives_back_the_same_entries(text: str, data: st.DataObject) -> None:
    phases = load_yaml(text, "m").data["phases"]
    phase = data.draw(st.sampled_from(phases))
    parts = data.draw(st.integers(2, 4))
    hints = sorted(
        {e["phase_hint"] for k in ITEM_LISTS for e in phase.get(k) or [] if isinstance(e, dict) and "phase_hint" in e}
    )
    into = (hints + [f"part{n}" for n in range(parts)])[: max(parts, len(hints))]
    split = split_text(text, "m", phase["id"], into)
    assert split.ok, split.problems
    assert _entries(split.text) == _entries(text)
    assert [p["id"] for p in load_yaml(split.text, "m").data["phases"]].count(phase["id"]) == 0
    merged = merge_text(split.text, "m", into, phase["id"])
    assert merged.ok, merged.problems
    assert _entries(merged.text) == _entries(text)
    after = [p["id"] for p in load_yaml(merged.text, "m").data["phases"]]
    assert after == [p["id"] for p in phases]


@PROFILE
@given(journey_maps(), st.data())
def test_merging_any_phases_keeps_every_entry_with_its_origin(text: str, data: st.DataObject) -> None:
    ids = [p["id"] for p in load_yaml(text, "m").data["phases"]]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=2, unique=True))
    merged = merge_text(text, "m", chosen, "merged")
    assert merged.ok, merged.problems
    assert _entries(merged.text) == _entries(text)
    assert _unaddressed_low_points(merged.text) <= _unaddressed_low_points(text)  # the lowest score is kept
    phase = next(p for p in load_yaml(merged.text, "m").data["phases"] if p["id"] == "merged")
    for list_name in ITEM_LISTS:
        for entry in phase.get(list_name) or []:
            assert entry["origin"] in chosen


@PROFILE
@given(journey_maps(), st.sampled_from(sorted(builtin_rules())))
def test_a_rule_keeps_every_entry_and_twice_is_once(text: str, name: str) -> None:
    rule = builtin_rules()[name]
    once = adapt_text(text, "m", [rule])
    assert once.ok, once.problems  # validated: ids unique, every reference resolves
    assert not _entries(text) - _entries(once.text)  # starter entries may be added, none lost
    twice = adapt_text(once.text, "m", [rule])
    assert twice.ok and not twice.changed, twice.diff()


@PROFILE
@given(journey_maps())
def test_auto_applies_only_matching_rules_and_is_idempotent(text: str) -> None:
    from cjm.validation.check import check_text

    business = check_text(text, "m").journey.business  # type: ignore[union-attr]
    rules = sorted((r for r in builtin_rules().values() if r.matches(business)), key=lambda r: (r.order, r.name))
    once = adapt_text(text, "m", rules)
    assert once.ok, once.problems
    assert [r.name for r in once.reports] == [r.name for r in rules]
    assert not adapt_text(once.text, "m", rules).changed


@PROFILE
@given(
    journey_maps(),
    st.lists(st.sampled_from(sorted(builtin_rules())), min_size=2, max_size=4, unique=True),
    st.randoms(use_true_random=False),
)
def test_any_order_of_the_rules_gives_the_same_map(text: str, names: list[str], random: Any) -> None:
    rules = [builtin_rules()[n] for n in names]
    shuffled = list(rules)
    random.shuffle(shuffled)
    first, second = adapt_text(text, "m", rules), adapt_text(text, "m", shuffled)
    assert first.ok, first.problems
    assert first.text == second.text


def _unaddressed_low_points(text: str) -> int:
    from cjm.lint.rules import RULES
    from cjm.validation.check import check_text

    journey = check_text(text, "m").journey
    rule = RULES["CJM402"]
    return sum(1 for _ in rule.check(journey, rule.defaults))  # type: ignore[arg-type]


@PROFILE
@given(journey_maps(), st.lists(st.sampled_from(sorted(builtin_rules())), min_size=1, max_size=4, unique=True))
def test_no_rule_adds_an_unaddressed_low_point_or_loses_a_string(text: str, names: list[str]) -> None:
    outcome = adapt_text(text, "m", [builtin_rules()[n] for n in names])
    assert outcome.ok, outcome.problems
    assert _unaddressed_low_points(outcome.text) <= _unaddressed_low_points(text)
    assert not _entries(text) - _entries(outcome.text)
    assert _strings(text) <= _strings(outcome.text)


def _strings(text: str) -> set[str]:
    """Every string value of a map (ids of split or merged phases excepted: they are renamed)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("id", "name", "kind", "phases", "phase", "origin"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            found.add(node)

    walk(load_yaml(text, "m").data)
    return found
