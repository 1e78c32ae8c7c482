"""`json`: a stable, documented document (see docs/output.md and schemas/output.schema.json) for scripts."""

from __future__ import annotations

from typing import IO, Any

from cjm.core.problem import Severity
from cjm.output.contract import envelope, json_text, problem_json
from cjm.output.findings import Findings


def findings_json(findings: Findings) -> dict[str, Any]:
    """The findings document: the envelope, how many files were checked, a summary and every problem."""
    return run_json(findings, problems=[problem_json(p) for p in findings.problems])


def run_json(findings: Findings, **fields: Any) -> dict[str, Any]:
    """The envelope, how many files were checked and the summary of a run, then `fields`."""
    counts = findings.counts
    return envelope(
        findings.command,
        files_checked=len(findings.files),
        summary={
            "problems": findings.total,
            **{s.value: counts[s] for s in Severity},
            "files_with_problems": findings.files_with_problems,
        },
        **fields,
    )


def write_json(findings: Findings, stream: IO[str], *, color: bool) -> None:
    stream.write(json_text(findings_json(findings)))
