"""`cjm lint` and `cjm rules` as a user runs them: output, formats, exit codes, fixes, and errors without
tracebacks."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from typer.testing import CliRunner

from cjm.cli import app
from cjm.lint.rules import RULES
from tests.conftest import MINIMAL_MAP, assert_clean_exit, run_cjm

ROOT = Path(__file__).resolve().parent.parent
POOR = ROOT / "samples" / "invalid" / "poor-map.yaml"
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=input, env=ENV)


def test_the_samples_are_lint_clean() -> None:
    result = invoke("lint", str(ROOT / "samples"))
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output


def test_a_poor_map_trips_many_rules_with_located_lines() -> None:
    result = invoke("lint", str(POOR))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(POOR))]
    assert len({line.split()[1] for line in lines}) >= 20
    assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in lines)
    assert "'購入'" in result.output  # Japanese names shown as written


def test_json_output_carries_code_location_rule_and_documentation_link() -> None:
    result = invoke("lint", str(POOR), "--format", "json")
    document = json.loads(result.output)
    assert document["command"] == "lint"
    problems = document["problems"]
    assert problems and document["summary"]["problems"] == len(problems)
    for problem in problems:
        assert problem["code"] in RULES and problem["rule"] == RULES[problem["code"]].name
        assert problem["line"] >= 1 and problem["column"] >= 1
        assert problem["path"].startswith("$") or problem["code"] == "CJM100"  # a comment has no data path
        assert problem["url"].endswith(f"docs/rules.md#{problem['code'].lower()}")


def test_github_annotations() -> None:
    result = invoke("lint", str(POOR), "--format", "github", "--select", "CJM2")
    assert result.output.startswith("::error file=")
    assert "title=CJM201 ends-at-purchase::" in result.output


def test_warnings_fail_only_under_strict(write_map) -> None:  # type: ignore[no-untyped-def]
    path = str(write_map(MINIMAL_MAP))
    assert invoke("lint", path, "--select", "CJM101,CJM102").exit_code == 0
    assert invoke("lint", path, "--select", "CJM101", "--select", "CJM102", "--strict").exit_code == 1
    assert invoke("lint", path, "--select", "CJM1", "--ignore", "CJM101,CJM102,CJM103").exit_code == 0
    assert invoke("lint", path, "--select", "CJM201").exit_code == 1  # an error


def test_validation_problems_are_reported_and_stop_linting(write_map) -> None:  # type: ignore[no-untyped-def]
    path = str(write_map(MINIMAL_MAP.replace("kind: awareness", "kind: awarness")))
    result = invoke("lint", path)
    assert result.exit_code == 1
    assert "CJM010" in result.output and "CJM1" not in result.output.replace("CJM010", "")


def test_standard_input(write_map) -> None:  # type: ignore[no-untyped-def]
    result = invoke("lint", "-", "--select", "CJM201", input=MINIMAL_MAP)
    assert result.exit_code == 1 and result.output.startswith("<stdin>:4:1: CJM201")


def test_fix_writes_in_place_keeping_permissions(tmp_path: Path) -> None:
    path = tmp_path / "poor.yaml"
    path.write_text(POOR.read_text(encoding="utf-8"), encoding="utf-8")
    os.chmod(path, 0o640)
    result = invoke("lint", str(path), "--fix")
    assert "Fixed 3 problems in 1 file." in result.output
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    text = path.read_text(encoding="utf-8")
    assert "id: main-customer" in text and "# A deliberately poor map" in text
    assert "CJM105" not in result.output and "CJM108" not in result.output  # reported: only what is left
    assert invoke("lint", str(path), "--select", "CJM105,CJM108").exit_code == 0


def test_diff_previews_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "poor.yaml"
    original = POOR.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    result = invoke("lint", str(path), "--diff")
    assert result.exit_code == 1
    assert f"--- a/{path}" in result.output and "+  - id: main-customer" in result.output
    assert "Would fix 3 problems in 1 file." in result.output
    assert path.read_text(encoding="utf-8") == original
    clean = invoke("lint", str(ROOT / "samples" / "gift-sweets.yaml"), "--diff")
    assert clean.exit_code == 0 and "Nothing to fix." in clean.output


def test_rules_lists_every_rule_and_shows_one() -> None:
    listing = invoke("rules")
    assert listing.exit_code == 0
    assert sum(1 for code in RULES if f" {code} " in f" {listing.output} ") == len(RULES) >= 20
    one = invoke("rules", "ends-at-purchase")
    assert one.exit_code == 0
    assert one.output.startswith("# CJM201 `ends-at-purchase`") and "Fails:" in one.output and "Passes:" in one.output
    family = invoke("rules", "coverage")
    assert [code for code in RULES if code in family.output] == [c for c in RULES if c.startswith("CJM2")]
    for code in ("CJM110", "CJM111", "CJM205", "CJM404", "CJM506"):  # each new rule explains itself
        shown = invoke("rules", code)
        assert shown.exit_code == 0 and "Fails:" in shown.output and "Passes:" in shown.output
    listed = json.loads(invoke("rules", "--format", "json").output)
    assert listed["command"] == "rules" and [r["code"] for r in listed["rules"]] == list(RULES)
    [one] = json.loads(invoke("rules", "CJM402", "-f", "json").output)["rules"]
    assert one["options"]["drop"]["default"] == 2


def test_every_command_has_help_with_an_example() -> None:
    for command in ("lint", "rules"):
        result = invoke(command, "--help")
        assert result.exit_code == 0 and "Example: cjm " in result.output


def test_usage_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cjm.lint]\nslect = ["CJM1"]\n', encoding="utf-8")
    (tmp_path / "m.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    for args, expected in [
        (("lint", str(tmp_path / "m.yaml")), f"cjm: error: {tmp_path / 'pyproject.toml'}:2:1: unknown lint setting"),
        (("lint", str(POOR), "--select", "CJM99"), "cjm: error: --select: `CJM99` names no rule"),
        (("lint", "-", "--fix"), "cjm: error: --fix cannot write back to standard input"),
        (("rules", "kpi-without-targt"), "did you mean `kpi-without-target`?"),
        (("lint", str(tmp_path / "missing.yaml")), ""),
    ]:
        proc = run_cjm(*args, input=b"")
        assert_clean_exit(proc, (2,))
        assert expected in proc.stderr + proc.stdout


def test_colour_only_when_asked_and_never_with_no_color() -> None:
    coloured = run_cjm("lint", str(POOR), "--select", "CJM201", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout
    plain = run_cjm("lint", str(POOR), "--select", "CJM201", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
