"""A win-back message without an inactivity period.

Win-back (re-engagement) messages go to customers who have been inactive for a while, typically 60–90 days,
though the right period depends on the brand's purchase cycle (a supplement that lasts a month, a coat bought
once a season). Without a period the trigger cannot be set up, and a message sent too early nags a customer who
was about to come back anyway. Set `inactivity_days`, and remind them of the reason they first bought.

Fails:

```yaml
phases:
  - {id: retention, name: Retention, kind: retention}
messages:
  - {id: come-back, type: win_back, trigger: Customer went quiet, channel: email}
```

Passes:

```yaml
phases:
  - {id: retention, name: Retention, kind: retention}
messages:
  - {id: come-back, type: win_back, trigger: No purchase for 90 days, channel: email, inactivity_days: 90}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM803"
NAME = "win-back-without-inactivity"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for message in journey.messages:
        if message.type == "win_back" and "inactivity_days" not in message.raw:
            yield Finding(
                message.path,
                f"win-back message '{message.id}' has no inactivity period: set "
                "`inactivity_days` (60–90 is typical; it depends on how often customers buy)",
            )
