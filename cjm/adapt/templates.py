"""Starter maps for `cjm init`: the standard five phases of the domain brief with their usual KPIs, in English or
Japanese. The other templates are the same start with other business traits, adapted by the phase rules those
traits call for (as `cjm adapt --auto` would), so a template never disagrees with the rules or with lint."""

from __future__ import annotations

import os
from typing import Any

from cjm.core.vocabulary import kind_name

SCHEMA_URL = "https://raw.githubusercontent.com/cjm-tools/cjm/main/schemas/journey.schema.json"
SCHEMA_FILE = "journey.schema.json"  # `cjm init` writes the schema beside the map, so editors work offline

# kind, action (en, ja), touchpoint (channel, en, ja), KPI (metric, en, ja, unit (en, ja), target). The phases' names
# are the usual names of their kinds (`cjm.core.vocabulary`).
_Phase = tuple[str, tuple[str, str], tuple[str, str, str], tuple[str, str, str, tuple[str, str], Any]]
_STANDARD: list[_Phase] = [
    (
        "awareness",
        ("Sees the brand in an Instagram post", "Instagramの投稿でブランドを知る"),
        ("sns", "Instagram post", "Instagram投稿"),
        ("site_visits", "Site visits", "サイト訪問数", ("visits/month", "回/月"), 10000),
    ),
    (
        "interest",
        ("Browses the shop's pages", "ショップのページを見て回る"),
        ("ec_site", "Top page", "トップページ"),
        ("time_on_site", "Time on site", "サイト滞在時間", ("minutes", "分"), 3),
    ),
    (
        "consideration",
        ("Reads reviews and compares products", "レビューを読み、商品を比較する"),
        ("ec_site", "Product page", "商品ページ"),
        ("add_to_cart_rate", "Add-to-cart rate", "カート投入率", ("%", "%"), 8),
    ),
    (
        "purchase",
        ("Completes checkout", "購入手続きを完了する"),
        ("ec_site", "Checkout", "購入手続き画面"),
        ("conversion_rate", "Conversion rate", "購入率", ("%", "%"), 2.5),
    ),
    (
        "retention",
        ("Uses the product and shares it", "商品を使い、SNSで共有する"),
        ("email", "Follow-up email", "フォローメール"),
        ("repeat_rate", "Repeat rate", "リピート率", ("%", "%"), 30),
    ),
]

_BUSINESS: dict[str, dict[str, Any]] = {
    "standard": {"model": "b2c", "purchase": "one_off", "channels": "online"},
    "b2b": {"model": "b2b", "purchase": "one_off", "cycle": "long", "channels": "online"},
    "gift": {"model": "b2c", "purchase": "one_off", "gift": True, "channels": "online"},
    "subscription": {"model": "b2c", "purchase": "subscription", "channels": "online"},
    "omnichannel": {"model": "b2c", "purchase": "one_off", "channels": "omnichannel"},
}

_STORE_ACTION = ("Tries the product in a store", "店舗で実物を試す")
_STORE_TOUCHPOINT = ("Store staff", "店舗スタッフ")


# yamllint's default line length, which a starter keeps to.
LINE_LENGTH = 80


