"""The prioritise library: scores pinned to hand-computed values, the presets against published worked examples,
tie-breaks, quadrants, staging (pins, dependencies, capacity) and coverage."""

from __future__ import annotations

import random
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.core.errors import CjmError
from cjm.core.model import Journey
from cjm.prioritise import Roadmap, check, make_model, prioritise
from cjm.prioritise.staging import Node, assign_stages
from cjm.validation.check import check_text


def journey(
    initiatives: list[dict[str, Any]],
    map_id: str = "shop",
    phases: list[dict[str, Any]] | None = None,
) -> Journey:
    """A valid map with these initiatives (and, unless given, one phase per standard kind)."""
    data = {
        "cjm": 1,
        "id": map_id,
        "title": "Shop",
        "phases": phases
        or [{"id": kind, "name": kind.title(), "kind": kind} for kind in ("awareness", "consideration", "purchase")],
        "initiatives": initiatives,
    }
    result = check_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), f"{map_id}.yaml")
    assert result.journey is not None, result.problems
    return result.journey


def scores(roadmap: Roadmap) -> dict[str, float]:
    return {r.id: r.score for r in roadmap.initiatives}


def order(roadmap: Roadmap) -> list[str]:
    return [r.id for r in roadmap.initiatives]


def stages(roadmap: Roadmap) -> dict[str, int]:
    return {r.id: r.stage for r in roadmap.initiatives}


# --- the default model ------------------------------------------------------------------------------------


def test_default_model_score_by_hand() -> None:
    # weights 3/2/2/1/1/1 (sum 10): impact 4 -> 0.75*3, feasibility 5 -> 1*2, urgency 4 -> 0.75*2,
    # maintenance 1 -> (5-1)/4 = 1 * 1, set-and-forget 1 * 1, confidence 0.8 * 1  => 8.55 / 10 * 100
    roadmap = prioritise(
        [
            journey(
                [
                    {
                        "id": "reviews",
                        "title": "Reviews",
                        "impact": 4,
                        "feasibility": 5,
                        "urgency": 4,
                        "maintenance_cost": 1,
                        "set_and_forget": True,
                        "confidence": 0.8,
                    }
                ]
            )
        ]
    )
    item = roadmap.initiatives[0]
    assert item.score == pytest.approx(85.5)
    assert sum(t.points for t in item.terms) == pytest.approx(item.score)
    assert item.assumed == ()


def test_missing_inputs_take_the_middle_of_their_scale_and_are_marked() -> None:
    # impact 3 -> 0.5*3, feasibility 0.5*2, urgency 0.5*2, maintenance 3 -> 0.5*1, not set-and-forget, confidence 0.5
    item = prioritise([journey([{"id": "bare", "title": "Only a title"}])]).initiatives[0]
    assert item.score == pytest.approx(45.0)
    assert set(item.assumed) == {"impact", "feasibility", "urgency", "maintenance_cost", "confidence"}


def test_maintenance_cost_lower_is_better() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "light", "title": "L", "maintenance_cost": 1},
                    {"id": "heavy", "title": "H", "maintenance_cost": 5},
                ]
            )
        ]
    )
    assert scores(roadmap)["light"] - scores(roadmap)["heavy"] == pytest.approx(10.0)  # weight 1 of 10, full span


def test_weights_change_the_score() -> None:
    only_impact = make_model(
        "default",
        {"impact": 1, "feasibility": 0, "urgency": 0, "maintenance_cost": 0, "set_and_forget": 0, "confidence": 0},
    )
    roadmap = prioritise([journey([{"id": "a", "title": "A", "impact": 2, "feasibility": 5}])], only_impact)
    assert roadmap.initiatives[0].score == pytest.approx(25.0)  # (2-1)/4


@pytest.mark.parametrize(
    "weights",
    [
        {"impact": -1},
        {"reach": 2},
        {"impact": True},
        dict.fromkeys(("impact", "feasibility", "urgency", "maintenance_cost", "set_and_forget", "confidence"), 0),
    ],
)
def test_bad_weights_are_usage_errors(weights: dict[str, Any]) -> None:
    with pytest.raises(CjmError):
        make_model("default", weights)


# --- presets against published worked examples -------------------------------------------------------------


