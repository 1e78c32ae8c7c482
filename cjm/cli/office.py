"""`cjm import` (an Excel or CSV journey grid to a map) and `cjm export` (a map to .xlsx, .csv or .pptx)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from cjm.core.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CjmError
from cjm.core.problem import Severity
from cjm.io.files import read_bytes
from cjm.io.safe_write import Inputs, write_bytes, write_text
from cjm.office.importer import import_grid
from cjm.office.sheets import MAX_FILE_BYTES
from cjm.output.findings import FINDINGS_FORMATS, Findings
from cjm.output.office import EXPORT_FORMATS, export_format, listed
from cjm.output.plan import run_inputs
from cjm.output.terminal import say, use_color
from cjm.validation.check import check_file


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
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            show_default=False,
            help="Format of the report on what was read: text (default), json, github, sarif, junit.",
        ),
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
    report_format = FINDINGS_FORMATS.named(format or "text")
    if output is not None and output != "-":
        Inputs.of([path]).check(output)
        if os.path.exists(output) and not force:
            raise CjmError(f"{output} already exists; use --force to overwrite it")
        if not output.lower().endswith((".yaml", ".yml")):
            raise CjmError(f"{output}: a map is a .yaml file; give -o a name ending in .yaml")
    imported = import_grid(read_bytes(path, MAX_FILE_BYTES), path, sheet)
    to_stdout = output is None or output == "-"
    if output is None or output == "-":
        sys.stdout.write(imported.text)
    else:
        write_text(output, imported.text, Inputs.of([path]))
    findings = Findings("import")
    findings.add(path, imported.problems)
    report = sys.stderr if to_stdout else sys.stdout
    report_format.write(findings, report, color=use_color(report))
    needs_review = any(p.severity is not Severity.INFO for p in imported.problems)
    raise typer.Exit(EXIT_FINDINGS if strict and needs_review else EXIT_OK)


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
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            show_default=False,
            help=f"{listed(list(EXPORT_FORMATS))}, when the file name does not say.",
        ),
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
    chosen = export_format(format, output)
    result = check_file(path)
    if result.journey is None:
        for p in result.problems:
            say(f"{p.file}:{p.line}:{p.col}: {p.code} {p.message}")
        say(f"cjm: error: {path}: is not a valid map; fix it (cjm validate {path}) before exporting")
        raise typer.Exit(EXIT_USAGE)
    data = chosen.build(result.journey)
    if output in (None, "-"):
        sys.stdout.write(data.decode("utf-8").lstrip("\ufeff"))  # CSV: the byte-order mark is for files
        return

    write_bytes(output, data, run_inputs([path]))
    say(f"Wrote {output}.", sys.stdout)
