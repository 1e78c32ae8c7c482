"""The one JSON contract: every JSON document cjm writes starts with the same envelope, and a problem has one
shape wherever it appears. `schemas/output.schema.json` describes both (docs/output.md explains them).
"""

from __future__ import annotations

import json
from typing import Any

from cjm import __version__
from cjm.core.problem import Problem


def envelope(command: str, **fields: Any) -> dict[str, Any]:
    """A JSON document of `command`: `{"tool": "cjm", "version": ..., "command": ..., **fields}`."""
    return {"tool": "cjm", "version": __version__, "command": command, **fields}


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem as every JSON document shows it; `omitted` only on a note that stands for others."""
    document: dict[str, Any] = {
        "file": problem.file,
        "line": problem.line,
        "column": problem.col,
        "code": problem.code,
        "rule": problem.rule,
        "severity": problem.severity.value,
        "message": problem.message,
        "path": problem.path,
        "url": problem.url,
    }
    if problem.omitted:
        document["omitted"] = problem.omitted
    return document


def json_text(value: object) -> str:
    """A JSON document as cjm writes every one: indented, non-ASCII text kept, ending in a newline. The GitHub
    Actions runner reads `##[` anywhere in a log line as a command; `\\u005b` is the same `[` to every JSON reader,
    so text from a map cannot forge one when a document is printed in a CI log."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("##[", "##\\u005b") + "\n"
