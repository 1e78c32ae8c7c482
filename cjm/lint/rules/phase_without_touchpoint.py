"""A phase with no touchpoint.

A touchpoint is where customer and company meet in a phase, on a channel: search engine, SNS, EC site, app,
email, LINE, direct mail, package insert, store, call centre, chat. A phase without one shows what the customer
does but not where the brand can act on it, so no initiative can be placed there. Even a phase the company does
not drive (the customer compares at home) has touchpoints: the reviews read, the comparison site used.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    actions: [Reads reviews and compares sizes]
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    actions: [Reads reviews and compares sizes]
    touchpoints:
      - {name: Product page, channel: ec_site}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM101"
NAME = "phase-without-touchpoint"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        if not phase.touchpoints:
            yield Finding(
                phase.path,
                f"phase {label(phase)} has no touchpoint: add where the customer meets the "
                "brand here (`touchpoints:` with a name and a channel)",
            )
