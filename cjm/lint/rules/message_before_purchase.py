"""A post-purchase message placed before the purchase.

Transactional, loyal-customer and win-back messages are triggered by a purchase that has happened (an order, a
number of purchases, days since the last one). Placed in an awareness or consideration phase, such a message
either is in the wrong column, which misleads everyone reading the map, or has the wrong type (a browse- or
cart-abandonment message, perhaps). Phases from final confirmation and internal coordination on are not
reported: in B2B, an order awaiting approval is already transactional.

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
messages:
  - {id: order-confirmation, type: transactional, trigger: Order placed, channel: email, phase: consideration}
```

Passes:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
messages:
  - {id: order-confirmation, type: transactional, trigger: Order placed, channel: email, phase: purchase}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import KIND_ORDER, Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM805"
NAME = "message-before-purchase"
SEVERITY = Severity.WARNING

_AFTER_PURCHASE = frozenset({"transactional", "loyal_customer", "win_back"})


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for message in journey.messages:
        phase = journey.phase(message.phase) if message.phase else None
        if message.type not in _AFTER_PURCHASE or phase is None:
            continue
        if KIND_ORDER.get(phase.kind, KIND_ORDER["final_confirmation"]) < KIND_ORDER["final_confirmation"]:
            yield Finding(
                (*message.path, "phase"),
                f"{message.type.replace('_', '-')} message '{message.id}' is "
                f"placed in phase {label(phase)} ({phase.kind}), before the purchase that triggers it: "
                "move it to the phase where it is sent, or check its type",
            )
