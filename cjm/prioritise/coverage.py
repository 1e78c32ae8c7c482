"""What a roadmap covers: the phases and pain points each stage addresses, the pain points no initiative
addresses, and whether the journey's emotional low points get fixed.

An initiative addresses the phases it lists, the pain points it lists, the pain points its opportunities
answer (`addresses`), and the phases all of those are in. An emotional low point is a phase's emotion (per
persona lane) below 0. It is addressed in the first stage with an initiative that addresses one of the pain
points of its phase; when the phase lists no pain points, an initiative that addresses the phase counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cjm.core.model import Initiative, Journey, Phase, is_trigger


@dataclass(frozen=True)
class Addressed:
    phases: tuple[str, ...]  # phase ids, in the map's phase order
    pain_points: tuple[str, ...]  # pain point ids, in the map's order


@dataclass(frozen=True)
class PainPoint:
    map_id: str
    phase_id: str
    phase_name: str
    id: str
    text: str
    severity: int | None
    stage: int | None  # the first stage that addresses it; None: no initiative does


@dataclass(frozen=True)
class LowPoint:
    map_id: str
    phase_id: str
    phase_name: str
    score: float
    note: str | None
    persona: str | None
    stage: int | None  # the first stage that addresses its phase's pain points (or phase); None: not addressed
    pain_points: int = 0  # how many pain points its phase lists
    pain_points_addressed: int = 0  # how many of them some initiative addresses


@dataclass(frozen=True)
class StageCoverage:
    stage: int
    initiatives: tuple[tuple[str, str], ...]  # (map id, initiative id), in rank order
    phases: tuple[tuple[str, str], ...]  # (map id, phase id)
    pain_points: tuple[tuple[str, str], ...]  # (map id, pain point id)


@dataclass(frozen=True)
class Coverage:
    stages: tuple[StageCoverage, ...]
    pain_points: tuple[PainPoint, ...]  # every pain point of the maps, in map order
    low_points: tuple[LowPoint, ...]
    phase_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (map id, phase id) -> name

    @property
    def unaddressed(self) -> tuple[PainPoint, ...]:
        """Pain points no initiative addresses, the most severe first."""
        return tuple(sorted((p for p in self.pain_points if p.stage is None), key=lambda p: -(p.severity or 0)))


@dataclass(frozen=True)
class AddressIndex:
    """What an initiative of one journey addresses, looked up in an index of the journey built once
    (`AddressIndex.of`) and passed along: rebuilding it for every initiative made a roadmap take time quadratic
    in the map."""

    pain_phase: dict[str, str]  # pain point id -> phase id
    opportunities: dict[str, tuple[str, list[str]]]  # opportunity id -> (phase id, pain point ids it answers)
    phase_order: dict[str, int]
    pain_order: dict[str, int]

    @classmethod
    def of(cls, journey: Journey) -> AddressIndex:
        pain_phase = {
            item.id: phase.id for phase, item in journey.items() if item.list_name == "pain_points" and item.id
        }
        opportunities = {
            item.id: (phase.id, item.get("addresses", []))
            for phase, item in journey.items()
            if item.list_name == "opportunities" and item.id
        }
        phase_order: dict[str, int] = {}
        for position, phase in enumerate(journey.phases):
            phase_order.setdefault(phase.id, position)
        return cls(pain_phase, opportunities, phase_order, {pain: n for n, pain in enumerate(pain_phase)})

    def addressed(self, initiative: Initiative) -> Addressed:
        pains = set(initiative.pain_points)
        phases = set(initiative.phases)
        for opportunity in initiative.opportunities:
            phase_id, answers = self.opportunities.get(opportunity, (None, []))
            if phase_id:
                phases.add(phase_id)
            pains.update(answers)
        phases.update(self.pain_phase[p] for p in pains if p in self.pain_phase)
        return Addressed(_in_order(phases, self.phase_order), _in_order(pains, self.pain_order))


def _in_order(ids: set[str], order: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted((i for i in ids if i in order), key=order.__getitem__))


def coverage(journeys: Sequence[Journey], placed: Iterable[tuple[str, str, int, Addressed]]) -> Coverage:
    """`placed`: (map id, initiative id, stage, what it addresses) for every initiative, in rank order."""
    by_stage: dict[int, list[tuple[str, str, Addressed]]] = {}
    first_phase: dict[tuple[str, str], int] = {}
    first_pain: dict[tuple[str, str], int] = {}
    for map_id, initiative_id, stage, what in placed:
        by_stage.setdefault(stage, []).append((map_id, initiative_id, what))
    for stage in sorted(by_stage):
        for map_id, _, what in by_stage[stage]:
            for phase_id in what.phases:
                first_phase.setdefault((map_id, phase_id), stage)
            for pain_id in what.pain_points:
                first_pain.setdefault((map_id, pain_id), stage)
    position = {(j.id, phase.id): (m, phase.index) for m, j in enumerate(journeys) for phase in j.phases}
    stages = tuple(_stage_coverage(stage, by_stage[stage], position) for stage in sorted(by_stage))
    pain_points = tuple(
        PainPoint(
            j.id,
            phase.id,
            phase.name,
            item.id or "",
            item.text,
            item.get("severity"),
            first_pain.get((j.id, item.id or "")),
        )
        for j in journeys
        for phase, item in j.items()
        if item.list_name == "pain_points"
    )
    low_points = tuple(
        LowPoint(
            j.id,
            phase.id,
            phase.name,
            emotion.score,
            emotion.note,
            emotion.persona,
            _fixed_in(j.id, phase, first_pain, first_phase),
            len(phase.pain_points),
            sum((j.id, item.id) in first_pain for item in phase.pain_points),
        )
        for j in journeys
        for phase in j.phases
        for emotion in phase.emotions
        if emotion.score < 0 and not is_trigger(phase)
    )
    names = {(j.id, phase.id): phase.name for j in journeys for phase in j.phases}
    return Coverage(stages, pain_points, low_points, names)


def _fixed_in(
    map_id: str, phase: Phase, first_pain: dict[tuple[str, str], int], first_phase: dict[tuple[str, str], int]
) -> int | None:
    pains = [item.id for item in phase.pain_points if item.id]
    if not pains:
        return first_phase.get((map_id, phase.id))
    return min((first_pain[(map_id, p)] for p in pains if (map_id, p) in first_pain), default=None)


def _stage_coverage(
    stage: int, entries: list[tuple[str, str, Addressed]], position: dict[tuple[str, str], tuple[int, int]]
) -> StageCoverage:
    phases: dict[tuple[str, str], None] = {}
    pains: dict[tuple[str, str], None] = {}
    for map_id, _, what in entries:
        phases.update(((map_id, p), None) for p in what.phases)
        pains.update(((map_id, p), None) for p in what.pain_points)
    in_journey_order = tuple(sorted(phases, key=lambda key: position[key]))
    return StageCoverage(stage, tuple((m, i) for m, i, _ in entries), in_journey_order, tuple(pains))
