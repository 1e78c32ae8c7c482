"""Referential integrity: ids are unique across a map, every reference resolves to the right kind of entry,
and initiative dependencies have no cycle."""

from __future__ import annotations

from collections.abc import Iterator

from cjm.core.codes import DEPENDENCY_CYCLE, DUPLICATE_ID, UNKNOWN_REFERENCE
from cjm.core.document import KeyPath
from cjm.core.model import NOUNS, Journey
from cjm.core.problem import Problem
from cjm.validation.suggest import Suggestions


def _entries(journey: Journey) -> Iterator[tuple[str, str, KeyPath]]:
    """Every (id, kind of entry, path) in the map."""
    for persona in journey.personas:
        yield persona.id, "persona", persona.path
    for phase in journey.phases:
        yield phase.id, "phase", phase.path
        for item in phase.all_items():
            if item.id:
                yield item.id, NOUNS[item.list_name], item.path
    for initiative in journey.initiatives:
        yield initiative.id, "initiative", initiative.path
    for message in journey.messages:
        yield message.id, "message", message.path


def _references(journey: Journey) -> Iterator[tuple[str, str, KeyPath]]:
    """Every (referenced id, kind it must be, path of the reference)."""
    for phase in journey.phases:
        for item in phase.all_items():
            if item.persona:
                yield item.persona, "persona", (*item.path, "persona")
            for i, target in enumerate(item.get("addresses", [])):
                yield target, "pain point", (*item.path, "addresses", i)
        for emotion in phase.emotions:
            if emotion.persona:
                yield emotion.persona, "persona", (*emotion.path, "persona")
    for initiative in journey.initiatives:
        for key, kind in (
            ("phases", "phase"),
            ("pain_points", "pain point"),
            ("opportunities", "opportunity"),
            ("depends_on", "initiative"),
        ):
            for i, target in enumerate(initiative.raw.get(key, [])):
                yield target, kind, (*initiative.path, key, i)
    for message in journey.messages:
        if message.phase:
            yield message.phase, "phase", (*message.path, "phase")
        if persona := message.raw.get("persona"):
            yield persona, "persona", (*message.path, "persona")


def entries(journey: Journey) -> Iterator[tuple[str, str, KeyPath]]:
    """Every (id, kind of entry, path of the entry) in the map: for tools that rename or list ids."""
    return _entries(journey)


def references(journey: Journey) -> Iterator[tuple[str, str, KeyPath]]:
    """Every (referenced id, kind it must be, path of the reference): for tools that rename ids."""
    return _references(journey)


def check_references(journey: Journey) -> list[Problem]:
    doc = journey.document
    problems: list[Problem] = []
    seen: dict[str, tuple[str, KeyPath]] = {}
    for entry_id, kind, path in _entries(journey):
        if entry_id in seen:
            first_kind, first_path = seen[entry_id]
            line, _ = doc.locate((*first_path, "id"))
            problems.append(
                doc.problem(
                    (*path, "id"),
                    DUPLICATE_ID,
                    f"id '{entry_id}' is already used by a {first_kind} at line {line}; "
                    "ids must be unique within a map, so rename one",
                )
            )
        else:
            seen[entry_id] = (kind, path)
    ids_of_kind: dict[str, list[str]] = {}
    suggestions = Suggestions()
    for target, kind, path in _references(journey):
        found = seen.get(target)
        if found is None:
            if kind not in ids_of_kind:
                ids_of_kind[kind] = sorted(i for i, (k, _) in seen.items() if k == kind)
            hint = _hint(target, ids_of_kind[kind], suggestions)
            problems.append(doc.problem(path, UNKNOWN_REFERENCE, f"no {kind} has the id '{target}'{hint}"))
        elif found[0] != kind:
            problems.append(
                doc.problem(path, UNKNOWN_REFERENCE, f"'{target}' is a {found[0]}, but a {kind} id is expected here")
            )
    problems.extend(_cycles(journey))
    return problems


def _hint(target: str, candidates: list[str], suggestions: Suggestions) -> str:
    close = suggestions.closest(target, candidates)
    if close:
        return f"; did you mean '{close}'?"
    if candidates and len(candidates) <= 12:
        return f"; known: {', '.join(candidates)}"
    return ""


def _cycles(journey: Journey) -> list[Problem]:
    """One problem per dependency cycle, at the dependency that closes it."""
    graph: dict[str, list[tuple[str, int]]] = {
        i.id: [(d, n) for n, d in enumerate(i.depends_on)] for i in journey.initiatives
    }
    paths = {i.id: i.path for i in journey.initiatives}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    problems: list[Problem] = []
    for start in graph:
        if state.get(start):
            continue
        # Iterative depth-first search: a long dependency chain must not hit Python's recursion limit.
        stack: list[tuple[str, Iterator[tuple[str, int]]]] = [(start, iter(graph[start]))]
        trail = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            step = next(children, None)
            if step is None:
                state[node] = 2
                stack.pop()
                trail.pop()
                continue
            child, index = step
            if child not in graph:
                continue
            if state.get(child) == 1:
                cycle = trail[trail.index(child) :] + [child]
                problems.append(
                    journey.document.problem(
                        (*paths[node], "depends_on", index),
                        DEPENDENCY_CYCLE,
                        f"dependency cycle: {' -> '.join(cycle)}; an initiative cannot wait for itself, "
                        "so remove one of these dependencies",
                    )
                )
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(graph[child])))
                trail.append(child)
    return problems
