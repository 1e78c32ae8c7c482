"""A welcome or cart-abandonment sequence outside 3–5 messages.

Welcome and cart-abandonment messages work as short sequences: a welcome series of 3–5 messages tells the brand
story after the first signup or purchase (around 90% open, aim for 25% click-through); a cart-abandonment
series of 3–5 messages brings back product images, urgency and offers. One message gives up too early; more
than five turns a reminder into pressure. `sequence` says how many messages are sent; without it, a message is
one message. (In Japan carts are often used as wish lists: analyse before treating every cart as abandoned.)

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
messages:
  - {id: cart-reminder, type: cart_abandonment, trigger: Cart left for 24 hours, channel: email, sequence: 8}
```

Passes:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
messages:
  - {id: cart-reminder, type: cart_abandonment, trigger: Cart left for 24 hours, channel: email, sequence: 3}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option

CODE = "CJM802"
NAME = "message-sequence-length"
SEVERITY = Severity.WARNING
OPTIONS = {
    "min": Option(3, "The fewest messages a sequence should send.", minimum=1),
    "max": Option(5, "The most messages a sequence should send.", minimum=1),
    "types": Option(
        ["welcome", "cart_abandonment"],
        "The message types that are sequences.",
        choices=(
            "welcome",
            "browse_abandonment",
            "cart_abandonment",
            "transactional",
            "loyal_customer",
            "anniversary",
            "win_back",
        ),
    ),
}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    low, high = options["min"], options["max"]
    for message in journey.messages:
        if message.type not in options["types"]:
            continue
        count = message.raw.get("sequence", 1)
        if low <= count <= high:
            continue
        what = message.type.replace("_", "-")
        sends = f"sends {count} message{'s' if count != 1 else ''}" + (
            "" if "sequence" in message.raw else " (no `sequence`)"
        )
        path = (*message.path, "sequence") if "sequence" in message.raw else message.path
        yield Finding(path, f"{what} sequence '{message.id}' {sends}: {low}–{high} work best (`sequence:`)")
