"""A post-purchase journey without transactional messages.

Transactional messages (order received, confirmed, shipped, delivery scheduled, delivered; returns, refunds,
subscription changes) are the most-read messages a shop sends, with open rates of 60% and more. They carry the
customer through the anxious wait between paying and receiving, and they have room for a well-chosen
cross-sell. A map that follows the customer past the purchase but plans none of them leaves that moment to the
defaults of the shop system.

Fails:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery, kind: delivery}
messages:
  - {id: welcome, type: welcome, trigger: First purchase, channel: email, sequence: 3}
```

Passes:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery, kind: delivery}
messages:
  - {id: shipping-notice, type: transactional, trigger: Order shipped, channel: email, phase: delivery}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import has_post_purchase, section

CODE = "CJM801"
NAME = "no-transactional-message"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if has_post_purchase(journey) and not any(m.type == "transactional" for m in journey.messages):
        yield Finding(
            section(journey, "messages"),
            "the journey goes past the purchase but plans no transactional "
            "message: add the order, shipping and delivery messages (type `transactional`), the most-opened "
            "ones",
            key=True,
        )
