"""No command writes over a file it reads, under any --jobs, any output option and any spelling of the path: the
files a run reads are a value known before any output is opened, compared by file identity."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cjm.io.safe_write import Inputs

from .conftest import ROOT, assert_clean_exit, cli, run_cjm

SAMPLE = ROOT / "samples" / "apparel-working-mother.yaml"
TEA = ROOT / "samples" / "gift-sweets.yaml"
SPELLINGS = ["maps/m1.yaml", "./maps/m1.yaml", "{abs}/maps/m1.yaml", "maps/../maps/m1.yaml", "link.yaml", "hard.yaml"]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "maps").mkdir()
    for n in range(1, 5):
        shutil.copyfile(SAMPLE if n % 2 else TEA, tmp_path / "maps" / f"m{n}.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "maps" / "m1.yaml")
    os.link(tmp_path / "maps" / "m1.yaml", tmp_path / "hard.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.cjm.lint]\nignore = ["CJM903"]\n', encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


COMMANDS = {
    "validate -o": ["validate", "maps", "--jobs", "2", "-o", "{out}"],
    "validate --output-format": ["validate", "maps", "--jobs", "2", "--output-format", "sarif:{out}"],
    "lint -o": ["lint", "maps", "--jobs", "2", "-o", "{out}"],
    "lint --output-format": ["lint", "maps", "--jobs", "2", "--output-format", "json:{out}"],
    "prioritise -o": ["prioritise", "maps", "-o", "{out}"],
    "render -o": ["render", "maps/m1.yaml", "--format", "dot", "-o", "{out}"],
    "report -o": ["report", "maps/m1.yaml", "--format", "markdown", "-o", "{out}"],
    "adapt -o": ["adapt", "maps/m1.yaml", "--rule", "repeat-purchase", "-o", "{out}"],
    "split -o": ["split", "maps/m1.yaml", "consideration", "--into", "a,b", "-o", "{out}"],
    "merge -o": ["merge", "maps/m1.yaml", "interest", "consideration", "--into", "c", "-o", "{out}"],
    "diff -o": ["diff", "maps/m1.yaml", "maps/m3.yaml", "-o", "{out}"],
    "diff --output-format": ["diff", "maps/m3.yaml", "maps/m1.yaml", "--output-format", "json:{out}"],
}


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("command", COMMANDS)
def test_no_command_writes_over_an_input_map(work, command, spelling):
    before = snapshot(work)
    out = spelling.format(abs=work)
    proc = cli(*[a.format(out=out) for a in COMMANDS[command]], cwd=work)
    assert proc.returncode == 2, (proc.stdout[-500:], proc.stderr[-500:])
    assert "refusing to overwrite" in proc.stderr, proc.stderr
    assert snapshot(work) == before


@pytest.mark.parametrize("command", ["validate -o", "lint -o", "prioritise -o", "adapt -o", "diff -o"])
def test_no_command_writes_over_its_configuration(work, command):
    before = snapshot(work)
    proc = cli(*[a.format(out="pyproject.toml") for a in COMMANDS[command]], cwd=work)
    assert proc.returncode == 2 and "refusing to overwrite" in proc.stderr, proc.stderr
    assert snapshot(work) == before


def test_validate_in_a_real_pool_of_many_maps_keeps_every_map(tmp_path):
    # The reported case: with 64 maps and no --jobs, a pool checks them; the guard must still hold.
    (tmp_path / "maps").mkdir()
    for n in range(70):
        shutil.copyfile(SAMPLE, tmp_path / "maps" / f"m{n}.yaml")
    before = snapshot(tmp_path)
    for jobs in ([], ["--jobs", "2"]):
        proc = run_cjm("validate", "maps", *jobs, "-o", "maps/m1.yaml", cwd=tmp_path)
        assert_clean_exit(proc, (2,))
        assert "refusing to overwrite" in proc.stderr
    assert snapshot(tmp_path) == before


def test_render_to_a_folder_never_writes_over_an_input(work):
    (work / "maps" / "m1.dot").symlink_to(work / "maps" / "m2.yaml")  # a planned output that is an input
    before = snapshot(work)
    proc = cli("render", "maps", "--format", "dot", "-o", "maps/", cwd=work)
    assert proc.returncode == 2 and "refusing to overwrite" in proc.stderr, proc.stderr
    assert snapshot(work) == before


def test_diff_git_never_writes_over_a_changed_map(work):
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=work, check=True, capture_output=True
        )

    git("init", "-q")
    git("add", "maps")
    git("commit", "-qm", "one")
    (work / "maps" / "m1.yaml").write_text(
        SAMPLE.read_text(encoding="utf-8").replace("title:", "title: x", 1), encoding="utf-8"
    )
    before = snapshot(work)
    proc = cli("diff", "--git", "HEAD", "-o", "./maps/m1.yaml", cwd=work)
    assert proc.returncode == 2 and "refusing to overwrite" in proc.stderr, proc.stderr
    assert snapshot(work) == before


def test_the_inputs_are_a_value_compared_by_identity(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text("x")
    (tmp_path / "link.yaml").symlink_to(real)
    os.link(real, tmp_path / "hard.yaml")
    inputs = Inputs.of([str(real)])
    for spelling in (real, tmp_path / "link.yaml", tmp_path / "hard.yaml", tmp_path / "." / "real.yaml"):
        assert str(spelling) in inputs
    assert str(tmp_path / "other.yaml") not in inputs
    assert str(real) not in Inputs.of([])
    assert str(real) in Inputs.of([str(tmp_path / "gone.yaml")]) | inputs
