"""Time a cjm command inside one warm Python process: what the command itself costs, without interpreter start-up
and imports (those are the cold-start measurement's business).

    python -m bench.inprocess REPEAT cjm-arguments...

runs the command once to warm up, then REPEAT times, and prints JSON: {"times": [...], "exit_codes": [...]}.
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import redirect_stderr, redirect_stdout


def run_once(args: list[str]) -> tuple[float, int]:
    """Seconds the command took and its exit code, run as `cjm.cli.main` runs it; its output is discarded."""
    from cjm.cli import main

    saved = sys.argv
    sys.argv = ["cjm", *args]
    try:
        with open(os.devnull, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
            start = time.perf_counter()
            try:
                main()
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            return time.perf_counter() - start, code
    finally:
        sys.argv = saved


def main() -> None:
    repeat, args = int(sys.argv[1]), sys.argv[2:]
    run_once(args)
    runs = [run_once(args) for _ in range(repeat)]
    print(json.dumps({"times": [t for t, _ in runs], "exit_codes": [c for _, c in runs]}))


if __name__ == "__main__":
    main()
