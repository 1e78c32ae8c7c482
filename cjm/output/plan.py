"""Where every output goes, planned and checked before anything is written: the one output planner.

Reports (`validate`, `lint`, `diff`): the main one (`--format`, `-o FILE`, whose suffix can pick the format) and each
`--output-format FORMAT:FILE`, none of them over a file the run reads, none twice to one place, each into a folder
that exists (`destinations`); then each is written atomically once complete (`write_destinations`).

Files per map (`render`, `report`): one map and `-o FILE` writes that file; several maps, a folder of maps or
`-o DIR` (an existing folder, or a path ending in `/`) write one file per map into DIR, keeping the maps'
sub-folders (`plan`). Nothing is ever written outside the output folder (a symbolic link inside it that leads out
is refused), never over an input map, and never twice to one path (`check`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO

from cjm.core.errors import CjmError
from cjm.io.config import Configuration
from cjm.io.files import STDIN, Exclude, expand
from cjm.io.safe_write import NO_INPUTS, Inputs, atomic_writer
from cjm.output.terminal import use_color

STDOUT = "-"


@dataclass(frozen=True)
class Target:
    source: str  # the map file, or "-" for standard input
    path: str  # where its output goes, or "-" for standard output


def is_folder(output: str) -> bool:
    return os.path.isdir(output) or output.endswith(("/", os.sep))


def writes_folder(given: Sequence[str], output: str, exclude: Exclude = Exclude()) -> bool:
    """Whether `-o output` is a folder for one file per map rather than one file."""
    if is_folder(output) or any(os.path.isdir(root) for root in given):
        return True
    return sum(1 for _ in expand(given, exclude)) > 1


def plan(
    given: Sequence[str],
    output: str | None,
    suffix: str,
    *,
    view_suffix: str = "",
    exclude: Exclude = Exclude(),
    inputs: Inputs = NO_INPUTS,
) -> list[Target]:
    """The output path of every map that `given` names. `suffix` is the format's extension (`.svg`);
    `view_suffix` goes before it (`-matrix`) so that views of one map do not overwrite each other. `inputs`: other
    files the run reads (its configuration), which no output may replace either."""
    found = [(root, source) for root in given for source in expand([root], exclude)]
    if not found:
        raise CjmError("no map files found; give a .yaml file or a folder that holds some")
    if output is None or output == STDOUT:
        if len(found) > 1:
            raise CjmError(f"{len(found)} maps but no output folder; give -o DIR to write one file per map")
        return [Target(found[0][1], STDOUT)]
    if not writes_folder(given, output, exclude):
        targets = [Target(found[0][1], output)]
        check(targets, folder=os.path.dirname(os.path.abspath(output)), inputs=inputs)
        return targets
    targets = []
    for root, source in found:
        relative = (
            "stdin"
            if source == STDIN
            else (os.path.relpath(source, root) if os.path.isdir(root) else os.path.basename(source))
        )
        stem = os.path.splitext(relative)[0]
        targets.append(Target(source, os.path.join(output, stem + view_suffix + suffix)))
    check(targets, folder=output, inputs=inputs)
    return targets


def check(targets: list[Target], *, folder: str, inputs: Inputs = NO_INPUTS) -> None:
    """Refuse any target outside `folder` (after following symbolic links), over an input map or over another
    file the command reads (`inputs`), or written twice."""
    home = os.path.realpath(folder)
    inputs = inputs | Inputs.of(t.source for t in targets)
    seen: dict[str, str] = {}
    for target in targets:
        if target.path == STDOUT:
            continue
        real = os.path.realpath(target.path)
        if os.path.commonpath([real, home]) != home:
            raise CjmError(
                f"{target.path}: leads outside the output folder {folder} (through a symbolic link?); "
                "refusing to write there"
            )
        inputs.check(target.path)
        if real in seen:
            raise CjmError(
                f"{seen[real]} and {target.source} would both be written to {target.path}; "
                "rename one of them or render them separately"
            )
        seen[real] = target.source


def prepare(path: str) -> None:
    """Create the folders a planned output path needs (inside the output folder, which `check` made sure of)."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)


