"""Scoring models: the default weighted model and the RICE, ICE and WSJF presets.

Every model scores one initiative from its own inputs, normalised against the *declared* bounds of each scale
(1-5, 0-1), never against the other initiatives, and from what the map says around it (`derive.Facts`): the urgency
it inherits from what depends on it and, for the presets, where on the journey it acts and what it answers.
A score comes with its terms, so `--explain` can show how it was computed, term by term.

The default model (the domain brief's "From map to initiatives"): a weighted mean of six inputs, each mapped
onto 0-1 and scaled to 0-100::

    score = 100 × Σ (weight × normalised input) / Σ weights

    impact            (v - 1) / 4        1-5, higher is better        weight 3
    feasibility       (v - 1) / 4        1-5, higher is easier        weight 2
    urgency           (v - 1) / 4        1-5, higher is sooner        weight 2
    maintenance_cost  (5 - v) / 4        1-5, LOWER is better         weight 1
    set_and_forget    1 if true else 0                                weight 1
    confidence        v                  0-1                          weight 1

A missing 1-5 input counts as the middle of its scale (3) and a missing confidence as 0.5, and the term is
marked `assumed`; a missing `set_and_forget` means false. Urgency is the higher of the initiative's own and the
urgency of every initiative that depends on it.

The presets reproduce their published formulas exactly. Each input written in the map for the preset (`reach`,
`effort`, `rice.impact`, `ice.*`, `wsjf.*`) is used as it is; every other input is derived from the map's own
inputs on a fixed ladder (`LADDERS`) and marked `derived` with how, so any map can be ranked with any preset.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cjm.core.errors import CjmError
from cjm.core.model import Initiative

if TYPE_CHECKING:
    from cjm.prioritise.derive import Facts

SCALE_MIN, SCALE_MAX = 1, 5
SCALE_MIDDLE = 3
CONFIDENCE_MIDDLE = 0.5

# The default model's inputs: name -> (how the input maps onto 0-1, what the value means)
DEFAULT_WEIGHTS: dict[str, float] = {
    "impact": 3.0,
    "feasibility": 2.0,
    "urgency": 2.0,
    "maintenance_cost": 1.0,
    "set_and_forget": 1.0,
    "confidence": 1.0,
}
SCALE_INPUTS = ("impact", "feasibility", "urgency", "maintenance_cost")


@dataclass(frozen=True)
class Term:
    """One input of a score: the value used, whether it was assumed, and what it contributed.

    For the default model `normalised` is the input on 0-1, `weight` its weight and `points` its share of the
    0-100 score (the points add up to the score). For a preset, `normalised`, `weight` and `points` are None:
    the formula shows how the terms combine. `derived` says how a value not written in the map for this input
    was obtained (from which input, on which ladder, or inherited from which initiative); empty when written.
    """

    name: str
    value: Any
    assumed: bool = False
    normalised: float | None = None
    weight: float | None = None
    points: float | None = None
    note: str = ""
    derived: str = ""


@dataclass(frozen=True)
class Score:
    value: float
    terms: tuple[Term, ...]
    formula: str  # the computation with the numbers filled in, e.g. `2000 × 2 × 0.8 / 4 = 800`


@dataclass(frozen=True)
class ScoringModel:
    """How initiatives are scored: `default` (weighted) or a preset (`rice`, `ice`, `wsjf`)."""

    name: str = "default"
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @property
    def description(self) -> str:
        return PRESETS[self.name].formula

    def score(self, initiative: Initiative, facts: Facts) -> Score:
        """The initiative's score; `facts` is what the map says around it (`derive.facts`)."""
        return PRESETS[self.name].compute(initiative.raw, facts, self.weights)


def make_model(name: str = "default", weights: Mapping[str, float] | None = None) -> ScoringModel:
    """A validated scoring model; `weights` override the default model's weights one by one."""
    if name not in PRESETS:
        raise CjmError(f"unknown preset '{name}'; choose one of: {', '.join(PRESETS)}")
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in DEFAULT_WEIGHTS:
            raise CjmError(f"unknown weight '{key}'; the weights are: {', '.join(DEFAULT_WEIGHTS)}")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or value != value:
            raise CjmError(f"weight '{key}' must be a number of 0 or more, not {value!r}")
        merged[key] = float(value)
    if not any(merged.values()):
        raise CjmError("all weights are 0; give at least one input a positive weight")
    if weights and name != "default":
        raise CjmError(f"weights apply to the default model only, not to the {name.upper()} preset")
    return ScoringModel(name, merged)


