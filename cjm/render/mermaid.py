"""A Mermaid `journey` diagram of a map, which GitHub and many Markdown tools draw from a fenced block.

Each phase is a section; each action is a task, scored 1-5 from its lane's emotion (-2..2 becomes 1..5, halves
rounded up). A task's actor is the persona its action names; in a map with one persona, that persona; an action
that names no persona in a map with several has no actor, never one it did not come from (as in the SVG map,
where such entries sit in their own "Unassigned" lane).

The diagram stays faithful: no text is shortened (the task boxes are sized, with an `init` directive, to hold
the longest task), no task is invented for a phase without actions (its section is left empty), and whatever a
journey cannot show is said in `%%` comments at the top: the rows it has no place for, a phase without actions,
a score taken from the phase's mean or assumed neutral. `cjm render --format svg` shows everything.

Mermaid reads `#`, `:` and `;` as syntax, `%%` as a comment, `,` as a separator of actors, `<` and `&` as
HTML, and a task that begins with a keyword (`title`, `section`, ...) as that keyword; so these characters are
written as Mermaid entity codes (`#35;`, `#58;`, `#59;`, `#37;`, `#44;`, `#60;`, ...), which it shows as the
characters themselves.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

from cjm.core.model import Journey
from cjm.core.text import display_width
from cjm.render import facts
from cjm.render.labels import visible

_SPECIAL = re.compile('[#:;%,<>&"]')
_KEYWORDS = re.compile(r"(?i)^(journey|title|section|accTitle|accDescr)")

# Mermaid's journey draws a task in a box `width` by `height` pixels, in 16 px type (its labels' style), and cuts
# what overflows. The box's bottom is at three times its height (plus 10 px) and the happiest face at 285 px, so a
# box taller than `MAX_HEIGHT` would hide faces: long texts get wider boxes instead, up to `WIDTHS[-1]`. Lines of
# Japanese take 24 px (the CJK fonts' normal line height).
TASK_FONT = 16
LINE_HEIGHT = 24
WIDTHS = (150, 190, 230, 280, 340, 400)  # 150 is Mermaid's default
MIN_HEIGHT = 50  # Mermaid's default
MAX_HEIGHT = 90
UNSHOWN = {
    "thoughts": ("thought", "thoughts"),
    "touchpoints": ("touchpoint", "touchpoints"),
    "pain_points": ("pain point", "pain points"),
    "opportunities": ("opportunity", "opportunities"),
    "kpis": ("KPI", "KPIs"),
}


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


def comment(value: str) -> str:
    """Text for a `%%` comment line: one line, and never `%%{` (which Mermaid would read as a directive)."""
    return " ".join(visible(value).split()).replace("{", "(").replace("}", ")")


def score(emotion: float | None) -> int:
    """-2..2 to Mermaid's 1..5 (neutral 3); no emotion is neutral."""
    if emotion is None:
        return 3
    return min(5, max(1, math.floor(emotion + 3 + 0.5)))


