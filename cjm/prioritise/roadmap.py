"""From journeys to a ranked, staged roadmap: `prioritise()` and the values it returns."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.core.codes import DUPLICATE_MAP, PIN_CONFLICT
from cjm.core.errors import CjmError
from cjm.core.model import Initiative, Journey
from cjm.core.problem import Problem, Severity
from cjm.prioritise.classify import STAGES, natural_stage, quadrant, quadrant_name, risk, risk_name
from cjm.prioritise.coverage import Addressed, AddressIndex, Coverage, PainPoint, coverage
from cjm.prioritise.derive import Facts, Inherited, all_facts, dependents_first
from cjm.prioritise.scoring import INPUT_PATHS, ScoringModel, Term, confidence_value, fmt, make_model, scale_value
from cjm.prioritise.staging import Node, assign_stages, dependency_order, pin_conflicts

# The fields of an initiative that hold inputs (`rice`, `ice`, `wsjf` are mappings).
INPUT_FIELDS = tuple(dict.fromkeys(path.split(".")[0] for path in INPUT_PATHS))
TIE_BREAKS = (
    "score",
    "impact",
    "urgency",
    "feasibility",
    "maintenance_cost (lower first)",
    "set_and_forget (true first)",
    "confidence",
    "map id",
    "id",
)


@dataclass(frozen=True)
class RankedInitiative:
    """One initiative in the roadmap: where it ranks, its score and how it was computed, its place."""

    rank: int  # 1 = best score
    map_id: str
    id: str
    title: str
    score: float
    formula: str  # the computation with numbers, e.g. `2000 × 2 × 0.8 / 4 = 800`
    terms: tuple[Term, ...]
    quadrant: str  # a key of QUADRANTS
    quadrant_reason: str
    stage: int  # 1-3, or 4 ("later") when capacity pushed it past stage 3
    stage_reason: str
    pinned: bool
    depends_on: tuple[str, ...]
    addresses: Addressed
    inputs: dict[str, Any]  # the initiative's prioritisation fields as written in the map
    assumed: tuple[str, ...]  # inputs the model assumed because the map lacks them
    source: str  # the map file
    line: int
    initiative: Initiative = field(repr=False, compare=False)
    derived: tuple[str, ...] = ()  # terms not written in the map for this model: derived or inherited
    inherited: Inherited | None = None  # the urgency it takes from an initiative that depends on it
    rank_reason: str = ""  # why it ranks above a better-scored initiative (its dependent); empty: by score
    risk: str | None = None  # "rethink": heavy upkeep and low confidence (`classify.risk`)
    risk_reason: str = ""

    @property
    def ref(self) -> str:
        """`map-id:initiative-id`, unique across a portfolio."""
        return f"{self.map_id}:{self.id}"

    def label(self, language: str = "en") -> str:
        """The quadrant and the risk, as a person reads them: `big bet, rethink`, `大型施策・要再検討`."""
        name = quadrant_name(self.quadrant, language)
        if self.risk is None:
            return name
        return f"{name}{'・' if language == 'ja' else ', '}{risk_name(self.risk, language)}"


@dataclass(frozen=True)
class Roadmap:
    model: ScoringModel
    initiatives: tuple[RankedInitiative, ...]  # in rank order
    coverage: Coverage
    capacity: tuple[int | None, ...] | None = None
    maps: tuple[str, ...] = ()  # map ids, in the order given
    language: str = "en"  # "ja" when every map is Japanese: the language of the output

    def answered_only_by_risky(self) -> list[tuple[PainPoint, tuple[RankedInitiative, ...]]]:
        """Pain points whose every answer is a `rethink` initiative, with those initiatives (most severe first)."""
        return list(self._risky_answers)

    @functools.cached_property
    def _risky_answers(self) -> tuple[tuple[PainPoint, tuple[RankedInitiative, ...]], ...]:
        answers: dict[tuple[str, str], list[RankedInitiative]] = {}
        for item in self.initiatives:
            for pain_id in item.addresses.pain_points:
                answers.setdefault((item.map_id, pain_id), []).append(item)
        out = []
        for pain in sorted(self.coverage.pain_points, key=lambda p: -(p.severity or 0)):
            found = answers.get((pain.map_id, pain.id), [])
            if found and all(item.risk for item in found):
                out.append((pain, tuple(found)))
        return tuple(out)

    def risky_in_phase(self, map_id: str, phase_id: str) -> tuple[str, ...]:
        """Ids of the phase's pain points whose every answer is an initiative to rethink."""
        return tuple(pain.id for pain, _ in self._risky_answers if (pain.map_id, pain.phase_id) == (map_id, phase_id))

    def stage(self, number: int) -> tuple[RankedInitiative, ...]:
        return tuple(r for r in self.initiatives if r.stage == number)

    @property
    def stages(self) -> list[tuple[int, str, tuple[RankedInitiative, ...]]]:
        """(stage number, what the stage is, its initiatives in rank order) for every stage in use."""
        used = sorted({r.stage for r in self.initiatives})
        return [(n, STAGES[n], self.stage(n)) for n in used]

    def find(self, ref: str) -> RankedInitiative:
        """The initiative named `id` or `map-id:id`; a usage error when none or several match."""
        map_id, _, initiative_id = ref.rpartition(":")
        found = [r for r in self.initiatives if r.id == initiative_id and (not map_id or r.map_id == map_id)]
        if len(found) == 1:
            return found[0]
        if found:
            raise CjmError(f"'{ref}' is in several maps; name one: {', '.join(r.ref for r in found)}")
        close = difflib.get_close_matches(
            ref, [r.id for r in self.initiatives] + [r.ref for r in self.initiatives], n=1
        )
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise CjmError(f"no initiative '{ref}' in the map{'s' if len(self.maps) > 1 else ''}{hint}")


