"""Repeat or subscription purchase with no repeat-purchase phase.

For cosmetics, supplements and other consumables, and for subscriptions, the business lives on the second and
third purchase: the domain's rule is to make *repeat purchase* a phase of its own and strengthen it (reminders
before the product runs out, easy reordering, a reason to stay on the subscription). A map of such a business
that folds repeat buying into a general retention phase cannot show where customers lapse. The `cjm adapt`
rule `repeat-purchase` adds the phase.

Fails:

```yaml
business: {purchase: subscription}
phases:
  - {id: purchase, name: First order, kind: purchase}
  - {id: retention, name: Retention, kind: retention}
```

Passes:

```yaml
business: {purchase: subscription}
phases:
  - {id: purchase, name: First order, kind: purchase}
  - {id: repeat-purchase, name: Renewal, kind: repeat_purchase}
  - {id: retention, name: Retention, kind: retention}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.adapt.plan import advice
from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import kinds

CODE = "CJM601"
NAME = "repeat-purchase-without-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    pattern = journey.business.get("purchase")
    if pattern in ("repeat", "subscription") and "repeat_purchase" not in kinds(journey, read=True):
        how = advice(journey, "repeat-purchase") or "add it after the use of the product"
        yield Finding(
            ("business", "purchase"),
            f"purchase is '{pattern}' but there is no repeat-purchase phase: "
            f"make repeat purchase a phase of its own (kind `repeat_purchase`; {how})",
            key=True,
        )
