"""Every example shown in every `--help` runs as written, in a copy of this repository's samples, and none is
wrapped mid-word."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

from cjm.cli import COMMANDS

from .conftest import ROOT, cli

EXAMPLE = re.compile(r"^  Example: (cjm .*)$", re.M)


def examples() -> list[str]:
    found = []
    for name, _, _ in COMMANDS:
        proc = cli(name, "--help")
        assert proc.returncode == 0, proc.stderr
        found += EXAMPLE.findall(proc.stdout)
    return found


def test_every_command_shows_an_example():
    shown = {line.split()[1] for line in examples()}
    assert shown == {name for name, _, _ in COMMANDS}


def test_every_help_example_runs_as_written(tmp_path):
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    (tmp_path / "docs").mkdir()
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["commit", "-qm", "samples"],
        ["update-ref", "refs/remotes/origin/main", "HEAD"],
    ):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=tmp_path, check=True, capture_output=True
        )
    for line in examples():
        words = shlex.split(line)[1:]
        if ">" in words:  # a redirection: standard output is the file
            words = words[: words.index(">")]
        proc = cli(*words, cwd=tmp_path)
        assert proc.returncode in (0, 1), (line, proc.stdout[-500:], proc.stderr[-500:])
