"""A set-and-forget initiative with a high maintenance cost.

Set-and-forget initiatives keep working once set up: reviews, a simple points programme, automated emails,
an FAQ, "frequently bought together". They are favoured when resources are thin precisely because they cost
little to run. An initiative marked `set_and_forget: true` but rated with a high `maintenance_cost` contradicts
itself, and the roadmap will put it in stage 1 on a promise it cannot keep. Lower the estimate or drop the flag.

Fails:

```yaml
phases:
  - {id: retention, name: Retention, kind: retention}
initiatives:
  - {id: weekly-newsletter, title: Hand-written weekly newsletter, set_and_forget: true, maintenance_cost: 5}
```

Passes:

```yaml
phases:
  - {id: retention, name: Retention, kind: retention}
initiatives:
  - {id: review-requests, title: Automated review request after delivery, set_and_forget: true,
     maintenance_cost: 1}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option

CODE = "CJM902"
NAME = "set-and-forget-high-maintenance"
SEVERITY = Severity.WARNING
OPTIONS = {
    "threshold": Option(4, "The maintenance cost (1-5) from which set-and-forget is a contradiction.", minimum=1)
}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for initiative in journey.initiatives:
        cost = initiative["maintenance_cost"]
        if initiative["set_and_forget"] is True and cost is not None and cost >= options["threshold"]:
            yield Finding(
                (*initiative.path, "set_and_forget"),
                f"initiative '{initiative.title}' is marked "
                f"set-and-forget but its maintenance cost is {cost} of 5: lower the estimate or remove "
                "`set_and_forget`",
                key=True,
            )
