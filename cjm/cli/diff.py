"""`cjm diff`: what changed in maps, matched by id — between two files, or since a git revision."""

from __future__ import annotations

from typing import IO, Annotated

import typer

from cjm.cli.options import (
    AlsoOption,
    ConfigOption,
    IsolatedOption,
    OutputOption,
    configuration,
    destinations,
    run_inputs,
    write_destinations,
)
from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CjmError

_STYLES = {
    "heading": "bold",
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "renamed": "yellow",
    "moved": "cyan",
    "split": "magenta",
    "merged": "magenta",
    "reordered": "cyan",
    "old": "red",
    "new": "green",
    "name": "bold",
    "id": "dim",
}


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
            help="text (default), json, or markdown (for a pull-request comment).",
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
    from cjm.diff import MapError, diff_files, diff_git
    from cjm.diff.render import FORMATS
    from cjm.diff.sources import git_changes

    config = configuration(config_file, isolated)
    results = []
    errors: list[MapError] = []
    if git is not None:
        changes = git_changes(git, paths or [])
        targets = destinations(format, output, also, FORMATS, run_inputs(changes.working_files, config), default="text")
        for outcome in diff_git(changes, scores=scores, config=config):
            (errors if isinstance(outcome, MapError) else results).append(outcome)
    else:
        if not paths or len(paths) != 2:
            raise CjmError(
                "give two map files (cjm diff OLD NEW), or --git REV to compare the maps changed since a revision"
            )
        targets = destinations(format, output, also, FORMATS, run_inputs(paths, config), default="text")
        try:
            results.append(diff_files(paths[0], paths[1], scores=scores, config=config))
        except MapError as err:
            errors.append(err)
    _report_errors(errors)
    write_destinations(targets, lambda name, stream, color: _render(name, results, errors, stream, color))
    if errors:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if any(r.changed for r in results) else EXIT_OK)


def _render(name: str, results: list, errors: list, stream: IO[str], color: bool) -> None:
    from cjm.diff import render

    if name == "json":
        stream.write(render.json_document(results, [_error_entry(e) for e in errors]))
    elif name == "markdown":
        stream.write(render.markdown_document(results))
    elif results or not errors:
        _print_text(render.text_lines(results), stream, color)


def _print_text(lines: list, stream: IO[str], color: bool) -> None:
    from rich.text import Text

    from cjm.core.text import safe
    from cjm.output.terminal import console_for

    console = console_for(stream, color=color)
    for segments in lines:
        line = Text()
        for text, role in segments:
            line.append(safe(text), style=_STYLES.get(role, ""))
        console.print(line, soft_wrap=True)


def _error_entry(error) -> dict:
    return {
        "file": error.source,
        "problems": [{"line": p.line, "column": p.col, "code": p.code, "message": p.message} for p in error.problems],
    }


def _report_errors(errors: list) -> None:
    """Why a map could not be compared, located, on standard error (the report keeps to what changed)."""
    from cjm.output.findings.text import problem_line
    from cjm.output.terminal import say

    for error in errors:
        for problem in error.problems:
            say(problem_line(problem))
        say(f"cjm: error: {error}")
