"""`cjm render` (diagrams of maps) and `cjm report` (one document for docs)."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Annotated

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
    run_inputs,
)
from cjm.core.errors import EXIT_OK, EXIT_USAGE, CjmError

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.io.config import Configuration
    from cjm.prioritise import Roadmap

VIEW_NAMES = ("map", "emotion", "matrix", "roadmap")
FORMAT_NAMES = ("svg", "png", "pdf", "dot", "mermaid")

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
        help=f"{', '.join(FORMAT_NAMES)}. Default: from the output file's extension (.svg .png .pdf .dot .mmd .md); "
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
    from cjm.io.files import expand
    from cjm.io.safe_write import write_bytes
    from cjm.render import FORMATS, format_for, view_named
    from cjm.render import render as draw
    from cjm.render.outputs import STDOUT, plan, prepare, writes_folder

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
        _require_graphviz()
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
    failed = False
    warned = False
    for target in targets:
        journey = _load(target.source)
        if journey is None:
            failed = True
            continue
        if spec.graphviz and not warned:
            warned = _warn_font(journey)
        try:
            roadmap = _roadmap(journey, config, required=chosen.needs_roadmap)
            data = draw(
                journey, chosen.name, output_format, roadmap, fenced=target.path.lower().endswith((".md", ".markdown"))
            )
        except CjmError as err:
            _say(f"cjm: error: {target.source}: {err}")
            failed = True
            continue
        if target.path == STDOUT:
            _write_stdout(data)
        else:
            prepare(target.path)
            write_bytes(target.path, data, inputs)
            _say(f"wrote {target.path}", sys.stdout)
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
    from cjm.io.safe_write import write_bytes, write_text
    from cjm.render import render as draw
    from cjm.render.graphviz import find_dot
    from cjm.render.mermaid import build_mermaid
    from cjm.render.outputs import STDOUT, Target, check, prepare
    from cjm.report import REPORT_FORMATS, build_report, html, markdown

    to_stdout = output is None or output == STDOUT
    format = {"md": "markdown", "htm": "html"}.get(format or "", format)  # the names of the files' suffixes
    name = format or (
        "markdown"
        if to_stdout
        else next((key for key, suffixes in REPORT_FORMATS.items() if output.lower().endswith(suffixes)), None)
    )
    if name not in REPORT_FORMATS:
        raise CjmError(
            f"unknown report format '{format or output}'; give --format markdown or html, or an output "
            "file ending in .md or .html"
        )
    if image not in ("svg", "png"):
        raise CjmError(f"unknown image format '{image}'; choose svg or png")
    config = configuration(config_file, isolated)
    journey = _load(path)
    if journey is None:
        raise typer.Exit(EXIT_USAGE)
    roadmap = _roadmap(journey, config, required=False)
    content = build_report(
        journey,
        roadmap,
        findings=_findings(path, journey, config) if findings else None,
        source=_source_name(path, output),
    )
    drawable = find_dot() is not None
    if not drawable:
        _say(
            "cjm: note: Graphviz's `dot` was not found, so the report shows the map as a Mermaid journey; "
            "install Graphviz for the full diagram"
        )
    else:
        _warn_font(journey)
    mermaid = build_mermaid(journey, fenced=True)
    if to_stdout:
        sys.stdout.write(markdown(content, mermaid=mermaid) if name == "markdown" else html(content, mermaid=mermaid))
        raise typer.Exit(EXIT_OK)
    assert output is not None
    folder = os.path.dirname(os.path.abspath(output))
    image_path = f"{os.path.splitext(output)[0]}.map.{image}"
    targets = [Target(path, output)] + ([Target(path, image_path)] if name == "markdown" and drawable else [])
    inputs = run_inputs([path], config)
    check(targets, folder=folder, inputs=inputs)
    prepare(output)
    if name == "html":
        svg = draw(journey, "map", "svg", roadmap).decode("utf-8") if drawable else None
        write_text(output, html(content, svg=svg, mermaid=None if svg else build_mermaid(journey)), inputs)
    elif drawable:
        write_bytes(image_path, draw(journey, "map", image, roadmap), inputs)
        _say(f"wrote {image_path}", sys.stdout)
        write_text(output, markdown(content, image=os.path.basename(image_path)), inputs)
    else:
        write_text(output, markdown(content, mermaid=mermaid), inputs)
    _say(f"wrote {output}", sys.stdout)
    raise typer.Exit(EXIT_OK)


def _load(path: str) -> Journey | None:
    """The map's journey, or None after listing its problems (file:line:col) on standard error."""
    from cjm.core.problem import Severity
    from cjm.output.findings.text import problem_line
    from cjm.validation.check import FIRST_PROBLEMS, check_file

    result = check_file(path, first=FIRST_PROBLEMS)
    if result.journey is None:
        for problem in result.problems:
            if problem.severity is Severity.ERROR:
                _say(problem_line(problem))
        _say(f"cjm: {result.source}: not drawn; fix the map first (`cjm validate` shows all the problems)")
    return result.journey


def _roadmap(journey: Journey, config: Configuration, *, required: bool) -> Roadmap | None:
    """The roadmap with the settings of `[tool.cjm.prioritise]`; a view that needs one fails without it."""
    from cjm.prioritise import prioritise, settings_from_config

    if not journey.initiatives and not required:
        return None
    settings = settings_from_config(config.for_path(journey.source if journey.source != "<stdin>" else "."))
    try:
        return prioritise([journey], settings.model, settings.capacity)
    except CjmError:
        if required:
            raise
        return None


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


def _require_graphviz() -> None:
    from cjm.render.graphviz import INSTALL_GRAPHVIZ, find_dot

    if find_dot() is None:
        raise CjmError(f"Graphviz's `dot` program was not found; {INSTALL_GRAPHVIZ}")


def _warn_font(journey: Journey) -> bool:
    """Warn (once per run: the caller stops asking) when the map has Japanese text and no font can draw it."""
    from cjm.render import has_japanese
    from cjm.render.graphviz import font_warning

    if not has_japanese(journey):
        return False
    warning = font_warning(True)
    if warning:
        _say(f"cjm: warning: {warning}")
    return True


def _say(message: str, stream: IO[str] | None = None) -> None:
    from cjm.output.terminal import say

    say(message, stream)


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output: through its binary buffer, or as text where standard output has none (an
    embedding program's stream). Text formats only reach the second case."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
