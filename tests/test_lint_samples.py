"""The samples are lint-clean under the default configuration, and the deliberately poor map trips many rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.io.config import Config
from cjm.lint.engine import lint_result
from cjm.lint.rule_settings import build_settings
from cjm.validation.check import check_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
POOR = ROOT / "samples" / "invalid" / "poor-map.yaml"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_is_lint_clean(path: Path) -> None:
    report = lint_result(check_file(str(path)), build_settings(Config()))
    assert report.problems == [], "\n".join(f"{p.line}:{p.col}: {p.code} {p.message}" for p in report.problems)


def test_the_poor_map_is_valid_but_trips_rules_of_every_family() -> None:
    result = check_file(str(POOR))
    assert result.problems == [] and result.journey is not None
    codes = {p.code for p in lint_result(result, build_settings(Config())).problems}
    assert len(codes) >= 25
    assert {code[:4] for code in codes} == {f"CJM{digit}" for digit in range(1, 10)}
