"""The rule registry documents itself: every rule has a code, a name, a docstring of the agreed shape whose
examples do what they claim, and docs/rules.md is generated from it."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cjm.lint.rules
from cjm.core.problem import Problem
from cjm.io.config import Config
from cjm.lint.base import CODE_PATTERN, NAME_PATTERN, complete_example
from cjm.lint.docs import rules_markdown
from cjm.lint.engine import lint_result
from cjm.lint.rule_settings import build_settings, check_option
from cjm.lint.rules import BY_NAME, RULES
from cjm.validation.check import check_text
from tools.docs import PAGES

ROOT = Path(__file__).resolve().parent.parent
RULE_IDS = [pytest.param(rule, id=code) for code, rule in RULES.items()]


def test_rules_md_is_one_of_the_generated_pages() -> None:
    # tests/test_docs.py fails when a generated page drifts; this makes sure rules.md is among them.
    assert PAGES["docs/rules.md"]() == rules_markdown()


def test_there_are_enough_rules_each_registered_once() -> None:
    assert len(RULES) >= 20
    assert len(BY_NAME) == len(RULES), "rule names must be unique"
    modules = {m.name for m in pkgutil.iter_modules(cjm.lint.rules.__path__)}
    registered = {rule.check.__module__.rsplit(".", 1)[1] for rule in RULES.values()}
    assert modules == registered, f"rule modules not in the registry: {modules - registered}"


@pytest.mark.parametrize("rule", RULE_IDS)
def test_rule_has_complete_documentation(rule) -> None:  # type: ignore[no-untyped-def]
    assert CODE_PATTERN.fullmatch(rule.code) and NAME_PATTERN.fullmatch(rule.name)
    doc = rule.doc
    assert doc.summary.endswith(".") and len(doc.summary) <= 80, doc.summary
    assert len(re.findall(r"[.!?](\s|$)", doc.body)) >= 2, "the body should say what it checks and why it matters"
    assert doc.fails.strip() and doc.passes.strip(), "a failing and a passing example"
    for name, option in rule.options.items():
        assert option.help.strip(), f"option {name} needs help"
        assert check_option(option, option.default) is None, f"the default of {name} must be acceptable"
    if rule.fix:
        assert not rule.fix.endswith("."), "FIX is a phrase that follows '--fix'"


@pytest.mark.parametrize("rule", RULE_IDS)
def test_rule_examples_do_what_they_say(rule) -> None:  # type: ignore[no-untyped-def]
    settings = build_settings(Config())
    for example, should_fail in ((rule.doc.fails, True), (rule.doc.passes, False)):
        result = check_text(complete_example(example), "example.yaml")
        assert result.journey is not None, [p.message for p in result.problems]
        codes = {p.code for p in lint_result(result, settings).problems}
        assert (rule.code in codes) is should_fail


def test_problem_urls_point_at_anchors_in_rules_md() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in RULES:
        anchor = Problem("m.yaml", 1, 1, code, "x").url.rsplit("#", 1)[1]
        assert f'<a id="{anchor}"></a>' in text


def test_the_lint_library_imports_neither_typer_nor_rich() -> None:
    code = (
        "import sys, cjm.lint.engine, cjm.lint.fix, cjm.lint.docs, cjm.core.edit; "
        "print(sorted(m for m in ('typer', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
