"""A whole run of `cjm render` (`render_run`: the format chosen, the targets planned, every map drawn, the exit code
returned), diagrams of maps written where it planned them (a file each, or standard output), and the steps
`cjm render` and `cjm report` share: a map read for drawing (its problems listed when it cannot be), its roadmap
with the configured settings, Graphviz found, and a warning when no font can draw a Japanese map."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.errors import EXIT_OK, EXIT_USAGE, CjmError
from cjm.core.problem import Severity
from cjm.io.files import expand
from cjm.io.safe_write import write_bytes
from cjm.output.findings.text import problem_line
from cjm.output.plan import STDOUT, plan, prepare, run_inputs, writes_folder
from cjm.output.terminal import say
from cjm.prioritise import prioritise, settings_from_config
from cjm.render import FORMATS, VIEWS, format_for, has_japanese, view_named
from cjm.render import render as draw
from cjm.render.graphviz import INSTALL_GRAPHVIZ, find_dot, font_warning
from cjm.validation.check import FIRST_PROBLEMS, check_file

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.io.config import Configuration
    from cjm.io.files import Exclude
    from cjm.io.safe_write import Inputs
    from cjm.output.plan import Target
    from cjm.prioritise import Roadmap


@dataclass(frozen=True)
class RenderRequest:
    """What `cjm render` draws and where; a usage error as it is made when there is no such view."""

    output: str | None = None  # -o FILE|DIR
    format: str | None = None  # --format; else the output file's extension, svg for a folder
    view: str = "map"  # --view

    def __post_init__(self) -> None:
        view_named(self.view)


def render_run(paths: list[str], exclude: Exclude, request: RenderRequest, config: Configuration) -> int:
    """`cjm render` of `paths` (folders searched leaving out `exclude`; the maps' configuration from `config`): every
    map drawn and written, and the exit code (2 when one could not be drawn; the others are still drawn)."""
    output, view = request.output, request.view
    to_folder = output not in (None, STDOUT) and writes_folder(paths, output, exclude)
    output_format = format_for(
        None if to_folder else output, request.format if request.format or not to_folder else "svg"
    )
    if output_format == "mermaid" and view != "map":
        raise CjmError(
            f"--format mermaid draws the map as a Mermaid journey; it has no '{view}' view. "
            "Use --format svg (or png, pdf, dot)"
        )
    spec = FORMATS[output_format]
    if spec.graphviz:
        require_graphviz()
    if (output is None or output == STDOUT) and spec.binary and sys.stdout.isatty():
        raise CjmError(f"{output_format.upper()} is binary; give -o FILE, or redirect standard output to a file")
    inputs = run_inputs(expand(paths, exclude), config)
    targets = plan(
        paths,
        None if output == STDOUT else output,
        spec.suffix,
        view_suffix="" if view == "map" else f"-{view}",
        exclude=exclude,
        inputs=inputs,
    )
    return EXIT_OK if draw_targets(targets, view, output_format, inputs, config) else EXIT_USAGE


def draw_targets(targets: list[Target], view: str, format: str, inputs: Inputs, config: Configuration) -> bool:
    """Draw each planned map in `view` and `format` and write it, never over one of `inputs`; a map that is not
    valid, or that a view cannot draw, is reported on standard error and the others are still drawn. Whether
    every map was drawn."""
    graphviz = FORMATS[format].graphviz
    failed = False
    warned = False
    for target in targets:
        journey = load_map(target.source)
        if journey is None:
            failed = True
            continue
        if graphviz and not warned:
            warned = warn_font(journey)
        try:
            roadmap = roadmap_for(journey, config, required=VIEWS[view].needs_roadmap)
            data = draw(journey, view, format, roadmap, fenced=target.path.lower().endswith((".md", ".markdown")))
        except CjmError as err:
            say(f"cjm: error: {target.source}: {err}")
            failed = True
            continue
        if target.path == STDOUT:
            write_stdout(data)
        else:
            prepare(target.path)
            write_bytes(target.path, data, inputs)
            say(f"wrote {target.path}", sys.stdout)
    return not failed


def load_map(path: str) -> Journey | None:
    """The map's journey, or None after listing its problems (file:line:col) on standard error."""
    result = check_file(path, first=FIRST_PROBLEMS)
    if result.journey is None:
        for problem in result.problems:
            if problem.severity is Severity.ERROR:
                say(problem_line(problem))
        say(f"cjm: {result.source}: not drawn; fix the map first (`cjm validate` shows all the problems)")
    return result.journey


def roadmap_for(journey: Journey, config: Configuration, *, required: bool) -> Roadmap | None:
    """The roadmap with the settings of `[tool.cjm.prioritise]` in the run's `config`; a view that needs one fails
    without it."""
    if not journey.initiatives and not required:
        return None
    settings = settings_from_config(config.for_path(journey.source if journey.source != "<stdin>" else "."))
    try:
        return prioritise([journey], settings.model, settings.capacity)
    except CjmError:
        if required:
            raise
        return None


def require_graphviz() -> None:
    if find_dot() is None:
        raise CjmError(f"Graphviz's `dot` program was not found; {INSTALL_GRAPHVIZ}")


def warn_font(journey: Journey) -> bool:
    """Warn (once per run: the caller stops asking) when the map has Japanese text and no font can draw it."""
    if not has_japanese(journey):
        return False
    warning = font_warning(True)
    if warning:
        say(f"cjm: warning: {warning}")
    return True


def write_stdout(data: bytes) -> None:
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
