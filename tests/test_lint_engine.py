"""The engine: validation first, rules over valid maps, inline suppressions found only in real comments."""

from __future__ import annotations

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cjm.io.config import Config
from cjm.lint.engine import lint_journey, lint_result
from cjm.lint.rule_settings import Overrides, build_settings
from cjm.lint.suppress import scan
from cjm.validation.check import check_text

HEADER = "cjm: 1\nid: m\ntitle: M\n"


def _lint(text: str, select: tuple[str, ...] | None = None) -> list[tuple[int, str]]:
    result = check_text(text, "m.yaml")
    report = lint_result(result, build_settings(Config(), Overrides(select=select)))
    return [(p.line, p.code) for p in report.problems]


def test_an_invalid_map_gets_validation_problems_only() -> None:
    problems = _lint(HEADER + "phases:\n  - {id: awareness, name: A, kind: awarenes}\n")
    assert problems and all(code.startswith("CJM0") for _, code in problems)


def test_a_valid_map_is_linted_and_problems_carry_rule_names() -> None:
    result = check_text(HEADER + "phases:\n  - {id: purchase, name: P, kind: purchase}\n", "m.yaml")
    assert result.journey is not None
    violations = lint_journey(result.journey, build_settings(Config()).rules)
    assert {v.problem.code for v in violations} >= {"CJM101", "CJM102", "CJM201", "CJM204"}
    assert all(v.problem.rule and v.problem.url.endswith(f"rules.md#{v.problem.code.lower()}") for v in violations)
    assert [v.problem for v in violations] == sorted(v.problem for v in violations)


def test_a_comment_on_its_own_line_applies_to_the_next_line_with_content() -> None:
    text = (
        HEADER + "phases:\n  # cjm: disable=CJM101,CJM102 -- new phase\n\n  # more notes\n  - id: purchase\n"
        "    name: P\n    kind: purchase\n"
    )
    directives = scan(text)
    assert [(d.line, d.target, d.codes, d.reason) for d in directives] == [(5, 8, ("CJM101", "CJM102"), "new phase")]
    codes = {code for _, code in _lint(text)}
    assert not {"CJM101", "CJM102", "CJM100"} & codes


def test_a_trailing_comment_applies_to_its_own_line_only() -> None:
    text = (
        HEADER + "phases:\n  - id: purchase  # cjm: disable=CJM101\n    name: P\n    kind: purchase\n"
        "  - id: use\n    name: U\n    kind: use\n"
    )
    problems = _lint(text)
    assert (5, "CJM101") not in problems and (8, "CJM101") in problems


def test_file_wide_suppression() -> None:
    text = (
        "# cjm: disable-file=CJM101 -- touchpoints come later\n"
        + HEADER
        + "phases:\n  - {id: purchase, name: P, kind: purchase}\n  - {id: use, name: U, kind: use}\n"
    )
    assert "CJM101" not in {code for _, code in _lint(text)}


def test_suppressions_of_rules_that_did_not_run_are_not_reported_unused() -> None:
    text = (
        HEADER + "phases:\n  - id: purchase  # cjm: disable=CJM102\n    name: P\n    kind: purchase\n"
        "    actions: [Pays]\n"
    )
    assert (5, "CJM100") in _lint(text)
    assert _lint(text, select=("CJM20", "CJM100")) == [(4, "CJM201"), (4, "CJM204")]


def test_hashes_that_are_not_comments_are_ignored() -> None:
    text = HEADER + (
        "description: 'see # cjm: disable=CJM101'\n"
        "owner: team#cjm:disable=CJM101\n"
        "phases:\n"
        "  - id: purchase\n"
        '    name: "P # cjm: disable=CJM102"\n'
        "    kind: purchase\n"
        "    description: >\n"
        "      folded text\n"
        "      # cjm: disable=CJM103\n"
    )
    assert check_text(text, "m.yaml").journey is not None
    assert scan(text) == []


def test_japanese_text_before_a_directive_keeps_columns_right() -> None:
    text = HEADER + "phases:\n  - id: purchase\n    name: 購入する  # cjm: disable=CJM101\n    kind: purchase\n"
    (directive,) = scan(text)
    assert (directive.line, directive.col) == (6, 17)
    assert directive.target == 6


def test_an_error_finding_makes_the_file_fail() -> None:
    text = "cjm: 1\nid: m\ntitle: M\nphases:\n  - {id: p, name: P, kind: purchase}\n"
    report = lint_result(check_text(text, "m.yaml"), build_settings(Config()))
    assert report.problems and report.failing  # CJM201 is an error


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("# cjm:disable=CJM101,-'\"\\ab日本\n\t")), max_size=60))
def test_no_text_inside_a_scalar_is_taken_for_a_directive(value: str) -> None:
    # However the dumper quotes or folds it, a value is data, never a suppression comment.
    text = yaml.safe_dump(
        {
            "cjm": 1,
            "id": "m",
            "title": value or "x",
            "phases": [{"id": "p", "name": value or "x", "kind": "purchase", "actions": [value or "x"]}],
        },
        allow_unicode=True,
    )
    # PyYAML writes some YAML 1.2 numbers (`0e0`) plain; those maps are not valid, and not this test's subject.
    assume(check_text(text, "m.yaml").journey is not None)
    assert scan(text) == []
