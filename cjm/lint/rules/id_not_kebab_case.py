"""An id that is not kebab-case.

Ids name personas, phases, pain points, opportunities, initiatives and messages so that other entries can
refer to them and diffs can follow them. The convention is kebab-case: lowercase ASCII words joined by `-`
(`size-anxiety`). Mixed spellings (`Size_Anxiety`, `sizeAnxiety`, `size.anxiety`) get typed wrongly in
references and on the command line (`cjm split --phase ...`). Ids are the one place where a map is not
free text, so they should be predictable.

`--fix` renames the id and every reference to it in the map, unless the new id is already taken. The map's own
`id` is not checked: other tools and portfolios know the map by it.

Fails:

```yaml
phases:
  - id: Consideration_Phase
    name: Consideration
    kind: consideration
    pain_points:
      - {id: Size_Anxiety, text: Unsure of size}
initiatives:
  - {id: size-chart, title: Size chart, pain_points: [Size_Anxiety], phases: [Consideration_Phase]}
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
  - {id: size-chart, title: Size chart, pain_points: [size-anxiety], phases: [consideration]}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Edit, Finding, Fix
from cjm.validation.references import entries, references
from cjm.validation.schema import slugify

CODE = "CJM108"
NAME = "id-not-kebab-case"
SEVERITY = Severity.INFO
FIX = "renames the id to kebab-case and updates every reference to it in the map"

_KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")  # sizeChart -> size-Chart


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    taken = {entry_id for entry_id, _, _ in entries(journey)}
    referring: dict[str, list[tuple[str | int, ...]]] = {}
    for target, _, path in references(journey):
        referring.setdefault(target, []).append(path)
    for _, item in journey.items():  # placement notes left by `cjm adapt` name phases too
        for key in ("phase_hint", "origin"):
            if isinstance(item.get(key), str):
                referring.setdefault(item.get(key), []).append((*item.path, key))
    for entry_id, kind, path in entries(journey):
        if _KEBAB.fullmatch(entry_id):
            continue
        new = slugify(_CAMEL.sub("-", entry_id))
        message = f"{kind} id '{entry_id}' is not kebab-case (lowercase words joined by '-')"
        if not new or new in taken:
            yield Finding((*path, "id"), f"{message}: rename it by hand" + (f" ('{new}' is taken)" if new else ""))
            continue
        taken.add(new)
        places = referring.get(entry_id, [])
        edits = (Edit((*path, "id"), new), *(Edit(place, new) for place in places))
        count = f" and {len(places)} reference{'s' if len(places) != 1 else ''}" if places else ""
        yield Finding(
            (*path, "id"),
            f"{message}: --fix renames it to '{new}'{count}",
            fix=Fix(f"rename '{entry_id}' to '{new}'", edits),
        )
