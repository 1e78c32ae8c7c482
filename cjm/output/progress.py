"""A progress bar for long runs, on standard error and only for a person watching a terminal: never in CI,
never when standard error is piped or redirected, never for a handful of files."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import IO, TypeVar

from cjm.core.text import safe
from cjm.output.terminal import console_for, use_color

T = TypeVar("T")

# Below this many files a run is over before a bar would tell anyone anything.
MIN_FILES = 100


def wants_progress(stream: IO[str], count: int) -> bool:
    if count < MIN_FILES or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def tracked(items: Sequence[T], label: str, *, stream: IO[str] | None = None, quiet: bool = False) -> Iterator[T]:
    """Each item in turn, with a transient progress bar (label, count, current item) when `wants_progress` and
    not `quiet`."""
    stream = stream or sys.stderr
    if quiet or not wants_progress(stream, len(items)):
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = console_for(stream, color=use_color(stream), width=shutil.get_terminal_size().columns)
    columns = (
        TextColumn(label, markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=len(items), current="")
        for item in items:
            progress.update(task, current=safe(str(item)))
            yield item
            progress.advance(task)
