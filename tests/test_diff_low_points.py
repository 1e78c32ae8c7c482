"""`cjm diff` reports a low point of the emotion curve that appeared, moved or vanished (per persona lane): the
first thing a client looks at on a map must not change silently, whatever an adapt run or a hand edit did."""

from __future__ import annotations

from cjm.diff.changes import low_point_changes
from cjm.validation.check import check_text

MAP = """\
cjm: 1
id: m
title: M
phases:
  - {{id: interest, name: Interest, kind: interest, emotion: {{score: {interest}}}}}
  - {{id: consideration, name: Consideration, kind: consideration, emotion: {{score: {consideration}}}}}
"""


def _journey(interest: float, consideration: float) -> object:
    journey = check_text(MAP.format(interest=interest, consideration=consideration), "m.yaml").journey
    assert journey is not None
    return journey


def test_a_low_point_that_appears_moves_or_vanishes_is_reported() -> None:
    flat, low_interest, low_consideration = _journey(1, 1), _journey(-2, 1), _journey(1, -1)
    (appeared,) = low_point_changes(flat, low_interest)  # type: ignore[arg-type]
    assert (appeared.action, appeared.phase, appeared.fields[0].new) == ("added", "interest", -2)
    (moved,) = low_point_changes(low_interest, low_consideration)  # type: ignore[arg-type]
    assert (moved.action, moved.from_phase, moved.phase) == ("moved", "interest", "consideration")
    assert (moved.fields[0].old, moved.fields[0].new) == (-2, -1)
    (vanished,) = low_point_changes(low_interest, flat)  # type: ignore[arg-type]
    assert (vanished.action, vanished.phase) == ("removed", "interest")
    assert low_point_changes(low_interest, _journey(-1, 1)) == []  # type: ignore[arg-type]  # deeper or not, same place


def test_the_diff_command_says_it(tmp_path) -> None:
    from tests.conftest import cli

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(MAP.format(interest=-2, consideration=1), encoding="utf-8")
    new.write_text(MAP.format(interest=1, consideration=1), encoding="utf-8")
    done = cli("diff", str(old), str(new))
    assert "low point vanished from Interest: -2" in done.stdout, done.stdout
    assert "1 low point removed" in done.stdout
