"""Each change of a `cjm diff` told as one sentence made of segments with a role (a name, an id, an old or a new
value), so that the text and Markdown reports say the same thing and each escapes map text its own way; and what
both reports share: the title and summary of a map's changes, and the changes grouped by what changed."""

from __future__ import annotations

import json
from collections.abc import Iterable
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
    name = result.phase_name
    target, action = change.target, change.action
    out: Line = []

    def add(text: str, role: str = "") -> None:
        out.append((text, role))

    def named(label: str, entry_id: str | None) -> None:
        add(clip(label), "name")
        if entry_id and entry_id != label:
            add(" (")
            add(entry_id, "id")
            add(")")

    def phase_list(ids: Iterable[str]) -> None:
        for n, phase_id in enumerate(ids):
            add(", " if n else "")
            add(clip(name(phase_id)), "name")

    if target == "map":
        add("map ")
        named(change.label, change.id)
        add({"added": " added", "removed": " removed", "changed": ":"}[action])
    elif target in ("persona", "initiative", "message"):
        add(f"{target} ")
        named(change.label, change.id)
        add({"added": " added", "removed": " removed", "changed": ":"}[action])
    elif target == "phase":
        if action == "merged":
            add("phases ")
            phase_list(change.parts)
            add(" merged into ")
            named(change.label, change.id)
            return out + _fields(change.fields)
        add("phase ")
        if action == "renamed" and change.old_id:
            named(change.label, change.id)
            add(", id ")
            add(change.old_id, "old")
            add(" → ")
            add(change.id or "", "new")
            return out + _fields(change.fields, lead=",")
        if action == "renamed":
            add(change.id or "", "id")
            add(":")
            return out + _fields(change.fields)
        named(change.label, change.id)
        if action == "added" or action == "reordered":
            add(" added" if action == "added" else " moved")
            if change.after:
                add(" after ")
                add(clip(name(change.after)), "name")
            else:
                add(" to the start")
        elif action == "split":
            add(" split into ")
            phase_list(change.parts)
        elif action == "removed":
            add(" removed")
        else:
            add(":")
    elif target == "item":
        add(f"{NOUNS.get(change.list or '', 'item')} ")
        named(change.label, change.id)
        if action == "moved":
            add(": ")
            add(clip(name(change.from_phase)), "old")
            add(" → ")
            add(clip(name(change.phase)), "new")
            return out + _fields(change.fields, lead=";")
        add({"added": " added to ", "removed": " removed from ", "changed": " in "}[action])
        add(clip(name(change.phase)), "name")
        if action == "changed":
            add(":")
    elif target == "emotion":
        add("emotion in ")
        add(clip(name(change.phase)), "name")
        if change.persona:
            add(f" ({change.persona})")
        add({"added": " added:", "removed": " removed:", "changed": ":"}[action])
        return out + _fields(change.fields, emotion=True)
    elif target == "low_point":
        add("low point")
        if change.persona:
            add(f" ({change.persona})")
        if action == "moved":
            add(" moved: ")
            add(clip(name(change.from_phase)), "old")
            add(" → ")
            add(clip(name(change.phase)), "new")
            if not change.fields:
                return out  # the same score, elsewhere
        else:
            add(" appeared in " if action == "added" else " vanished from ")
            add(clip(name(change.phase)), "name")
        add(":")
        return out + _fields(change.fields, emotion=True)
    return out + _fields(change.fields)


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
