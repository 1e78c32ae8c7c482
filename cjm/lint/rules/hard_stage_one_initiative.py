"""A hard initiative pinned to stage 1.

The staged roadmap starts with what is quick and keeps working: stage 1 is set-and-forget measures and quick
wins (reviews, a simple points programme, an FAQ), stage 2 strengthens the key journey points, stage 3 is the
advanced work (personalised recommendations, loyalty programme expansion). An initiative pinned to `stage: 1`
but rated hard to do (`feasibility` at or below `max-feasibility`) is either not a quick win or wrongly rated;
stage 1 should be measurable soon so the next stage can be chosen from results.

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
initiatives:
  - {id: ai-recommendations, title: Personalised recommendations, stage: 1, feasibility: 1}
```

Passes:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
initiatives:
  - {id: ai-recommendations, title: Personalised recommendations, stage: 3, feasibility: 1}
  - {id: faq, title: Size and returns FAQ, stage: 1, feasibility: 5}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option

CODE = "CJM903"
NAME = "hard-stage-one-initiative"
SEVERITY = Severity.WARNING
OPTIONS = {
    "max-feasibility": Option(
        2, "Feasibility (1-5) at or below which an initiative is too hard for stage 1.", minimum=1
    )
}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for initiative in journey.initiatives:
        feasibility = initiative["feasibility"]
        if initiative["stage"] == 1 and feasibility is not None and feasibility <= options["max-feasibility"]:
            yield Finding(
                (*initiative.path, "stage"),
                f"initiative '{initiative.title}' is pinned to stage 1 "
                f"(quick wins) but rated hard (feasibility {feasibility} of 5): move it to a later "
                "stage or check the rating",
                key=True,
            )
