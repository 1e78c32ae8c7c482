"""`cjm validate`, `cjm schema` and `cjm init`."""

from __future__ import annotations

import os
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
from cjm.io.safe_write import NO_INPUTS, write_text
from cjm.output.findings.runs import Reporting, validate_run
from cjm.output.terminal import say
from cjm.validation.schema import schema_text


def validate(
    paths: Paths,
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
    """Check maps: YAML syntax, duplicate keys, the schema and references (ids, phases, personas,
    pain points, initiative dependencies).

    Every problem is reported as file:line:col with a code and what to do.

    Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.

    \b
    Example: cjm validate samples/ --format json

    \b
    Example: cjm validate samples/invalid/ --statistics

    \b
    Example: cjm validate samples/ --output-format sarif:cjm.sarif --output-format junit:cjm-junit.xml
    """
    config = configuration(config_file, isolated)
    files = list(expand(paths, exclusions(exclude, extend_exclude, gitignore, config)))
    reporting = Reporting(format, output, tuple(also or ()), quiet, statistics, exit_zero, jobs, stdin_filename)
    raise typer.Exit(validate_run(files, reporting, config))


def schema() -> None:
    """Print the map format's JSON Schema (draft 2020-12), for editors and other tools.

    Exit codes: 0 printed.

    \b
    Example: cjm schema > journey.schema.json
    """
    sys.stdout.write(schema_text())


TEMPLATES = ("standard", "b2b", "gift", "subscription", "omnichannel")


def init(
    path: Annotated[
        str, typer.Argument(help="Where to write the new map (a .yaml file).", show_default=False, metavar="FILE")
    ],
    template: Annotated[
        str, typer.Option("--template", "-t", help=f"Starting point: {', '.join(TEMPLATES)}.", metavar="NAME")
    ] = "standard",
    language: Annotated[
        str, typer.Option("--lang", help="Language of names and texts: en or ja.", metavar="LANG")
    ] = "en",
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
) -> None:
    """Write a valid starter map, with the schema line editors use for completion.

    Exit codes: 0 written, 2 usage error or the file exists (without --force).

    \b
    Example: cjm init gift-map.yaml --template gift --lang ja
    """
    from cjm.adapt.templates import SCHEMA_FILE, render_template  # the starters live in adapt: validate loads none

    if template not in TEMPLATES:
        raise CjmError(f"unknown template '{template}'; choose one of: {', '.join(TEMPLATES)}")
    if language not in ("en", "ja"):
        raise CjmError(f"unknown language '{language}'; choose en or ja")
    if os.path.exists(path) and not force:
        raise CjmError(f"{path} already exists; use --force to overwrite it")
    schema = os.path.join(os.path.dirname(path), SCHEMA_FILE)
    write_text(path, render_template(template, language, path, schema=SCHEMA_FILE), NO_INPUTS)  # init reads nothing
    say(f"Wrote {path} ({template} template). Next: edit it, then run `cjm validate {path}`.", sys.stdout)
    if not os.path.lexists(schema):  # one already there (an older cjm's, or the team's) is left as it is
        write_text(schema, schema_text(), NO_INPUTS)
        say(f"Wrote {schema}, the map format's schema, for editors' completion without a network.", sys.stdout)
