"""`cjm adapt`, `cjm split` and `cjm merge`: change a map's phases by rules or by hand."""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cjm.adapt import adapt_text, merge_text, split_text
from cjm.adapt.rules import load_rules, rule_folders
from cjm.cli.options import ConfigOption, IsolatedOption, configuration
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
    from cjm.io.safe_write import Inputs

MapArgument = Annotated[
    str, typer.Argument(metavar="MAP", help="The map file, or - for standard input.", show_default=False)
]
OutputFile = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write the adapted map to this file (atomically).", show_default=False
    ),
]
InPlace = Annotated[
    bool,
    typer.Option("--in-place", "-i", help="Rewrite MAP itself, atomically; comments, key order and quoting are kept."),
]
DiffOption = Annotated[bool, typer.Option("--diff", help="Print a unified diff of the change and write nothing.")]
ReportFormat = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"How to report what changed: {FORMATS.names} (json: one document on standard output).",
    ),
]
RulesFolders = Annotated[
    list[str] | None,
    typer.Option(
        "--rules",
        metavar="DIR",
        help="A folder of your own rule files (*.yaml); repeat for several. Also read from "
        "`[tool.cjm.adapt] rules` in the configuration.",
        show_default=False,
    ),
]


@dataclass(frozen=True)
class Run:
    """What one adapt, split or merge read: the files no output may replace, and the map as it was read."""

    inputs: Inputs
    snapshot: Snapshot | None


