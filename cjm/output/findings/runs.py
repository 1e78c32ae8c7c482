"""A whole run of `cjm validate` or `cjm lint`: plan the reports, check the files (in a pool), write every report,
and return the exit code. The command line only parses options and calls `validate_run` or `lint_run`."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cjm.io.config import Configuration
from cjm.output.findings import FINDINGS_FORMATS, STATISTICS_FORMATS, Findings
from cjm.output.plan import Destination, destinations, run_inputs, write_each
from cjm.output.progress import tracked

if TYPE_CHECKING:
    from cjm.io.safe_write import Inputs
    from cjm.lint.engine import FileReport
    from cjm.lint.rule_settings import Overrides


@dataclass(frozen=True)
class Reporting:
    """What a run reports and how: the options every finding command shares."""

    format: str | None = None  # --format
    output: str | None = None  # -o
    also: tuple[str, ...] = ()  # each --output-format FORMAT:FILE
    quiet: bool = False
    statistics: bool = False  # the main report counts the problems of each code instead
    exit_zero: bool = False
    jobs: int | None = None
    stdin_name: str | None = None  # --stdin-filename


def default_format() -> str:
    """The report on standard output when none is asked for: annotations under GitHub Actions, else text."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report_destinations(
    format: str | None, output: str | None, also: list[str] | None, inputs: Inputs
) -> list[Destination]:
    """`destinations` for the finding reports of `validate` and `lint`."""
    return destinations(format, output, also, FINDINGS_FORMATS, inputs, default=default_format())


def write_reports(findings: Findings, targets: list[Destination], *, statistics: bool = False) -> None:
    """Write the reports; with `statistics`, the main one counts the problems of each code instead."""

    def write(target: Destination, stream: IO[str], color: bool) -> None:
        chosen = FINDINGS_FORMATS[target.format]
        if statistics and target.main:
            chosen = STATISTICS_FORMATS["json" if target.format == "json" else "text"]
        chosen.write(findings, stream, color=color)

    write_each(targets, write)


def exit_code(findings: Findings, *, unreadable: bool, exit_zero: bool) -> int:
    """2 when a file could not be read, 1 when a problem fails the run (unless --exit-zero), else 0."""
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(findings.fails(p) for p in findings.problems) and not exit_zero else EXIT_OK


def validate_run(files: list[str], reporting: Reporting, config: Configuration | None = None) -> int:
    """`cjm validate` over `files` (their configuration from `config`): every report written, and the exit
    code."""
    from cjm.validation.check import check_files

    targets = report_destinations(reporting.format, reporting.output, list(reporting.also), run_inputs(files, config))
    findings = Findings("validate", quiet=reporting.quiet)
    unreadable = False
    # Results come in the order of the files, so the bar can follow the files while the checks run in a pool.
    results = check_files(files, keep=False, jobs=reporting.jobs, stdin_name=reporting.stdin_name)
    for _, result in zip(tracked(files, "Validating", quiet=reporting.quiet), results, strict=True):
        findings.add(result.source, result.problems)
        unreadable |= result.unreadable
    write_reports(findings, targets, statistics=reporting.statistics)
    return exit_code(findings, unreadable=unreadable, exit_zero=reporting.exit_zero)


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
    from cjm.validation.check import in_pool

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
    from cjm.lint import engine
    from cjm.validation.check import check_file

    if path != "-" or not stdin_name:
        return engine.lint_path(path, overrides, fix=fix, config=config)
    result = check_file(path, stdin_name=stdin_name)
    return engine.lint_result(result, engine.settings_for(stdin_name, overrides, config), fix=fix, path=stdin_name)


def _write_fixes(reports: list[FileReport], inputs: Inputs, *, quiet: bool) -> None:
    from cjm.io.safe_write import write_text

    fixed = [r for r in reports if r.fixed is not None]
    for report in fixed:
        assert report.fixed is not None
        write_text(report.source, report.fixed, inputs, replaces=report.snapshot)
    if fixed and not quiet:
        from cjm.output.terminal import say

        count = sum(r.fixes for r in fixed)
        say(f"Fixed {count} problem{'s' if count != 1 else ''} in {len(fixed)} file{'s' if len(fixed) != 1 else ''}.")


def _show_diff(reports: list[FileReport]) -> int:
    """The fixes as a unified diff on standard output; exit 1 when there is something to fix."""
    import difflib

    from cjm.core.text import safe_block
    from cjm.output.terminal import log_guard, say

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
