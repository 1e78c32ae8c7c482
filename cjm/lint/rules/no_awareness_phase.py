"""No awareness phase.

A journey map lays out how a customer *meets* the brand, then buys, receives, uses and recommends. A map that
starts at interest or consideration assumes the customer already knows the brand, and leaves out where SEO, ads
and SNS work, which the domain names as the tactics that fail when run in isolation. The rule looks for a phase
of kind `awareness`, `need_recognition`, `industry_awareness` or `product_awareness`; maps whose phases are all
`custom` are not checked.

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
```

Passes:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import AWARENESS_KINDS, JOURNEY, kinds, undecidable

CODE = "CJM204"
NAME = "no-awareness-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not undecidable(journey) and not kinds(journey) & AWARENESS_KINDS:
        yield Finding(
            JOURNEY,
            "no awareness phase: add where the customer first meets the brand (kind `awareness` or `need_recognition`)",
            key=True,
        )
