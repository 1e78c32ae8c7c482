"""An initiative that addresses nothing.

Initiatives are generated from the map's pain points and opportunities, and prioritised by what they do for
them. An initiative that names no pain point and no opportunity cannot be traced back to the customer: nobody
can say which friction it removes, whether it worked, or whether it still matters when the map is revised. It is
often a pet project that found its way into the roadmap. Link it with `pain_points:` or `opportunities:`.
An enabler (a data feed, a workflow, a shared component) that initiatives addressing the customer depend on
(`depends_on:`) is traced through them, and passes.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
initiatives:
  - {id: new-logo, title: Redesign the logo, phases: [consideration]}
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
initiatives:
  - {id: size-chart, title: Size chart with model measurements, pain_points: [size-anxiety], depends_on: [measure]}
  - {id: measure, title: Measure every garment at intake}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Initiative, Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM302"
NAME = "initiative-addresses-nothing"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    traced = {i.id for i in journey.initiatives if _addresses(i)}
    enablers = _prerequisites(journey, traced)
    for initiative in journey.initiatives:
        if initiative.id not in traced and initiative.id not in enablers:
            yield Finding(
                initiative.path,
                f"initiative '{initiative.title}' addresses no pain point or "
                "opportunity: link it (`pain_points:` or `opportunities:`) to the customer problem it "
                "solves",
            )


def _addresses(initiative: Initiative) -> bool:
    return bool(initiative.pain_points or initiative.opportunities)


def _prerequisites(journey: Journey, of: set[str]) -> set[str]:
    """Every initiative that the initiatives `of` depend on, directly or through others."""
    depends = {i.id: i.depends_on for i in journey.initiatives}
    found: set[str] = set()
    waiting = [d for i in of for d in depends.get(i, [])]
    while waiting:
        current = waiting.pop()
        if current not in found:
            found.add(current)
            waiting.extend(depends.get(current, []))
    return found
