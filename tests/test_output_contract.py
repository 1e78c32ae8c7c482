"""The one JSON contract (schemas/output.schema.json): every command's `--format json` document has the envelope and
validates; a problem has one shape wherever it appears. And the format registries: `--format` choices, help and
writers come from them; uncoloured text is the same bytes rich would write."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from cjm.core.errors import CjmError
from cjm.core.problem import Problem, Severity
from cjm.output.contract import problem_json
from cjm.output.findings import FINDINGS_FORMATS, STATISTICS_FORMATS, Findings
from cjm.output.findings.text import problem_line, styled_line
from cjm.output.formats import Format, Registry
from cjm.output.plan import REPORT_SUFFIXES
from cjm.output.rules import RULE_LIST_FORMATS
from cjm.output.terminal import console_for

from .conftest import ROOT, cli

SCHEMA = json.loads((ROOT / "schemas" / "output.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
SAMPLES = ROOT / "samples"
APPAREL = str(SAMPLES / "apparel-working-mother.yaml")
INVALID = str(SAMPLES / "invalid")
CYCLE = str(SAMPLES / "invalid" / "dependency-cycle.yaml")


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)


COMMANDS = {
    "validate": (["validate", INVALID], 1),
    "validate a clean map": (["validate", APPAREL], 0),
    "validate --statistics": (["validate", INVALID, "--statistics"], 1),
    "lint": (["lint", INVALID], 1),
    "lint --statistics": (["lint", INVALID, "--statistics"], 1),
    "import": (["import", str(SAMPLES / "grids" / "robot-vacuum-ja.csv"), "-o", "{tmp}/robot.yaml"], 0),
    "rules": (["rules"], 0),
    "rules CODE": (["rules", "CJM201"], 0),
    "adapt": (["adapt", APPAREL, "--rule", "long-consideration", "--diff"], 0),
    "adapt --list": (["adapt", "--list"], 0),
    "adapt of an invalid map": (["adapt", CYCLE, "--auto"], 2),
    "split": (["split", APPAREL, "consideration", "--into", "research,visit", "--diff"], 0),
    "prioritise": (["prioritise", APPAREL], 0),
    "diff": (["diff", APPAREL, str(SAMPLES / "gift-sweets.yaml")], 1),
}


@pytest.mark.parametrize("argv, code", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_json_document_follows_the_contract(argv, code, tmp_path):
    proc = cli(*(arg.format(tmp=tmp_path) for arg in argv), "--format", "json")
    assert proc.returncode == code, proc.stderr
    document = json.loads(proc.stdout)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert not errors, errors
    assert list(document)[:3] == ["tool", "version", "command"]


def test_the_explanation_follows_the_contract():
    proc = cli("prioritise", APPAREL, "--explain", "care-card", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout)
    assert not list(VALIDATOR.iter_errors(document))
    assert document["command"] == "prioritise --explain" and document["initiative"]["id"] == "care-card"


def test_a_problem_has_one_shape_everywhere(tmp_path):
    """The findings document, adapt's refusal and diff's errors all show a problem as `problem_json` does."""
    validated = json.loads(cli("validate", CYCLE, "--format", "json").stdout)["problems"]
    refused = json.loads(cli("adapt", CYCLE, "--auto", "--format", "json").stdout)["problems"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("cjm: 1\nid: [\n", encoding="utf-8")
    errors = json.loads(cli("diff", APPAREL, str(broken), "--format", "json").stdout)["errors"]
    assert validated == refused
    assert (
        errors[0]["problems"][0].keys() == validated[0].keys() == problem_json(Problem("m", 1, 1, "CJM001", "")).keys()
    )


def test_problem_json_keeps_the_omitted_count_only_where_there_is_one():
    note = Problem("m.yaml", 3, 5, "CJM010", "… and 9 more", omitted=9)
    assert problem_json(note)["omitted"] == 9
    assert "omitted" not in problem_json(Problem("m.yaml", 3, 5, "CJM010", "x"))
    assert not list(VALIDATOR.iter_errors({"tool": "cjm", "version": "1.0", "command": "lint", "files_checked": 1,
                                           "summary": {"problems": 10, "error": 10, "warning": 0, "info": 0,
                                                       "files_with_problems": 1},
                                           "problems": [problem_json(note)]}))  # fmt: skip


# --- registries -------------------------------------------------------------------------------------------------


def _shout(value: str, stream, *, color: bool) -> None:
    stream.write(value.upper() + ("!" if color else ""))


def test_a_registry_picks_by_name_and_suffix_and_refuses_the_rest():
    registry = Registry(
        "shout", Format("shout", "in capitals", _shout, (".txt",)), Format("lazy", "by name", "io:open")
    )
    stream = io.StringIO()
    registry.named("shout").write("ジャーニー map", stream, color=True)
    assert stream.getvalue() == "ジャーニー MAP!"
    assert registry.for_path("NOTES.TXT") is registry["shout"] and registry.for_path("notes") is None
    assert registry["lazy"].load() is open and list(registry) == ["shout", "lazy"]
    with pytest.raises(CjmError, match=re.escape("unknown format 'loud'; choose one of: shout, lazy")):
        registry.named("loud")
    with pytest.raises(ValueError, match="two shout formats"):
        Registry("shout", Format("a", "", _shout), Format("a", "", _shout))


@pytest.mark.parametrize("registry", [FINDINGS_FORMATS, STATISTICS_FORMATS, RULE_LIST_FORMATS], ids=repr)
def test_every_writer_of_a_registry_can_be_loaded(registry: Registry):
    assert all(callable(registry[name].load()) for name in registry)


def test_report_suffixes_agree_with_the_formats_that_claim_them():
    claimed = {suffix: f.name for f in FINDINGS_FORMATS.values() for suffix in f.suffixes}
    assert claimed and all(REPORT_SUFFIXES[suffix] == name for suffix, name in claimed.items())
    assert FINDINGS_FORMATS.for_path("out/CJM.SARIF").name == "sarif" and FINDINGS_FORMATS.for_path("x.log") is None


@pytest.mark.parametrize("command, registry", [("validate", FINDINGS_FORMATS), ("lint", FINDINGS_FORMATS),
                                               ("rules", RULE_LIST_FORMATS)])  # fmt: skip
def test_format_help_and_errors_list_the_registry(command, registry):
    assert registry.names in " ".join(cli(command, "--help").stdout.split())
    refused = cli(command, *(["samples"] if command != "rules" else []), "--format", "nope")
    assert refused.returncode == 2 and f"choose one of: {registry.names}" in refused.stderr


# --- plain text without a terminal ------------------------------------------------------------------------------

texts = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(file=texts, message=texts, line=st.integers(1, 10**6), severity=st.sampled_from(list(Severity)))
def test_plain_lines_are_the_bytes_rich_writes_without_colour(file, message, line, severity):
    problem = Problem(file or "m.yaml", line, 1, "CJM010", message, severity=severity)
    drawn = io.StringIO()
    console_for(drawn, color=False).print(styled_line(problem), soft_wrap=True)
    assert drawn.getvalue() == problem_line(problem) + "\n"


def test_an_uncoloured_report_is_written_at_once(tmp_path: Path):
    """Into a file the text report is one write of every line and the summary, not one write per line."""
    findings = Findings("validate", files=["マップ.yaml"])
    findings.problems = [Problem("マップ.yaml", n, 1, "CJM010", f"unknown key `{n}`") for n in range(1, 1001)]

    class Counting(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            Counting.writes += 1
            return super().write(text)

    stream = Counting()
    FINDINGS_FORMATS["text"].write(findings, stream, color=False)
    lines = stream.getvalue().splitlines()
    assert Counting.writes == 1 and len(lines) == 1001 and lines[0] == "マップ.yaml:1:1: CJM010 [error] unknown key `1`"


# --- a run is a library call ------------------------------------------------------------------------------------


def test_a_run_writes_its_reports_and_returns_the_exit_code(tmp_path: Path, capsys):
    from cjm.lint.rule_settings import Overrides
    from cjm.output.findings.linting import lint_run
    from cjm.output.findings.runs import Reporting, validate_run

    sarif, counted = tmp_path / "cjm.sarif", tmp_path / "counts.json"
    reporting = Reporting(format="json", output=str(counted), also=(f"sarif:{sarif}",), statistics=True, jobs=1)
    assert validate_run([CYCLE, APPAREL], reporting) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(counted.read_text(encoding="utf-8"))["statistics"][0]["code"] == "CJM022"
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == 1
    assert validate_run([CYCLE], Reporting(exit_zero=True, quiet=True)) == 0
    assert capsys.readouterr().out.startswith(f"{CYCLE}:17:18: CJM022 [error] dependency cycle")
    assert lint_run([APPAREL], Overrides(), Reporting(format="json"), fix=False, diff=False) == 0
    assert json.loads(capsys.readouterr().out)["command"] == "lint"
