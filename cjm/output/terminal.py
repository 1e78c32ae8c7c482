"""Human output that is safe and polite: colour only on a terminal (NO_COLOR honoured), and text from a map
shown as data, never as markup, control sequences or CI workflow commands.

Two layers, so that no path can forget one: `safe()` keeps each piece of text from a map on one line (every
control character, newline included, shown as an escape), and every human output — the consoles of
`console_for` and the lines of `say` — is written through `log_guard`, which under GitHub Actions disarms what
the runner would read as a workflow command (`::` starting a line, `##[` anywhere in it).
"""

from __future__ import annotations

import os
import re
import sys
from typing import IO, Any

from cjm.core.text import safe

# What the GitHub Actions runner reads as a command: a line starting (after blanks) with `::`, and the older
# `##[command]` anywhere in a line.
_COMMAND_START = re.compile(r"^(\s*)::", re.MULTILINE)
_OLD_COMMAND = "##["


def under_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def disarm(text: str) -> str:
    """Text whose lines the Actions runner cannot read as workflow commands: a line's leading `::` becomes
    `\\x3a:` and `##[` becomes `#\\x23[`, escapes in the style of `safe`."""
    return _COMMAND_START.sub(r"\1\\x3a:", text).replace(_OLD_COMMAND, "#\\x23[")


class _Disarming:
    """A text stream that disarms workflow commands line by line as they are written."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._line_start = True

    def write(self, text: str) -> int:
        if not text:
            return 0
        # Mark a write that continues a line, so that its start is not taken for a line's start.
        marked = ("" if self._line_start else "\0") + text
        out = disarm(marked)[0 if self._line_start else 1 :]
        self._line_start = text.endswith(("\n", "\r"))
        self._stream.write(out)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def log_guard(stream: IO[str]) -> IO[str]:
    """The stream to write human text to: under GitHub Actions, standard output and error disarm workflow
    commands (a report written to a file is not read by the runner and stays as it is)."""
    if under_actions() and stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        return _Disarming(stream)  # type: ignore[return-value]
    return stream


def say(message: str, stream: IO[str] | None = None) -> None:
    """Write one line of human text (a message, a note, an error) to standard error or `stream`."""
    stream = stream or sys.stderr
    log_guard(stream).write(safe(message) + "\n")


def use_color(stream: IO[str] | None = None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def console_for(stream: IO[str], *, color: bool, width: int | None = None) -> Any:
    from rich.console import Console

    return Console(
        file=log_guard(stream),
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        width=width or (None if color else 10_000),
    )
