"""Comparing two versions of a journey, entry by entry, matched by id rather than by position.

Phases, personas, initiatives and messages have ids. Items (actions, thoughts, touchpoints, pain points,
opportunities, KPIs) are matched by id where both sides have one, then by the same text in the same row,
then, within one phase and row, by similar text (an edited sentence). Phase splits, merges and id changes
are read from where the matched items went and from the `origin` markers that `cjm adapt`, `cjm split` and
`cjm merge` leave.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cjm.diff.changes import ACTIONS, Change, FieldChange, MapDiff, sort_changes
from cjm.model import ITEM_LISTS, Item, Journey, Phase

# How alike two texts in the same phase and row must be to count as one edited entry.
SIMILAR_TEXT = 0.6
# Placement bookkeeping that adapt/split/merge write; a move already says what they record.
_PLACEMENT_KEYS = frozenset({"origin", "phase_hint"})
_MAP_KEYS = ("title", "description", "language", "owner", "updated", "tags", "business")

Ranking = Callable[[Journey], dict[str, tuple[float, int]] | None]


@dataclass(frozen=True)
class _Entry:
    """An item where it stands: its phase, row and position."""

    phase: str
    item: Item
    key: str  # normalised text, for matching

    @property
    def list(self) -> str:
        return self.item.list_name

    @property
    def id(self) -> str | None:
        return self.item.id


def diff_journeys(old: Journey, new: Journey, *, ranking: Ranking | None = None) -> MapDiff:
    """Every difference between two versions of a map. `ranking` gives initiatives' (score, stage) for a
    journey, so that score and stage changes are reported too (see `cjm.diff.ranking`)."""
    result = MapDiff(old.source, new.source)
    result.phase_names = {p.id: p.name for p in old.phases} | {p.id: p.name for p in new.phases}
    pairs, gone, arrived = match_items(old, new)
    phase_changes, same_phase = _phase_changes(old, new, pairs, arrived)
    removed_phases = {c.id for c in phase_changes if c.target == "phase" and c.action == "removed"}
    added_phases = {c.id for c in phase_changes if c.target == "phase" and c.action == "added"}
    changes = [
        *_map_changes(old, new),
        *_keyed_changes("persona", old.personas, new.personas, lambda p: p.name),
        *phase_changes,
        *_item_changes(pairs, gone, arrived, same_phase, removed_phases, added_phases),
        *_emotion_changes(old, new, same_phase),
        *_initiative_changes(old, new, ranking, result.notes),
        *_keyed_changes("message", old.messages, new.messages, lambda m: m.raw.get("title") or m.type),
    ]
    result.changes = sort_changes(changes)
    return result


# --- items ----------------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text as compared: NFKC (full- and half-width forms alike), whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _entries(journey: Journey) -> list[_Entry]:
    return [_Entry(phase.id, item, normalise(item.text)) for phase, item in journey.items()]


def match_items(old: Journey, new: Journey) -> tuple[list[tuple[_Entry, _Entry]], list[_Entry], list[_Entry]]:
    """(matched pairs, old entries with no match, new entries with no match)."""
    olds, news = _entries(old), _entries(new)
    pairs: list[tuple[_Entry, _Entry]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()

    def pair(i: int, j: int) -> None:
        pairs.append((olds[i], news[j]))
        used_old.add(i)
        used_new.add(j)

    by_id = {(e.list, e.id): j for j, e in enumerate(news) if e.id}
    for i, entry in enumerate(olds):
        if entry.id and (j := by_id.get((entry.list, entry.id))) is not None:
            pair(i, j)
    by_text: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, entry in enumerate(news):
        if j not in used_new:
            by_text[(entry.list, entry.key)].append(j)
    for same_phase in (True, False):  # a text that stayed in its phase first, then one that moved
        for i, entry in enumerate(olds):
            if i in used_old:
                continue
            for j in by_text.get((entry.list, entry.key), []):
                if (
                    j not in used_new
                    and _compatible(entry, news[j])
                    and (not same_phase or news[j].phase == entry.phase)
                ):
                    pair(i, j)
                    break
    _pair_similar(olds, news, used_old, used_new, pair)
    gone = [e for i, e in enumerate(olds) if i not in used_old]
    arrived = [e for j, e in enumerate(news) if j not in used_new]
    return pairs, gone, arrived


def _compatible(a: _Entry, b: _Entry) -> bool:
    """Entries with two different ids are two different entries, whatever their text."""
    return not (a.id and b.id and a.id != b.id)


def _pair_similar(
    olds: list[_Entry], news: list[_Entry], used_old: set[int], used_new: set[int], pair: Callable[[int, int], None]
) -> None:
    """Within one phase and row, the most alike remaining texts are one entry, edited."""
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, entry in enumerate(olds):
        if i not in used_old:
            groups[(entry.phase, entry.list)][0].append(i)
    for j, entry in enumerate(news):
        if j not in used_new and (entry.phase, entry.list) in groups:
            groups[(entry.phase, entry.list)][1].append(j)
    for old_indexes, new_indexes in groups.values():
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, olds[i].key, news[j].key).ratio(), i, j)
                for i in old_indexes
                for j in new_indexes
                if _compatible(olds[i], news[j])
            ),
            reverse=True,
        )
        for ratio, i, j in scored:
            if ratio < SIMILAR_TEXT:
                break
            if i not in used_old and j not in used_new:
                pair(i, j)


def _item_changes(
    pairs: list[tuple[_Entry, _Entry]],
    gone: list[_Entry],
    arrived: list[_Entry],
    same_phase: dict[str, str],
    removed_phases: set[str],
    added_phases: set[str],
) -> list[Change]:
    """Items added, removed, moved to another phase or changed, each group in the order of the map."""
    changes: list[tuple[int, tuple[int, int, int], Change]] = []
    for before, after in pairs:
        fields = _field_changes(_as_mapping(before.item), _as_mapping(after.item), ignore=_PLACEMENT_KEYS)
        moved = same_phase.get(before.phase) != after.phase
        if moved or fields:
            action = "moved" if moved else "changed"
            change = Change(
                "item",
                action,
                after.id or before.id,
                after.item.text,
                after.list,
                after.phase,
                before.phase if moved else None,
                fields=fields,
            )
            changes.append((ACTIONS.index(action), _position(after.item), change))
    # Entries of a phase removed or added as a whole are told by that phase's change.
    for entry in gone:
        if entry.phase not in removed_phases:
            change = Change("item", "removed", entry.id, entry.item.text, entry.list, entry.phase)
            changes.append((ACTIONS.index("removed"), _position(entry.item), change))
    for entry in arrived:
        if entry.phase not in added_phases:
            change = Change("item", "added", entry.id, entry.item.text, entry.list, entry.phase)
            changes.append((ACTIONS.index("added"), _position(entry.item), change))
    return [change for _, _, change in sorted(changes, key=lambda c: c[:2])]


def _position(item: Item) -> tuple[int, int, int]:
    _, phase_index, list_name, index = item.path
    return int(phase_index), ITEM_LISTS.index(str(list_name)), int(index)


def _as_mapping(item: Item) -> dict[str, Any]:
    raw = item.raw
    if isinstance(raw, dict):
        return raw
    return {"text": raw}


# --- phases ---------------------------------------------------------------------------------------------------


def _phase_changes(
    old: Journey, new: Journey, pairs: list[tuple[_Entry, _Entry]], arrived: list[_Entry]
) -> tuple[list[Change], dict[str, str]]:
    """Phase changes, and which new phase each old phase continues as (same id, or a changed id)."""
    old_ids = [p.id for p in old.phases]
    new_ids = [p.id for p in new.phases]
    kept = [i for i in old_ids if i in set(new_ids)]
    removed = [i for i in old_ids if i not in set(new_ids)]
    added = [i for i in new_ids if i not in set(old_ids)]
    flows = _flows(old_ids, new, pairs, arrived)

    splits: dict[str, list[str]] = {}
    single_target: dict[str, str] = {}
    for phase_id in removed:
        targets = [n for n in new_ids if flows[phase_id][n]]
        if len(targets) >= 2:
            splits[phase_id] = targets
        elif targets:
            single_target[phase_id] = targets[0]
    for phase_id in kept:  # a kept phase that new phases say they came from (`origin`) was split too
        offshoots = [p.id for p in new.phases if p.id in added and p.raw.get("origin") == phase_id]
        if offshoots:
            splits[phase_id] = [n for n in new_ids if n == phase_id or n in offshoots]
    sources: dict[str, list[str]] = defaultdict(list)
    for phase_id, target in single_target.items():
        sources[target].append(phase_id)
    renamed_ids = {
        ids[0]: target
        for target, ids in sources.items()
        if target in added and len(ids) == 1 and not _other_sources(flows, target, ids[0])
    }
    merges = {target: ids for target, ids in sources.items() if ids[0] not in renamed_ids}

    same_phase = {i: i for i in kept} | renamed_ids
    changes: list[Change] = []
    old_by_id = {p.id: p for p in old.phases}
    new_by_id = {p.id: p for p in new.phases}
    for phase in new.phases:
        if phase.id in added and phase.id not in renamed_ids.values():
            changes.append(Change("phase", "added", phase.id, phase.name, after=_before(new_ids, phase.id)))
    for phase_id in removed:
        if phase_id not in splits and phase_id not in single_target:
            changes.append(Change("phase", "removed", phase_id, old_by_id[phase_id].name))
    for old_id, new_id in same_phase.items():
        before, after = old_by_id[old_id], new_by_id[new_id]
        fields = _field_changes(_phase_fields(before), _phase_fields(after))
        names = tuple(f for f in fields if f.name == "name")
        if names or old_id != new_id:
            changes.append(
                Change(
                    "phase", "renamed", new_id, after.name, fields=names, old_id=old_id if old_id != new_id else None
                )
            )
        if others := tuple(f for f in fields if f.name != "name"):
            changes.append(Change("phase", "changed", new_id, after.name, fields=others))
    for phase_id, parts in splits.items():
        changes.append(Change("phase", "split", phase_id, old_by_id[phase_id].name, parts=tuple(parts)))
    for target, ids in merges.items():
        parts = [i for i in old_ids if i in ids or i == target]
        changes.append(Change("phase", "merged", target, new_by_id[target].name, parts=tuple(parts)))
    changes.extend(_reordered(old_ids, new_ids, same_phase, new_by_id))
    return changes, same_phase


def _flows(
    old_ids: list[str], new: Journey, pairs: list[tuple[_Entry, _Entry]], arrived: list[_Entry]
) -> dict[str, Counter[str]]:
    """old phase -> new phase -> how many entries (or `origin` markers) lead from one to the other."""
    known = set(old_ids)
    flows: dict[str, Counter[str]] = defaultdict(Counter)
    for before, after in pairs:
        flows[before.phase][after.phase] += 1
    for entry in arrived:
        origin = entry.item.get("origin")
        if origin in known:
            flows[origin][entry.phase] += 1
    for phase in new.phases:
        origin = phase.raw.get("origin")
        if origin in known and origin != phase.id:
            flows[origin][phase.id] += 1
    return flows


def _other_sources(flows: dict[str, Counter[str]], target: str, source: str) -> bool:
    return any(counts[target] for phase_id, counts in flows.items() if phase_id != source)


def _before(ids: list[str], phase_id: str) -> str | None:
    index = ids.index(phase_id)
    return ids[index - 1] if index else None


def _phase_fields(phase: Phase) -> dict[str, Any]:
    return {k: v for k, v in phase.raw.items() if k not in ("id", "emotion", "origin", *ITEM_LISTS)}


def _reordered(
    old_ids: list[str], new_ids: list[str], same_phase: dict[str, str], new_by_id: dict[str, Phase]
) -> list[Change]:
    """Phases whose place among the phases both versions have changed (the fewest that explain the order)."""
    before = [same_phase[i] for i in old_ids if i in same_phase]
    common = set(before)
    after = [i for i in new_ids if i in common]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    in_place = {after[block.b + k] for block in matcher.get_matching_blocks() for k in range(block.size)}
    return [
        Change("phase", "reordered", i, new_by_id[i].name, after=_before(new_ids, i))
        for i in after
        if i not in in_place
    ]


# --- emotions -------------------------------------------------------------------------------------------------


def _emotion_changes(old: Journey, new: Journey, same_phase: dict[str, str]) -> list[Change]:
    """Emotion scores and notes, lane by lane (a lane is a persona, or the whole map), in phases both have."""
    old_by_id = {p.id: p for p in old.phases}
    new_by_id = {p.id: p for p in new.phases}
    changes = []
    for old_id, new_id in same_phase.items():
        phase = new_by_id[new_id]
        before = {e.persona: e for e in old_by_id[old_id].emotions}
        after = {e.persona: e for e in phase.emotions}
        for lane in dict.fromkeys([*before, *after]):
            if lane in before and lane in after:
                action = "changed"
                fields = tuple(
                    FieldChange(name, getattr(before[lane], name), getattr(after[lane], name))
                    for name in ("score", "note")
                    if getattr(before[lane], name) != getattr(after[lane], name)
                )
            else:
                action = "removed" if lane in before else "added"
                fields = (
                    FieldChange(
                        "score",
                        before[lane].score if lane in before else None,
                        after[lane].score if lane in after else None,
                    ),
                )
            if fields:
                changes.append(Change("emotion", action, new_id, phase.name, phase=new_id, persona=lane, fields=fields))
    return changes


# --- the map, personas, initiatives, messages -----------------------------------------------------------------


def _map_changes(old: Journey, new: Journey) -> list[Change]:
    fields = _field_changes(
        {k: old.data.get(k) for k in _MAP_KEYS if k in old.data},
        {k: new.data.get(k) for k in _MAP_KEYS if k in new.data},
    )
    if old.id != new.id:
        fields = (FieldChange("id", old.id, new.id), *fields)
    return [Change("map", "changed", new.id, new.title, fields=fields)] if fields else []


def _keyed_changes(
    target: str,
    old: Iterable[Any],
    new: Iterable[Any],
    label: Callable[[Any], str],
    extra: Callable[[str], tuple[FieldChange, ...]] | None = None,
) -> list[Change]:
    """Added, removed and changed entries of a list whose entries have ids."""
    before = {entry.id: entry for entry in old}
    after = {entry.id: entry for entry in new}
    changes = []
    for entry_id, entry in after.items():
        if entry_id not in before:
            changes.append(Change(target, "added", entry_id, label(entry)))
            continue
        fields = _field_changes(before[entry_id].raw, entry.raw, ignore=frozenset({"id"}))
        fields += extra(entry_id) if extra else ()
        if fields:
            changes.append(Change(target, "changed", entry_id, label(entry), fields=fields))
    changes.extend(Change(target, "removed", i, label(e)) for i, e in before.items() if i not in after)
    return changes


def _initiative_changes(old: Journey, new: Journey, ranking: Ranking | None, notes: list[str]) -> list[Change]:
    before = ranking(old) if ranking else None
    after = ranking(new) if ranking else None
    if ranking and (before is None or after is None):
        notes.append(
            "initiative scores and stages were not compared: the map could not be prioritised "
            "(run `cjm prioritise` on it to see why)"
        )

    def computed(initiative_id: str) -> tuple[FieldChange, ...]:
        if not before or not after or initiative_id not in before or initiative_id not in after:
            return ()
        (old_score, old_stage), (new_score, new_stage) = before[initiative_id], after[initiative_id]
        fields = []
        if old_score != new_score:
            fields.append(FieldChange("priority score", old_score, new_score, computed=True))
        if old_stage != new_stage:
            fields.append(FieldChange("roadmap stage", old_stage, new_stage, computed=True))
        return tuple(fields)

    return _keyed_changes("initiative", old.initiatives, new.initiatives, lambda i: i.title, computed)


# --- fields ---------------------------------------------------------------------------------------------------


def _field_changes(
    old: dict[str, Any], new: dict[str, Any], *, ignore: frozenset[str] = frozenset()
) -> tuple[FieldChange, ...]:
    """The fields that differ, nested mappings flattened to dotted names (`business.cycle`)."""
    flat_old, flat_new = _flatten(old), _flatten(new)
    names = [k for k in dict.fromkeys([*flat_old, *flat_new]) if k.split(".")[0] not in ignore]
    return tuple(FieldChange(k, flat_old.get(k), flat_new.get(k)) for k in names if flat_old.get(k) != flat_new.get(k))


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out
