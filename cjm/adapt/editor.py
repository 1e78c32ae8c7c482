"""One adapt run over a map: the map's round-trip data seen through the model (`cjm.core.model.EditableMap`),
the entries the run placed by default for a person to review, the phases it created, and the report of what a
rule or command did."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.adapt.placement import NewPhase
from cjm.core.edit import remove_entry, remove_key, replace_scalar, set_key
from cjm.core.model import EditableMap, entry_mapping, entry_text


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


class WouldChange(Exception):
    """A step of a trial run (`MapEditor(..., trial=True)`) is about to change the map."""


class MapEditor(EditableMap):
    """The map being adapted, and what this run did to it that later steps need to know.

    A `trial` editor answers whether a run would change anything, on the map's plain data: every step decides
    whether it acts from the data alone (kinds, ids, names, roles) and says why when it does not, and one that
    is about to act calls `acting()`, which stops a trial run there, before anything is changed."""

    def __init__(self, data: Any, language: str, *, trial: bool = False) -> None:
        super().__init__(data, language)
        self.trial = trial
        self.flagged: list[Flagged] = []
        self.created: set[str] = set()  # ids of the phases this run created: no "already has" note about them

    def acting(self) -> None:
        """A step has decided to change the map (and has changed nothing yet)."""
        if self.trial:
            raise WouldChange

    def flag(self, seq: Any, index: int, list_name: str, phase_id: str, source: str) -> None:
        """Mark the entry at `index` of a phase's list `review: true`: it went to the default phase."""
        entry = entry_mapping(seq, index, list_name)
        if not entry.get("review"):
            set_key(entry, "review", True)
            self.flagged.append(Flagged(phase_id, list_name, entry_text(entry), source, entry))
        else:
            self.flagged.append(Flagged(phase_id, list_name, entry_text(entry), source))

    def unflag(self, entry: Any) -> bool:
        """An entry this run placed by default, then placed for a reason: no longer to review. Whether it was
        one."""
        for n, flag in enumerate(self.flagged):
            if flag.entry is not None and flag.entry is entry:
                del self.flagged[n]
                remove_key(entry, "review")
                return True
        return False


def rename_phase(phase: Any, target: NewPhase) -> None:
    for key in ("id", "name", "kind"):
        replace_scalar(phase, key, getattr(target, key))


def replace_in_list(owner: Any, key: str, old: str, new: Sequence[str]) -> None:
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
