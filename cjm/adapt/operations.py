"""Changing a map's phases on round-trip data: split, merge, add a phase, add a persona.

Nothing is lost: every entry of a split or merged phase lands in exactly one phase (with its comments), and
initiatives and messages that pointed at a changed phase point at the right one afterwards. Every operation
returns lines saying what it changed, or a note saying why it changed nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.adapt.placement import DEFAULT, REASONS, NewPhase, best_by_keywords, entry_text, place
from cjm.adapt.rules import Rule, text_in
from cjm.core.edit import (
    append_entry,
    as_mapping,
    attach_following,
    comment_lines,
    detach_following,
    ensure_blank_line_after,
    following_lines,
    insert_entry,
    key_column,
    remove_entry,
    remove_key,
    replace_scalar,
    set_key,
    to_roundtrip,
)
from cjm.core.model import ITEM_LISTS, KIND_ORDER, NOUNS
from cjm.core.vocabulary import reading as _reading_of
from cjm.lint.journey_facts import number

# Where keys go in a phase that cjm writes (the order of the schema and the templates).
PHASE_KEYS = (
    "id",
    "name",
    "kind",
    "description",
    "intentional_order",
    "origin",
    "actions",
    "thoughts",
    "emotion",
    "touchpoints",
    "pain_points",
    "opportunities",
    "kpis",
)
# Lists whose entries may be plain strings (the others are mappings), and the key of their text.
TEXT_KEY = {
    "actions": "text",
    "thoughts": "text",
    "pain_points": "text",
    "opportunities": "text",
    "touchpoints": "name",
    "kpis": "name",
}


@dataclass
class Report:
    """What one rule or command did: `changes` (empty when it found nothing to change) and `notes` saying why
    a step did nothing."""

    name: str
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class Flagged:
    """An entry placed in a default phase with `review: true`."""

    phase: str
    list_name: str
    text: str
    source_phase: str
    entry: Any = field(default=None, compare=False, repr=False)


class MapEditor:
    """Round-trip map data and what the operations need to know about it."""

    def __init__(self, data: Any, language: str) -> None:
        self.data = data
        self.language = language
        self.flagged: list[Flagged] = []
        self.created: set[str] = set()  # ids of the phases this run created: no "already has" note about them

    @property
    def phases(self) -> Any:
        return self.data["phases"]

    def index_of(self, phase_id: str) -> int | None:
        return next((i for i, p in enumerate(self.phases) if p.get("id") == phase_id), None)

    def index_of_object(self, phase: Any) -> int:
        return next(i for i, p in enumerate(self.phases) if p is phase)

    def of_kind(self, kinds: Iterable[str]) -> list[int]:
        wanted = set(kinds)
        return [i for i, p in enumerate(self.phases) if p.get("kind") in wanted]

    def roles(self) -> dict[str, str | None]:
        return {p["id"]: p.get("role") for p in self.data.get("personas") or []}

    def lane(self, roles: Sequence[str]) -> str | None:
        """The id of the first persona with one of `roles`."""
        return next((pid for pid, role in self.roles().items() if role in roles), None)

    def used_ids(self) -> dict[str, str]:
        """Every id in the map and what it names."""
        ids: dict[str, str] = {}
        for persona in self.data.get("personas") or []:
            ids.setdefault(persona["id"], "persona")
        for phase in self.phases:
            ids.setdefault(phase["id"], "phase")
            for list_name in ITEM_LISTS:
                for entry in phase.get(list_name) or []:
                    if isinstance(entry, Mapping) and entry.get("id"):
                        ids.setdefault(entry["id"], NOUNS[list_name])
        for section, noun in (("initiatives", "initiative"), ("messages", "message")):
            for entry in self.data.get(section) or []:
                ids.setdefault(entry["id"], noun)
        return ids

    def free_id(self, wanted: str, reusable: Iterable[str] = (), reserved: Iterable[str] = ()) -> str:
        """`wanted`, or `wanted-2`, `wanted-3`... if another entry has it (ids in `reusable` may be taken over,
        ids in `reserved` are about to be used)."""
        taken = (set(self.used_ids()) - set(reusable)) | set(reserved)
        candidate, n = wanted, 1
        while candidate in taken:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def describe(self, phase: Mapping[str, Any]) -> str:
        return f"'{phase['id']}' ({phase['name']})"


def reading(phase: Mapping[str, Any]) -> str:
    """The kind a phase is read as for journey order: a phase named 配送 of kind `retention` is a delivery."""
    return _reading_of(str(phase.get("kind")), str(phase.get("name") or ""))


def set_phase_key(phase: Any, key: str, value: Any) -> None:
    """Set a key of a phase, in the usual place among the others."""
    set_key(phase, key, value, after=PHASE_KEYS[: PHASE_KEYS.index(key)] if key in PHASE_KEYS else ())


def rename_phase(phase: Any, target: NewPhase) -> None:
    for key in ("id", "name", "kind"):
        replace_scalar(phase, key, getattr(target, key))


def insert_phase(ed: MapEditor, position: int, phase: Any, *, replacing: bool = False) -> None:
    """Insert a phase; when the map separates its phases with blank lines, so is this one. `replacing`: it
    takes the place of the phase at `position`, behind the comments that introduced that one."""
    phases = ed.phases
    spaced = len(phases) > 1 and following_lines(phases, 0).startswith("\n")
    insert_entry(phases, position, phase, ed.data, "phases", displace=not replacing)
    if spaced:
        for index in (position - 1, position):
            if 0 <= index < len(phases) - 1:
                ensure_blank_line_after(phases, index)


# --- split ---------------------------------------------------------------------------------------------------


def split_phase(ed: MapEditor, index: int, targets: Sequence[NewPhase], default: str) -> list[str]:
    """Replace the phase at `index` by `targets` (in that order); return what changed."""
    phases = ed.phases
    old = phases[index]
    old_id, old_name = old["id"], old["name"]
    ids = [t.id for t in targets]
    keep = old_id if old_id in ids else default  # this target reuses the old phase's mapping and its comments
    roles = ed.roles()
    plan: dict[str, list[tuple[int, str, str]]] = {}
    reasons: Counter[str] = Counter()
    moved_ids: dict[str, str] = {}
    for list_name in ITEM_LISTS:
        for i, entry in enumerate(old.get(list_name) or []):
            target, reason = place(entry, list_name, targets, default, roles, moved_ids)
            plan.setdefault(list_name, []).append((i, target, reason))
            reasons[reason] += 1
            if isinstance(entry, Mapping) and entry.get("id"):
                moved_ids[entry["id"]] = target

    pain_entries = [plain(e) for e in old.get("pain_points") or []]
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

    # Take the entries out (last first, so indices hold), then add them in their original order.
    for list_name, placements in plan.items():
        taken = [
            (target, reason, remove_entry(old[list_name], i, old, list_name))
            for i, target, reason in reversed(placements)
            if target != keep
        ]
        for target, reason, entry in reversed(taken):
            destination = new_phases[target]
            append_entry(destination[list_name], entry, destination, list_name)
            if reason == DEFAULT:
                _flag(ed, destination[list_name], len(destination[list_name]) - 1, list_name, target, old_id)
        for position, (_, _, reason) in enumerate(p for p in placements if p[1] == keep):
            if reason == DEFAULT:
                _flag(ed, old[list_name], position, list_name, keep, old_id)

    for list_name, placements in plan.items():
        if not old[list_name] and all(target != keep for _, target, _ in placements):
            remove_key(old, list_name)  # emptied by the split (kept when a comment hangs on it)
    target = next(t for t in targets if t.id == keep)
    rename_phase(old, target)
    if target.description and "description" not in old:
        set_phase_key(old, "description", target.description)
    if keep != old_id:
        set_phase_key(old, "origin", old_id)
    position = index
    for target in targets:
        if target.id == keep:
            position = ed.index_of(keep) + 1  # type: ignore[operator]
            continue
        # The first new phase takes the place of the old one, behind the comments that introduced it.
        insert_phase(ed, position, new_phases[target.id], replacing=position == index)
        position += 1

    names = ", ".join(f"'{t.id}' ({t.name})" for t in targets)
    changes = [f"split phase '{old_id}' ({old_name}) into {names}"]
    total = sum(reasons.values())
    if total:
        how = ", ".join(f"{reasons[r]} by {r}" for r in REASONS if r != DEFAULT and reasons[r])
        review = f"{reasons[DEFAULT]} to '{default}' marked review: true" if reasons[DEFAULT] else ""
        placed = "; ".join(part for part in (how, review) if part)
        changes.append(f"  {total} entr{'y' if total == 1 else 'ies'} placed: {placed}")
    changes.extend(_follow_split(ed, old_id, targets, default, moved_ids))
    changes.extend(_split_emotion(ed, old, targets, keep, (pain_entries, plan.get("pain_points") or []), new_phases))
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
    listed = {p for initiative in ed.data.get("initiatives") or [] for p in initiative.get("phases") or []}
    return listed & set(ids)


def _flag(ed: MapEditor, seq: Any, index: int, list_name: str, phase_id: str, source: str) -> None:
    entry = as_mapping(seq, index, TEXT_KEY[list_name])
    if not entry.get("review"):
        set_key(entry, "review", True)
        ed.flagged.append(Flagged(phase_id, list_name, entry_text(entry), source, entry))
    else:
        ed.flagged.append(Flagged(phase_id, list_name, entry_text(entry), source))


def _unflag(ed: MapEditor, entry: Any, phase_id: str) -> bool:
    """An entry this run placed by default, then placed for a reason: no longer to review. Whether it was one."""
    for n, flag in enumerate(ed.flagged):
        if flag.entry is not None and flag.entry is entry:
            del ed.flagged[n]
            remove_key(entry, "review")
            return True
    return False


def _follow_split(
    ed: MapEditor, old_id: str, targets: Sequence[NewPhase], default: str, moved_ids: Mapping[str, str]
) -> list[str]:
    """Initiatives follow the pain points and opportunities they address (all new phases when none moved);
    messages follow their keywords, else the default phase."""
    changes = []
    order = [t.id for t in targets]
    for initiative in ed.data.get("initiatives") or []:
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
        _replace_in_list(initiative, "phases", old_id, new)
        changes.append(f"  initiative '{initiative['id']}': phases {old_id} -> {', '.join(new)}")
    for message in ed.data.get("messages") or []:
        if message.get("phase") != old_id:
            continue
        words = " ".join(str(message.get(k) or "") for k in ("title", "trigger", "content"))
        found = best_by_keywords(words, targets)
        message["phase"] = found or default
        why = "by keyword" if found else "by default; check it"
        changes.append(f"  message '{message['id']}': phase {old_id} -> {message['phase']} ({why})")
    return changes


def _replace_in_list(owner: Any, key: str, old: str, new: Sequence[str]) -> None:
    """Replace `old` in the id list `owner[key]` by the ids of `new` not already listed, keeping its place."""
    seq = owner[key]
    index = list(seq).index(old)
    fresh = [x for x in new if x not in seq or x == old]
    if not fresh:
        remove_entry(seq, index, owner, key)
        return
    seq[index] = fresh[0]
    for offset, value in enumerate(fresh[1:], 1):
        seq.insert(index + offset, value)


# --- merge ---------------------------------------------------------------------------------------------------


def merge_phases(ed: MapEditor, indices: Sequence[int], into: NewPhase) -> list[str]:
    """Merge the phases at `indices` into one at the place of the first; every entry records its `origin`."""
    phases = ed.phases
    sources = [phases[i] for i in sorted(indices)]
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
    for source in reversed(sources[1:]):
        entry = remove_entry(phases, ed.index_of_object(source), ed.data, "phases")
        salvaged[source["id"]] = [line.strip() for line in entry.leading.splitlines() if line.strip().startswith("#")]
        salvaged[source["id"]] += comment_lines(entry.value)
    _keep_comments(phases, ed.index_of(into.id), salvaged)  # type: ignore[arg-type]

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
        set_key(as_mapping(seq, index, TEXT_KEY[list_name]), "origin", source_id)


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
    for initiative in ed.data.get("initiatives") or []:
        phases = initiative.get("phases")
        if not phases or not set(source_ids) & set(phases):
            continue
        before = ", ".join(phases)
        for old in [p for p in phases if p in source_ids]:
            _replace_in_list(initiative, "phases", old, [into_id])
        if before != ", ".join(phases):
            changes.append(f"  initiative '{initiative['id']}': phases {before} -> {', '.join(phases)}")
    for message in ed.data.get("messages") or []:
        if message.get("phase") in source_ids and message["phase"] != into_id:
            changes.append(f"  message '{message['id']}': phase {message['phase']} -> {into_id}")
            message["phase"] = into_id
    return changes


# --- add a phase, add a persona ------------------------------------------------------------------------------


def starter_phase(
    spec: Mapping[str, Any], phase_id: str, language: str, lanes: Mapping[str, str | None], kpis: bool = True
) -> dict[str, Any]:
    """The phase an `add_phase` step adds, with its starter entries, as plain data."""
    phase: dict[str, Any] = {"id": phase_id, "name": text_in(spec["name"], language), "kind": spec["kind"]}
    if "description" in spec:
        phase["description"] = text_in(spec["description"], language)
    for list_name in ("actions", "thoughts", "touchpoints") + (("kpis",) if kpis else ()):
        entries = [_starter_entry(stub, language, lanes) for stub in spec.get(list_name) or []]
        if entries:
            phase[list_name] = entries
    return phase


def _starter_entry(stub: Mapping[str, Any], language: str, lanes: Mapping[str, str | None]) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for key, value in stub.items():
        if key == "lane":
            if persona := lanes.get(tuple(value)):  # type: ignore[call-overload]
                entry["persona"] = persona
        elif key in ("text", "name", "unit"):
            entry[key] = text_in(value, language)
        else:
            entry[key] = value
    return entry


def starter_messages(spec: Mapping[str, Any], phase_id: str, language: str) -> list[dict[str, Any]]:
    messages = []
    for stub in spec.get("messages") or []:
        message = {
            key: text_in(value, language) if key in ("title", "trigger", "content") else value
            for key, value in stub.items()
        }
        message["phase"] = phase_id
        messages.append(message)
    return messages


def add_phase_blocked(phases: Sequence[Mapping[str, Any]], spec: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The phase that makes an `add_phase` step needless (one of its kind, or with its id), if any."""
    kind = spec["kind"]
    return next(
        (p for p in phases if (kind != "custom" and kind in (p.get("kind"), reading(p))) or p.get("id") == spec["id"]),
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
        found = [i for i, p in enumerate(phases) if reading(p) == kind]
        if found:
            position = found[-1] + 1 if after else found[0]
            break
    rank = KIND_ORDER.get(spec["kind"])
    if position is None or rank is None:
        return position
    if after:
        while position < len(phases) and KIND_ORDER.get(reading(phases[position]), len(KIND_ORDER)) <= rank:
            position += 1
    else:
        while position > 0 and KIND_ORDER.get(reading(phases[position - 1]), -1) > rank:
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
    phase_id = ed.free_id(spec["id"])
    lanes = {
        tuple(s["lane"]): ed.lane(s["lane"])
        for key in ("actions", "thoughts", "touchpoints")
        for s in spec.get(key) or []
        if "lane" in s
    }
    starters = starter_phase(spec, phase_id, ed.language, lanes, kpis=False)
    phase = to_roundtrip({k: v for k, v in starters.items() if k not in ITEM_LISTS})
    insert_phase(ed, position, phase)
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
        set_phase_key(phase, "kpis", phase.get("kpis", []))
        append_entry(phase["kpis"], _starter_entry(stub, ed.language, lanes), phase, "kpis")
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
    sources = [p for p in ed.phases if p is not phase and (p.get("kind") in wanted or reading(p) in wanted)]
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
                set_phase_key(phase, list_name, phase.get(list_name, []))
                append_entry(phase[list_name], entry, phase, list_name)
                moved = as_mapping(phase[list_name], len(phase[list_name]) - 1, TEXT_KEY[list_name])
                _unflag(ed, moved, phase["id"])
                set_key(moved, "origin", _first_origin(ed, source))
                changes.append(f"  {NOUNS[list_name]} '{entry_text(moved)}' moved from '{source['id']}'")
            if moving and not seq:
                remove_key(source, list_name)
    changes.extend(_follow_take(ed, moved_ids, {s["id"] for s in sources}, phase["id"]))
    changes.extend(_take_emotion(ed, sources, target, phase))
    source_ids = {s["id"] for s in sources}
    types = set(take.get("message_types") or [])
    for message in ed.data.get("messages") or []:
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
    listed = {p for initiative in ed.data.get("initiatives") or [] for p in initiative.get("phases") or []}
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
    where = {
        entry["id"]: phase["id"]
        for phase in ed.phases
        for list_name in ITEM_LISTS
        for entry in phase.get(list_name) or []
        if isinstance(entry, Mapping) and entry.get("id")
    }
    feeling = {phase["id"] for phase in ed.phases if "emotion" in phase}
    initiatives = ed.data.get("initiatives") or []

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
            _replace_in_list(initiative, "phases", old, ([old] if keep else []) + ([new_id] if n == 0 else []))
        if before != ", ".join(initiative.get("phases") or []):
            changes.append(f"  initiative '{initiative['id']}': phases {before} -> {', '.join(initiative['phases'])}")
    return changes


def _add_messages(ed: MapEditor, spec: Mapping[str, Any], phase_id: str) -> list[str]:
    present = {m.get("type") for m in ed.data.get("messages") or []}
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


# --- rules ---------------------------------------------------------------------------------------------------


def apply_rule(ed: MapEditor, rule: Rule) -> Report:
    report = Report(rule.name)
    for step in rule.steps:
        ((action, spec),) = step.items()
        changes, notes = _STEPS[action](ed, spec)
        report.changes.extend(changes)
        report.notes.extend(notes)
    return report


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


def _split_step(ed: MapEditor, spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    index, why = split_blocked(ed.phases, spec)
    if index is None:
        return [], [why] if why else []
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


def _one_of_step(ed: MapEditor, alternatives: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """The first alternative that can act; when none can, why each could not."""
    notes: list[str] = []
    for alternative in alternatives:
        ((action, spec),) = alternative.items()
        changes, why = _STEPS[action](ed, spec)
        if changes:
            return changes, []
        notes.extend(why)
    return [], notes[-1:]


def _merge_step(ed: MapEditor, spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    found = ed.of_kind(spec["phases"])
    if len(found) < 2:
        return [], [f"fewer than two phases of kind {' or '.join(spec['phases'])} to merge"]
    into = spec["into"]
    reusable = [ed.phases[i]["id"] for i in found]
    target = NewPhase(
        ed.free_id(into["id"], reusable=reusable),
        into["kind"],
        text_in(into["name"], ed.language),
        text_in(into["description"], ed.language) if "description" in into else None,
    )
    return merge_phases(ed, found, target), []


_STEPS = {
    "split": _split_step,
    "merge": _merge_step,
    "add_phase": add_phase,
    "add_persona": add_persona,
    "one_of": _one_of_step,
}


def plain(node: Any) -> Any:
    """Round-trip data as plain dicts, lists and scalars (no comments, no styles)."""
    if isinstance(node, Mapping):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)
