"""`cjm lint` and `cjm rules`."""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING, Annotated

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
    report_destinations,
    run_inputs,
    write_reports,
)
from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CjmError

if TYPE_CHECKING:
    from cjm.io.config import Configuration
    from cjm.io.safe_write import Inputs
    from cjm.lint.base import Rule
    from cjm.lint.engine import FileReport
    from cjm.lint.rule_settings import Overrides

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
    from cjm.cli.progress import tracked
    from cjm.io.files import expand
    from cjm.lint.rule_settings import Overrides
    from cjm.output.findings import Findings
    from cjm.validation.check import in_pool

    if diff and (output or also):
        raise CjmError("--diff writes the diff to standard output; leave out --output and --output-format")
    overrides = Overrides(_split(select) if select else None, tuple(_split(ignore or [])), strict)
    if fix and not diff and "-" in paths:
        raise CjmError("--fix cannot write back to standard input; use --diff to see the fixes")
    config = configuration(config_file, isolated)
    files = list(expand(paths, exclusions(exclude, extend_exclude, gitignore, config)))
    inputs = run_inputs(files, config)
    targets = report_destinations(format, output, also, inputs)
    # Results come in the order of the files, so the bar can follow the files while they are linted in a pool.
    work = functools.partial(_lint_one, overrides=overrides, config=config, fix=fix or diff, stdin_name=stdin_filename)
    linted = zip(tracked(files, "Linting", quiet=quiet), in_pool(work, files, jobs), strict=True)
    reports = [report for _, report in linted]
    if diff:
        _show_diff(reports)
        return
    if fix:
        _write_fixes(reports, inputs, quiet=quiet)
    findings = Findings("lint", quiet=quiet)
    for report in reports:
        findings.files.append(report.source)
        findings.problems.extend(report.problems)  # validation problems first, as each report has them
        if report.strict:
            findings.strict_files.add(report.source)
    write_reports(findings, targets, statistics=statistics)
    if any(report.unreadable for report in reports):
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if any(report.failing for report in reports) and not exit_zero else EXIT_OK)


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


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _write_fixes(reports: list[FileReport], inputs: Inputs, *, quiet: bool) -> None:
    from cjm.io.safe_write import write_text

    fixed = [r for r in reports if r.fixed is not None]
    for report in fixed:
        write_text(report.source, report.fixed, inputs, replaces=report.snapshot)
    if fixed and not quiet:
        from cjm.output.terminal import say

        count = sum(r.fixes for r in fixed)
        say(f"Fixed {count} problem{'s' if count != 1 else ''} in {len(fixed)} file{'s' if len(fixed) != 1 else ''}.")


def _show_diff(reports: list[FileReport]) -> None:
    import difflib

    from cjm.core.text import safe_block
    from cjm.output.terminal import log_guard, say

    changed = [r for r in reports if r.fixed is not None and r.text is not None]
    for report in changed:
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
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if changed else EXIT_OK)


def rules(
    rule: Annotated[
        str | None,
        typer.Argument(
            help="A rule code or name: show its documentation. A prefix (CJM3) or family (coverage): list those.",
            show_default=False,
            metavar="RULE",
        ),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: text or json.", metavar="FORMAT")
    ] = "text",
) -> None:
    """List the lint rules, or show one: what it checks, why it matters for the journey, its options, and a
    failing and a passing example.

    Exit codes: 0 shown, 2 no such rule.

    \b
    Example: cjm rules CJM201
    """
    import json

    from cjm.lint.docs import rule_json, rule_markdown
    from cjm.lint.rule_settings import lookup, resolve_all
    from cjm.lint.rules import RULES

    if format not in ("text", "json"):
        raise CjmError(f"unknown format '{format}'; choose text or json")
    single = lookup(rule) if rule is not None else None
    chosen = [single] if single else [RULES[c] for c in sorted(resolve_all([rule or "ALL"], CjmError))]
    if format == "json":
        document = rule_json(single) if single else [rule_json(r) for r in chosen]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif single:
        _print_markdown(rule_markdown(single, level=1).split("\n", 2)[2])
    else:
        _print_table(chosen)


def _print_markdown(text: str) -> None:
    from cjm.output.terminal import console_for, use_color

    color = use_color(sys.stdout)
    if color:
        from rich.markdown import Markdown

        console_for(sys.stdout, color=True).print(Markdown(text))
    else:
        sys.stdout.write(text)


def _print_table(chosen: list[Rule]) -> None:
    from rich.text import Text

    from cjm.output.terminal import console_for, use_color

    color = use_color(sys.stdout)
    console = console_for(sys.stdout, color=color)
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    width = max(len(r.name) for r in chosen)
    family = None
    for r in chosen:
        if r.family != family:
            family = r.family
            console.print(Text(f"{'' if r is chosen[0] else chr(10)}{family}", style="bold"), soft_wrap=True)
        line = Text("  ")
        line.append(r.code, style=styles[r.severity.value])
        line.append(f" {r.name:<{width}} {r.severity.value:<7} {'fix' if r.fix else '   '} {r.doc.summary}")
        console.print(line, soft_wrap=True)
    console.print(f"\n{len(chosen)} rules. Show one with `cjm rules CODE`; docs/rules.md has them all.", soft_wrap=True)
