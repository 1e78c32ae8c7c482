"""The values a semantic diff is made of: one `Change` per thing that differs, and a `MapDiff` per map."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cjm.core.model import Journey

# What changed, in the order a report lists them.
TARGETS = ("map", "persona", "phase", "item", "emotion", "low_point", "initiative", "message")
ACTIONS = ("added", "removed", "renamed", "split", "merged", "reordered", "moved", "changed")


@dataclass(frozen=True)
class FieldChange:
    """One field that differs. `computed` marks values cjm derives (an initiative's score and stage) rather
    than values written in the map."""

    name: str
    old: Any
    new: Any
    computed: bool = False


@dataclass(frozen=True)
class Change:
    """One difference between two versions of a map, matched by id (or, for entries without one, by text).

    `target` is what changed (`TARGETS`), `action` how (`ACTIONS`). `id` and `label` name the entry (its id,
    and its name, title or text as people read it). For items, `list` is the row (`actions`, `pain_points`,
    ...). `phase` is the phase the entry is in on the new side (the old side for a removed one) and
    `from_phase` the phase it was in before a move. `parts` lists phase ids: what a phase was split into, or
    what was merged into it (then `id` is the phase they became). `fields` lists what differs, `persona` the
    lane of an emotion. `after` is the phase an added or reordered phase now follows (None: first).
    """

    target: str
    action: str
    id: str | None = None
    label: str = ""
    list: str | None = None
    phase: str | None = None
    from_phase: str | None = None
    parts: tuple[str, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    persona: str | None = None
    after: str | None = None
    old_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the fields that apply, nothing empty."""
        out: dict[str, Any] = {"target": self.target, "action": self.action}
        for key in ("id", "old_id", "label", "list", "phase", "from_phase", "persona", "after"):
            value = getattr(self, key)
            if value not in (None, ""):
                out[key] = value
        if self.parts:
            out["parts"] = list(self.parts)
        if self.fields:
            out["fields"] = [
                {"name": f.name, "old": f.old, "new": f.new, **({"computed": True} if f.computed else {})}
                for f in self.fields
            ]
        return out


@dataclass
class MapDiff:
    """The changes between two versions of one map. `status` is `modified` (both versions exist), `added`
    or `removed` (one side has no map); `old_source` and `new_source` name the two versions, and
    `phase_names` holds the names of every phase on either side, so a report can show names beside ids."""

    old_source: str | None
    new_source: str | None
    status: str = "modified"
    changes: list[Change] = field(default_factory=list)
    phase_names: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def counts(self) -> Counter[tuple[str, str]]:
        """How many changes of each (target, action)."""
        return Counter((c.target, c.action) for c in self.changes)

    def phase_name(self, phase_id: str | None) -> str:
        return self.phase_names.get(phase_id or "", phase_id or "")

    def to_dict(self) -> dict[str, Any]:
        summary: dict[str, int] = {}
        for (target, action), count in sorted(self.counts.items(), key=_order):
            summary[f"{target}.{action}"] = count
        return {
            "old": self.old_source,
            "new": self.new_source,
            "status": self.status,
            "changed": self.changed,
            "summary": summary,
            "changes": [c.to_dict() for c in self.changes],
            **({"notes": list(self.notes)} if self.notes else {}),
        }


def _order(entry: tuple[tuple[str, str], int]) -> tuple[int, int]:
    (target, action), _ = entry
    return TARGETS.index(target), ACTIONS.index(action)


def sort_changes(changes: list[Change]) -> list[Change]:
    """Changes grouped by target, in the order of `TARGETS` (the order found within a target is kept)."""
    return sorted(changes, key=lambda c: TARGETS.index(c.target))


# --- low points ------------------------------------------------------------------------------------------------


def low_points(journey: Journey) -> dict[str | None, tuple[str, float]]:
    """The low point of each persona lane's emotion curve: the phase with the lowest score, when it is below
    zero (the first such phase on a tie). The first thing a client looks at on a map."""
    lows: dict[str | None, tuple[str, float]] = {}
    for phase in journey.phases:
        for emotion in phase.emotions:
            if emotion.score < 0 and (emotion.persona not in lows or emotion.score < lows[emotion.persona][1]):
                lows[emotion.persona] = (phase.id, emotion.score)
    return lows


def low_point_changes(old: Journey, new: Journey) -> list[Change]:
    """A low point that appeared (`added`), vanished (`removed`) or moved to another phase (`moved`, with
    `from_phase`), per persona lane: a merge that averaged it away or a split that copied it shows here. `fields`
    holds the score."""
    before, after = low_points(old), low_points(new)
    names = {p.id: p.name for p in old.phases} | {p.id: p.name for p in new.phases}
    changes = []
    for lane in [*before, *(lane for lane in after if lane not in before)]:
        was, now = before.get(lane), after.get(lane)
        origin = None
        fields: tuple[FieldChange, ...]
        if now is None:
            assert was is not None  # the lane has a low point on one side at least
            action, phase, fields = "removed", was[0], (FieldChange("score", was[1], None),)
        elif was is None:
            action, phase, fields = "added", now[0], (FieldChange("score", None, now[1]),)
        elif was[0] != now[0]:
            action, phase, origin = "moved", now[0], was[0]
            fields = (FieldChange("score", was[1], now[1]),) if was[1] != now[1] else ()
        else:
            continue
        changes.append(
            Change(
                "low_point", action, phase, names[phase], phase=phase, from_phase=origin, persona=lane, fields=fields
            )
        )
    return changes
