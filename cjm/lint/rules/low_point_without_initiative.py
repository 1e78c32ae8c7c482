"""The emotional low point has no initiative.

The low point of the emotion curve is where customers are most likely to give up, so it is where initiatives
pay off first. A phase is a low point when it has the lowest score of its curve (unless the curve is flat and
not negative) or when the score drops by `drop` or more from the phase before. Each persona lane has its own
curve. The low point is addressed when an initiative names the phase in `phases`, or addresses a pain point or
opportunity that sits in it.

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration, emotion: {score: 1}}
  - {id: purchase, name: Purchase, kind: purchase, emotion: {score: -2, note: Shipping costs appear at the end}}
  - {id: use, name: Use, kind: use, emotion: {score: 2}}
```

Passes:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration, emotion: {score: 1}}
  - {id: purchase, name: Purchase, kind: purchase, emotion: {score: -2, note: Shipping costs appear at the end}}
  - {id: use, name: Use, kind: use, emotion: {score: 2}}
initiatives:
  - {id: shipping-upfront, title: Show shipping costs on the product page, phases: [purchase]}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.lint.base import Finding, Option
from cjm.lint.facts import improved_phases, label, number
from cjm.loader import Path
from cjm.model import Journey, Phase
from cjm.problem import Severity

CODE = "CJM402"
NAME = "low-point-without-initiative"
SEVERITY = Severity.WARNING
OPTIONS = {"drop": Option(2, "A fall in score from one phase to the next that makes a low point.", minimum=0.5)}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    improved = improved_phases(journey)
    reported: set[str] = set()
    for persona, curve in _curves(journey).items():
        lane = f" for persona '{persona}'" if persona else ""
        for phase, path, why in _low_points(curve, options["drop"]):
            if phase.id in improved or phase.id in reported:
                continue
            reported.add(phase.id)
            yield Finding(path, f"phase {label(phase)} is the emotional low point{lane} ({why}) but no initiative "
                          "addresses it: add one for this phase or its pain points, since this is where customers "
                          "give up")


Curve = list[tuple[Phase, float, Path]]


def _curves(journey: Journey) -> dict[str | None, Curve]:
    curves: dict[str | None, Curve] = {}
    for phase in journey.phases:
        for emotion in phase.emotions:
            curves.setdefault(emotion.persona, []).append((phase, emotion.score, emotion.path))
    return curves


def _low_points(curve: Curve, drop: float) -> Iterator[tuple[Phase, Path, str]]:
    scores = [score for _, score, _ in curve]
    lowest = min(scores)
    if lowest < max(scores) or lowest < 0:
        for phase, score, path in curve:
            if score == lowest:
                yield phase, path, f"lowest score, {number(score)}"
    for (_, before, _), (phase, score, path) in zip(curve, curve[1:], strict=False):
        if before - score >= drop:
            yield phase, path, f"drops from {number(before)} to {number(score)}"
