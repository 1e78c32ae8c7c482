"""Diagrams of maps written where `cjm render` planned them (a file each, or standard output), and the steps
`cjm render` and `cjm report` share: a map read for drawing (its problems listed when it cannot be), its roadmap
with the configured settings, Graphviz found, and a warning when no font can draw a Japanese map."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from cjm.core.errors import CjmError
from cjm.core.problem import Severity
from cjm.io.safe_write import write_bytes
from cjm.output.findings.text import problem_line
from cjm.output.plan import STDOUT, prepare
from cjm.output.terminal import say
from cjm.prioritise import prioritise, settings_from_config
from cjm.render import FORMATS, VIEWS, has_japanese
from cjm.render import render as draw
from cjm.render.graphviz import INSTALL_GRAPHVIZ, find_dot, font_warning
from cjm.validation.check import FIRST_PROBLEMS, check_file

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.io.config import Configuration
    from cjm.io.safe_write import Inputs
    from cjm.output.plan import Target
    from cjm.prioritise import Roadmap


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
