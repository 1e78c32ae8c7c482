"""`cjm render` (diagrams of maps) and `cjm report` (one document for docs)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

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
)
from cjm.core.errors import EXIT_OK, EXIT_USAGE, CjmError
from cjm.io.files import expand
from cjm.output.diagrams import draw_targets, load_map, require_graphviz, roadmap_for, warn_font
from cjm.output.plan import STDOUT, plan, run_inputs, writes_folder
from cjm.output.report import deliver, format_named
from cjm.output.terminal import say
from cjm.render import FORMATS, format_for, view_named
from cjm.render.graphviz import find_dot

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.io.config import Configuration

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
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        show_default=False,
        help=f"{', '.join(FORMATS)}. Default: from the output file's extension (.svg .png .pdf .dot .mmd .md); "
        "svg for a folder. dot and mermaid work without Graphviz.",
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
    chosen = view_named(view)
    config = configuration(config_file, isolated)
    skip = exclusions(exclude, extend_exclude, gitignore, config)
    to_folder = output not in (None, STDOUT) and writes_folder(paths, output, skip)
    output_format = format_for(None if to_folder else output, format if format or not to_folder else "svg")
    if output_format == "mermaid" and chosen.name != "map":
        raise CjmError(
            f"--format mermaid draws the map as a Mermaid journey; it has no '{view}' view. "
            "Use --format svg (or png, pdf, dot)"
        )
    spec = FORMATS[output_format]
    if spec.graphviz:
        require_graphviz()
    if (output is None or output == STDOUT) and spec.binary and sys.stdout.isatty():
        raise CjmError(f"{output_format.upper()} is binary; give -o FILE, or redirect standard output to a file")
    suffix = spec.suffix
    inputs = run_inputs(expand(paths, skip), config)
    targets = plan(
        paths,
        None if output == STDOUT else output,
        suffix,
        view_suffix="" if chosen.name == "map" else f"-{chosen.name}",
        exclude=skip,
        inputs=inputs,
    )
    failed = not draw_targets(targets, chosen.name, output_format, inputs, config)
    raise typer.Exit(EXIT_USAGE if failed else EXIT_OK)


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
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            show_default=False,
            help="markdown (or md) or html. Default: from the output file's extension.",
        ),
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
    from cjm.report import build_report  # a report's content loads lint's rules, which a drawing never needs

    name = format_named(format, output)
    if image not in ("svg", "png"):
        raise CjmError(f"unknown image format '{image}'; choose svg or png")
    config = configuration(config_file, isolated)
    journey = load_map(path)
    if journey is None:
        raise typer.Exit(EXIT_USAGE)
    roadmap = roadmap_for(journey, config, required=False)
    content = build_report(
        journey,
        roadmap,
        findings=_findings(path, journey, config) if findings else None,
        source=_source_name(path, output),
    )
    drawable = find_dot() is not None
    if not drawable:
        say(
            "cjm: note: Graphviz's `dot` was not found, so the report shows the map as a Mermaid journey; "
            "install Graphviz for the full diagram"
        )
    else:
        warn_font(journey)
    written = deliver(
        content,
        journey,
        roadmap,
        source=path,
        format=name,
        output=output,
        image=image,
        drawable=drawable,
        inputs=run_inputs([path], config),
    )
    for file in written:
        say(f"wrote {file}", sys.stdout)
    raise typer.Exit(EXIT_OK)


def _findings(path: str, journey: Journey, config: Configuration) -> list:
    """What `cjm lint` finds on the map, with the settings of its configuration (the map is read once: standard
    input cannot be read twice)."""
    from cjm.lint.engine import lint_journey
    from cjm.lint.rule_settings import settings_for

    return [found.problem for found in lint_journey(journey, settings_for(path, config=config).rules_for(path))]


def _source_name(path: str, output: str | None) -> str:
    """How the report names its map: relative to the report's folder when both lie in the working folder (so a
    committed report names it as the repository does), else by file name; never an absolute path."""
    if path == "-":
        return "standard input"
    here = os.getcwd()
    where = os.path.dirname(os.path.abspath(output)) if output and output != "-" else here
    source = os.path.abspath(path)
    if os.path.commonpath([source, here]) == here and os.path.commonpath([where, here]) == here:
        return os.path.relpath(source, where).replace(os.sep, "/")
    return os.path.basename(path)
