"""Starter maps for `cjm init`: the standard five phases of the domain brief with their usual KPIs, and the
variations for B2B, gifts, subscriptions and omnichannel. Texts exist in English and Japanese."""

from __future__ import annotations

import os
from typing import Any

SCHEMA_URL = "https://raw.githubusercontent.com/cjm-tools/cjm/main/schemas/journey.schema.json"

# kind, id, English name, Japanese name, action, touchpoint (channel, en, ja), KPI (metric, en, ja, unit, target)
_Phase = tuple[str, str, str, str, tuple[str, str], tuple[str, str, str], tuple[str, str, str, str, Any]]
_STANDARD: list[_Phase] = [
    ("awareness", "awareness", "Awareness", "認知",
     ("Sees the brand in an Instagram post", "Instagramの投稿でブランドを知る"),
     ("sns", "Instagram post", "Instagram投稿"), ("site_visits", "Site visits", "サイト訪問数", "visits/month", 10000)),
    ("interest", "interest", "Interest", "興味・関心",
     ("Browses the shop's pages", "ショップのページを見て回る"),
     ("ec_site", "Top page", "トップページ"), ("time_on_site", "Time on site", "サイト滞在時間", "minutes", 3)),
    ("consideration", "consideration", "Consideration", "検討",
     ("Reads reviews and compares products", "レビューを読み、商品を比較する"),
     ("ec_site", "Product page", "商品ページ"),
     ("add_to_cart_rate", "Add-to-cart rate", "カート投入率", "%", 8)),
    ("purchase", "purchase", "Purchase", "購入",
     ("Completes checkout", "購入手続きを完了する"),
     ("ec_site", "Checkout", "購入手続き画面"), ("conversion_rate", "Conversion rate", "購入率", "%", 2.5)),
    ("retention", "retention", "Retention & Advocacy", "使用・推奨",
     ("Uses the product and shares it", "商品を使い、SNSで共有する"),
     ("email", "Follow-up email", "フォローメール"), ("repeat_rate", "Repeat rate", "リピート率", "%", 30)),
]

_EXTRA_PHASES: dict[str, list[tuple[int, _Phase]]] = {
    "b2b": [(3, ("internal_coordination", "internal-coordination", "Internal coordination", "社内調整",
                 ("Shares the comparison with the team", "比較資料をチームに共有する"),
                 ("email", "Quote by email", "メールでの見積書"),
                 ("custom", "Quote-to-approval days", "見積から承認までの日数", "days", 14))),
            (4, ("approval", "approval", "Approval", "稟議・承認",
                 ("Submits the purchase for approval", "購入の稟議を上げる"),
                 ("sales_rep", "Sales representative", "営業担当"),
                 ("approval_lead_time", "Approval lead time", "承認リードタイム", "days", 10)))],
    "gift": [(5, ("receive", "receive", "Receive & unbox", "受け取り・開封",
                  ("The receiver opens the gift", "受け取った人がギフトを開ける"),
                  ("package_insert", "Gift message card", "ギフトメッセージカード"),
                  ("nps", "Receiver NPS", "受け取り手のNPS", "points", 40)))],
    "subscription": [(5, ("repeat_purchase", "repeat-purchase", "Repeat purchase", "リピート購入",
                          ("Renews the subscription", "定期便を継続する"),
                          ("email", "Renewal reminder", "継続リマインドメール"),
                          ("ltv", "LTV", "LTV", "JPY", 30000)))],
    "omnichannel": [(2, ("store_confirmation", "store-confirmation", "Store confirmation", "店舗での確認",
                         ("Tries the product on in a store", "店舗で実物を試す"),
                         ("store", "Store staff", "店舗スタッフ"),
                         ("store_visits", "Store visits from online", "オンライン経由の来店数", "visits/month",
                          500)))],
}

_BUSINESS = {
    "standard": {"model": "b2c", "purchase": "one_off", "channels": "online"},
    "b2b": {"model": "b2b", "purchase": "repeat", "cycle": "long", "channels": "online"},
    "gift": {"model": "b2c", "purchase": "one_off", "gift": True, "channels": "online"},
    "subscription": {"model": "b2c", "purchase": "subscription", "channels": "online"},
    "omnichannel": {"model": "b2c", "purchase": "repeat", "channels": "omnichannel"},
}

_PERSONAS = {
    "standard": [("customer", "buyer", "Main customer", "メインの顧客")],
    "b2b": [("user", "user", "Team member who uses the tool", "ツールを使う担当者"),
            ("approver", "approver", "Manager who approves the purchase", "購入を承認する部門長")],
    "gift": [("giver", "giver", "Gift giver", "贈る人"), ("receiver", "receiver", "Gift receiver", "受け取る人")],
}


def render_template(template: str, language: str, path: str) -> str:
    import yaml

    ja = language == "ja"
    phases = list(_STANDARD)
    for position, phase in _EXTRA_PHASES.get(template, []):
        phases.insert(position, phase)
    personas = _PERSONAS.get(template, _PERSONAS["standard"])
    first_persona = personas[0][0]
    pick = (lambda pair: pair[1]) if ja else (lambda pair: pair[0])
    map_id = os.path.splitext(os.path.basename(path))[0].lower().replace("_", "-").replace(" ", "-") or "journey"
    data: dict[str, Any] = {
        "cjm": 1,
        "id": map_id if map_id[:1].isalnum() and map_id.isascii() else "journey",
        "title": "TODO: " + ("カスタマージャーニーマップ" if ja else "Customer journey map"),
        "language": language,
        "business": _BUSINESS[template],
        "personas": [{"id": pid, "name": pick((en, jp)), "role": role,
                      "goals": ["TODO"], "pains": ["TODO"]} for pid, role, en, jp in personas],
        "phases": [],
        "initiatives": [],
        "messages": [{"id": "welcome", "type": "welcome", "trigger": "初回購入" if ja else "First purchase",
                      "channel": "email", "phase": "retention", "sequence": 3}],
    }
    for kind, pid, en, jp, action, touch, kpi in phases:
        metric, kpi_en, kpi_ja, unit, target = kpi
        data["phases"].append({
            "id": pid, "name": jp if ja else en, "kind": kind,
            "actions": [{"text": pick(action), "persona": first_persona}],
            "thoughts": ["TODO"],
            "emotion": {"score": 0, "note": "TODO"},
            "touchpoints": [{"name": touch[2] if ja else touch[1], "channel": touch[0]}],
            "pain_points": [], "opportunities": [],
            "kpis": [{"name": kpi_ja if ja else kpi_en, "metric": metric, "target": target, "unit": unit}],
        })
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"# yaml-language-server: $schema={SCHEMA_URL}\n{body}"
