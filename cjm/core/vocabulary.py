"""Words of the domain in English and Japanese: the usual order of the phase kinds, the usual name of each kind
(for starter maps and for phases that `cjm split` and `cjm merge` create without a name), of each channel (for
diagrams), and of the roadmap's quadrants and stages (for every output that names them)."""

from __future__ import annotations

import re

# The usual order of phase kinds (the domain brief's standard five, with the adaptations placed among them).
# Kinds of equal rank may come in either order; `custom` has no rank.
KIND_ORDER: dict[str, int] = {
    "need_recognition": 0,
    "awareness": 1,
    "industry_awareness": 1,
    "product_awareness": 2,
    "interest": 2,
    "information_search": 3,
    "consideration": 3,
    "information_gathering": 3,
    "online_consideration": 3,
    "comparison": 4,
    "store_confirmation": 4,
    "evaluation": 4,
    "final_confirmation": 5,
    "internal_coordination": 5,
    "approval": 6,
    "decision": 6,
    "purchase": 7,
    "delivery": 8,
    "receive": 8,
    "unboxing": 9,
    "use": 10,
    "use_and_maintenance": 10,
    "support": 10,
    "thank": 11,
    "post_purchase_evaluation": 11,
    "repeat_purchase": 12,
    "retention": 12,
    "advocacy": 13,
}
# kind: (English, Japanese). The standard five and their variants come from the domain brief.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "need_recognition": ("Need recognition", "ニーズの認識"),
    "awareness": ("Awareness", "認知"),
    "industry_awareness": ("Industry awareness", "業界・カテゴリの認知"),
    "product_awareness": ("Product awareness", "商品の認知"),
    "interest": ("Interest", "興味・関心"),
    "information_search": ("Information search", "情報探索"),
    "consideration": ("Consideration", "検討"),
    "information_gathering": ("Information gathering", "情報収集"),
    "comparison": ("Comparison", "比較"),
    "final_confirmation": ("Final confirmation", "最終確認"),
    "online_consideration": ("Online consideration", "オンラインでの検討"),
    "store_confirmation": ("Store confirmation", "店舗での確認"),
    "evaluation": ("Option evaluation", "選択肢の評価"),
    "internal_coordination": ("Internal coordination", "社内調整"),
    "approval": ("Approval", "稟議・承認"),
    "decision": ("Purchase decision", "購入の決定"),
    "purchase": ("Purchase", "購入"),
    "delivery": ("Delivery", "配送"),
    "receive": ("Receive", "受け取り"),
    "unboxing": ("Unboxing", "開封"),
    "use": ("Use", "使用"),
    "use_and_maintenance": ("Use & maintenance", "使用・メンテナンス"),
    "support": ("Support", "サポート"),
    "thank": ("Thank", "お礼"),
    "post_purchase_evaluation": ("Post-purchase evaluation", "購入後の評価"),
    "repeat_purchase": ("Repeat purchase", "リピート購入"),
    "retention": ("Retention & Advocacy", "使用・推奨"),
    "advocacy": ("Advocacy", "推奨"),
}


def kind_for_id(phase_id: str) -> str | None:
    """The standard kind a phase id spells (`final-confirmation` -> `final_confirmation`), if any."""
    kind = phase_id.replace("-", "_").lower()
    return kind if kind in KIND_NAMES else None


def in_language(words: tuple[str, str], language: str) -> str:
    """The Japanese of an (English, Japanese) pair for a Japanese map, else the English: the one place that
    chooses between the two for every bilingual table."""
    english, japanese = words
    return japanese if language == "ja" else english


def kind_name(kind: str, language: str) -> str | None:
    names = KIND_NAMES.get(kind)
    if names is None:
        return None
    return in_language(names, language)


CHANNELS: dict[str, tuple[str, str]] = {
    "search": ("Search", "検索"),
    "sns": ("SNS", "SNS"),
    "ads": ("Ads", "広告"),
    "ec_site": ("EC site", "ECサイト"),
    "marketplace": ("Marketplace", "モール"),
    "app": ("App", "アプリ"),
    "email": ("Email", "メール"),
    "line": ("LINE", "LINE"),
    "chat": ("Chat", "チャット"),
    "review_site": ("Review site", "口コミサイト"),
    "web_media": ("Web media", "Webメディア"),
    "store": ("Store", "店舗"),
    "event": ("Event", "イベント"),
    "dm": ("Direct mail", "DM"),
    "package_insert": ("Package insert", "同梱物"),
    "call_centre": ("Call centre", "コールセンター"),
    "sales_rep": ("Sales rep", "営業担当"),
    "print": ("Print", "印刷物"),
    "tv": ("TV", "テレビ"),
    "word_of_mouth": ("Word of mouth", "口コミ"),
    "other": ("Other", "その他"),
}

