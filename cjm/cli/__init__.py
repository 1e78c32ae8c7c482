"""The command line: a thin layer that parses options, calls the library and maps outcomes to exit codes.

Each command lives in a small module of this package, imported only when that command runs (`cjm.cli.root` builds
the typer app); this module turns every failure into a one-line message (a traceback only with `--debug` or
CJM_DEBUG=1). `cjm --version` imports neither typer nor any command, so it costs little more than the interpreter;
tests/test_startup.py keeps each command's imports to what it uses.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from cjm import __version__
from cjm.core.errors import EXIT_USAGE, CjmError
from cjm.output.terminal import say

if TYPE_CHECKING:
    import typer

# Each command: its name, where its function lives (`module:function` in this package), and the one line
# `cjm --help` shows for it.
COMMANDS = (
    ("validate", "validate:validate", "Check maps: YAML, duplicate keys, the schema and references."),
    ("lint", "lint:lint", "Check that valid maps are good maps, with named rules."),
    ("rules", "lint:rules", "List the lint rules, or explain one."),
    ("adapt", "adapt:adapt", "Split, merge and add phases by rules that fit the business."),
    ("split", "adapt:split", "Split one phase into several."),
    ("merge", "adapt:merge", "Merge phases into one."),
    ("prioritise", "prioritise:prioritise", "Rank initiatives into a staged roadmap (also: prioritize)."),
    ("render", "render:render", "Draw a map, its emotion curve, initiative matrix or roadmap."),
    ("report", "render:report", "Write a Markdown or HTML report of a map for docs."),
    ("diff", "diff:diff", "Show what changed between two versions of a map, matched by id."),
    ("import", "office:import_", "Read a journey grid from Excel (.xlsx) or CSV into a map."),
    ("export", "office:export", "Export a map to Excel (.xlsx), CSV or an editable PowerPoint deck (.pptx)."),
    ("init", "validate:init", "Write a valid starter map."),
    ("schema", "validate:schema", "Print the JSON Schema of the map format."),
)
# Other spellings of a command, accepted but not listed.
ALIASES = {"prioritize": "prioritise"}

_ROOT_OPTIONS_WITH_A_VALUE = ("--color",)


def _named_command(argv: list[str]) -> str | None:
    """The command a command line names: its first word that is not one of cjm's own options or their values;
    none when --help comes first, which asks for the list of commands."""
    words = iter(argv)
    for arg in words:
        if arg in ("-h", "--help"):
            return None
        if arg in _ROOT_OPTIONS_WITH_A_VALUE:
            next(words, None)
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        # Answered before typer is imported; any other command line goes through the app, which lists --version too.
        print(f"cjm {__version__}")
        return
    try:
        # The one deliberate lazy import of the command line: typer and the named command load only past --version.
        from cjm.cli.root import click_command  # noqa: PLC0415
        from cjm.io.process import command_collector  # noqa: PLC0415

        command = click_command(_named_command(argv))
        with command_collector():
            command.main(prog_name="cjm")
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
        if _debugging(argv):
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
    say(message)
    sys.exit(code)


def __getattr__(name: str) -> typer.Typer:
    """`cjm.cli.app`: the typer app with every command, for tests that drive it with typer's CliRunner."""
    if name == "app":
        from cjm.cli.root import full_app  # noqa: PLC0415 - only tests ask for every command at once

        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
