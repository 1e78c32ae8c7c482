"""A flat emotion curve.

When every phase has the same emotion score, the curve has no high point and no low point, and those are what
the map is read for. Real customers are curious at awareness, anxious at consideration, relieved or annoyed at
purchase, happy or let down at use; a flat line usually means the scores are defaults (a starter map from
`cjm init` scores every phase 0) or were never researched. Checked when at least three phases have an
emotion; in a multi-lane map the mean of the lanes is used.

Fails:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness, emotion: {score: 0}}
  - {id: consideration, name: Consideration, kind: consideration, emotion: {score: 0}}
  - {id: purchase, name: Purchase, kind: purchase, emotion: {score: 0}}
```

Passes:

```yaml
phases:
  - {id: awareness, name: Awareness, kind: awareness, emotion: {score: 1, note: Curious}}
  - {id: consideration, name: Consideration, kind: consideration, emotion: {score: -1, note: Unsure of size}}
  - {id: purchase, name: Purchase, kind: purchase, emotion: {score: 0, note: Relieved but annoyed by shipping}}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import JOURNEY, number

CODE = "CJM403"
NAME = "flat-emotion-curve"
SEVERITY = Severity.INFO


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    scored = [score for phase in journey.phases if (score := phase.emotion_score) is not None]
    scores = set(scored)
    if len(scored) >= 3 and len(scores) == 1:
        yield Finding(
            JOURNEY,
            f"the emotion curve is flat (every phase scores {number(scores.pop())}): score each "
            "phase from what customers said, so the high and low points show",
            key=True,
        )
