"""The journey has no advocacy after the purchase.

The journey ends with customers who recommend: reviews, referrals, posts and photos (UGC), case studies and,
in B2B, expansion to other teams. That is the last of the standard five phases (Retention & Advocacy), the
cheapest acquisition there is, and where the LTV loop closes: a map that stops at onboarding or repeat
purchase leaves it to chance. A map has advocacy when it has a phase of kind `advocacy`, or when a phase after
the purchase speaks of it — in its name, description or entries (a review request, a referral programme, a
hashtag, 口コミ, 紹介, レビュー, 導入事例, 横展開 ...) or a `review_site` or `word_of_mouth` touchpoint — or an
initiative for such a phase does. A KPI does not count: a referral rate measured at hand-over says the
referrals matter, not where the customer is asked, helped and thanked for recommending. A map that ends at
purchase is left to `ends-at-purchase`, and maps whose phases are all `custom` are not checked.

Fails:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
  - {id: onboarding, name: Onboarding, kind: retention, actions: [Sets up the account]}
```

Passes:

```yaml
phases:
  - {id: consideration, name: Consideration, kind: consideration}
  - {id: purchase, name: Purchase, kind: purchase}
  - id: onboarding
    name: Onboarding
    kind: retention
    actions: [Sets up the account, Writes a review after the first month]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.model import KIND_ORDER, Journey, Phase
from cjm.core.problem import Severity
from cjm.lint.base import Finding
from cjm.lint.journey_facts import JOURNEY, answering_initiatives, has_post_purchase, undecidable
from cjm.lint.text import mentions

CODE = "CJM205"
NAME = "no-advocacy"
SEVERITY = Severity.WARNING

# Words that speak of customers recommending, in English and Japanese. English words match at the start of a
# word (`refer` finds `referral`, `referring`).
ADVOCACY_WORDS = (
    "advoca",
    "refer",
    "review",
    "ugc",
    "user-generated",
    "user generated",
    "testimonial",
    "case stud",
    "word of mouth",
    "word-of-mouth",
    "recommend",
    "ambassador",
    "hashtag",
    "share",
    "sharing",
    "shares",
    "tells friends",
    "tell friends",
    "invite a friend",
    "invites a friend",
    "invite friends",
    "invites friends",
    "promoter",
    "expansion",
    "expand",
    "upsell",
    "up-sell",
    "rating",
    "contest",
    "推奨",
    "推薦",
    "紹介",
    "口コミ",
    "クチコミ",
    "くちこみ",
    "レビュー",
    "シェア",
    "投稿",
    "事例",
    "アンバサダー",
    "ハッシュタグ",
    "コンテスト",
    "ファン",
    "横展開",
    "追加導入",
    "アップセル",
    "拡大",
    "勧め",
    "すすめ",
    "広め",
)
ADVOCACY_CHANNELS = frozenset({"review_site", "word_of_mouth"})


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    if undecidable(journey) or not has_post_purchase(journey):
        return
    after = _after_purchase(journey)
    if any(phase.kind == "advocacy" or _speaks_of_advocacy(phase) for phase in after):
        return
    by_phase = answering_initiatives(journey)[1]
    initiatives = [i for phase in after for i in by_phase.get(phase.id, [])]
    if any(mentions(f"{i.title} {i['description'] or ''}", ADVOCACY_WORDS) for i in initiatives):
        return
    names = ", ".join(f"'{phase.name}'" for phase in after)
    yield Finding(
        JOURNEY,
        f"nothing after the purchase ({names}) is about customers recommending: add advocacy "
        "(reviews, referrals, posts and photos, case studies, expansion), as a phase of kind `advocacy` "
        "or in the last phase, since that is where the LTV loop closes",
        key=True,
    )


def _after_purchase(journey: Journey) -> list[Phase]:
    """The phases after the last purchase-like phase (post-purchase kinds, or `custom` phases after it)."""
    last = max(
        (
            i
            for i, p in enumerate(journey.phases)
            if KIND_ORDER.get(p.kind, -1) >= KIND_ORDER["approval"]
            and KIND_ORDER.get(p.kind, 99) <= KIND_ORDER["purchase"]
        ),
        default=-1,
    )
    return [p for p in journey.phases[last + 1 :] if p.kind == "custom" or KIND_ORDER[p.kind] > KIND_ORDER["purchase"]]


def _speaks_of_advocacy(phase: Phase) -> bool:
    texts = [phase.name, str(phase.raw.get("description", ""))]
    entries = [item for item in phase.all_items() if item.list_name != "kpis"]
    texts += [f"{item.text} {item.get('note', '')}" for item in entries]
    texts += [emotion.note or "" for emotion in phase.emotions]
    return any(mentions(text, ADVOCACY_WORDS) for text in texts) or any(
        t.get("channel") in ADVOCACY_CHANNELS for t in phase.touchpoints
    )
