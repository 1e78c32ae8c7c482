"""A phase with no customer action.

The actions row is what the customer does in the phase, in their terms: "searches 'summer mom fashion'",
"reads reviews", "adds to cart". It is the backbone of the map: thoughts, emotions and pain points explain the
actions, and touchpoints are where they happen. A phase without actions describes the company's process, not
the customer's journey.

Fails:

```yaml
phases:
  - id: purchase
    name: Purchase
    kind: purchase
    touchpoints:
      - {name: Checkout, channel: ec_site}
```

Passes:

```yaml
phases:
  - id: purchase
    name: Purchase
    kind: purchase
    actions: [Adds socks to reach the free-shipping threshold, Pays with a saved card]
    touchpoints:
      - {name: Checkout, channel: ec_site}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM102"
NAME = "phase-without-action"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        if not phase.actions:
            yield Finding(
                phase.path,
                f"phase {label(phase)} has no customer action: add what the customer does "
                "here, in their terms (`actions:`)",
            )
