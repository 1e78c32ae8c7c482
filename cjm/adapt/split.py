"""Splitting a phase: every entry goes to exactly one of the new phases (by hint, lane, what it addresses,
channel, metric or keywords, else to the default phase marked for review; `cjm.adapt.placement`), with its
comments, and the emotion, initiatives and messages that pointed at the phase follow the evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from cjm.adapt.editor import MapEditor, rename_phase, replace_in_list
from cjm.adapt.placement import DEFAULT, REASONS, NewPhase, best_by_keywords, place
from cjm.adapt.starters import text_in
from cjm.core.edit import append_entry, plain, remove_entry, remove_key, to_roundtrip
from cjm.core.model import ITEM_LISTS, PHASE_KEYS, set_phase_key


def split_blocked(phases: Sequence[Mapping[str, Any]], spec: Mapping[str, Any]) -> tuple[int | None, str | None]:
    """(the index of the phase a `split` step splits, None) or (None, why it cannot) — and (None, None) when
    a phase this run made is why, which needs no saying."""
    found = [i for i, p in enumerate(phases) if p.get("kind") == spec["phase"]]
    if not found:
        return None, f"no phase of kind {spec['phase']} to split"
    if len(found) > 1:
        ids = ", ".join(phases[i]["id"] for i in found)
        return None, f"{len(found)} phases have kind {spec['phase']} ({ids}); split the right one with `cjm split`"
    old_id = phases[found[0]]["id"]
    for target in spec["into"]:
        clash = next(
            (
                p
                for p in phases
                if p["id"] != old_id
                and (p["id"] == target["id"] or (target["kind"] != "custom" and p.get("kind") == target["kind"]))
            ),
            None,
        )
        if clash is not None:
            return None, (
                f"the map already has phase '{clash['id']}' ({clash.get('name')}) of kind "
                f"{clash.get('kind')}; split '{old_id}' by hand with `cjm split` if it still needs it"
            )
    return found[0], None


def split_step(ed: MapEditor, spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """A rule's `split` step: the one phase of its kind, into the phases it names."""
    index, why = split_blocked(ed.phases, spec)
    if index is None:
        return [], [why] if why else []
    ed.acting()
    old_id = ed.phases[index]["id"]
    ids: dict[str, str] = {}
    for target in spec["into"]:
        ids[target["id"]] = ed.free_id(target["id"], reusable=[old_id], reserved=ids.values())
    targets = [
        NewPhase(
            ids[t["id"]],
            t["kind"],
            text_in(t["name"], ed.language),
            text_in(t["description"], ed.language) if "description" in t else None,
            tuple(t.get("match", {}).get("keywords", [])),
            frozenset(t.get("match", {}).get("channels", [])),
            frozenset(t.get("match", {}).get("metrics", [])),
            frozenset(t.get("match", {}).get("personas", [])),
        )
        for t in spec["into"]
    ]
    changes = split_phase(ed, index, targets, ids[spec["default"]])
    ed.created.update(i for i in ids.values() if i != old_id)
    return changes, []


def split_phase(ed: MapEditor, index: int, targets: Sequence[NewPhase], default: str) -> list[str]:
    """Replace the phase at `index` by `targets` (in that order); return what changed."""
    old = ed.phases[index]
    old_id, old_name = old["id"], old["name"]
    keep = old_id if old_id in [t.id for t in targets] else default  # reuses the old phase's mapping and comments
    plan, reasons, moved_ids = _placements(old, targets, default, ed.roles())
    pain_entries = [plain(e) for e in old.get("pain_points") or []]
    new_phases = _new_phases(targets, keep, old_id, plan)
    _move_entries(ed, old, plan, new_phases, keep)
    _reshape(ed, old, index, targets, keep, new_phases)
    changes = _split_summary(old_id, old_name, targets, reasons, default)
    changes.extend(_follow_split(ed, old_id, targets, default, moved_ids))
    changes.extend(_split_emotion(ed, old, targets, keep, (pain_entries, plan.get("pain_points") or []), new_phases))
    return changes


Placements = dict[str, list[tuple[int, str, str]]]  # list name -> (index in the old phase, target id, reason)


