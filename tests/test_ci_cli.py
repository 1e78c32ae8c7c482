"""cjm as a CI job runs it: a real process, GitHub Actions' environment, several reports at once, and a progress
bar that only a person at a terminal ever sees."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys

from cjm.output.progress import MIN_FILES, tracked, wants_progress

from .conftest import ROOT, assert_clean_exit, run_cjm

VALID = "cjm: 1\nid: m{n}\ntitle: 地図 {n}\nphases: [{{id: p, name: 認知, kind: awareness}}]\n"


def test_github_actions_job_gets_annotations_and_a_sarif_file(tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "ok.yaml").write_text(VALID.format(n=1), encoding="utf-8")
    (tmp_path / "maps" / "bad.yaml").write_text(VALID.format(n=2).replace("awareness", "awarenes"), encoding="utf-8")
    done = run_cjm(
        "validate",
        "maps",
        "--output-format",
        "sarif:cjm.sarif",
        "--output-format",
        "junit:cjm.xml",
        cwd=tmp_path,
        env={"GITHUB_ACTIONS": "true", "CI": "true"},
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=maps/bad.yaml,line=4,col=")
    assert done.stderr == ""  # no progress, no colour, nothing else
    sarif = json.loads((tmp_path / "cjm.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["CJM010"]
    assert "<testsuites" in (tmp_path / "cjm.xml").read_text(encoding="utf-8")


def test_usage_errors_say_what_to_do_without_a_traceback(tmp_path):
    done = run_cjm("validate", ".", "--output-format", "sarif", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("cjm: error: --output-format 'sarif' needs FORMAT:FILE")
    assert_clean_exit(done, (2,))


def test_no_progress_when_piped_even_for_many_files(tmp_path):
    for n in range(MIN_FILES + 5):
        (tmp_path / f"m{n:03}.yaml").write_text(VALID.format(n=n), encoding="utf-8")
    done = run_cjm("validate", ".", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == f"{MIN_FILES + 5} files checked: no problems found.\n"


def test_progress_on_a_terminal_for_many_files(tmp_path):
    for n in range(MIN_FILES + 5):
        (tmp_path / f"m{n:03}.yaml").write_text(VALID.format(n=n), encoding="utf-8")
    controller, terminal = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    environment.update(PYTHONPATH=str(ROOT), TERM="xterm", COLUMNS="100")
    process = subprocess.Popen(
        [sys.executable, "-m", "cjm", "validate", "."],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
    )
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    stdout, _ = process.communicate(timeout=60)
    os.close(controller)
    assert process.returncode == 0
    assert b"Validating" in seen and f"/{MIN_FILES + 5}".encode() in seen
    assert stdout.decode() == f"{MIN_FILES + 5} files checked: no problems found.\n"  # the report is untouched


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_only_for_people_at_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wants_progress(FakeTerminal(), MIN_FILES)
    assert not wants_progress(FakeTerminal(), MIN_FILES - 1)  # a short run
    assert not wants_progress(io.StringIO(), 10_000)  # piped
    monkeypatch.setenv("CI", "true")
    assert not wants_progress(FakeTerminal(), 10_000)  # CI, even with a terminal
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not wants_progress(FakeTerminal(), 10_000)


def test_tracked_yields_every_item_in_order(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    items = [f"maps/[bold]{n}.yaml" for n in range(MIN_FILES + 1)]
    stream = FakeTerminal()
    assert list(tracked(items, "Validating", stream=stream)) == items
    assert "Validating" in stream.getvalue()
    assert list(tracked(items[:3], "Validating", stream=stream)) == items[:3]
