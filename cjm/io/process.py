"""How a cjm process treats Python's garbage collector: set once, where a process starts (the command line's
`main`, a pool worker's initializer), never inside a library function.

cjm builds large trees (a document, the model, round-trip data, a diff's entries) in one go and drops them
whole; they hold no reference cycles, so the collector's frequent young-generation passes only walk them again
and again while they grow, slower than linearly in the map. Objects that exist when the command starts (the
imported modules) are frozen: the collector never walks them, and a forked worker shares their memory instead of
copying it when the collector touches them.
"""

from __future__ import annotations

import gc

# Young objects collected once per this many allocations net of frees (Python's default is 700). Cycles still
# get collected, as they would be in a long run; a tree of a million nodes is walked a few times, not thousands.
YOUNG_THRESHOLD = 200_000


def tune_collector() -> None:
    """The collector policy of a command line run: call it once the modules are imported. Only the first call in
    a process freezes (a process that runs many commands, like the test suite, would otherwise freeze the
    garbage of each one for good)."""
    if gc.get_threshold()[0] == YOUNG_THRESHOLD:
        return
    gc.freeze()
    tune_worker_collector()


def tune_worker_collector() -> None:
    """The policy of a pool worker. It freezes nothing: a forked worker that moved every inherited object to the
    frozen generation would write to every page it shares with its parent."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
