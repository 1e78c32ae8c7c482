"""What several rules need to know about a journey, derived once in one place, and the domain vocabulary
the rules share (which phase kinds make which part of the journey, which KPIs measure which phase)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cjm.core.document import KeyPath
from cjm.core.model import KIND_ORDER, Initiative, Item, Journey, Phase
from cjm.core.vocabulary import reading
from cjm.lint.text import mentions

# Map-level findings point at the `phases:` key (with `key=True`): the journey as a whole.
JOURNEY: KeyPath = ("phases",)


def section(journey: Journey, key: str) -> KeyPath:
    """Where a finding about a top-level section points: its key when the map has it, else the journey."""
    return (key,) if key in journey.data else JOURNEY


AWARENESS_KINDS = frozenset({"need_recognition", "awareness", "industry_awareness", "product_awareness"})
PURCHASE_KINDS = frozenset({"purchase", "decision"})
RETENTION_KINDS = frozenset({"retention", "repeat_purchase", "advocacy"})
PURCHASE_RANK = KIND_ORDER["purchase"]

# The parts of the journey, for KPIs: which kinds belong to which part, the KPIs the domain brief names as
# standard for it (suggested when a phase has none that fit), and what else fits it.
KPI_GROUPS: dict[str, tuple[frozenset[str], tuple[str, ...], frozenset[str]]] = {
    "awareness": (
        frozenset({"need_recognition", "awareness", "industry_awareness"}),
        ("site_visits", "new_user_rate"),
        frozenset({"store_visits"}),
    ),
    # Product awareness is half of a split interest phase (the low-awareness rule).
    "interest": (
        frozenset({"interest", "product_awareness", "information_search"}),
        ("time_on_site", "page_views"),
        frozenset({"site_visits", "new_user_rate", "signup_rate"}),
    ),
    # Information gathering, comparison and final confirmation are a split consideration (long-consideration).
    "consideration": (
        frozenset(
            {
                "consideration",
                "information_gathering",
                "comparison",
                "final_confirmation",
                "online_consideration",
                "store_confirmation",
                "evaluation",
            }
        ),
        ("product_page_view_rate", "add_to_cart_rate"),
        frozenset({"store_visits", "page_views", "signup_rate"}),
    ),
    "approval": (
        frozenset({"internal_coordination", "approval"}),
        ("approval_lead_time",),
        frozenset({"conversion_rate"}),
    ),
    "purchase": (PURCHASE_KINDS, ("conversion_rate", "average_order_value"), frozenset({"signup_rate"})),
    "post-purchase": (
        frozenset(
            {
                "delivery",
                "receive",
                "unboxing",
                "use",
                "use_and_maintenance",
                "support",
                "thank",
                "post_purchase_evaluation",
            }
        ),
        ("review_rate", "customer_effort_score"),
        frozenset({"repeat_rate", "referral_rate"}),
    ),
    "retention": (
        RETENTION_KINDS,
        ("repeat_rate", "ltv"),
        frozenset({"retention_rate", "referral_rate", "review_rate"}),
    ),
}
# Teaching a new category is measured by the content read as much as by the visits it brings.
KPI_EXTRAS = {"industry_awareness": frozenset({"time_on_site", "page_views"})}
# CX-wide metrics (NPS, Customer Effort Score, retention rate, LTV, cart abandonment) and message metrics fit
# anywhere; `custom` says nothing; exit rates are everywhere. Of them, the scores of customers (NPS, CES,
# retention, LTV) need someone who has bought.
CUSTOMER_SCORES = frozenset({"nps", "customer_effort_score", "retention_rate", "ltv"})
NEUTRAL_METRICS = CUSTOMER_SCORES | {"cart_abandonment_rate", "open_rate", "click_through_rate", "custom", "exit_rate"}


# What KPIs are called, for those written without `metric:` (a name as consultants write it, in English or
# Japanese, lower case after NFKC; ASCII names match as words, the others anywhere in the KPI's name). Longer
# names come first where one contains another (`repeat purchase rate` before `purchase rate`). Two names have
# no standard metric: sign-up rate (interest to purchase) and exit rate (neutral, like the CX-wide metrics).
KPI_NAMES: dict[str, tuple[str, ...]] = {
    "cart_abandonment_rate": ("cart abandonment", "abandoned cart", "カゴ落ち", "かご落ち", "カート放棄", "カート離脱"),
    "repeat_rate": (
        "repeat",
        "repurchase",
        "re-purchase",
        "リピート",
        "再購入",
        "再来店",
        "2回目購入",
        "reorder",
        "再注文",
    ),
    "add_to_cart_rate": ("add to cart", "add-to-cart", "atc", "カート投入", "カート追加", "カゴ投入", "カート率"),
    "product_page_view_rate": (
        "product page view",
        "product-page view",
        "pdp view",
        "商品ページ閲覧",
        "商品詳細ページ",
        "詳細ページ閲覧",
    ),
    "conversion_rate": (
        "conversion",
        "cvr",
        "cv率",
        "購入率",
        "成約率",
        "受注率",
        "コンバージョン",
        "close rate",
        "win rate",
        "purchase rate",
        "購入完了率",
    ),
    "average_order_value": ("average order", "aov", "basket size", "客単価", "平均注文", "購入単価", "注文単価"),
    "new_user_rate": ("new user", "new visitor", "新規ユーザー", "新規訪問", "新規率"),
    "store_visits": ("store visit", "来店", "showroom visit"),
    "site_visits": (
        "site visit",
        "visits",
        "sessions",
        "traffic",
        "訪問数",
        "訪問者数",
        "セッション",
        "流入",
        "impression",
        "インプレッション",
        "reach",
        "リーチ",
        "認知率",
        "想起率",
        "フォロワー",
        "followers",
    ),
    "time_on_site": ("time on site", "dwell", "session duration", "滞在時間"),
    "page_views": ("page view", "pageview", "pv", "閲覧数", "ページビュー"),
    "ltv": ("ltv", "lifetime value", "life time value", "clv", "顧客生涯価値"),
    "nps": ("nps", "net promoter", "推奨度"),
    "customer_effort_score": ("ces", "customer effort", "顧客努力"),
    "retention_rate": ("retention", "継続率", "定着率", "解約率", "churn"),
    "open_rate": ("open rate", "開封率"),
    "click_through_rate": ("ctr", "click-through", "click through", "クリック率"),
    "review_rate": ("review", "レビュー", "口コミ投稿", "クチコミ投稿"),
    "referral_rate": ("referral", "紹介"),
    "approval_lead_time": ("approval", "稟議", "承認"),
    "signup_rate": ("sign-up", "signup", "sign up", "registration", "会員登録", "新規登録", "登録率"),
    "exit_rate": ("exit rate", "bounce", "離脱率", "直帰率"),
}


def metric_of(kpi: Item) -> tuple[str | None, bool]:
    """A KPI's standard metric: its `metric`, else the one its name spells (see KPI_NAMES), and whether it was
    read from the name."""
    metric = kpi.get("metric")
    if metric:
        return metric, False
    name = kpi.get("name")
    if not isinstance(name, str):
        return None, False
    for metric, names in KPI_NAMES.items():
        if mentions(name, names):
            return metric, True
    return None, False


def kpi_group(kind: str) -> str | None:
    return next((group for group, (kinds, _, _) in KPI_GROUPS.items() if kind in kinds), None)


def metric_home(metric: str) -> list[str]:
    """The parts of the journey a metric belongs to: the one that has it as a standard KPI, else every one it
    also fits (a sign-up rate: interest, consideration, purchase); none for a CX-wide or unknown metric."""
    if metric in NEUTRAL_METRICS:
        return []
    standard = [group for group, (_, names, _) in KPI_GROUPS.items() if metric in names]
    return standard or [group for group, (_, _, also) in KPI_GROUPS.items() if metric in also]


def metric_words(metrics: Iterable[str]) -> str:
    """`site_visits`, `ltv` -> `site visits, LTV`."""
    special = {
        "ltv": "LTV",
        "nps": "NPS",
        "customer_effort_score": "Customer Effort Score",
        "new_user_rate": "new-user rate",
        "product_page_view_rate": "product-page view rate",
        "add_to_cart_rate": "add-to-cart rate",
    }
    return ", ".join(special.get(m, m.replace("_", " ")) for m in metrics)


def either(words: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def label(phase: Phase) -> str:
    return f"'{phase.name}'"


def kinds(journey: Journey, *, read: bool = False) -> set[str]:
    """The phases' kinds; with `read`, also the kinds their names say they are (a `retention` phase named
    Renewal is a repeat purchase; `cjm.core.vocabulary.reading`)."""
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
    addressed = {
        target
        for _, item in journey.items()
        if item.list_name == "opportunities"
        for target in item.get("addresses", [])
    }
    for initiative in journey.initiatives:
        addressed.update(initiative.pain_points)
    return addressed


def improved_phases(journey: Journey) -> set[str]:
    """Phases some initiative works on: named in its `phases`, or holding a pain point or opportunity it
    addresses (or a pain point those opportunities address)."""
    return set(answering_initiatives(journey)[1])


def answering_initiatives(journey: Journey) -> tuple[dict[str, list[Initiative]], dict[str, list[Initiative]]]:
    """Which initiatives answer each pain point (listing it, or pursuing an opportunity that addresses it) and
    each phase (naming it, or answering something in it): two maps, by pain point id and by phase id."""
    where = phase_of_items(journey)
    addresses = {item.id: item.get("addresses", []) for _, item in journey.items() if item.list_name == "opportunities"}
    by_pain: dict[str, list[Initiative]] = {}
    by_phase: dict[str, list[Initiative]] = {}
    for initiative in journey.initiatives:
        pains = {*initiative.pain_points}
        pains.update(pain for opportunity in initiative.opportunities for pain in addresses.get(opportunity, []))
        phases = {*initiative.phases}
        phases.update(where[target].id for target in [*pains, *initiative.opportunities] if target in where)
        for pain in pains:
            by_pain.setdefault(pain, []).append(initiative)
        for phase_id in phases:
            by_phase.setdefault(phase_id, []).append(initiative)
    return by_pain, by_phase


@dataclass(frozen=True)
class LowPoint:
    """A low point of an emotion curve: the phase, where its score is written, why it is low, and the lane
    (` for persona 'x'` in a multi-lane map, else empty)."""

    phase: Phase
    path: KeyPath
    why: str
    lane: str
    score: float
    drop: bool  # a fall from the phase before, rather than the lowest score


def low_points(journey: Journey, drop: float) -> Iterator[LowPoint]:
    """The low points of each persona lane's curve: the lowest score (unless the curve is flat and not negative)
    and every fall of `drop` or more from one phase to the next."""
    curves: dict[str | None, list[tuple[Phase, float, KeyPath]]] = {}
    for phase in journey.phases:
        for emotion in phase.emotions:
            curves.setdefault(emotion.persona, []).append((phase, emotion.score, emotion.path))
    for persona, curve in curves.items():
        lane = f" for persona '{persona}'" if persona else ""
        scores = [score for _, score, _ in curve]
        lowest = min(scores)
        if lowest < max(scores) or lowest < 0:
            for phase, score, path in curve:
                if score == lowest:
                    yield LowPoint(phase, path, f"lowest score, {number(score)}", lane, score, False)
        for (_, before, _), (phase, score, path) in zip(curve, curve[1:], strict=False):
            if before - score >= drop:
                yield LowPoint(phase, path, f"drops from {number(before)} to {number(score)}", lane, score, True)


def number(value: float) -> str:
    """A score or count as people write it: `2`, not `2.0`; `0.5` stays."""
    return str(int(value)) if float(value).is_integer() else str(value)
