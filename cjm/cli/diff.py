"""`cjm diff`: what changed in maps, matched by id — between two files, or since a git revision."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from cjm.cli.options import AlsoOption, ConfigOption, IsolatedOption, OutputOption, configuration
from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CjmError
from cjm.diff import Comparison, MapError, diff_files, diff_git
from cjm.diff.sources import git_changes
from cjm.output.diff import FORMATS
from cjm.output.findings.text import problem_line
from cjm.output.plan import destinations, run_inputs, write_destinations
from cjm.output.terminal import say

if TYPE_CHECKING:
    from cjm.diff import MapError


def diff(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD and NEW map files; with --git, the files or folders to look in (default: the whole repository).",
            metavar="OLD NEW | PATH...",
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        str | None,
        typer.Option(
            "--git",
            metavar="REV",
            show_default=False,
            help="Compare every map changed since REV (a branch, tag or commit) with the working tree.",
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            show_default=False,
            help=FORMATS.help("text"),
        ),
    ] = None,
    output: OutputOption = None,
    also: AlsoOption = None,
    scores: Annotated[
        bool,
        typer.Option(
            "--scores/--no-scores",
            help="Also compare initiatives' priority scores and roadmap stages, as `cjm prioritise` computes them.",
        ),
    ] = True,
    config_file: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Show what changed in journey maps, matched by id rather than by position: phases added, removed,
    renamed, split or merged; items added, removed, changed or moved to another phase; emotion scores;
    initiatives' inputs, priority scores and roadmap stages; personas and messages.

    Exit codes: 0 nothing changed, 1 something changed, 2 usage error or a map that is not valid.

    \b
    Example: cjm diff samples/b2b-office-supplies.yaml b2b-adapted.yaml

    \b
    Example: cjm diff --git origin/main samples/ --format markdown -o map-changes.md
    """
    config = configuration(config_file, isolated)
    comparison = Comparison()
    if git is not None:
        changes = git_changes(git, paths or [])
        targets = destinations(format, output, also, FORMATS, run_inputs(changes.working_files, config), default="text")
        for outcome in diff_git(changes, scores=scores, config=config):
            comparison.add(outcome)
    else:
        if not paths or len(paths) != 2:
            raise CjmError(
                "give two map files (cjm diff OLD NEW), or --git REV to compare the maps changed since a revision"
            )
        targets = destinations(format, output, also, FORMATS, run_inputs(paths, config), default="text")
        try:
            comparison.add(diff_files(paths[0], paths[1], scores=scores, config=config))
        except MapError as err:
            comparison.add(err)
    _report_errors(comparison.errors)
    write_destinations(targets, lambda name, stream, color: FORMATS[name].write(comparison, stream, color=color))
    if comparison.errors:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if comparison.changed else EXIT_OK)


def _report_errors(errors: list[MapError]) -> None:
    """Why a map could not be compared, located, on standard error (the report keeps to what changed)."""
    for error in errors:
        for problem in error.problems:
            say(problem_line(problem))
        say(f"cjm: error: {error}")
