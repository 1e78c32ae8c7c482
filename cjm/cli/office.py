"""`cjm import` (an Excel or CSV journey grid to a map) and `cjm export` (a map to .xlsx, .csv or .pptx)."""

from __future__ import annotations

from typing import Annotated

import typer

from cjm.cli.options import format_option
from cjm.output.findings import FINDINGS_FORMATS
from cjm.output.grids import ImportRequest, export_run, import_run
from cjm.output.office import EXPORT_FORMATS, listed


def import_(
    path: Annotated[
        str, typer.Argument(help="The .xlsx or .csv file with the journey grid.", show_default=False, metavar="FILE")
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="MAP.yaml",
            show_default=False,
            help="Write the map to this file (default: standard output, with the report on standard error).",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            metavar="NAME",
            show_default=False,
            help="The sheet with the grid (default: the sheet where cjm finds one).",
        ),
    ] = None,
    format: Annotated[
        str | None,
        format_option(FINDINGS_FORMATS.help("text")),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when a cell was placed for review (review: true) or an emotion had no score."
        ),
    ] = False,
) -> None:
    """Read a journey grid from Excel (.xlsx) or CSV into a map: phases across one row, row labels (行動, 思考,
    感情, タッチポイント, 課題, 改善案, KPI or Actions, Thoughts, Feelings, Touchpoints, Pain points, Opportunities,
    KPIs, and their synonyms) down one column. Title rows, a persona block, merged cells, spacer rows and other
    sheets are found around it. Every decision a consultant should check is reported at its cell.

    Exit codes: 0 map written (warnings about cells placed for review are shown; with --strict they exit 1),
    2 no grid or unreadable input.

    \b
    Example: cjm import samples/grids/robot-vacuum-ja.csv -o robot-vacuum.yaml

    \b
    Example: cjm import samples/grids/meal-kit-trial.csv > meal-kit.yaml
    """
    raise typer.Exit(import_run(path, ImportRequest(output, sheet, format, force, strict)))


def export(
    path: Annotated[str, typer.Argument(help="The map to export.", show_default=False, metavar="MAP")],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            show_default=False,
            help=f"The file to write: {listed([e.suffix for e in EXPORT_FORMATS.values()])} (the suffix picks the "
            "format). CSV may go to standard output.",
        ),
    ] = None,
    format: Annotated[
        str | None,
        format_option(f"{listed(list(EXPORT_FORMATS))}, when the file name does not say."),
    ] = None,
) -> None:
    """Export a map for people who work in Office: .xlsx or .csv as the grid a consultant draws (phases across,
    rows down, persona block on top, the emotion score row coloured), or .pptx as an editable 16:9 deck (title,
    journey map with its emotion curve, a slide per persona lane, the staged roadmap, the initiative matrix),
    all built from native shapes and text.

    Exit codes: 0 written, 2 usage error, unreadable or invalid map.

    \b
    Example: cjm export samples/gift-sweets.yaml -o gift.xlsx

    \b
    Example: cjm export samples/gift-sweets.yaml -o gift-deck.pptx
    """
    raise typer.Exit(export_run(path, output, format))
