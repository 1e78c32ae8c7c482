"""What the map says about an initiative beyond its own fields: the urgency it inherits from what depends on it,
the initiatives it unblocks, how much it answers, and how far along the journey it acts (for RICE's reach).

A prerequisite is as urgent as the most urgent initiative waiting for it, directly or through others: an
initiative with urgency 5 cannot start before its prerequisite, so the prerequisite is needed just as soon.

Reach has no field of its own on a map. The map does say where an initiative acts, and customers fall away along
a journey: everyone who reaches a phase passed the phases before it. An initiative therefore reaches the customers
of the earliest phase it addresses. Without analytics cjm assumes the funnel falls evenly along the phases (the first
phase 100%, the last 1/n) and counts reach per 100 customers entering the journey; when some initiatives of the map
carry a `reach` of their own (a count from analytics), their median reach per share of the funnel sets the
journey's audience, so derived and written reaches share a unit.
"""

from __future__ import annotations

import statistics
from collections import deque
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cjm.core.model import Journey
from cjm.prioritise.coverage import AddressIndex
from cjm.prioritise.scoring import SCALE_MIDDLE

K = TypeVar("K", bound=Hashable)
PER_HUNDRED = 100.0  # the audience when no initiative of the map carries a reach
MAX_VIA = 3  # intermediate initiatives named in a long chain


@dataclass(frozen=True)
class Inherited:
    """An urgency taken from a dependent: `value` from `source`, reached through `steps` initiatives in between, the
    nearest of them in `via` (at most `MAX_VIA`)."""

    value: float
    own: float
    own_assumed: bool
    source: str
    via: tuple[str, ...] = ()
    steps: int = 0

    def text(self) -> str:
        more = ", …" if self.steps > len(self.via) else ""
        through = f" through {', '.join(repr(v) for v in self.via)}{more}" if self.via else ""
        return f"inherits urgency {self.value:g} from '{self.source}', which depends on it{through}"


@dataclass(frozen=True)
class Facts:
    """What scoring may use about one initiative besides its own fields."""

    urgency: float  # its own, or the inherited one when higher
    urgency_assumed: bool
    inherited: Inherited | None
    dependents: tuple[str, ...]  # initiatives that list it in depends_on
    pain_points: int  # pain points it addresses (directly or through its opportunities)
    opportunities: int  # opportunities it pursues
    funnel: tuple[int, int, str] | None  # (earliest phase's 0-based position, number of phases, its name)
    audience: float  # customers entering the journey, in the unit of the map's reach
    audience_from: tuple[str, ...]  # initiatives whose written reach set the audience; () = per 100

    @property
    def share(self) -> float | None:
        """The share of the journey's customers who reach the earliest phase it addresses."""
        if self.funnel is None:
            return None
        position, phases, _ = self.funnel
        return (phases - position) / phases


def facts(journey: Journey) -> dict[str, Facts]:
    """The facts of every initiative of the map, by id."""
    initiatives = {i.id: i for i in journey.initiatives}
    dependents: dict[str, list[str]] = {key: [] for key in initiatives}
    for initiative in journey.initiatives:
        for dep in initiative.depends_on:
            if dep in dependents:
                dependents[dep].append(initiative.id)
    own = {key: _own_urgency(i.raw) for key, i in initiatives.items()}
    inherited: dict[str, Inherited | None] = {}
    urgency: dict[str, float] = {}
    for key in dependents_first(list(initiatives), dependents):
        best: Inherited | None = None
        for child in sorted(dependents[key]):
            if child not in urgency:  # a cycle: `cjm validate` reports it, staging refuses it
                continue
            if urgency[child] > (best.value if best else own[key][0]):
                via = inherited[child]
                if via:
                    chain, steps, source = (child, *via.via)[:MAX_VIA], via.steps + 1, via.source
                else:
                    chain, steps, source = (), 0, child
                best = Inherited(urgency[child], own[key][0], own[key][1], source, chain, steps)
        inherited[key] = best
        urgency[key] = best.value if best else own[key][0]

    positions = {phase.id: (n, phase.name) for n, phase in enumerate(journey.phases)}
    funnel: dict[str, tuple[int, int, str] | None] = {}
    counts: dict[str, tuple[int, int]] = {}
    addressing = AddressIndex.of(journey)
    for key, initiative in initiatives.items():
        what = addressing.addressed(initiative)
        places = [positions[p] for p in what.phases if p in positions]
        first = min(places, default=None)
        funnel[key] = (first[0], len(journey.phases), first[1]) if first else None
        counts[key] = (len(what.pain_points), len(initiative.opportunities))
    audience, audience_from = _audience(journey, funnel)

    out = {}
    for key in initiatives:
        found = inherited[key]
        out[key] = Facts(
            urgency=found.value if found else own[key][0],
            urgency_assumed=own[key][1] if found is None else False,
            inherited=found,
            dependents=tuple(dependents[key]),
            pain_points=counts[key][0],
            opportunities=counts[key][1],
            funnel=funnel[key],
            audience=audience,
            audience_from=audience_from,
        )
    return out


def dependents_first(keys: list[K], dependents: Mapping[K, Sequence[K]]) -> list[K]:
    """The keys, each after every key that depends on it (Kahn's algorithm, without recursion: dependency chains
    can be long). Keys caught in a cycle come last, in the order given."""
    waiting = {key: len(set(dependents[key])) for key in keys}
    prerequisites: dict[K, list[K]] = {key: [] for key in keys}
    for key in keys:
        for child in set(dependents[key]):
            prerequisites[child].append(key)
    ready = deque(key for key in keys if not waiting[key])
    out: list[K] = []
    while ready:
        key = ready.popleft()
        out.append(key)
        for parent in prerequisites[key]:
            waiting[parent] -= 1
            if not waiting[parent]:
                ready.append(parent)
    placed = set(out)
    return out + [key for key in keys if key not in placed]


def _own_urgency(raw: dict) -> tuple[float, bool]:
    value = raw.get("urgency")
    return (float(SCALE_MIDDLE), True) if value is None else (float(value), False)


def _audience(journey: Journey, funnel: dict[str, tuple[int, int, str] | None]) -> tuple[float, tuple[str, ...]]:
    """The journey's audience in the unit of its written reach: the median of reach / share over the initiatives
    that carry both; per 100 customers when none does."""
    estimates: list[float] = []
    sources: list[str] = []
    for initiative in journey.initiatives:
        reach, place = initiative.raw.get("reach"), funnel[initiative.id]
        if reach is None or place is None or reach <= 0:
            continue
        position, phases, _ = place
        estimates.append(reach / ((phases - position) / phases))
        sources.append(initiative.id)
    if not estimates:
        return PER_HUNDRED, ()
    return statistics.median(estimates), tuple(sources)


def all_facts(journeys: Sequence[Journey]) -> dict[tuple[str, str], Facts]:
    """`facts` for every initiative of a portfolio, by (map id, initiative id)."""
    return {(j.id, key): value for j in journeys for key, value in facts(j).items()}
