"""A persona's pain that appears in no phase's pain points.

A persona's `pains` say what frustrates or worries this customer in general; the phases' pain points say where
in the journey it bites. A pain the persona has but the journey never meets is either missing from the map
(the phase where a working mother has no time to try clothes on has no pain point about it) or no longer
true of the persona. Either way the map and its persona disagree, and initiatives will be chosen without it.
The texts are compared by their key words (English words, Japanese katakana words and kanji pairs), so
`店舗に行く時間がなく、試着ができない` is on the map when a pain point says `試着できないのでサイズが不安`. To keep
false alarms away, a pain counts as on the map when it shares a key word with anything a phase says (its name
and description, pain points, thoughts, actions, opportunities, emotion notes), not only its pain points.

Fails:

```yaml
personas:
  - id: working-mother
    name: Working mother
    pains: [No time to try clothes on in a store, Body shape changed after giving birth]
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: fitting, text: Cannot try the clothes on before buying}
```

Passes:

```yaml
personas:
  - id: working-mother
    name: Working mother
    pains: [No time to try clothes on in a store, Body shape changed after giving birth]
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    pain_points:
      - {id: fitting, text: Cannot try the clothes on before buying}
      - {id: size, text: Unsure which size fits her post-partum body shape}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.lint.base import Finding
from cjm.lint.text import key_terms, share_topic
from cjm.model import Journey, Phase
from cjm.problem import Severity

CODE = "CJM506"
NAME = "persona-pain-not-on-map"
SEVERITY = Severity.WARNING


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if not any(phase.pain_points for phase in journey.phases):
        return  # a map without pain points gets `phase-without-pain-or-opportunity`, not one finding per pain
    on_map = [key_terms(text) for phase in journey.phases for text in _texts(phase)]
    for persona in journey.personas:
        for index, pain in enumerate(persona.raw.get("pains", [])):
            if not share_topic(pain, on_map):
                yield Finding((*persona.path, "pains", index), f"persona '{persona.name}' has the pain "
                              f"'{pain}' but no phase speaks of it: add it as a pain point where it bites "
                              "(`pain_points:`), or remove it from the persona if it no longer holds")


def _texts(phase: Phase) -> Iterator[str]:
    yield phase.name
    yield str(phase.raw.get("description", ""))
    for item in phase.all_items():
        yield f"{item.text} {item.get('note', '')}"
    for emotion in phase.emotions:
        yield emotion.note or ""
