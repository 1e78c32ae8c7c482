"""A whole run of `cjm prioritise`: load and check the maps, rank their initiatives, and write the roadmap (or one
initiative explained) where it was asked for; the exit code is returned. The command line only parses options and
calls `prioritise_run`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.errors import EXIT_OK, EXIT_USAGE
from cjm.core.problem import Problem, Severity
from cjm.io.config import Configuration
from cjm.output.findings.text import problem_line
from cjm.output.plan import output_stream, run_inputs
from cjm.output.roadmap import FORMATS, roadmap_format, write_roadmap
from cjm.output.terminal import say, use_color
from cjm.prioritise import check, prioritise
from cjm.validation.check import FIRST_PROBLEMS, check_files

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.prioritise.settings import Settings


@dataclass(frozen=True)
class RoadmapRequest:
    """What `cjm prioritise` writes and where; a usage error as it is made when the format cannot be written."""

    format: str | None = None  # --format; else the one the output file's name implies, else table
    output: str | None = None  # -o
    bom: bool | None = None  # --bom/--no-bom; else on for a .csv file
    explain: str | None = None  # --explain ID

    def __post_init__(self) -> None:
        roadmap_format(self.format_name, explain=self.explain is not None)

    @property
    def format_name(self) -> str:
        implied = FORMATS.for_path(self.output)
        return self.format or (implied.name if implied else "table")


def prioritise_run(
    files: list[str], settings: Settings, request: RoadmapRequest, config: Configuration | None = None
) -> int:
    """`cjm prioritise` over `files` (their configuration from `config`) with the model and capacity of
    `settings`: the roadmap written, and the exit code (2 when a map is invalid or lacks what the model needs)."""
    inputs = run_inputs(files, config)
    if request.output is not None:
        inputs.check(request.output)
    journeys = _load(files)
    if journeys is None:
        return EXIT_USAGE
    problems = check(journeys, settings.model)
    _report(problems)
    if any(p.severity is Severity.ERROR for p in problems):
        return EXIT_USAGE
    roadmap = prioritise(journeys, settings.model, settings.capacity)
    if not roadmap.initiatives and request.explain is None:
        _note(
            "no initiatives to prioritise; add `initiatives:` to the map, each with impact, feasibility, urgency, "
            "maintenance_cost, set_and_forget and confidence (see docs/prioritise.md)"
        )
    item = roadmap.find(request.explain) if request.explain is not None else None
    output, name = request.output, request.format_name
    with output_stream(output, inputs) as stream:
        color = output is None and name == "table" and use_color(stream)
        with_bom = request.bom if request.bom is not None else bool(output and output.lower().endswith(".csv"))
        write_roadmap(roadmap, stream, name, color=color, bom=with_bom, explain=item)
    return EXIT_OK


def _load(files: list[str]) -> list[Journey] | None:
    """The journeys of every map file; None, once the problems are reported, when a map is invalid or unreadable."""
    journeys = []
    problems: list[Problem] = []
    for result in check_files(files, first=FIRST_PROBLEMS):
        if result.journey is not None:
            journeys.append(result.journey)
        problems.extend(p for p in result.problems if p.severity is Severity.ERROR or result.journey is None)
    if problems:
        _report(problems)
        _note(f"fix the map{'s' if len(problems) > 1 else ''} first (`cjm validate` shows all the problems)")
        return None
    return journeys


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        say(problem_line(problem))


def _note(message: str) -> None:
    say(f"cjm: {message}")
