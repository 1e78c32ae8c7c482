"""`junit`: JUnit XML, which every CI system can show as test results.

One test suite per file checked, and one test case per problem in it (as ruff writes them), named by code and
place, with `file` and `line` attributes: an error is a `<failure>`, an unreadable file an `<error>`; a warning
fails its case only where warnings fail the run (`lint --strict`, or `strict` in the configuration), otherwise it
passes with its text in `<system-out>`, like an info note. A file with no problems has one passing case, so every
file checked shows up as a test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import IO, TYPE_CHECKING

from cjm.core.codes import UNREADABLE
from cjm.core.problem import Problem
from cjm.core.text import safe_block
from cjm.output.findings import Findings

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# Characters XML 1.0 cannot carry at all, not even escaped. Compiled when first used: every command imports the
# reporters, and this class takes a few milliseconds to compile.
_NOT_XML = "[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
CLEAN_CASE = "no problems"


def write_junit(findings: Findings, stream: IO[str], *, color: bool) -> None:
    root = junit_tree(findings)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def junit_tree(findings: Findings) -> Element:
    """The `<testsuites>` element of a run."""
    by_file: dict[str, list[Problem]] = {f: [] for f in findings.files}
    for problem in findings.problems:
        by_file.setdefault(problem.file, []).append(problem)
    root = ET.Element("testsuites", name=f"cjm {findings.command}")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file, problems in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=xml_text(file))
        counts = {"tests": max(1, len(problems)), "failures": 0, "errors": 0}
        if not problems:
            ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=xml_text(file), file=xml_text(file))
        for problem in problems:
            case = ET.SubElement(
                suite,
                "testcase",
                name=xml_text(f"{problem.code} at {problem.line}:{problem.col}"),
                classname=xml_text(file),
                file=xml_text(file),
                line=str(problem.line),
            )
            outcome = "error" if problem.code == UNREADABLE else "failure" if findings.fails(problem) else None
            if outcome is None:
                ET.SubElement(case, "system-out").text = xml_text(_detail(problem))
                continue
            counts[f"{outcome}s"] += 1
            element = ET.SubElement(
                case, outcome, message=xml_text(f"{problem.code} {problem.message}"), type=problem.code
            )
            element.text = xml_text(_detail(problem))
        suite.attrib.update({k: str(v) for k, v in counts.items()}, skipped="0")
        for key, value in counts.items():
            totals[key] += value
    root.attrib.update({k: str(v) for k, v in totals.items()})
    return root


def _detail(problem: Problem) -> str:
    return (
        f"{problem.file}:{problem.line}:{problem.col}: {problem.code} [{problem.severity.value}] "
        f"{problem.message}\n{problem.url}"
    )


def xml_text(text: str) -> str:
    """Text XML can hold: control characters shown as escapes (`\\x01`) as on a terminal, and the few other
    characters XML forbids replaced."""
    return re.sub(_NOT_XML, "\ufffd", safe_block(text))
