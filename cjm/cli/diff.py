"""`cjm diff`: what changed in maps, matched by id — between two files, or since a git revision."""

from __future__ import annotations

from typing import Annotated

import typer

from cjm.cli.options import AlsoOption, ConfigOption, IsolatedOption, OutputOption, configuration, format_option
from cjm.output.diff import FORMATS
from cjm.output.diff.run import DiffRequest, diff_run


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
        format_option(FORMATS.help("text")),
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
    request = DiffRequest(tuple(paths or ()), git, format, output, tuple(also or ()), scores)
    raise typer.Exit(diff_run(request, config))
