"""Where an entry of a phase that is being split belongs: by its own `phase_hint`, its persona lane, the pain
points it addresses, its channel or metric, the keywords of the new phases, or else the default phase (flagged
for review)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.core.model import entry_text

# Why an entry went where it went, in the order the criteria are tried.
HINT, LANE, ADDRESSES, CHANNEL, METRIC, KEYWORD, DEFAULT = (
    "hint",
    "persona lane",
    "addressed pain point",
    "channel",
    "metric",
    "keyword",
    "default",
)
REASONS = (HINT, LANE, ADDRESSES, CHANNEL, METRIC, KEYWORD, DEFAULT)


@dataclass(frozen=True)
class NewPhase:
    """A phase that a split or merge creates, and how to recognise the entries that belong to it."""

    id: str
    kind: str
    name: str
    description: str | None = None
    keywords: tuple[str, ...] = ()
    channels: frozenset[str] = field(default_factory=frozenset)
    metrics: frozenset[str] = field(default_factory=frozenset)
    personas: frozenset[str] = field(default_factory=frozenset)  # persona ids or roles


def place(
    entry: Any,
    list_name: str,
    targets: Sequence[NewPhase],
    default: str,
    roles: Mapping[str, str | None],
    placed: Mapping[str, str],
) -> tuple[str, str]:
    """(id of the phase the entry goes to, why). `roles` maps persona ids to their roles; `placed` maps the ids of
    the entries already placed (pain points come before the opportunities that address them) to their phase."""
    ids = {t.id for t in targets}
    fields: Mapping[str, Any] = entry if isinstance(entry, Mapping) else {}
    hint = fields.get("phase_hint")
    if hint in ids:
        return hint, HINT
    persona = fields.get("persona")
    if persona:
        lane = {persona, roles.get(persona)} - {None}
        if found := _only(t.id for t in targets if lane & t.personas):
            return found, LANE
    if found := _only(placed[x] for x in fields.get("addresses") or [] if x in placed):
        return found, ADDRESSES
    if list_name == "touchpoints" and (found := _only(t.id for t in targets if fields.get("channel") in t.channels)):
        return found, CHANNEL
    if list_name == "kpis" and (found := _only(t.id for t in targets if fields.get("metric") in t.metrics)):
        return found, METRIC
    if found := best_by_keywords(entry_text(entry), targets):
        return found, KEYWORD
    return default, DEFAULT


def best_by_keywords(text: str, targets: Sequence[NewPhase]) -> str | None:
    """The target with the most keywords in `text`; None when no keyword matches or the best ones tie."""
    scores = [(sum(1 for k in t.keywords if _pattern(k).search(text)), t.id) for t in targets]
    best = max((score for score, _ in scores), default=0)
    winners = [target for score, target in scores if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _only(candidates: Any) -> str | None:
    found = list(dict.fromkeys(candidates))
    return found[0] if len(found) == 1 else None


@functools.lru_cache(maxsize=1024)  # a pure function of the keyword, returning a compiled pattern (immutable)
def _pattern(keyword: str) -> re.Pattern[str]:
    """ASCII keywords match at the start of a word (`review` matches `reviews`, `use` does not match `because`);
    others (Japanese has no spaces between words) match anywhere."""
    escaped = re.escape(keyword.strip())
    if keyword.isascii():
        return re.compile(r"(?<![A-Za-z0-9])" + escaped, re.IGNORECASE)
    return re.compile(escaped, re.IGNORECASE)
