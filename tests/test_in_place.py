"""In-place writes (adapt/split/merge --in-place, lint --fix) as a careful editor makes them: a file changed by
someone else since cjm read it is not overwritten, the owner, group and mode are kept, hard links and read-only
files are refused, and a writer that is killed leaves no temporary file behind."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, assert_clean_exit, cli, run_cjm

SAMPLE = ROOT / "samples" / "apparel-working-mother.yaml"
POOR = ROOT / "samples" / "invalid" / "poor-map.yaml"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    path = tmp_path / "map.yaml"
    shutil.copyfile(SAMPLE, path)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def edit_during_the_run(
    monkeypatch, module: str, name: str, path: Path, text: str, *, keep_times: bool = False
) -> None:
    """Make `module.name` (a step between reading and writing) also save `text` to `path`, as an editor would;
    `keep_times`: within the same clock tick, so that only the content tells the versions apart."""
    import importlib

    target = importlib.import_module(module)
    original = getattr(target, name)

    def and_an_editor_saves(*args, **kwargs):
        result = original(*args, **kwargs)
        before = path.stat()
        path.write_text(text, encoding="utf-8")
        if keep_times:
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        return result

    monkeypatch.setattr(target, name, and_an_editor_saves)


@pytest.mark.parametrize("same_size", [False, True])
def test_an_editors_save_during_adapt_is_kept(work, monkeypatch, same_size):
    original = work.read_text(encoding="utf-8")
    saved = original.replace("title:", "title:" if same_size else "title: (edited)", 1).replace("a", "b", 1)
    edit_during_the_run(monkeypatch, "cjm.output.adapting", "adapt_text", work, saved, keep_times=same_size)
    proc = cli("adapt", str(work), "--rule", "repeat-purchase", "--in-place")
    assert proc.returncode == 2, proc.stderr
    assert "changed since cjm read it" in proc.stderr and "nothing was written" in proc.stderr
    assert work.read_text(encoding="utf-8") == saved
    assert leftovers(work.parent) == []


def test_an_editors_save_during_lint_fix_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "poor.yaml"
    shutil.copyfile(POOR, path)
    saved = POOR.read_text(encoding="utf-8") + "# saved by an editor\n"
    edit_during_the_run(monkeypatch, "cjm.lint.engine", "lint_path", path, saved)
    proc = cli("lint", str(path), "--fix")
    assert proc.returncode == 2, proc.stderr
    assert "changed since cjm read it" in proc.stderr
    assert path.read_text(encoding="utf-8") == saved


def test_two_concurrent_in_place_adapts_never_lose_an_update(work):
    # Each round, two processes adapt the same file with different rules at once. Either both changes are in the
    # file, or one of them was refused (exit 2): never two successes with one change lost.
    for _ in range(6):
        shutil.copyfile(SAMPLE, work)
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "cjm", "adapt", str(work), "--rule", rule, "--in-place"],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for rule in ("repeat-purchase", "low-awareness")
        ]
        results = [(run.communicate(timeout=120)[1], run.returncode) for run in runs]
        codes = sorted(code for _, code in results)
        text = work.read_text(encoding="utf-8")
        assert codes in ([0, 0], [0, 2]), results
        if codes == [0, 0]:
            # What each rule adds: its phase (a rule's name need not appear in the map it changes).
            assert ("id: repeat-purchase" in text, "id: industry-awareness" in text) == (True, True), results
        else:
            assert "changed since cjm read it" in "".join(err for err, _ in results), results
        assert leftovers(work.parent) == []


def test_in_place_keeps_owner_group_and_mode(work):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(work, 1234, 5678)
    os.chmod(work, 0o640)
    proc = cli("adapt", str(work), "--rule", "repeat-purchase", "--in-place")
    assert proc.returncode == 0, proc.stderr
    info = work.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o640)
    assert "repeat-purchase" in work.read_text(encoding="utf-8")


def test_a_file_with_hard_links_is_refused_not_split_from_them(work):
    twin = work.parent / "twin.yaml"
    os.link(work, twin)
    before = work.read_bytes()
    proc = cli("adapt", str(work), "--rule", "repeat-purchase", "--in-place")
    assert proc.returncode == 2
    assert "hard link" in proc.stderr and "nothing was written" in proc.stderr
    assert work.read_bytes() == twin.read_bytes() == before and os.path.samefile(work, twin)


@pytest.mark.parametrize(
    "command", [["adapt", "{map}", "--rule", "repeat-purchase", "--in-place"], ["lint", "{map}", "--fix"]]
)
def test_a_read_only_file_is_refused(tmp_path, command):
    path = tmp_path / "map.yaml"
    shutil.copyfile(POOR if command[0] == "lint" else SAMPLE, path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    proc = cli(*[a.format(map=path) for a in command])
    assert proc.returncode == 2, proc.stderr
    assert "read-only" in proc.stderr and "nothing was written" in proc.stderr
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_temporary_file_that_cannot_be_made_is_a_clear_error(work, monkeypatch):
    import tempfile

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", no_space)
    before = work.read_bytes()
    proc = cli("adapt", str(work), "--rule", "repeat-purchase", "--in-place")
    assert proc.returncode == 2
    assert "could not create a temporary file" in proc.stderr and "No space left on device" in proc.stderr
    assert work.read_bytes() == before


# The writer handles the signals as a command started from a terminal does (SIGINT raises KeyboardInterrupt, the
# others have their default action): a suite run under nohup or as a background job would hand it SIGHUP or SIGINT
# ignored, which cjm rightly leaves ignored.
WRITER = """
import signal, sys, time
from cjm.io.safe_write import NO_INPUTS, atomic_writer
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGHUP, signal.SIG_DFL)
signal.signal(signal.SIGINT, signal.default_int_handler)
with atomic_writer(sys.argv[1], NO_INPUTS) as handle:
    handle.write("half of the new text")
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_killed_writer_leaves_no_temporary_file(tmp_path, signum):
    target = tmp_path / "keep.yaml"
    target.write_text("original\n")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout.readline() == "writing\n"
    assert len(leftovers(tmp_path)) == 1  # the temporary file exists while writing
    writer.send_signal(signum)
    code = writer.wait(20)
    writer.stdout.close()
    writer.stderr.close()
    assert code != 0
    assert leftovers(tmp_path) == []
    assert target.read_text() == "original\n"


def test_in_place_still_works_through_the_cli(work):
    proc = run_cjm("adapt", str(work), "--rule", "repeat-purchase", "--in-place")
    assert_clean_exit(proc, (0,))
    assert "repeat-purchase" in work.read_text(encoding="utf-8")
