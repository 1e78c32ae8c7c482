"""Each built-in rule, and a hand-made split and merge, pinned to the exact YAML they must produce.

The expected files in tests/data/adapt/golden/ were generated, then read line by line. After a deliberate
change, regenerate them with `CJM_UPDATE_GOLDEN=1 python -m pytest tests/test_adapt_golden.py` and read the
diff before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from cjm.adapt import Outcome, adapt_text, merge_text, split_text
from cjm.adapt.rules import builtin_rules
from cjm.validation.check import check_text

DATA = Path(__file__).resolve().parent / "data" / "adapt"
GOLDEN = DATA / "golden"


def _rule(name: str) -> Callable[[str, str], Outcome]:
    return lambda text, source: adapt_text(text, source, [builtin_rules()[name]])


CASES: dict[str, tuple[str, Callable[[str, str], Outcome]]] = {
    "long-consideration": ("tea-shop.yaml", _rule("long-consideration")),
    "impulse": ("tea-shop.yaml", _rule("impulse")),
    "gift": ("tea-shop.yaml", _rule("gift")),
    "repeat-purchase": ("tea-shop.yaml", _rule("repeat-purchase")),
    "low-awareness": ("watch-ja.yaml", _rule("low-awareness")),
    "omnichannel": ("watch-ja.yaml", _rule("omnichannel")),
    "b2b-approval": ("watch-ja.yaml", _rule("b2b-approval")),
    "durable": ("watch-ja.yaml", _rule("durable")),
    "split-by-lane": (
        "tea-shop.yaml",
        lambda text, source: split_text(
            text,
            source,
            "consideration",
            ["research", "comparison", "final-confirmation"],
            lanes={"regular": "research"},
            names={"research": "Research online"},
        ),
    ),
    "merge-ja": (
        "watch-ja.yaml",
        lambda text, source: merge_text(text, source, ["interest", "consideration"], "interest-consideration"),
    ),
}


def test_every_builtin_rule_has_a_golden_case() -> None:
    assert set(builtin_rules()) <= set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str) -> None:
    fixture, run = CASES[case]
    source = f"tests/data/adapt/{fixture}"
    outcome = run((DATA / fixture).read_text(encoding="utf-8"), source)
    assert outcome.ok and outcome.changed, outcome.problems
    expected = GOLDEN / f"{case}.yaml"
    if os.environ.get("CJM_UPDATE_GOLDEN"):
        expected.write_text(outcome.text or "", encoding="utf-8")
    assert outcome.text == expected.read_text(encoding="utf-8")
    assert check_text(outcome.text or "", source).problems == []


@pytest.mark.parametrize("case", sorted(c for c in CASES if c in builtin_rules()))
def test_a_rule_applied_to_its_own_result_changes_nothing(case: str) -> None:
    text = (GOLDEN / f"{case}.yaml").read_text(encoding="utf-8")
    outcome = adapt_text(text, case, [builtin_rules()[case]])
    assert outcome.ok and not outcome.changed
    assert outcome.reports[0].notes, "a rule that changes nothing says why"


SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.yaml"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_builtin_rule_on_every_sample_gives_a_valid_map(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    for name, rule in builtin_rules().items():
        outcome = adapt_text(text, sample.name, [rule])  # validated inside: a result that is not valid is refused
        assert outcome.ok, (name, outcome.problems)
        assert outcome.changed or outcome.reports[0].notes, f"{name} on {sample.name} changed nothing and said nothing"
