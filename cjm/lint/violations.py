"""The problems the enabled rules find in one valid journey, less those its inline suppressions silence — and the
suppressions that silence nothing. Both the engine and `--fix` (which lints again after each pass) ask it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from cjm.core.model import Journey
from cjm.core.problem import Problem
from cjm.io.loader import Document
from cjm.lint.base import Fix
from cjm.lint.rule_settings import RuleConfig, lookup
from cjm.lint.rules.unused_suppression import CODE as UNUSED_SUPPRESSION
from cjm.lint.suppress import Directive, scan


@dataclass(frozen=True)
class Violation:
    """A lint problem and, when the rule can repair it safely, its fix."""

    problem: Problem
    fix: Fix | None = None


def lint_journey(journey: Journey, rules: Mapping[str, RuleConfig]) -> list[Violation]:
    """The problems the enabled rules find in a valid journey, less those suppressed in its text."""
    doc = journey.document
    found = [
        Violation(
            doc.problem(
                finding.path, code, finding.message, key=finding.key, severity=config.severity, rule=config.rule.name
            ),
            finding.fix,
        )
        for code, config in rules.items()
        for finding in config.rule.check(journey, config.options)
    ]
    return sorted(_suppress(doc, found, rules), key=lambda v: v.problem)


def _suppress(doc: Document, found: list[Violation], rules: Mapping[str, RuleConfig]) -> list[Violation]:
    directives = scan(doc.text)
    if not directives:
        return found
    resolved = [_codes(d) for d in directives]
    used: set[tuple[int, str]] = set()
    kept = []
    for violation in found:
        problem = violation.problem
        hits = {
            (i, problem.code)
            for i, d in enumerate(directives)
            if problem.code in resolved[i] and d.target in (0, problem.line)
        }
        used |= hits
        if not hits:
            kept.append(violation)
    if UNUSED_SUPPRESSION in rules:
        config = rules[UNUSED_SUPPRESSION]
        for i, directive in enumerate(directives):
            for message in _unused(directive, resolved[i], used, i, rules):
                problem = Problem(
                    doc.source,
                    directive.line,
                    directive.col,
                    UNUSED_SUPPRESSION,
                    message,
                    severity=config.severity,
                    rule=config.rule.name,
                )
                silenced = any(
                    UNUSED_SUPPRESSION in resolved[j] and d.target in (0, directive.line)
                    for j, d in enumerate(directives)
                )
                if not silenced:
                    kept.append(Violation(problem))
    return kept


def _codes(directive: Directive) -> dict[str, str]:
    """The rule codes a directive names, each with how it was written; unknown names are left out."""
    out = {}
    for written in directive.codes:
        rule = lookup(written)
        if rule is not None:
            out[rule.code] = written
    return out


def _unused(
    directive: Directive, codes: dict[str, str], used: set[tuple[int, str]], index: int, rules: Mapping[str, RuleConfig]
) -> Iterator[str]:
    if directive.malformed:
        yield directive.malformed
        return
    known = set(codes.values())
    for written in directive.codes:
        if written not in known:
            yield f"`{written}` in this suppression is not a rule (see `cjm rules`)"
    where = "in this file" if directive.target == 0 else "here"
    for code in codes:
        if code in rules and code != UNUSED_SUPPRESSION and (index, code) not in used:
            yield f"suppression of {code} ({rules[code].rule.name}) silences nothing {where}: remove it"
