"""`cjm validate`, `cjm schema`, `cjm init` as a user and CI meet them: paths, formats, exit codes, colour."""

from __future__ import annotations

import json

import pytest

from cjm.cli.validate import TEMPLATES
from cjm.output.findings.github import escape_data, escape_property
from cjm.validation.schema import schema_text

from .conftest import MINIMAL_MAP, ROOT, assert_clean_exit, run_cjm

BROKEN = MINIMAL_MAP + "    emotion: {score: 7}\n"


def test_valid_map_exits_0_with_a_summary(write_map):
    proc = run_cjm("validate", str(write_map(MINIMAL_MAP)))
    assert proc.returncode == 0
    assert proc.stdout.strip() == "1 file checked: no problems found."


def test_problems_exit_1_with_file_line_col(write_map):
    path = write_map(BROKEN)
    proc = run_cjm("validate", str(path))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == f"{path}:8:22: CJM010 [error] emotion score 7 is outside -2..2 in phase 'awareness'"
    assert lines[-1] == "1 file checked: 1 problem (1 error) in 1 file."


def test_missing_file_exits_2_and_the_run_goes_on(write_map):
    good = write_map(MINIMAL_MAP)
    proc = run_cjm("validate", "does-not-exist.yaml", str(good))
    assert proc.returncode == 2
    assert "does-not-exist.yaml:1:1: CJM000 [error] no such file" in proc.stdout
    assert "2 files checked" in proc.stdout


def test_usage_error_exits_2():
    assert run_cjm("validate", "--format", "nope", "x.yaml").returncode == 2
    assert run_cjm("validate").returncode == 2


def test_directories_are_searched_recursively_and_globs_expand(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    (tmp_path / "a" / "two.yml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "a" / "notes.txt").write_text("not a map", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.yaml").write_text("broken: [", encoding="utf-8")
    proc = run_cjm("validate", str(tmp_path), "--format", "json")
    report = json.loads(proc.stdout)
    assert report["files_checked"] == 2
    assert [p["file"].rsplit("/", 1)[-1] for p in report["problems"]] == ["two.yml"]
    proc = run_cjm("validate", str(tmp_path / "a" / "*.yaml"))
    assert proc.returncode == 0 and "1 file checked" in proc.stdout


def test_stdin_is_read_with_dash():
    proc = run_cjm("validate", "-", input=BROKEN.encode())
    assert proc.returncode == 1
    assert proc.stdout.startswith("<stdin>:8:22: CJM010")


def test_json_format_is_stable_and_documented(write_map):
    proc = run_cjm("validate", str(write_map(BROKEN)), "--format", "json")
    report = json.loads(proc.stdout)
    assert set(report) == {"tool", "version", "command", "files_checked", "summary", "problems"}
    assert report["summary"] == {"problems": 1, "error": 1, "warning": 0, "info": 0, "files_with_problems": 1}
    (problem,) = report["problems"]
    assert problem["line"] == 8 and problem["column"] == 22
    assert problem["code"] == "CJM010" and problem["severity"] == "error"
    assert problem["path"] == "$.phases[0].emotion.score"
    assert problem["url"].endswith("docs/validation.md#cjm010")


def test_github_annotations_are_the_default_under_actions(write_map):
    proc = run_cjm("validate", str(write_map(BROKEN)), env={"GITHUB_ACTIONS": "true"})
    assert proc.stdout.startswith("::error file=")
    assert ",line=8,col=22,title=CJM010::emotion score 7" in proc.stdout


def test_github_annotations_cannot_be_forged():
    assert escape_data("a%b\r\n::error::x") == "a%25b%0D%0A::error::x"
    assert escape_property("f,i:le%\n") == "f%2Ci%3Ale%25%0A"


def test_text_from_a_map_cannot_drive_the_terminal(write_map):
    path = write_map(MINIMAL_MAP + '    emotion: {score: 1, "\\e[31mred": 1}\n')
    proc = run_cjm("validate", str(path), env={"FORCE_COLOR": "1"})
    assert "\x1b[31mred" not in proc.stdout
    assert "\\x1b[31mred" in proc.stdout


def test_colour_only_on_request_or_terminal(write_map):
    path = str(write_map(BROKEN))
    assert "\x1b[" not in run_cjm("validate", path).stdout
    assert "\x1b[" in run_cjm("validate", path, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run_cjm("validate", path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


def test_output_file_is_written(write_map, tmp_path):
    out = tmp_path / "report.json"
    proc = run_cjm("validate", str(write_map(BROKEN)), "-f", "json", "-o", str(out))
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(out.read_text())["summary"]["problems"] == 1


def test_schema_command_prints_the_published_schema():
    proc = run_cjm("schema")
    assert proc.returncode == 0
    assert proc.stdout == schema_text() == (ROOT / "schemas" / "journey.schema.json").read_text(encoding="utf-8")


def test_version():
    proc = run_cjm("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("cjm ")


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_init_writes_a_valid_map_with_the_schema_line(tmp_path, template, language):
    path = tmp_path / "new.yaml"
    proc = run_cjm("init", str(path), "--template", template, "--lang", language)
    assert proc.returncode == 0, proc.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=")
    assert run_cjm("validate", str(path)).returncode == 0
    lint = run_cjm("lint", str(path))
    assert lint.returncode == 0, lint.stdout  # only "fill this in" warnings: the template agrees with the rules
    if language == "ja":
        assert "認知" in text


def test_init_refuses_to_overwrite(write_map):
    path = write_map("keep me\n")
    proc = run_cjm("init", str(path))
    assert proc.returncode == 2
    assert "already exists" in proc.stderr
    assert path.read_text() == "keep me\n"


def test_broken_pipe_is_quiet(write_map, tmp_path):
    import subprocess
    import sys

    many = " ".join(str(write_map(BROKEN, f"m{i}.yaml")) for i in range(200))
    proc = subprocess.run(
        f"{sys.executable} -m cjm validate {many} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert len(proc.stdout.splitlines()) == 1
    assert not any(word in proc.stderr for word in ("Traceback", "BrokenPipeError", "internal error"))


def test_every_command_has_help_with_an_example():
    import typer.main

    from cjm.cli import app

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        proc = run_cjm(name, "--help")
        assert_clean_exit(proc, (0,))
        assert "Example" in (command.help or ""), f"cjm {name} --help has no example"
