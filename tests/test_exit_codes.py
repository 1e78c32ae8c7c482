"""Exit codes as documented: the README, `cjm --help` and every command's help say the same convention (yamllint's:
warnings exit 0 unless `lint --strict`), and the commands keep it."""

from __future__ import annotations

import re

import pytest

from cjm.cli import COMMANDS

from .conftest import ROOT, cli

WARNED = ROOT / "docs" / "example.yaml"  # one lint warning, no error
CLEAN = ROOT / "samples" / "apparel-working-mother.yaml"
BROKEN = ROOT / "samples" / "invalid" / "emotion-out-of-range.yaml"


def _readme_exit_codes() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return " ".join(re.search(r"^Exit codes, for every command:.*?(?=\n\n)", text, re.M | re.S).group().split())


def test_readme_states_the_convention_exactly():
    said = _readme_exit_codes()
    assert "warnings and notes are shown but exit 0 unless `cjm lint --strict`" in said
    assert "**1** errors found (with `--strict`, warnings too)" in said
    assert "nothing found" not in said


def test_cjm_help_states_it_too():
    said = " ".join(cli("--help").stdout.split())
    assert "warnings are shown but exit 0 unless `lint --strict`" in said
    assert "1 errors found (lint --strict: or warnings; diff: something changed)" in said


@pytest.mark.parametrize("name", [name for name, _, _ in COMMANDS])
def test_every_command_help_states_its_exit_codes(name):
    said = " ".join(cli(name, "--help").stdout.split())
    assert re.search(r"Exit codes: 0 \w", said), said[-400:]


def test_lint_warnings_exit_0_unless_strict():
    assert cli("lint", str(WARNED)).returncode == 0
    assert cli("lint", str(WARNED), "--strict").returncode == 1
    assert cli("lint", str(CLEAN), "--strict").returncode == 0


def test_validate_fails_on_errors_only():
    assert cli("validate", str(CLEAN), str(WARNED)).returncode == 0
    assert cli("validate", str(BROKEN)).returncode == 1
    assert cli("validate", str(ROOT / "no-such.yaml")).returncode == 2
