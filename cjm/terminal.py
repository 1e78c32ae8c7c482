"""Terminal output that is safe and polite: colour only on a terminal (NO_COLOR honoured), and text from a
map shown as data, never as markup or control sequences."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from typing import IO, Any

# C0/C1 controls, DEL, and the bidirectional overrides that can make text display differently than it reads.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text with control characters shown as escapes (`\\x1b`), so a map cannot drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def use_color(stream: IO[str] | None = None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def console_for(stream: IO[str], *, color: bool, width: int | None = None) -> Any:
    from rich.console import Console

    return Console(file=stream, force_terminal=color, no_color=not color, color_system="auto" if color else None,
                   highlight=False, markup=False, emoji=False, width=width or (None if color else 10_000))


def display_width(text: str) -> int:
    """Columns the text takes in a terminal or a diagram: wide (CJK) characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
