"""A phase with no emotion.

Emotions are drawn as a curve across the phases, and its high and low points are what the map is read for: the
low point is where customers give up, the high point is what they recommend. A phase without an emotion breaks
the curve and hides whether this is where the experience fails. Score it from -2 (very negative) to 2 (very
positive), with a note on why.

Fails:

```yaml
phases:
  - id: purchase
    name: Purchase
    kind: purchase
    actions: [Enters the address again]
```

Passes:

```yaml
phases:
  - id: purchase
    name: Purchase
    kind: purchase
    actions: [Enters the address again]
    emotion: {score: -1, note: Annoyed by the long form}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM401"
NAME = "phase-without-emotion"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        if not phase.emotions:
            yield Finding(
                phase.path,
                f"phase {label(phase)} has no emotion: add how the customer feels here "
                "(`emotion: {score: -2..2, note: why}`), so the curve shows where the experience breaks",
            )
