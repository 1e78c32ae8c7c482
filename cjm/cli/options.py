"""Options shared by several commands, so they are spelled and documented the same everywhere."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Annotated

import typer

from cjm.core.errors import CjmError
from cjm.io.config import Configuration
from cjm.io.files import Exclude
from cjm.io.safe_write import NO_INPUTS, Inputs
from cjm.output.findings import REPORTERS, Findings

Paths = Annotated[
    list[str],
    typer.Argument(
        help="Map files, directories (searched for *.yaml and *.yml), glob patterns, or - for standard input.",
        show_default=False,
        metavar="PATH",
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(REPORTERS)}. Default: text, or github under GitHub Actions.",
        show_default=False,
        metavar="FORMAT",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file instead of standard output. Without --format, a "
        "suffix that names a format picks it (.sarif, .json, .xml for junit, .md for markdown).",
        show_default=False,
        metavar="FILE",
    ),
]
StatisticsOption = Annotated[
    bool,
    typer.Option(
        "--statistics",
        help="Show how many problems of each code there are, most first, instead of each problem (as "
        "JSON with --format json). --output-format reports still list every problem.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        envvar="CJM_JOBS",
        min=0,
        show_default=False,
        metavar="N",
        help="Processes to check the files with (never more than files). Default (or 0): as many as pay for the "
        "number of files and the cores there are; 1: one process.",
    ),
]


ConfigOption = Annotated[
    str | None,
    typer.Option(
        "--config",
        metavar="FILE",
        show_default=False,
        help="Use this configuration file (a .cjm.yaml, or a pyproject.toml with [tool.cjm]) for every map, "
        "instead of the one nearest to each map.",
    ),
]
IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help="Ignore every configuration file: the defaults and the options only.")
]


def configuration(config_file: str | None, isolated: bool) -> Configuration:
    """The configuration of a run, from --config and --isolated: made once, passed to everything that reads it."""
    return Configuration.from_options(config_file, isolated=isolated)


def run_inputs(files: Iterable[str], config: Configuration | None = None) -> Inputs:
    """What a run reads, before it opens any output: the files it was given and the configuration each one uses
    (found upward from each file unless the run's `config` says otherwise)."""
    files = list(files)
    return Inputs.of([*files, *(config or Configuration()).sources(files)])


ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="PATTERN",
        show_default=False,
        help="Leave out files and folders matching this glob when searching folders (repeatable), instead of the "
        "configured `exclude`. A file named on the command line is always checked.",
    ),
]
ExtendExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-exclude",
        metavar="PATTERN",
        show_default=False,
        help="Like --exclude, but in addition to the configured `exclude` (repeatable).",
    ),
]
GitignoreOption = Annotated[
    bool,
    typer.Option(
        "--respect-gitignore/--no-respect-gitignore",
        help="Leave out the files git ignores (.gitignore) when searching folders.",
    ),
]


def exclusions(
    exclude: list[str] | None, extend: list[str] | None, gitignore: bool, config: Configuration, start: str = "."
) -> Exclude:
    """What folder searches leave out: the options, else the configuration for `start`."""
    return dataclasses.replace(Exclude.from_options(exclude, extend, config.for_path(start)), gitignore=gitignore)


StdinFilenameOption = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="PATH",
        show_default=False,
        help="The name of the map read from standard input (-): in the problems, and to find its configuration.",
    ),
]


QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print the problems and nothing else: no summary, progress or notes.")
]
ExitZeroOption = Annotated[
    bool,
    typer.Option(
        "--exit-zero",
        help="Exit with 0 even when problems are found (2 still means a usage error or an unreadable file).",
    ),
]


@contextmanager
def output_stream(path: str | None, inputs: Inputs) -> Iterator[IO[str]]:
    """Standard output, or a file written atomically once the report is complete (never one of `inputs`)."""
    if path is None:
        yield sys.stdout
        return
    from cjm.io.safe_write import atomic_writer

    with atomic_writer(path, inputs) as handle:
        yield handle


# --- several reports at once ------------------------------------------------------------------------------

AlsoOption = Annotated[
    list[str] | None,
    typer.Option(
        "--output-format",
        metavar="FORMAT:FILE",
        help="Also write a report in FORMAT to FILE (repeatable); standard output keeps its own report.",
        show_default=False,
    ),
]

