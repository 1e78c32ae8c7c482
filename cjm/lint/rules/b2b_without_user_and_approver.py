"""A B2B map without both a user and a decision-maker or approver.

In B2B the person who uses the product and the person who decides or approves the purchase differ, and their
journeys differ: the user compares features and builds the case, the approver weighs cost and risk in an
approval process. A B2B map with a single persona hides the hand-over where deals stall. Use several personas,
with roles `user` and `decision_maker` or `approver`; the `cjm adapt` rule `b2b-approval` sets them up with
the approval phases.

Fails:

```yaml
business: {model: b2b}
personas:
  - {id: office-manager, name: Office manager, role: buyer, goals: [Keep supplies stocked]}
phases:
  - {id: approval, name: Approval, kind: approval}
```

Passes:

```yaml
business: {model: b2b}
personas:
  - {id: office-manager, name: Office manager, role: user, goals: [Keep supplies stocked]}
  - {id: finance-head, name: Head of finance, role: approver, goals: [Keep costs predictable]}
phases:
  - {id: approval, name: Approval, kind: approval}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import adapt

CODE = "CJM504"
NAME = "b2b-without-user-and-approver"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("model") != "b2b":
        return
    roles = {persona.role for persona in journey.personas}
    missing = [] if "user" in roles else ["a `user` persona"]
    if not roles & {"decision_maker", "approver"}:
        missing.append("a `decision_maker` or `approver` persona")
    if missing:
        yield Finding(
            ("business", "model"),
            f"a B2B map without {' and without '.join(missing)}: user and "
            f"decision-maker differ in B2B, so give each a persona ({adapt('b2b-approval')})",
            key=True,
        )
