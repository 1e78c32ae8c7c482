"""The phase rule format: the built-in rules load, a user's rule works like a built-in one, and every mistake in
a rule file is reported at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cjm.adapt import adapt_text
from cjm.adapt.rules import (
    RULE_DUPLICATE,
    RULE_INCONSISTENT,
    RULE_SCHEMA_ERROR,
    builtin_rules,
    load_rule,
    load_rules,
    ordered,
)
from cjm.core.errors import CjmError
from cjm.io.loader import load_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "adapt"
BUILTIN_NAMES = {
    "b2b-approval",
    "gift",
    "repeat-purchase",
    "long-consideration",
    "low-awareness",
    "durable",
    "omnichannel",
    "impulse",
}


def test_the_builtin_rules_are_the_documented_ones() -> None:
    assert set(builtin_rules()) == BUILTIN_NAMES
    docs = (ROOT / "docs" / "phase-rules.md").read_text(encoding="utf-8")
    for name, rule in builtin_rules().items():
        assert f"`{name}`" in docs, f"docs/phase-rules.md does not describe {name}"
        assert rule.summary and rule.when, name
    assert any(step.get("merge") for rule in builtin_rules().values() for step in rule.steps)


def test_the_packaged_rule_schema_is_the_published_one() -> None:
    from jsonschema import Draft202012Validator

    published = (ROOT / "schemas" / "phase-rule.schema.json").read_text(encoding="utf-8")
    assert (ROOT / "cjm" / "schemas" / "phase-rule.schema.json").read_text(encoding="utf-8") == published
    Draft202012Validator.check_schema(json.loads(published))


USER_RULE = """\
# An industry rule a consultant wrote: cosmetics buyers ask for a free sample before they commit.
cjm-rule: 1
name: free-sample
summary: Cosmetics — a free-sample phase before purchase, fed by the sample-related entries of consideration.
when:
  purchase: repeat
steps:
  - split:
      phase: consideration
      into:
        - id: product-research
          kind: information_gathering
          name: {en: Product research, ja: 商品の下調べ}
        - id: free-sample
          kind: custom
          name: {en: Free sample, ja: 無料サンプル}
          match:
            keywords: [sample, tasting, trial, サンプル, 試供品]
            personas: [partner]
      default: product-research
"""


def test_a_user_rule_works_like_a_builtin_one(tmp_path: Path) -> None:
    (tmp_path / "free-sample.yaml").write_text(USER_RULE, encoding="utf-8")
    rules, problems = load_rules([str(tmp_path)])
    assert problems == []
    assert set(rules) > BUILTIN_NAMES
    text = (DATA / "tea-shop.yaml").read_text(encoding="utf-8")
    outcome = adapt_text(text, "tea-shop.yaml", [rules["free-sample"]])
    assert outcome.ok and outcome.changed
    phases = {p["id"]: p for p in load_yaml(outcome.text, "x").data["phases"]}
    assert list(phases)[2:4] == ["product-research", "free-sample"]
    actions = [a if isinstance(a, str) else a["text"] for a in phases["free-sample"]["actions"]]
    assert actions == ["Orders a tasting set"]
    assert not adapt_text(outcome.text, "x", [rules["free-sample"]]).changed
    assert rules["free-sample"].matches({"purchase": "repeat"}) and not rules["free-sample"].matches({})


def test_a_user_rule_replaces_the_builtin_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "gift.yaml").write_text(USER_RULE.replace("name: free-sample", "name: gift"), encoding="utf-8")
    rules, _ = load_rules([str(tmp_path)])
    assert rules["gift"].source.endswith("gift.yaml") and not rules["gift"].builtin


# (rule text, code, line, column, a fragment of the message)
BROKEN = {
    "yaml-syntax": ("cjm-rule: 1\nname: x\n\tsummary: tab\n", "CJM001", 3, 1, "tab"),
    "typo-in-key": (
        "cjm-rule: 1\nname: x\nsummary: s\nstpes:\n  - merge: {phases: [interest], into: "
        "{id: a, kind: interest, name: A}}\n",
        RULE_SCHEMA_ERROR,
        4,
        1,
        "did you mean `steps`?",
    ),
    "unknown-kind": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - split:\n      phase: considration\n"
        "      into: [{id: a, kind: comparison, name: A}, {id: b, kind: comparison, name: B}]\n"
        "      default: a\n",
        RULE_SCHEMA_ERROR,
        6,
        14,
        "did you mean `consideration`?",
    ),
    "default-not-a-target": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - split:\n      phase: interest\n"
        "      into: [{id: a, kind: comparison, name: A}, {id: b, kind: custom, name: B}]\n"
        "      default: c\n",
        RULE_INCONSISTENT,
        8,
        16,
        "default 'c' is not one of",
    ),
    "splits-into-itself": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - split:\n      phase: interest\n"
        "      into:\n        - {id: a, kind: interest, name: A}\n"
        "        - {id: b, kind: custom, name: B}\n      default: a\n",
        RULE_INCONSISTENT,
        8,
        25,
        "split it again",
    ),
    "no-place-for-new-phase": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - add_phase:\n      id: a\n"
        "      kind: support\n      name: Support\n",
        RULE_INCONSISTENT,
        5,
        5,
        "`after` or `before`",
    ),
    "two-actions-in-a-step": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - add_persona: {id: u, role: user, "
        "name: U}\n    add_phase: {id: a, kind: use, name: A, after: [purchase]}\n",
        RULE_SCHEMA_ERROR,
        5,
        5,
        "step",
    ),
    "unknown-metric-in-starter": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - add_phase:\n      id: a\n"
        "      kind: use\n      name: Use\n      after: [purchase]\n      kpis:\n"
        "        - {name: Usage, metric: usage_rate}\n",
        RULE_SCHEMA_ERROR,
        11,
        33,
        "usage_rate",
    ),
    "text-without-english": (
        "cjm-rule: 1\nname: x\nsummary: s\nsteps:\n  - add_persona:\n      id: u\n"
        "      role: user\n      name: {ja: 利用者}\n",
        RULE_SCHEMA_ERROR,
        8,
        7,
        "`en`",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_rule_is_reported_where_it_is_broken(case: str) -> None:
    text, code, line, col, fragment = BROKEN[case]
    rule, problems = load_rule(text, "rules/x.yaml")
    assert rule is None
    found = [(p.file, p.code, p.line, p.col) for p in problems if fragment in p.message]
    assert found == [("rules/x.yaml", code, line, col)], problems


def test_two_user_rules_with_one_name_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(USER_RULE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(USER_RULE, encoding="utf-8")
    _, problems = load_rules([str(tmp_path)])
    assert [(p.code, Path(p.file).name, p.line) for p in problems] == [(RULE_DUPLICATE, "b.yaml", 3)]


def test_a_missing_rules_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(CjmError, match="does not exist"):
        load_rules([str(tmp_path / "nowhere")])


def test_rules_run_in_a_stable_order() -> None:
    names = [rule.name for rule in ordered(builtin_rules().values())]
    # Splits and merges of the early phases first, phases added after purchase last.
    assert names.index("low-awareness") < names.index("long-consideration") < names.index("repeat-purchase")
    assert names == [rule.name for rule in ordered(reversed(list(builtin_rules().values())))]
