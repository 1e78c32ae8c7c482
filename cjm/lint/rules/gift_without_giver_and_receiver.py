"""A gift map without both a giver and a receiver.

A gift is bought by one person and experienced by another, so the journey is designed from two perspectives:
the giver (choosing, wrapping, sending, worrying whether it arrives on time) and the receiver (the unboxing, the
message card, perhaps becoming a customer). A gift map with one persona sees only half of it. Mark the
personas' roles `giver` (a `buyer` counts as the giver) and `receiver`; the `cjm adapt` rule `gift` sets up both
lanes.

Fails:

```yaml
business: {gift: true}
personas:
  - {id: buyer, name: Buyer, role: buyer, goals: [Find a gift quickly]}
phases:
  - {id: purchase, name: Purchase, kind: purchase}
```

Passes:

```yaml
business: {gift: true}
personas:
  - {id: giver, name: Gift giver, role: giver, goals: [Find a gift that feels personal]}
  - {id: receiver, name: Gift receiver, role: receiver, goals: [Feel remembered]}
phases:
  - {id: purchase, name: Purchase, kind: purchase}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import adapt

CODE = "CJM503"
NAME = "gift-without-giver-and-receiver"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("gift") is not True:
        return
    roles = {persona.role for persona in journey.personas}
    if "buyer" in roles:
        roles.add("giver")  # in a gift map, whoever buys is the giver (the `gift` adapt rule reads it so too)
    missing = [f"a `{role}` persona" for role in ("giver", "receiver") if role not in roles]
    if missing:
        yield Finding(
            ("business", "gift"),
            f"a gift map without {' and without '.join(missing)}: design the "
            f"journey from both the giver's and the receiver's side ({adapt('gift')})",
            key=True,
        )
