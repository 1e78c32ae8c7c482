from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The public YAML test suite's inputs (MIT, see its LICENSE), vendored so the tests are self-contained.
CORPUS = ROOT / "tests" / "data" / "yaml-test-suite"

MINIMAL_MAP = """\
cjm: 1
id: tiny
title: Tiny map
phases:
  - id: awareness
    name: 認知
    kind: awareness
"""


def run_cjm(
    *args: str,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
    limit_memory: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a child process, as a user or CI would (so tracebacks and signals show)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR")}
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(ROOT)

    def cap_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB: "bounded memory"

    proc = subprocess.run(
        [sys.executable, "-m", "cjm", *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        cwd=cwd or ROOT,
        env=full_env,
        preexec_fn=cap_memory if limit_memory else None,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


def assert_clean_exit(proc: subprocess.CompletedProcess[str], allowed: tuple[int, ...] = (0, 1, 2)) -> None:
    """An expected exit code, and no crash: neither a traceback nor the "internal error" line that replaces one."""
    assert proc.returncode in allowed, (proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert "internal error" not in proc.stderr, proc.stderr[-3000:]


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `cjm` in this process (fast), the way `main()` runs it: same output, messages and exit codes. An internal
    error is raised, not turned into a message (CJM_DEBUG), so a crash fails the test that met it."""
    from cjm.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.get(k) for k in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CJM_DEBUG", *(env or {}))}
    old_cwd, old_argv = os.getcwd(), sys.argv
    try:
        for key in saved:
            os.environ.pop(key, None)
        os.environ.update({"CJM_DEBUG": "1", **(env or {})})
        os.chdir(cwd or ROOT)
        sys.argv = ["cjm", *args]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 0
    finally:
        os.chdir(old_cwd)
        sys.argv = old_argv
        for key, value in saved.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@pytest.fixture
def write_map(tmp_path: Path):
    def write(text: str | bytes, name: str = "map.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write
