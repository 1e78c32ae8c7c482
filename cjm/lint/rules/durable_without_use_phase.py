"""Durable goods with no use-and-maintenance phase.

Appliances and furniture are bought once and used for years. The purchase is followed by delivery and
installation, then a long use phase with care, maintenance, repairs and warranty questions, which decides
whether the customer recommends the brand and comes back for the next purchase years later. The domain's rule
is to emphasise a *use & maintenance* phase; the `cjm adapt` rule `durable` adds it. A phase of kind
`use_and_maintenance` or `use` (or one whose name says so, such as a `retention` phase named Onboarding)
satisfies the rule. A map that does not set `business.durable` but says it in other words (industry
`家具` or `Home appliances`, a phase about the sofa's delivery) is read as durable, and the message says what
the inference rests on (`cjm.core.traits`); `durable: false` turns that off.

Fails:

```yaml
business: {durable: true}
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery and installation, kind: delivery}
```

Passes:

```yaml
business: {durable: true}
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery and installation, kind: delivery}
  - {id: use-and-maintenance, name: Use and maintenance, kind: use_and_maintenance}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.adapt.plan import advice
from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.core.traits import inferred_traits
from cjm.lint.base import Finding
from cjm.lint.journey_facts import kinds

CODE = "CJM606"
NAME = "durable-without-use-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    inferred = next((i for i in inferred_traits(journey) if i.trait == "durable"), None)
    if journey.business.get("durable") is not True and inferred is None:
        return
    if kinds(journey, read=True) & {"use_and_maintenance", "use"}:
        return
    how = advice(journey, "durable") or "add it after delivery"
    why = f" ({inferred})" if inferred else ""
    path = inferred.path if inferred else ("business", "durable")
    yield Finding(
        path,
        f"durable goods{why} but no use-and-maintenance phase: add the years of use, care and "
        f"repair after delivery (kind `use_and_maintenance`; {how})",
        key=inferred is None,
    )
