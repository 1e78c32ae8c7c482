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
