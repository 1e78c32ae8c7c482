"""A phase whose KPIs do not fit its kind.

The domain brief names standard KPIs per phase: awareness — site visits, new-user rate; interest — time on site,
page views; consideration — product-page view rate, add-to-cart rate; purchase — conversion rate, average order
value; retention and advocacy — repeat rate, LTV (and for the adapted phases: approval lead time for approval,
review rate and Customer Effort Score after purchase). An awareness phase measured only by conversion rate
credits or blames it for what happens three phases later. The rule reads the KPIs' `metric`, or for a KPI
without one, its name (`CVR`, `受注率`, `リピート率`, `会員登録率`, `Time on site` ...; a sign-up rate fits interest,
consideration and purchase, an exit rate says nothing either way). A phase is
reported when it has a KPI that measures another part of the journey and none that measures its own; the
message suggests the standard ones. CX-wide metrics (NPS, Customer Effort Score, retention rate, LTV, cart
abandonment rate), message metrics and `custom` say nothing either way, except that a customer score (NPS, Customer
Effort Score, retention rate, LTV) given as the KPI of a phase before the purchase is reported on its own: there
is nobody to ask yet, so it cannot measure that phase. Phases of kind `custom` are not checked.

Fails:

```yaml
phases:
  - id: awareness
    name: Awareness
    kind: awareness
    kpis:
      - {name: Conversion rate, metric: conversion_rate, target: 2.5}
```

Passes:

```yaml
phases:
  - id: awareness
    name: Awareness
    kind: awareness
    kpis:
      - {name: Site visits, metric: site_visits, target: 30000}
      - {name: Ad click-through rate, metric: click_through_rate, target: 1.2}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.lint.base import Finding
from cjm.lint.facts import (
    CUSTOMER_SCORES,
    KPI_EXTRAS,
    KPI_GROUPS,
    NEUTRAL_METRICS,
    kpi_group,
    label,
    metric_of,
    metric_words,
)
from cjm.model import Item, Journey
from cjm.problem import Severity

# Before the purchase a customer score (NPS, LTV ...) has nobody to ask yet: it cannot be the phase's measure.
BEFORE_PURCHASE = frozenset({"awareness", "interest", "consideration"})

CODE = "CJM702"
NAME = "kpi-does-not-fit-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        group = kpi_group(phase.kind)
        if group is None:
            continue
        _, standard, also = KPI_GROUPS[group]
        also = also | KPI_EXTRAS.get(phase.kind, frozenset())
        read = [(kpi, *metric_of(kpi)) for kpi in phase.kpis]
        metrics = [metric for _, metric, _ in read if metric]
        telling = [(kpi, metric, by_name) for kpi, metric, by_name in read if metric and metric not in NEUTRAL_METRICS]
        if group in BEFORE_PURCHASE:
            for kpi, metric, by_name in read:
                if metric in CUSTOMER_SCORES:
                    yield Finding(kpi.path, f"KPI {_shown(kpi, metric, by_name)} of phase {label(phase)} is a score "
                                  f"of customers, but before the purchase there is nobody to ask: measure it for the "
                                  f"journey or after the purchase, and measure {group} by "
                                  f"{metric_words(standard)}")
        if not telling or any(m in standard or m in also for m in metrics):
            continue
        shown = ", ".join(_shown(kpi, metric, by_name) for kpi, metric, by_name in telling)
        yield Finding((*phase.path, "kpis"), f"the KPIs of phase {label(phase)} ({shown}) do not "
                      f"measure {group}: the standard ones are {metric_words(standard)}", key=True)


def _shown(kpi: Item, metric: str, by_name: bool) -> str:
    return f"'{kpi.get('name')}'" if by_name else metric_words([metric])
