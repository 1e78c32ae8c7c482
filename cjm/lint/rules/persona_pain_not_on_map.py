"""A persona's pain that no phase's pain point speaks of.

A persona's `pains` say what frustrates or worries this customer in general; the phases' pain points say where
in the journey it bites, and they are what opportunities and initiatives answer. A pain the persona has but
no pain point names is either missing from the map (the phase where a working mother has no time to try
clothes on has no pain point about it) or no longer true of the persona; a pain that shows only in an action
or a thought is on the map but nobody is asked to answer it. The texts are compared by their key words
(English words, Japanese katakana words and kanji pairs), so `店舗に行く時間がなく、試着ができない` is named by a
pain point that says `試着できないのでサイズが不安`. Informational: words are not meaning, and a pain that is a
motive rather than a friction (the fall that started the search) is better silenced with its reason.

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

from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.text import key_terms, share_topic

CODE = "CJM506"
NAME = "persona-pain-not-on-map"
SEVERITY = Severity.INFO


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    named = [key_terms(f"{pain.text} {pain.get('note', '')}") for phase in journey.phases for pain in phase.pain_points]
    if not named:
        return  # a map without pain points gets `phase-without-pain-or-opportunity`, not one finding per pain
    for persona in journey.personas:
        for index, pain in enumerate(persona.raw.get("pains", [])):
            if not share_topic(pain, named):
                yield Finding(
                    (*persona.path, "pains", index),
                    f"persona '{persona.name}' has the pain "
                    f"'{pain}' but no pain point speaks of it: add it where it bites (`pain_points:`), "
                    "or remove it from the persona if it no longer holds",
                )
