"""No process-wide state in the library: caches hand out nothing a caller could change for the next caller, and
the garbage collector is tuned only where a process starts (`cjm.io.process`, called by the command line's `main`
and a pool worker's initializer)."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import cjm
from cjm.adapt.rules import builtin_rules
from cjm.io.process import YOUNG_THRESHOLD, tune_collector
from cjm.validation.schema import schema, vocabulary

PACKAGE = Path(cjm.__file__).parent


def test_only_the_process_boundary_tunes_the_collector() -> None:
    tuning = re.compile(r"\bgc\.(disable|enable|freeze|unfreeze|set_threshold)\(|^\s*import gc\b", re.M)
    offenders = [
        str(module.relative_to(PACKAGE))
        for module in PACKAGE.rglob("*.py")
        if module.name != "process.py" and tuning.search(module.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_tuning_the_collector_freezes_once_per_process() -> None:
    tune_collector()
    frozen = gc.get_freeze_count()
    garbage = [[] for _ in range(1000)]
    tune_collector()  # a second command in this process: what it left behind is not frozen for good
    assert gc.get_freeze_count() == frozen and gc.get_threshold()[0] == YOUNG_THRESHOLD
    del garbage


def test_cached_data_is_never_shared_with_a_caller_who_could_change_it() -> None:
    first = schema()
    first["$defs"].clear()
    assert schema()["$defs"], "the schema a caller changed is not the next caller's"
    rules = builtin_rules()
    rules.clear()
    assert builtin_rules(), "the rules a caller changed are not the next caller's"
    assert isinstance(vocabulary("channel"), tuple)
