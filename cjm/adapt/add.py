"""Adding a phase (`add_phase`: at its place in the journey, with starter entries and what clearly belongs to
it from the phases it is carved out of) and a persona (`add_persona`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cjm.adapt.editor import MapEditor, replace_in_list
from cjm.adapt.placement import NewPhase, best_by_keywords
from cjm.adapt.starters import starter_entry, starter_messages, starter_phase, text_in
from cjm.core.edit import append_entry, plain, remove_entry, remove_key, set_key, to_roundtrip
from cjm.core.model import (
    ITEM_LISTS,
    KIND_ORDER,
    NOUNS,
    add_entry,
    entry_mapping,
    entry_text,
    phase_reading,
    set_phase_key,
)
from cjm.lint.journey_facts import number


def add_phase_blocked(phases: Sequence[Mapping[str, Any]], spec: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The phase that makes an `add_phase` step needless (one of its kind, or with its id), if any."""
    kind = spec["kind"]
    return next(
        (
            p
            for p in phases
            if (kind != "custom" and kind in (p.get("kind"), phase_reading(p))) or p.get("id") == spec["id"]
        ),
        None,
    )


def anchor_index(phases: Sequence[Mapping[str, Any]], spec: Mapping[str, Any]) -> int | None:
    """Where an `add_phase` step's phase goes: after the last phase read as the first `after` kind present (or
    before the first one read as the first `before` kind), then on past the phases that come earlier in the
    journey than the new one or at the same point (a delivery labelled `retention` comes before use and
    maintenance; a returns phase right after delivery comes before the years of use)."""
    after = "after" in spec
    position = None
    for kind in spec["after" if after else "before"]:
        found = [i for i, p in enumerate(phases) if phase_reading(p) == kind]
        if found:
            position = found[-1] + 1 if after else found[0]
            break
    rank = KIND_ORDER.get(spec["kind"])
    if position is None or rank is None:
        return position
    if after:
        while position < len(phases) and KIND_ORDER.get(phase_reading(phases[position]), len(KIND_ORDER)) <= rank:
            position += 1
    else:
        while position > 0 and KIND_ORDER.get(phase_reading(phases[position - 1]), -1) > rank:
            position -= 1
    return position