def run_inputs(files: Iterable[str], config: Configuration | None = None) -> Inputs:
    """What a run reads, before it opens any output: the files it was given and the configuration each one uses
    (found upward from each file unless the run's `config` says otherwise)."""
    files = list(files)
    return Inputs.of([*files, *(config or Configuration()).sources(files)])


# --- reports: the main one and --output-format ---------------------------------------------------------------

# What a report file's suffix says it holds, whichever command writes it: `-o FILE` without --format writes that
# format, and a command that does not write it refuses the name rather than put another format in the file.
REPORT_SUFFIXES = {".sarif": "sarif", ".json": "json", ".xml": "junit", ".md": "markdown", ".txt": "text"}


@dataclass(frozen=True)
class Destination:
    """Where one report goes: a format and a file, or standard output (`path` None); never over `inputs`."""

    format: str
    path: str | None = None
    inputs: Inputs = NO_INPUTS
    main: bool = field(default=False, compare=False)  # the report of --format and -o, not of --output-format


def destinations(
    format: str | None,
    output: str | None,
    also: list[str] | None,
    choices: Collection[str],
    inputs: Inputs,
    *,
    default: str = "text",
) -> list[Destination]:
    """The reports a command writes, checked before any work is done: the main one (`--format`, `-o`) and each
    `--output-format FORMAT:FILE`, none of them over one of the run's `inputs`. Standard output is written first,
    then the files."""
    main = Destination(
        _check_format(format, choices) if format else _default_format(output, choices, default),
        None if output in (None, STDOUT) else output,
        inputs,
        main=True,
    )
    targets = [main]
    for spec in also or []:
        name, sep, path = spec.partition(":")
        if not sep or not path:
            raise CjmError(f"--output-format '{spec}' needs FORMAT:FILE, for example sarif:cjm.sarif")
        targets.append(Destination(_check_format(name, choices), None if path == STDOUT else path, inputs))
    seen: set[str | None] = set()
    for target in targets:
        key = None if target.path is None else os.path.abspath(target.path)
        if key in seen:
            where = "standard output" if key is None else target.path
            raise CjmError(f"two reports would be written to {where}; give each report its own file")
        seen.add(key)
        if target.path is not None:
            inputs.check(target.path)
            _check_writable(target.path)
    return sorted(targets, key=lambda t: t.path is not None)


@contextmanager
def output_stream(path: str | None, inputs: Inputs) -> Iterator[IO[str]]:
    """Standard output, or a file written atomically once the report is complete (never one of `inputs`)."""
    if path is None:
        yield sys.stdout
        return

    with atomic_writer(path, inputs) as handle:
        yield handle


def write_each(targets: list[Destination], render: Callable[[Destination, IO[str], bool], None]) -> None:
    """Write each report: `render(destination, stream, color)`; colour only for a terminal on standard output."""
    for target in targets:
        with output_stream(target.path, target.inputs) as stream:
            render(target, stream, target.path is None and use_color(stream))


def write_destinations(targets: list[Destination], render: Callable[[str, IO[str], bool], None]) -> None:
    """`write_each` for a writer that needs only the format: `render(format, stream, color)`."""
    write_each(targets, lambda target, stream, color: render(target.format, stream, color))


def _check_format(name: str, choices: Collection[str]) -> str:
    if name not in choices:
        raise CjmError(f"unknown format '{name}'; choose one of: {', '.join(choices)}")
    return name


def _default_format(output: str | None, choices: Collection[str], default: str) -> str:
    if output in (None, STDOUT):
        return default
    suffix = os.path.splitext(output)[1].lower()
    inferred = REPORT_SUFFIXES.get(suffix)
    if inferred is not None and inferred not in choices:
        raise CjmError(
            f"-o {output}: a {suffix} file is {inferred}, which this command does not write; give "
            f"--format ({', '.join(choices)}) or another file name"
        )
    return inferred if inferred is not None else ("text" if "text" in choices else default)


def _check_writable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise CjmError(f"{path}: is a directory; give a file name for the report")
    if not os.path.isdir(folder):
        raise CjmError(f"{path}: folder {folder} does not exist; create it first")
