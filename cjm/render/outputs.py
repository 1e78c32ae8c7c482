"""Where diagrams and reports go: every output path is planned and checked before anything is written.

One map and `-o FILE` writes that file; several maps, a folder of maps or `-o DIR` (an existing folder, or a
path ending in `/`) write one file per map into DIR, keeping the maps' sub-folders. Nothing is ever written
outside the output folder (a symbolic link inside it that leads out is refused), never over an input map, and
never twice to one path.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from cjm.core.errors import CjmError
from cjm.io.files import STDIN, Exclude, expand
from cjm.io.safe_write import NO_INPUTS, Inputs

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
