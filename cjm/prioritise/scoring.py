"""Scoring models: the default weighted model and the RICE, ICE and WSJF presets.

Every model scores one initiative from its own inputs only, normalised against the *declared* bounds of each
scale (1-5, 0-1), never against the other initiatives: adding an initiative never changes another's score.
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
marked `assumed`; a missing `set_and_forget` means false. The presets reproduce their published formulas
exactly and refuse to guess: an initiative without their inputs is an error that names what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cjm.errors import CjmError
from cjm.model import Initiative

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
    the formula shows how the terms combine.
    """

    name: str
    value: Any
    assumed: bool = False
    normalised: float | None = None
    weight: float | None = None
    points: float | None = None
    note: str = ""


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

    def missing(self, initiative: Initiative) -> list[str]:
        """The inputs this model needs that the initiative lacks (always none for the default model)."""
        return [name for name in PRESETS[self.name].required if _lookup(initiative.raw, name) is None]

    def score(self, initiative: Initiative) -> Score:
        missing = self.missing(initiative)
        if missing:
            raise CjmError(f"initiative '{initiative.id}' lacks the {self.name.upper()} inputs {', '.join(missing)}")
        return PRESETS[self.name].compute(initiative.raw, self.weights)


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


def _normalised(raw: Mapping[str, Any], name: str) -> tuple[Any, float, bool, str]:
    """(value as used, value on 0-1, assumed, how it was mapped)."""
    span = SCALE_MAX - SCALE_MIN
    if name in SCALE_INPUTS:
        value, assumed = scale_value(raw, name)
        if name == "maintenance_cost":
            return value, (SCALE_MAX - value) / span, assumed, f"lower is better: ({SCALE_MAX} - v) / {span}"
        return value, (value - SCALE_MIN) / span, assumed, f"(v - {SCALE_MIN}) / {span}"
    if name == "set_and_forget":
        value = bool(raw.get("set_and_forget", False))
        return value, 1.0 if value else 0.0, False, "1 if true, else 0"
    value, assumed = confidence_value(raw)
    return value, value, assumed, "0-1 as it is"


def _weighted(raw: Mapping[str, Any], weights: Mapping[str, float]) -> Score:
    total = sum(weights.values())
    terms = []
    for name, weight in weights.items():
        value, normalised, assumed, note = _normalised(raw, name)
        points = 100 * weight * normalised / total
        terms.append(Term(name, _plain(value), assumed, normalised, weight, points, note))
    value = sum(t.points or 0 for t in terms)
    shown = " + ".join(f"{fmt(t.points or 0)}" for t in terms)
    return Score(value, tuple(terms), f"100 × Σ(weight × normalised) / {fmt(total)} = {shown} = {fmt(value)}")


# --- presets -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    name: str
    formula: str
    required: tuple[str, ...]  # dotted paths into the initiative
    compute: Callable[[Mapping[str, Any], Mapping[str, float]], Score]  # (inputs, weights of the default model)
    source: str


def _lookup(raw: Mapping[str, Any], dotted: str) -> Any:
    node: Any = raw
    for part in dotted.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _rice(raw: Mapping[str, Any], _weights: Mapping[str, float]) -> Score:
    reach, impact, confidence, effort = (_lookup(raw, k) for k in ("reach", "rice.impact", "confidence", "effort"))
    value = reach * impact * confidence / effort
    terms = (
        Term("reach", reach),
        Term("rice.impact", impact),
        Term("confidence", confidence),
        Term("effort", effort, note="person-months"),
    )
    return Score(value, terms, f"{fmt(reach)} × {fmt(impact)} × {fmt(confidence)} / {fmt(effort)} = {fmt(value)}")


def _ice(raw: Mapping[str, Any], _weights: Mapping[str, float]) -> Score:
    impact, confidence, ease = (_lookup(raw, f"ice.{k}") for k in ("impact", "confidence", "ease"))
    value = impact * confidence * ease
    terms = (Term("ice.impact", impact), Term("ice.confidence", confidence), Term("ice.ease", ease))
    return Score(value, terms, f"{fmt(impact)} × {fmt(confidence)} × {fmt(ease)} = {fmt(value)}")


def _wsjf(raw: Mapping[str, Any], _weights: Mapping[str, float]) -> Score:
    value_, time, risk, size = (
        _lookup(raw, f"wsjf.{k}") for k in ("business_value", "time_criticality", "risk_reduction", "job_size")
    )
    cost_of_delay = value_ + time + risk
    value = cost_of_delay / size
    terms = (
        Term("wsjf.business_value", value_),
        Term("wsjf.time_criticality", time),
        Term("wsjf.risk_reduction", risk),
        Term("wsjf.job_size", size),
        Term("cost_of_delay", cost_of_delay, note="business value + time criticality + risk reduction"),
    )
    return Score(
        value,
        terms,
        f"({fmt(value_)} + {fmt(time)} + {fmt(risk)}) / {fmt(size)} = "
        f"{fmt(cost_of_delay)} / {fmt(size)} = {fmt(value)}",
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
        "ICE (Sean Ellis), multiplied as most tools do",
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
    dict.fromkeys([*DEFAULT_WEIGHTS, *(f for p in PRESETS.values() for f in p.required)])
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
