"""A persona that appears nowhere on the map.

In a multi-persona map (giver and receiver, user and approver) each persona has its own lane: actions,
emotions, pain points and messages say whose they are with `persona:`. A persona no entry refers to has no
lane, so the map claims a second point of view it never shows. Give it its lane or remove it. Maps with a
single persona are not checked: every entry is that persona's.

Fails:

```yaml
personas:
  - {id: giver, name: Gift giver, role: giver, goals: [Find a gift that feels personal]}
  - {id: receiver, name: Gift receiver, role: receiver, goals: [Feel remembered]}
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    actions:
      - {text: Compares gift sets, persona: giver}
```

Passes:

```yaml
personas:
  - {id: giver, name: Gift giver, role: giver, goals: [Find a gift that feels personal]}
  - {id: receiver, name: Gift receiver, role: receiver, goals: [Feel remembered]}
phases:
  - id: receive
    name: Receive
    kind: receive
    actions:
      - {text: Sends the gift with a message card, persona: giver}
      - {text: Opens the box and reads the card, persona: receiver}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.lint.base import Finding
from cjm.model import Journey
from cjm.problem import Severity

CODE = "CJM502"
NAME = "unused-persona"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if len(journey.personas) < 2:
        return
    used = {item.persona for _, item in journey.items()}
    used.update(emotion.persona for phase in journey.phases for emotion in phase.emotions)
    used.update(message.raw.get("persona") for message in journey.messages)
    for persona in journey.personas:
        if persona.id not in used:
            yield Finding(persona.path, f"persona '{persona.name}' appears nowhere on the map: give it a lane "
                          "(`persona:` on its actions, emotions or messages) or remove it")
