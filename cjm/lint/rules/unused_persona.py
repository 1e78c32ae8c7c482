"""A persona that appears nowhere on the map.

In a multi-persona map (giver and receiver, user and approver) each persona has its own lane: actions,
emotions, pain points and messages say whose they are with `persona:`. A persona no entry refers to has no
lane, so the map claims a second point of view it never shows. Give it its lane or remove it. Maps with a
single persona are not checked: every entry is that persona's. Consultants often write the lanes in words
instead ("Shows Tom the top two options", "妻と安全装備を確認する"), so a persona named in the phases' texts (by
its name before any comma or bracket, its first word, the name after a Japanese role word (`妻 由美`: 妻, 由美),
or its id) counts as used, and on a map where no entry has a lane at all
the entries are the first persona's. Not so for a gift's receiver: the giver thinking of them ("高橋さんの
ところは二人だから") is not their journey, which happens later and from their own point of view.

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

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Journey, Persona
from cjm.core.problem import Severity
from cjm.core.text import is_wide
from cjm.lint.base import Finding

CODE = "CJM502"
NAME = "unused-persona"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if len(journey.personas) < 2:
        return
    used = {item.persona for _, item in journey.items()}
    used.update(emotion.persona for phase in journey.phases for emotion in phase.emotions)
    used.update(message.raw.get("persona") for message in journey.messages)
    if not used - {None}:
        used.add(journey.personas[0].id)  # no lanes at all: the entries are the main persona's
    texts = " ".join(_texts(journey)).lower()
    for persona in journey.personas:
        named = persona.role != "receiver" and any(name.lower() in texts for name in _names(persona))
        if persona.id not in used and not named:
            yield Finding(
                persona.path,
                f"persona '{persona.name}' appears nowhere on the map: give it a lane "
                "(`persona:` on its actions, emotions or messages) or remove it",
            )


def _names(persona: Persona) -> set[str]:
    """How the map's texts may call a persona: `Tom, the co-decider` -> `Tom, the co-decider`, `Tom`; `妻 由美`
    -> `妻`, `由美` (a single kanji names someone; a single letter does not)."""
    short = re.split(r"[,，、(（:：]", persona.name)[0].strip()
    words = short.split()
    names = {persona.name, short, persona.id, *words[:1]}
    if len(words) > 1 and _japanese(words[-1]):
        names.add(words[-1])
    return {n for n in names if len(n) >= 2 or _japanese(n)}


def _japanese(word: str) -> bool:
    return bool(word) and all(is_wide(c) for c in word)


def _texts(journey: Journey) -> Iterator[str]:
    for phase in journey.phases:
        yield phase.name
        yield str(phase.raw.get("description", ""))
        for item in phase.all_items():
            yield item.text
        for emotion in phase.emotions:
            yield emotion.note or ""
