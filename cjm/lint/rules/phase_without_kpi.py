"""A phase with no KPI.

Each phase needs a measure, so that the map can be run as a PDCA loop: the domain's standard ones are site
visits and new-user rate for awareness, time on site and page views for interest, product-page view rate and
add-to-cart rate for consideration, conversion rate and average order value for purchase, repeat rate and LTV
for retention and advocacy. A phase that is not measured cannot show whether an initiative worked. The message
suggests the standard KPIs for the phase's kind.

Fails:

```yaml
phases:
  - id: awareness
    name: Awareness
    kind: awareness
```

Passes:

```yaml
phases:
  - id: awareness
    name: Awareness
    kind: awareness
    kpis:
      - {name: Site visits, metric: site_visits, target: 30000, unit: visits/month}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import KPI_GROUPS, kpi_group, label, metric_words

CODE = "CJM103"
NAME = "phase-without-kpi"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        if phase.kpis:
            continue
        group = kpi_group(phase.kind)
        hint = f" (the standard ones for {group}: {metric_words(KPI_GROUPS[group][1])})" if group else ""
        yield Finding(phase.path, f"phase {label(phase)} has no KPI: add how this phase is measured{hint}")