def render_template(template: str, language: str, path: str, schema: str = SCHEMA_URL) -> str:
    """The starter map for `path`, its modeline pointing editors at `schema` (a URL or a relative path), laid out
    as yamllint's default configuration wants: a document start, indented sequences and lines of at most 80
    characters. A longer text is folded (`>-`), which `cjm.core.edit` (adapt, lint --fix) writes back as it was;
    a plain scalar wrapped over lines would come back on one."""
    import yaml

    class IndentedDumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
            return super().increase_indent(flow, False)

    ja = language == "ja"
    pick = (lambda pair: pair[1]) if ja else (lambda pair: pair[0])
    map_id = os.path.splitext(os.path.basename(path))[0].lower().replace("_", "-").replace(" ", "-") or "journey"
    data: dict[str, Any] = {
        "cjm": 1,
        "id": map_id if map_id[:1].isalnum() and map_id.isascii() else "journey",
        "title": "TODO: " + ("カスタマージャーニーマップ" if ja else "Customer journey map"),
        "language": language,
        "business": _BUSINESS[template],
        "personas": [
            {
                "id": "customer",
                "name": pick(("Main customer", "メインの顧客")),
                "role": "giver" if _BUSINESS[template].get("gift") else "buyer",
                "goals": ["TODO"],
                "pains": ["TODO"],
            }
        ],
        "phases": [],
        "initiatives": [],
        "messages": [
            {
                "id": "welcome",
                "type": "welcome",
                "trigger": "初回購入" if ja else "First purchase",
                "channel": "email",
                "phase": "retention",
                "sequence": 3,
            }
        ],
    }
    for kind, action, touch, kpi in _STANDARD:
        metric, kpi_en, kpi_ja, unit, target = kpi
        data["phases"].append(
            {
                "id": kind,
                "name": kind_name(kind, language),
                "kind": kind,
                "actions": [{"text": pick(action), "persona": "customer"}],
                "thoughts": ["TODO"],
                "emotion": {"score": 0, "note": "TODO"},
                "touchpoints": [{"name": touch[2] if ja else touch[1], "channel": touch[0]}],
                "pain_points": [],
                "opportunities": [],
                "kpis": [{"name": kpi_ja if ja else kpi_en, "metric": metric, "target": target, "unit": pick(unit)}],
            }
        )
    if _BUSINESS[template].get("channels") == "omnichannel":  # the store side, for the omnichannel rule to place
        consideration = next(p for p in data["phases"] if p["kind"] == "consideration")
        consideration["actions"].append({"text": pick(_STORE_ACTION), "persona": "customer"})
        consideration["touchpoints"].append({"name": pick(_STORE_TOUCHPOINT), "channel": "store"})

    def dump(value: Any) -> str:
        return yaml.dump(value, Dumper=IndentedDumper, allow_unicode=True, sort_keys=False, width=4096)

    adapted = _adapt_to_business(dump(data), path, _BUSINESS[template])
    # Dumped again, so that the rules' starter entries are laid out the same (the map has no comments yet).
    # The modeline inside the document (after ---), where every YAML round trip keeps it.
    return _folded(f"---\n# yaml-language-server: $schema={schema}\n{dump(yaml.safe_load(adapted))}")


def _folded(text: str) -> str:
    """The text with every value that makes its line longer than `LINE_LENGTH` written as a folded block scalar,
    broken at spaces: the same text, read back, in lines that fit."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    from cjm.core.edit import dump_roundtrip, key_column, load_roundtrip

    data = load_roundtrip(text)
    changed = False
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        column = key_column(node)
        for key, value in node.items():
            stack.append(value)
            # `key: value`, quoted when the value needs it (allow two characters for the quotes).
            long = isinstance(value, str) and column + len(f"{key}: {value}") + 2 > LINE_LENGTH
            # Folding joins lines with one space: only text of single-spaced words reads back the same.
            if long and value == " ".join(value.split()):
                folded = FoldedScalarString(value)
                folded.fold_pos = _fold_positions(value, LINE_LENGTH - column - 2)
                node[key] = folded
                changed = True
    return dump_roundtrip(data) if changed else text


def _fold_positions(value: str, width: int) -> list[int]:
    """Where to break `value` (at spaces, so that folding joins the lines with a space again) into lines of at
    most `width` characters; a word longer than that keeps its line."""
    positions, start = [], 0
    while len(value) - start > width:
        cut = value.rfind(" ", start, start + width + 1)
        if cut <= start:
            break
        positions.append(cut)
        start = cut + 1
    return positions


def _adapt_to_business(text: str, path: str, business: dict[str, Any]) -> str:
    from cjm.adapt import adapt_text
    from cjm.adapt.rules import builtin_rules

    if not any(rule.matches(business) for rule in builtin_rules().values()):
        return text
    outcome = adapt_text(text, path, list(builtin_rules().values()), auto=True)
    assert outcome.text is not None, outcome.problems  # the rules are tested on every template
    return _placeholders_unflagged(outcome.text)


def _placeholders_unflagged(text: str) -> str:
    """A starter's `TODO` placed by a split needs no review (there is nothing to check; it is to be written)."""
    from cjm.core.edit import dump_roundtrip, load_roundtrip

    data = load_roundtrip(text)
    changed = False
    for phase in data["phases"]:
        for entries in (phase.get(key) for key in ("actions", "thoughts")):
            for index, entry in enumerate(entries or []):
                if isinstance(entry, dict) and entry.get("text") == "TODO" and entry.get("review"):
                    entries[index] = "TODO"
                    changed = True
    return dump_roundtrip(data) if changed else text