def test_rice_published_example() -> None:
    # The worked example in timeclick-software/awesome-time-tracking, details/rice-framework.md ("Feature A"), and
    # the formula of Intercom's "RICE: Simple prioritization for product managers" (Sean McBride):
    # reach 2,000 customers/quarter, impact 2 (high), confidence 80%, effort 4 person-months -> 2000*2*0.8/4 = 800.
    item = prioritise(
        [
            journey(
                [
                    {
                        "id": "feature-a",
                        "title": "Feature A",
                        "reach": 2000,
                        "rice": {"impact": 2},
                        "confidence": 0.8,
                        "effort": 4,
                    }
                ]
            )
        ],
        make_model("rice"),
    ).initiatives[0]
    assert item.score == pytest.approx(800)
    assert "2000 × 2 × 0.8 / 4 = 800" in item.formula


def test_rice_intercom_projects_rank_by_hand_computed_scores() -> None:
    # Intercom's article scores three example projects: 450 reach x 3 x 100% / 2 = 675; 2,000 x 1 x 80% / 4 = 400;
    # 800 x 2 x 50% / 1 = 800.
    roadmap = prioritise(
        [
            journey(
                [
                    {
                        "id": "project-1",
                        "title": "P1",
                        "reach": 450,
                        "rice": {"impact": 3},
                        "confidence": 1.0,
                        "effort": 2,
                    },
                    {
                        "id": "project-2",
                        "title": "P2",
                        "reach": 2000,
                        "rice": {"impact": 1},
                        "confidence": 0.8,
                        "effort": 4,
                    },
                    {
                        "id": "project-3",
                        "title": "P3",
                        "reach": 800,
                        "rice": {"impact": 2},
                        "confidence": 0.5,
                        "effort": 1,
                    },
                ]
            )
        ],
        make_model("rice"),
    )
    assert scores(roadmap) == pytest.approx({"project-1": 675, "project-2": 400, "project-3": 800})
    assert order(roadmap) == ["project-3", "project-1", "project-2"]


def test_ice_published_example() -> None:
    # Retrospective Lab's ICE calculator example: impact 8, confidence 7, ease 6 -> 336; 9 x 4 x 2 -> 72.
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "onboarding-email", "title": "A", "ice": {"impact": 8, "confidence": 7, "ease": 6}},
                    {"id": "dashboard", "title": "B", "ice": {"impact": 9, "confidence": 4, "ease": 2}},
                ]
            )
        ],
        make_model("ice"),
    )
    assert scores(roadmap) == pytest.approx({"onboarding-email": 336, "dashboard": 72})


def test_wsjf_safe_definition() -> None:
    # SAFe: WSJF = cost of delay / job size, cost of delay = user-business value + time criticality + risk
    # reduction | opportunity enablement. Jason Yip's example cost of delay: 1 + 3 + 5 = 9; with job size 3 -> 3.
    # The shorter job wins over the bigger one with more value: (3+5+2)/2 = 5 beats (8+8+5)/13 = 1.615...
    roadmap = prioritise(
        [
            journey(
                [
                    {
                        "id": "yip",
                        "title": "Y",
                        "wsjf": {"business_value": 1, "time_criticality": 3, "risk_reduction": 5, "job_size": 3},
                    },
                    {
                        "id": "big",
                        "title": "B",
                        "wsjf": {"business_value": 8, "time_criticality": 8, "risk_reduction": 5, "job_size": 13},
                    },
                    {
                        "id": "small",
                        "title": "S",
                        "wsjf": {"business_value": 3, "time_criticality": 5, "risk_reduction": 2, "job_size": 2},
                    },
                ]
            )
        ],
        make_model("wsjf"),
    )
    assert scores(roadmap) == pytest.approx({"yip": 3, "big": 21 / 13, "small": 5})
    assert order(roadmap) == ["small", "yip", "big"]
    cost_of_delay = next(t for t in roadmap.find("yip").terms if t.name == "cost_of_delay")
    assert cost_of_delay.value == 9


PAINED_PHASES = [
    {"id": "awareness", "name": "Awareness", "kind": "awareness"},
    {
        "id": "consideration",
        "name": "Consideration",
        "kind": "consideration",
        "pain_points": [{"id": "size", "text": "Size worries", "severity": 4}],
        "opportunities": [{"id": "size-info", "text": "Show sizes", "addresses": ["size"]}],
    },
    {"id": "purchase", "name": "Purchase", "kind": "purchase"},
    {"id": "retention", "name": "Retention", "kind": "retention"},
]
MAP_INPUTS = {"impact": 4, "feasibility": 4, "urgency": 5, "maintenance_cost": 2, "confidence": 0.7}


