"""`cjm diff` reports: text for a terminal, JSON for scripts, Markdown for a pull-request comment.

Each change is told as one sentence made of segments with a role (a name, an id, an old or a new value), so
that the text and Markdown reports say the same thing and each escapes map text its own way. The text report
is returned as styled segments; the command line prints them (this module imports no terminal library).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from cjm import __version__
from cjm.core.model import NOUNS
from cjm.core.text import display_width
from cjm.diff.changes import ACTIONS, TARGETS, Change, FieldChange, MapDiff

FORMATS = ("text", "json", "markdown")
LABEL_WIDTH = 60  # display columns of map text shown in one sentence (a CJK character takes two)

Segment = tuple[str, str]  # (text, role): role is "", "name", "id", "old", "new", or an action for the mark
Line = list[Segment]

_SECTIONS = {
    "map": "Map",
    "persona": "Personas",
    "phase": "Phases",
    "item": "Items",
    "emotion": "Emotions",
    "low_point": "Low points",
    "initiative": "Initiatives",
    "message": "Messages",
}
_TEXT_MARKS = {
    "added": "+",
    "removed": "-",
    "changed": "~",
    "renamed": "~",
    "moved": "→",
    "split": "⑂",
    "merged": "⑃",
    "reordered": "↕",
}
_MD_MARKS = {
    "added": "➕",
    "removed": "➖",
    "changed": "✏️",
    "renamed": "✏️",
    "moved": "↪️",
    "split": "✂️",
    "merged": "🔗",
    "reordered": "↕️",
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
# Markdown sections longer than this fold into <details>, so a pull-request comment stays readable.
FOLD_AFTER = 25
# GitHub refuses a comment over 65,536 characters; the document stops short of it, with room for its last note.
MAX_MARKDOWN = 60_000


# --- sentences ------------------------------------------------------------------------------------------------


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


# --- text -----------------------------------------------------------------------------------------------------


def text_lines(results: list[MapDiff]) -> list[Line]:
    """The text report as lines of (text, role) segments; roles `heading` and the actions style them."""
    lines: list[Line] = []
    for n, result in enumerate(results):
        if n:
            lines.append([])
        lines.append([(title(result), "heading"), (": ", ""), (summary(result), "")])
        for target, changes in _by_target(result.changes):
            lines.append([(f"  {_SECTIONS[target]}", "heading")])
            for change in changes:
                lines.append([(f"    {_TEXT_MARKS[change.action]} ", change.action), *sentence(change, result)])
        lines.extend([[(f"  note: {note}", "")] for note in result.notes])
    if not results:
        lines.append([("no maps changed", "")])
    return lines


def _by_target(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.target, []).append(change)
    return [(t, groups[t]) for t in TARGETS if t in groups]


# --- JSON -----------------------------------------------------------------------------------------------------


def json_document(results: list[MapDiff], errors: list[dict[str, Any]] | None = None) -> str:
    document = {
        "tool": "cjm",
        "version": __version__,
        "command": "diff",
        "changed": any(r.changed for r in results),
        "maps": [r.to_dict() for r in results],
        "errors": errors or [],
    }
    from cjm.output.contract import json_text

    return json_text(document)


# --- Markdown -------------------------------------------------------------------------------------------------

# Enough to keep map text from becoming markup mid-line: emphasis, code, links and images (`[`), tables,
# strikethrough. Line-start markup cannot arise, since every line starts with cjm's own text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md_text(text: str) -> str:
    """Map text made inert in GitHub Markdown: no markup, no HTML, no @mentions or #references, one line."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A zero-width joiner stops GitHub from notifying people and linking issues named in a map.
    return re.sub(r"([@＠])(?=\w)", "\\1&#8203;", re.sub(r"(#)(?=\d)", "\\1&#8203;", text))


def _md_segments(line: Line) -> str:
    out = []
    for text, role in line:
        if role == "name":
            out.append(f"**{md_text(text)}**")
        elif role == "id":
            out.append(f"`{text}`" if re.fullmatch(r"[A-Za-z0-9_.-]+", text) else md_text(text))
        else:
            out.append(md_text(text))
    return "".join(out)


def markdown_document(
    results: list[MapDiff], *, heading: str = "Journey map changes", limit: int = MAX_MARKDOWN
) -> str:
    """A pull-request comment: one section per map, changes grouped by what changed, long groups folded, and the
    whole under `limit` characters (what does not fit is counted in a last note)."""
    out = [f"## {md_text(heading)}", ""]
    changed = [r for r in results if r.changed]
    if not changed:
        out.append(
            "No changes to journey maps."
            if not results
            else f"No changes to journey maps ({len(results)} map{'s' if len(results) != 1 else ''} compared)."
        )
        return "\n".join(out) + "\n"
    size = sum(len(line) + 1 for line in out)
    left_out = 0

    def fits(lines: list[str]) -> bool:
        nonlocal size
        extra = sum(len(line) + 1 for line in lines)
        if size + extra > limit - 500:  # room for closing a fold and the last notes
            return False
        size += extra
        out.extend(lines)
        return True

    for result in changed:
        if left_out or not fits([f"### {md_text(title(result))}", "", f"**{md_text(summary(result))}**", ""]):
            left_out += len(result.changes)
            continue
        for target, changes in _by_target(result.changes):
            bullets = [f"- {_MD_MARKS[c.action]} {_md_segments(sentence(c, result))}" for c in changes]
            folded = len(bullets) > FOLD_AFTER
            head = (
                [f"<details><summary>{_SECTIONS[target]} ({len(bullets)})</summary>", ""]
                if folded
                else [f"#### {_SECTIONS[target]}", ""]
            )
            if left_out or not fits(head):
                left_out += len(bullets)
                continue
            shown = next((i for i, bullet in enumerate(bullets) if not fits([bullet])), len(bullets))
            left_out += len(bullets) - shown
            out.extend(["", "</details>", ""] if folded else [""])
        if not left_out:
            out += [f"> {md_text(note)}" for note in result.notes]
    if left_out:
        out.append(
            f"_… and {left_out:,} more change{'s' if left_out != 1 else ''} not shown: a comment is limited "
            "in size. Run `cjm diff` to see them all._"
        )
    unchanged = len(results) - len(changed)
    if unchanged:
        out.append(f"_{unchanged} more map{'s' if unchanged != 1 else ''} compared without changes._")
    return "\n".join(out).rstrip() + "\n"
