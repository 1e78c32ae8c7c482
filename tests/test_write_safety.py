"""Writes to a user's files: atomic, permission-keeping, never over an input unless asked, never through a
symbolic link out of the working folder, and the original untouched when anything fails midway."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from cjm.io.safe_write import NO_INPUTS, atomic_writer

from .conftest import ROOT, cli

SAMPLE = ROOT / "samples" / "apparel-working-mother.yaml"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "map.yaml"
    shutil.copyfile(SAMPLE, path)
    return path


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{map}", "-o", "{map}"],
        ["validate", "{map}", "--output-format", "sarif:{map}"],
        ["lint", "{map}", "-o", "{map}"],
        ["prioritise", "{map}", "-o", "{map}"],
        ["adapt", "{map}", "--rule", "repeat-purchase", "-o", "{map}"],
        ["split", "{map}", "consideration", "--into", "a,b", "-o", "{map}"],
    ],
)
def test_no_command_writes_over_its_input_unless_asked(work, args):
    before = work.read_bytes()
    proc = cli(*[a.format(map=work) for a in args], cwd=work.parent)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "refusing to overwrite" in proc.stderr
    assert work.read_bytes() == before
    assert leftovers(work.parent) == []


def test_in_place_keeps_permissions_and_comments(work):
    os.chmod(work, 0o640)
    comments = [line for line in work.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
    proc = cli("adapt", str(work), "--rule", "repeat-purchase", "--in-place", cwd=work.parent)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(work.stat().st_mode) == 0o640
    text = work.read_text(encoding="utf-8")
    assert "repeat-purchase" in text
    assert all(comment in text for comment in comments)


def test_a_failed_rename_leaves_the_original_and_no_temporary_file(work, monkeypatch):
    before = work.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    proc = cli("adapt", str(work), "--rule", "repeat-purchase", "--in-place", cwd=work.parent)
    assert proc.returncode == 2
    assert "could not be written (No space left on device); the file is as it was before" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert work.read_bytes() == before
    assert leftovers(work.parent) == []


def test_a_failure_while_writing_leaves_the_original(tmp_path):
    target = tmp_path / "keep.yaml"
    target.write_text("original\n")
    with pytest.raises(RuntimeError), atomic_writer(str(target), NO_INPUTS) as handle:
        handle.write("half of the new")
        raise RuntimeError("the producer failed midway")
    assert target.read_text() == "original\n"
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_out_of_the_working_folder_is_not_followed(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    inside = tmp_path / "work"
    outside.mkdir()
    inside.mkdir()
    real = outside / "map.yaml"
    shutil.copyfile(SAMPLE, real)
    (inside / "map.yaml").symlink_to(real)
    before = real.read_bytes()
    proc = cli("adapt", "map.yaml", "--rule", "repeat-purchase", "--in-place", cwd=inside)
    assert proc.returncode == 2
    assert "symbolic link" in proc.stderr and "outside the working folder" in proc.stderr
    assert real.read_bytes() == before
