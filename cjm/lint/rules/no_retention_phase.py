"""No retention or advocacy phase.

Lifetime value is a loop: acquisition, service and re-acquisition. A map that follows the customer through
delivery and use but never to the next purchase or to a recommendation leaves the loop open, and with it the
repeat rate and LTV that the domain names as the KPIs of the last phase. The rule looks for a phase of kind
`retention`, `repeat_purchase` or `advocacy`. Maps that end at purchase are reported by `ends-at-purchase`
instead.

Fails:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery, kind: delivery}
  - {id: use, name: Use, kind: use}
```

Passes:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery, kind: delivery}
  - {id: use, name: Use, kind: use}
  - {id: retention, name: Retention & advocacy, kind: retention}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import JOURNEY, RETENTION_KINDS, has_post_purchase, kinds, undecidable

CODE = "CJM202"
NAME = "no-retention-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if undecidable(journey) or not has_post_purchase(journey) or kinds(journey) & RETENTION_KINDS:
        return
    yield Finding(
        JOURNEY,
        "no retention or advocacy phase: add where the customer buys again or recommends "
        "the brand (kind `retention`, `repeat_purchase` or `advocacy`), so the LTV loop is on the map",
        key=True,
    )
