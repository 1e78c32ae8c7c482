"""The one model for reading and editing: the view adapt edits through sees a map's ids, entry words and phase
kinds exactly as the read-only model does; new keys go where the schema puts them; adapt keeps nothing of a map
once it has answered; and the adapt and lint modules import one another in one direction only."""

from __future__ import annotations

import ast
import gc
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap

from cjm.adapt import adapt_text, merge_text
from cjm.adapt.editor import MapEditor
from cjm.adapt.rules import builtin_rules
from cjm.adapt.steps import apply_rule
from cjm.core.edit import dump_roundtrip, load_roundtrip
from cjm.core.model import PHASE_KEYS, EditableMap, entry_text, phase_reading, set_phase_key
from cjm.core.vocabulary import reading
from cjm.validation.check import Result, check_text

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "samples").glob("*.yaml")) + sorted((ROOT / "tests" / "data" / "adapt").glob("*.yaml"))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_the_editing_view_reads_a_map_as_the_model_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    journey = check_text(text, path.name).journey
    assert journey is not None
    view = EditableMap(load_roundtrip(text), journey.language)

    assert [entry_text(entry) for phase in view.phases for _, entry in view.entries(phase)] == [
        item.text for _, item in journey.items()
    ]
    assert [phase_reading(phase) for phase in view.phases] == [reading(p.kind, p.name) for p in journey.phases]
    assert view.entry_phases() == {item.id: phase.id for phase, item in journey.items() if item.id}
    ids = {p.id for p in journey.personas} | {p.id for p in journey.phases} | set(view.entry_phases())
    ids |= {i.id for i in journey.initiatives} | {m.id for m in journey.messages}
    assert set(view.used_ids()) == ids
    assert view.used_ids()[journey.phases[0].id] == "phase"
    assert [view.phase_index(p.id) for p in journey.phases] == list(range(len(journey.phases)))


def test_a_new_phase_key_goes_where_the_schema_puts_it() -> None:
    data = load_roundtrip("phases:\n- id: a\n  name: A\n  kind: purchase\n  actions: [x]\n  kpis: []\n")
    phase = data["phases"][0]
    set_phase_key(phase, "description", "why")
    set_phase_key(phase, "emotion", {"score": 1})
    set_phase_key(phase, "x-note", "last")
    assert list(phase) == ["id", "name", "kind", "description", "actions", "emotion", "kpis", "x-note"]
    assert [key for key in PHASE_KEYS if key in phase] == list(phase)[:-1]
    assert dump_roundtrip(data).startswith("phases:\n- id: a\n  name: A\n  kind: purchase\n  description: why\n")


def test_adapt_keeps_nothing_of_a_map_once_it_has_answered() -> None:
    """No cache holds the map's round-trip data between calls: each run does a user's run's work, and a
    long-lived process does not grow with every map it adapts."""
    text = (ROOT / "tests" / "data" / "adapt" / "watch-ja.yaml").read_text(encoding="utf-8")

    def alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, CommentedMap))

    before = alive()
    for rule in ("durable", "omnichannel"):
        assert adapt_text(text, "watch-ja.yaml", [builtin_rules()[rule]]).changed
    assert merge_text(text, "watch-ja.yaml", ["interest", "consideration"], "interest-consideration").changed
    assert alive() == before


def _cjm_imports(path: Path) -> set[str]:
    """Every cjm module a file imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cjm."):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("cjm."))
    return found


@pytest.mark.parametrize("package", ["adapt", "lint"])
def test_no_import_cycle_within_adapt_or_lint(package: str) -> None:
    folder = ROOT / "cjm" / package
    modules = {f"cjm.{package}" if p.stem == "__init__" else f"cjm.{package}.{p.stem}": p for p in folder.glob("*.py")}
    graph = {name: _cjm_imports(path) & set(modules) - {name} for name, path in modules.items()}

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return [*trail, start]
                if nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [found for name in sorted(graph) if (found := cycle_from(name))]
    assert not cycles, " -> ".join(cycles[0])


SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_run_that_changes_nothing_says_why_as_the_round_trip_would_without_reading_it(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """adapt first tries the rules on the validated data: a run that changes nothing ends there, with the notes
    the steps give on the round-trip data, and without touching the validated data."""
    import cjm.adapt

    text = sample.read_text(encoding="utf-8")
    validated: list[Result] = []
    loads: list[str] = []

    def validate(*args: Any, **kwargs: Any) -> Result:
        validated.append(check_text(*args, **kwargs))
        return validated[-1]

    def load(text: str) -> Any:
        loads.append(text)
        return load_roundtrip(text)

    monkeypatch.setattr(cjm.adapt, "check_text", validate)
    monkeypatch.setattr(cjm.adapt, "load_roundtrip", load)
    for rule in builtin_rules().values():
        validated.clear()
        loads.clear()
        outcome = adapt_text(text, sample.name, [rule])
        first, fresh = validated[0], check_text(text, sample.name)
        assert first.document and fresh.document and first.document.data == fresh.document.data  # left untouched
        if outcome.changed:
            assert len(loads) == 1
            continue
        assert loads == []
        assert first.journey is not None
        on_round_trip = apply_rule(MapEditor(load_roundtrip(text), first.journey.language), rule)
        assert (outcome.reports[0].changes, outcome.reports[0].notes) == ([], on_round_trip.notes), rule.name
        assert not on_round_trip.changed