# A report file's format when -o names the file but --format is not given.
_FORMAT_BY_SUFFIX = {".sarif": "sarif", ".json": "json", ".xml": "junit", ".md": "markdown", ".txt": "text"}


@dataclass(frozen=True)
class Destination:
    """Where one report goes: a format and a file, or standard output (`path` None); never over `inputs`."""

    format: str
    path: str | None = None
    inputs: Inputs = NO_INPUTS
    main: bool = field(default=False, compare=False)  # the report of --format and -o, not of --output-format


def destinations(
    format: str | None,
    output: str | None,
    also: list[str] | None,
    choices: Collection[str],
    inputs: Inputs,
    *,
    default: str = "text",
) -> list[Destination]:
    """The reports a command writes, checked before any work is done: the main one (`--format`, `-o`) and each
    `--output-format FORMAT:FILE`, none of them over one of the run's `inputs`. Standard output is written first,
    then the files."""
    main = Destination(
        _check_format(format, choices) if format else _default_format(output, choices, default),
        None if output in (None, "-") else output,
        inputs,
        main=True,
    )
    targets = [main]
    for spec in also or []:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            raise CjmError(f"--output-format '{spec}' needs FORMAT:FILE, for example sarif:cjm.sarif")
        targets.append(Destination(_check_format(name, choices), None if path == "-" else path, inputs))
    seen: set[str | None] = set()
    for target in targets:
        key = None if target.path is None else os.path.abspath(target.path)
        if key in seen:
            where = "standard output" if key is None else target.path
            raise CjmError(f"two reports would be written to {where}; give each report its own file")
        seen.add(key)
        if target.path is not None:
            inputs.check(target.path)
            _check_writable(target.path)
    return sorted(targets, key=lambda t: t.path is not None)


def write_destinations(targets: list[Destination], render: Callable[[str, IO[str], bool], None]) -> None:
    """Write each report: `render(format, stream, color)`; colour only for a terminal on standard output."""
    from cjm.output.terminal import use_color

    for target in targets:
        with output_stream(target.path, target.inputs) as stream:
            render(target.format, stream, target.path is None and use_color(stream))


def default_reporter() -> str:
    """The report on standard output when none is asked for: annotations under GitHub Actions, else text."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report_destinations(
    format: str | None, output: str | None, also: list[str] | None, inputs: Inputs
) -> list[Destination]:
    """`destinations` for the finding reporters of `validate` and `lint`."""
    return destinations(format, output, also, REPORTERS, inputs, default=default_reporter())


def write_reports(findings: Findings, targets: list[Destination], *, statistics: bool = False) -> None:
    """Write the reports; with `statistics`, the main one counts the problems of each code instead."""
    from dataclasses import replace

    from cjm.output.findings.statistics import StatisticsJsonReporter, StatisticsReporter

    counted = {"json": StatisticsJsonReporter}
    reporters = {**REPORTERS, **{r.name: r for r in (StatisticsReporter, StatisticsJsonReporter)}}
    if statistics:
        targets = [replace(t, format=counted.get(t.format, StatisticsReporter).name) if t.main else t for t in targets]
    write_destinations(targets, lambda name, stream, color: reporters[name]().write(findings, stream, color=color))


def _check_format(name: str, choices: Collection[str]) -> str:
    if name not in choices:
        raise CjmError(f"unknown format '{name}'; choose one of: {', '.join(choices)}")
    return name


def _default_format(output: str | None, choices: Collection[str], default: str) -> str:
    if output in (None, "-"):
        return default
    suffix = os.path.splitext(output)[1].lower()
    inferred = _FORMAT_BY_SUFFIX.get(suffix)
    if inferred is not None and inferred not in choices:
        raise CjmError(
            f"-o {output}: a {suffix} file is {inferred}, which this command does not write; give "
            f"--format ({', '.join(choices)}) or another file name"
        )
    return inferred if inferred is not None else ("text" if "text" in choices else default)


def _check_writable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise CjmError(f"{path}: is a directory; give a file name for the report")
    if not os.path.isdir(folder):
        raise CjmError(f"{path}: folder {folder} does not exist; create it first")
