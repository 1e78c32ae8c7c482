"""The start-up guard: each command line imports what it uses and nothing heavier (issue 18).

Start-up time is what a user waits for on every run, in CI on every commit. Instead of lazy imports scattered
through the code (each one a guess that something is slow), this test lists the modules imported by typical
command lines and names the modules each must not load: `cjm --version` loads neither typer nor any command,
`cjm --help` no command, and a command none of the heavy libraries it does not use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cjm.cli import COMMANDS
from tests.conftest import ROOT, cli

SAMPLE = "samples/cosmetics-subscription.yaml"

# Third-party libraries that cost start-up time, and what needs them.
JSONSCHEMA = "jsonschema"  # explaining an invalid map
RICH = "rich"  # colour and tables on a terminal
RUAMEL = "ruamel"  # round-trip edits: --in-place, --fix, adapt
OPENPYXL = "openpyxl"  # Excel import and export
PPTX = "pptx"  # PowerPoint export
BUDOUX = "budoux"  # Japanese line breaks in diagrams and decks
YAML = "yaml"
TYPER = "typer"
OFFICE = (OPENPYXL, PPTX, "lxml", "PIL")
HEAVY = (JSONSCHEMA, RICH, RUAMEL, BUDOUX, YAML, TYPER, *OFFICE)

# cjm's own parts that only some commands use.
LINT_RULES = "cjm.lint.rules"
COMMAND_MODULES = tuple(f"cjm.cli.{name}" for name in ("validate", "lint", "adapt", "prioritise", "render", "diff"))


# Runs `python -m cjm ARGS` and writes, as the process ends, the modules it imported. (`-X importtime` misses what
# `importlib.import_module` loads, so it cannot be the guard; it is the tool to find who imports a module.)
_RUN_AND_LIST_MODULES = """
import atexit, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w", encoding="utf-8").write("\\n".join(sorted(sys.modules))))
sys.argv[0] = "cjm"
runpy.run_module("cjm", run_name="__main__", alter_sys=True)
"""


def imported(*args: str, tmp_path: Path) -> set[str]:
    """The modules `python -m cjm ARGS` imports; the command must succeed."""
    listing = tmp_path / "modules.txt"
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST_MODULES, str(listing), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    names = set(listing.read_text(encoding="utf-8").split())
    assert "cjm.cli" in names, names
    return names


def loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    """Which of `packages` (or modules inside them) `names` holds."""
    return sorted(p for p in packages if any(n == p or n.startswith(p + ".") for n in names))


def test_version_loads_no_library_and_no_command(tmp_path):
    names = imported("--version", tmp_path=tmp_path)
    assert loaded(names, HEAVY) == []
    assert loaded(names, ("cjm.cli.root", *COMMAND_MODULES, "cjm.io", "cjm.validation")) == []


def test_help_loads_typer_but_no_command(tmp_path):
    # The collector policy is set before any command line runs; it is the one library module loaded (gc only).
    names = imported("--help", tmp_path=tmp_path) - {"cjm.io", "cjm.io.process"}
    assert TYPER in names
    assert loaded(names, tuple(set(HEAVY) - {TYPER})) == []
    assert loaded(names, (*COMMAND_MODULES, "cjm.io", "cjm.validation", "cjm.lint")) == []


def test_a_command_loads_no_other_command(tmp_path):
    names = imported("schema", tmp_path=tmp_path)
    assert "cjm.cli.validate" in names
    assert loaded(names, tuple(m for m in COMMAND_MODULES if m != "cjm.cli.validate")) == []


def test_validating_a_valid_map_loads_no_schema_library_no_lint_rules_and_no_office(tmp_path):
    names = imported("validate", SAMPLE, tmp_path=tmp_path)
    assert loaded(names, (JSONSCHEMA, RUAMEL, BUDOUX, *OFFICE)) == []
    assert loaded(names, (LINT_RULES, "cjm.adapt", "cjm.office", "cjm.diff")) == []


def test_validating_into_a_pipe_loads_no_rich(tmp_path):
    assert loaded(imported("validate", SAMPLE, tmp_path=tmp_path), (RICH,)) == []


@pytest.mark.parametrize(
    ("args", "unused"),
    [
        (("lint", SAMPLE), (JSONSCHEMA, RUAMEL, BUDOUX, *OFFICE)),
        (("prioritise", SAMPLE), (JSONSCHEMA, RUAMEL, BUDOUX, LINT_RULES, *OFFICE)),
        (("diff", SAMPLE, SAMPLE), (JSONSCHEMA, RUAMEL, BUDOUX, LINT_RULES, *OFFICE)),
        (("render", SAMPLE, "-o", "{out}/map.svg"), (JSONSCHEMA, RUAMEL, RICH, LINT_RULES, *OFFICE)),
        (("export", SAMPLE, "-o", "{out}/map.xlsx"), (JSONSCHEMA, RUAMEL, RICH, PPTX, LINT_RULES)),
        (("export", SAMPLE, "-o", "{out}/map.pptx"), (JSONSCHEMA, RUAMEL, RICH, OPENPYXL, LINT_RULES)),
    ],
    ids=["lint", "prioritise", "diff", "render-svg", "export-xlsx", "export-pptx"],
)
def test_each_command_loads_only_the_libraries_it_uses(tmp_path, args, unused):
    names = imported(*(arg.format(out=tmp_path) for arg in args), tmp_path=tmp_path)
    assert loaded(names, unused) == []


def test_help_before_a_command_lists_every_command():
    """`cjm --help validate` is the list of commands, like `cjm --help` (the named command is not loaded alone)."""
    listed = cli("--help", "validate")
    assert listed.returncode == 0
    assert listed.stdout == cli("--help").stdout
    for name, _, _ in COMMANDS:
        assert f"  {name} " in listed.stdout


def test_every_listed_command_runs_its_own_function():
    """Each `module:function` of COMMANDS names a command function, and its help is its own."""
    for name, _, _ in COMMANDS:
        shown = cli(name, "--help")
        assert shown.returncode == 0, (name, shown.stderr)
        assert shown.stdout.startswith(f"Usage: cjm {name} "), (name, shown.stdout[:200])
