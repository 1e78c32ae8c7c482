"""Rules as a plan, not a sequence: which rules apply to a map, in which order, and what a rule would do on it.

Each rule needs some phase kinds (the phase it splits, the phases a new one goes next to or takes entries from)
and creates others. A rule that creates a kind another needs runs first, whatever order the rules were named
in; among independent rules `order`, then the name, decides. So `--auto` and any order of `--rule` give the
same map: long-consideration creates `comparison`, which omnichannel's store-confirmation phase goes after and
gathers the store entries from.

`would_do` answers "what would this rule do on this map?" without editing it, from the same conditions the
steps use; lint asks it before recommending a rule (CJM601–CJM606).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cjm.adapt.add import add_phase_blocked, anchor_index
from cjm.adapt.rules import PhaseRule, builtin_rules
from cjm.adapt.split import split_blocked
from cjm.adapt.starters import text_in


def step_kinds(step: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(the kinds one step needs, the kinds it creates)."""
    ((action, spec),) = step.items()
    if action == "one_of":
        needs: set[str] = set()
        creates: set[str] = set()
        for alternative in spec:
            n, c = step_kinds(alternative)
            needs |= n
            creates |= c
        return needs, creates
    if action == "split":
        return {spec["phase"]}, {t["kind"] for t in spec["into"]}
    if action == "merge":
        return set(spec["phases"]), {spec["into"]["kind"]}
    if action == "add_phase":
        anchors = set(spec.get("after") or spec.get("before") or [])
        return anchors | set((spec.get("take") or {}).get("from") or []), {spec["kind"]}
    return set(), set()


def rule_kinds(rule: PhaseRule) -> tuple[set[str], set[str]]:
    """(the kinds a rule needs, the kinds it creates): from its steps, and what its file declares."""
    needs, creates = set(rule.needs), set(rule.creates)
    for step in rule.steps:
        n, c = step_kinds(step)
        needs |= n
        creates |= c
    return needs - creates, creates


def plan(rules: Iterable[PhaseRule]) -> list[PhaseRule]:
    """The rules in the order they run: a rule that creates a kind another needs first (when the two do not
    need each other's kinds), then by `order` and name."""
    chosen = sorted({rule.name: rule for rule in rules}.values(), key=lambda r: (r.order, r.name))
    kinds = {rule.name: rule_kinds(rule) for rule in chosen}

    def before(a: PhaseRule, b: PhaseRule) -> bool:
        feeds = bool(kinds[a.name][1] & kinds[b.name][0])
        return feeds and not kinds[b.name][1] & kinds[a.name][0]

    ordered: list[PhaseRule] = []
    waiting = list(chosen)
    while waiting:
        ready = next((r for r in waiting if not any(before(o, r) for o in waiting if o is not r)), waiting[0])
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def trait_mismatch(rule: PhaseRule, traits: Mapping[str, Any]) -> str | None:
    """Why the map's business traits do not call for `rule` (None: they do, or the rule names none)."""
    if not rule.when or rule.matches(traits):
        return None
    wrong = [trait for trait, values in rule.when.items() if traits.get(trait) not in values]
    parts = []
    for trait in wrong:
        have = traits.get(trait)
        shown = "not set" if have is None else f"'{'true' if have is True else 'false' if have is False else have}'"
        parts.append(f"`{trait}` is {shown}")
    return f"the map's business traits do not call for it ({'; '.join(parts)}; it is meant for {rule.describe_when()})"


# --- what a rule would do, without editing ---------------------------------------------------------------------


def would_do(rule: PhaseRule, phases: Sequence[Mapping[str, Any]], language: str = "en") -> list[str]:
    """What `rule` would change in the phases of a map (plain phase mappings with `id`, `kind` and `name`), one
    line per step that would act; empty when it would change no phase. Personas are not phases: a step that
    only adds a persona is not listed."""
    phases = [dict(p) for p in phases]  # what the map would look like after each step, for the next one
    done = []
    for step in rule.steps:
        alternatives = step.get("one_of", [step])
        for alternative in alternatives:
            ((action, spec),) = alternative.items()
            if action == "split" and (index := split_blocked(phases, spec)[0]) is not None:
                names = ", ".join(f"'{text_in(t['name'], language)}'" for t in spec["into"])
                done.append(f"split phase '{phases[index]['name']}' into {names}")
                phases[index : index + 1] = [
                    {"id": t["id"], "kind": t["kind"], "name": text_in(t["name"], language)} for t in spec["into"]
                ]
                break
            merged = [f"'{p['name']}'" for p in phases if p.get("kind") in spec.get("phases", ())]
            if action == "merge" and len(merged) >= 2:
                done.append(f"merge phases {' and '.join(merged)}")
                break
            if (
                action == "add_phase"
                and add_phase_blocked(phases, spec) is None
                and (position := anchor_index(phases, spec)) is not None
            ):
                name = text_in(spec["name"], language)
                done.append(f"add the phase '{name}'")
                phases.insert(position, {"id": spec["id"], "kind": spec["kind"], "name": name})
                break
    return done


def advice(journey: Any, rule_name: str) -> str | None:
    """What lint says about a built-in rule on this map: what `cjm adapt --rule NAME` would do to its phases,
    or None when the rule would change no phase here (then lint must not recommend it)."""
    rule = builtin_rules().get(rule_name)
    if rule is None:
        return None
    done = would_do(rule, [phase.raw for phase in journey.phases], journey.language)
    return f"`cjm adapt --rule {rule_name}` would {' and '.join(done)}" if done else None
