"""`--statistics` (as ruff's): how many problems of each code, most first, for validate and lint."""

from __future__ import annotations

import json
from collections import Counter

from .conftest import ROOT, cli
from .test_hostile_slow import unknown_keys

INVALID = ROOT / "samples" / "invalid"


def test_lint_statistics_count_every_code_most_first(tmp_path):
    sarif = tmp_path / "cjm.sarif"
    problems = json.loads(cli("lint", str(INVALID), "--format", "json").stdout)["problems"]
    proc = cli("lint", str(INVALID), "--statistics", "--output-format", f"sarif:{sarif}")
    assert proc.returncode == 1
    *lines, summary = proc.stdout.splitlines()
    counted = [(int(line.split()[0].replace(",", "")), line.split()[1]) for line in lines]
    assert Counter(dict((code, count) for count, code in counted)) == Counter(p["code"] for p in problems)
    assert [count for count, _ in counted] == sorted((count for count, _ in counted), reverse=True)
    assert summary == cli("lint", str(INVALID)).stdout.splitlines()[-1]
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == len(problems)


def test_validate_statistics_count_what_the_report_left_out(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(unknown_keys(20_000))
    lines = cli("validate", str(path), "--statistics").stdout.splitlines()
    assert lines[0].split() == ["20,000", "CJM010", "[error]", "schema"]
    document = json.loads(cli("validate", str(path), "--statistics", "--format", "json").stdout)
    assert document["command"] == "validate" and document["summary"]["problems"] == 20_000
    assert document["statistics"] == [{"code": "CJM010", "name": "schema", "severity": "error", "count": 20_000}]
