"""The command line: a thin layer that parses options, calls the library and maps outcomes to exit codes.

Each command lives in a small module of this package; this one builds the app and turns every failure into
a one-line message (a traceback only with `--debug` or CJM_DEBUG=1).
"""

from __future__ import annotations

import copy
import functools
import os
import sys
from typing import Annotated, Any

import typer
import typer.main

from cjm import __version__
from cjm.cli import adapt as adapt_cmd
from cjm.cli import diff as diff_cmd
from cjm.cli import lint as lint_cmd
from cjm.cli import office as office_cmd
from cjm.cli import prioritise as prioritise_cmd
from cjm.cli import render as render_cmd
from cjm.cli import validate as validate_cmd
from cjm.core.errors import EXIT_USAGE, CjmError
from cjm.io.process import tune_collector

app = typer.Typer(
    name="cjm",
    help="Customer journey maps as YAML in git: validate, lint, adapt, prioritise, render and diff them.",
    epilog="Exit codes: 0 success (validate, lint: no errors; warnings are shown but exit 0 unless `lint --strict`; "
    "diff: nothing changed), 1 errors found (lint --strict: or warnings; diff: something changed), 2 usage error, "
    "unreadable input, or an invalid map given to a command that needs a valid one. Run `cjm COMMAND --help` for a "
    "command's options, exit codes and an example.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for internal errors (also: CJM_DEBUG=1).")
    ] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.",
        ),
    ] = "auto",
) -> None:
    """Options before the command; `main` reads --debug itself, since it must act after the command failed."""
    if color not in ("auto", "always", "never"):
        raise CjmError(f"--color takes auto, always or never, not '{color}'")
    # NO_COLOR and FORCE_COLOR are how every output of this process decides (cjm.output.terminal.use_color).
    if color == "always":
        os.environ.pop("NO_COLOR", None)
        os.environ["FORCE_COLOR"] = "1"
    elif color == "never":
        os.environ.pop("FORCE_COLOR", None)
        os.environ["NO_COLOR"] = "1"


# Each command: its name, its function, and the one line `cjm --help` shows for it.
COMMANDS = (
    ("validate", validate_cmd.validate, "Check maps: YAML, duplicate keys, the schema and references."),
    ("lint", lint_cmd.lint, "Check that valid maps are good maps, with named rules."),
    ("rules", lint_cmd.rules, "List the lint rules, or explain one."),
    ("adapt", adapt_cmd.adapt, "Split, merge and add phases by rules that fit the business."),
    ("split", adapt_cmd.split, "Split one phase into several."),
    ("merge", adapt_cmd.merge, "Merge phases into one."),
    ("prioritise", prioritise_cmd.prioritise, "Rank initiatives into a staged roadmap (also: prioritize)."),
    ("render", render_cmd.render, "Draw a map, its emotion curve, initiative matrix or roadmap."),
    ("report", render_cmd.report, "Write a Markdown or HTML report of a map for docs."),
    ("diff", diff_cmd.diff, "Show what changed between two versions of a map, matched by id."),
    ("import", office_cmd.import_, "Read a journey grid from Excel (.xlsx) or CSV into a map."),
    ("export", office_cmd.export, "Export a map to Excel (.xlsx), CSV or an editable PowerPoint deck (.pptx)."),
    ("init", validate_cmd.init, "Write a valid starter map."),
    ("schema", validate_cmd.schema, "Print the JSON Schema of the map format."),
)
for _name, _function, _summary in COMMANDS:
    app.command(_name, short_help=_summary)(_function)
app.command("prioritize", hidden=True)(prioritise_cmd.prioritise)


@functools.cache
def _command(name: str | None = None) -> Any:
    # Built once per process: typer reads every command's signature to build it (the in-process tests run
    # the CLI thousands of times). A command line that names its command builds only that one: reading all
    # eleven signatures took longer than validating a map (measured by `make bench`, docs/benchmarks.md).
    chosen = [info for info in app.registered_commands if info.name == name]
    if not chosen:
        return typer.main.get_command(app)
    lean = copy.copy(app)
    lean.registered_commands = chosen
    return typer.main.get_command(lean)


_ROOT_OPTIONS_WITH_A_VALUE = ("--color",)


def _named_command(argv: list[str]) -> str | None:
    """The command a command line names: its first word that is not one of cjm's own options or their values."""
    words = iter(argv)
    for arg in words:
        if arg in _ROOT_OPTIONS_WITH_A_VALUE:
            next(words, None)
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    tune_collector()
    try:
        _command(_named_command(sys.argv[1:])).main(prog_name="cjm")
    except CjmError as err:
        _fail(f"cjm: error: {err}")
    except KeyboardInterrupt:
        _fail("cjm: interrupted", 130)
    except BrokenPipeError:
        # `cjm ... | head`: the reader went away; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as err:  # noqa: BLE001 - the last line of defence: no traceback reaches a user
        if _debugging(sys.argv[1:]):
            raise
        _fail(
            f"cjm: internal error: {type(err).__name__}: {err}. Run with --debug for details, and please "
            "report it with the input that caused it."
        )


def _debugging(argv: list[str]) -> bool:
    """--debug among cjm's own options (before the command's name), or CJM_DEBUG set to anything but 0."""
    command = _named_command(argv)
    own = argv[: argv.index(command)] if command in argv else argv
    return "--debug" in own or os.environ.get("CJM_DEBUG", "0") not in ("", "0")


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    from cjm.output.terminal import say

    say(message)
    sys.exit(code)