def terms(item: Any) -> dict[str, Any]:
    return {t.name: t.value for t in item.terms}


def test_every_preset_derives_its_inputs_from_the_map() -> None:
    # The initiative pursues size-info (answering the pain point `size`) in consideration, phase 2 of 4.
    journeys = [
        journey(
            [{"id": "sizes", "title": "Size chart", "opportunities": ["size-info"], **MAP_INPUTS}],
            phases=PAINED_PHASES,
        )
    ]
    assert check(journeys, make_model("rice")) == []
    ice = prioritise(journeys, make_model("ice")).initiatives[0]
    # impact 4 and feasibility 4 doubled onto 1-10, confidence 0.7 x 10: 8 x 7 x 8
    assert terms(ice) == {"ice.impact": 8, "ice.confidence": 7, "ice.ease": 8}
    assert ice.score == pytest.approx(448)
    assert set(ice.derived) == {"ice.impact", "ice.confidence", "ice.ease"} and ice.assumed == ()
    rice = prioritise(journeys, make_model("rice")).initiatives[0]
    # reach: 3 of 4 phases from consideration on, per 100 customers -> 75; impact 4 -> 2 (high); feasibility 4 ->
    # 1 person-month: 75 x 2 x 0.7 / 1
    assert terms(rice) == {"reach": 75, "rice.impact": 2, "confidence": 0.7, "effort": 1}
    assert rice.score == pytest.approx(105)
    assert set(rice.derived) == {"reach", "rice.impact", "effort"}
    wsjf = prioritise(journeys, make_model("wsjf")).initiatives[0]
    # business value impact 4 -> 8; time criticality urgency 5 -> 13; risk reduction: 1 pain point + 1 opportunity
    # -> 5; job size feasibility 4 -> 3: (8 + 13 + 5) / 3
    assert terms(wsjf)["cost_of_delay"] == 26
    assert wsjf.score == pytest.approx(26 / 3)
    assert "1 pain point, 1 opportunity, unblocks 0" in next(t.derived for t in wsjf.terms if "risk" in t.name)


def test_written_preset_inputs_override_one_by_one() -> None:
    item = {"id": "a", "title": "A", **MAP_INPUTS, "ice": {"impact": 9}, "wsjf": {"job_size": 20}, "effort": 3}
    ice = prioritise([journey([item])], make_model("ice")).initiatives[0]
    assert terms(ice) == {"ice.impact": 9, "ice.confidence": 7, "ice.ease": 8}
    assert set(ice.derived) == {"ice.confidence", "ice.ease"}
    assert prioritise([journey([item])], make_model("wsjf")).initiatives[0].terms[3].value == 20
    rice = prioritise([journey([item])], make_model("rice")).initiatives[0]
    assert terms(rice)["effort"] == 3 and "effort" not in rice.derived


def test_missing_map_inputs_are_assumed_before_they_are_derived() -> None:
    item = prioritise([journey([{"id": "bare", "title": "Bare"}])], make_model("ice")).initiatives[0]
    assert terms(item) == {"ice.impact": 6, "ice.confidence": 5, "ice.ease": 6}
    assert set(item.assumed) == {"ice.impact", "ice.confidence", "ice.ease"}


def test_rice_reach_follows_the_funnel_and_takes_the_unit_of_written_reach() -> None:
    phases = [{"id": f"p{n}", "name": f"P{n}", "kind": "custom"} for n in range(4)]
    # `top` acts in the first phase and carries a reach of 2,000: the audience is 2,000 (2,000 / 100%).
    items = [
        {"id": "top", "title": "T", "phases": ["p0"], "reach": 2000},
        {"id": "late", "title": "L", "phases": ["p3", "p2"]},  # from p2 on: half the customers
        {"id": "nowhere", "title": "N"},  # addresses no phase: half, assumed
    ]
    roadmap = prioritise([journey(items, phases=phases)], make_model("rice"))
    reach = {r.id: terms(r)["reach"] for r in roadmap.initiatives}
    assert reach == {"top": 2000, "late": 1000, "nowhere": 1000}
    assert "reach" in roadmap.find("nowhere").assumed and "reach" not in roadmap.find("late").assumed
    alone = prioritise([journey(items[1:], phases=phases)], make_model("rice"))
    assert terms(alone.find("late"))["reach"] == 50  # no written reach: per 100 customers


