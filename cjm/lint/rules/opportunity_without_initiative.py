"""An opportunity that no initiative pursues.

Opportunities are what the company could improve; initiatives are what it decides to do. An opportunity with no
initiative is a backlog idea that never reached prioritisation, which is normal while a map is being built
and worth a look when the roadmap is decided: either an initiative picks it up (`opportunities: [id]`), or it
is consciously left out. That is why this rule is informational by default.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    opportunities:
      - {id: model-measurements, text: Show model measurements on every product page}
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    opportunities:
      - {id: model-measurements, text: Show model measurements on every product page}
initiatives:
  - {id: size-chart, title: Size chart with model measurements, opportunities: [model-measurements]}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.lint.base import Finding
from cjm.lint.facts import label
from cjm.model import Journey
from cjm.problem import Severity

CODE = "CJM303"
NAME = "opportunity-without-initiative"
SEVERITY = Severity.INFO


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    pursued = {target for initiative in journey.initiatives for target in initiative.opportunities}
    for phase in journey.phases:
        for opportunity in phase.opportunities:
            if opportunity.id not in pursued:
                yield Finding(opportunity.path, f"opportunity '{opportunity.id}' in phase {label(phase)} has no "
                              "initiative: pursue it in one (`opportunities:`), or leave it out knowingly")
