"""The lint engine: validation first, then the enabled rules over each valid map (`cjm.lint.violations`, which
also applies inline suppressions), then `--fix` (`cjm.lint.fix`).

It returns problems and never prints. A map that fails validation is reported with its validation problems and
not linted further; a broken file does not stop the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cjm.core.problem import Problem, cap_repeats
from cjm.io.config import Configuration
from cjm.io.files import Exclude, Snapshot, expand
from cjm.lint.fix import fix_result
from cjm.lint.rule_settings import Overrides, Settings, settings_for
from cjm.lint.violations import Violation, lint_journey
from cjm.validation.check import Result, check_file

__all__ = ["FileReport", "Violation", "lint_journey", "lint_path", "lint_paths", "lint_result"]


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
