"""Words of the domain in English and Japanese: the usual name of each phase kind (for starter maps and for
phases that `cjm split` and `cjm merge` create without a name) and of each channel (for diagrams)."""

from __future__ import annotations

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


def kind_name(kind: str, language: str) -> str | None:
    names = KIND_NAMES.get(kind)
    if names is None:
        return None
    return names[1] if language == "ja" else names[0]


CHANNELS: dict[str, tuple[str, str]] = {
    "search": ("Search", "検索"), "sns": ("SNS", "SNS"), "ads": ("Ads", "広告"), "ec_site": ("EC site", "ECサイト"),
    "marketplace": ("Marketplace", "モール"), "app": ("App", "アプリ"), "email": ("Email", "メール"),
    "line": ("LINE", "LINE"), "chat": ("Chat", "チャット"), "review_site": ("Review site", "口コミサイト"),
    "web_media": ("Web media", "Webメディア"), "store": ("Store", "店舗"), "event": ("Event", "イベント"),
    "dm": ("Direct mail", "DM"), "package_insert": ("Package insert", "同梱物"),
    "call_centre": ("Call centre", "コールセンター"), "sales_rep": ("Sales rep", "営業担当"),
    "print": ("Print", "印刷物"), "tv": ("TV", "テレビ"), "word_of_mouth": ("Word of mouth", "口コミ"),
    "other": ("Other", "その他"),
}
