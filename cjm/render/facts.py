"""What the views read off a journey: its lanes, its emotion curves and low points, and which initiatives
address which phase."""

from __future__ import annotations

from dataclasses import dataclass

from cjm.model import Emotion, Initiative, Item, Journey, Phase

LOW_SCORE = 0.0  # an emotion below this is a low point: the customer feels negative there


@dataclass(frozen=True)
class Lane:
    """A persona's lane (or, with `persona` None, the entries that belong to no persona)."""

    persona: str | None
    name: str
    index: int  # for its colour


def lanes(journey: Journey) -> list[Lane]:
    """One lane per persona when the map has several (giver and receiver, user and approver), plus a lane for
    entries that name no persona; a single lane otherwise."""
    if len(journey.personas) < 2:
        name = journey.personas[0].name if journey.personas else ""
        return [Lane(None, name, 0)]
    found = [Lane(p.id, p.name, i) for i, p in enumerate(journey.personas)]
    return [*found, Lane(None, "", len(found))]


def in_lane(persona: str | None, lane: Lane, single: bool) -> bool:
    return single or persona == lane.persona


def lane_items(phase: Phase, list_name: str, lane: Lane, single: bool) -> list[Item]:
    return [item for item in phase.items[list_name] if in_lane(item.persona, lane, single)]


def lane_emotion(phase: Phase, lane: Lane, single: bool) -> Emotion | None:
    """The lane's emotion in a phase; in a single-lane map, the phase's mean over whatever was given."""
    if single:
        if not phase.emotions:
            return None
        if len(phase.emotions) == 1:
            return phase.emotions[0]
        notes = [e.note for e in phase.emotions if e.note]
        return Emotion(phase.emotion_score or 0.0, phase.path, " / ".join(notes) or None)
    return next((e for e in phase.emotions if e.persona == lane.persona), None)


@dataclass(frozen=True)
class CurvePoint:
    phase_index: int
    score: float
    note: str | None

    @property
    def low(self) -> bool:
        return self.score < LOW_SCORE


def curves(journey: Journey) -> list[tuple[Lane, list[CurvePoint]]]:
    """The emotion curve of each lane that has one, in phase order."""
    all_lanes = lanes(journey)
    single = len(all_lanes) == 1
    found = []
    for lane in all_lanes:
        points = []
        for phase in journey.phases:
            emotion = lane_emotion(phase, lane, single)
            if emotion is not None:
                points.append(CurvePoint(phase.index, float(emotion.score), emotion.note))
        if points:
            found.append((lane, points))
    return found


def initiatives_for_phase(journey: Journey, phase: Phase) -> list[Initiative]:
    """Initiatives that work on a phase: those that name it, or address one of its pain points, or pursue one of
    its opportunities. In map order."""
    pains = {item.id for item in phase.pain_points if item.id}
    opportunities = {item.id for item in phase.opportunities if item.id}
    return [i for i in journey.initiatives
            if phase.id in i.phases or pains & set(i.pain_points) or opportunities & set(i.opportunities)]


def addressed_pain_points(journey: Journey) -> set[str]:
    """Ids of pain points some initiative addresses, directly or through an opportunity it pursues."""
    answered_by_opportunity: dict[str, set[str]] = {}
    for phase in journey.phases:
        for item in phase.opportunities:
            if item.id:
                answered_by_opportunity[item.id] = set(item.get("addresses", []))
    addressed: set[str] = set()
    for initiative in journey.initiatives:
        addressed.update(initiative.pain_points)
        for opportunity in initiative.opportunities:
            addressed.update(answered_by_opportunity.get(opportunity, set()))
    return addressed


def unaddressed_pain_points(journey: Journey) -> list[tuple[Phase, Item]]:
    addressed = addressed_pain_points(journey)
    return [(phase, item) for phase in journey.phases for item in phase.pain_points if item.id not in addressed]