def test_weights_do_not_apply_to_presets() -> None:
    with pytest.raises(CjmError, match="default model only"):
        make_model("rice", {"impact": 2})


# --- invariants --------------------------------------------------------------------------------------------

initiative_inputs = st.fixed_dictionaries(
    {},
    optional={
        "impact": st.integers(1, 5),
        "feasibility": st.integers(1, 5),
        "urgency": st.integers(1, 5),
        "maintenance_cost": st.integers(1, 5),
        "set_and_forget": st.booleans(),
        "confidence": st.floats(0, 1, allow_nan=False).map(lambda v: round(v, 2)),
    },
)


@settings(max_examples=40, deadline=None)
@given(st.lists(initiative_inputs, min_size=1, max_size=6), initiative_inputs, st.randoms(use_true_random=False))
def test_scores_are_independent_and_order_is_deterministic(
    inputs: list[dict[str, Any]], extra: dict[str, Any], shuffle: random.Random
) -> None:
    items = [{"id": f"i{n}", "title": f"I{n}", **values} for n, values in enumerate(inputs)]
    base = prioritise([journey(items)])
    assert all(0 <= s <= 100 for s in scores(base).values())
    # Adding an initiative never changes another's score.
    grown = prioritise([journey([*items, {"id": "added", "title": "Added", **extra}])])
    assert {k: v for k, v in scores(grown).items() if k != "added"} == scores(base)
    # The order does not depend on the order of the map.
    shuffled = items[:]
    shuffle.shuffle(shuffled)
    assert order(prioritise([journey(shuffled)])) == order(base)
    # Scores never increase down the ranking.
    ranked = [r.score for r in base.initiatives]
    assert ranked == sorted(ranked, reverse=True)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(initiative_inputs, min_size=1, max_size=8),
    st.integers(1, 3),
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=6),
)
def test_dependencies_never_land_before_what_they_depend_on(
    inputs: list[dict[str, Any]], limit: int, edges: list[tuple[int, int]]
) -> None:
    items = [{"id": f"i{n}", "title": f"I{n}", **values} for n, values in enumerate(inputs)]
    # Only edges from later to earlier items, so there is never a cycle.
    for later, earlier in edges:
        if earlier < later < len(items):
            items[later].setdefault("depends_on", [])
            if f"i{earlier}" not in items[later]["depends_on"]:
                items[later]["depends_on"].append(f"i{earlier}")
    roadmap = prioritise([journey(items)], capacity=limit)
    placed = stages(roadmap)
    for item in items:
        for dep in item.get("depends_on", []):
            assert placed[item["id"]] >= placed[dep]
    for number in (1, 2, 3):
        assert len(roadmap.stage(number)) <= limit


# --- tie-breaks --------------------------------------------------------------------------------------------

ZERO = {"impact": 0, "feasibility": 0, "urgency": 0, "maintenance_cost": 0, "set_and_forget": 0, "confidence": 0}


def test_equal_scores_break_on_impact_then_urgency_then_id() -> None:
    model = make_model("default", {**ZERO, "impact": 1, "feasibility": 1})
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "a-easy", "title": "A", "impact": 1, "feasibility": 5},  # 50
                    {"id": "b-impact", "title": "B", "impact": 5, "feasibility": 1},  # 50, higher impact
                    {"id": "d-same", "title": "D", "impact": 3, "feasibility": 3, "urgency": 2},  # 50
                    {
                        "id": "c-urgent",
                        "title": "C",
                        "impact": 3,
                        "feasibility": 3,
                        "urgency": 5,
                    },  # 50, same impact, more urgent
                    {
                        "id": "f-twin",
                        "title": "F",
                        "impact": 3,
                        "feasibility": 3,
                        "urgency": 2,
                    },  # ties d-same on everything
                ]
            )
        ],
        model,
    )
    assert len(set(scores(roadmap).values())) == 1
    assert order(roadmap) == ["b-impact", "c-urgent", "d-same", "f-twin", "a-easy"]


def test_portfolio_ties_break_on_map_id() -> None:
    same = {"title": "T", "impact": 4, "feasibility": 4}
    roadmap = prioritise([journey([{"id": "x", **same}], "zeta"), journey([{"id": "x", **same}], "alpha")])
    assert [r.ref for r in roadmap.initiatives] == ["alpha:x", "zeta:x"]


