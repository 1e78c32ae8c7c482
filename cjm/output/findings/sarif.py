"""`sarif`: SARIF 2.1.0, the format code scanning reads (GitHub, Azure DevOps, IDE viewers).

Each problem code becomes a rule with its name, a one-line description and a help link (`cjm.core.codes`); each
problem a result located by file, line and column and, where known, by its JSON path in the map. Paths inside
the working folder are relative to `%SRCROOT%`, so the upload action matches them to the repository. The run has
no `automationDetails`: the upload's `category:` names it, and a fixed id would override that.
"""

from __future__ import annotations

import hashlib  # here, not at the top: every command imports the reporters, few write SARIF
import os
import re
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from cjm import __version__
from cjm.core.codes import VALIDATION_CODES, describe
from cjm.core.problem import DOCS_URL, Problem, Severity
from cjm.lint.rules import CODES as LINT_CODES
from cjm.output.contract import json_text
from cjm.output.findings import Findings

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
STDIN_NAME = "<stdin>"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def write_sarif(findings: Findings, stream: IO[str], *, color: bool) -> None:
    stream.write(json_text(sarif_log(findings, os.getcwd())))


def sarif_log(findings: Findings, root: str) -> dict[str, Any]:
    """The SARIF log of one run; `root` is the folder relative paths are resolved against."""
    rules = _rules(findings.problems)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    artifacts = [
        _artifact_location(f, root) for f in dict.fromkeys([*findings.files, *(p.file for p in findings.problems)])
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "cjm",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": DOCS_URL.split("/blob/")[0],
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path(root).absolute().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": location} for location in artifacts],
        "results": [_result(p, index[p.code], root) for p in findings.problems],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rules(problems: list[Problem]) -> list[dict[str, Any]]:
    first: dict[str, Problem] = {}
    for problem in problems:
        first.setdefault(problem.code, problem)
    rules = []
    for code in sorted(first):
        problem = first[code]
        info = describe(code, problem.rule, LINT_CODES)
        rules.append(
            {
                "id": code,
                "name": info.name,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.summary},
                "helpUri": problem.url,
                "help": {
                    "text": f"{info.summary} See {problem.url}",
                    "markdown": f"{info.summary} [{code} in the cjm documentation]({problem.url})",
                },
                "defaultConfiguration": {"level": _LEVELS[problem.severity]},
                "properties": {"tags": ["cjm", "validation" if code in VALIDATION_CODES else "lint"]},
            }
        )
    return rules


def _result(problem: Problem, rule_index: int, root: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact_location(problem.file, root),
            "region": {"startLine": problem.line, "startColumn": problem.col},
        }
    }
    if problem.path:
        location["logicalLocations"] = [{"fullyQualifiedName": problem.path, "kind": "property"}]
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[problem.severity],
        "message": {"text": problem.message},
        "locations": [location],
        "partialFingerprints": {"cjmProblem/v1": _fingerprint(problem)},
    }


def _fingerprint(problem: Problem) -> str:
    """Stable while lines move: the file, code, JSON path and the message without its numbers (which often are
    line numbers of related entries)."""
    where = problem.path or f"{problem.line}:{problem.col}"
    text = "|".join((problem.file, problem.code, where, re.sub(r"\d+", "#", problem.message)))

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _artifact_location(file: str, root: str) -> dict[str, str]:
    """A URI for a reported file: relative to %SRCROOT% inside `root`, a file: URI outside it."""
    if file == STDIN_NAME:
        return {"uri": "stdin"}
    absolute = os.path.abspath(file)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    # Percent-encoding keeps Japanese names and a `:` (which would read as a URI scheme) valid in a URI.
    return {"uri": quote(Path(relative).as_posix(), safe="/"), "uriBaseId": SRCROOT}
