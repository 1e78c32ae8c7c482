"""No purchase phase.

Every journey the domain describes passes through a purchase (or, in the buyer-decision process, a purchase
decision): it is where the conversion rate and average order value are measured and where checkout friction
lives. A map without it cannot show what happens between deciding and receiving. The rule looks for a phase of
kind `purchase` or `decision`; maps whose phases are all `custom` are not checked.

Fails:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: use, name: Use, kind: use}
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
from cjm.lint.journey_facts import JOURNEY, PURCHASE_KINDS, kinds, undecidable

CODE = "CJM203"
NAME = "no-purchase-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not undecidable(journey) and not kinds(journey) & PURCHASE_KINDS:
        yield Finding(
            JOURNEY,
            "no purchase phase: add the phase where the customer buys (kind `purchase`, or "
            "`decision`), where conversion and checkout friction are measured",
            key=True,
        )
