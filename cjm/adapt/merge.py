"""Merging phases into one at the place of the first: every entry keeps its `origin`, the lowest score of each
persona lane stays (a low point must stay visible), the comments of what was replaced are kept under a line
saying where they were, and initiatives and messages follow."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from cjm.adapt.editor import MapEditor, rename_phase, replace_in_list
from cjm.adapt.placement import NewPhase
from cjm.adapt.starters import text_in
from cjm.core.edit import (
    append_entry,
    attach_following,
    comment_lines,
    detach_following,
    key_column,
    plain,
    remove_entry,
    set_key,
)
from cjm.core.model import ITEM_LISTS, entry_mapping, set_phase_key
from cjm.lint.journey_facts import number


def merge_step(ed: MapEditor, spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """A rule's `merge` step: every phase of its kinds, into the phase it names."""
    found = ed.of_kind(spec["phases"])
    if len(found) < 2:
        return [], [f"fewer than two phases of kind {' or '.join(spec['phases'])} to merge"]
    ed.acting()
    into = spec["into"]
    reusable = [ed.phases[i]["id"] for i in found]
    target = NewPhase(
        ed.free_id(into["id"], reusable=reusable),
        into["kind"],
        text_in(into["name"], ed.language),
        text_in(into["description"], ed.language) if "description" in into else None,
    )
    return merge_phases(ed, found, target), []


def merge_phases(ed: MapEditor, indices: Sequence[int], into: NewPhase) -> list[str]:
    """Merge the phases at `indices` into one at the place of the first; every entry records its `origin`."""
    phases = ed.phases
    places = sorted(indices)
    sources = [phases[i] for i in places]
    keep = sources[0]
    source_ids = [p["id"] for p in sources]
    described = [f"'{p['id']}' ({p['name']})" for p in sources]
    counts: Counter[str] = Counter()

    for list_name in ITEM_LISTS:
        if any(list_name in p for p in sources[1:]) and list_name not in keep:
            set_phase_key(keep, list_name, [])
        if list_name not in keep:
            continue
        destination = keep[list_name]
        for i in range(len(destination)):
            _mark_origin(destination, i, list_name, source_ids[0], into.id)
        counts[source_ids[0]] += len(destination)
        for source in sources[1:]:
            seq = source.get(list_name)
            if not seq:
                continue
            entries = [remove_entry(seq, i, source, list_name) for i in reversed(range(len(seq)))]
            for entry in reversed(entries):
                append_entry(destination, entry, keep, list_name)
                _mark_origin(destination, len(destination) - 1, list_name, source["id"], into.id)
                counts[source["id"]] += 1

    emotion_line = _merged_emotion_line(sources)
    salvaged = {source_ids[0]: _merge_rest(keep, sources[1:])}
    rename_phase(keep, into)
    if into.description and "description" not in keep:
        set_phase_key(keep, "description", into.description)
    if keep.get("origin") == into.id:
        del keep["origin"]  # split and merged back: it came from itself
    for place, source in reversed(list(zip(places[1:], sources[1:], strict=True))):  # from the back: the places hold
        entry = remove_entry(phases, place, ed.data, "phases")
        salvaged[source["id"]] = [line.strip() for line in entry.leading.splitlines() if line.strip().startswith("#")]
        salvaged[source["id"]] += comment_lines(entry.value)
    _keep_comments(phases, ed.phase_index(into.id), salvaged)  # type: ignore[arg-type]

    kept = ", ".join(f"{counts[s]} from '{s}'" for s in source_ids if counts[s])
    changes = [f"merged phases {', '.join(described)} into '{into.id}' ({into.name})"]
    if kept:
        changes.append(f"  entries kept with their origin: {kept}")
    changes.extend(emotion_line)
    changes.extend(_follow_merge(ed, source_ids, into.id))
    return changes


