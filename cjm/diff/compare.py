"""Comparing two versions of a journey, entry by entry, matched by id rather than by position.

Phases, personas, initiatives and messages have ids. Items (actions, thoughts, touchpoints, pain points,
opportunities, KPIs) are matched by id where both sides have one, then by the same text in the same row,
then, within one phase and row, by similar text (an edited sentence; a bounded search, see `ALL_PAIRS`). Phase
splits, merges and id changes are read from where the matched items went and from the `origin` markers that
`cjm adapt`, `cjm split` and `cjm merge` leave. Every step is linear in the size of the maps, or n log n.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cjm.core.model import ITEM_LISTS, Item, Journey, Phase
from cjm.diff.changes import ACTIONS, Change, FieldChange, MapDiff, sort_changes

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
    pairs, gone, arrived = match_items(old, new, result.notes)
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


def match_items(
    old: Journey, new: Journey, notes: list[str] | None = None
) -> tuple[list[tuple[_Entry, _Entry]], list[_Entry], list[_Entry]]:
    """(matched pairs, old entries with no match, new entries with no match). When the bounded search for
    edited texts stops early, `notes` gets a sentence saying so."""
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
    # The same text: one that stayed in its phase first, then one that moved; each old entry takes the first
    # unused new entry it is compatible with, in the order of the map.
    in_phase: dict[tuple[str, str, str], _Candidates] = defaultdict(_Candidates)
    anywhere: dict[tuple[str, str], _Candidates] = defaultdict(_Candidates)
    for j, entry in enumerate(news):
        if j not in used_new:
            in_phase[(entry.list, entry.key, entry.phase)].add(j, entry.id)
            anywhere[(entry.list, entry.key)].add(j, entry.id)
    for same_phase in (True, False):
        for i, entry in enumerate(olds):
            if i in used_old:
                continue
            found = (
                in_phase.get((entry.list, entry.key, entry.phase))
                if same_phase
                else anywhere.get((entry.list, entry.key))
            )
            if found is not None and (j := found.first(entry.id, used_new)) is not None:
                pair(i, j)
    _pair_similar(olds, news, used_old, used_new, pair, notes)
    gone = [e for i, e in enumerate(olds) if i not in used_old]
    arrived = [e for j, e in enumerate(news) if j not in used_new]
    return pairs, gone, arrived


class _Candidates:
    """New entries with one text, in map order, for finding the first unused one an old entry may pair with
    without scanning the used ones again: every list is read through a cursor that only moves forward (an entry
    once used stays used)."""

    __slots__ = ("indexes", "ids", "cursor", "by_id")

    def __init__(self) -> None:
        self.indexes: list[int] = []
        self.ids: list[str | None] = []
        self.cursor = [0]
        self.by_id: dict[str | None, tuple[list[int], list[int]]] | None = None  # made when first needed

    def add(self, index: int, entry_id: str | None) -> None:
        self.indexes.append(index)
        self.ids.append(entry_id or None)

    def first(self, entry_id: str | None, used: set[int]) -> int | None:
        if not entry_id:  # an old entry without an id may pair with any
            return _first_unused(self.indexes, self.cursor, used)
        if self.by_id is None:
            self.by_id = {}
            for index, other in zip(self.indexes, self.ids, strict=True):
                self.by_id.setdefault(other, ([], [0]))[0].append(index)
        # one with an id, with entries without an id or with the same id
        found = [_first_unused(*self.by_id[key], used) for key in (None, entry_id) if key in self.by_id]
        return min((j for j in found if j is not None), default=None)


def _first_unused(indexes: list[int], cursor: list[int], used: set[int]) -> int | None:
    while cursor[0] < len(indexes) and indexes[cursor[0]] in used:
        cursor[0] += 1
    return indexes[cursor[0]] if cursor[0] < len(indexes) else None


def _compatible(a: _Entry, b: _Entry) -> bool:
    """Entries with two different ids are two different entries, whatever their text."""
    return not (a.id and b.id and a.id != b.id)


# Looking for edited texts is bounded, so that no map, however built, makes a diff slow. In one phase and row,
# every remaining old text is compared with every remaining new one while there are at most ALL_PAIRS pairs;
# beyond that, each with the NEIGHBOURS new texts nearest its own place in the row (an edited entry seldom moves
# far). A whole diff spends at most BUDGET on comparisons: PAIR_COST for looking at a pair, the two texts' lengths
# for the quick estimate, and for the real ratio their lengths again plus their product / LONG_TEXT (the ratio's
# time grows with the product on long texts). Pairs left when the budget is spent, or that cost more than what is
# left, are told as removed and added, with a note saying why.
ALL_PAIRS = 2_500
NEIGHBOURS = 8
PAIR_COST = 8
LONG_TEXT = 64
BUDGET = 2_000_000


def _pair_similar(
    olds: list[_Entry],
    news: list[_Entry],
    used_old: set[int],
    used_new: set[int],
    pair: Callable[[int, int], None],
    notes: list[str] | None = None,
) -> None:
    """Within one phase and row, the most alike remaining texts are one entry, edited."""
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, entry in enumerate(olds):
        if i not in used_old:
            groups[(entry.phase, entry.list)][0].append(i)
    for j, entry in enumerate(news):
        if j not in used_new and (entry.phase, entry.list) in groups:
            groups[(entry.phase, entry.list)][1].append(j)
    budget, incomplete = BUDGET, False
    for old_indexes, new_indexes in groups.values():
        if not new_indexes or budget <= 0:
            continue
        scored = []
        for j, candidates in _candidate_pairs(old_indexes, new_indexes):
            b = news[j].key
            matcher = difflib.SequenceMatcher(None, autojunk=True)
            matcher.set_seq2(b)  # analysed once for all the old texts it is compared with
            for i in candidates:
                if budget <= 0:
                    break
                a = olds[i].key
                budget -= PAIR_COST
                if not _compatible(olds[i], news[j]):
                    continue
                # Each estimate is an upper bound of the ratio: a pair it rules out could not have been paired.
                if _length_bound(len(a), len(b)) < SIMILAR_TEXT:
                    continue
                matcher.set_seq1(a)
                budget -= len(a) + len(b)
                if matcher.quick_ratio() < SIMILAR_TEXT:
                    continue
                if (cost := len(a) + len(b) + len(a) * len(b) // LONG_TEXT) > budget:
                    incomplete = True
                    continue
                budget -= cost
                if (ratio := matcher.ratio()) >= SIMILAR_TEXT:
                    scored.append((ratio, i, j))
            if budget <= 0:
                break
        for _, i, j in sorted(scored, reverse=True):
            if i not in used_old and j not in used_new:
                pair(i, j)
    if (incomplete or budget <= 0) and notes is not None:
        notes.append(
            "the rewritten texts were too many or too long to compare them all: some edited entries are shown "
            "as removed and added"
        )


def _length_bound(a: int, b: int) -> float:
    """The highest ratio two texts of these lengths can have (`SequenceMatcher.real_quick_ratio`)."""
    return 2 * min(a, b) / (a + b) if a + b else 1.0


def _candidate_pairs(old_indexes: list[int], new_indexes: list[int]) -> Iterator[tuple[int, list[int]]]:
    """(a new entry, the old entries to compare it with), for one phase and row."""
    if len(old_indexes) * len(new_indexes) <= ALL_PAIRS:
        for j in new_indexes:
            yield j, old_indexes
        return
    scale = len(old_indexes) / len(new_indexes)
    half = NEIGHBOURS // 2
    for place, j in enumerate(new_indexes):
        middle = round(place * scale)
        yield j, old_indexes[max(0, middle - half) : middle + half]


def _item_changes(
    pairs: list[tuple[_Entry, _Entry]],
    gone: list[_Entry],
    arrived: list[_Entry],
    same_phase: dict[str, str],
    removed_phases: set[str | None],
    added_phases: set[str | None],
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
    old_place = {phase_id: place for place, phase_id in enumerate(old_ids)}
    new_place = {phase_id: place for place, phase_id in enumerate(new_ids)}
    kept = [i for i in old_ids if i in new_place]
    removed = [i for i in old_ids if i not in new_place]
    added = {i: None for i in new_ids if i not in old_place}
    flows = _flows(old_ids, new, pairs, arrived)

    splits: dict[str, list[str]] = {}
    single_target: dict[str, str] = {}
    for phase_id in removed:
        targets = sorted((n for n, count in flows[phase_id].items() if count), key=new_place.__getitem__)
        if len(targets) >= 2:
            splits[phase_id] = targets
        elif targets:
            single_target[phase_id] = targets[0]
    offshoots: dict[str, list[str]] = defaultdict(list)
    for phase in new.phases:
        if phase.id in added and isinstance(origin := phase.raw.get("origin"), str):
            offshoots[origin].append(phase.id)
    for phase_id in kept:  # a kept phase that new phases say they came from (`origin`) was split too
        if phase_id in offshoots:
            splits[phase_id] = sorted([phase_id, *offshoots[phase_id]], key=new_place.__getitem__)
    sources: dict[str, list[str]] = defaultdict(list)
    for phase_id, target in single_target.items():
        sources[target].append(phase_id)
    feeders = Counter(target for counts in flows.values() for target, count in counts.items() if count)
    renamed_ids = {
        ids[0]: target
        for target, ids in sources.items()
        if target in added and len(ids) == 1 and feeders[target] == 1  # ids[0] is its only source
    }
    merges = {target: ids for target, ids in sources.items() if ids[0] not in renamed_ids}

    same_phase = {i: i for i in kept} | renamed_ids
    renamed_to = set(renamed_ids.values())
    changes: list[Change] = []
    old_by_id = {p.id: p for p in old.phases}
    new_by_id = {p.id: p for p in new.phases}
    follows = _predecessors(new_ids)
    for phase in new.phases:
        if phase.id in added and phase.id not in renamed_to:
            changes.append(Change("phase", "added", phase.id, phase.name, after=follows[phase.id]))
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
        parts = sorted({*ids, target} & old_place.keys(), key=old_place.__getitem__)
        changes.append(Change("phase", "merged", target, new_by_id[target].name, parts=tuple(parts)))
    changes.extend(_reordered(old_ids, new_ids, same_phase, new_by_id, follows))
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


def _predecessors(ids: list[str]) -> dict[str, str | None]:
    """The phase each phase follows (None: the first)."""
    return dict(zip(reversed(ids), reversed([None, *ids[:-1]]), strict=True))


def _phase_fields(phase: Phase) -> dict[str, Any]:
    return {k: v for k, v in phase.raw.items() if k not in ("id", "emotion", "origin", *ITEM_LISTS)}


def _reordered(
    old_ids: list[str],
    new_ids: list[str],
    same_phase: dict[str, str],
    new_by_id: dict[str, Phase],
    follows: dict[str, str | None],
) -> list[Change]:
    """Phases whose place among the phases both versions have changed: the fewest that explain the new order."""
    before = [same_phase[i] for i in old_ids if i in same_phase]
    common = set(before)
    after = [i for i in new_ids if i in common]
    place = {phase_id: index for index, phase_id in enumerate(after)}
    in_place = {before[k] for k in longest_rising([place[i] for i in before])}
    return [Change("phase", "reordered", i, new_by_id[i].name, after=follows[i]) for i in after if i not in in_place]


def longest_rising(values: list[int]) -> list[int]:
    """The indexes of a longest strictly rising subsequence of `values`, in n log n; of several, the one whose
    indexes come first (so the phases that stay put are the earliest ones that can)."""
    # rising_from[k]: the length of the longest rising subsequence that starts at k. Read from the right, a
    # subsequence rising to the right falls, so the classic patience method runs on the negated values.
    rising_from = [0] * len(values)
    tails: list[int] = []
    for k in range(len(values) - 1, -1, -1):
        length = bisect.bisect_left(tails, -values[k])
        if length == len(tails):
            tails.append(-values[k])
        else:
            tails[length] = -values[k]
        rising_from[k] = length + 1
    chosen, wanted, last = [], len(tails), None
    for k, value in enumerate(values):
        if wanted and rising_from[k] == wanted and (last is None or value > last):
            chosen.append(k)
            wanted, last = wanted - 1, value
    return chosen


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
