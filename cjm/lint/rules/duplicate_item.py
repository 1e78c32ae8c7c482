"""The same entry twice in one list of a phase.

Two identical actions, thoughts, touchpoints, pain points, opportunities or KPIs in the same phase (and the same
persona lane) usually come from merging phases or pasting workshop notes. They make a pain point look twice as
common as it is and split the initiatives that should address it. Texts are compared after normalising width,
case and spacing, so `ＬＩＮＥで質問する` and `LINEで質問する` are the same.

Entries written exactly alike (and without an id) are removed by `--fix`; entries that differ in their details
(another target, another note) are only reported, since which one is right is for a person to decide.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    actions:
      - Reads reviews
      - Compares sizes
      - Reads reviews
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    actions:
      - Reads reviews
      - Compares sizes
```
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Item, Journey
from cjm.core.problem import Severity
from cjm.lint.base import Edit, Finding, Fix
from cjm.lint.journey_facts import label

CODE = "CJM105"
NAME = "duplicate-item"
SEVERITY = Severity.WARNING
FIX = "removes an entry written exactly like an earlier one in the same list (entries without an id only)"


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    for phase in journey.phases:
        for list_name, items in phase.items.items():
            seen: dict[tuple[Any, ...], Item] = {}
            for item in items:
                key = (normalise(item.text), item.persona, item.get("channel"))
                first = seen.setdefault(key, item)
                if first is item:
                    continue
                line = journey.document.locate(first.path)[0]
                fix = None
                if item.raw == first.raw and not item.id:
                    fix = Fix("remove the repeated entry", (Edit(item.path),))
                yield Finding(
                    item.path,
                    f"'{item.text}' is listed twice in the {list_name.replace('_', ' ')} of "
                    f"phase {label(phase)} (first at line {line}): keep one",
                    fix=fix,
                )


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
