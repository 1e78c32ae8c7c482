"""A B2B map with no approval phase.

In B2B the user who chose the product rarely buys it alone: a quote goes round the team (internal
coordination) and then through an approval process, often for weeks. That is where B2B deals stall and where
the seller can help (comparison sheets for the approver, quotes in the company's format). A B2B map that goes
straight from consideration to purchase skips it. The `cjm adapt` rule `b2b-approval` adds the *internal
coordination* and *approval* phases.

Fails:

```yaml
business: {model: b2b}
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Order, kind: purchase}
```

Passes:

```yaml
business: {model: b2b}
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: internal-coordination, name: Internal coordination, kind: internal_coordination}
  - {id: approval, name: Approval, kind: approval}
  - {id: purchase, name: Order, kind: purchase}
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

CODE = "CJM602"
NAME = "b2b-without-approval-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("model") == "b2b" and "approval" not in kinds(journey, read=True):
        how = advice(journey, "b2b-approval") or "add it before the purchase"
        yield Finding(
            ("business", "model"),
            "a B2B map with no approval phase: add the internal coordination and "
            f"approval the purchase goes through (kind `approval`; {how})",
            key=True,
        )