def _merged_emotion_line(sources: Sequence[Any]) -> list[str]:
    """Say which score a merge kept, when the merged phases felt differently."""
    lanes: dict[Any, list[tuple[float, str]]] = {}
    for phase in sources:
        emotion = phase.get("emotion")
        for entry in emotion if isinstance(emotion, list) else [emotion] if emotion else []:
            lanes.setdefault(entry.get("persona"), []).append((float(entry["score"]), phase["id"]))
    lines = []
    for persona, scores in lanes.items():
        if len({score for score, _ in scores}) < 2:
            continue
        low, where = min(scores)
        others = ", ".join(f"'{p}' had {number(s)}" for s, p in scores if p != where)
        lane = f" for '{persona}'" if persona else ""
        lines.append(
            f"  emotion{lane}: kept the lowest score, {number(low)} from '{where}' ({others}), so the low "
            "point stays visible"
        )
    return lines


def _mark_origin(seq: Any, index: int, list_name: str, source_id: str, into_id: str) -> None:
    if source_id != into_id:
        set_key(entry_mapping(seq, index, list_name), "origin", source_id)


def _merge_rest(keep: Any, others: Sequence[Any]) -> list[str]:
    """Fold the other phases' emotion, description and extensions into `keep`; return the comments of what
    was replaced, so they can be kept."""
    salvaged: list[str] = []
    emotions = [p["emotion"] for p in (keep, *others) if "emotion" in p]
    if emotions:
        merged = merge_emotions([plain(e) for e in emotions])
        if merged != plain(keep.get("emotion")):
            if "emotion" in keep:
                salvaged.extend(comment_lines(keep["emotion"]))
            set_phase_key(keep, "emotion", merged)
    descriptions = list(dict.fromkeys(str(p["description"]) for p in (keep, *others) if p.get("description")))
    if len(descriptions) > 1:
        keep["description"] = " / ".join(descriptions)
    elif descriptions and "description" not in keep:
        set_phase_key(keep, "description", descriptions[0])
    for other in others:
        if other.get("intentional_order"):
            set_phase_key(keep, "intentional_order", True)
        for key, value in other.items():
            if key.startswith("x-") and key not in keep:
                set_key(keep, key, plain(value))
    return salvaged


def merge_emotions(emotions: Sequence[Any]) -> Any:
    """One emotion per persona lane: the lowest score (a low point is the first thing a client looks at; a mean
    would hide it) and every distinct note."""
    lanes: dict[Any, list[Mapping[str, Any]]] = {}
    for emotion in emotions:
        for entry in emotion if isinstance(emotion, list) else [emotion]:
            lanes.setdefault(entry.get("persona"), []).append(entry)
    merged = []
    for persona, entries in lanes.items():
        score = min((e["score"] for e in entries), key=float)
        result: dict[str, Any] = {"score": score}
        notes = list(dict.fromkeys(str(e["note"]) for e in entries if e.get("note")))
        if notes:
            result["note"] = " / ".join(notes)
        if persona is not None:
            result["persona"] = persona
        merged.append(result)
    if len(merged) == 1 and not any(isinstance(e, list) for e in emotions):
        return merged[0]
    return merged


def _keep_comments(phases: Any, index: int, salvaged: Mapping[str, list[str]]) -> None:
    """Put the comments of what the merge replaced after the merged phase, under a line saying where they
    were, before whatever introduces the next phase."""
    indent = " " * key_column(phases[index])
    text = "".join(
        f"{indent}# comments of phase '{phase_id}' before the merge:\n" + "".join(f"{indent}{line}\n" for line in lines)
        for phase_id, lines in salvaged.items()
        if lines
    )
    if text:
        following = detach_following(phases, index)
        attach_following(phases, index, text + following)


def _follow_merge(ed: MapEditor, source_ids: Sequence[str], into_id: str) -> list[str]:
    changes = []
    for initiative in ed.section("initiatives"):
        phases = initiative.get("phases")
        if not phases or not set(source_ids) & set(phases):
            continue
        before = ", ".join(phases)
        for old in [p for p in phases if p in source_ids]:
            replace_in_list(initiative, "phases", old, [into_id])
        if before != ", ".join(phases):
            changes.append(f"  initiative '{initiative['id']}': phases {before} -> {', '.join(phases)}")
    for message in ed.section("messages"):
        if message.get("phase") in source_ids and message["phase"] != into_id:
            changes.append(f"  message '{message['id']}': phase {message['phase']} -> {into_id}")
            message["phase"] = into_id
    return changes
