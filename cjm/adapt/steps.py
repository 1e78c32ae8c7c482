"""A phase rule applied step by step: each step (split, merge, add_phase, add_persona, or the first of `one_of`
that can act) says what it changed or why it changed nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cjm.adapt.add import add_persona, add_phase
from cjm.adapt.editor import MapEditor, Report
from cjm.adapt.merge import merge_step
from cjm.adapt.rules import PhaseRule
from cjm.adapt.split import split_step


def apply_rule(ed: MapEditor, rule: PhaseRule) -> Report:
    report = Report(rule.name)
    for step in rule.steps:
        ((action, spec),) = step.items()
        changes, notes = _STEPS[action](ed, spec)
        report.changes.extend(changes)
        report.notes.extend(notes)
    return report


def _one_of_step(ed: MapEditor, alternatives: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """The first alternative that can act; when none can, why each could not."""
    notes: list[str] = []
    for alternative in alternatives:
        ((action, spec),) = alternative.items()
        changes, why = _STEPS[action](ed, spec)
        if changes:
            return changes, []
        notes.extend(why)
    return [], notes[-1:]


_STEPS: dict[str, Callable[[MapEditor, Any], tuple[list[str], list[str]]]] = {
    "split": split_step,
    "merge": merge_step,
    "add_phase": add_phase,
    "add_persona": add_persona,
    "one_of": _one_of_step,
}
