"""The one problem type: every YAML error, schema error, reference error and lint finding is a `Problem`."""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass, field, replace


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

DOCS_URL = "https://github.com/cjm-tools/cjm/blob/main/docs/"


@dataclass(frozen=True, order=True)
class Problem:
    """A located finding. Positions are 1-based; `path` is the JSON path of the offending node."""

    file: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)
    path: str = field(default="", compare=False)
    rule: str = field(default="", compare=False)
    omitted: int = field(default=0, compare=False)
    """Not 0 only on the note that stands for problems left out of a report (see `cap_repeats`)."""

    @property
    def count(self) -> int:
        """How many problems this one stands for."""
        return self.omitted or 1

    @property
    def url(self) -> str:
        """Where the code is documented."""
        if self.code.startswith("CJM0"):
            return f"{DOCS_URL}validation.md#{self.code.lower()}"
        return f"{DOCS_URL}rules.md#{self.code.lower()}"


MAX_REPEATS = 10
"""How many problems of one kind a file reports before the rest are summed up in one note."""

# A message's kind: its words up to the first quoted, numbered or named part (`unknown key `x``: "unknown key").
_KIND = re.compile(r"[^'`\"0-9(:;]*")


def kind_of(problem: Problem) -> tuple[str, str, str]:
    """What makes problems the same kind: their file, code and the fixed start of their message."""
    return problem.file, problem.code, _KIND.match(problem.message).group().strip()  # type: ignore[union-attr]


def cap_repeats(problems: list[Problem], limit: int = MAX_REPEATS) -> list[Problem]:
    """The problems in order, with at most `limit` of one kind per file: the rest become one note, at the first
    left out, that says how many there are. A map with 200,000 unknown keys gets a report one can read."""
    problems = sorted(problems)
    if len(problems) <= limit:
        return problems
    kind_list = [kind_of(p) for p in problems]
    kinds: Counter[tuple[str, str, str]] = Counter()
    for problem, kind in zip(problems, kind_list, strict=True):
        kinds[kind] += problem.count  # a problem that stands for others (`omitted`) counts them all
    if all(n <= limit for n in kinds.values()):
        return problems
    kept: list[Problem] = []
    shown: Counter[tuple[str, str, str]] = Counter()
    for problem, kind in zip(problems, kind_list, strict=True):
        shown[kind] += 1
        if shown[kind] <= limit:
            kept.append(problem)
        elif shown[kind] == limit + 1:
            left = kinds[kind] - limit
            what = f'"{kind[2]} …" ' if kind[2] else ""
            kept.append(
                replace(
                    problem,
                    omitted=left,
                    message=(
                        f"… and {left:,} more {what}problem{'s' if left != 1 else ''} of this kind, not listed one by "
                        "one: fix the ones above, then check again"
                    ),
                )
            )
    return kept
