"""JUnit output read by real consumers (junitparser, xunitparser): every finding is a test case they see, with
its file and line; warnings fail a case only under --strict."""

from __future__ import annotations

import json
from pathlib import Path

import junitparser
import pytest
import xunitparser

from .conftest import ROOT, cli

POOR = ROOT / "samples" / "invalid" / "poor-map.yaml"
CLEAN = ROOT / "samples" / "apparel-working-mother.yaml"
WARNED = ROOT / "docs" / "example.yaml"  # one warning, no error


def _findings(*args: str) -> list[dict]:
    return json.loads(cli("lint", *args, "--format", "json").stdout)["problems"]


def _junit(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "cjm.xml"
    proc = cli("lint", *args, "--output-format", f"junit:{out}", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    return out


@pytest.mark.parametrize("strict", [False, True])
def test_junitparser_and_xunitparser_see_every_finding(tmp_path, strict):
    args = [str(POOR), str(CLEAN), *(["--strict"] if strict else [])]
    findings = _findings(*args)
    assert {"error", "warning"} <= {f["severity"] for f in findings}
    failing = [f for f in findings if f["severity"] == "error" or strict and f["severity"] == "warning"]
    path = _junit(tmp_path, *args)

    cases = [case for suite in junitparser.JUnitXml.fromfile(str(path)) for case in suite]
    assert len(cases) == len(findings) + 1  # one per finding, one passing case for the clean map
    seen = {(case._elem.get("file"), int(case._elem.get("line") or 0), case.name.split()[0]) for case in cases}
    assert {(f["file"], f["line"], f["code"]) for f in findings} <= seen
    failed = [case for case in cases if not case.is_passed]
    assert len(failed) == len(failing)
    assert all(case.result and case.result[0].type == case.name.split()[0] for case in failed)

    suite, result = xunitparser.parse(str(path))
    assert result.testsRun == len(findings) + 1
    assert len(result.failures) + len(result.errors) == len(failing)
    assert sorted(tc.methodname.split()[0] for tc, _ in result.failures) == sorted(f["code"] for f in failing)
    messages = {tc.message for tc in suite if tc.message} | {tc.stdout for tc in suite if tc.stdout}
    for finding in findings:
        assert any(finding["message"] in text for text in messages), finding


def test_warnings_alone_pass_the_run_and_every_case(tmp_path):
    findings = _findings(str(WARNED))
    assert findings and {f["severity"] for f in findings} == {"warning"}, findings
    path = _junit(tmp_path, str(WARNED))
    assert cli("lint", str(WARNED)).returncode == 0
    suite, result = xunitparser.parse(str(path))
    assert result.wasSuccessful() and result.testsRun == len(findings)
    assert cli("lint", str(WARNED), "--strict").returncode == 1
    suite, result = xunitparser.parse(str(_junit(tmp_path, str(WARNED), "--strict")))
    assert not result.wasSuccessful() and len(result.failures) == len(findings)
