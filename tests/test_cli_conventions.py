"""Options users bring from ruff and yamllint: --quiet, --exit-zero, --exclude, --config, --isolated,
--stdin-filename, --color."""

from __future__ import annotations

import shutil

import pytest

from .conftest import MINIMAL_MAP, ROOT, cli

POOR = ROOT / "samples" / "invalid" / "poor-map.yaml"
SAMPLE = ROOT / "samples" / "apparel-working-mother.yaml"
BROKEN = MINIMAL_MAP.replace("kind: awareness", "kind: awarenes")


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_quiet_prints_the_problems_and_nothing_else(tmp_path, command):
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    loud = cli(command, "bad.yaml", cwd=tmp_path)
    quiet = cli(command, "bad.yaml", "--quiet", cwd=tmp_path)
    assert quiet.returncode == loud.returncode == 1
    assert quiet.stdout.splitlines() == loud.stdout.splitlines()[:-1] and quiet.stdout.startswith("bad.yaml:")
    if command == "validate":
        assert cli("validate", "ok.yaml", "-q", cwd=tmp_path).stdout == ""


def test_quiet_fix_says_nothing_about_the_fixes(tmp_path):
    shutil.copyfile(POOR, tmp_path / "poor.yaml")
    assert "Fixed" in cli("lint", "poor.yaml", "--fix", cwd=tmp_path).stderr
    shutil.copyfile(POOR, tmp_path / "poor.yaml")
    proc = cli("lint", "poor.yaml", "--fix", "--quiet", cwd=tmp_path)
    assert proc.returncode in (0, 1) and "Fixed" not in proc.stderr + proc.stdout


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_exit_zero_reports_but_does_not_fail(tmp_path, command):
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    proc = cli(command, "bad.yaml", "--exit-zero", cwd=tmp_path)
    assert proc.returncode == 0 and "bad.yaml:" in proc.stdout
    assert cli(command, "missing.yaml", "--exit-zero", cwd=tmp_path).returncode == 2  # unreadable input still fails