# The quadrants of the impact × ease matrix and the stages of the roadmap (cjm.prioritise.classify), as a table
# cell or a sentence names one; diagrams head them capitalised and in the plural (cjm.render.theme).
QUADRANT_NAMES: dict[str, tuple[str, str]] = {
    "quick_win": ("quick win", "クイックウィン"),
    "big_bet": ("big bet", "大型施策"),
    "fill_in": ("fill-in", "余力で実施"),
    "money_pit": ("money pit", "見送り候補"),
}
STAGE_NAMES: dict[int, tuple[str, str]] = {
    1: ("set-and-forget and quick wins", "仕組み化・すぐできる施策"),
    2: ("strengthen key journey points", "重要な接点の強化"),
    3: ("advanced measures", "高度な施策"),
    4: ("later (beyond capacity)", "後回し（キャパシティ超過）"),
}


# Words in a phase's *name* that say which part of the journey it is, whatever its kind: consultants label their
# first post-purchase phase `retention` (from the standard five) and name it 配送 or Onboarding. For each, the
# kinds that agree with such a name. English words match at the start of a word, others anywhere.
NAME_KINDS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "approval": (
        ("approval", "sign-off", "稟議", "決裁", "承認"),
        frozenset({"approval", "internal_coordination", "decision"}),
    ),
    "delivery": (
        ("delivery", "shipping", "installation", "配送", "配達", "お届け", "設置", "納品"),
        frozenset({"delivery", "receive"}),
    ),
    "receive": (
        ("receipt", "receiving", "hand-over", "handover", "move-in", "受け取り", "受取", "引き渡し", "引渡し", "入居"),
        frozenset({"receive", "delivery", "unboxing"}),
    ),
    "unboxing": (("unboxing", "開封"), frozenset({"unboxing", "receive"})),
    "use": (
        ("onboarding", "first use", "getting started", "導入", "オンボーディング", "使い始め", "利用開始", "初期設定"),
        frozenset({"use", "use_and_maintenance", "unboxing"}),
    ),
    "use_and_maintenance": (
        ("maintenance", "aftercare", "メンテナンス", "手入れ", "保守"),
        frozenset({"use_and_maintenance", "use", "support"}),
    ),
    "support": (
        ("support", "help desk", "サポート", "問い合わせ", "アフターサービス", "修理"),
        frozenset({"support", "use_and_maintenance", "use"}),
    ),
    "repeat_purchase": (
        ("repeat", "renewal", "reorder", "re-order", "repurchase", "リピート", "更新", "再購入", "買い替え"),
        frozenset({"repeat_purchase", "retention"}),
    ),
    "advocacy": (
        ("advocacy", "referral", "recommend", "推奨", "紹介", "口コミ投稿"),
        frozenset({"advocacy", "retention", "post_purchase_evaluation"}),
    ),
}


def word_in(word: str, text: str) -> bool:
    """ASCII words match at the start of a word, ignoring case (`review` in "reviews", not `use` in "because");
    others (Japanese has no spaces between words) anywhere."""
    if word.isascii():
        return re.search(r"(?<![A-Za-z0-9])" + re.escape(word), text, re.IGNORECASE) is not None
    return word in text


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that finds any of `words` as `word_in` does."""
    ascii_words = "|".join(re.escape(w) for w in words if w.isascii())
    other_words = [re.escape(w) for w in words if not w.isascii()]
    parts = ([f"(?i:(?<![A-Za-z0-9])(?:{ascii_words}))"] if ascii_words else []) + other_words
    return re.compile("|".join(parts))


# One compiled pattern per kind: a map of thousands of phases reads each name once per kind, not once per word.
_NAME_PATTERNS = {kind: _words_pattern(words) for kind, (words, _) in NAME_KINDS.items()}


def kinds_named(name: str) -> tuple[str, ...]:
    """The parts of the journey a phase's name says it is (`配送・設置` -> [delivery]), in journey order."""
    return tuple(kind for kind, pattern in _NAME_PATTERNS.items() if pattern.search(name))


def name_contradicts(kind: str, name: str) -> str | None:
    """The part of the journey a phase's name says it is, when its kind says otherwise (a phase named
    Delivery of kind `retention`); None when they agree or the name says nothing."""
    if kind == "custom" or name in KIND_NAMES.get(kind, ()):
        return None
    after_purchase = KIND_ORDER[kind] > KIND_ORDER["purchase"]
    # A name read on the same side of the purchase only: "Trial and setup" before purchase is not onboarding.
    named = [n for n in kinds_named(name) if (KIND_ORDER[n] > KIND_ORDER["purchase"]) == after_purchase]
    if not named or any(kind in NAME_KINDS[n][1] for n in named):
        return None
    return named[-1]


def reading(kind: str, name: str) -> str:
    """The kind a phase is read as: its kind, unless its name contradicts it (配送 of kind `retention` is a
    delivery) or names a part of the standard retention phase (Renewal of kind `retention` is a repeat
    purchase)."""
    if contradicted := name_contradicts(kind, name):
        return contradicted
    if kind == "retention" and name not in KIND_NAMES["retention"]:
        named = [n for n in kinds_named(name) if kind in NAME_KINDS[n][1]]
        return named[-1] if named else kind
    return kind
