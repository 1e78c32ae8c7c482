"""A KPI without a target.

A KPI is measured to decide something: the map is run as a PDCA loop (plan, measure, compare, revise), and
without a target nobody can tell whether 2.1% conversion is a success or a problem, or which stage of the
roadmap worked. Write the value to reach (`target: 2.5`, `unit: "%"`), or a range or qualitative target as
text. No fix is offered: a placeholder target would look like a decision nobody made.

Fails:

```yaml
phases:
  - id: purchase
    name: Purchase
    kind: purchase
    kpis:
      - {name: Conversion rate, metric: conversion_rate}
```

Passes:

```yaml
phases:
  - id: purchase
    name: Purchase
    kind: purchase
    kpis:
      - {name: Conversion rate, metric: conversion_rate, target: 2.5, unit: "%"}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM701"
NAME = "kpi-without-target"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        for kpi in phase.kpis:
            if kpi.get("target") is None:
                yield Finding(
                    kpi.path,
                    f"KPI '{kpi.text}' of phase {label(phase)} has no target: add the value to "
                    "reach (`target:` and `unit:`), so the team can tell whether the phase improved",
                )
