"""A whole run of `cjm report`: read the map, build the report (its roadmap, and what `cjm lint` finds), write it
with its diagram where it was asked for, and return the exit code. The command line only parses options and calls
`report_run`; apart from `cjm.output.report` because a report's content loads lint's rules, which `cjm render`
never needs."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.errors import EXIT_OK, EXIT_USAGE, CjmError
from cjm.io.config import Configuration
from cjm.lint.engine import lint_journey
from cjm.lint.rule_settings import settings_for
from cjm.output.diagrams import load_map, roadmap_for, warn_font
from cjm.output.plan import run_inputs
from cjm.output.report import deliver, format_named
from cjm.output.terminal import say
from cjm.render.graphviz import find_dot
from cjm.report import build_report

if TYPE_CHECKING:
    from cjm.core.model import Journey


@dataclass(frozen=True)
class ReportRequest:
    """What `cjm report` writes and where; a usage error as it is made when a format is unknown."""

    format: str | None = None  # --format; else the output file's extension
    output: str | None = None  # -o FILE
    image: str = "svg"  # --image: the diagram beside a Markdown report
    findings: bool = True  # include what `cjm lint` finds

    def __post_init__(self) -> None:
        format_named(self.format, self.output)  # a usage error when neither names a format
        if self.image not in ("svg", "png"):
            raise CjmError(f"unknown image format '{self.image}'; choose svg or png")

    @property
    def format_name(self) -> str:
        return format_named(self.format, self.output)


def report_run(path: str, request: ReportRequest, config: Configuration) -> int:
    """`cjm report` of the map at `path` (its configuration from `config`): the report and its diagram written, and
    the exit code (2 when the map is not valid)."""
    journey = load_map(path)
    if journey is None:
        return EXIT_USAGE
    roadmap = roadmap_for(journey, config, required=False)
    output = request.output
    content = build_report(
        journey,
        roadmap,
        findings=_findings(path, journey, config) if request.findings else None,
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
        format=request.format_name,
        output=output,
        image=request.image,
        drawable=drawable,
        inputs=run_inputs([path], config),
    )
    for file in written:
        say(f"wrote {file}", sys.stdout)
    return EXIT_OK


def _findings(path: str, journey: Journey, config: Configuration) -> list:
    """What `cjm lint` finds on the map, with the settings of its configuration (the map is read once: standard
    input cannot be read twice)."""
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
