"""Prioritise: from a map's initiatives to a ranked, staged roadmap (`cjm prioritise`).

The library works without the command line and never prints. Use it like this::

    from cjm.prioritise import make_model, prioritise
    from cjm.validation.check import check_file

    journey = check_file("samples/apparel.yaml").journey          # None when the map is invalid
    roadmap = prioritise([journey], model=make_model("default"), capacity=3)
    for item in roadmap.initiatives:                               # best first
        print(item.rank, item.ref, item.score, item.quadrant, item.stage)
    for number, label, items in roadmap.stages:                    # the staged roadmap
        ...
    roadmap.coverage.unaddressed                                   # pain points no initiative addresses
    roadmap.find("size-chart").terms                               # how its score was computed

API
---
`prioritise(journeys, model=None, capacity=None) -> Roadmap`
    Scores, ranks, classifies and stages the initiatives of one map or a portfolio (several maps; each
    initiative keeps its map id). `capacity`: initiatives per stage, one number or one per stage (None:
    unlimited). Raises `CjmError` when `check()` finds a problem or dependencies form a cycle.
`check(journeys, model) -> list[Problem]`
    Located problems: errors stop prioritising (two maps of a portfolio with one id, CJM062); a warning says
    the roadmap differs from the map (an initiative pinned before a dependency pinned later, CJM061: the
    dependency order wins).
`make_model(name="default", weights=None) -> ScoringModel`
    `name` is `default`, `rice`, `ice` or `wsjf` (`PRESETS`); `weights` override `DEFAULT_WEIGHTS`.
`settings_from_config(config, preset=None, weights=None, capacity=None)`
    The model and capacity from `[tool.cjm.prioritise]`, with command-line values winning.

`Roadmap`: `model`, `initiatives` (`RankedInitiative`, rank order), `coverage` (`Coverage`), `capacity`,
`maps`; `stages` lists (number, label, initiatives); `stage(n)`; `find("id" or "map-id:id")`.

`RankedInitiative`: `rank`, `map_id`, `id`, `ref` (`map-id:id`), `title`, `score`, `formula`, `terms`
(`Term`: name, value, assumed, normalised, weight, points, note), `quadrant` (`quick_win`, `big_bet`,
`fill_in`, `money_pit`; `QUADRANTS` has the labels), `quadrant_reason`, `stage` (1-3, 4 = later: beyond
capacity; `STAGES` has the labels), `stage_reason`, `pinned`, `depends_on`, `addresses` (phases, pain_points),
`inputs` (the fields as written), `assumed`, `derived` (terms not written in the map: derived or inherited),
`inherited` (the urgency taken from a dependent, `derive.Inherited`), `rank_reason`, `risk` (`"rethink"` for heavy
upkeep with low confidence) and `risk_reason`, `label(language)` (`big bet, rethink`, `大型施策・要再検討`: what a
table or report shows), `source`, `line`.

`Roadmap.language` is `ja` when every map is Japanese; `Roadmap.answered_only_by_risky()` lists the pain points
whose every answer is an initiative to rethink.

`Coverage`: `stages` (`StageCoverage`: stage, initiatives, phases, pain_points as (map id, id) pairs),
`pain_points` (`PainPoint` with the first `stage` that addresses it, None if none), `unaddressed`,
`low_points` (`LowPoint`: a phase's emotion below 0, with the first `stage` that addresses its phase).

Order: score, then impact, urgency, feasibility, maintenance cost (lower first), set-and-forget first,
confidence, map id and id (`TIE_BREAKS`); a prerequisite always ranks just before the best initiative that
depends on it, and inherits its urgency (`derive`). Scores depend on the initiative's own inputs, the declared
scale bounds and, through `derive.Facts`, on what depends on it and (RICE's reach) where it acts on the
journey. The scoring model, quadrants and stages are documented in `scoring`, `classify`, `derive` and
`staging`, and for users in docs/prioritise.md.
"""

from cjm.prioritise.classify import QUADRANTS, STAGES
from cjm.prioritise.coverage import Addressed, Coverage, LowPoint, PainPoint, StageCoverage
from cjm.prioritise.roadmap import TIE_BREAKS, RankedInitiative, Roadmap, check, prioritise
from cjm.prioritise.scoring import DEFAULT_WEIGHTS, PRESETS, ScoringModel, Term, make_model
from cjm.prioritise.settings import settings_from_config

__all__ = [
    "DEFAULT_WEIGHTS",
    "PRESETS",
    "QUADRANTS",
    "STAGES",
    "TIE_BREAKS",
    "Addressed",
    "Coverage",
    "LowPoint",
    "PainPoint",
    "RankedInitiative",
    "Roadmap",
    "ScoringModel",
    "StageCoverage",
    "Term",
    "check",
    "make_model",
    "prioritise",
    "settings_from_config",
]