def adapt(
    map_path: Annotated[
        str | None, typer.Argument(metavar="MAP", help="The map file, or - for standard input.", show_default=False)
    ] = None,
    rule: Annotated[
        list[str] | None,
        typer.Option(
            "--rule",
            "-r",
            metavar="NAME",
            help="A rule to apply (see --list); repeat to apply several, in order.",
            show_default=False,
        ),
    ] = None,
    auto: Annotated[
        bool, typer.Option("--auto", help="Apply every rule whose traits match the map's `business`.")
    ] = False,
    list_rules: Annotated[bool, typer.Option("--list", help="List the rules with what each does, and exit.")] = False,
    rules_folders: RulesFolders = None,
    output: OutputFile = None,
    in_place: InPlace = False,
    diff: DiffOption = False,
    format: ReportFormat = "text",
    config_file: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Adapt a map's phases to the business by rules: split, merge or add phases without losing an entry.

    Built-in rules: b2b-approval, gift, repeat-purchase, long-consideration, low-awareness, durable,
    omnichannel, impulse. Rules run as one plan, in the order their phases call for, whatever order they
    are named in. Entries of a split phase go by their phase_hint, persona lane, channel, metric or
    the rule's keywords; the rest go to the rule's default phase marked `review: true`. Initiatives and
    messages follow. Without -o, --in-place or --diff the adapted map goes to standard output.
    Exit codes: 0 done (also when nothing needed changing), 2 usage error or a map that is not valid.

    \b
    Example: cjm adapt samples/apparel-working-mother.yaml --rule long-consideration --diff

    \b
    Example: cjm adapt samples/b2b-office-supplies.yaml --auto -o b2b-adapted.yaml
    """
    FORMATS.named(format)
    config = configuration(config_file, isolated)
    folders = list(rules_folders or []) + _config_folders(map_path, config)
    rules, problems = load_rules(folders)
    if problems:
        write_problems(problems, "adapt")
        raise CjmError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in rule files; fix them first")
    if list_rules:
        RULE_FORMATS.named(format).write(rules.values(), sys.stdout, color=use_color(sys.stdout))
        raise typer.Exit(EXIT_OK)
    if map_path is None:
        raise CjmError("give a map: cjm adapt MAP --rule NAME (or --auto); see cjm adapt --list for the rules")
    if bool(rule) == auto:
        raise CjmError("choose the rules: --rule NAME (repeatable) or --auto; see cjm adapt --list")
    raw, source, run = _read(map_path, in_place, output, folders, config)
    chosen = list(rules.values()) if auto else [_named(rules, n) for n in rule or []]

    outcome = adapt_text(raw, source, chosen, auto=auto)
    _finish(outcome, map_path, run, output, in_place, diff, format, "adapt", auto=auto)


def split(
    map_path: MapArgument,
    phase: Annotated[str, typer.Argument(metavar="PHASE", help="The id of the phase to split.", show_default=False)],
    into: Annotated[
        str,
        typer.Option(
            "--into",
            metavar="ID,ID...",
            help="The ids of the new phases, in time order, separated by commas (at least two).",
            show_default=False,
        ),
    ],
    default: Annotated[
        str | None,
        typer.Option(
            "--default",
            metavar="ID",
            help="The new phase that takes the entries nothing else placed, marked "
            "`review: true` (default: the first).",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        list[str] | None,
        typer.Option(
            "--name",
            metavar="ID=NAME",
            help="The name of a new phase (repeatable). Standard ids such as comparison "
            "get their usual name in the map's language.",
            show_default=False,
        ),
    ] = None,
    lane: Annotated[
        list[str] | None,
        typer.Option(
            "--lane",
            metavar="PERSONA=ID",
            help="Entries in this persona's lane (a persona id or role) go to the new phase ID (repeatable).",
            show_default=False,
        ),
    ] = None,
    output: OutputFile = None,
    in_place: InPlace = False,
    diff: DiffOption = False,
    format: ReportFormat = "text",
) -> None:
    """Split one phase into several. Each entry goes to the phase its `phase_hint` names, or by its persona
    lane (--lane); the rest go to the default phase marked `review: true`. Initiatives and messages that
    pointed at the phase follow.

    Exit codes: 0 done, 2 usage error or a map that is not valid.

    \b
    Example: cjm split samples/gift-sweets.yaml consideration --into research,store-visit --name store-visit=店舗で確認
    """
    FORMATS.named(format)
    ids = [part.strip() for part in into.split(",") if part.strip()]
    if len(ids) < 2:
        raise CjmError("--into needs at least two phase ids, separated by commas (--into research,comparison)")
    raw, source, run = _read(map_path, in_place, output)
    outcome = split_text(
        raw,
        source,
        phase,
        ids,
        default=default,
        names=_pairs(name, "--name", "ID=NAME"),
        lanes=_pairs(lane, "--lane", "PERSONA=ID"),
    )
    _finish(outcome, map_path, run, output, in_place, diff, format, "split")


def merge(
    map_path: MapArgument,
    phases: Annotated[
        list[str],
        typer.Argument(metavar="PHASE...", help="The ids of the phases to merge (two or more).", show_default=False),
    ],
    into: Annotated[
        str,
        typer.Option(
            "--into", metavar="ID", help="The id of the merged phase (it may be one of the phases).", show_default=False
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="NAME",
            help="The merged phase's name (default: the usual name of a standard id, or the names joined).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="The merged phase's kind (default: the kind its id spells, or the first phase's).",
            show_default=False,
        ),
    ] = None,
    output: OutputFile = None,
    in_place: InPlace = False,
    diff: DiffOption = False,
    format: ReportFormat = "text",
) -> None:
    """Merge phases into one, at the place of the first. Every entry is kept and records in `origin` the
    phase it came from; initiatives and messages follow.

    Exit codes: 0 done, 2 usage error or a map that is not valid.

    \b
    Example: cjm merge samples/gift-sweets.yaml interest consideration --into consideration
    """
    FORMATS.named(format)
    raw, source, run = _read(map_path, in_place, output)
    outcome = merge_text(raw, source, phases, into, name=name, kind=kind)
    _finish(outcome, map_path, run, output, in_place, diff, format, "merge")


# --- helpers -------------------------------------------------------------------------------------------------


def _read(
    map_path: str,
    in_place: bool,
    output: str | None,
    rule_folders: Sequence[str] = (),
    config: Configuration | None = None,
) -> tuple[bytes, str, Run]:
    """The map's bytes and name, and the run: its inputs (the map, its configuration, the rule files), against
    which `output` is checked before anything is done, and the snapshot of the map that --in-place replaces."""
    if in_place and map_path == STDIN:
        raise CjmError("--in-place needs a file, not standard input; use -o FILE")
    rule_files = [os.path.join(folder, name) for folder in rule_folders for name in os.listdir(folder)]
    inputs = run_inputs([map_path], config) | Inputs.of(rule_files)
    if output is not None:
        inputs.check(output)
    read = read_map(map_path)
    if isinstance(read, Problem):
        raise CjmError(f"{read.file}:{read.line}:{read.col}: {read.code} {read.message}")
    raw, snapshot = read
    return raw, display_name(map_path), Run(inputs, snapshot)


def _pairs(values: list[str] | None, option: str, shape: str) -> dict[str, str]:
    pairs = {}
    for value in values or []:
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


def _finish(
    outcome: Any,
    map_path: str,
    run: Run,
    output: str | None,
    in_place: bool,
    diff: bool,
    format: str,
    command: str,
    *,
    auto: bool = False,
) -> None:
    """Write the adapted map where it was asked for and report what changed."""
    deliver(
        outcome,
        command,
        map_path,
        inputs=run.inputs,
        snapshot=run.snapshot,
        output=output,
        in_place=in_place,
        diff=diff,
        format=format,
        auto=auto,
    )
    raise typer.Exit(EXIT_OK)