def check(journeys: Sequence[Journey], model: ScoringModel) -> list[Problem]:
    """What stops these journeys from being prioritised with this model (errors) or makes the roadmap differ from
    what the map says (warnings), located in the maps."""
    problems: list[Problem] = []
    first_source: dict[str, str] = {}
    for journey in journeys:
        doc = journey.document
        if journey.id in first_source:
            problems.append(
                doc.problem(
                    ("id",),
                    DUPLICATE_MAP,
                    f"map id '{journey.id}' is also the id of "
                    f"{first_source[journey.id]}; give each map of a portfolio its own id",
                )
            )
        first_source.setdefault(journey.id, journey.source)
        nodes = _nodes(journey.id, [(i, natural_stage(i.raw, quadrant(i.raw)[0])) for i in journey.initiatives])
        for key, dep in pin_conflicts(nodes):
            index = next(n for n, i in enumerate(journey.initiatives) if i.id == key[1])
            problems.append(
                doc.problem(
                    (*journey.initiatives[index].path, "stage"),
                    PIN_CONFLICT,
                    f"initiative '{key[1]}' is pinned to stage {nodes[key].stage} but depends on '{dep[1]}', pinned to "
                    f"stage {nodes[dep].stage}; it is placed in stage {nodes[dep].stage}, after its dependency: change "
                    "one of the pins",
                    severity=Severity.WARNING,
                )
            )
    return sorted(problems)


def prioritise(
    journeys: Sequence[Journey], model: ScoringModel | None = None, capacity: int | Sequence[int | None] | None = None
) -> Roadmap:
    """Score, rank, classify and stage the initiatives of one map or a portfolio of maps.

    `capacity` is how many initiatives each stage can take: one number for every stage, or one per stage
    (None: unlimited). Raises `CjmError` when `check()` finds an error or the dependencies form a cycle.
    """
    model = model or make_model()
    problems = [p for p in check(journeys, model) if p.severity is Severity.ERROR]
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CjmError(f"{first.file}:{first.line}:{first.col}: {first.message}{more}")
    limits = _capacity(capacity)
    facts = all_facts(journeys)

    scored = {}
    for journey in journeys:
        for initiative in journey.initiatives:
            key = (journey.id, initiative.id)
            score = model.score(initiative, facts[key])
            scored[key] = (_rank_key(journey.id, initiative, score.value, facts[key]), journey, initiative, score)
    ranking, pulled_by = _prerequisites_first(
        {k: v[0] for k, v in scored.items()},
        {k: tuple((k[0], d) for d in v[2].depends_on) for k, v in scored.items()},
    )

    classified = []
    for rank, key in enumerate(ranking):
        _, journey, initiative, score = scored[key]
        quadrant_key, quadrant_why = quadrant(initiative.raw)
        classified.append(
            (rank, journey, initiative, score, quadrant_key, quadrant_why, natural_stage(initiative.raw, quadrant_key))
        )
    nodes = {}
    for rank, journey, initiative, _, _, _, stage in classified:
        nodes.update(_nodes(journey.id, [(initiative, stage)], rank))
    placement = assign_stages(nodes, limits)

    addressing = {journey.id: AddressIndex.of(journey) for journey in journeys}
    ranked = []
    for rank, journey, initiative, score, quadrant_key, quadrant_why, _ in classified:
        key = (journey.id, initiative.id)
        placed, stage_why = placement[key]
        risk_key, risk_why = risk(initiative.raw)
        dependent = pulled_by.get(key)
        ranked.append(
            RankedInitiative(
                rank=rank + 1,
                map_id=journey.id,
                id=initiative.id,
                title=initiative.title,
                score=score.value,
                formula=score.formula,
                terms=score.terms,
                quadrant=quadrant_key,
                quadrant_reason=quadrant_why,
                stage=placed,
                stage_reason=stage_why,
                pinned=initiative["stage"] is not None,
                depends_on=tuple(initiative.depends_on),
                addresses=addressing[journey.id].addressed(initiative),
                inputs={k: initiative.raw[k] for k in INPUT_FIELDS if k in initiative.raw},
                assumed=tuple(t.name for t in score.terms if t.assumed),
                source=journey.source,
                line=journey.document.locate(initiative.path)[0],
                initiative=initiative,
                derived=tuple(t.name for t in score.terms if t.derived),
                inherited=facts[key].inherited,
                rank_reason=(
                    f"ranked before '{dependent[1]}' (score {_score_text(model, scored[dependent][3].value)}), "
                    "which depends on it"
                    if dependent
                    else ""
                ),
                risk=risk_key,
                risk_reason=risk_why,
            )
        )
    cover = coverage(journeys, ((r.map_id, r.id, r.stage, r.addresses) for r in ranked))
    language = "ja" if journeys and all(j.language == "ja" for j in journeys) else "en"
    return Roadmap(model, tuple(ranked), cover, limits, tuple(j.id for j in journeys), language)


