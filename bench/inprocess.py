"""Time a cjm command inside a fresh Python process, without its start-up: what the command's own work costs, as in
a user's run (start-up is the cold-start measurement's business).

    python -m bench.inprocess WARM_ARGS_JSON ARGS_JSON

First runs the command on other input (WARM_ARGS, a small map), untimed, so that every module the command uses is
imported; then empties every cache cjm keeps in a process (each `functools.cache` and `lru_cache` of its modules),
so that nothing learnt from the warm-up is reused, and times one run of ARGS. Prints JSON: {"time": seconds,
"cpu": CPU seconds of this process and any it waited for (render's `dot`), "exit_code": N}. One measured run per
process: no measured run can reuse what an earlier one left behind.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import sys
import time
from contextlib import redirect_stderr, redirect_stdout


def run_once(args: list[str]) -> tuple[float, float, int]:
    """Seconds and CPU seconds the command took, and its exit code, run as `cjm.cli.main` runs it; its output is
    discarded."""
    from cjm.cli import main

    saved = sys.argv
    sys.argv = ["cjm", *args]
    try:
        with open(os.devnull, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
            before, start = _cpu(), time.perf_counter()
            try:
                main()
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            wall, cpu = time.perf_counter() - start, _cpu() - before
            return wall, cpu, code
    finally:
        sys.argv = saved


def _cpu() -> float:
    """CPU seconds of this process and of the ones it waited for (user and system)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def forget_caches() -> int:
    """Empty every cache that cjm's modules keep; returns how many there were."""
    cleared = set()
    for name, module in list(sys.modules.items()):
        if name != "cjm" and not name.startswith("cjm."):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and id(value) not in cleared:
                clear()
                cleared.add(id(value))
    return len(cleared)


def main() -> None:
    warm, args = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    run_once(warm)
    forget_caches()
    gc.collect()
    wall, cpu, code = run_once(args)
    print(json.dumps({"time": wall, "cpu": cpu, "exit_code": code}))


if __name__ == "__main__":
    main()
