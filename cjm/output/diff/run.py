"""A whole run of `cjm diff`: compare two map files, or every map changed since a git revision, report the maps
that could not be compared, write the reports, and return the exit code. The command line only parses options and
calls `diff_run`."""

from __future__ import annotations

from dataclasses import dataclass

from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CjmError
from cjm.diff import Comparison, MapError, diff_files, diff_git
from cjm.diff.sources import git_changes
from cjm.io.config import Configuration
from cjm.output.diff import FORMATS
from cjm.output.findings.text import problem_line
from cjm.output.plan import destinations, run_inputs, write_destinations
from cjm.output.terminal import say


@dataclass(frozen=True)
class DiffRequest:
    """What `cjm diff` compares and where it writes the changes."""

    paths: tuple[str, ...] = ()  # OLD NEW; with `git`, the files or folders to look in
    git: str | None = None  # --git REV
    format: str | None = None  # --format
    output: str | None = None  # -o
    also: tuple[str, ...] = ()  # each --output-format FORMAT:FILE
    scores: bool = True  # also compare priority scores and roadmap stages


def diff_run(request: DiffRequest, config: Configuration | None = None) -> int:
    """`cjm diff` as `request` asks (the maps' configuration from `config`): the reports written, and the exit code
    (0 nothing changed, 1 something changed, 2 a map could not be compared)."""
    paths, also = list(request.paths), list(request.also) or None
    comparison = Comparison()
    if request.git is not None:
        changes = git_changes(request.git, paths)
        inputs = run_inputs(changes.working_files, config)
        targets = destinations(request.format, request.output, also, FORMATS, inputs, default="text")
        for outcome in diff_git(changes, scores=request.scores, config=config):
            comparison.add(outcome)
    else:
        if len(paths) != 2:
            raise CjmError(
                "give two map files (cjm diff OLD NEW), or --git REV to compare the maps changed since a revision"
            )
        targets = destinations(request.format, request.output, also, FORMATS, run_inputs(paths, config), default="text")
        try:
            comparison.add(diff_files(paths[0], paths[1], scores=request.scores, config=config))
        except MapError as err:
            comparison.add(err)
    _report_errors(comparison.errors)
    write_destinations(targets, lambda name, stream, color: FORMATS[name].write(comparison, stream, color=color))
    if comparison.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if comparison.changed else EXIT_OK


def _report_errors(errors: list[MapError]) -> None:
    """Why a map could not be compared, located, on standard error (the report keeps to what changed)."""
    for error in errors:
        for problem in error.problems:
            say(problem_line(problem))
        say(f"cjm: error: {error}")
