"""Every rule's cases, kept as data in tests/lint_cases/CJMnnn.yaml and run by one test.

A case is a map fragment (`map`; the required header keys are appended when missing, so line numbers are as
written), the lines where the rule must report (`expect`: [] for a passing case, or a list of lines, or of
`{line, message}` where `message` is a substring), optional rule `options`, and for fixable rules the text
`fixed` that `--fix` must produce (with only that rule enabled).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.io.config import Config
from cjm.lint.base import complete_example
from cjm.lint.engine import lint_result
from cjm.lint.fix import fix_text
from cjm.lint.rule_settings import build_settings
from cjm.lint.rules import RULES
from cjm.validation.check import check_text

CASES_DIR = Path(__file__).parent / "lint_cases"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            params.append(pytest.param(document["rule"], case, id=f"{document['rule']}-{case['name']}"))
    return params


def _settings(code: str, options: dict[str, Any] | None, select: list[str] | None = None) -> Any:
    lint: dict[str, Any] = {"rules": {code: options}} if options else {}
    if select:
        lint["select"] = select
    return build_settings(Config(data={"lint": lint}))


@pytest.mark.parametrize(("code", "case"), _load_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    text = complete_example(case["map"])
    result = check_text(text, "case.yaml")
    assert result.journey is not None, [p.message for p in result.problems]
    # All rules run, so that rules which depend on each other (suppressions) behave as in real use.
    report = lint_result(result, _settings(code, case.get("options")))
    found = [p for p in report.problems if p.code == code]
    expected = [e if isinstance(e, dict) else {"line": e} for e in case["expect"]]
    assert sorted(p.line for p in found) == sorted(e["line"] for e in expected), [str(p) for p in found]
    for want in expected:
        if "message" in want:
            messages = [p.message for p in found if p.line == want["line"]]
            assert any(want["message"] in message for message in messages), messages
    severity = (case.get("options") or {}).get("severity", RULES[code].severity.value)
    for problem in found:
        assert (problem.rule, problem.severity.value) == (RULES[code].name, severity)
    if "fixed" in case:
        fixed, count = fix_text(text, "case.yaml", _settings(code, case.get("options"), [code]).rules)
        assert count >= 1
        assert fixed == complete_example(case["fixed"])


def test_every_rule_has_failing_and_passing_cases() -> None:
    covered: dict[str, set[bool]] = {}
    for param in _load_cases():
        code, case = param.values
        covered.setdefault(code, set()).add(bool(case["expect"]))
    missing = {code: sorted(covered.get(code, set())) for code in RULES if covered.get(code) != {True, False}}
    assert not missing, f"rules without both failing and passing cases: {missing}"
    assert set(covered) <= set(RULES), f"cases for unknown rules: {set(covered) - set(RULES)}"


def test_every_fixable_rule_has_a_fix_case() -> None:
    fixed = {param.values[0] for param in _load_cases() if "fixed" in param.values[1]}
    assert {code for code, rule in RULES.items() if rule.fix} <= fixed
