"""An emotional low point or a severe pain point whose only answer comes late.

The low point of the emotion curve and the pain points that make customers leave are where initiatives pay off
first. When everything that answers one is pinned to stage 3 (the advanced measures, months away) or is a
guess (`confidence` below the `confidence` option), customers keep giving up there until then, or for good if
the guess is wrong. Add a quick win for stage 1 or 2 (a size chart before the fit-prediction engine, an FAQ
before the chatbot), or firm up the estimate. A phase is a low point as in `low-point-without-initiative`
(the lowest score when it is negative, or a drop of `drop` or more); a
pain point is severe at `min_severity` (the option) or above; what has no answer at all is left to
`low-point-without-initiative` and `unaddressed-pain-point`.

Fails:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    emotion: {score: -2, note: Cannot tell which size fits}
    pain_points: [{id: size-anxiety, text: Unsure of size, severity: 5}]
  - {id: purchase, name: Purchase, kind: purchase, emotion: {score: 1}}
initiatives:
  - {id: fit-ai, title: AI fit prediction, pain_points: [size-anxiety], stage: 3}
```

Passes:

```yaml
phases:
  - id: consideration
    name: Consideration
    kind: consideration
    emotion: {score: -2, note: Cannot tell which size fits}
    pain_points: [{id: size-anxiety, text: Unsure of size, severity: 5}]
  - {id: purchase, name: Purchase, kind: purchase, emotion: {score: 1}}
initiatives:
  - {id: fit-ai, title: AI fit prediction, pain_points: [size-anxiety], stage: 3}
  - {id: size-chart, title: Size chart with model measurements, pain_points: [size-anxiety], stage: 1}
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import Initiative, Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option
from cjm.lint.journey_facts import answering_initiatives, label, low_points, number

CODE = "CJM404"
NAME = "low-point-answered-only-late"
SEVERITY = Severity.WARNING
OPTIONS = {
    "drop": Option(2, "A fall in score from one phase to the next that makes a low point.", minimum=0.5),
    "min_severity": Option(4, "The pain-point severity (1-5) from which a pain point counts as severe.", minimum=1),
    "confidence": Option(0.5, "An initiative whose confidence is below this is a guess.", minimum=0),
}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    by_pain, by_phase = answering_initiatives(journey)
    reported: set[str] = set()
    for low in low_points(journey, options["drop"]):
        answers = by_phase.get(low.phase.id, [])
        if low.score >= 0 and not low.drop or low.phase.id in reported or not _only_late(answers, options):
            continue
        reported.add(low.phase.id)
        yield Finding(
            low.path,
            f"phase {label(low.phase)} is the emotional low point{low.lane} ({low.why}) but "
            f"its only answers come late ({_why_late(answers, options)}): add a quick win for stage 1 "
            "or 2, since customers give up here until then",
        )
    for phase in journey.phases:
        for pain in phase.pain_points:
            severity = pain.get("severity")
            answers = by_pain.get(pain.id or "", [])
            if isinstance(severity, int) and severity >= options["min_severity"] and _only_late(answers, options):
                yield Finding(
                    pain.path,
                    f"pain point '{pain.id}' in phase {label(phase)} is severe (severity "
                    f"{severity}) but its only answers come late ({_why_late(answers, options)}): add "
                    "a quick win for stage 1 or 2, or firm up the estimate",
                )


def _late(initiative: Initiative, options: Mapping[str, Any]) -> str | None:
    confidence = initiative["confidence"]
    if initiative["stage"] == 3:
        return "stage 3"
    if isinstance(confidence, (int, float)) and confidence < options["confidence"]:
        return f"confidence {number(confidence)}"
    return None


def _only_late(answers: list[Initiative], options: Mapping[str, Any]) -> bool:
    return bool(answers) and all(_late(i, options) for i in answers)


def _why_late(answers: list[Initiative], options: Mapping[str, Any]) -> str:
    unique = {i.id: i for i in answers}
    return ", ".join(f"'{i.id}', {_late(i, options)}" for i in unique.values())
