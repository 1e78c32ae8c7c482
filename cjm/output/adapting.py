"""Whole runs of `cjm adapt`, `cjm split` and `cjm merge`: read the map (never to be replaced by the output unless
asked), change its phases, write the result where it was asked for and report what changed; each returns the exit
code. The command line only parses options and calls `adapt_run`, `split_run` or `merge_run`."""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cjm.adapt import adapt_text, merge_text, split_text
from cjm.adapt.rules import load_rules, rule_folders
from cjm.core.errors import EXIT_OK, CjmError
from cjm.core.problem import Problem
from cjm.io.files import STDIN
from cjm.io.safe_write import Inputs
from cjm.output.adapt import FORMATS, RULE_FORMATS, deliver, write_problems
from cjm.output.plan import run_inputs
from cjm.output.terminal import use_color
from cjm.validation.check import display_name, read_map

if TYPE_CHECKING:
    from cjm.io.config import Configuration
    from cjm.io.files import Snapshot


@dataclass(frozen=True)
class Edit:
    """Where a changed map goes and how the change is reported; a usage error as it is made when the report's
    format is unknown."""

    output: str | None = None  # -o FILE
    in_place: bool = False  # --in-place: rewrite the map itself
    diff: bool = False  # --diff: show the change, write nothing
    format: str = "text"  # --format of the report on what changed

    def __post_init__(self) -> None:
        FORMATS.named(self.format)


@dataclass(frozen=True)
class Run:
    """What one adapt, split or merge read: the files no output may replace, and the map as it was read."""

    inputs: Inputs
    snapshot: Snapshot | None


def adapt_run(
    map_path: str | None,
    rule_names: Sequence[str],
    edit: Edit,
    *,
    auto: bool = False,
    list_rules: bool = False,
    rules_folders: Sequence[str] = (),
    config: Configuration,
) -> int:
    """`cjm adapt`: the rules named (or, with `auto`, every rule the map's business matches) from the built-in ones,
    `rules_folders` and the configuration's, applied to the map at `map_path`; with `list_rules`, the rules listed
    instead. The exit code."""
    folders = list(rules_folders) + _config_folders(map_path, config)
    rules, problems = load_rules(folders)
    if problems:
        write_problems(problems, "adapt")
        raise CjmError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in rule files; fix them first")
    if list_rules:
        RULE_FORMATS.named(edit.format).write(rules.values(), sys.stdout, color=use_color(sys.stdout))
        return EXIT_OK
    if map_path is None:
        raise CjmError("give a map: cjm adapt MAP --rule NAME (or --auto); see cjm adapt --list for the rules")
    if bool(rule_names) == auto:
        raise CjmError("choose the rules: --rule NAME (repeatable) or --auto; see cjm adapt --list")
    raw, source, run = _read(map_path, edit, folders, config)
    chosen = list(rules.values()) if auto else [_named(rules, n) for n in rule_names]

    outcome = adapt_text(raw, source, chosen, auto=auto)
    return _finish(outcome, map_path, run, edit, "adapt", auto=auto)


def split_run(
    map_path: str,
    phase: str,
    into: str,
    edit: Edit,
    *,
    default: str | None = None,
    names: Sequence[str] = (),
    lanes: Sequence[str] = (),
) -> int:
    """`cjm split`: `phase` of the map split into the phases `into` lists (ids separated by commas), with their
    `names` (ID=NAME) and the persona `lanes` (PERSONA=ID) that go to each. The exit code."""
    ids = [part.strip() for part in into.split(",") if part.strip()]
    if len(ids) < 2:
        raise CjmError("--into needs at least two phase ids, separated by commas (--into research,comparison)")
    raw, source, run = _read(map_path, edit)
    outcome = split_text(
        raw,
        source,
        phase,
        ids,
        default=default,
        names=_pairs(names, "--name", "ID=NAME"),
        lanes=_pairs(lanes, "--lane", "PERSONA=ID"),
    )
    return _finish(outcome, map_path, run, edit, "split")


def merge_run(
    map_path: str, phases: list[str], into: str, edit: Edit, *, name: str | None = None, kind: str | None = None
) -> int:
    """`cjm merge`: the map's `phases` merged into the phase `into` (its `name` and `kind`). The exit code."""
    raw, source, run = _read(map_path, edit)
    outcome = merge_text(raw, source, phases, into, name=name, kind=kind)
    return _finish(outcome, map_path, run, edit, "merge")


def _read(
    map_path: str, edit: Edit, rule_folders: Sequence[str] = (), config: Configuration | None = None
) -> tuple[bytes, str, Run]:
    """The map's bytes and name, and the run: its inputs (the map, its configuration, the rule files), against
    which the output is checked before anything is done, and the snapshot of the map that --in-place replaces."""
    if edit.in_place and map_path == STDIN:
        raise CjmError("--in-place needs a file, not standard input; use -o FILE")
    rule_files = [os.path.join(folder, name) for folder in rule_folders for name in os.listdir(folder)]
    inputs = run_inputs([map_path], config) | Inputs.of(rule_files)
    if edit.output is not None:
        inputs.check(edit.output)
    read = read_map(map_path)
    if isinstance(read, Problem):
        raise CjmError(f"{read.file}:{read.line}:{read.col}: {read.code} {read.message}")
    raw, snapshot = read
    return raw, display_name(map_path), Run(inputs, snapshot)


def _pairs(values: Sequence[str], option: str, shape: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise CjmError(f"{option} takes {shape}, not '{value}'")
        pairs[key.strip()] = rest.strip()
    return pairs


def _config_folders(map_path: str | None, config: Configuration) -> list[str]:
    start = map_path if map_path and map_path != "-" else "."
    return rule_folders(config.for_path(start))


def _named(rules: dict[str, Any], name: str) -> Any:
    if name in rules:
        return rules[name]

    close = difflib.get_close_matches(name, list(rules), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise CjmError(f"no rule '{name}'; {hint}the rules are: {', '.join(sorted(rules))} (cjm adapt --list)")


def _finish(outcome: Any, map_path: str, run: Run, edit: Edit, command: str, *, auto: bool = False) -> int:
    """Write the changed map where it was asked for and report what changed."""
    deliver(
        outcome,
        command,
        map_path,
        inputs=run.inputs,
        snapshot=run.snapshot,
        output=edit.output,
        in_place=edit.in_place,
        diff=edit.diff,
        format=edit.format,
        auto=auto,
    )
    return EXIT_OK
