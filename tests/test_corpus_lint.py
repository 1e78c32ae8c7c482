"""Lint on the corpus of realistic maps (tests/corpus/): what the consultants expect reported is reported, what
they call false alarms is not, and each finding they wanted in words (`lint.wanted`) that a rule now gives is
checked here as that rule's code and a piece of its message.

CJM601-CJM606 (business traits) are the adapt engineer's and are checked by that engineer's test.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from cjm.core.problem import Problem
from cjm.io.config import Config
from cjm.io.loader import load_yaml
from cjm.lint.engine import lint_result
from cjm.lint.rule_settings import build_settings
from cjm.validation.check import check_file

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTATIONS = sorted(CORPUS.glob("*.expect.yaml"))
ADAPTS_OWN = {f"CJM60{n}" for n in range(1, 7)}

# The rules made for issue 13, and CJM303/CJM702 whose noise it asked to remove (CJM702 now reports each KPI of
# another part of the journey, so it is checked like a new rule).
NEW_RULES = ("CJM110", "CJM111", "CJM205", "CJM404", "CJM506", "CJM702")

# map -> (the start of a `lint.wanted` entry, the code that now gives it, a piece of the finding's message).
WANTED: dict[str, list[tuple[str, str, str]]] = {
    "education-data-bootcamp": [
        ("no advocacy phase", "CJM205", "nothing after the purchase ('Onboarding')"),
        ("Purchase has no pain point and no opportunity", "CJM110", "phase 'Purchase' has no pain point"),
        ("persona pain 'Can't tell which certificates", "CJM506", "Can't tell which certificates"),
    ],
    "electronics-robot-vacuum": [
        ("the Returns low point (-2)", "CJM404", "phase 'Returns' is the emotional low point"),
        ("the Returns low point (-2)", "CJM404", "pain point 'label-printer' in phase 'Returns' is severe"),
        (
            "KPI 'CVR' in interest",
            "CJM702",
            "KPI 'CVR' (read from its name as conversion rate) of phase 'Interest' measures purchase, not interest",
        ),
        ("Awareness and Purchase have no pain point", "CJM110", "phase 'Awareness' has no pain point"),
        ("Awareness and Purchase have no pain point", "CJM110", "phase 'Purchase' has no pain point"),
        ("persona pain 'Worried the cats will attack it'", "CJM506", "Worried the cats will attack it"),
        # (its first half, the retention kind of 'Delivery & setup', is not a lint finding yet)
        ("the phase named 'Delivery & setup'", "CJM205", "nothing after the purchase"),
    ],
    "furniture-sofa": [
        ("推奨フェーズがない", "CJM205", "nothing after the purchase ('配送・組立')"),
        ("ペルソナの悩み「猫の爪で生地が傷まないか」", "CJM506", "猫の爪で生地が傷まないか心配"),
    ],
    "gift-oseibo": [
        ("受け取る人のペルソナがどのフェーズにも出てこない", "CJM502", "（受け取る人）' appears nowhere"),
        ("受け取る人の悩み", "CJM506", "'冷凍庫がいっぱい'"),
        ("受け取る人の悩み", "CJM506", "'不在がちで再配達が面倒'"),
    ],
    "grocery-net-super": [
        ("購入フェーズにペインも機会もない", "CJM110", "phase '購入' has no pain point"),
        ("ペルソナの悩み「子連れで店に行くのが大変」", "CJM506", "子連れで店に行くのが大変"),
    ],
    "housing-custom-home": [
        (
            "KPI「受注率」は名前から見て購入の指標",
            "CJM702",
            "KPI '受注率' (read from its name as conversion rate) of phase '検討' measures purchase, not consideration",
        ),
        ("検討の感情の底", "CJM404", "pain point 'shikin-fuan' in phase '検討' is severe (severity 5)"),
        ("ペルソナの悩み「営業担当の当たり外れ」", "CJM506", "営業担当の当たり外れ"),
        ("紹介が最大の集客源なのに推奨", "CJM205", "nothing after the purchase ('引き渡し・入居')"),
    ],
    "insurance-medical-online": [
        ("認知フェーズにペインも機会もない", "CJM110", "phase '認知' has no pain point"),
        ("ペルソナの悩み「対面の営業に勧められるまま入るのが嫌」", "CJM506", "対面の営業に勧められるまま入るのが嫌"),
        ("推奨（紹介・口コミ投稿）フェーズがない", "CJM205", "nothing after the purchase"),
    ],
    "luxury-watch-preowned": [
        (
            "the thought 'Nice colour, but is it worth the price?'",
            "CJM111",
            "split it at the comma into 'Nice colour' and 'but is it worth the price?'",
        ),
    ],
    "mealkit-subscription": [
        (
            "KPI「会員登録率」",
            "CJM702",
            "KPI '会員登録率' (read from its name as signup rate) of phase '認知' measures "
            "interest, consideration or purchase, not awareness",
        ),
        ("興味・関心フェーズにペインも機会もない", "CJM110", "phase '興味・関心' has no pain point"),
        ("ペルソナの悩み「子どもが野菜を残す」", "CJM506", "子どもが野菜を残す"),
        ("紹介クーポンが認知の入口なのに推奨", "CJM205", "nothing after the purchase ('配送・受け取り')"),
    ],
    "petfood-subscription": [
        (
            "KPI「リピート率」が検討フェーズにある",
            "CJM702",
            "KPI 'リピート率' (read from its name as repeat rate) of phase '検討' measures retention, "
            "not consideration",
        ),
        ("興味・関心フェーズにペインも機会もない", "CJM110", "phase '興味・関心' has no pain point"),
        ("ペルソナの悩み「大袋だと酸化が心配」", "CJM506", "大袋だと酸化が心配"),
    ],
    "saas-expense-management": [
        ("no advocacy phase", "CJM205", "nothing after the purchase ('Onboarding')"),
    ],
    "travel-family-package": [
        ("NPS is given as an awareness KPI", "CJM702", "KPI 'NPS' of phase 'Awareness' is a score of customers"),
        ("no advocacy phase", "CJM205", "nothing after the purchase ('The trip')"),
    ],
}
# Wanted entries lint does not give, and why (the others belong to adapt, prioritise or are not lint's):
# - grocery-net-super, CJM303 on daitai-settei "should say daitai-option could list it": the initiative
#   addresses the same pain point, so the link is inferred and CJM303 stays silent (issue 13 allows either;
#   mealkit-subscription and travel-family-package call the finding noise in that very case).
# - travel-family-package, 'School-holiday prices double': the consultant is right in substance (peak-season
#   pricing is not the price changes and branch/website mismatch the pain points name), but CJM506 compares key
#   words and errs towards silence, and the pain shares 'price' and 'holiday' with them. Stricter readings were
#   tried against the corpus and samples: a hyphenated compound as one term ('school-holiday') still leaves
#   'price'; ignoring the title's words ('holiday') or words two of a persona's pains share ('price') catches it
#   but newly reports pains that are on the map in other words (gift-sweets 'Does not know whether the gift
#   arrived safely' beside 'no notice when the gift is delivered'; cosmetics-subscription's 定期便, a title word).
#   Telling these apart needs meaning, not words; left silent.


@functools.cache
def _expectation(name: str) -> dict:
    path = CORPUS / f"{name}.expect.yaml"
    return load_yaml(path.read_bytes(), str(path)).data


@functools.cache
def _problems(name: str) -> tuple[Problem, ...]:
    result = check_file(str(CORPUS / _expectation(name)["map"]))
    return tuple(lint_result(result, build_settings(Config())).problems)


def _names() -> list[str]:
    return [p.name.removesuffix(".expect.yaml") for p in EXPECTATIONS]


def _reported(name: str) -> set[str]:
    return {problem.code for problem in _problems(name)}


@pytest.mark.parametrize("name", _names())
def test_what_the_consultant_expects_is_reported_and_no_false_alarm(name: str) -> None:
    lint = _expectation(name).get("lint", {})
    reported = _reported(name)
    assert set(lint.get("expect", [])) - ADAPTS_OWN <= reported
    assert not (set(lint.get("not_expect", [])) - ADAPTS_OWN) & reported, [
        str(p) for p in _problems(name) if p.code in lint["not_expect"]
    ]


@pytest.mark.parametrize(
    ("name", "wanted", "code", "fragment"), [(name, *entry) for name, entries in WANTED.items() for entry in entries]
)
def test_a_wanted_finding_is_given(name: str, wanted: str, code: str, fragment: str) -> None:
    assert any(entry.startswith(wanted) for entry in _expectation(name)["lint"]["wanted"]), wanted
    messages = [p.message for p in _problems(name) if p.code == code]
    assert any(fragment in message for message in messages), messages


def test_each_new_rule_fires_where_a_consultant_wants_it_and_nowhere_they_would_not() -> None:
    wanted = {(name, code) for name, entries in WANTED.items() for _, code, _ in entries}
    for code in NEW_RULES:
        assert any((name, code) in wanted and code in _reported(name) for name in _names()), code
        alarms = [
            name
            for name in _names()
            if code in _expectation(name).get("lint", {}).get("not_expect", []) and code in _reported(name)
        ]
        assert not alarms, (code, alarms)


def test_the_comma_slip_in_a_flow_mapping_is_explained_where_it_is() -> None:
    # apparel-workwear is invalid on purpose: `{text: Sizes run small, not true to size}`.
    expectation = _expectation("apparel-workwear")
    result = check_file(str(CORPUS / expectation["map"]))
    assert [p.code for p in result.problems] == expectation["validate"] == ["CJM010"]
    message = result.problems[0].message
    assert "in thought 1 of phase" in message  # not "in phase": the key is a thought's
    assert 'put this text in quotes, `text: "Sizes run small, not true to size"`' in message
