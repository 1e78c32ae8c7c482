"""`cjm prioritise` (and `cjm prioritize`): rank a map's initiatives into a staged roadmap."""

from __future__ import annotations

from typing import Annotated

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
    format_option,
)
from cjm.io.files import expand
from cjm.output.roadmap import FORMATS
from cjm.output.roadmap.run import RoadmapRequest, prioritise_run
from cjm.prioritise import settings_from_config
from cjm.prioritise.settings import parse_capacity, parse_weights


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
        format_option(FORMATS.help("table")),
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
    request = RoadmapRequest(format, output, bom, explain)
    start = paths[0] if paths and paths[0] != "-" else "."
    config = configuration(config_file, isolated)
    settings = settings_from_config(
        config.for_path(start),
        preset=preset,
        weights=parse_weights(weight) if weight else None,
        capacity=parse_capacity(capacity) if capacity else None,
    )
    files = list(expand(paths, exclusions(exclude, extend_exclude, gitignore, config, start)))
    raise typer.Exit(prioritise_run(files, settings, request, config))
