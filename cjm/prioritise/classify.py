"""Quadrants and the stage an initiative would take on its own, before dependencies and capacity.

The quadrant is the classic impact × ease matrix on the map's 1-5 `impact` and `feasibility`: an input at or
above the middle of its scale (3) counts as high.

    quick_win   high impact, easy          big_bet     high impact, hard
    fill_in     low impact, easy           money_pit   low impact, hard

The stage follows the domain brief's staged roadmap:

    1  set-and-forget measures (unless hard to do) and quick wins: reviews, simple points, FAQ
    2  strengthening key journey points: big bets and fill-ins (search, product images, checkout)
    3  advanced measures: big bets with heavy upkeep (maintenance cost 4-5: personalised
       recommendations, loyalty programme expansion) and money pits, which come last

Whatever its quadrant, an initiative with heavy upkeep (maintenance cost 4-5) and low confidence (below 0.5), both
written in the map, is named `rethink`: it will keep costing while the team doubts it pays back (the domain brief's
"maintenance cost: ongoing effort, update frequency, long-term ROI"). A missing input is not held against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cjm.core.vocabulary import QUADRANT_NAMES, STAGE_NAMES, in_language
from cjm.prioritise.scoring import SCALE_MIDDLE, scale_value

# The English labels; every label in English and Japanese is in cjm.core.vocabulary (the report's and diagrams').
QUADRANTS: dict[str, str] = {key: english for key, (english, _) in QUADRANT_NAMES.items()}
STAGES: dict[int, str] = {stage: english for stage, (english, _) in STAGE_NAMES.items()}
HEAVY_UPKEEP = 4  # maintenance cost at which a big bet counts as an advanced measure
LOW_CONFIDENCE = 0.5  # confidence below which an estimate is more likely wrong than right
RISKS: dict[str, tuple[str, str]] = {"rethink": ("rethink", "要再検討")}


def quadrant_name(key: str, language: str = "en") -> str:
    return in_language(QUADRANT_NAMES[key], language)


def stage_name(stage: int, language: str = "en") -> str:
    return in_language(STAGE_NAMES[stage], language)


def risk_name(key: str, language: str = "en") -> str:
    return in_language(RISKS[key], language)


def risk(raw: Mapping[str, Any]) -> tuple[str | None, str]:
    """`("rethink", why)` for heavy upkeep with low confidence, both written in the map; else `(None, "")`."""
    upkeep, confidence = raw.get("maintenance_cost"), raw.get("confidence")
    if upkeep is None or confidence is None or upkeep < HEAVY_UPKEEP or confidence >= LOW_CONFIDENCE:
        return None, ""
    return "rethink", (
        f"heavy upkeep (maintenance cost {upkeep} ≥ {HEAVY_UPKEEP}) and low confidence ({confidence:g} < "
        f"{LOW_CONFIDENCE:g}): it keeps costing while its return is unsure; rethink or test it small first"
    )


def quadrant(raw: Mapping[str, Any]) -> tuple[str, str]:
    """The quadrant key and why."""
    impact, impact_assumed = scale_value(raw, "impact")
    feasibility, feasibility_assumed = scale_value(raw, "feasibility")
    high, easy = impact >= SCALE_MIDDLE, feasibility >= SCALE_MIDDLE
    key = {(True, True): "quick_win", (True, False): "big_bet", (False, True): "fill_in", (False, False): "money_pit"}[
        (high, easy)
    ]
    why = (
        f"impact {_show(impact, impact_assumed)} {'≥' if high else '<'} {SCALE_MIDDLE}, "
        f"feasibility {_show(feasibility, feasibility_assumed)} {'≥' if easy else '<'} {SCALE_MIDDLE}"
    )
    return key, why


def natural_stage(raw: Mapping[str, Any], quadrant_key: str) -> tuple[int, str]:
    """The stage an initiative takes on its own merits, and why."""
    feasibility, _ = scale_value(raw, "feasibility")
    if raw.get("set_and_forget") and feasibility >= SCALE_MIDDLE:
        return 1, "set-and-forget"
    if quadrant_key == "quick_win":
        return 1, "quick win"
    if quadrant_key == "big_bet":
        upkeep, _ = scale_value(raw, "maintenance_cost")
        if upkeep >= HEAVY_UPKEEP:
            return 3, f"advanced: a big bet with heavy upkeep (maintenance cost {int(upkeep)})"
        return 2, "big bet on a key journey point"
    if quadrant_key == "fill_in":
        return 2, "fill-in"
    return 3, "money pit: last, and worth reconsidering"


def _show(value: float, assumed: bool) -> str:
    return f"{value:g}{' (assumed)' if assumed else ''}"
