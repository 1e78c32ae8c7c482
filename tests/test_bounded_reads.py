"""Every file cjm reads goes through one bounded reader: a device, a pipe or a huge file is a clear, located
error naming the file (and the limit), never a read until memory runs out or a hang."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from cjm.core.errors import CjmError
from cjm.io.files import ReadError, read_bytes, read_stream

from .conftest import MINIMAL_MAP, ROOT, assert_clean_exit, cli, run_cjm

SAMPLE = ROOT / "samples" / "apparel-working-mother.yaml"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=cwd, check=True, capture_output=True
    )


def test_the_reader_refuses_a_device_a_pipe_and_a_file_over_the_limit(tmp_path):
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "big.yaml").write_bytes(b"x" * 101)
    with pytest.raises(ReadError, match=r"zero\.yaml: is not a regular file"):
        read_bytes(str(tmp_path / "zero.yaml"))
    with pytest.raises(ReadError, match=r"pipe\.yaml: is not a regular file"):  # and it does not wait for a writer
        read_bytes(str(tmp_path / "pipe.yaml"))
    with pytest.raises(ReadError, match=r"big\.yaml: is over the 100 bytes limit"):
        read_bytes(str(tmp_path / "big.yaml"), 100)
    assert read_bytes(str(tmp_path / "big.yaml"), 101) == b"x" * 101
    assert isinstance(ReadError("x", "y"), CjmError)


def test_a_stream_is_read_up_to_the_limit_only():
    endless = io.BufferedReader(io.FileIO("/dev/zero"))
    with pytest.raises(ReadError, match=r"<stdin>: is over the 1 MB limit"):
        read_stream(endless, "<stdin>", 1 << 20)
    assert read_stream(io.BytesIO(b"abc"), "<stdin>", 3) == b"abc"


@pytest.mark.parametrize(
    "command",
    [["validate"], ["lint"], ["prioritise"], ["render", "--format", "dot"], ["adapt", "--rule", "gift"], ["report"]],
)
def test_a_map_that_is_a_device_or_a_pipe_is_a_located_problem(tmp_path, command):
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.yaml")
    for name in ("zero.yaml", "pipe.yaml"):
        proc = run_cjm(command[0], str(tmp_path / name), *command[1:], timeout=20, limit_memory=True)
        assert_clean_exit(proc, (2,))
        assert f"{name}" in proc.stderr + proc.stdout and "not a regular file" in proc.stderr + proc.stdout


def test_a_folder_with_a_pipe_named_like_a_map_does_not_hang(tmp_path):
    (tmp_path / "ok.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    proc = run_cjm("validate", str(tmp_path), timeout=20)
    assert_clean_exit(proc, (2,))
    assert "pipe.yaml:1:1: CJM000 [error] is not a regular file" in proc.stdout


def test_diff_git_with_a_committed_link_to_dev_zero_is_bounded(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "map.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one")
    (tmp_path / "map.yaml").unlink()
    (tmp_path / "map.yaml").symlink_to("/dev/zero")
    (tmp_path / "zero.yml").symlink_to("/dev/zero")
    git(tmp_path, "add", ".")
    proc = run_cjm("diff", "--git", "HEAD", cwd=tmp_path, timeout=30, limit_memory=True)
    assert_clean_exit(proc, (2,))
    assert "map.yaml" in proc.stderr and "not a regular file" in proc.stderr


def test_adapt_with_a_device_in_its_rules_folder_is_bounded(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "map.yaml").write_bytes(SAMPLE.read_bytes())
    proc = run_cjm(
        "adapt", "map.yaml", "--rules", "rules", "--rule", "gift", cwd=tmp_path, timeout=20, limit_memory=True
    )
    assert_clean_exit(proc, (2,))
    assert "rules/zero.yaml:1:1: CJM000 [error] is not a regular file" in proc.stderr


@pytest.mark.parametrize("name", ["pyproject.toml", ".cjm.yaml"])
def test_a_configuration_file_that_is_a_device_is_a_clear_error(tmp_path, name):
    (tmp_path / name).symlink_to("/dev/zero")
    (tmp_path / "map.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    proc = run_cjm("lint", "map.yaml", cwd=tmp_path, timeout=20, limit_memory=True)
    assert_clean_exit(proc, (2,))
    assert f"{name}: is not a regular file" in proc.stderr


def test_a_configuration_file_over_the_limit_is_a_clear_error(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"#" * (9 << 20))
    (tmp_path / "map.yaml").write_text(MINIMAL_MAP, encoding="utf-8")
    proc = cli("validate", "map.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "pyproject.toml: is over the 8 MB limit" in proc.stderr


def test_standard_input_over_the_limit_is_a_located_problem(monkeypatch):
    class Stdin:
        buffer = io.BufferedReader(io.FileIO("/dev/zero"))

    monkeypatch.setattr("sys.stdin", Stdin)
    proc = cli("validate", "-")
    assert proc.returncode == 1 and "<stdin>:1:1: CJM004" in proc.stdout and "8 MB" in proc.stdout
