"""No process-wide state in the library: caches hand out nothing a caller could change for the next caller, and
the garbage collector is set only where a command starts (`cjm.io.process`, used by the command line's `main` and
a pool worker's initializer)."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

import cjm
from cjm.adapt.rules import builtin_rules
from cjm.io.process import command_collector
from cjm.validation.schema import schema, vocabulary

PACKAGE = Path(cjm.__file__).parent
ROOT = PACKAGE.parent


def test_only_the_process_boundary_tunes_the_collector() -> None:
    tuning = re.compile(r"\bgc\.(disable|enable|freeze|unfreeze|set_threshold)\(|^\s*import gc\b", re.M)
    offenders = [
        str(module.relative_to(PACKAGE))
        for module in PACKAGE.rglob("*.py")
        if module.name != "process.py" and tuning.search(module.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_command_runs_without_the_cyclic_collector_and_leaves_it_as_it_found_it() -> None:
    assert gc.isenabled()
    with command_collector():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(SystemExit), command_collector():
        raise SystemExit(1)  # how every command ends
    assert gc.isenabled()
    gc.disable()
    try:
        with command_collector():
            pass
        assert not gc.isenabled(), "a caller who had turned it off keeps it off"
    finally:
        gc.enable()


def test_a_command_in_process_collects_its_cycles_afterwards() -> None:
    """The test suite runs thousands of commands in one process: what one leaves behind is collected later."""
    from tests.conftest import cli

    cli("validate", str(ROOT / "samples" / "gift-sweets.yaml"))
    assert gc.isenabled()


def test_cached_data_is_never_shared_with_a_caller_who_could_change_it() -> None:
    first = schema()
    first["$defs"].clear()
    assert schema()["$defs"], "the schema a caller changed is not the next caller's"
    rules = builtin_rules()
    rules.clear()
    assert builtin_rules(), "the rules a caller changed are not the next caller's"
    assert isinstance(vocabulary("channel"), tuple)
