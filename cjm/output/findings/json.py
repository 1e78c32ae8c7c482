"""`json`: a stable, documented document (see docs/output.md) for scripts."""

from __future__ import annotations

from typing import IO

from cjm import __version__
from cjm.core.problem import Severity
from cjm.output.findings import Findings, json_text


class JsonReporter:
    name = "json"
    description = "one JSON document with every problem and a summary"

    def write(self, findings: Findings, stream: IO[str], *, color: bool) -> None:
        counts = findings.counts
        document = {
            "tool": "cjm",
            "version": __version__,
            "command": findings.command,
            "files_checked": len(findings.files),
            "summary": {
                "problems": findings.total,
                **{s.value: counts[s] for s in Severity},
                "files_with_problems": findings.files_with_problems,
            },
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.col,
                    "code": p.code,
                    "rule": p.rule,
                    "severity": p.severity.value,
                    "message": p.message,
                    "path": p.path,
                    "url": p.url,
                    **({"omitted": p.omitted} if p.omitted else {}),
                }
                for p in findings.problems
            ],
        }
        stream.write(json_text(document))