# --- quadrants and stages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("impact", "feasibility", "quadrant"),
    [(5, 5, "quick_win"), (3, 3, "quick_win"), (4, 2, "big_bet"), (2, 4, "fill_in"), (1, 1, "money_pit")],
)
def test_quadrants(impact: int, feasibility: int, quadrant: str) -> None:
    item = prioritise([journey([{"id": "x", "title": "X", "impact": impact, "feasibility": feasibility}])])
    assert item.initiatives[0].quadrant == quadrant


def test_natural_stages_follow_the_domain_brief() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "faq", "title": "FAQ", "impact": 2, "feasibility": 5, "set_and_forget": True},
                    {"id": "size-chart", "title": "Size chart", "impact": 5, "feasibility": 4},
                    {
                        "id": "hard-auto",
                        "title": "Hard automation",
                        "impact": 2,
                        "feasibility": 2,
                        "set_and_forget": True,
                    },
                    {"id": "checkout", "title": "Checkout", "impact": 4, "feasibility": 2, "maintenance_cost": 2},
                    {
                        "id": "personalise",
                        "title": "Recommendations",
                        "impact": 4,
                        "feasibility": 1,
                        "maintenance_cost": 5,
                    },
                    {"id": "tv", "title": "TV", "impact": 1, "feasibility": 1},
                ]
            )
        ]
    )
    assert stages(roadmap) == {"faq": 1, "size-chart": 1, "hard-auto": 3, "checkout": 2, "personalise": 3, "tv": 3}


def test_pinned_stage_wins() -> None:
    roadmap = prioritise([journey([{"id": "quick", "title": "Q", "impact": 5, "feasibility": 5, "stage": 3}])])
    assert roadmap.initiatives[0].stage == 3
    assert roadmap.initiatives[0].pinned


def test_an_initiative_moves_after_what_it_depends_on() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {
                        "id": "recs",
                        "title": "Recommendations",
                        "impact": 5,
                        "feasibility": 1,
                        "maintenance_cost": 5,
                    },  # 3
                    {
                        "id": "recs-email",
                        "title": "Recommendation email",
                        "impact": 4,
                        "feasibility": 4,  # quick win
                        "depends_on": ["recs"],
                    },
                ]
            )
        ]
    )
    assert stages(roadmap) == {"recs": 3, "recs-email": 3}
    assert "after 'recs'" in roadmap.find("recs-email").stage_reason


def test_a_pinned_initiative_pulls_its_dependencies_earlier() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "data", "title": "Customer data", "impact": 2, "feasibility": 1},  # money pit: 3
                    {"id": "base", "title": "Tracking", "impact": 2, "feasibility": 2, "depends_on": ["data"]},  # 3
                    {"id": "launch", "title": "Launch", "stage": 1, "depends_on": ["base"]},
                ]
            )
        ],
        capacity=1,
    )
    assert stages(roadmap) == {"data": 1, "base": 1, "launch": 1}  # held: capacity does not move them
    assert "needed by 'launch'" in roadmap.find("base").stage_reason


def test_conflicting_pins_warn_and_the_dependency_still_comes_first() -> None:
    journeys = [
        journey([{"id": "a", "title": "A", "stage": 1, "depends_on": ["b"]}, {"id": "b", "title": "B", "stage": 2}])
    ]
    problems = check(journeys, make_model())
    assert [(p.code, p.severity.value) for p in problems] == [("CJM061", "warning")]
    assert "'a' is pinned to stage 1" in problems[0].message and problems[0].line > 1
    roadmap = prioritise(journeys)
    assert stages(roadmap) == {"a": 2, "b": 2}
    assert "after 'b'" in roadmap.find("a").stage_reason


def test_a_dependency_cycle_is_an_error() -> None:
    # Validation reports cycles in a map (CJM022); staging refuses them too, whatever built its input.
    nodes = {
        k: Node(k, f"'{k}'", 1, "quick win", False, (dep,), n)
        for n, (k, dep) in enumerate((("a", "b"), ("b", "c"), ("c", "a")))
    }
    with pytest.raises(CjmError, match="cycle.*'a', 'b', 'c'"):
        assign_stages(nodes)


