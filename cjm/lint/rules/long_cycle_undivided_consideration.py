"""A long purchase cycle with one undivided consideration phase.

When the price is high and the decision takes weeks or months (housing, luxury watches, B2B systems), the
customer's needs change during consideration: first they gather information, then they compare a shortlist,
then they seek final confirmation (a showroom visit, a trial, a talk with family). One consideration column
blurs three different moments with different touchpoints and pain points. Split it into *information
gathering*, *comparison* and *final confirmation*; the `cjm adapt` rule `long-consideration` does this.

Fails:

```yaml
business: {cycle: long}
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
```

Passes:

```yaml
business: {cycle: long}
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: information-gathering, name: Information gathering, kind: information_gathering}
  - {id: comparison, name: Comparison, kind: comparison}
  - {id: final-confirmation, name: Final confirmation, kind: final_confirmation}
  - {id: purchase, name: Purchase, kind: purchase}
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

CODE = "CJM603"
NAME = "long-cycle-undivided-consideration"
SEVERITY = Severity.WARNING

_SPLIT_KINDS = {"information_gathering", "comparison", "final_confirmation"}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("cycle") == "long" and not kinds(journey) & _SPLIT_KINDS:
        how = advice(journey, "long-consideration") or "with `cjm split`"
        yield Finding(
            ("business", "cycle"),
            "the purchase cycle is long but consideration is not divided: split "
            f"it into information gathering, comparison and final confirmation ({how})",
            key=True,
        )
