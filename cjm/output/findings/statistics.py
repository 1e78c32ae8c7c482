"""`--statistics`: how many problems of each code a run found, most first (as ruff's `--statistics`), as text or JSON.

It stands in for the list of problems on the main report; the other reports (`--output-format`) still list them.
Problems a note stands for (`Problem.omitted`) are counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import IO

from cjm.core.codes import describe
from cjm.core.problem import Problem, Severity
from cjm.lint.rules import CODES as LINT_CODES
from cjm.output.contract import json_text
from cjm.output.findings import Findings
from cjm.output.findings.json import run_json
from cjm.output.findings.text import summary, write_lines
from cjm.output.terminal import console_for


@dataclass(frozen=True)
class CodeCount:
    code: str
    name: str
    severity: Severity
    count: int


def statistics(findings: Findings) -> list[CodeCount]:
    """One entry per code found (per severity, when configuration gave one code two), the most frequent first."""
    counts: Counter[tuple[str, Severity]] = Counter()
    first: dict[tuple[str, Severity], Problem] = {}
    for problem in findings.problems:
        key = (problem.code, problem.severity)
        counts[key] += problem.count
        first.setdefault(key, problem)
    entries = [
        CodeCount(code, describe(code, first[code, severity].rule, LINT_CODES).name, severity, count)
        for (code, severity), count in counts.items()
    ]
    return sorted(entries, key=lambda e: (-e.count, e.code, e.severity.rank))


def write_statistics(findings: Findings, stream: IO[str], *, color: bool) -> None:
    entries = statistics(findings)
    width = max((len(f"{e.count:,}") for e in entries), default=1)
    if not color:
        lines = [f"{e.count:>{width},}  {e.code}  [{e.severity.value}] {e.name}" for e in entries]
        write_lines([*lines, summary(findings)], stream)
        return
    from rich.text import Text

    console = console_for(stream, color=color)
    for entry in entries:
        line = Text(f"{entry.count:>{width},}  ")
        line.append(entry.code, style="bold")
        line.append(f"  [{entry.severity.value}] {entry.name}")
        console.print(line, soft_wrap=True)
    console.print(summary(findings), style="bold" if findings.problems else "green", soft_wrap=True)


def write_statistics_json(findings: Findings, stream: IO[str], *, color: bool) -> None:
    """The findings document (`json`) with the counts in place of the problems."""
    counts = [
        {"code": e.code, "name": e.name, "severity": e.severity.value, "count": e.count} for e in statistics(findings)
    ]
    stream.write(json_text(run_json(findings, statistics=counts)))
