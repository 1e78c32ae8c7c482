"""A persona with no goals or pains.

What drives purchase behaviour (goals, pains, purchase frequency, budget sense, information sources) matters
more than demographic detail. A persona that is a name, an age and a city is a weak persona: it cannot tell the
team what the customer is trying to do or what stands in the way, so every phase gets filled with the company's
assumptions. Give the persona at least its goals or its pains (and ideally its behaviour and information
sources).

Fails:

```yaml
personas:
  - id: working-mother
    name: Working mother
    demographics: {age: 33, location: Tokyo, occupation: Part-time office worker}
phases:
  - {id: awareness, name: Awareness, kind: awareness}
```

Passes:

```yaml
personas:
  - id: working-mother
    name: Working mother
    demographics: {age: 33, location: Tokyo}
    goals: [Look put-together at the nursery gate and at work]
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

CODE = "CJM501"
NAME = "persona-without-goals-or-pains"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for persona in journey.personas:
        if persona.raw.get("goals") or persona.raw.get("pains"):
            continue
        what = "is all demographics" if persona.raw.get("demographics") else "has no goals or pains"
        yield Finding(
            persona.path,
            f"persona '{persona.name}' {what}: add its goals and pains (`goals:`, "
            "`pains:`), since what drives purchase matters more than age or location",
        )
