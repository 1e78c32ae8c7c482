"""`text`: one line per problem, `file:line:col: CODE [severity] message`, then a summary; coloured only on a
terminal. Every command that lists problems as text (a refused map, adapt's review notes) writes this line.

Without colour (a pipe, a file, NO_COLOR) the lines are plain text joined and written at once: drawing each one
through rich cost most of a large run, and rich adds nothing to uncoloured text (every control character in it is
already an escape, and a line is never wrapped).
"""

from __future__ import annotations

from typing import IO, Any

from cjm.core.problem import Problem, Severity
from cjm.core.text import safe
from cjm.output.findings import Findings
from cjm.output.terminal import console_for, log_guard

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def write_text(findings: Findings, stream: IO[str], *, color: bool) -> None:
    if not color:
        lines = [problem_line(p) for p in findings.problems]
        if not findings.quiet:
            lines.append(summary(findings))
        write_lines(lines, stream)
        return
    console = console_for(stream, color=color)
    for p in findings.problems:
        console.print(styled_line(p), soft_wrap=True)
    if not findings.quiet:
        console.print(summary(findings), style="bold" if findings.problems else "green", soft_wrap=True)


def write_problems(problems: list[Problem], stream: IO[str], *, color: bool, command: str) -> None:
    """Problems as text lines and their summary (a map a command refused, an import's notes), sorted."""
    findings = Findings(command)
    findings.problems.extend(sorted(problems))
    findings.files.extend(sorted({p.file for p in problems}))
    write_text(findings, stream, color=color)


def write_lines(lines: list[str], stream: IO[str]) -> None:
    """Plain lines in one write, through the guard every human output goes through (`log_guard`)."""
    if lines:
        log_guard(stream).write("\n".join(lines) + "\n")


def problem_line(p: Problem) -> str:
    """`file:line:col: CODE [severity] message` on one line, whatever the text holds."""
    return f"{safe(p.file)}:{p.line}:{p.col}: {p.code} [{p.severity.value}] {safe(p.message)}"


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
