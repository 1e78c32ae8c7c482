"""`junit`: JUnit XML, which every CI system can show as test results.

One test suite per file checked, holding one test case for that file: the case passes when the file has no
errors or warnings, and carries one `<failure>` per such problem otherwise (an unreadable file is an `<error>`).
Info notes do not fail the case; they are listed in its `<system-out>`.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING

from cjm.loader import UNREADABLE
from cjm.problem import Problem, Severity
from cjm.reporters import Findings
from cjm.terminal import safe

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# Characters XML 1.0 cannot carry at all, not even escaped. Compiled when first used: every command imports the
# reporters, and this class takes a few milliseconds to compile.
_NOT_XML = "[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


class JunitReporter:
    name = "junit"
    description = "JUnit XML test results, one test case per file"

    def write(self, findings: Findings, stream: IO[str], *, color: bool) -> None:
        import xml.etree.ElementTree as ET

        root = junit_tree(findings)
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")


def junit_tree(findings: Findings) -> Element:
    """The `<testsuites>` element of a run."""
    import xml.etree.ElementTree as ET

    by_file: dict[str, list[Problem]] = {f: [] for f in findings.files}
    for problem in findings.problems:
        by_file.setdefault(problem.file, []).append(problem)
    classname = f"cjm.{findings.command}"
    root = ET.Element("testsuites", name=f"cjm {findings.command}")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file, problems in by_file.items():
        failing = [p for p in problems if p.severity is not Severity.INFO]
        notes = [p for p in problems if p.severity is Severity.INFO]
        is_error = any(p.code == UNREADABLE for p in failing)
        counts = {"tests": 1, "failures": int(bool(failing) and not is_error), "errors": int(is_error)}
        for key, value in counts.items():
            totals[key] += value
        suite = ET.SubElement(
            root, "testsuite", name=xml_text(file), **{k: str(v) for k, v in counts.items()}, skipped="0"
        )
        case = ET.SubElement(suite, "testcase", name=xml_text(file), classname=classname)
        for problem in failing:
            tag = "error" if is_error else "failure"
            element = ET.SubElement(case, tag, message=xml_text(f"{problem.code} {problem.message}"), type=problem.code)
            element.text = xml_text(_detail(problem))
        if notes:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(_detail(p) for p in notes))
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
    return re.sub(_NOT_XML, "\ufffd", safe(text))
