"""Reporters turn findings into output: one class per format, chosen by name from `REPORTERS`.

A reporter never decides the exit code and never reads a map; it gets `Findings` and a stream.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Protocol

from cjm.core.problem import Problem, Severity


@dataclass
class Findings:
    """Everything one run of `validate` or `lint` found, over all its files."""

    command: str
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    strict_files: set[str] = field(default_factory=set)
    """Files whose warnings fail the run (`lint --strict`, or `strict` in their configuration)."""
    quiet: bool = False
    """The text report lists the problems and nothing else (`--quiet`)."""

    def fails(self, problem: Problem) -> bool:
        """Whether a problem fails the run: an error, or a warning in a strict file."""
        return problem.severity is Severity.ERROR or (
            problem.severity is Severity.WARNING and problem.file in self.strict_files
        )

    def add(self, source: str, problems: Iterable[Problem]) -> None:
        self.files.append(source)
        self.problems.extend(sorted(problems))

    @property
    def counts(self) -> Counter[Severity]:
        """Problems by severity, counting those a note stands for (`Problem.omitted`)."""
        counts: Counter[Severity] = Counter()
        for p in self.problems:
            counts[p.severity] += p.count
        return counts

    @property
    def total(self) -> int:
        return sum(p.count for p in self.problems)

    @property
    def files_with_problems(self) -> int:
        return len({p.file for p in self.problems})


class Reporter(Protocol):
    name: str
    description: str

    def write(self, findings: Findings, stream: IO[str], *, color: bool) -> None: ...


def json_text(value: object) -> str:
    """A JSON document as cjm writes every one: indented, non-ASCII text kept, ending in a newline. The GitHub
    Actions runner reads `##[` anywhere in a log line as a command; `\\u005b` is the same `[` to every JSON reader,
    so text from a map cannot forge one when a document is printed in a CI log."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=2).replace("##[", "##\\u005b") + "\n"


def _registry() -> dict[str, type[Reporter]]:
    from cjm.output.findings.github import GithubReporter
    from cjm.output.findings.json import JsonReporter
    from cjm.output.findings.junit import JunitReporter
    from cjm.output.findings.sarif import SarifReporter
    from cjm.output.findings.text import TextReporter

    reporters = (TextReporter, JsonReporter, GithubReporter, SarifReporter, JunitReporter)
    return {r.name: r for r in reporters}  # type: ignore[misc]


REPORTERS: dict[str, type[Reporter]] = _registry()
