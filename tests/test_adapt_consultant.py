"""`cjm adapt` on maps written the way consultants write them (tests/data/adapt/repro/): the standard five labels,
`retention` as the first post-purchase phase named for what happens there, flow-style lists, Japanese. Each test
is one failure of issue 12, reproduced first and now mended: rules compose as a plan, emotions follow evidence,
new phases go in journey order, entries move by what they say, trait mismatch is said."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from cjm.adapt import adapt_text, merge_text
from cjm.adapt.rules import builtin_rules
from cjm.io.loader import load_yaml
from cjm.validation.check import check_text

REPRO = Path(__file__).resolve().parent / "data" / "adapt" / "repro"
ADAPT_CODES = {"CJM601", "CJM602", "CJM603", "CJM604", "CJM605", "CJM606"}


def _map(name: str) -> str:
    return (REPRO / name).read_text(encoding="utf-8")


def _rules(*names: str) -> list[Any]:
    return [builtin_rules()[n] for n in names]


def _phases(text: str) -> list[dict[str, Any]]:
    return load_yaml(text, "m").data["phases"]


def _where(text: str, words: str) -> str:
    """The id of the phase holding the one entry whose text contains `words`."""
    found = [
        phase["id"]
        for phase in _phases(text)
        for key in ("actions", "thoughts", "touchpoints", "pain_points", "opportunities", "kpis")
        for entry in phase.get(key) or []
        if words in (entry if isinstance(entry, str) else entry.get("text") or entry.get("name"))
    ]
    assert len(found) == 1, (words, found)
    return found[0]


def _lint(text: str) -> list[Any]:
    """Every lint problem of a map, with the default settings."""
    from cjm.io.config import Config
    from cjm.lint.engine import lint_result
    from cjm.lint.rule_settings import build_settings

    return lint_result(check_text(text, "m.yaml"), build_settings(Config())).problems


def _lint_codes(text: str) -> set[str]:
    return {p.code for p in _lint(text)}


@pytest.mark.parametrize("order", list(itertools.permutations(["long-consideration", "omnichannel", "durable"])))
def test_the_rules_are_a_plan_in_any_order(order: tuple[str, ...]) -> None:
    auto = adapt_text(_map("sofa-ja.yaml"), "sofa-ja.yaml", list(builtin_rules().values()), auto=True)
    named = adapt_text(_map("sofa-ja.yaml"), "sofa-ja.yaml", _rules(*order))
    assert named.text == auto.text


def test_long_consideration_and_omnichannel_compose_on_the_sofa() -> None:
    outcome = adapt_text(_map("sofa-ja.yaml"), "sofa-ja.yaml", list(builtin_rules().values()), auto=True)
    text = outcome.text or ""
    assert [p["kind"] for p in _phases(text)] == [
        "awareness",
        "interest",
        "information_gathering",
        "comparison",
        "store_confirmation",
        "final_confirmation",
        "purchase",
        "use_and_maintenance",
        "retention",
    ]
    for words in ("店舗で座って", "実物の色", "店舗スタッフ"):
        assert _where(text, words) == "store-confirmation"
    store = next(p for p in _phases(text) if p["id"] == "store-confirmation")
    assert store["kpis"][-1]["unit"] == "回/月"  # Japanese units on a Japanese map
    assert [t["name"] for t in store["touchpoints"]] == ["店舗スタッフ"]  # the map's own, no starter beside it
    said = "\n".join(line for r in outcome.reports for line in r.changes + r.notes)
    assert "skipped" not in said and "already has" not in said
    assert outcome.notices == ["durable: true inferred from industry '家具'"]
    assert not _lint_codes(text) & ADAPT_CODES


def test_a_split_gives_the_emotion_to_where_its_evidence_went() -> None:
    outcome = adapt_text(_map("sofa-ja.yaml"), "sofa-ja.yaml", _rules("long-consideration"))
    emotions = {p["id"]: p.get("emotion") for p in _phases(outcome.text or "")}
    # the pain point (and the initiative) went to comparison; the other new phases feel nothing invented
    assert emotions["comparison"]["score"] == -2
    assert emotions["information-gathering"] is None and emotions["final-confirmation"] is None


def test_a_merge_keeps_the_lowest_score_and_says_so() -> None:
    outcome = merge_text(_map("sofa-ja.yaml"), "sofa-ja.yaml", ["interest", "consideration"], "consideration")
    merged = next(p for p in _phases(outcome.text or "") if p["id"] == "consideration")
    assert merged["emotion"]["score"] == -2
    assert any(
        "kept the lowest score, -2 from 'consideration' ('interest' had 1)" in c for c in outcome.reports[0].changes
    )


def test_low_awareness_without_interest_adds_both_steps_where_interest_would_be() -> None:
    text = _map("lowaware.yaml")
    assert "CJM604" in _lint_codes(text)
    outcome = adapt_text(text, "lowaware.yaml", list(builtin_rules().values()), auto=True)
    adapted = outcome.text or ""
    assert [p["id"] for p in _phases(adapted)][:3] == ["awareness", "industry-awareness", "product-awareness"]
    assert _where(adapted, "what sleep tracking is") == "industry-awareness"
    assert _where(adapted, "Sees the brand") == "product-awareness"
    assert not _lint_codes(adapted) & ADAPT_CODES


def test_b2b_approval_takes_the_approval_entries_out_of_the_contract() -> None:
    outcome = adapt_text(_map("b2b-saas.yaml"), "b2b-saas.yaml", list(builtin_rules().values()), auto=True)
    text = outcome.text or ""
    ids = [p["id"] for p in _phases(text)]
    assert ids.index("internal-coordination") < ids.index("approval") < ids.index("contract")
    for words in ("Writes the approval request", "material to convince my superior", "approval process takes"):
        assert _where(text, words) == "approval"
    assert _where(text, "Signs the contract") == "contract"
    # renewal after onboarding (a `retention` phase named Onboarding), and the win-back with it
    assert ids.index("repeat-purchase") > ids.index("retention")
    assert next(m for m in load_yaml(text, "m").data["messages"] if m["id"] == "win-back")["phase"] == "repeat-purchase"
    assert not _lint_codes(text) & ADAPT_CODES


def test_gift_adds_the_delivery_where_the_givers_worry_lives() -> None:
    outcome = adapt_text(_map("gift.yaml"), "gift.yaml", _rules("gift"))
    text = outcome.text or ""
    ids = [p["id"] for p in _phases(text)]
    assert ids[ids.index("purchase") :] == ["purchase", "delivery", "receive", "unboxing", "use", "thank"]
    assert _where(text, "arrive on time and intact") == _where(text, "No tracking") == "delivery"
    assert _where(text, "Orders with a delivery date") == "purchase"
    assert next(p for p in _phases(text) if p["id"] == "delivery")["emotion"]["score"] == -1


def test_durable_goes_after_a_delivery_labelled_retention_in_japanese() -> None:
    outcome = adapt_text(_map("durable-ja.yaml"), "durable-ja.yaml", list(builtin_rules().values()), auto=True)
    text = outcome.text or ""
    assert [p["id"] for p in _phases(text)][3:] == ["delivery", "use-and-maintenance", "repeat-purchase", "advocacy"]
    assert outcome.notices == ["durable: true inferred from industry '家電'"]
    assert {"CJM104"} & _lint_codes(text) == set()
    assert not _lint_codes(text) & ADAPT_CODES


def test_a_rule_the_traits_do_not_call_for_is_said_once_and_not_applied_by_auto() -> None:
    text = _map("b2b-saas.yaml")  # online only
    named = adapt_text(text, "b2b-saas.yaml", _rules("omnichannel"))
    assert len(named.notices) == 1 and "`channels` is 'online'" in named.notices[0]
    auto = adapt_text(text, "b2b-saas.yaml", list(builtin_rules().values()), auto=True)
    assert "omnichannel" not in {r.name for r in auto.reports}


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
AFTER_AUTO = [*(REPRO / p.name for p in sorted(REPRO.glob("*.yaml"))), *sorted(SAMPLES.glob("*.yaml"))]


@pytest.mark.parametrize("path", AFTER_AUTO, ids=lambda p: p.name)
def test_after_auto_lint_recommends_no_rule_and_no_low_point_is_new(path: Path) -> None:
    name = path.name
    text = path.read_text(encoding="utf-8")
    outcome = adapt_text(text, name, list(builtin_rules().values()), auto=True)
    assert outcome.ok, outcome.problems
    after = _lint(outcome.text or "")
    assert sum(p.code == "CJM402" for p in after) <= sum(p.code == "CJM402" for p in _lint(text))
    assert not [p.message for p in after if "cjm adapt --rule" in p.message]
    assert not adapt_text(outcome.text or "", name, list(builtin_rules().values()), auto=True).changed


def test_a_moved_flow_kpi_followed_by_a_starter_kpi_stays_valid_yaml() -> None:
    outcome = adapt_text(_map("flow-kpi-ja.yaml"), "flow-kpi-ja.yaml", _rules("repeat-purchase"))
    assert outcome.ok, outcome.problems
    assert (
        '      - {name: 2回目利用率, metric: repeat_rate, target: 55, unit: "%", origin: keizoku}\n'
        "      - name: LTV\n" in (outcome.text or "")
    )


TEMPLATES = [(t, lang) for t in ("standard", "b2b", "gift", "subscription", "omnichannel") for lang in ("en", "ja")]


@pytest.mark.parametrize(("template", "lang"), TEMPLATES)
def test_every_starter_is_clean_under_its_own_rules(template: str, lang: str) -> None:
    """A `cjm init` starter is adapted by the rules its traits call for: nothing left to review, no rule to
    recommend, no business-trait finding."""
    from cjm.adapt.templates import render_template

    text = render_template(template, lang, "x.yaml")
    assert "review: true" not in text
    assert not _lint_codes(text) & (ADAPT_CODES | {"CJM107", "CJM109", "CJM104"})
    if lang == "ja":
        assert "visits/month" not in text and "unit: days" not in text


def test_an_untouched_flow_list_of_one_pair_mappings_keeps_its_braces() -> None:
    text = _map("sofa-ja.yaml")
    outcome = adapt_text(text, "sofa-ja.yaml", _rules("durable"))
    assert "    kpis: [{name: サイト訪問数, metric: site_visits, target: 5000, unit: 回/月}]\n" in (outcome.text or "")
    kpi = "{name: サイト訪問数, metric: site_visits, target: 5000, unit: 回/月}"
    one_pair = text.replace(kpi, "{name: サイト訪問数}")
    assert "    kpis: [{name: サイト訪問数}]\n" in (adapt_text(one_pair, "m.yaml", _rules("durable")).text or "")
