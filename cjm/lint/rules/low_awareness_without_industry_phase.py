"""Low industry awareness with no industry-awareness phase.

For new technology or a niche market, customers must first learn that the category exists and why it matters
(what a smart ring does, why one would buy bespoke insoles) before they can be interested in a product. Content
for that step is different from product marketing: education, comparisons with the old way, trade press. The
domain's rule is to split interest into *industry awareness* and *product awareness*; the `cjm adapt` rule
`low-awareness` does this.

Fails:

```yaml
business: {awareness: low}
phases:
  - {id: awareness, name: Awareness, kind: awareness}
  - {id: interest, name: Interest, kind: interest}
```

Passes:

```yaml
business: {awareness: low}
phases:
  - {id: industry-awareness, name: Learns the category exists, kind: industry_awareness}
  - {id: product-awareness, name: Finds our product, kind: product_awareness}
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

CODE = "CJM604"
NAME = "low-awareness-without-industry-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("awareness") == "low" and "industry_awareness" not in kinds(journey):
        how = advice(journey, "low-awareness") or "add it before awareness"
        yield Finding(
            ("business", "awareness"),
            "industry awareness is low but no phase teaches the category: "
            "split interest into industry awareness and product awareness, or add an industry-awareness "
            f"phase before awareness (kind `industry_awareness`; {how})",
            key=True,
        )