def box_lines(task: str, width: int) -> int:
    """How many lines Mermaid needs for a task in a box `width` pixels wide (a generous estimate: a display
    column is about half the type size, and a word can push a line's end to the next)."""
    columns = max(4, (width - 12) * 2 // TASK_FONT - 1)
    return max(1, math.ceil(display_width(task) / columns) + (1 if " " in task else 0))


def box_size(tasks: list[str]) -> tuple[int, int, int]:
    """(width, height, tasks that do not fit even then) of the smallest task box that holds every task."""
    longest = max(tasks, key=display_width, default="")
    width = next((w for w in WIDTHS if _height(longest, w) <= MAX_HEIGHT), WIDTHS[-1])
    height = min(MAX_HEIGHT, max(MIN_HEIGHT, _height(longest, width)))
    cut = sum(1 for task in tasks if _height(task, width) > MAX_HEIGHT)
    return width, height, cut


def _height(task: str, width: int) -> int:
    return box_lines(task, width) * LINE_HEIGHT + 10


def build_mermaid(journey: Journey, *, fenced: bool = False) -> str:
    lanes = facts.lanes(journey)
    single = len(lanes) == 1
    body: list[str] = [f"  title {text(journey.title)}"]
    tasks_text: list[str] = []
    gaps = Gaps()
    for phase in journey.phases:
        body.append(f"  section {text(phase.name)}")
        tasks = []
        for lane in lanes:
            emotion = facts.lane_emotion(phase, lane, single)
            lane_score = emotion.score if emotion else phase.emotion_score
            actor = _actor(journey, lane)
            items = facts.lane_items(phase, "actions", lane, single)
            for item in items:
                tasks_text.append(" ".join(visible(item.text).split()))
                tasks.append(f"    {text(item.text, task=True)}: {score(lane_score)}{actor}")
            if items and not actor and len(journey.personas) > 1:
                gaps.no_actor += len(items)
            if items and emotion is None and lane_score is not None:
                gaps.mean.append(f"{phase.name} ({lane.name})" if lane.name else phase.name)
        if not tasks:
            gaps.empty.append(phase.name)
        elif phase.emotion_score is None:
            gaps.unscored.append(phase.name)
        body.extend(tasks)
    width, height, gaps.cut = box_size(tasks_text)
    head = [
        f"%%{{init: {json.dumps({'journey': {'width': width, 'height': height}})}}}%%",
        "journey",
        *(f"  %% cjm: {comment(line)}" for line in _preamble(journey, gaps)),
    ]
    diagram = "\n".join([*head, *body]) + "\n"
    return f"```mermaid\n{diagram}```\n" if fenced else diagram


@dataclass
class Gaps:
    """What the journey could not say as the map says it."""

    no_actor: int = 0  # actions that name no persona, in a map with several
    mean: list[str] = field(default_factory=list)  # phases (lanes) whose tasks take the phase's mean emotion
    empty: list[str] = field(default_factory=list)  # phases without actions
    unscored: list[str] = field(default_factory=list)  # phases without an emotion
    cut: int = 0  # tasks too long for the tallest box


def _preamble(journey: Journey, gaps: Gaps) -> list[str]:
    """What the diagram cannot show, in words."""
    counts = {kind: sum(len(phase.items[kind]) for phase in journey.phases) for kind in UNSHOWN}
    missing = [_count(count, *UNSHOWN[kind]) for kind, count in counts.items() if count]
    missing += [_count(len(journey.initiatives), "initiative", "initiatives")] if journey.initiatives else []
    lines = [
        "a Mermaid journey shows phases, actions and a score per action (emotion -2..2 as 1..5, halves "
        "rounded up, one score per lane and phase)"
    ]
    if missing:
        lines.append(f"not shown: {', '.join(missing)}; `cjm render --format svg` draws them")
    if len(journey.personas) > 1 and not facts.tagged(journey):
        names = "; ".join(facts.persona_label(p.name, p.role, "en") for p in journey.personas)
        lines.append(f"personas: {names}; no entry names its persona, so no task has an actor")
    elif gaps.no_actor:
        lines.append(f"{_count(gaps.no_actor, 'action names', 'actions name')} no persona, so no actor")
    if gaps.empty:
        lines.append(f"no actions, so no task: {', '.join(gaps.empty)}")
    if gaps.unscored:
        lines.append(f"no emotion, so tasks score 3 (neutral): {', '.join(gaps.unscored)}")
    if gaps.mean:
        lines.append(f"no emotion of the lane's own, so tasks take the phase's mean: {', '.join(gaps.mean)}")
    if gaps.cut:
        lines.append(f"{_count(gaps.cut, 'task is', 'tasks are')} longer than the largest box holds: may show cut")
    return lines


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _actor(journey: Journey, lane: facts.Lane) -> str:
    """`: Name` for a persona's lane (or the one persona of a single-persona map); nothing for the entries
    that name no persona of several, which Mermaid then draws without an actor."""
    if lane.persona is None and len(journey.personas) != 1:
        return ""
    return f": {text(lane.name, comma=True)}" if lane.name else ""
