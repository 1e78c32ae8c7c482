"""The `cjm diff` text report: one line per change under a heading per map and per kind of change, styled
for a terminal (rich) and plain in a file or a pipe."""

from __future__ import annotations

from typing import IO

from cjm.core.text import safe
from cjm.diff.changes import MapDiff
from cjm.diff.sources import Comparison
from cjm.output.diff.sentences import SECTIONS, Line, by_target, sentence, summary, title
from cjm.output.terminal import console_for

_TEXT_MARKS = {
    "added": "+",
    "removed": "-",
    "changed": "~",
    "renamed": "~",
    "moved": "→",
    "split": "⑂",
    "merged": "⑃",
    "reordered": "↕",
}
_STYLES = {
    "heading": "bold",
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "renamed": "yellow",
    "moved": "cyan",
    "split": "magenta",
    "merged": "magenta",
    "reordered": "cyan",
    "old": "red",
    "new": "green",
    "name": "bold",
    "id": "dim",
}


def text_lines(results: list[MapDiff]) -> list[Line]:
    """The text report as lines of (text, role) segments; roles `heading` and the actions style them."""
    lines: list[Line] = []
    for n, result in enumerate(results):
        if n:
            lines.append([])
        lines.append([(title(result), "heading"), (": ", ""), (summary(result), "")])
        for target, changes in by_target(result.changes):
            lines.append([(f"  {SECTIONS[target]}", "heading")])
            for change in changes:
                lines.append([(f"    {_TEXT_MARKS[change.action]} ", change.action), *sentence(change, result)])
        lines.extend([[(f"  note: {note}", "")] for note in result.notes])
    if not results:
        lines.append([("no maps changed", "")])
    return lines


def write_text(comparison: Comparison, stream: IO[str], *, color: bool = False) -> None:
    """The text report; nothing when every map failed to be read (standard error already says why)."""
    if comparison.errors and not comparison.results:
        return
    from rich.text import Text

    console = console_for(stream, color=color)
    for segments in text_lines(comparison.results):
        line = Text()
        for text, role in segments:
            line.append(safe(text), style=_STYLES.get(role, ""))
        console.print(line, soft_wrap=True)
