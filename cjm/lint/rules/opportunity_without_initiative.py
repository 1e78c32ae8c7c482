"""An opportunity that no initiative pursues.

Opportunities are what the company could improve; initiatives are what it decides to do. An opportunity with no
initiative is a backlog idea that never reached prioritisation, which is normal while a map is being built
and worth a look when the roadmap is decided: either an initiative picks it up (`opportunities: [id]`), or it
is consciously left out. That is why this rule is informational by default. An initiative that addresses a
pain point the opportunity addresses pursues it in all but name, so the link is inferred and nothing is
reported; otherwise the message names the initiatives that work on the same phase, which could list it.

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

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import answering_initiatives, either, label

CODE = "CJM303"
NAME = "opportunity-without-initiative"
SEVERITY = Severity.INFO


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    pursued = {target for initiative in journey.initiatives for target in initiative.opportunities}
    by_pain, by_phase = answering_initiatives(journey)
    for phase in journey.phases:
        for opportunity in phase.opportunities:
            if opportunity.id in pursued or any(by_pain.get(pain) for pain in opportunity.get("addresses", [])):
                continue
            nearby = list({i.id: i for i in by_phase.get(phase.id, [])})
            could = ""
            if nearby:
                names = either([f"'{i}'" for i in nearby[:3]])
                could = (
                    f"; initiative {names} works on this phase and could list it"
                    if len(nearby) == 1
                    else f"; initiatives {names} work on this phase and could list it"
                )
            yield Finding(
                opportunity.path,
                f"opportunity '{opportunity.id}' in phase {label(phase)} has no "
                f"initiative: pursue it in one (`opportunities: [{opportunity.id}]`), or leave it out "
                f"knowingly{could}",
            )
