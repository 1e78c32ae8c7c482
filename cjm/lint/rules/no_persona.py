"""A map with no persona.

A journey is someone's journey. Without a persona the phases get filled with "the customer" in general, which
in practice means the company's own view; the domain's advice is to describe one or more concrete customers by
what drives their buying (goals, pains, purchase frequency, budget sense, information sources).

Fails:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness}
```

Passes:

```yaml
personas:
  - id: busy-mother
    name: Busy working mother
    goals: [Find clothes that work for the school run and the office]
    pains: [No time to try clothes on in a store]
phases:
  - {id: awareness, name: Awareness, kind: awareness}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import section

CODE = "CJM505"
NAME = "no-persona"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not journey.personas:
        yield Finding(
            section(journey, "personas"),
            "the map has no persona: add the customer whose journey this is, with goals and pains (`personas:`)",
            key=True,
        )
