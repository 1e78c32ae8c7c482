"""An initiative without the inputs to prioritise it.

Initiatives are prioritised on impact (sales, satisfaction, differentiation), feasibility (technical
difficulty, cost, people) and urgency, each on a 1–5 scale; the roadmap starts with high impact × easy. For an
initiative missing one of them, `cjm prioritise` assumes the middle of the scale, so it is ranked on a guess (and
in a workshop, by whoever argues loudest). The `required` option lists the inputs your team rates (add
`maintenance_cost` if you weigh ongoing effort, or use `reach`, `effort` and `confidence` for RICE).

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
initiatives:
  - {id: size-chart, title: Size chart with model measurements, impact: 5}
```

Passes:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
initiatives:
  - {id: size-chart, title: Size chart with model measurements, impact: 5, feasibility: 4, urgency: 4}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option
from cjm.lint.journey_facts import either

CODE = "CJM901"
NAME = "initiative-missing-priority-inputs"
SEVERITY = Severity.WARNING
OPTIONS = {
    "required": Option(
        ["impact", "feasibility", "urgency"],
        "The inputs every initiative must have.",
        choices=(
            "impact",
            "feasibility",
            "urgency",
            "maintenance_cost",
            "confidence",
            "reach",
            "effort",
            "ice",
            "rice",
            "wsjf",
        ),
    ),
}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for initiative in journey.initiatives:
        missing = [name for name in options["required"] if initiative[name] is None]
        if missing:
            yield Finding(
                initiative.path,
                f"initiative '{initiative.title}' has no {either(missing)}: rate "
                "it, so that `cjm prioritise` does not rank it on assumed values",
            )
