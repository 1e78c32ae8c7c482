"""Placing initiatives in roadmap stages: pins win, dependencies come first, capacity spills over.

1. Each initiative starts in its natural stage (`classify.natural_stage`), or in the stage pinned in the map.
2. A pinned initiative pulls the initiatives it depends on (transitively) into its stage or earlier: they must
   be done by then. Those are *held*: capacity never moves them.
3. An initiative never lands in a stage before an initiative it depends on: it moves later to meet it. This
   holds even for an initiative pinned earlier than a dependency that is itself pinned later (a contradiction in
   the map, which `roadmap.check` reports as a warning).
4. With a capacity (initiatives per stage), the best-ranked initiatives whose dependencies are already placed
   fill each stage, held ones first; the rest spill into the next stage, and past stage 3 into stage 4, "later".
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from cjm.core.errors import CjmError

Key = TypeVar("Key", bound=Hashable)  # what identifies a node: any hashable, the same throughout one call

LAST_STAGE = 3  # past it, capacity spills into stage 4, "later"


@dataclass(frozen=True)
class Node(Generic[Key]):
    """One initiative as staging sees it. `order` is its rank (0 = best); `label` names it in messages."""

    key: Key
    label: str
    stage: int
    reason: str
    pinned: bool
    depends_on: tuple[Key, ...]
    order: int


def dependency_order(nodes: Mapping[Key, Node[Key]]) -> list[Key]:
    """Every key after the keys it depends on; among the free ones, the best-ranked first. A cycle is an error."""
    waiting = {k: {d for d in n.depends_on if d in nodes} for k, n in nodes.items()}
    dependents: dict[Key, list[Key]] = {k: [] for k in nodes}
    for key, deps in waiting.items():
        for dep in deps:
            dependents[dep].append(key)
    ready = [(nodes[k].order, i, k) for i, k in enumerate(nodes) if not waiting[k]]
    heapq.heapify(ready)
    index = {k: i for i, k in enumerate(nodes)}
    out: list[Key] = []
    while ready:
        _, _, key = heapq.heappop(ready)
        out.append(key)
        for child in dependents[key]:
            waiting[child].discard(key)
            if not waiting[child]:
                heapq.heappush(ready, (nodes[child].order, index[child], child))
    if len(out) < len(nodes):
        stuck = sorted(nodes[k].label for k in nodes if waiting[k])
        raise CjmError(
            f"dependency cycle among the initiatives {', '.join(stuck)}; an initiative cannot wait for "
            "itself, so remove one of these `depends_on` entries"
        )
    return out


def pin_conflicts(nodes: Mapping[Key, Node[Key]]) -> list[tuple[Key, Key]]:
    """(dependent, dependency) pairs where both are pinned and the dependency is pinned to a later stage."""
    return [
        (key, dep)
        for key, node in nodes.items()
        if node.pinned
        for dep in node.depends_on
        if dep in nodes and nodes[dep].pinned and nodes[dep].stage > node.stage
    ]


def assign_stages(
    nodes: Mapping[Key, Node[Key]], capacity: Sequence[int | None] | None = None
) -> dict[Key, tuple[int, str]]:
    """The final (stage, reason) of every node."""
    order = dependency_order(nodes)
    stage = {k: n.stage for k, n in nodes.items()}
    reason = {k: n.reason for k, n in nodes.items()}

    held = {k for k, n in nodes.items() if n.pinned}
    for key in reversed(order):  # dependents before what they depend on
        if key not in held:
            continue
        for dep in nodes[key].depends_on:
            if dep not in nodes:
                continue
            held.add(dep)
            if not nodes[dep].pinned and stage[dep] > stage[key]:
                stage[dep] = stage[key]
                reason[dep] = f"{reason[dep]}; needed by {nodes[key].label} in stage {stage[key]}"

    def follow_dependencies(keys: list[Key]) -> None:
        for key in keys:
            deps = [d for d in nodes[key].depends_on if d in nodes]
            latest = max(deps, key=lambda d: (stage[d], -nodes[d].order), default=None)
            if latest is not None and stage[latest] > stage[key]:
                stage[key] = stage[latest]
                reason[key] = f"{reason[key]}; after {nodes[latest].label}, which it depends on"

    follow_dependencies(order)
    if capacity:
        for current in range(1, LAST_STAGE + 1):
            limit = capacity[current - 1] if current - 1 < len(capacity) else None
            if limit is None:
                continue
            _fill(nodes, stage, reason, held, current, limit)
            follow_dependencies(order)
    return {k: (stage[k], reason[k]) for k in nodes}


def _fill(
    nodes: Mapping[Key, Node[Key]],
    stage: dict[Key, int],
    reason: dict[Key, str],
    held: set[Key],
    current: int,
    limit: int,
) -> None:
    """Keep at most `limit` initiatives in stage `current` (held ones always stay); spill the rest."""
    candidates = sorted((k for k in nodes if stage[k] == current), key=lambda k: nodes[k].order)
    if len(candidates) <= limit:
        return
    placed = {k for k in candidates if k in held}
    remaining = [k for k in candidates if k not in held]
    while len(placed) < limit:
        pick = next(
            (k for k in remaining if all(stage[d] < current or d in placed for d in nodes[k].depends_on if d in nodes)),
            None,
        )
        if pick is None:
            break
        placed.add(pick)
        remaining.remove(pick)
    for key in remaining:
        stage[key] = current + 1
        reason[key] = f"{reason[key]}; stage {current} full (capacity {limit}), moved to stage {current + 1}"
