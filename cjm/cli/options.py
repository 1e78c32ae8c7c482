"""Options shared by several commands, so they are spelled and documented the same everywhere."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

import typer

from cjm.io.config import Configuration
from cjm.io.files import Exclude
from cjm.output.findings import FINDINGS_FORMATS
from cjm.output.plan import REPORT_SUFFIXES

_SUFFIX_HELP = ", ".join(
    suffix if suffix == f".{name}" else f"{suffix} for {name}" for suffix, name in REPORT_SUFFIXES.items()
)

Paths = Annotated[
    list[str],
    typer.Argument(
        help="Map files, directories (searched for *.yaml and *.yml), glob patterns, or - for standard input.",
        show_default=False,
        metavar="PATH",
    ),
]


def format_option(help: str) -> Any:
    """`--format`/`-f FORMAT`, spelt alike by every command; `help` names the command's formats (its registry's)."""
    return typer.Option("--format", "-f", metavar="FORMAT", show_default=False, help=help)


FormatOption = Annotated[
    str | None,
    format_option(FINDINGS_FORMATS.help("text, or github under GitHub Actions")),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file instead of standard output. Without --format, a suffix that names a "
        f"format picks it ({_SUFFIX_HELP}).",
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
