"""How a cjm command treats Python's garbage collector: decided where a command starts (the command line's `main`,
a pool worker's initializer), never inside a library function.

cjm builds large trees (a document, the model, round-trip data, a diff's entries) in one go and drops them
whole. They hold no reference cycles, so reference counting frees them; the cyclic collector would only walk them,
each object at least once in every generation it passes through while the tree grows. On a 10,000-phase map that
is a sixth of a command's time, and none on a small one. So a command runs with the cyclic collector off: peak
memory is the same either way (docs/benchmarks.md), and a process that runs many commands, like the test suite,
collects between them. With no collection, a forked worker writes to no page it shares with its parent.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def command_collector() -> Iterator[None]:
    """The cyclic collector off for one command line run, and as it was once the command has answered."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def tune_worker_collector() -> None:
    """A pool worker's policy: the collector off, as in the command that started it (a spawned worker does not
    inherit it), for as long as the worker lives, which is as long as the command."""
    gc.disable()
