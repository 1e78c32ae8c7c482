"""The journey ends at purchase.

The journey does not end at purchase. Delivery, unboxing, use, support, returns, repeat purchase and advocacy
are where loyalty and lifetime value (LTV) are won, and where the cheapest growth is: a customer who comes back
costs nothing to acquire. A map that stops at the checkout optimises acquisition only. A phase counts as
post-purchase by its kind (delivery, use, support, retention, advocacy, ...) or, for `custom` phases, by coming
after a purchase phase. Maps whose phases are all `custom` are not checked.

Fails:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
```

Passes:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: use, name: Use, kind: use}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import JOURNEY, has_post_purchase, undecidable

CODE = "CJM201"
NAME = "ends-at-purchase"
SEVERITY = Severity.ERROR


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not undecidable(journey) and not has_post_purchase(journey):
        yield Finding(
            JOURNEY,
            "the journey ends at purchase: add what comes after it (delivery, use, support, "
            "repeat purchase, advocacy), where loyalty and LTV are won",
            key=True,
        )
