"""A Mermaid `journey` diagram of a map, which GitHub and many Markdown tools draw from a fenced block.

Each phase is a section; each action is a task, scored 1-5 from its lane's emotion (-2..2 becomes 1..5, halves
rounded up) and done by the persona(s) of its lane. A phase without actions gets one task: its emotion's note,
else its name. Mermaid's journey cannot show thoughts, touchpoints and channels, pain points, opportunities,
KPIs, initiatives, or an emotion per action; `cjm render --format svg` shows them all.

Mermaid reads `#`, `:` and `;` as syntax, `%%` as a comment, `,` as a separator of actors, `<` and `&` as
HTML, and a task that begins with a keyword (`title`, `section`, ...) as that keyword; so these characters are
written as Mermaid entity codes (`#35;`, `#58;`, `#59;`, `#37;`, `#44;`, `#60;`, ...), which it shows as the
characters themselves.
"""

from __future__ import annotations

import math
import re

from cjm.model import Journey
from cjm.render import facts
from cjm.render.labels import visible

_SPECIAL = re.compile("[#:;%,<>&\"]")
_KEYWORDS = re.compile(r"(?i)^(journey|title|section|accTitle|accDescr)")


def entity(char: str) -> str:
    return f"#{ord(char)};"


def text(value: str, *, comma: bool = False, task: bool = False) -> str:
    """One line of map text made safe for a journey diagram: control characters shown as escapes, line breaks
    and runs of spaces as one space, syntax and markup characters as entity codes (commas too in actor names,
    a leading keyword in a task)."""
    line = " ".join(visible(value).split())
    line = _SPECIAL.sub(lambda m: m.group() if m.group() == "," and not comma else entity(m.group()), line)
    if task and _KEYWORDS.match(line):
        line = entity(line[0]) + line[1:]
    return line or entity(" ")


def score(emotion: float | None) -> int:
    """-2..2 to Mermaid's 1..5 (neutral 3); no emotion is neutral."""
    if emotion is None:
        return 3
    return min(5, max(1, math.floor(emotion + 3 + 0.5)))


def build_mermaid(journey: Journey, *, fenced: bool = False) -> str:
    lanes = facts.lanes(journey)
    single = len(lanes) == 1
    lines = ["journey", f"  title {text(journey.title)}"]
    for phase in journey.phases:
        lines.append(f"  section {text(phase.name)}")
        tasks = []
        for lane in lanes:
            emotion = facts.lane_emotion(phase, lane, single)
            lane_score = emotion.score if emotion else phase.emotion_score
            actor = _actor(journey, lane)
            for item in facts.lane_items(phase, "actions", lane, single):
                tasks.append(f"    {text(item.text, task=True)}: {score(lane_score)}{actor}")
        if not tasks:
            note = next((e.note for e in phase.emotions if e.note), None)
            tasks.append(f"    {text(note or phase.name, task=True)}: {score(phase.emotion_score)}")
        lines.extend(tasks)
    body = "\n".join(lines) + "\n"
    return f"```mermaid\n{body}```\n" if fenced else body


def _actor(journey: Journey, lane: facts.Lane) -> str:
    """`: Name` for a persona's lane; every persona for the entries that belong to no persona."""
    names = [p.name for p in journey.personas] if lane.persona is None else [lane.name]
    return f": {', '.join(text(name, comma=True) for name in names)}" if names else ""
