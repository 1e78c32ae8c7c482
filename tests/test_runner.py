"""The test runners must see a crash: an internal error in a command fails the test that ran it."""

from __future__ import annotations

import pytest

from .conftest import ROOT, assert_clean_exit, cli, run_cjm

SAMPLE = str(ROOT / "samples" / "apparel-working-mother.yaml")


class InjectedCrash(RuntimeError):
    pass


def crash(*args, **kwargs):
    raise InjectedCrash("a bug injected into the lint entry point")


def test_the_in_process_runner_raises_an_internal_error(monkeypatch):
    import cjm.lint.engine

    monkeypatch.setattr(cjm.lint.engine, "lint_path", crash)
    with pytest.raises(InjectedCrash):
        cli("lint", SAMPLE)


def test_a_robustness_check_that_accepts_exit_2_still_fails_on_an_internal_error():
    # A crash in a child process ends as "internal error", exit 2, without a traceback: the check must see it.
    proc = run_cjm("lint", SAMPLE)
    crashed = proc.__class__(proc.args, 2, "", "cjm: internal error: InjectedCrash: boom. Run with --debug ...")
    with pytest.raises(AssertionError):
        assert_clean_exit(crashed)
    assert_clean_exit(proc)


def test_the_runner_still_reports_usage_errors_as_exit_2():
    proc = cli("validate", "--format", "nope", SAMPLE)
    assert proc.returncode == 2 and "unknown format 'nope'" in proc.stderr
