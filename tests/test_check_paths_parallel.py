"""Many files on several processes: the same results, in the same order, as one process gives."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import generate_map
from cjm.core.errors import CjmError
from cjm.validation.check import MIN_FILES_PER_JOB, _workers, check_paths

from .conftest import assert_clean_exit, cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Valid maps with broken ones among them: bad YAML, a schema error, a dangling reference."""
    root = tmp_path_factory.mktemp("maps")
    for index in range(40):
        (root / f"m{index:02d}.yaml").write_text(generate_map(11, index), encoding="utf-8")
    (root / "m05.yaml").write_text("cjm: 1\nid: [\n", encoding="utf-8")
    (root / "m17.yaml").write_text(generate_map(11, 17).replace("kind: purchase", "kind: purchse"), encoding="utf-8")
    (root / "m31.yaml").write_text(generate_map(11, 31).replace("phase: ", "phase: nowhere-", 1), encoding="utf-8")
    return root


def _summary(results: list) -> list[tuple]:
    return [(r.source, r.unreadable, [(p.line, p.col, p.code, p.message) for p in r.problems]) for r in results]


def test_pool_gives_what_one_process_gives(folder: Path) -> None:
    paths = [str(folder), str(folder / "missing.yaml")]
    serial = list(check_paths(paths, keep=False, jobs=1))
    pooled = list(check_paths(paths, keep=False, jobs=2))
    assert _summary(pooled) == _summary(serial)
    assert [r.source for r in serial] == sorted(str(p) for p in folder.glob("*.yaml")) + [str(folder / "missing.yaml")]
    codes = {Path(r.source).name: {p.code for p in r.problems} for r in serial}
    assert codes["m05.yaml"] == {"CJM001"} and codes["m17.yaml"] == {"CJM010"} and codes["m31.yaml"] == {"CJM021"}
    assert serial[-1].unreadable


def test_results_keep_their_documents_only_when_asked(folder: Path) -> None:
    kept = list(check_paths([str(folder / "m00.yaml")]))
    assert kept[0].journey is not None and kept[0].document is not None
    light = list(check_paths([str(folder / "m00.yaml")], keep=False))
    assert light[0].journey is None and light[0].document is None


def test_problems_cross_processes_intact(folder: Path) -> None:
    problems = [p for r in check_paths([str(folder)], keep=False, jobs=1) for p in r.problems]
    assert problems
    copied = pickle.loads(pickle.dumps(problems))
    assert copied == problems
    assert [(p.severity, p.path, p.rule) for p in copied] == [(p.severity, p.path, p.rule) for p in problems]


def test_a_pool_only_when_it_pays() -> None:
    assert _workers(MIN_FILES_PER_JOB - 1, None, False) == 1
    assert _workers(10_000, None, False) >= 1
    assert _workers(10_000, 3, False) == 3
    assert _workers(10_000, None, True) == 1  # standard input is read here, once
    with pytest.raises(CjmError):
        _workers(10, -1, False)


def test_cli_jobs_option_and_environment(folder: Path) -> None:
    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        import os

        return subprocess.run(
            [sys.executable, "-m", "cjm", "validate", *args, str(folder)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1", **(env or {})},
        )

    one, two, from_env = run("--jobs", "1"), run("-j", "2"), run(env={"CJM_JOBS": "2"})
    assert one.returncode == two.returncode == from_env.returncode == 1
    assert one.stdout == two.stdout == from_env.stdout
    bad = run("--jobs", "-1")
    assert_clean_exit(bad, (2,))


def test_never_more_workers_than_files() -> None:
    assert _workers(3, 8, False) == 3
    assert _workers(1, 8, False) == 1
    assert _workers(0, 8, False) == 1


def test_lint_in_a_pool_reports_what_lint_in_one_process_reports(folder: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        import os

        return subprocess.run(
            [sys.executable, "-m", "cjm", "lint", str(folder), "--format", "json", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        )

    one, two = run("--jobs", "1"), run("-j", "2")
    assert_clean_exit(one, (1,))
    assert one.returncode == two.returncode and one.stdout == two.stdout


def test_lint_jobs_never_start_more_workers_than_files(monkeypatch) -> None:
    import cjm.validation.check

    started = []
    real = cjm.validation.check._pool_map

    def counting(work, files, workers):
        started.append(workers)
        return real(work, files, workers)

    monkeypatch.setattr(cjm.validation.check, "_pool_map", counting)
    sample = str(ROOT / "samples" / "apparel-working-mother.yaml")
    gift = str(ROOT / "samples" / "gift-sweets.yaml")
    assert cli("lint", sample, gift, "--jobs", "16").returncode in (0, 1)
    assert started == [2]