def _tree(tmp_path):
    (tmp_path / "maps" / "drafts").mkdir(parents=True)
    (tmp_path / "maps" / "a.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    (tmp_path / "maps" / "drafts" / "b.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "maps" / "old.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_exclude_and_extend_exclude_on_the_command_line(tmp_path):
    _tree(tmp_path)
    (tmp_path / ".cjm.yaml").write_text('exclude: ["old.yaml"]\n', encoding="utf-8")
    assert "old.yaml" not in cli("validate", "maps", cwd=tmp_path).stdout
    extended = cli("validate", "maps", "--extend-exclude", "drafts", cwd=tmp_path)
    assert extended.returncode == 0 and extended.stdout == "1 file checked: no problems found.\n"
    replaced = cli("validate", "maps", "--exclude", "drafts", cwd=tmp_path)  # the configured old.yaml is back
    assert "old.yaml" in replaced.stdout and "drafts" not in replaced.stdout
    for command in ("lint", "prioritise"):
        proc = cli(command, "maps", "--exclude", "drafts", "--exclude", "old.yaml", cwd=tmp_path)
        assert "drafts" not in proc.stdout + proc.stderr and "old.yaml" not in proc.stdout + proc.stderr
    assert "b.yaml" in cli("validate", "maps/drafts/b.yaml", "--exclude", "drafts", cwd=tmp_path).stdout  # named


def test_gitignore_is_respected_when_searching_folders(tmp_path):
    import subprocess

    _tree(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("drafts/\nold.yaml\n", encoding="utf-8")
    proc = cli("validate", ".", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "1 file checked: no problems found.\n", proc.stdout


def test_cjm_and_pre_commit_configuration_are_not_maps(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    (tmp_path / ".cjm.yaml").write_text("lint:\n  strict: false\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    proc = cli("validate", ".", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "1 file checked: no problems found.\n", proc.stdout


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        ("tool = 1\n", "pyproject.toml:1:1", "`tool` must be a table"),
        ("[tool]\ncjm = 1\n", "pyproject.toml:2:1", "`[tool.cjm]` must be a table"),
        ("[tool.cjm.lint.rules.CJM402]\ndrop = nan\n", "pyproject.toml:2:1", "must be a finite number"),
        ("[tool.cjm.lint.rules.CJM402]\ndrop = inf\n", "pyproject.toml:2:1", "must be a finite number"),
    ],
)
def test_a_bad_configuration_value_is_a_located_error(tmp_path, body, where, says):
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    shutil.copyfile(SAMPLE, tmp_path / "m.yaml")
    for command in ("validate", "lint", "prioritise"):
        proc = cli(command, "m.yaml", cwd=tmp_path)
        if command != "lint" and "lint" in body:
            continue
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert where in proc.stderr and says in proc.stderr, proc.stderr


def _stdin(monkeypatch, text: str) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_stdin_filename_names_the_problems(tmp_path, monkeypatch):
    _stdin(monkeypatch, BROKEN)
    proc = cli("validate", "-", "--stdin-filename", "maps/new.yaml", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith("maps/new.yaml:7:11: CJM010 "), proc.stdout


def test_stdin_filename_finds_the_configuration_of_that_file(tmp_path, monkeypatch):
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / ".cjm.yaml").write_text("lint:\n  select: [CJM2]\n", encoding="utf-8")
    _stdin(monkeypatch, POOR.read_text(encoding="utf-8"))
    proc = cli("lint", "-", "--stdin-filename", "team/poor.yaml", "--format", "json", cwd=tmp_path)
    import json

    problems = json.loads(proc.stdout)["problems"]
    assert problems and all(p["code"].startswith("CJM2") and p["file"] == "team/poor.yaml" for p in problems)


def test_validate_refuses_an_output_suffix_whose_format_it_does_not_write(tmp_path):
    proc = cli("validate", str(SAMPLE), "-o", "report.md", cwd=tmp_path)
    assert proc.returncode == 2 and "markdown" in proc.stderr and "--format" in proc.stderr
    assert not (tmp_path / "report.md").exists()
    assert cli("validate", str(SAMPLE), "-o", "report.md", "--format", "text", cwd=tmp_path).returncode == 0


def test_report_takes_md_like_an_md_file(tmp_path):
    proc = cli("report", str(SAMPLE), "--format", "md", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("#"), proc.stderr


def test_color_always_never_and_auto(tmp_path):
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    always = cli("--color", "always", "validate", "bad.yaml", cwd=tmp_path, env={"NO_COLOR": "1"})
    assert always.returncode == 1 and "\x1b[" in always.stdout
    never = cli("--color=never", "validate", "bad.yaml", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert never.returncode == 1 and "\x1b[" not in never.stdout and "bad.yaml:" in never.stdout
    assert "\x1b[" not in cli("validate", "bad.yaml", cwd=tmp_path).stdout  # auto: not a terminal
    wrong = cli("--color", "sometimes", "validate", "bad.yaml", cwd=tmp_path)
    assert wrong.returncode == 2 and "auto, always or never" in wrong.stderr


@pytest.mark.parametrize("template", ["standard", "b2b", "gift", "subscription", "omnichannel"])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_init_writes_a_schema_that_works_offline_and_a_map_yamllint_accepts(tmp_path, template, language):
    import json
    import subprocess
    import sys

    (tmp_path / "maps").mkdir()
    proc = cli("init", "maps/new.yaml", "--template", template, "--lang", language, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "maps" / "new.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["---", "# yaml-language-server: $schema=journey.schema.json"]
    schema = json.loads((tmp_path / "maps" / "journey.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    # yamllint's default configuration, the 80-column line length included.
    lint = subprocess.run(
        [sys.executable, "-m", "yamllint", "-f", "parsable", "-d", "default", "maps/new.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0 and lint.stdout == "", lint.stdout
    assert cli("validate", "maps/new.yaml", cwd=tmp_path).returncode == 0


def test_init_keeps_a_schema_file_that_is_there(tmp_path):
    (tmp_path / "journey.schema.json").write_text("{}", encoding="utf-8")
    assert cli("init", "a.yaml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "journey.schema.json").read_text(encoding="utf-8") == "{}"
