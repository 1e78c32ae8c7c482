"""The reports of `validate` and `lint`: one writer per format, chosen by name from `FINDINGS_FORMATS`.

A writer never decides the exit code and never reads a map; it gets `Findings` and a stream.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cjm.core.problem import Problem, Severity
from cjm.output.formats import Format, Registry


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


# Every report `validate` and `lint` write (`--format`, `--output-format`), in the order help lists them.
FINDINGS_FORMATS: Registry[Findings] = Registry(
    "report",
    Format(
        "text",
        "human-readable lines and a summary (colour on a terminal)",
        "cjm.output.findings.text:write_text",
        (".txt",),
    ),
    Format(
        "json", "one JSON document with every problem and a summary", "cjm.output.findings.json:write_json", (".json",)
    ),
    Format(
        "github",
        "GitHub Actions annotations (the default under GitHub Actions)",
        "cjm.output.findings.github:write_github",
    ),
    Format(
        "sarif",
        "SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, editors)",
        "cjm.output.findings.sarif:write_sarif",
        (".sarif",),
    ),
    Format(
        "junit", "JUnit XML test results, one test case per problem", "cjm.output.findings.junit:write_junit", (".xml",)
    ),
)

# What `--statistics` writes in place of the main report: the counts as JSON for a JSON report, else as text.
STATISTICS_FORMATS: Registry[Findings] = Registry(
    "statistics",
    Format(
        "text", "the number of problems of each code, most first", "cjm.output.findings.statistics:write_statistics"
    ),
    Format(
        "json", "the number of problems of each code, as JSON", "cjm.output.findings.statistics:write_statistics_json"
    ),
)
