"""The text line of a problem, `file:line:col: CODE [severity] message`, is the same in every command: errors carry
`[error]` as warnings carry `[warning]`."""

from __future__ import annotations

from .conftest import ROOT, cli

BROKEN = ROOT / "samples" / "invalid" / "emotion-out-of-range.yaml"
SAMPLE = ROOT / "docs" / "example.yaml"


def test_every_severity_is_named():
    line = cli("validate", str(BROKEN)).stdout.splitlines()[0]
    assert line == f"{BROKEN}:10:14: CJM010 [error] emotion score 5 is outside -2..2 in phase 'purchase'"
    warned = cli("lint", str(SAMPLE)).stdout.splitlines()[0]
    assert ": CJM" in warned and " [warning] " in warned


def test_commands_that_refuse_a_map_list_its_problems_the_same_way(tmp_path):
    line = cli("validate", str(BROKEN)).stdout.splitlines()[0]
    for args in (
        ["prioritise", str(BROKEN)],
        ["render", str(BROKEN), "-o", str(tmp_path / "m.svg")],
        ["diff", str(SAMPLE), str(BROKEN)],
        ["adapt", str(BROKEN), "--auto"],
    ):
        proc = cli(*args)
        assert proc.returncode == 2 and line in proc.stderr.splitlines(), (args, proc.stderr)
