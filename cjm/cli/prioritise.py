"""`cjm prioritise` (and `cjm prioritize`): rank a map's initiatives into a staged roadmap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from cjm.cli.options import (
    ConfigOption,
    ExcludeOption,
    ExtendExcludeOption,
    GitignoreOption,
    IsolatedOption,
    OutputOption,
    Paths,
    configuration,
    exclusions,
)
from cjm.core.errors import EXIT_OK, EXIT_USAGE
from cjm.core.problem import Problem, Severity
from cjm.io.files import expand
from cjm.output.findings.text import problem_line
from cjm.output.plan import output_stream, run_inputs
from cjm.output.roadmap import FORMATS, roadmap_format, write_roadmap
from cjm.output.terminal import say, use_color
from cjm.prioritise import check, settings_from_config
from cjm.prioritise import prioritise as build_roadmap
from cjm.prioritise.settings import parse_capacity, parse_weights
from cjm.validation.check import FIRST_PROBLEMS, check_files

if TYPE_CHECKING:
    from cjm.core.model import Journey


def prioritise(
    paths: Paths,
    preset: Annotated[
        str | None,
        typer.Option(
            "--preset",
            "-p",
            metavar="PRESET",
            show_default=False,
            help="Scoring model: default, rice, ice or wsjf. Default: [tool.cjm.prioritise] preset, else default.",
        ),
    ] = None,
    weight: Annotated[
        list[str] | None,
        typer.Option(
            "--weight",
            "-w",
            metavar="NAME=NUMBER",
            show_default=False,
            help="A weight of the default model, as name=number (repeatable): impact, feasibility, urgency, "
            "maintenance_cost, set_and_forget, confidence.",
        ),
    ] = None,
    capacity: Annotated[
        str | None,
        typer.Option(
            "--capacity",
            "-c",
            metavar="N[,N,N]",
            show_default=False,
            help="Initiatives per stage: one number for every stage (3) or one per stage (2,4,4); the overflow "
            "spills into the next stage.",
        ),
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            "-e",
            metavar="ID",
            show_default=False,
            help="Show how one initiative's score, quadrant and stage were computed. Give its id, or map-id:id in "
            "a portfolio.",
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=FORMATS.help("table"),
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    bom: Annotated[
        bool | None,
        typer.Option(
            "--bom/--no-bom",
            show_default=False,
            help="Start CSV with a UTF-8 byte-order mark, so that Excel reads Japanese text correctly. Default: on "
            "for a .csv file written with -o, off on standard output.",
        ),
    ] = None,
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    gitignore: GitignoreOption = True,
    config_file: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Rank initiatives on impact, feasibility, urgency, maintenance cost, set-and-forget and confidence,
    and lay them out as a staged roadmap: 1 set-and-forget and quick wins, 2 strengthen key journey points,
    3 advanced measures. Several maps, or a directory, are prioritised as one portfolio.

    Exit codes: 0 roadmap written, 2 usage error, or a map that is not valid or lacks what the model needs.

    \b
    Example: cjm prioritise samples/apparel-working-mother.yaml --capacity 3 --format markdown
    """
    asked = FORMATS.for_path(output)
    name = format or (asked.name if asked else "table")
    roadmap_format(name, explain=explain is not None)
    start = paths[0] if paths and paths[0] != "-" else "."
    config = configuration(config_file, isolated)
    settings = settings_from_config(
        config.for_path(start),
        preset=preset,
        weights=parse_weights(weight) if weight else None,
        capacity=parse_capacity(capacity) if capacity else None,
    )

    files = list(expand(paths, exclusions(exclude, extend_exclude, gitignore, config, start)))
    inputs = run_inputs(files, config)
    if output is not None:
        inputs.check(output)
    journeys = _load(files)
    problems = check(journeys, settings.model)
    _report(problems)
    if any(p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(EXIT_USAGE)
    roadmap = build_roadmap(journeys, settings.model, settings.capacity)
    if not roadmap.initiatives and explain is None:
        _note(
            "no initiatives to prioritise; add `initiatives:` to the map, each with impact, feasibility, urgency, "
            "maintenance_cost, set_and_forget and confidence (see docs/prioritise.md)"
        )
    item = roadmap.find(explain) if explain is not None else None
    with output_stream(output, inputs) as stream:
        color = output is None and name == "table" and use_color(stream)
        with_bom = bom if bom is not None else bool(output and output.lower().endswith(".csv"))
        write_roadmap(roadmap, stream, name, color=color, bom=with_bom, explain=item)
    raise typer.Exit(EXIT_OK)


def _load(files: list[str]) -> list[Journey]:
    """The journeys of every map file; invalid or unreadable maps are reported and stop the command (exit 2)."""
    journeys = []
    problems: list[Problem] = []
    for result in check_files(files, first=FIRST_PROBLEMS):
        if result.journey is not None:
            journeys.append(result.journey)
        problems.extend(p for p in result.problems if p.severity is Severity.ERROR or result.journey is None)
    if problems:
        _report(problems)
        _note(f"fix the map{'s' if len(problems) > 1 else ''} first (`cjm validate` shows all the problems)")
        raise typer.Exit(EXIT_USAGE)
    return journeys


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        say(problem_line(problem))


def _note(message: str) -> None:
    say(f"cjm: {message}")
