"""An initiative that addresses nothing.

Initiatives are generated from the map's pain points and opportunities, and prioritised by what they do for
them. An initiative that names no pain point and no opportunity cannot be traced back to the customer: nobody
can say which friction it removes, whether it worked, or whether it still matters when the map is revised. It is
often a pet project that found its way into the roadmap. Link it with `pain_points:` or `opportunities:`.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
initiatives:
  - {id: new-logo, title: Redesign the logo, phases: [consideration]}
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: size-anxiety, text: Unsure of size}
initiatives:
  - {id: size-chart, title: Size chart with model measurements, pain_points: [size-anxiety]}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM302"
NAME = "initiative-addresses-nothing"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for initiative in journey.initiatives:
        if not initiative.pain_points and not initiative.opportunities:
            yield Finding(
                initiative.path,
                f"initiative '{initiative.title}' addresses no pain point or "
                "opportunity: link it (`pain_points:` or `opportunities:`) to the customer problem it "
                "solves",
            )
