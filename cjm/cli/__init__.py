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
from cjm.cli import prioritise as prioritise_cmd
from cjm.cli import render as render_cmd
from cjm.cli import validate as validate_cmd
from cjm.errors import EXIT_USAGE, CjmError

app = typer.Typer(
    name="cjm",
    help="Customer journey maps as YAML in git: validate, lint, adapt, prioritise, render and diff them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_DEBUG = {"on": bool(os.environ.get("CJM_DEBUG"))}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
) -> None:
    """Exit codes: 0 nothing found, 1 problems found, 2 usage error or unreadable input."""
    _DEBUG["on"] = _DEBUG["on"] or debug


app.command("validate")(validate_cmd.validate)
app.command("schema")(validate_cmd.schema)
app.command("init")(validate_cmd.init)
app.command("lint")(lint_cmd.lint)
app.command("rules")(lint_cmd.rules)
app.command("prioritise")(prioritise_cmd.prioritise)
app.command("prioritize", hidden=True)(prioritise_cmd.prioritise)
app.command("adapt")(adapt_cmd.adapt)
app.command("split")(adapt_cmd.split)
app.command("merge")(adapt_cmd.merge)
app.command("diff")(diff_cmd.diff)
app.command("render")(render_cmd.render)
app.command("report")(render_cmd.report)


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


def _named_command(argv: list[str]) -> str | None:
    """The command a command line names: its first word that is not one of cjm's own flags."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def main() -> None:
    from cjm.safe_write import forget_inputs

    forget_inputs()
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
        if _DEBUG["on"] or "--debug" in sys.argv:
            raise
        _fail(f"cjm: internal error: {type(err).__name__}: {err}. Run with --debug for details, and please "
              "report it with the input that caused it.")


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    from cjm.terminal import safe

    print(safe(message), file=sys.stderr)
    sys.exit(code)