# --- the default model ---------------------------------------------------------------------------------


def scale_value(raw: Mapping[str, Any], name: str) -> tuple[float, bool]:
    """A 1-5 input and whether it was assumed (missing: the middle of the scale)."""
    value = raw.get(name)
    return (float(SCALE_MIDDLE), True) if value is None else (float(value), False)


def confidence_value(raw: Mapping[str, Any]) -> tuple[float, bool]:
    value = raw.get("confidence")
    return (CONFIDENCE_MIDDLE, True) if value is None else (float(value), False)


def _urgency(facts: Facts) -> tuple[float, bool, str]:
    """The urgency used (inherited when higher than the initiative's own), whether assumed, and how."""
    found = facts.inherited
    if found is None:
        return facts.urgency, facts.urgency_assumed, ""
    own = f"{found.own:g}{' assumed' if found.own_assumed else ''}"
    return facts.urgency, facts.urgency_assumed, f"{found.text()} (own {own})"


def _normalised(raw: Mapping[str, Any], name: str, facts: Facts) -> tuple[Any, float, bool, str, str]:
    """(value as used, value on 0-1, assumed, how it was mapped, how it was derived)."""
    span = SCALE_MAX - SCALE_MIN
    if name in SCALE_INPUTS:
        value, assumed = scale_value(raw, name)
        derived = ""
        if name == "urgency":
            value, assumed, derived = _urgency(facts)
        if name == "maintenance_cost":
            return value, (SCALE_MAX - value) / span, assumed, f"lower is better: ({SCALE_MAX} - v) / {span}", ""
        return value, (value - SCALE_MIN) / span, assumed, f"(v - {SCALE_MIN}) / {span}", derived
    if name == "set_and_forget":
        value = bool(raw.get("set_and_forget", False))
        return value, 1.0 if value else 0.0, False, "1 if true, else 0", ""
    value, assumed = confidence_value(raw)
    return value, value, assumed, "0-1 as it is", ""


def _weighted(raw: Mapping[str, Any], facts: Facts, weights: Mapping[str, float]) -> Score:
    total = sum(weights.values())
    terms = []
    for name, weight in weights.items():
        value, normalised, assumed, note, derived = _normalised(raw, name, facts)
        points = 100 * weight * normalised / total
        terms.append(Term(name, _plain(value), assumed, normalised, weight, points, note, derived))
    value = sum(t.points or 0 for t in terms)
    shown = " + ".join(f"{fmt(t.points or 0)}" for t in terms)
    return Score(value, tuple(terms), f"100 × Σ(weight × normalised) / {fmt(total)} = {shown} = {fmt(value)}")


# --- presets -------------------------------------------------------------------------------------------

# How a preset input is derived from a 1-5 input of the map, value by value.
LADDERS: dict[str, dict[int, float]] = {
    # ICE rates on 1-10: the 1-5 value doubled (5 of 5 is 10 of 10).
    "ice": {1: 2, 2: 4, 3: 6, 4: 8, 5: 10},
    # RICE's own impact scale: minimal 0.25, low 0.5, medium 1, high 2, massive 3.
    "rice_impact": {1: 0.25, 2: 0.5, 3: 1, 4: 2, 5: 3},
    # Person-months from feasibility as T-shirt sizes that double: 5 (easy) XS ... 1 (hard) XL.
    "effort": {5: 0.5, 4: 1, 3: 2, 2: 4, 1: 8},
    # SAFe's relative (modified Fibonacci) scale 1, 2, 3, 5, 8, 13, 20, every other step from 1 to 13.
    "fibonacci": {1: 1, 2: 3, 3: 5, 4: 8, 5: 13},
    # Job size from feasibility on the same steps: the easiest job is the smallest.
    "job_size": {5: 1, 4: 3, 3: 5, 2: 8, 1: 13},
}
# Risk reduction | opportunity enablement from how many things the initiative answers (4 or more: the top step).
ENABLES_LADDER: dict[int, float] = {0: 1, 1: 3, 2: 5, 3: 8, 4: 13}


