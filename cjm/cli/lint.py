"""`cjm lint` and `cjm rules`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cjm.cli.options import (
    AlsoOption,
    ConfigOption,
    ExcludeOption,
    ExitZeroOption,
    ExtendExcludeOption,
    FormatOption,
    GitignoreOption,
    IsolatedOption,
    JobsOption,
    OutputOption,
    Paths,
    QuietOption,
    StatisticsOption,
    StdinFilenameOption,
    configuration,
    exclusions,
)
from cjm.core.errors import CjmError
from cjm.io.files import expand
from cjm.lint.rule_settings import Overrides
from cjm.output.findings.linting import lint_run
from cjm.output.findings.runs import Reporting
from cjm.output.rules import RULE_LIST_FORMATS, listing
from cjm.output.terminal import use_color

RuleList = list[str] | None


def lint(
    paths: Paths,
    select: Annotated[
        RuleList,
        typer.Option(
            "--select",
            help="Run only these rules: codes (CJM101), prefixes (CJM1), names (kpi-without-target), "
            "families (coverage) or ALL. Comma-separated or repeated. Replaces the configured `select`.",
            show_default=False,
            metavar="RULES",
        ),
    ] = None,
    ignore: Annotated[
        RuleList,
        typer.Option(
            "--ignore",
            help="Skip these rules (same forms as --select); added to the configured `ignore`.",
            show_default=False,
            metavar="RULES",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too (exit code 1).")] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Apply the safe fixes in place, keeping comments and layout; then report what is left."
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Show the fixes as a unified diff instead of writing them; "
            "exit code 1 when there is something to fix.",
        ),
    ] = False,
    format: FormatOption = None,
    output: OutputOption = None,
    also: AlsoOption = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    exit_zero: ExitZeroOption = False,
    statistics: StatisticsOption = False,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    gitignore: GitignoreOption = True,
    stdin_filename: StdinFilenameOption = None,
    config_file: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Check that valid maps are good maps: the rules an experienced consultant would apply (phases
    without touchpoints or KPIs, a journey that ends at purchase, pain points nobody addresses, missing
    giver/receiver or approver personas, KPIs without targets, ...). `cjm rules` lists them.

    Validation problems come first; a map that fails validation is not linted further. Settings come from
    [tool.cjm.lint] in pyproject.toml or lint: in .cjm.yaml, the nearest one upward from each map. Silence a
    finding with a comment `# cjm: disable=CJM101 -- reason` on its line or the line above.

    Exit codes: 0 no errors (warnings and notes are shown but exit 0, unless --strict or `strict` in the
    configuration), 1 errors found (with --strict: or warnings; with --diff: something to fix), 2 usage error or
    unreadable input.

    \b
    Example: cjm lint samples/ --select coverage,CJM3 --format json

    \b
    Example: cjm lint samples/invalid/ --statistics

    \b
    Example: cjm lint samples/ --fix --output-format sarif:cjm-lint.sarif
    """
    if diff and (output or also):
        raise CjmError("--diff writes the diff to standard output; leave out --output and --output-format")
    overrides = Overrides(_split(select) if select else None, tuple(_split(ignore or [])), strict)
    if fix and not diff and "-" in paths:
        raise CjmError("--fix cannot write back to standard input; use --diff to see the fixes")
    config = configuration(config_file, isolated)
    files = list(expand(paths, exclusions(exclude, extend_exclude, gitignore, config)))
    reporting = Reporting(format, output, tuple(also or ()), quiet, statistics, exit_zero, jobs, stdin_filename)
    raise typer.Exit(lint_run(files, overrides, reporting, fix=fix, diff=diff, config=config))


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            help="A rule code or name: show its documentation. A prefix (CJM3) or family (coverage): list those.",
            show_default=False,
            metavar="RULE",
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help=RULE_LIST_FORMATS.help(), metavar="FORMAT")] = "text",
) -> None:
    """List the lint rules, or show one: what it checks, why it matters for the journey, its options, and a
    failing and a passing example.

    Exit codes: 0 shown, 2 no such rule.

    \b
    Example: cjm rules CJM201
    """
    chosen = RULE_LIST_FORMATS.named(format)
    chosen.write(listing(rule), sys.stdout, color=use_color(sys.stdout))
