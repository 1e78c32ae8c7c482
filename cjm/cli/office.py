"""`cjm export` (a map to .xlsx or .csv)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from cjm.errors import EXIT_USAGE, CjmError

EXPORT_FORMATS = ("xlsx", "csv")


def export(
    path: Annotated[str, typer.Argument(help="The map to export.", show_default=False, metavar="MAP")],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="The file to write: .xlsx, .csv or .pptx (the suffix picks the format). CSV may go to standard "
             "output.")] = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False,
        help="xlsx, csv or pptx, when the file name does not say.")] = None,
) -> None:
    """Export a map for people who work in Office: .xlsx or .csv as the grid a consultant draws (phases across,
    rows down, persona block on top, the emotion score row coloured), or .pptx as an editable 16:9 deck (title,
    journey map with its emotion curve, a slide per persona lane, the staged roadmap, the initiative matrix),
    all built from native shapes and text.

    Exit codes: 0 written, 2 usage error, unreadable or invalid map.

    Example: cjm export samples/gift-sweets.yaml -o gift.xlsx

    Example: cjm export samples/gift-sweets.yaml -o gift-deck.pptx
    """
    from cjm.office import export_bytes
    from cjm.safe_write import write_bytes
    from cjm.terminal import say
    from cjm.validate import check_file

    fmt = format or (os.path.splitext(output)[1].lower().lstrip(".") if output and output != "-" else None)
    if fmt is None:
        raise CjmError("give the file to write with -o (.xlsx, .csv or .pptx), or --format csv for standard output")
    if fmt not in EXPORT_FORMATS:
        raise CjmError(f"unknown format '{fmt}'; choose one of: {', '.join(EXPORT_FORMATS)} (by -o's suffix or "
                       "--format)")
    if output in (None, "-") and fmt != "csv":
        raise CjmError(f"a .{fmt} file is binary; give the file to write with -o")
    result = check_file(path)
    if result.journey is None:
        for p in result.problems:
            say(f"{p.file}:{p.line}:{p.col}: {p.code} {p.message}")
        say(f"cjm: error: {path}: is not a valid map; fix it (cjm validate {path}) before exporting")
        raise typer.Exit(EXIT_USAGE)
    data = export_bytes(result.journey, fmt)
    if output in (None, "-"):
        sys.stdout.write(data.decode("utf-8").lstrip("\ufeff"))  # CSV: the byte-order mark is for files
        return
    from cjm.cli.options import run_inputs

    write_bytes(output, data, run_inputs([path]))
    say(f"Wrote {output}.", sys.stdout)
