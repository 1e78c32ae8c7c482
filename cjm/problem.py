"""The one problem type: every YAML error, schema error, reference error and lint finding is a `Problem`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


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

    @property
    def url(self) -> str:
        """Where the code is documented."""
        if self.code.startswith("CJM0"):
            return f"{DOCS_URL}validation.md#{self.code.lower()}"
        return f"{DOCS_URL}rules.md#{self.code.lower()}"