def _placements(
    old: Any, targets: Sequence[NewPhase], default: str, roles: Any
) -> tuple[Placements, Counter[str], dict[str, str]]:
    """Where each entry of the old phase goes and why, how many went by each reason, and the new phase of each
    entry id."""
    plan: Placements = {}
    reasons: Counter[str] = Counter()
    moved_ids: dict[str, str] = {}
    for list_name in ITEM_LISTS:
        for i, entry in enumerate(old.get(list_name) or []):
            target_id, reason = place(entry, list_name, targets, default, roles, moved_ids)
            plan.setdefault(list_name, []).append((i, target_id, reason))
            reasons[reason] += 1
            if isinstance(entry, Mapping) and entry.get("id"):
                moved_ids[entry["id"]] = target_id
    return plan, reasons, moved_ids


def _new_phases(targets: Sequence[NewPhase], keep: str, old_id: str, plan: Placements) -> dict[str, Any]:
    """The phases the split adds (all but the one that keeps the old phase), each with the lists it receives."""
    new_phases: dict[str, Any] = {}
    for target in targets:
        if target.id == keep:
            continue
        phase: dict[str, Any] = {"id": target.id, "name": target.name, "kind": target.kind}
        if target.description:
            phase["description"] = target.description
        phase["origin"] = old_id
        for key in ITEM_LISTS:
            if any(t == target.id for _, t, _ in plan.get(key, [])):
                phase[key] = []
        new_phases[target.id] = to_roundtrip({k: phase[k] for k in PHASE_KEYS if k in phase})
    return new_phases


def _move_entries(ed: MapEditor, old: Any, plan: Placements, new_phases: Mapping[str, Any], keep: str) -> None:
    """Move each entry to its new phase with its comments, marking those placed by default for review."""
    old_id = old["id"]
    # Take the entries out (last first, so indices hold), then add them in their original order.
    for list_name, placements in plan.items():
        taken = [
            (target_id, reason, remove_entry(old[list_name], i, old, list_name))
            for i, target_id, reason in reversed(placements)
            if target_id != keep
        ]
        for target_id, reason, entry in reversed(taken):
            destination = new_phases[target_id]
            append_entry(destination[list_name], entry, destination, list_name)
            if reason == DEFAULT:
                ed.flag(destination[list_name], len(destination[list_name]) - 1, list_name, target_id, old_id)
        for position, (_, _, reason) in enumerate(p for p in placements if p[1] == keep):
            if reason == DEFAULT:
                ed.flag(old[list_name], position, list_name, keep, old_id)

    for list_name, placements in plan.items():
        if not old[list_name] and all(target_id != keep for _, target_id, _ in placements):
            remove_key(old, list_name)  # emptied by the split (kept when a comment hangs on it)


def _reshape(
    ed: MapEditor, old: Any, index: int, targets: Sequence[NewPhase], keep: str, new_phases: Mapping[str, Any]
) -> None:
    """The old phase (at `index`) becomes the target it keeps, and the new phases take their places around it."""
    old_id = old["id"]
    kept = next(t for t in targets if t.id == keep)
    rename_phase(old, kept)
    if kept.description and "description" not in old:
        set_phase_key(old, "description", kept.description)
    if keep != old_id:
        set_phase_key(old, "origin", old_id)
    position = index
    for target in targets:
        if target.id == keep:
            position = ed.phase_index(keep) + 1  # type: ignore[operator]
            continue
        # The first new phase takes the place of the old one, behind the comments that introduced it.
        ed.insert_phase(position, new_phases[target.id], replacing=position == index)
        position += 1


def _split_summary(
    old_id: str, old_name: str, targets: Sequence[NewPhase], reasons: Counter[str], default: str
) -> list[str]:
    names = ", ".join(f"'{t.id}' ({t.name})" for t in targets)
    changes = [f"split phase '{old_id}' ({old_name}) into {names}"]
    total = sum(reasons.values())
    if total:
        how = ", ".join(f"{reasons[r]} by {r}" for r in REASONS if r != DEFAULT and reasons[r])
        review = f"{reasons[DEFAULT]} to '{default}' marked review: true" if reasons[DEFAULT] else ""
        placed = "; ".join(part for part in (how, review) if part)
        changes.append(f"  {total} entr{'y' if total == 1 else 'ies'} placed: {placed}")
    return changes