def test_capacity_spills_the_lowest_ranked_into_the_next_stage() -> None:
    wins = [{"id": f"win-{n}", "title": f"W{n}", "impact": 5, "feasibility": 5, "urgency": 6 - n} for n in range(1, 6)]
    roadmap = prioritise([journey(wins)], capacity=2)
    assert stages(roadmap) == {"win-1": 1, "win-2": 1, "win-3": 2, "win-4": 2, "win-5": 3}
    assert "stage 1 full (capacity 2)" in roadmap.find("win-3").stage_reason
    past = prioritise([journey(wins)], capacity=[1, 1, 1])
    assert stages(past) == {"win-1": 1, "win-2": 2, "win-3": 3, "win-4": 4, "win-5": 4}
    per_stage = prioritise([journey(wins)], capacity=[3, None, None])
    assert stages(per_stage) == {"win-1": 1, "win-2": 1, "win-3": 1, "win-4": 2, "win-5": 2}


def test_capacity_keeps_dependencies_first() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "top", "title": "Top", "impact": 5, "feasibility": 5, "urgency": 5, "depends_on": ["low"]},
                    {"id": "mid", "title": "Mid", "impact": 5, "feasibility": 5, "urgency": 4},
                    {"id": "low", "title": "Low", "impact": 3, "feasibility": 3, "urgency": 1},
                ]
            )
        ],
        capacity=1,
    )
    # `top` is the best but needs `low`, so `low` ranks just before it, ahead of `mid`: `low` takes stage 1, `top`
    # follows it into stage 2 and `mid` spills into stage 3.
    assert order(roadmap) == ["low", "top", "mid"]
    assert stages(roadmap) == {"low": 1, "top": 2, "mid": 3}
    assert roadmap.find("low").rank_reason.startswith("ranked before 'top' (score 80.0), which depends on it")


@pytest.mark.parametrize("capacity", [0, -1, [1, 2, 3, 4], [1, "x"], True])
def test_bad_capacity_is_a_usage_error(capacity: Any) -> None:
    with pytest.raises(CjmError):
        prioritise([journey([{"id": "a", "title": "A"}])], capacity=capacity)


# --- coverage ----------------------------------------------------------------------------------------------

PHASES = [
    {
        "id": "consideration",
        "name": "検討",
        "kind": "consideration",
        "emotion": {"score": -1.5, "note": "サイズが不安"},
        "pain_points": [
            {"id": "size-anxiety", "text": "サイズが分からない", "severity": 5},
            {"id": "fabric", "text": "生地が分からない", "severity": 3},
        ],
        "opportunities": [{"id": "size-guide", "text": "着用サイズを載せる", "addresses": ["size-anxiety"]}],
    },
    {
        "id": "purchase",
        "name": "購入",
        "kind": "purchase",
        "emotion": {"score": -1},
        "pain_points": [{"id": "shipping", "text": "送料が高い", "severity": 4}],
    },
    {"id": "retention", "name": "使用・推奨", "kind": "retention", "emotion": {"score": 1}},
]


def test_coverage_by_stage_unaddressed_pain_points_and_low_points() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {
                        "id": "size-chart",
                        "title": "サイズ表",
                        "opportunities": ["size-guide"],
                        "impact": 5,
                        "feasibility": 5,
                    },
                    {"id": "points", "title": "ポイント", "phases": ["retention"], "impact": 4, "feasibility": 2},
                ],
                phases=PHASES,
            )
        ]
    )
    cover = roadmap.coverage
    assert roadmap.find("size-chart").addresses.pain_points == ("size-anxiety",)  # through the opportunity
    assert [(s.stage, s.pain_points) for s in cover.stages] == [(1, (("shop", "size-anxiety"),)), (2, ())]
    assert [p.id for p in cover.unaddressed] == ["shipping", "fabric"]  # most severe first
    assert {(p.phase_id, p.stage) for p in cover.low_points} == {("consideration", 1), ("purchase", None)}


def test_a_low_score_that_starts_the_journey_is_not_a_low_point_to_address() -> None:
    """Annoyance in awareness with no pain point there is why the customer starts looking (as lint's CJM402 reads
    it); with a pain point of its own it is a low point like any other."""
    trigger = {
        "id": "awareness",
        "name": "認知",
        "kind": "awareness",
        "emotion": {"score": -1, "note": "毎週の買い出しが面倒"},
    }
    friction = {**trigger, "pain_points": [{"id": "ads", "text": "広告で何の商品か分からない"}]}
    for awareness, listed in ((trigger, set()), (friction, {"awareness"})):
        roadmap = prioritise(
            [journey([{"id": "x", "title": "X", "phases": ["purchase"]}], phases=[awareness, *PHASES[1:]])]
        )
        low = {p.phase_id for p in roadmap.coverage.low_points}
        assert low & {"awareness"} == listed, low


