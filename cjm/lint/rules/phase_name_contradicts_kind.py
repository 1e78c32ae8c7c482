"""A phase whose name says one part of the journey and whose kind another.

Consultants start from the standard five phases and label their first post-purchase phase `retention`, then
name it for what happens there: 配送, Delivery & installation, Onboarding. Name and kind then disagree, and
everything that reads the kind — the journey order, the KPIs that fit the phase, where `cjm adapt` puts a new
phase — sees a retention phase where the customer is still waiting for the parcel. The rule reads a phase's
name in English and Japanese (delivery, 配送, onboarding, 導入, renewal, 更新, approval, 稟議 …) and reports a
kind that does not agree with it, on the same side of the purchase (a "Trial and setup" phase before purchase is
not onboarding). Give the phase the kind its name says, or rename it. `cjm adapt` and the journey-order check
(CJM104) already read such a phase by its name.

Fails:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery and installation, kind: retention}
```

Passes:

```yaml
phases:
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: delivery, name: Delivery and installation, kind: delivery}
  - {id: retention, name: Retention & advocacy, kind: retention}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.core.vocabulary import name_contradicts
from cjm.lint.base import Finding

CODE = "CJM109"
NAME = "phase-name-contradicts-kind"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        named = name_contradicts(phase.kind, phase.name)
        if named is not None:
            yield Finding(
                (*phase.path, "kind"),
                f"phase '{phase.name}' is of kind `{phase.kind}` but its name says "
                f"{named.replace('_', ' ')}: set `kind: {named}` (cjm reads it as {named.replace('_', ' ')} "
                "already), or rename the phase",
            )