@dataclass(frozen=True)
class Preset:
    name: str
    formula: str
    inputs: tuple[str, ...]  # dotted paths into the initiative that override the derived values
    compute: Callable[[Mapping[str, Any], Facts, Mapping[str, float]], Score]  # (inputs, facts, default weights)
    source: str


def _lookup(raw: Mapping[str, Any], dotted: str) -> Any:
    node: Any = raw
    for part in dotted.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


@functools.cache  # a pure function of the constant ladders, returning text (immutable)
def _ladder_text(name: str) -> str:
    """`1→1, 2→3, …` for a ladder of LADDERS, or `enables` (ENABLES_LADDER, its top step meaning "or more")."""
    ladder = ENABLES_LADDER if name == "enables" else LADDERS[name]
    top = max(ladder) if name == "enables" else None
    return ", ".join(f"{k}{'+' if k == top else ''}→{fmt(v)}" for k, v in sorted(ladder.items()))


def _written_or(raw: Mapping[str, Any], path: str, derive: Callable[[], Term], note: str = "") -> Term:
    """The preset input as written in the map, or derived from the map's other inputs."""
    value = _lookup(raw, path)
    if value is not None:
        return Term(path, _plain(float(value)) if not isinstance(value, bool) else value, note=note)
    return derive()


def _from_scale(raw: Mapping[str, Any], path: str, source: str, ladder: str, note: str = "") -> Callable[[], Term]:
    def derive() -> Term:
        value, assumed = scale_value(raw, source)
        mapped = LADDERS[ladder][int(value)]
        how = f"from {source} {value:g}{' (assumed)' if assumed else ''} on {_ladder_text(ladder)}"
        return Term(path, _plain(float(mapped)), assumed, note=note, derived=how)

    return derive


def _from_urgency(path: str, facts: Facts) -> Callable[[], Term]:
    def derive() -> Term:
        value, assumed, inherited = _urgency(facts)
        mapped = LADDERS["fibonacci"][int(value)]
        how = f"from urgency {value:g}{' (assumed)' if assumed else ''} on {_ladder_text('fibonacci')}"
        return Term(path, _plain(float(mapped)), assumed, derived=f"{how}; {inherited}" if inherited else how)

    return derive


def _confidence_term(raw: Mapping[str, Any]) -> Term:
    value, assumed = confidence_value(raw)
    return Term("confidence", _plain(value), assumed, note="0-1")


def _reach(raw: Mapping[str, Any], facts: Facts) -> Term:
    def derive() -> Term:
        share = facts.share
        assumed = share is None
        if share is None:
            share = 0.5
            where = "addresses no phase: half the journey's customers assumed"
        else:
            position, phases, name = facts.funnel or (0, 1, "")
            where = f"{round(share * 100):d}% of the customers reach '{name}', phase {position + 1} of {phases}"
        if facts.audience_from:
            unit = (
                f"of an audience of {fmt(facts.audience)}, the median reach per funnel share of "
                f"{', '.join(repr(s) for s in facts.audience_from)}"
            )
        else:
            unit = "per 100 customers entering the journey"
        value = max(1, round(facts.audience * share))
        return Term("reach", value, assumed, note="customers", derived=f"funnel estimate: {where}, {unit}")

    return _written_or(raw, "reach", derive, note="customers per period")


def _rice(raw: Mapping[str, Any], facts: Facts, _weights: Mapping[str, float]) -> Score:
    reach = _reach(raw, facts)
    impact = _written_or(raw, "rice.impact", _from_scale(raw, "rice.impact", "impact", "rice_impact"))
    confidence = _confidence_term(raw)
    effort = _written_or(
        raw, "effort", _from_scale(raw, "effort", "feasibility", "effort", "person-months"), note="person-months"
    )
    r, i, c, e = (float(t.value) for t in (reach, impact, confidence, effort))
    value = r * i * c / e
    return Score(
        value,
        (reach, impact, confidence, effort),
        f"{fmt(r)} × {fmt(i)} × {fmt(c)} / {fmt(e)} = {fmt(value)}",
    )