def _split_emotion(
    ed: MapEditor,
    old: Any,
    targets: Sequence[NewPhase],
    keep: str,
    pains: tuple[list[Any], list[tuple[int, str, str]]],
    new_phases: Mapping[str, Any],
) -> list[str]:
    """The emotion of a split phase goes where its evidence went, one phase per persona lane: the phase that
    received most of its pain points, else the one its note speaks of, else the phase that keeps the old one's
    place. The other new phases get none: a copied score would invent high and low points."""
    if "emotion" not in old:
        return []
    emotion = old["emotion"]
    entries = emotion if isinstance(emotion, list) else [emotion]
    improved = _improved_targets(ed, [t.id for t in targets])
    wanted: dict[str, list[Any]] = {}
    for entry in entries:
        wanted.setdefault(_emotion_target(entry, targets, keep, pains, improved), []).append(entry)
    if set(wanted) == {keep}:
        return []
    if keep not in wanted and not remove_key(old, "emotion"):
        return []  # a comment hangs on it: the feeling stays with the phase that keeps the old one's comments
    if keep in wanted and len(wanted[keep]) != len(entries):
        old["emotion"] = to_roundtrip([plain(e) for e in wanted[keep]])
    lines = []
    for target_id, moved in wanted.items():
        if target_id == keep:
            continue
        value = plain(moved[0]) if not isinstance(emotion, list) else [plain(e) for e in moved]
        set_phase_key(new_phases[target_id], "emotion", value)
        lines.append(
            f"  emotion ({', '.join(_score_words(e) for e in moved)}) -> '{target_id}', where its "
            "evidence went; the other new phases have none"
        )
    return lines


def _score_words(entry: Mapping[str, Any]) -> str:
    lane = f" for '{entry['persona']}'" if entry.get("persona") else ""
    return f"score {plain(entry['score'])}{lane}"


def _emotion_target(
    entry: Mapping[str, Any],
    targets: Sequence[NewPhase],
    keep: str,
    pains: tuple[Any, list[tuple[int, str, str]]],
    improved: set[str],
) -> str:
    persona = entry.get("persona")
    entries, placements = pains
    counts: Counter[str] = Counter()
    for index, target, _ in placements:
        pain = entries[index] if index < len(entries) else None
        pain_persona = pain.get("persona") if isinstance(pain, Mapping) else None
        if persona is None or pain_persona in (None, persona):
            counts[target] += 1
    ranked = [t for t, _ in counts.most_common()]
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        ranked = [t for t in ranked if counts[t] == counts[ranked[0]]]
        ranked = sorted(ranked, key=lambda t: (t != keep, [x.id for x in targets].index(t)))
    by_note = best_by_keywords(str(entry.get("note") or ""), targets)
    candidates = [*ranked, *([by_note] if by_note else []), keep]
    if improved:
        # An initiative followed the evidence: the feeling goes where an initiative is, or a low point that was
        # answered would stand unanswered.
        candidates = [t for t in candidates if t in improved] or candidates
    return candidates[0]


def _improved_targets(ed: MapEditor, ids: Sequence[str]) -> set[str]:
    """The new phases some initiative works on after the split (only when one worked on the old phase)."""
    listed = {p for initiative in ed.section("initiatives") for p in initiative.get("phases") or []}
    return listed & set(ids)


def _follow_split(
    ed: MapEditor, old_id: str, targets: Sequence[NewPhase], default: str, moved_ids: Mapping[str, str]
) -> list[str]:
    """Initiatives follow the pain points and opportunities they address (all new phases when none moved);
    messages follow their keywords, else the default phase."""
    changes = []
    order = [t.id for t in targets]
    for initiative in ed.section("initiatives"):
        phases = initiative.get("phases")
        if not phases or old_id not in phases:
            continue
        addressed = {
            moved_ids[x]
            for key in ("pain_points", "opportunities")
            for x in initiative.get(key) or []
            if x in moved_ids
        }
        new = [t for t in order if t in addressed] or order
        replace_in_list(initiative, "phases", old_id, new)
        changes.append(f"  initiative '{initiative['id']}': phases {old_id} -> {', '.join(new)}")
    for message in ed.section("messages"):
        if message.get("phase") != old_id:
            continue
        words = " ".join(str(message.get(k) or "") for k in ("title", "trigger", "content"))
        found = best_by_keywords(words, targets)
        message["phase"] = found or default
        why = "by keyword" if found else "by default; check it"
        changes.append(f"  message '{message['id']}': phase {old_id} -> {message['phase']} ({why})")
    return changes
