"""What several rules need to know about a journey, derived once in one place, and the domain vocabulary
the rules share (which phase kinds make which part of the journey, which KPIs measure which phase)."""

from __future__ import annotations

from collections.abc import Iterable

from cjm.loader import Path
from cjm.model import KIND_ORDER, Journey, Phase

# Map-level findings point at the `phases:` key (with `key=True`): the journey as a whole.
JOURNEY: Path = ("phases",)


def section(journey: Journey, key: str) -> Path:
    """Where a finding about a top-level section points: its key when the map has it, else the journey."""
    return (key,) if key in journey.data else JOURNEY

AWARENESS_KINDS = frozenset({"need_recognition", "awareness", "industry_awareness", "product_awareness"})
PURCHASE_KINDS = frozenset({"purchase", "decision"})
RETENTION_KINDS = frozenset({"retention", "repeat_purchase", "advocacy"})
PURCHASE_RANK = KIND_ORDER["purchase"]

# The parts of the journey, for KPIs: which kinds belong to which part, the KPIs the domain brief names as
# standard for it (suggested when a phase has none that fit), and what else fits it.
KPI_GROUPS: dict[str, tuple[frozenset[str], tuple[str, ...], frozenset[str]]] = {
    "awareness": (frozenset({"need_recognition", "awareness", "industry_awareness"}),
                  ("site_visits", "new_user_rate"), frozenset({"store_visits"})),
    # Product awareness is half of a split interest phase (the low-awareness rule).
    "interest": (frozenset({"interest", "product_awareness", "information_search"}),
                 ("time_on_site", "page_views"), frozenset({"site_visits", "new_user_rate"})),
    # Information gathering, comparison and final confirmation are a split consideration (long-consideration).
    "consideration": (frozenset({"consideration", "information_gathering", "comparison", "final_confirmation",
                                 "online_consideration", "store_confirmation", "evaluation"}),
                      ("product_page_view_rate", "add_to_cart_rate"), frozenset({"store_visits", "page_views"})),
    "approval": (frozenset({"internal_coordination", "approval"}), ("approval_lead_time",),
                 frozenset({"conversion_rate"})),
    "purchase": (PURCHASE_KINDS, ("conversion_rate", "average_order_value"), frozenset()),
    "post-purchase": (frozenset({"delivery", "receive", "unboxing", "use", "use_and_maintenance", "support", "thank",
                                 "post_purchase_evaluation"}),
                      ("review_rate", "customer_effort_score"), frozenset({"repeat_rate", "referral_rate"})),
    "retention": (RETENTION_KINDS, ("repeat_rate", "ltv"), frozenset({"retention_rate", "referral_rate",
                                                                         "review_rate"})),
}
# Teaching a new category is measured by the content read as much as by the visits it brings.
KPI_EXTRAS = {"industry_awareness": frozenset({"time_on_site", "page_views"})}
# CX-wide metrics (NPS, Customer Effort Score, retention rate, LTV, cart abandonment) and message metrics fit
# anywhere; `custom` says nothing.
NEUTRAL_METRICS = frozenset({"nps", "customer_effort_score", "retention_rate", "ltv", "cart_abandonment_rate",
                             "open_rate", "click_through_rate", "custom"})


def kpi_group(kind: str) -> str | None:
    return next((group for group, (kinds, _, _) in KPI_GROUPS.items() if kind in kinds), None)


def metric_words(metrics: Iterable[str]) -> str:
    """`site_visits`, `ltv` -> `site visits, LTV`."""
    special = {"ltv": "LTV", "nps": "NPS", "customer_effort_score": "Customer Effort Score",
               "new_user_rate": "new-user rate", "product_page_view_rate": "product-page view rate",
               "add_to_cart_rate": "add-to-cart rate"}
    return ", ".join(special.get(m, m.replace("_", " ")) for m in metrics)


def either(words: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def label(phase: Phase) -> str:
    return f"'{phase.name}'"


def kinds(journey: Journey, *, read: bool = False) -> set[str]:
    """The phases' kinds; with `read`, also the kinds their names say they are (a `retention` phase named
    Renewal is a repeat purchase; `cjm.vocabulary.reading`)."""
    from cjm.vocabulary import reading

    found = {phase.kind for phase in journey.phases}
    return found | {reading(phase.kind, phase.name) for phase in journey.phases} if read else found


def undecidable(journey: Journey) -> bool:
    """True when every phase is `custom`: nothing can be said about which parts of the journey are there."""
    return all(phase.kind == "custom" for phase in journey.phases)


def has_post_purchase(journey: Journey) -> bool:
    """A phase after the purchase: a post-purchase kind, or any phase placed after a purchase-like one."""
    seen_purchase = False
    for phase in journey.phases:
        rank = KIND_ORDER.get(phase.kind)
        if rank is not None and rank > PURCHASE_RANK or seen_purchase and phase.kind == "custom":
            return True
        seen_purchase |= rank is not None and rank >= KIND_ORDER["approval"]
    return False



def adapt(rule: str) -> str:
    return f"the `cjm adapt` rule `{rule}` does this"


def phase_of_items(journey: Journey) -> dict[str, Phase]:
    """The phase each pain point, opportunity or other item with an id is in."""
    return {item.id: phase for phase, item in journey.items() if item.id}


def addressed_pain_points(journey: Journey) -> set[str]:
    """Pain points some opportunity or initiative addresses."""
    addressed = {target for _, item in journey.items() if item.list_name == "opportunities"
                 for target in item.get("addresses", [])}
    for initiative in journey.initiatives:
        addressed.update(initiative.pain_points)
    return addressed


def improved_phases(journey: Journey) -> set[str]:
    """Phases some initiative works on: named in its `phases`, or holding a pain point or opportunity it
    addresses (or a pain point those opportunities address)."""
    where = phase_of_items(journey)
    addresses = {item.id: item.get("addresses", []) for _, item in journey.items() if item.list_name == "opportunities"}
    improved: set[str] = set()
    for initiative in journey.initiatives:
        improved.update(initiative.phases)
        targets = [*initiative.pain_points, *initiative.opportunities]
        targets += [pain for opportunity in initiative.opportunities for pain in addresses.get(opportunity, [])]
        improved.update(where[target].id for target in targets if target in where)
    return improved


def number(value: float) -> str:
    """A score or count as people write it: `2`, not `2.0`; `0.5` stays."""
    return str(int(value)) if float(value).is_integer() else str(value)