def _prerequisites_first(
    keys: dict[tuple[str, str], tuple[Any, ...]], depends_on: dict[tuple[str, str], tuple[tuple[str, str], ...]]
) -> tuple[list[tuple[str, str]], dict[tuple[str, str], tuple[str, str]]]:
    """The ranking: best rank key first, except that a prerequisite ranks just before the best initiative that
    depends on it (directly or through others), so no initiative ever ranks above one it depends on. Returns the
    keys in rank order and, for each prerequisite ranked above its own merit, the dependent that pulled it up."""
    dependents: dict[tuple[str, str], list[tuple[str, str]]] = {key: [] for key in keys}
    for key, deps in depends_on.items():
        for dep in deps:
            if dep in dependents:
                dependents[dep].append(key)
    best: dict[tuple[str, str], tuple[tuple[Any, ...], tuple[str, str] | None]] = {}
    for key in dependents_first(list(keys), dependents):
        found: tuple[tuple[Any, ...], tuple[str, str] | None] = (keys[key], None)
        for child in dependents[key]:
            if child in best and best[child][0] < found[0]:  # not yet in best: a cycle, which staging reports
                found = (best[child][0], best[child][1] or child)
        best[key] = found
    by_merit = sorted(keys, key=lambda k: (best[k][0], keys[k]))
    nodes = {key: Node(key, f"'{key[1]}'", 1, "", False, depends_on[key], n) for n, key in enumerate(by_merit)}
    pulled = {key: source for key, (_, source) in best.items() if source is not None}
    return dependency_order(nodes), pulled


def _score_text(model: ScoringModel, value: float) -> str:
    return f"{value:.1f}" if model.name == "default" else fmt(value)


def _rank_key(map_id: str, initiative: Initiative, score: float, facts: Facts) -> tuple[Any, ...]:
    """Best first; ties broken by TIE_BREAKS (urgency as inherited). Scores are compared to 9 decimals, so that
    sums computed in a different order still tie."""
    raw = initiative.raw
    impact, feasibility, upkeep = (scale_value(raw, k)[0] for k in ("impact", "feasibility", "maintenance_cost"))
    urgency = facts.urgency
    return (
        -round(score, 9),
        -impact,
        -urgency,
        -feasibility,
        upkeep,
        not raw.get("set_and_forget", False),
        -confidence_value(raw)[0],
        map_id,
        initiative.id,
    )


def _nodes(map_id: str, entries: list[tuple[Initiative, tuple[int, str]]], order: int = 0) -> dict[Any, Node]:
    out = {}
    for offset, (initiative, (stage, why)) in enumerate(entries):
        pin = initiative["stage"]
        out[(map_id, initiative.id)] = Node(
            (map_id, initiative.id),
            f"'{initiative.id}'",
            pin or stage,
            "pinned in the map" if pin else why,
            pin is not None,
            tuple((map_id, d) for d in initiative.depends_on),
            order + offset,
        )
    return out


def _capacity(capacity: int | Sequence[int | None] | None) -> tuple[int | None, ...] | None:
    if capacity is None:
        return None
    limits = (capacity,) * 3 if isinstance(capacity, int) else tuple(capacity)
    if len(limits) > 3:
        raise CjmError(f"capacity has {len(limits)} stages; the roadmap has 3")
    for limit in limits:
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise CjmError(f"a stage's capacity must be a whole number of 1 or more, not {limit!r}")
    return limits


__all__ = ["Roadmap", "RankedInitiative", "check", "prioritise"]
