"""An initiative that depends on one pinned to a later stage.

Stages are done in order, each measured before the next is chosen. An initiative in stage 1 that depends on
one pinned to stage 3 cannot start until stage 3, so either the dependency or one of the stages is wrong. The
rule only compares stages that are pinned (`stage:`); `cjm prioritise` places the others itself.

Fails:

```yaml
phases:
  - {id: retention, name: Retention, kind: retention}
initiatives:
  - {id: points-emails, title: Points balance emails, stage: 1, depends_on: [loyalty-app]}
  - {id: loyalty-app, title: Loyalty programme app, stage: 3}
```

Passes:

```yaml
phases:
  - {id: retention, name: Retention, kind: retention}
initiatives:
  - {id: simple-points, title: Simple points programme, stage: 1}
  - {id: points-emails, title: Points balance emails, stage: 2, depends_on: [simple-points]}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM904"
NAME = "depends-on-later-stage"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    stages = {initiative.id: initiative["stage"] for initiative in journey.initiatives}
    for initiative in journey.initiatives:
        stage = initiative["stage"]
        for index, dependency in enumerate(initiative.depends_on):
            later = stages.get(dependency)
            if stage is not None and later is not None and later > stage:
                yield Finding(
                    (*initiative.path, "depends_on", index),
                    f"initiative '{initiative.title}' (stage "
                    f"{stage}) depends on '{dependency}', pinned to stage {later}: it cannot start before "
                    "that is done, so change the stages or the dependency",
                )