def _ice(raw: Mapping[str, Any], facts: Facts, _weights: Mapping[str, float]) -> Score:
    def confidence() -> Term:
        value, assumed = confidence_value(raw)
        mapped = min(10.0, max(1.0, round(value * 10, 1)))
        how = f"from confidence {value:g}{' (assumed)' if assumed else ''} × 10 (at least 1)"
        return Term("ice.confidence", _plain(mapped), assumed, derived=how)

    terms = (
        _written_or(raw, "ice.impact", _from_scale(raw, "ice.impact", "impact", "ice")),
        _written_or(raw, "ice.confidence", confidence),
        _written_or(raw, "ice.ease", _from_scale(raw, "ice.ease", "feasibility", "ice")),
    )
    i, c, e = (float(t.value) for t in terms)
    value = i * c * e
    return Score(value, terms, f"{fmt(i)} × {fmt(c)} × {fmt(e)} = {fmt(value)}")


def _wsjf(raw: Mapping[str, Any], facts: Facts, _weights: Mapping[str, float]) -> Score:
    def enables() -> Term:
        count = facts.pain_points + facts.opportunities + len(facts.dependents)
        mapped = ENABLES_LADDER[min(count, max(ENABLES_LADDER))]
        parts = [
            f"{facts.pain_points} pain point{'s' * (facts.pain_points != 1)}",
            f"{facts.opportunities} opportunit{'ies' if facts.opportunities != 1 else 'y'}",
            f"unblocks {len(facts.dependents)}",
        ]
        steps = _ladder_text("enables")
        how = f"from what it answers: {', '.join(parts)} = {count}, on {steps}"
        return Term("wsjf.risk_reduction", _plain(float(mapped)), derived=how)

    value_ = _written_or(raw, "wsjf.business_value", _from_scale(raw, "wsjf.business_value", "impact", "fibonacci"))
    time = _written_or(raw, "wsjf.time_criticality", _from_urgency("wsjf.time_criticality", facts))
    risk = _written_or(raw, "wsjf.risk_reduction", enables)
    size = _written_or(raw, "wsjf.job_size", _from_scale(raw, "wsjf.job_size", "feasibility", "job_size"))
    v, t, r, j = (float(term.value) for term in (value_, time, risk, size))
    cost_of_delay = v + t + r
    value = cost_of_delay / j
    terms = (
        value_,
        time,
        risk,
        size,
        Term("cost_of_delay", _plain(cost_of_delay), note="business value + time criticality + risk reduction"),
    )
    return Score(
        value,
        terms,
        f"({fmt(v)} + {fmt(t)} + {fmt(r)}) / {fmt(j)} = {fmt(cost_of_delay)} / {fmt(j)} = {fmt(value)}",
    )


PRESETS: dict[str, Preset] = {
    "default": Preset(
        "default",
        "100 × Σ(weight × normalised input) / Σ weights",
        (),
        _weighted,
        "cjm's default model over the domain brief's criteria",
    ),
    "rice": Preset(
        "rice",
        "reach × impact × confidence / effort",
        ("reach", "rice.impact", "confidence", "effort"),
        _rice,
        "Intercom's RICE (Sean McBride, 2016)",
    ),
    "ice": Preset(
        "ice",
        "impact × confidence × ease",
        ("ice.impact", "ice.confidence", "ice.ease"),
        _ice,
        "ICE (Sean Ellis), the product convention",
    ),
    "wsjf": Preset(
        "wsjf",
        "(business value + time criticality + risk reduction) / job size",
        ("wsjf.business_value", "wsjf.time_criticality", "wsjf.risk_reduction", "wsjf.job_size"),
        _wsjf,
        "SAFe's Weighted Shortest Job First: cost of delay / job size",
    ),
}


# Every input an initiative may carry for some model, as dotted paths, in the order they are shown.
INPUT_PATHS: tuple[str, ...] = tuple(
    dict.fromkeys([*DEFAULT_WEIGHTS, *(f for p in PRESETS.values() for f in p.inputs)])
)


def _plain(value: float | bool) -> Any:
    """4.0 -> 4, so inputs show as they were written."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def fmt(number: float) -> str:
    """A number as a person writes it: no trailing zeros, at most 2 decimals."""
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
