"""The lint engine: validation first, then the enabled rules over each valid map, then inline suppressions.

It returns problems and never prints. A map that fails validation is reported with its validation problems and
not linted further; a broken file does not stop the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from cjm.core.document import Document
from cjm.core.model import Journey
from cjm.core.problem import Problem, cap_repeats
from cjm.io.config import Configuration
from cjm.io.files import Exclude, Snapshot, expand
from cjm.lint.base import Fix
from cjm.lint.rule_settings import Overrides, RuleConfig, Settings, lookup, settings_for
from cjm.lint.rules.unused_suppression import CODE as UNUSED_SUPPRESSION
from cjm.lint.suppress import Directive, scan
from cjm.validation.check import Result, check_file


@dataclass(frozen=True)
class Violation:
    """A lint problem and, when the rule can repair it safely, its fix."""

    problem: Problem
    fix: Fix | None = None


@dataclass
class FileReport:
    """What linting one file found. `fixed` is the repaired text when `--fix` changed something."""

    source: str
    problems: list[Problem]
    failing: bool
    unreadable: bool = False
    text: str | None = None
    fixed: str | None = None
    fixes: int = 0
    strict: bool = False  # warnings fail the run
    snapshot: Snapshot | None = None  # the file as it was read: `--fix` refuses to write when it has changed since


def lint_paths(
    paths: Iterable[str], overrides: Overrides = Overrides(), *, fix: bool = False, config: Configuration | None = None
) -> Iterator[FileReport]:
    """Lint every map the paths name (directories searched as `validate` does, skipping `exclude`), each with
    the settings `config` gives it (default: its nearest configuration)."""
    config = config or Configuration()
    for path in expand(paths, Exclude.from_config(config.for_path("."))):
        yield lint_path(path, overrides, fix=fix, config=config)


def lint_path(
    path: str, overrides: Overrides = Overrides(), *, fix: bool = False, config: Configuration | None = None
) -> FileReport:
    """Lint one map file (or `-`), with the settings `config` gives it (default: its nearest configuration)."""
    return lint_result(check_file(path), settings_for(path, overrides, config), fix=fix, path=path)


def lint_result(result: Result, settings: Settings, *, fix: bool = False, path: str | None = None) -> FileReport:
    """Lint one validated file (`path` is where it lives, for per-file ignores; default: its source name)."""
    rules = settings.rules_for(path or result.source)
    text = result.document.text if result.document else None
    snapshot = result.snapshot
    fixed, count = None, 0
    if fix and result.journey is not None:
        from cjm.lint.fix import fix_result

        result, count = fix_result(result, rules)
        if count and result.document is not None:
            fixed = result.document.text
    problems = list(result.problems)  # validation problems come first
    if result.journey is not None:
        problems.extend(cap_repeats([v.problem for v in lint_journey(result.journey, rules)]))
    failing = result.unreadable or any(settings.fails(p.severity) for p in problems)
    return FileReport(
        result.source, problems, failing, result.unreadable, text, fixed, count, settings.strict, snapshot
    )


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
