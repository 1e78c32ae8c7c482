"""`text`: one line per problem, `file:line:col: CODE [severity] message`, then a summary; coloured only on a
terminal. Every command that lists problems as text (a refused map, adapt's review notes) writes this line."""

from __future__ import annotations

from typing import IO, Any

from cjm.core.problem import Problem, Severity
from cjm.core.text import safe
from cjm.output.findings import Findings
from cjm.output.terminal import console_for

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class TextReporter:
    name = "text"
    description = "human-readable lines and a summary (colour on a terminal)"

    def write(self, findings: Findings, stream: IO[str], *, color: bool) -> None:
        console = console_for(stream, color=color)
        for p in findings.problems:
            console.print(styled_line(p), soft_wrap=True)
        if not findings.quiet:
            console.print(summary(findings), style="bold" if findings.problems else "green", soft_wrap=True)


def problem_line(p: Problem) -> str:
    """`file:line:col: CODE [severity] message` on one line, whatever the text holds."""
    return styled_line(p).plain


def styled_line(p: Problem) -> Any:
    """`problem_line` as rich text: the place in bold, the code in its severity's colour."""
    from rich.text import Text

    line = Text()
    line.append(f"{safe(p.file)}:{p.line}:{p.col}:", style="bold")
    line.append(" ")
    line.append(p.code, style=_STYLES[p.severity])
    line.append(f" [{p.severity.value}] ")
    line.append(safe(p.message))
    return line


def summary(findings: Findings) -> str:
    files = len(findings.files)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not findings.problems:
        return f"{checked}: no problems found."
    counts = findings.counts
    parts = [f"{counts[s]:,} {s.value}{'s' if counts[s] != 1 else ''}" for s in Severity if counts[s]]
    total = findings.total
    return (
        f"{checked}: {total:,} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
        f"in {findings.files_with_problems} file{'s' if findings.files_with_problems != 1 else ''}."
    )
