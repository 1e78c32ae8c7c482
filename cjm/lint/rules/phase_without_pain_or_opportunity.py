"""A phase with no pain point and no opportunity.

The map exists to find what to improve: the frictions of each phase (pain points) and what the company could do
better there (opportunities), which become the initiatives. A phase with neither rows filled in has either been
skipped in the workshop or is genuinely smooth; the map does not say which. Ask the customer-facing team what
goes wrong here, or note what could be better. Informational: a smooth phase is possible.

Fails:

```yaml
phases:
  - id: delivery
    name: Delivery
    kind: delivery
    actions: [Waits for the parcel]
```

Passes:

```yaml
phases:
  - id: delivery
    name: Delivery
    kind: delivery
    actions: [Waits for the parcel]
    pain_points:
      - {id: no-tracking, text: Does not know when the parcel will come}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM110"
NAME = "phase-without-pain-or-opportunity"
SEVERITY = Severity.INFO


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        if not phase.pain_points and not phase.opportunities:
            yield Finding(
                phase.path,
                f"phase {label(phase)} has no pain point and no opportunity: add what goes "
                "wrong here (`pain_points:`) or what could be better (`opportunities:`), or confirm "
                "the phase is smooth",
            )
