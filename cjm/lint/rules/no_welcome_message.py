"""No welcome message.

The welcome message, sent on the first signup or the first purchase, is the most-opened promotional message
(around 90%): the customer has just chosen the brand and wants to know it. A series of 3–5 messages telling the
brand story is where a one-off buyer starts becoming a repeat customer. A map that plans messages but no welcome,
or no messages at all, misses it.

Fails:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
messages:
  - {id: order-confirmation, type: transactional, trigger: Order placed, channel: email}
```

Passes:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
messages:
  - {id: welcome, type: welcome, trigger: First purchase, channel: email, sequence: 3}
  - {id: order-confirmation, type: transactional, trigger: Order placed, channel: email}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import section

CODE = "CJM804"
NAME = "no-welcome-message"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not any(m.type == "welcome" for m in journey.messages):
        yield Finding(
            section(journey, "messages"),
            "no welcome message: plan a welcome series of 3–5 messages for "
            "the first signup or purchase (type `welcome`), the most-opened moment",
            key=True,
        )
