"""Text from a map, a file name or a configuration cannot forge a CI workflow command or split an output line.

Under GitHub Actions the runner reads any line starting (after blanks) with `::` as a command, and `##[command]`
anywhere in a line; a key with a newline must not break one problem over two lines for a `file:line:col` parser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, cli

FORGED = "\n::error file=README.md,line=1::forged\r::warning::carriage ##[error]mid-line\u2028::notice::separator"
ACTIONS = {"GITHUB_ACTIONS": "true"}
LOCATED = re.compile(r"^\S.*?:\d+:\d+: CJM\d{3} ")


def _hostile_data() -> dict:
    data = yaml.safe_load((ROOT / "docs" / "example.yaml").read_text(encoding="utf-8"))
    data["title"] += FORGED
    data["phases"][1]["name"] += FORGED
    data["phases"][1]["emotion"]["note"] += FORGED
    data["phases"][1]["pain_points"][0]["text"] += FORGED
    data["phases"][1]["kpis"][0].pop("target")  # a lint finding that names the phase
    data["phases"][3]["kpis"][0]["name"] += FORGED  # moved by adapt's repeat-purchase rule
    data["initiatives"][0]["title"] += FORGED
    data["initiatives"][0]["owner"] = "##[error]owner" + FORGED
    return data


@pytest.fixture
def maps(tmp_path) -> tuple[Path, Path]:
    """A valid map and an invalid one, full of forged commands, in files whose names forge them too."""
    folder = tmp_path / "maps"
    folder.mkdir()
    valid = folder / f"valid{FORGED.replace(chr(0x2028), ' ')}.yaml"
    valid.write_text(yaml.safe_dump(_hostile_data(), allow_unicode=False), encoding="utf-8")
    broken = _hostile_data()
    broken[f"x{FORGED}"] = 1  # an unknown key with a newline in it
    broken["phases"][0]["emotion"]["score"] = 7
    broken["initiatives"][0]["pain_points"] = [f"nope{FORGED}"]
    invalid = folder / f"invalid{FORGED.replace(chr(0x2028), ' ')}.yaml"
    invalid.write_text(yaml.safe_dump(broken, allow_unicode=False), encoding="utf-8")
    return valid, invalid


def _commands(valid: Path, invalid: Path, out: Path) -> list[list[str]]:
    v, i = str(valid), str(invalid)
    return [
        ["validate", v, i, "--format", "text"],
        ["lint", v, i, "--format", "text"],
        ["lint", v, "--diff"],
        ["prioritise", v],
        ["prioritise", v, "--explain", "size-chart"],
        ["prioritise", v, "--format", "markdown"],
        ["prioritise", i],
        ["prioritise", v, "--explain", f"nothing{FORGED}"],
        ["adapt", v, "--rule", "repeat-purchase", "-o", str(out / "adapted.yaml")],
        ["adapt", i, "--auto"],
        ["render", i, "-o", str(out / "x.svg")],
        ["render", str(valid.parent), "-o", str(out / "diagrams"), "--format", "dot"],
        ["diff", v, i],
        ["diff", v, f"missing{FORGED}.yaml"],
    ]


def test_no_output_line_forges_a_workflow_command_under_actions(maps, tmp_path):
    valid, invalid = maps
    for args in _commands(valid, invalid, tmp_path):
        proc = cli(*args, env=ACTIONS)
        assert "Traceback" not in proc.stdout + proc.stderr
        for line in (proc.stdout + proc.stderr).splitlines():
            assert not line.lstrip().startswith("::"), (args, line)
            assert "##[" not in line, (args, line)
        assert "forged" in proc.stdout + proc.stderr or "--diff" in args, args  # shown, only disarmed


def test_one_problem_is_one_line_whatever_its_text(maps):
    valid, invalid = maps
    for command in ("validate", "lint"):
        proc = cli(command, str(valid), str(invalid), "--format", "text")
        lines = proc.stdout.splitlines()
        assert all(LOCATED.match(line) for line in lines[:-1]), lines
        assert lines[-1].startswith("2 files checked: ")
    report = json.loads(cli("validate", str(invalid), "--format", "json").stdout)
    text = cli("validate", str(invalid), "--format", "text").stdout.splitlines()
    assert len(text) == len(report["problems"]) + 1
    assert any("\\n::error file=README.md" in line for line in text)  # shown as an escape, not dropped


def test_escapes_for_every_kind_of_line_break_and_control():
    from cjm.core.text import safe
    from cjm.output.terminal import disarm

    assert safe("a\nb\rc\td\x1be\x85f\u2028g\u2029h") == "a\\nb\\rc\\td\\x1be\\x85f\\u2028g\\u2029h"
    assert disarm("::error::x\n \t::warning::y\nfine ::z ##[error]w") == (
        "\\x3a:error::x\n \t\\x3a:warning::y\nfine ::z #\\x23[error]w"
    )


def test_outside_actions_human_text_keeps_its_colons(maps):
    valid, _ = maps
    proc = cli("prioritise", str(valid), "--explain", "size-chart")
    assert "\\n::error file=README.md" in proc.stdout


def test_json_documents_keep_the_text_but_never_a_command(maps, tmp_path):
    """JSON printed in a CI log: `##[` is written `##\\u005b`, the same text to every JSON reader."""
    valid, invalid = maps
    v, i = str(valid), str(invalid)
    for args in (
        ["validate", i, "--format", "json"],
        ["lint", v, i, "--format", "sarif"],
        ["lint", v, "--format", "json", "--statistics"],
        ["prioritise", v, "--format", "json"],
        ["prioritise", v, "--format", "json", "--explain", "size-chart"],
        ["diff", v, i, "--format", "json"],
        ["adapt", v, "--rule", "repeat-purchase", "--format", "json"],
    ):
        proc = cli(*args, env=ACTIONS)
        assert "##[" not in proc.stdout, args
        assert "##[error]" in json.dumps(json.loads(proc.stdout), ensure_ascii=False) or "--statistics" in args, args
