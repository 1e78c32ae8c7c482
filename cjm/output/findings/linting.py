"""A whole run of `cjm lint`: plan the reports, lint the files (in a pool), write the fixes or show them as a diff,
write every report, and return the exit code. Apart from `cjm.output.findings.runs` so that `cjm validate` never
loads lint's engine and rules."""

from __future__ import annotations

import difflib
import functools
import sys
from typing import TYPE_CHECKING

from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cjm.core.text import safe_block
from cjm.io.config import Configuration
from cjm.io.safe_write import write_text
from cjm.lint import engine
from cjm.output.findings import Findings
from cjm.output.findings.runs import Reporting, report_destinations, write_reports
from cjm.output.plan import run_inputs
from cjm.output.progress import tracked
from cjm.output.terminal import log_guard, say
from cjm.validation.check import check_file, in_pool

if TYPE_CHECKING:
    from cjm.io.safe_write import Inputs
    from cjm.lint.engine import FileReport
    from cjm.lint.rule_settings import Overrides


def lint_run(
    files: list[str],
    overrides: Overrides,
    reporting: Reporting,
    *,
    fix: bool,
    diff: bool,
    config: Configuration | None = None,
) -> int:
    """`cjm lint` over `files` (their configuration from `config`): the fixes written (`fix`) or shown (`diff`),
    every report written, and the exit code."""
    config = config or Configuration()
    inputs = run_inputs(files, config)
    targets = report_destinations(reporting.format, reporting.output, list(reporting.also), inputs)
    # Results come in the order of the files, so the bar can follow the files while they are linted in a pool.
    work = functools.partial(
        _lint_one, overrides=overrides, config=config, fix=fix or diff, stdin_name=reporting.stdin_name
    )
    linted = zip(tracked(files, "Linting", quiet=reporting.quiet), in_pool(work, files, reporting.jobs), strict=True)
    reports = [report for _, report in linted]
    if diff:
        return _show_diff(reports)
    if fix:
        _write_fixes(reports, inputs, quiet=reporting.quiet)
    findings = Findings("lint", quiet=reporting.quiet)
    for report in reports:
        findings.files.append(report.source)
        findings.problems.extend(report.problems)  # validation problems first, as each report has them
        if report.strict:
            findings.strict_files.add(report.source)
    write_reports(findings, targets, statistics=reporting.statistics)
    if any(report.unreadable for report in reports):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(report.failing for report in reports) and not reporting.exit_zero else EXIT_OK


def _lint_one(
    path: str, *, overrides: Overrides, config: Configuration, fix: bool, stdin_name: str | None
) -> FileReport:
    """Lint one file; standard input named by --stdin-filename gets that file's name and configuration."""
    if path != "-" or not stdin_name:
        return engine.lint_path(path, overrides, fix=fix, config=config)
    result = check_file(path, stdin_name=stdin_name)
    return engine.lint_result(result, engine.settings_for(stdin_name, overrides, config), fix=fix, path=stdin_name)


def _write_fixes(reports: list[FileReport], inputs: Inputs, *, quiet: bool) -> None:
    fixed = [r for r in reports if r.fixed is not None]
    for report in fixed:
        assert report.fixed is not None
        write_text(report.source, report.fixed, inputs, replaces=report.snapshot)
    if fixed and not quiet:
        count = sum(r.fixes for r in fixed)
        say(f"Fixed {count} problem{'s' if count != 1 else ''} in {len(fixed)} file{'s' if len(fixed) != 1 else ''}.")


def _show_diff(reports: list[FileReport]) -> int:
    """The fixes as a unified diff on standard output; exit 1 when there is something to fix."""
    changed = [r for r in reports if r.fixed is not None and r.text is not None]
    for report in changed:
        assert report.text is not None and report.fixed is not None
        diff = difflib.unified_diff(
            report.text.splitlines(True), report.fixed.splitlines(True), f"a/{report.source}", f"b/{report.source}"
        )
        log_guard(sys.stdout).write(safe_block("".join(diff)))
    count = sum(r.fixes for r in changed)
    say(
        f"Would fix {count} problem{'s' if count != 1 else ''} in {len(changed)} "
        f"file{'s' if len(changed) != 1 else ''}."
        if changed
        else "Nothing to fix."
    )
    if any(report.unreadable for report in reports):
        return EXIT_USAGE
    return EXIT_FINDINGS if changed else EXIT_OK
