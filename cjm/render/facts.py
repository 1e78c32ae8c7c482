"""What the views read off a journey: its lanes, its emotion curves and low points, and which initiatives
address which phase."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.model import Emotion, Initiative, Item, Journey, Phase
from cjm.render import theme

if TYPE_CHECKING:
    from cjm.prioritise import RankedInitiative, Roadmap

LOW_SCORE = 0.0  # an emotion below this is a low point: the customer feels negative there


@dataclass(frozen=True)
class Lane:
    """A persona's lane (or, with `persona` None, the entries that belong to no persona)."""

    persona: str | None
    name: str
    index: int
    role: str | None = None
    language: str = "en"

    @property
    def colour(self) -> str:
        """The lane's colour; the entries that belong to no persona are drawn in ink."""
        return theme.lane_colour(self.index) if self.persona else theme.INK

    @property
    def tint(self) -> str:
        return theme.lane_tint(self.index) if self.persona else theme.ROW_LABEL_BG

    @property
    def label(self) -> str:
        """The lane as people read it: its persona's role and name (`Receiver — Grandmother, 70`)."""
        return persona_label(self.name, self.role, self.language)


def persona_label(name: str, role: str | None, language: str) -> str:
    """`Receiver — Grandmother, 70` (`受け取る人 — 祖母`), or the name alone when no role is given."""
    if not role:
        return name
    role_text = theme.role_name(role, language)
    return f"{role_text[:1].upper() + role_text[1:]} — {name}" if name else role_text


def lanes(journey: Journey) -> list[Lane]:
    """One lane per persona when the map has several (giver and receiver, user and approver) and some entry
    names its persona, plus a lane for the entries that name none (labelled as such, never as a persona's);
    a single lane otherwise. The single lane is the persona's when the map has exactly one, else nobody's."""
    language = journey.language
    if len(journey.personas) < 2 or not tagged(journey):
        only = journey.personas[0] if len(journey.personas) == 1 else None
        return [Lane(None, only.name if only else "", 0, only.role if only else None, language)]
    found = [Lane(p.id, p.name, i, p.role, language) for i, p in enumerate(journey.personas)]
    return [*found, Lane(None, theme.word("unassigned", language), len(found), None, language)]


def tagged(journey: Journey) -> bool:
    """Whether any item or emotion of the map names its persona."""
    return any(item.persona for _, item in journey.items()) or any(
        emotion.persona for phase in journey.phases for emotion in phase.emotions
    )


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


@dataclass(frozen=True)
class Working:
    """An initiative that works on a phase, with its place in the roadmap when there is one."""

    initiative: Initiative
    ranked: RankedInitiative | None
    on_low_point: bool  # it addresses the phase's pain points (or, with none listed, the phase itself)


def initiatives_by_phase(journey: Journey, roadmap: Roadmap | None) -> dict[str, list[Working]]:
    """For each phase id, the initiatives that address it (as `cjm prioritise` counts it: the phases an
    initiative lists, and the phases of the pain points and opportunities it addresses), best ranked first."""
    from cjm.prioritise.coverage import AddressIndex

    ranked = {r.id: r for r in roadmap.initiatives if r.map_id == journey.id} if roadmap else {}
    order = sorted(journey.initiatives, key=lambda i: ranked[i.id].rank if i.id in ranked else len(ranked))
    found: dict[str, list[Working]] = {phase.id: [] for phase in journey.phases}
    phases = {phase.id: phase for phase in journey.phases}
    addressing = AddressIndex.of(journey)
    for initiative in order:
        what = addressing.addressed(initiative)
        for phase in (phases[phase_id] for phase_id in what.phases):
            pains = {item.id for item in phase.pain_points if item.id}
            on_low = bool(pains & set(what.pain_points)) if pains else True
            found[phase.id].append(Working(initiative, ranked.get(initiative.id), on_low))
    return found


def roadmap_for(journey: Journey) -> Roadmap | None:
    """The map's roadmap with the default scoring model, or None when it cannot be made (its inputs are
    checked by `cjm prioritise`, which says why)."""
    from cjm.core.errors import CjmError
    from cjm.prioritise import prioritise

    if not journey.initiatives:
        return None
    try:
        return prioritise([journey])
    except CjmError:
        return None
