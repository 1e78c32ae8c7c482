"""Each change of a `cjm diff` told as one sentence made of segments with a role (a name, an id, an old or a new
value), so that the text and Markdown reports say the same thing and each escapes map text its own way; and what
both reports share: the title and summary of a map's changes, and the changes grouped by what changed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from cjm.core.model import NOUNS
from cjm.core.text import display_width
from cjm.diff.changes import ACTIONS, TARGETS, Change, FieldChange, MapDiff

LABEL_WIDTH = 60  # display columns of map text shown in one sentence (a CJK character takes two)

Segment = tuple[str, str]  # (text, role): role is "", "name", "id", "old", "new", or an action for the mark
Line = list[Segment]

SECTIONS = {
    "map": "Map",
    "persona": "Personas",
    "phase": "Phases",
    "item": "Items",
    "emotion": "Emotions",
    "low_point": "Low points",
    "initiative": "Initiatives",
    "message": "Messages",
}

_PLURALS = {
    "map": "maps",
    "persona": "personas",
    "phase": "phases",
    "item": "items",
    "emotion": "emotions",
    "low_point": "low points",
    "initiative": "initiatives",
    "message": "messages",
}


def sentence(change: Change, result: MapDiff) -> Line:
    """One change as segments, without its mark."""
    tell = _TELLERS.get(change.target)
    if tell is None:
        return _fields(change.fields)
    return tell(_Words(result.phase_name), change)


class _Words:
    """A sentence being built: its segments so far, and how names, ids and phases go into it."""

    def __init__(self, phase_name: Callable[[str | None], str]) -> None:
        self.out: Line = []
        self.phase_name = phase_name

    def add(self, text: str, role: str = "") -> None:
        self.out.append((text, role))

    def named(self, label: str, entry_id: str | None) -> None:
        self.add(clip(label), "name")
        if entry_id and entry_id != label:
            self.add(" (")
            self.add(entry_id, "id")
            self.add(")")

    def phase(self, phase_id: str | None, role: str = "name") -> None:
        self.add(clip(self.phase_name(phase_id)), role)

    def phases(self, ids: Iterable[str]) -> None:
        for n, phase_id in enumerate(ids):
            self.add(", " if n else "")
            self.phase(phase_id)

    def moved(self, change: Change) -> None:
        self.phase(change.from_phase, "old")
        self.add(" → ")
        self.phase(change.phase, "new")


def _entry(words: _Words, change: Change) -> Line:
    """The map, a persona, an initiative or a message: added, removed or changed."""
    words.add(f"{change.target} ")
    words.named(change.label, change.id)
    words.add({"added": " added", "removed": " removed", "changed": ":"}[change.action])
    return words.out + _fields(change.fields)


def _phase(words: _Words, change: Change) -> Line:
    action = change.action
    if action == "merged":
        words.add("phases ")
        words.phases(change.parts)
        words.add(" merged into ")
        words.named(change.label, change.id)
        return words.out + _fields(change.fields)
    words.add("phase ")
    if action == "renamed":
        return _renamed_phase(words, change)
    words.named(change.label, change.id)
    if action == "added" or action == "reordered":
        words.add(" added" if action == "added" else " moved")
        if change.after:
            words.add(" after ")
            words.phase(change.after)
        else:
            words.add(" to the start")
    elif action == "split":
        words.add(" split into ")
        words.phases(change.parts)
    elif action == "removed":
        words.add(" removed")
    else:
        words.add(":")
    return words.out + _fields(change.fields)


def _renamed_phase(words: _Words, change: Change) -> Line:
    if change.old_id:
        words.named(change.label, change.id)
        words.add(", id ")
        words.add(change.old_id, "old")
        words.add(" → ")
        words.add(change.id or "", "new")
        return words.out + _fields(change.fields, lead=",")
    words.add(change.id or "", "id")
    words.add(":")
    return words.out + _fields(change.fields)


def _item(words: _Words, change: Change) -> Line:
    words.add(f"{NOUNS.get(change.list or '', 'item')} ")
    words.named(change.label, change.id)
    if change.action == "moved":
        words.add(": ")
        words.moved(change)
        return words.out + _fields(change.fields, lead=";")
    words.add({"added": " added to ", "removed": " removed from ", "changed": " in "}[change.action])
    words.phase(change.phase)
    if change.action == "changed":
        words.add(":")
    return words.out + _fields(change.fields)


def _emotion(words: _Words, change: Change) -> Line:
    words.add("emotion in ")
    words.phase(change.phase)
    if change.persona:
        words.add(f" ({change.persona})")
    words.add({"added": " added:", "removed": " removed:", "changed": ":"}[change.action])
    return words.out + _fields(change.fields, emotion=True)


def _low_point(words: _Words, change: Change) -> Line:
    words.add("low point")
    if change.persona:
        words.add(f" ({change.persona})")
    if change.action == "moved":
        words.add(" moved: ")
        words.moved(change)
        if not change.fields:
            return words.out  # the same score, elsewhere
    else:
        words.add(" appeared in " if change.action == "added" else " vanished from ")
        words.phase(change.phase)
    words.add(":")
    return words.out + _fields(change.fields, emotion=True)


_TELLERS: dict[str, Callable[[_Words, Change], Line]] = {
    "map": _entry,
    "persona": _entry,
    "initiative": _entry,
    "message": _entry,
    "phase": _phase,
    "item": _item,
    "emotion": _emotion,
    "low_point": _low_point,
}


def _fields(fields: tuple[FieldChange, ...], *, lead: str = "", emotion: bool = False) -> Line:
    out: Line = []
    for n, field in enumerate(fields):
        out.append((lead if n == 0 and lead else ";" if n else "", ""))
        label = "" if emotion and field.name == "score" else field.name
        if field.old is None:  # a field that was not there: `review: true`
            out.append((f" {label}: " if label else " ", ""))
            out.append((show(field.new), "new"))
        elif field.new is None:
            out.append((f" {label}: " if label else " ", ""))
            out.append((show(field.old), "old"))
            out.append((" (removed)", ""))
        else:
            out.append((f" {label} " if label else " ", ""))
            out.append((show(field.old), "old"))
            out.append((" → ", ""))
            out.append((show(field.new), "new"))
            if _is_number(field.old) and _is_number(field.new) and (emotion or field.computed):
                out.append((f" ({show(field.new - field.old, signed=True)})", ""))
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def show(value: Any, *, signed: bool = False) -> str:
    """A field value in a sentence: text quoted and clipped, numbers without a needless `.0`."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        value = round(value, 2)
        text = str(int(value)) if value.is_integer() else f"{value:g}"
        return f"+{text}" if signed and value > 0 else text
    if isinstance(value, int):
        return f"+{value}" if signed and value > 0 else str(value)
    if isinstance(value, str):
        return f'"{clip(value)}"'
    if isinstance(value, list):
        return "[" + ", ".join(show(v) if not isinstance(v, str) else clip(v) for v in value) + "]"
    return clip(json.dumps(value, ensure_ascii=False, sort_keys=True))


def clip(text: str, width: int = LABEL_WIDTH) -> str:
    """Text on one line, cut to `width` display columns (a CJK character takes two)."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        used += display_width(ch)
        if used > width - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def summary(result: MapDiff) -> str:
    """`3 phases added, 1 phase split, 16 items moved` — or `no changes`."""
    if not result.changes:
        return "no changes"
    parts = []
    counts = result.counts
    for target in TARGETS:
        for action in ACTIONS:
            count = counts[(target, action)]
            if count:
                noun = target.replace("_", " ") if count == 1 else _PLURALS[target]
                parts.append(f"{count} {noun} {action}")
    return ", ".join(parts)


def title(result: MapDiff) -> str:
    if result.status == "added":
        return f"{result.new_source} (new map)"
    if result.status == "removed":
        return f"{result.old_source} (removed)"
    return f"{result.old_source} → {result.new_source}"


def by_target(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.target, []).append(change)
    return [(t, groups[t]) for t in TARGETS if t in groups]
