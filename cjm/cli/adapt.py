"""`cjm adapt`, `cjm split` and `cjm merge`: change a map's phases by rules or by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from cjm.cli.options import ConfigOption, IsolatedOption, configuration
from cjm.output.adapt import FORMATS
from cjm.output.adapting import Edit, adapt_run, merge_run, split_run

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
    edit = Edit(output, in_place, diff, format)
    config = configuration(config_file, isolated)
    code = adapt_run(
        map_path, rule or [], edit, auto=auto, list_rules=list_rules, rules_folders=rules_folders or [], config=config
    )
    raise typer.Exit(code)


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
    edit = Edit(output, in_place, diff, format)
    raise typer.Exit(split_run(map_path, phase, into, edit, default=default, names=name or [], lanes=lane or []))


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
    edit = Edit(output, in_place, diff, format)
    raise typer.Exit(merge_run(map_path, phases, into, edit, name=name, kind=kind))
