"""`cjm render` (diagrams of maps) and `cjm report` (one document for docs)."""

from __future__ import annotations

from typing import Annotated

import typer

from cjm.cli.options import (
    ConfigOption,
    ExcludeOption,
    ExtendExcludeOption,
    GitignoreOption,
    IsolatedOption,
    Paths,
    configuration,
    exclusions,
    format_option,
)
from cjm.output.diagrams import RenderRequest, render_run
from cjm.render import FORMATS

RenderOutput = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE|DIR",
        show_default=False,
        help="Where to write: a file (its extension gives the format), or a folder for one file per map (an "
        "existing folder, a path ending in /, or any path when several maps are given). Default: standard "
        "output, which needs --format.",
    ),
]
RenderFormat = Annotated[
    str | None,
    format_option(
        f"{', '.join(FORMATS)}. Default: from the output file's extension (.svg .png .pdf .dot .mmd .md); "
        "svg for a folder. dot and mermaid work without Graphviz."
    ),
]
ViewOption = Annotated[
    str,
    typer.Option(
        "--view",
        "-v",
        metavar="VIEW",
        help="map (phases, rows, emotion curve), emotion (the curve and the initiatives for its low points), "
        "matrix (impact x feasibility), roadmap (the stages).",
    ),
]


def render(
    paths: Paths,
    output: RenderOutput = None,
    format: RenderFormat = None,
    view: ViewOption = "map",
    exclude: ExcludeOption = None,
    extend_exclude: ExtendExcludeOption = None,
    gitignore: GitignoreOption = True,
    config_file: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Draw maps with Graphviz: the journey map (phases as columns, a lane per persona, the emotion curve),
    the emotion curve with the initiatives for its low points, the initiative matrix, or the staged roadmap.

    Exit codes: 0 all drawn, 2 usage error, missing Graphviz, or a map that is invalid (its problems are
    listed; the other maps are still drawn).

    \b
    Example: cjm render samples/apparel-working-mother.yaml -o map.png
    """
    request = RenderRequest(output, format, view)
    config = configuration(config_file, isolated)
    raise typer.Exit(render_run(paths, exclusions(exclude, extend_exclude, gitignore, config), request, config))


def report(
    path: Annotated[str, typer.Argument(metavar="MAP", help="The map file.", show_default=False)],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            show_default=False,
            help="The report: FILE.md (the diagram is written beside it as FILE.map.svg) or FILE.html (one file, the "
            "diagram inline). Default: Markdown on standard output, with the map as a Mermaid block.",
        ),
    ] = None,
    format: Annotated[
        str | None,
        format_option("markdown (or md) or html. Default: from the output file's extension."),
    ] = None,
    image: Annotated[
        str,
        typer.Option(
            "--image",
            metavar="FORMAT",
            help="The diagram beside a Markdown report: svg (sharp, small) or png (looks the same everywhere).",
        ),
    ] = "svg",
    findings: Annotated[
        bool,
        typer.Option(
            "--findings/--no-findings",
            help="Include what `cjm lint` finds on the map, by severity, with each "
            "rule's advice (with the lint settings of the map's configuration).",
        ),
    ] = True,
    config_file: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Write one document for docs: the personas, the map diagram, the lint findings, the prioritised roadmap
    as a table, the emotional low points, KPIs per phase, and the pain points no initiative addresses. GitHub
    renders the Markdown.

    Exit codes: 0 written, 2 usage error or invalid map.

    \b
    Example: cjm report samples/gift-sweets.yaml -o docs/gift-report.md
    """
    # A report's content loads lint's rules, which a drawing never needs.
    from cjm.output.report.run import ReportRequest, report_run

    request = ReportRequest(format, output, image, findings)
    raise typer.Exit(report_run(path, request, configuration(config_file, isolated)))