def add_phase(ed: MapEditor, spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Add the phase of an `add_phase` step; (changes, notes)."""
    if (there := add_phase_blocked(ed.phases, spec)) is not None:
        if there["id"] in ed.created:
            return [], []  # this run made it
        return [], [f"the map already has phase {ed.describe(there)} of kind {there.get('kind')}"]
    position = anchor_index(ed.phases, spec)
    if position is None:
        where = "after" if "after" in spec else "before"
        return [], [f"no phase of kind {' or '.join(spec[where])} to put '{spec['id']}' {where}"]
    ed.acting()
    phase_id = ed.free_id(spec["id"])
    lanes = {
        tuple(s["lane"]): ed.lane(s["lane"])
        for key in ("actions", "thoughts", "touchpoints")
        for s in spec.get(key) or []
        if "lane" in s
    }
    starters = starter_phase(spec, phase_id, ed.language, lanes, kpis=False)
    phase = to_roundtrip({k: v for k, v in starters.items() if k not in ITEM_LISTS})
    ed.insert_phase(position, phase)
    ed.created.add(phase_id)
    changes = [f"added phase {ed.describe(phase)} at position {position + 1}"]
    changes.extend(_take(ed, spec, phase))
    for list_name in ("actions", "thoughts", "touchpoints"):  # starters stand in for what the map did not say
        if starters.get(list_name) and not phase.get(list_name):
            set_phase_key(phase, list_name, starters[list_name])
    stub_kpis = [
        k
        for k in spec.get("kpis") or []
        if k["metric"] not in {entry.get("metric") for entry in phase.get("kpis") or []}
    ]
    for stub in stub_kpis:
        add_entry(phase, "kpis", starter_entry(stub, ed.language, lanes))
    if stub_kpis:
        changes.append(f"  starter KPIs: {', '.join(text_in(k['name'], ed.language) for k in stub_kpis)}")
    changes.extend(_add_messages(ed, spec, phase_id))
    return changes, []


def _take(ed: MapEditor, spec: Mapping[str, Any], phase: Any) -> list[str]:
    """Bring into the new phase what belongs to it from the phases of the `take.from` kinds: KPIs by metric,
    entries by channel or by the words they say (an opportunity follows the pain points it addresses), and
    messages by type. What does not clearly belong stays where it was."""
    take = spec.get("take")
    if not take:
        return []
    changes = []
    wanted = set(take["from"])
    sources = [p for p in ed.phases if p is not phase and (p.get("kind") in wanted or phase_reading(p) in wanted)]
    target = NewPhase(
        phase["id"],
        phase["kind"],
        phase["name"],
        keywords=tuple(take.get("keywords") or ()),
        channels=frozenset(take.get("channels") or ()),
        metrics=frozenset(take.get("metrics") or ()),
    )
    stay = NewPhase(phase["id"], phase["kind"], phase["name"], keywords=tuple(take.get("unless") or ()))
    moved_ids: set[str] = set()
    for source in sources:
        for list_name in ITEM_LISTS:
            seq = source.get(list_name) or []
            moving = [
                i
                for i, entry in enumerate(seq)
                if _belongs(entry, list_name, target, moved_ids)
                and (list_name == "kpis" or best_by_keywords(entry_text(entry), [stay]) is None)
            ]
            for i in moving:
                if isinstance(seq[i], Mapping) and seq[i].get("id"):
                    moved_ids.add(seq[i]["id"])
            entries = [remove_entry(seq, i, source, list_name) for i in reversed(moving)]
            for entry in reversed(entries):
                add_entry(phase, list_name, entry)
                moved = entry_mapping(phase[list_name], len(phase[list_name]) - 1, list_name)
                ed.unflag(moved)
                set_key(moved, "origin", _first_origin(ed, source))
                changes.append(f"  {NOUNS[list_name]} '{entry_text(moved)}' moved from '{source['id']}'")
            if moving and not seq:
                remove_key(source, list_name)
    changes.extend(_follow_take(ed, moved_ids, {s["id"] for s in sources}, phase["id"]))
    changes.extend(_take_emotion(ed, sources, target, phase))
    source_ids = {s["id"] for s in sources}
    types = set(take.get("message_types") or [])
    for message in ed.section("messages"):
        if message.get("type") in types and message.get("phase") in source_ids:
            changes.append(f"  message '{message['id']}': phase {message['phase']} -> {phase['id']}")
            message["phase"] = phase["id"]
    return changes


def _first_origin(ed: MapEditor, phase: Any) -> str:
    """Where entries of `phase` were in the map as given: a phase this run split off reports the old one."""
    return str(phase.get("origin") or phase["id"]) if phase["id"] in ed.created else str(phase["id"])


def _take_emotion(ed: MapEditor, sources: Sequence[Any], target: NewPhase, phase: Any) -> list[str]:
    """A feeling whose note speaks of the new phase (a giver's worry that the gift arrives late) goes with it,
    unless an initiative works on the phase it leaves and not on the new one (its low point would stand
    unanswered)."""
    listed = {p for initiative in ed.section("initiatives") for p in initiative.get("phases") or []}
    for source in sources:
        emotion = source.get("emotion")
        if not isinstance(emotion, Mapping) or "emotion" in phase or not emotion.get("note"):
            continue
        if best_by_keywords(str(emotion["note"]), [target]) is None:
            continue
        if source["id"] in listed and phase["id"] not in listed:
            continue
        value = plain(emotion)
        if remove_key(source, "emotion"):
            set_phase_key(phase, "emotion", value)
            return [
                f"  emotion (score {number(value['score'])}) moved from '{source['id']}': its note speaks of this phase"
            ]
    return []


def _belongs(entry: Any, list_name: str, target: NewPhase, moved_ids: set[str]) -> bool:
    """Whether an entry of another phase clearly belongs to the phase `target` adds."""
    fields: Mapping[str, Any] = entry if isinstance(entry, Mapping) else {}
    hint = fields.get("phase_hint")
    if hint is not None:
        return bool(hint == target.id)
    addressed = fields.get("addresses") or []
    if addressed and all(x in moved_ids for x in addressed):
        return True
    if list_name == "touchpoints" and fields.get("channel") in target.channels:
        return True
    if list_name == "kpis":
        return fields.get("metric") in target.metrics
    return best_by_keywords(entry_text(entry), [target]) is not None


def _follow_take(ed: MapEditor, moved_ids: set[str], source_ids: set[str], new_id: str) -> list[str]:
    """An initiative that addresses moved entries works on the new phase. It still works on the old one while
    something it addresses is left there, or when the old one has a feeling no other initiative answers (its
    low point would stand unanswered)."""
    changes: list[str] = []
    if not moved_ids:
        return changes
    where = ed.entry_phases()
    feeling = {phase["id"] for phase in ed.phases if "emotion" in phase}
    initiatives = ed.section("initiatives")

    def addressed(initiative: Any) -> list[str]:
        return [x for key in ("pain_points", "opportunities") for x in initiative.get(key) or []]

    def works_on(initiative: Any, phase_id: str) -> bool:
        return phase_id in (initiative.get("phases") or []) or any(
            where.get(x) == phase_id for x in addressed(initiative)
        )

    for initiative in initiatives:
        if not set(addressed(initiative)) & moved_ids or new_id in (initiative.get("phases") or []):
            continue
        before = ", ".join(initiative.get("phases") or [])
        listed = [p for p in initiative.get("phases") or [] if p in source_ids]
        for n, old in enumerate(listed):
            keep = any(where.get(x) == old for x in addressed(initiative)) or (
                old in feeling and not any(works_on(o, old) for o in initiatives if o is not initiative)
            )
            replace_in_list(initiative, "phases", old, ([old] if keep else []) + ([new_id] if n == 0 else []))
        if before != ", ".join(initiative.get("phases") or []):
            changes.append(f"  initiative '{initiative['id']}': phases {before} -> {', '.join(initiative['phases'])}")
    return changes


def _add_messages(ed: MapEditor, spec: Mapping[str, Any], phase_id: str) -> list[str]:
    present = {m.get("type") for m in ed.section("messages")}
    added = []
    for message in starter_messages(spec, phase_id, ed.language):
        if message["type"] in present:
            continue
        message["id"] = ed.free_id(message["id"])
        set_key(ed.data, "messages", ed.data.get("messages", []))
        append_entry(ed.data["messages"], message, ed.data, "messages")
        added.append(f"'{message['id']}' ({message['type']})")
    return [f"  starter messages: {', '.join(added)}"] if added else []


def add_persona(ed: MapEditor, spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    roles = spec.get("unless") or [spec["role"]]
    for persona_id, role in ed.roles().items():
        if role in roles:
            part = f"has the role {role}" if role == spec["role"] else f"({role}) takes the {spec['role']} part"
            return [], [f"persona '{persona_id}' {part}"]
    ed.acting()
    persona: dict[str, Any] = {
        "id": ed.free_id(spec["id"]),
        "name": text_in(spec["name"], ed.language),
        "role": spec["role"],
    }
    if "description" in spec:
        persona["description"] = text_in(spec["description"], ed.language)
    if "personas" not in ed.data:
        ed.data.insert(list(ed.data).index("phases"), "personas", to_roundtrip([]))
    append_entry(ed.data["personas"], persona, ed.data, "personas")
    return [f"added persona '{persona['id']}' ({persona['name']}, {persona['role']}) to fill in"], []
