"""Durable goods with no use-and-maintenance phase.

Appliances and furniture are bought once and used for years. The purchase is followed by delivery and
installation, then a long use phase with care, maintenance, repairs and warranty questions, which decides
whether the customer recommends the brand and comes back for the next purchase years later. The domain's rule
is to emphasise a *use & maintenance* phase; the `cjm adapt` rule `durable` adds it. A phase of kind
`use_and_maintenance` or `use` satisfies the rule.

Fails:

```yaml
business: {durable: true}
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery and installation, kind: delivery}
```

Passes:

```yaml
business: {durable: true}
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery and installation, kind: delivery}
  - {id: use-and-maintenance, name: Use and maintenance, kind: use_and_maintenance}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.lint.base import Finding
from cjm.lint.facts import adapt, kinds
from cjm.model import Journey
from cjm.problem import Severity

CODE = "CJM606"
NAME = "durable-without-use-phase"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if journey.business.get("durable") is True and not kinds(journey) & {"use_and_maintenance", "use"}:
        yield Finding(("business", "durable"), "durable goods but no use-and-maintenance phase: add the years of "
                      "use, care and repair after delivery (kind `use_and_maintenance`; "
                      f"{adapt('durable')})", key=True)
