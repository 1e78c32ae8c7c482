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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cjm.prioritise.scoring import SCALE_MIDDLE, scale_value

QUADRANTS: dict[str, str] = {
    "quick_win": "quick win",
    "big_bet": "big bet",
    "fill_in": "fill-in",
    "money_pit": "money pit",
}
STAGES: dict[int, str] = {
    1: "set-and-forget and quick wins",
    2: "strengthen key journey points",
    3: "advanced measures",
    4: "later (beyond capacity)",
}
HEAVY_UPKEEP = 4  # maintenance cost at which a big bet counts as an advanced measure


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
