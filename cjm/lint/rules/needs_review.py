"""An entry that `cjm adapt` flagged for review.

When `cjm adapt` splits or adds phases it moves each entry to where it most likely belongs; when it cannot
tell (an action that could be "comparison" or "final confirmation"), it places it and sets `review: true`.
Until a person has looked, the map may say the customer does something in the wrong phase, which moves pain
points and initiatives with it. Check the entry, move it if needed, then remove the flag.

Fails:

```yaml
phases:
  - id: comparison
    name: Comparison
    kind: comparison
    actions:
      - {text: Asks a friend which watch looks better, review: true}
```

Passes:

```yaml
phases:
  - id: comparison
    name: Comparison
    kind: comparison
    actions:
      - {text: Asks a friend which watch looks better}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import label

CODE = "CJM107"
NAME = "needs-review"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase, item in journey.items():
        if item.get("review") is True:
            yield Finding(
                (*item.path, "review"),
                f"'{item.text}' was placed in phase {label(phase)} by `cjm adapt`, "
                "which could not tell where it belongs: check it, move it if needed, then remove "
                "`review: true`",
                key=True,
            )