def test_a_low_point_is_fixed_by_its_pain_points_not_by_touching_the_phase() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "banner", "title": "Banner", "phases": ["purchase"], "impact": 5, "feasibility": 5},
                    {
                        "id": "free-shipping",
                        "title": "Free shipping",
                        "pain_points": ["shipping"],
                        "impact": 4,
                        "feasibility": 2,
                    },
                ],
                phases=PHASES,
            )
        ]
    )
    purchase = next(p for p in roadmap.coverage.low_points if p.phase_id == "purchase")
    assert (purchase.stage, purchase.pain_points, purchase.pain_points_addressed) == (2, 1, 1)


def test_a_map_without_initiatives_gives_an_empty_roadmap() -> None:
    roadmap = prioritise([journey([], phases=PHASES)])
    assert roadmap.initiatives == ()
    assert len(roadmap.coverage.unaddressed) == 3


# --- portfolio ---------------------------------------------------------------------------------------------


def test_portfolio_keeps_map_ids_and_finds_by_ref() -> None:
    roadmap = prioritise(
        [
            journey([{"id": "faq", "title": "FAQ A", "impact": 4}], "shop-a"),
            journey([{"id": "faq", "title": "FAQ B", "impact": 2}], "shop-b"),
        ]
    )
    assert {r.ref for r in roadmap.initiatives} == {"shop-a:faq", "shop-b:faq"}
    assert roadmap.find("shop-b:faq").title == "FAQ B"
    with pytest.raises(CjmError, match="several maps"):
        roadmap.find("faq")
    with pytest.raises(CjmError, match="no initiative"):
        roadmap.find("nope")


def test_portfolio_with_two_maps_of_one_id_is_an_error() -> None:
    problems = check([journey([], "same"), journey([], "same")], make_model())
    assert [p.code for p in problems] == ["CJM062"]


# --- prerequisites first -------------------------------------------------------------------------------------


def test_a_prerequisite_inherits_the_urgency_of_what_it_unblocks() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {"id": "launch", "title": "L", "urgency": 5, "impact": 5, "depends_on": ["catalogue"]},
                    {"id": "catalogue", "title": "C", "urgency": 2, "depends_on": ["photos"]},
                    {"id": "photos", "title": "P", "urgency": 1},
                ]
            )
        ]
    )
    photos = roadmap.find("photos")
    urgency = next(t for t in photos.terms if t.name == "urgency")
    assert urgency.value == 5 and not urgency.assumed
    assert "inherits urgency 5 from 'launch', which depends on it through 'catalogue'" in urgency.derived
    assert "own 1" in urgency.derived
    assert photos.inherited is not None and photos.inherited.source == "launch"
    assert roadmap.find("launch").inherited is None
    # 5 - 1 = 4 urgency steps of weight 2 over 10: 20 points more than its own urgency would give.
    alone = prioritise([journey([{"id": "photos", "title": "P", "urgency": 1}])]).initiatives[0]
    assert photos.score - alone.score == pytest.approx(20)
    assert order(roadmap) == ["photos", "catalogue", "launch"]


def test_wsjf_time_criticality_and_enablement_count_what_waits() -> None:
    roadmap = prioritise(
        [journey([{"id": "a", "title": "A", "urgency": 5, "depends_on": ["b"]}, {"id": "b", "title": "B"}])],
        make_model("wsjf"),
    )
    b = terms(roadmap.find("b"))
    assert b["wsjf.time_criticality"] == 13  # urgency 5, inherited from a
    assert b["wsjf.risk_reduction"] == 3  # unblocks one initiative


