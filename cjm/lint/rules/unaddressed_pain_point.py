"""A pain point that no opportunity or initiative addresses.

The map exists to turn pain points into initiatives: identify the frictions, generate ideas for each (size
charts and model measurements for size anxiety), prioritise them. A pain point nobody answers is a known reason
customers leave, written down and left alone. Answer it with an opportunity (`addresses: [pain-id]`) or an
initiative (`pain_points: [pain-id]`), or remove it if it is no longer true.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
    opportunities:
      - {id: model-measurements, text: Show model measurements on every product page, addresses: [size-anxiety]}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import addressed_pain_points, label

CODE = "CJM301"
NAME = "unaddressed-pain-point"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    addressed = addressed_pain_points(journey)
    for phase in journey.phases:
        for pain in phase.pain_points:
            if pain.id not in addressed:
                yield Finding(
                    pain.path,
                    f"pain point '{pain.id}' in phase {label(phase)} is addressed by no "
                    "opportunity or initiative: add an opportunity that lists it in `addresses:` or an "
                    "initiative that lists it in `pain_points:`",
                )
