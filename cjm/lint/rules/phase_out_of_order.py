"""Phases out of the usual order.

Phases are the columns of the map, in time order: awareness, interest, consideration, purchase, then the
post-purchase phases (delivery, use, support, repeat purchase, advocacy), with the adaptations placed among
them (industry awareness before product awareness, approval before purchase). A purchase phase before
awareness is almost always a slip that makes the emotion curve and every "before/after" reading wrong. The rule
finds the fewest phases that, moved, would restore the order, and names the phase each one should follow or
precede. Phases of kind `custom` are not ranked, and support (returns, claims, help) is needed whenever
something goes wrong, so a support phase may come anywhere after the purchase (a returns phase after
onboarding, a claims phase after years of retention); a phase deliberately out of order (a repeat purchase
drawn before delivery, say) says so with `intentional_order: true`.

Fails:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
```

Passes:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: support, name: Support, kind: support}
  - {id: quick-reorder, name: Quick reorder, kind: repeat_purchase}
  - {id: returns, name: Returns, kind: support}
  - {id: early-reorder, name: Early reorder, kind: repeat_purchase}
  - {id: delivery, name: Delivery, kind: delivery, intentional_order: true}
```
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import KIND_ORDER, Journey, Phase
from cjm.core.problem import Severity
from cjm.core.vocabulary import reading
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM104"
NAME = "phase-out-of-order"
SEVERITY = Severity.ERROR


# Kinds that may come anywhere after the purchase.
AFTER_PURCHASE_ANYWHERE = frozenset({"support"})


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    # A phase is ranked by what its name says it is when that contradicts its kind (配送 of kind `retention`
    # is a delivery; CJM109 reports the contradiction itself).
    checked = [(p, reading(p.kind, p.name)) for p in journey.phases if p.kind in KIND_ORDER and not p.intentional_order]
    for index, (phase, kind) in enumerate(checked):
        if kind in AFTER_PURCHASE_ANYWHERE:
            before = next((p for p, k in checked[index + 1 :] if KIND_ORDER[k] <= KIND_ORDER["purchase"]), None)
            if before is not None:
                yield Finding(
                    phase.path,
                    f"phase {_named(phase)} comes before {_named(before)}, which usually "
                    "comes first: move it, or set `intentional_order: true` on it if the order is "
                    "deliberate",
                )
    ranked = [p for p, kind in checked if kind not in AFTER_PURCHASE_ANYWHERE]
    ranks = [KIND_ORDER[kind] for _, kind in checked if kind not in AFTER_PURCHASE_ANYWHERE]
    kept = longest_ordered(ranks)
    order = sorted(kept)
    for i, phase in enumerate(ranked):
        if i in kept:
            continue
        # The kept phases' ranks never decrease, so the nearest kept phase on either side is the one to name:
        # the next one when it ranks before this phase, else the previous one, which then ranks after it.
        at = bisect_right(order, i)
        if at < len(order) and ranks[order[at]] < ranks[i]:
            where = f"comes before {_named(ranked[order[at]])}, which usually comes first"
        else:
            where = f"comes after {_named(ranked[order[at - 1]])}, which usually comes later"
        yield Finding(
            phase.path,
            f"phase {_named(phase)} {where}: move it, or set `intentional_order: true` on it "
            "if the order is deliberate",
        )


def _named(phase: Phase) -> str:
    return f"{label(phase)} ({phase.kind})"


def longest_ordered(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing run of ranks (not necessarily contiguous): the phases to keep."""
    tails: list[int] = []  # tails[k]: index of the smallest last rank of a run of length k + 1
    tail_ranks: list[int] = []
    previous = [-1] * len(ranks)
    for i, rank in enumerate(ranks):
        k = bisect_right(tail_ranks, rank)
        previous[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            tail_ranks.append(rank)
        else:
            tails[k], tail_ranks[k] = i, rank
    kept: set[int] = set()
    i = tails[-1] if tails else -1
    while i != -1:
        kept.add(i)
        i = previous[i]
    return kept