@settings(max_examples=60, deadline=None)
@given(
    st.lists(initiative_inputs, min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=10),
    st.sampled_from(["default", "rice", "ice", "wsjf"]),
    st.one_of(st.none(), st.integers(1, 3)),
    st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=8, max_size=8),
)
def test_no_dependent_ranks_or_stages_above_a_prerequisite(
    inputs: list[dict[str, Any]],
    edges: list[tuple[int, int]],
    preset: str,
    limit: int | None,
    pins: list[int | None],
) -> None:
    items = [{"id": f"i{n}", "title": f"I{n}", **values} for n, values in enumerate(inputs)]
    for n, pin in enumerate(pins[: len(items)]):
        if pin is not None and n % 3 == 0:
            items[n]["stage"] = pin
    for later, earlier in edges:  # only from later to earlier items: acyclic
        if earlier < later < len(items) and f"i{earlier}" not in items[later].get("depends_on", []):
            items[later].setdefault("depends_on", []).append(f"i{earlier}")
    roadmap = prioritise([journey(items)], make_model(preset), capacity=limit)
    rank = {r.id: r.rank for r in roadmap.initiatives}
    placed = stages(roadmap)
    urgency = {r.id: next((t.value for t in r.terms if t.name == "urgency"), None) for r in roadmap.initiatives}
    for item in items:
        for dep in item.get("depends_on", []):
            assert rank[dep] < rank[item["id"]], (dep, item["id"])
            assert placed[dep] <= placed[item["id"]], (dep, item["id"])
            if preset == "default":
                assert urgency[dep] >= urgency[item["id"]]
    for _, _, members in roadmap.stages:  # within a stage, in rank order: prerequisites first there too
        ids = [m.id for m in members]
        for item in items:
            for dep in item.get("depends_on", []):
                if dep in ids and item["id"] in ids:
                    assert ids.index(dep) < ids.index(item["id"])


# --- the risk of heavy upkeep with low confidence -------------------------------------------------------------


def test_heavy_upkeep_with_low_confidence_is_named_rethink() -> None:
    roadmap = prioritise(
        [
            journey(
                [
                    {
                        "id": "loyalty",
                        "title": "L",
                        "impact": 4,
                        "feasibility": 2,
                        "maintenance_cost": 5,
                        "confidence": 0.3,
                        "pain_points": ["size"],
                    },
                    {
                        "id": "sure",
                        "title": "S",
                        "impact": 4,
                        "feasibility": 2,
                        "maintenance_cost": 5,
                        "confidence": 0.5,
                    },
                    {"id": "light", "title": "G", "maintenance_cost": 3, "confidence": 0.2},
                    {"id": "unknown", "title": "U", "maintenance_cost": 5},  # confidence not written: no alarm
                ],
                phases=PAINED_PHASES,
            )
        ]
    )
    loyalty = roadmap.find("loyalty")
    assert loyalty.risk == "rethink" and "maintenance cost 5" in loyalty.risk_reason and "0.3" in loyalty.risk_reason
    assert loyalty.label() == "big bet, rethink" and loyalty.label("ja") == "大型施策・要再検討"
    assert [r.id for r in roadmap.initiatives if r.risk] == ["loyalty"]
    [(pain, answers)] = roadmap.answered_only_by_risky()
    assert pain.id == "size" and [a.id for a in answers] == ["loyalty"]
    assert roadmap.risky_in_phase("shop", "consideration") == ("size",)
    assert roadmap.risky_in_phase("shop", "purchase") == ()
    # A second, sound answer to the pain point lifts the alarm on it.
    safer = prioritise(
        [
            journey(
                [
                    {"id": "loyalty", "title": "L", "maintenance_cost": 5, "confidence": 0.3, "pain_points": ["size"]},
                    {"id": "chart", "title": "C", "opportunities": ["size-info"]},
                ],
                phases=PAINED_PHASES,
            )
        ]
    )
    assert safer.answered_only_by_risky() == []


def test_a_long_dependency_chain_is_ranked_without_recursion() -> None:
    # 1,500 initiatives, each waiting for the one before: more than Python's recursion limit.
    items = [{"id": "i0", "title": "I0", "urgency": 1}]
    items += [{"id": f"i{n}", "title": f"I{n}", "urgency": 1, "depends_on": [f"i{n - 1}"]} for n in range(1, 1500)]
    items[-1]["urgency"] = 5
    roadmap = prioritise([journey(items)], make_model("wsjf"))
    assert order(roadmap) == [f"i{n}" for n in range(1500)]
    inherited = roadmap.find("i0").inherited
    assert inherited is not None and inherited.source == "i1499" and inherited.steps == 1498
    assert inherited.text().endswith("through 'i1', 'i2', 'i3', …")
