"""A KPI that measures another part of the journey than its phase.

The domain brief names standard KPIs per phase: awareness — site visits, new-user rate; interest — time on site,
page views; consideration — product-page view rate, add-to-cart rate; purchase — conversion rate, average order
value; retention and advocacy — repeat rate, LTV (and for the adapted phases: approval lead time for approval,
review rate and Customer Effort Score after purchase). An awareness phase measured by conversion rate
credits or blames it for what happens three phases later. The rule reads each KPI's `metric`, or for a KPI
without one, its name (`CVR`, `受注率`, `リピート率`, `会員登録率`, `Time on site` ...), and reports, at the KPI,
each one that belongs to another part of the journey, naming that part: a conversion rate in consideration
belongs to the purchase, even beside a KPI that fits (a phase with none that fits is also told its standard
ones). A sign-up rate belongs to interest, consideration and purchase; a conversion rate named as a step of the
funnel (`Store-visit-to-purchase rate`, `来店からの成約率`) measures the phase the step starts from and fits it.
KPIs that fit, unknown ones, CX-wide metrics (NPS, Customer Effort Score, retention rate, LTV, cart abandonment
rate), message metrics, exit rates and `custom` are silent, except that a customer score (NPS, Customer Effort
Score, retention rate, LTV) given as the KPI of a phase before the purchase is reported: there is nobody to ask
yet, so it cannot measure that phase. Phases of kind `custom` are not checked.

Fails:

```yaml
phases:
  - id: awareness
    name: Awareness
    kind: awareness
    kpis:
      - {name: Site visits, metric: site_visits, target: 30000}
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

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Item, Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import (
    CUSTOMER_SCORES,
    KPI_EXTRAS,
    KPI_GROUPS,
    either,
    kpi_group,
    label,
    metric_home,
    metric_of,
    metric_words,
)
from cjm.lint.text import normal

# A conversion rate named as a step of the funnel ("Store-visit-to-purchase rate", 来店からの成約率) measures how
# the phase it starts from hands customers on, so it fits that phase; a bare "CVR" or 受注率 measures the purchase.
FUNNEL_STEP = re.compile(r"\w[- ]to[- ]\w|から|→|->")

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
        fitting = {*standard, *also, *KPI_EXTRAS.get(phase.kind, ())}
        read = [(kpi, *metric_of(kpi)) for kpi in phase.kpis]
        measured = any(metric in fitting for _, metric, _ in read)
        for kpi, metric, by_name in read:
            if not metric or metric in fitting or metric == "conversion_rate" and _funnel_step(kpi):
                continue
            if group in BEFORE_PURCHASE and metric in CUSTOMER_SCORES:
                yield Finding(
                    kpi.path,
                    f"KPI {_shown(kpi, metric, by_name)} of phase {label(phase)} is a score "
                    f"of customers, but before the purchase there is nobody to ask: measure it for the "
                    f"journey or after the purchase, and measure {group} by {metric_words(standard)}",
                )
            elif home := metric_home(metric):
                read_as = "read from its name as" if by_name else "metric"
                advice = "" if measured else f", and measure {group} by {metric_words(standard)}"
                yield Finding(
                    kpi.path,
                    f"KPI '{kpi.get('name')}' ({read_as} {metric_words([metric])}) of phase "
                    f"{label(phase)} measures {either(home)}, not {group}: put it on the "
                    f"{either(home)} phase{advice}",
                )


def _funnel_step(kpi: Item) -> bool:
    name = kpi.get("name")
    return isinstance(name, str) and FUNNEL_STEP.search(normal(name)) is not None


def _shown(kpi: Item, metric: str, by_name: bool) -> str:
    return f"'{kpi.get('name')}'" if by_name else metric_words([metric])
