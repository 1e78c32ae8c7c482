"""The emotional low point has no initiative.

The low point of the emotion curve is where customers are most likely to give up, so it is where initiatives
pay off first. A phase is a low point when it has the lowest score of its curve (unless the curve is flat and
not negative) or when the score drops by `drop` or more from the phase before. Each persona lane has its own
curve. The low point is addressed when an initiative names the phase in `phases`, or addresses a pain point or
opportunity that sits in it. A low score before the customer looks at offers (need recognition, awareness) with
no pain point there is the trigger of the journey, the frustration that sends them looking ("annoyed at the weekly
shop run"), not a place where they give up on the brand: it is not reported.

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

from cjm.core.model import Journey, is_trigger
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option
from cjm.lint.journey_facts import improved_phases, label, low_points

CODE = "CJM402"
NAME = "low-point-without-initiative"
SEVERITY = Severity.WARNING
OPTIONS = {"drop": Option(2, "A fall in score from one phase to the next that makes a low point.", minimum=0.5)}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    improved = improved_phases(journey)
    reported: set[str] = set()
    for low in low_points(journey, options["drop"]):
        phase = low.phase
        if phase.id in improved or phase.id in reported or is_trigger(phase):
            continue
        reported.add(phase.id)
        yield Finding(
            low.path,
            f"phase {label(phase)} is the emotional low point{low.lane} ({low.why}) but no "
            "initiative addresses it: add one for this phase or its pain points, since this is where "
            "customers give up",
        )
