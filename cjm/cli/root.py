"""The typer app: cjm's own options, and the commands of `cjm.cli.COMMANDS`, each imported only when it is needed.

A command line that names a command builds an app with that one command (typer reads a command's signature, and
each command module imports the library parts it uses); one that names none (`cjm`, `cjm --help`, a misspelt
command) builds the list of commands from their summaries alone.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.main

from cjm import __version__
from cjm.cli import ALIASES, COMMANDS
from cjm.core.errors import CjmError

if TYPE_CHECKING:
    from typer._click.core import Command

_HELP = "Customer journey maps as YAML in git: validate, lint, adapt, prioritise, render and diff them."
_EPILOG = (
    "Exit codes: 0 success (validate, lint: no errors; warnings are shown but exit 0 unless `lint --strict`; "
    "diff: nothing changed), 1 errors found (lint --strict: or warnings; diff: something changed), 2 usage error, "
    "unreadable input, or an invalid map given to a command that needs a valid one. Run `cjm COMMAND --help` for a "
    "command's options, exit codes and an example."
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit()


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


def _function(where: str) -> Callable[..., Any]:
    module, name = where.split(":")
    return getattr(importlib.import_module(f"cjm.cli.{module}"), name)


def _listed_only() -> None:
    """Stands in for a command in the list of commands; `click_command` loads the real one before it can run."""


def _app(load: set[str]) -> typer.Typer:
    """The app with every command: those in `load` (and their aliases) as themselves, the others by summary only."""
    app = typer.Typer(
        name="cjm",
        help=_HELP,
        epilog=_EPILOG,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    where_of = {name: where for name, where, _ in COMMANDS}
    for name, where, summary in COMMANDS:
        app.command(name, short_help=summary)(_function(where) if name in load else _listed_only)
    for alias, name in ALIASES.items():
        if name in load:
            app.command(alias, hidden=True)(_function(where_of[name]))
    return app


@functools.cache
def click_command(name: str | None) -> Command:
    """The click command that runs the command line naming `name`: built once per process (the in-process tests
    run the CLI thousands of times), with only that command, since typer reads the signature of each one it
    builds. An unknown name gets the list of commands, from which click says what is wrong."""
    known = {command for command, _, _ in COMMANDS}
    target = ALIASES.get(name or "", name)
    if target not in known:
        return typer.main.get_command(_app(set()))
    app = _app({target})
    app.registered_commands = [info for info in app.registered_commands if info.name in (target, name)]
    return typer.main.get_command(app)


@functools.cache
def full_app() -> typer.Typer:
    """Every command, loaded: for tests that drive the whole app with typer's CliRunner."""
    return _app({name for name, _, _ in COMMANDS})
