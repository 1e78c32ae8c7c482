"""A whole run of `cjm validate`: plan the reports, check the files (in a pool), write every report, and return
the exit code; and what a run of `cjm lint` (`cjm.output.findings.linting`) shares with it. The command line only
parses options and calls `validate_run` or `lint_run`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from cjm.io.config import Configuration
from cjm.output.findings import FINDINGS_FORMATS, STATISTICS_FORMATS, Findings
from cjm.output.plan import Destination, destinations, run_inputs, write_each
from cjm.output.progress import tracked
from cjm.validation.check import check_files

if TYPE_CHECKING:
    from cjm.io.safe_write import Inputs


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
