"""The machine formats CI reads: SARIF against the SARIF 2.1.0 schema, JUnit against the structure JUnit consumers
expect, and GitHub annotations that no text from a map can forge."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from cjm.core.codes import VALIDATION_CODES, describe
from cjm.core.problem import Problem, Severity
from cjm.core.text import safe
from cjm.io.safe_write import NO_INPUTS
from cjm.output.findings import FINDINGS_FORMATS, Findings
from cjm.output.findings.junit import xml_text
from cjm.output.findings.sarif import sarif_log
from cjm.validation.check import check_file, check_text

DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF_VALIDATOR = Draft4Validator(SARIF_SCHEMA)

BROKEN_MAP = """\
cjm: 1
id: apparel
title: 夏服のジャーニー
phases:
  - id: awareness
    name: 認知
    kind: awarenes
  - id: consideration
    name: 検討
    kind: consideration
    pain_points:
      - {id: awareness, text: サイズが不安}
initiatives:
  - id: size-chart
    title: サイズ表
    pain_points: [size-anxiety]
"""


def findings_of(*results) -> Findings:
    findings = Findings("validate")
    for result in results:
        findings.add(result.source, result.problems)
    return findings


def render(format_name: str, findings: Findings) -> str:
    stream = io.StringIO()
    FINDINGS_FORMATS[format_name].write(findings, stream, color=False)
    return stream.getvalue()


def real_findings(tmp_path: Path) -> Findings:
    """Problems from real files: a schema error, a bad reference, a YAML error, a missing file and a valid map,
    named relative to the working folder as in a CI job."""
    tmp_path = Path(os.path.relpath(tmp_path))
    broken = tmp_path / "マップ" / "夏服.yaml"
    broken.parent.mkdir()
    broken.write_text(BROKEN_MAP, encoding="utf-8")
    fixed = tmp_path / "refs.yaml"
    fixed.write_text(BROKEN_MAP.replace("awarenes\n", "awareness\n"), encoding="utf-8")
    syntax = tmp_path / "syntax.yaml"
    syntax.write_text("cjm: 1\nid: a\n  title: x\n", encoding="utf-8")
    valid = tmp_path / "valid.yaml"
    valid.write_text("cjm: 1\nid: a\ntitle: t\nphases: [{id: p, name: P, kind: awareness}]\n", encoding="utf-8")
    return findings_of(*(check_file(str(p)) for p in (broken, fixed, syntax, valid, tmp_path / "missing.yaml")))


problems = st.builds(
    Problem,
    file=st.sampled_from(
        ["maps/a.yaml", "maps/夏服 ギフト.yaml", "C:\\maps\\b.yaml", "<stdin>", "/elsewhere/c.yml", "maps/a,b:c.yaml"]
    ),
    line=st.integers(1, 10_000),
    col=st.integers(1, 500),
    code=st.sampled_from([*VALIDATION_CODES, "CJM101", "CJM205"]),
    message=st.text(min_size=1, max_size=80),
    severity=st.sampled_from(list(Severity)),
    path=st.sampled_from(["", "$.phases[0].kind", "$.initiatives[2].depends_on[0]"]),
    rule=st.sampled_from(["", "missing-kpi", "emotion-flat"]),
)


def findings_from(problem_list: list[Problem]) -> Findings:
    findings = Findings("lint")
    for file in dict.fromkeys(p.file for p in problem_list):
        findings.add(file, [p for p in problem_list if p.file == file])
    findings.files.append("maps/clean.yaml")
    return findings


# --- SARIF ----------------------------------------------------------------------------------------------------


def check_sarif(log: dict) -> None:
    """Valid SARIF 2.1.0, plus what the schema cannot say: rule indexes, URIs, help links."""
    errors = sorted(SARIF_VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"] and rule["name"]
        assert rule["helpUri"].startswith("https://") and rule["helpUri"].endswith("#" + rule["id"].lower())
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.isascii() and " " not in uri, uri  # a URI: non-ASCII and spaces percent-encoded
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_of_real_problems_is_valid_and_complete(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    findings = real_findings(tmp_path)
    log = json.loads(render("sarif", findings))
    check_sarif(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["ruleId"] for r in run["results"]] == [p.code for p in findings.problems]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {p.code for p in findings.problems}
    by_code = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert by_code["CJM010"]["name"] == "schema"
    assert by_code["CJM010"]["helpUri"] == findings.problems[0].url
    # Files inside the working folder are relative to %SRCROOT%, percent-encoded, and decode back to the path.
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert unquote(first["artifactLocation"]["uri"]) == "マップ/夏服.yaml"
    assert first["region"] == {"startLine": 7, "startColumn": 11}
    assert run["results"][0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "$.phases[0].kind"
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert urlsplit(base).scheme == "file" and base.endswith("/")
    assert len(run["artifacts"]) == 5  # every file checked, the clean one included


def test_the_sarif_schema_is_a_schema():
    Draft4Validator.check_schema(SARIF_SCHEMA)


@settings(max_examples=30, deadline=None)
@given(st.lists(problems, max_size=12))
def test_sarif_is_valid_for_any_problems(problem_list):
    check_sarif(sarif_log(findings_from(problem_list), "/work/project"))


def test_sarif_fingerprints_survive_moved_lines():
    a = Problem("m.yaml", 10, 3, "CJM010", "x at line 12", path="$.phases[1]")
    moved = Problem("m.yaml", 14, 3, "CJM010", "x at line 16", path="$.phases[1]")
    other = Problem("m.yaml", 14, 3, "CJM010", "x at line 16", path="$.phases[2]")
    prints = [
        sarif_log(findings_from([p]), "/w")["runs"][0]["results"][0]["partialFingerprints"] for p in (a, moved, other)
    ]
    assert prints[0] == prints[1] != prints[2]


def test_sarif_paths_outside_the_working_folder_are_file_uris():
    log = sarif_log(findings_from([Problem("/elsewhere/夏.yaml", 1, 1, "CJM001", "bad")]), "/work/project")
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in location
    assert location["uri"].startswith("file:///elsewhere/") and unquote(location["uri"]).endswith("夏.yaml")


def test_every_validation_code_has_metadata_and_documentation():
    """Every code the registry names is described and documented with an anchor, and no module writes a
    validation code of its own: each imports it from the registry."""
    import cjm.core.codes

    defined = {
        value
        for name, value in vars(cjm.core.codes).items()
        if name.isupper() and isinstance(value, str) and re.fullmatch(r"CJM0\d\d", value)
    }
    assert defined == set(VALIDATION_CODES)
    package = Path(cjm.core.codes.__file__).parents[1]
    for module in package.rglob("*.py"):
        if module.name != "codes.py" or module.parent.name != "core":
            assert not re.search(r"[\"']CJM0\d\d[\"']", module.read_text(encoding="utf-8")), module
    doc = (Path(__file__).parents[1] / "docs" / "validation.md").read_text(encoding="utf-8")
    anchors = {heading.lower() for heading in re.findall(r"^## (CJM\d{3})$", doc, re.M)}
    assert anchors == {code.lower() for code in defined}
    for code in defined:
        url = Problem("f", 1, 1, code, "m").url
        assert url.endswith(f"/docs/validation.md#{code.lower()}")
        assert f"](#{code.lower()})" in doc  # the summary table links to it
        assert describe(code).name in doc


def test_describe_gives_lint_codes_usable_metadata():
    info = describe("CJM998", "missing-kpi")  # a code no registry knows: built from the rule name
    assert info.name == "missing-kpi" and "Missing kpi" in info.summary
    assert describe("CJM999").summary
    from cjm.lint.rules import CODES as LINT_CODES

    assert describe("CJM101", "whatever").name == "whatever"  # core alone knows no lint code
    known = describe("CJM101", "whatever", LINT_CODES)  # a lint code: from the rule registry
    assert known.name == "phase-without-touchpoint" and known.summary == "A phase with no touchpoint."


# --- JUnit ----------------------------------------------------------------------------------------------------


def check_junit(document: str, findings: Findings) -> ET.Element:
    """The JUnit structure CI systems read (the Jenkins/Ant schema): testsuites > testsuite > testcase, integer
    counts that add up, one suite per file, one case per problem (one passing case for a clean file) with `file`
    and `line`, failures and errors with message and type."""
    root = ET.fromstring(document)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(
        dict.fromkeys([*findings.files, *(p.file for p in findings.problems)])
    )
    totals = dict.fromkeys(("tests", "failures", "errors"), 0)
    for suite in suites:
        assert set(suite.attrib) >= {"name", "tests", "failures", "errors", "skipped"}
        counts = {k: int(suite.get(k)) for k in totals}
        cases = suite.findall("testcase")
        problems = [p for p in findings.problems if xml_text(p.file) == suite.get("name")]
        assert len(cases) == counts["tests"] == max(1, len(problems))
        for case, problem in zip(cases, problems, strict=False):
            assert case.get("file") == suite.get("name") and case.get("line") == str(problem.line)
            assert case.get("classname") and case.get("name").startswith(problem.code)
        assert counts["failures"] == len(suite.findall("testcase/failure"))
        assert counts["errors"] == len(suite.findall("testcase/error"))
        for case in cases:
            outcomes = case.findall("failure") + case.findall("error")
            assert len(outcomes) <= 1
            for outcome in outcomes:
                assert outcome.get("message") and re.fullmatch(r"CJM\d{3}", outcome.get("type"))
        for key in totals:
            totals[key] += counts[key]
    assert {k: int(root.get(k)) for k in totals} == totals
    return root


def test_junit_of_real_problems(tmp_path):
    findings = real_findings(tmp_path)
    root = check_junit(render("junit", findings), findings)
    suites = {Path(s.get("name")).name: s for s in root.findall("testsuite")}
    assert len(suites["refs.yaml"].findall("testcase/failure")) == 2  # a test case per problem
    assert [c.get("name") for c in suites["valid.yaml"].findall("testcase")] == ["no problems"]
    assert suites["valid.yaml"].find("testcase/failure") is None
    assert suites["missing.yaml"].find("testcase/error").get("type") == "CJM000"
    failing = [p for p in findings.problems if p.code != "CJM000"]
    assert root.get("tests") == str(len(findings.problems) + 1)
    assert root.get("failures") == str(len(failing)) and root.get("errors") == "1"


def test_junit_warnings_and_notes_pass_unless_warnings_fail_the_run():
    problems = [
        Problem("m.yaml", 3, 1, "CJM101", "consider a KPI", Severity.INFO),
        Problem("m.yaml", 4, 1, "CJM301", "unaddressed pain", Severity.WARNING),
    ]
    findings = findings_from(problems)
    root = check_junit(render("junit", findings), findings)
    cases = root.findall("testsuite/testcase")
    assert not root.findall(".//failure") and root.get("failures") == "0"
    assert (
        "consider a KPI" in cases[0].find("system-out").text and "unaddressed pain" in cases[1].find("system-out").text
    )
    findings.strict_files.add("m.yaml")
    root = check_junit(render("junit", findings), findings)
    assert [f.get("type") for f in root.findall(".//failure")] == ["CJM301"] and root.get("failures") == "1"


@settings(max_examples=60, deadline=None)
@given(st.lists(problems, max_size=8))
def test_junit_is_well_formed_for_any_text(problem_list):
    """Control characters, `]]>`, quotes and markup in a message never break the XML."""
    findings = findings_from(problem_list)
    root = check_junit(render("junit", findings), findings)
    messages = [e.get("message") for e in root.iter() if e.tag in ("failure", "error")]
    expected = [f"{p.code} {p.message}" for p in findings.problems if findings.fails(p) or p.code == "CJM000"]
    assert len(messages) == len(expected)
    for got, want in zip(messages, expected, strict=True):
        assert got == xml_text(want)  # printable text unchanged, control characters shown as escapes


# --- GitHub annotations ---------------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@settings(max_examples=100, deadline=None)
@given(st.lists(problems, max_size=8), st.text(max_size=30))
def test_github_annotations_cannot_be_forged(problem_list, evil_file):
    problem_list = [
        *problem_list,
        Problem(
            evil_file + "\n::error file=x::forged", 1, 1, "CJM010", "::warning::forged\r\n::set-output name=x::y %0A"
        ),
    ]
    findings = findings_from(problem_list)
    lines = render("github", findings).split("\n")
    assert lines[-1] == ""
    commands, summary = lines[:-2], lines[-2]
    assert len(commands) == len(findings.problems)
    assert not summary.startswith("::")
    for line, problem in zip(commands, findings.problems, strict=True):
        match = _COMMAND.match(line)
        assert match, line
        level, file, line_no, col, title, message = match.groups()
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[problem.severity.value]
        assert (int(line_no), int(col)) == (problem.line, problem.col)
        # What the runner shows is the map's text, other control characters shown as escapes as on a terminal.
        assert safe(unescape(file)) == safe(problem.file)
        assert safe(unescape(title)) == safe(f"{problem.code} {problem.rule}".strip())
        assert safe(unescape(message)) == safe(problem.message)
        assert line == safe(line)


def test_github_annotation_of_a_real_problem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    findings = real_findings(tmp_path)
    first = render("github", findings).splitlines()[0]
    assert first.startswith("::error file=マップ/夏服.yaml,line=7,col=11,title=CJM010::kind 'awarenes'")


# --- choosing formats and destinations ------------------------------------------------------------------------


def test_registry_lists_every_ci_format():
    assert {"text", "json", "github", "sarif", "junit"} <= set(FINDINGS_FORMATS)


def test_check_text_problem_positions_feed_the_reports():
    result = check_text(BROKEN_MAP, "a.yaml")
    assert result.problems and all(p.line > 1 for p in result.problems)


@pytest.mark.parametrize(
    "output, expected",
    [(None, "text"), ("r.sarif", "sarif"), ("r.json", "json"), ("r.xml", "junit"), ("r.log", "text"), ("-", "text")],
)
def test_default_format_follows_the_output_file(output, expected, tmp_path, monkeypatch):
    from cjm.output.findings.runs import report_destinations

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert report_destinations(None, output, None, NO_INPUTS)[0].format == expected


def test_github_actions_default_is_annotations_on_stdout_plus_files(tmp_path, monkeypatch):
    from cjm.output.findings.runs import report_destinations
    from cjm.output.plan import Destination

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(tmp_path)
    targets = report_destinations(None, None, ["sarif:cjm.sarif", "junit:j.xml"], NO_INPUTS)
    github = Destination("github", main=True)
    assert targets == [github, Destination("sarif", "cjm.sarif"), Destination("junit", "j.xml")]


@pytest.mark.parametrize(
    "fmt, output, also, message",
    [
        ("xml", None, None, "unknown format 'xml'"),
        (None, None, ["sarif"], "needs FORMAT:FILE"),
        (None, None, ["sarif:"], "needs FORMAT:FILE"),
        (None, "a.sarif", ["sarif:a.sarif"], "two reports would be written to a.sarif"),
        (None, None, ["github:-"], "two reports would be written to standard output"),
        (None, None, ["sarif:no/such/folder/a.sarif"], "does not exist"),
    ],
)
def test_bad_destinations_are_usage_errors(fmt, output, also, message, tmp_path, monkeypatch):
    from cjm.core.errors import CjmError
    from cjm.output.findings.runs import report_destinations

    monkeypatch.chdir(tmp_path)
    with pytest.raises(CjmError, match=re.escape(message)):
        report_destinations(fmt, output, also, NO_INPUTS)
