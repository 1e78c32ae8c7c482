"""`cjm adapt`, `cjm split` and `cjm merge` as a consultant and CI use them: outputs, exit codes, messages."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from cjm.edit import comment_lines, load_roundtrip
from cjm.validate import check_file
from tests.conftest import assert_clean_exit, run_cjm

DATA = Path(__file__).resolve().parent / "data" / "adapt"
TEA = (DATA / "tea-shop.yaml").read_text(encoding="utf-8")
WATCH = (DATA / "watch-ja.yaml").read_text(encoding="utf-8")


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cjm(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the command line in this process (fast), exactly as `cjm` runs it, including its error handling."""
    from cjm.cli import main

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str, stdin: str | None = None) -> Run:
        monkeypatch.setattr(sys, "argv", ["cjm", *args])
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def tea(tmp_path: Path) -> Path:
    path = tmp_path / "tea-shop.yaml"
    path.write_text(TEA, encoding="utf-8")
    return path


def _comments(text: str) -> Counter[str]:
    return Counter(comment_lines(load_roundtrip(text)))


def test_list_shows_every_rule_with_what_it_does(cjm) -> None:
    run = cjm("adapt", "--list")
    assert run.code == 0
    for name in ("b2b-approval", "gift", "repeat-purchase", "long-consideration", "low-awareness", "durable",
                 "omnichannel", "impulse"):
        assert name in run.out
    listed = json.loads(cjm("adapt", "--list", "--format", "json").out)["rules"]
    assert {r["name"]: r["when"] for r in listed}["repeat-purchase"] == {"purchase": ["repeat", "subscription"]}


@pytest.mark.parametrize("command", ["adapt", "split", "merge"])
def test_help_has_an_example(cjm, command: str) -> None:
    run = cjm(command, "--help")
    assert run.code == 0 and "Example: cjm " + command in run.out.replace("\n", " ")


def test_diff_shows_the_change_and_writes_nothing(cjm, tea: Path) -> None:
    run = cjm("adapt", str(tea), "--rule", "long-consideration", "--diff")
    assert run.code == 0
    assert "-  - id: consideration" in run.out and "+  - id: information-gathering" in run.out
    assert tea.read_text(encoding="utf-8") == TEA
    assert "long-consideration:" in run.err and "marked review: true" in run.err
    assert ":80:9: CJM040 thought 'Is the expensive one really better?'" in run.err


def test_the_adapted_map_goes_to_stdout_or_a_file(cjm, tea: Path, tmp_path: Path) -> None:
    to_stdout = cjm("adapt", str(tea), "--rule", "gift")
    assert to_stdout.code == 0 and "- id: receiver" in to_stdout.out
    target = tmp_path / "out" / "adapted.yaml"
    target.parent.mkdir()
    to_file = cjm("adapt", str(tea), "--rule", "gift", "-o", str(target))
    assert to_file.code == 0 and f"Wrote {target}." in to_file.out
    assert target.read_text(encoding="utf-8") == to_stdout.out
    assert check_file(str(target)).problems == []


def test_in_place_keeps_every_comment_and_a_second_run_changes_nothing(cjm, tea: Path) -> None:
    run = cjm("adapt", str(tea), "--auto", "--in-place")
    assert run.code == 0, run.err
    assert f"Updated {tea}." in run.out
    for name in ("long-consideration", "omnichannel", "repeat-purchase"):  # the traits of the tea shop
        assert f"{name}:" in run.out
    adapted = tea.read_text(encoding="utf-8")
    assert adapted != TEA
    assert not _comments(TEA) - _comments(adapted), "a comment was lost"
    assert check_file(str(tea)).problems == []
    stamp = tea.stat().st_mtime_ns
    again = cjm("adapt", str(tea), "--auto", "--in-place")
    assert again.code == 0
    assert "nothing to change" in again.out and "left as it was" in again.out
    assert tea.read_text(encoding="utf-8") == adapted and tea.stat().st_mtime_ns == stamp


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_in_place_keeps_the_file_mode(cjm, tea: Path) -> None:
    tea.chmod(0o640)
    assert cjm("adapt", str(tea), "--rule", "gift", "--in-place").code == 0
    assert tea.stat().st_mode & 0o777 == 0o640


def test_a_rule_with_nothing_to_do_says_so_and_exits_0(cjm) -> None:
    run = cjm("adapt", "samples/gift-sweets.yaml", "--rule", "gift", "--diff")
    assert run.code == 0 and run.out == ""
    assert "gift: nothing to change (" in run.err


def test_auto_without_matching_traits_says_so(cjm, tmp_path: Path) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text("cjm: 1\nid: plain\ntitle: Plain\nphases:\n  - {id: a, name: A, kind: awareness}\n",
                     encoding="utf-8")
    run = cjm("adapt", str(plain), "--auto", "--diff")
    assert run.code == 0 and "No rule matches this map's business traits" in run.err


def test_an_invalid_map_is_refused_with_its_problems(cjm, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(TEA.replace("kind: purchase", "kind: purchas"), encoding="utf-8")
    run = cjm("adapt", str(broken), "--rule", "gift", "--in-place")
    assert run.code == 2
    assert f"{broken}:95:11: CJM010" in run.err and "did you mean `purchase`?" in run.err
    assert "cjm: error:" in run.err and "fix the problems above first" in run.err
    assert broken.read_text(encoding="utf-8") == TEA.replace("kind: purchase", "kind: purchas")


@pytest.mark.parametrize(("args", "message"), [
    (["--rule", "longconsideration"], "did you mean 'long-consideration'?"),
    (["--rule", "gift", "--auto"], "--rule NAME (repeatable) or --auto"),
    ([], "--rule NAME (repeatable) or --auto"),
    (["--rule", "gift", "--diff", "--in-place"], "choose one of -o FILE, --in-place and --diff"),
    (["--rule", "gift", "--format", "xml"], "unknown format 'xml'"),
])
def test_usage_errors_exit_2_with_what_to_do(cjm, tea: Path, args: list[str], message: str) -> None:
    run = cjm("adapt", str(tea), *args)
    assert run.code == 2 and message in run.err and run.err.startswith("cjm: error:")


def test_standard_input(cjm) -> None:
    run = cjm("adapt", "-", "--rule", "low-awareness", stdin=WATCH)
    assert run.code == 0 and "name: 業界・カテゴリの認知" in run.out
    assert "<stdout>:" in run.err  # the review notes point into the adapted map, printed on standard output
    assert cjm("adapt", "-", "--rule", "gift", "--in-place", stdin=WATCH).code == 2


def test_json_report(cjm, tea: Path) -> None:
    run = cjm("adapt", str(tea), "--rule", "long-consideration", "--rule", "gift", "--format", "json", "--diff")
    assert run.code == 0
    report = json.loads(run.out)
    assert report["changed"] and report["written"] is None and report["diff"].startswith("--- ")
    assert [r["name"] for r in report["rules"]] == ["long-consideration", "gift"]
    assert {p["code"] for p in report["review"]} == {"CJM040"}


def test_split_by_hand(cjm, tea: Path) -> None:
    run = cjm("split", str(tea), "consideration", "--into", "research,tasting", "--lane", "regular=research",
              "--name", "tasting=Tasting at home", "--default", "tasting", "--in-place")
    assert run.code == 0, run.err
    phases = {p.id: p for p in check_file(str(tea)).journey.phases}  # type: ignore[union-attr]
    assert phases["tasting"].name == "Tasting at home" and phases["research"].name == "Research"
    assert [a.text for a in phases["research"].actions] == ["Searches for reviews of the three teas on her list"]
    # Nothing else placed them, so they went to the default phase for review (the opportunity follows the pain
    # point it addresses).
    assert all(item.get("review") or item.list_name == "opportunities" for item in phases["tasting"].all_items())
    assert cjm("split", str(tea), "consideration", "--into", "research,tasting").code == 0  # already split


@pytest.mark.parametrize(("args", "message"), [
    (["nowhere", "--into", "a,b"], "no phase 'nowhere'; the phases are: awareness, interest"),
    (["consideration", "--into", "a"], "at least two phase ids"),
    (["consideration", "--into", "a,cannot-taste-online"], "id 'cannot-taste-online' is already used by a pain point"),
    (["consideration", "--into", "a,b", "--default", "c"], "--default names 'c'"),
    (["consideration", "--into", "a,b", "--name", "a"], "--name takes ID=NAME"),
])
def test_split_usage_errors(cjm, tea: Path, args: list[str], message: str) -> None:
    run = cjm("split", str(tea), *args)
    assert run.code == 2 and message in run.err


def test_merge_by_hand(cjm, tmp_path: Path) -> None:
    watch = tmp_path / "watch.yaml"
    watch.write_text(WATCH, encoding="utf-8")
    run = cjm("merge", str(watch), "interest", "consideration", "--into", "consideration", "--in-place")
    assert run.code == 0, run.err
    journey = check_file(str(watch)).journey
    assert [p.id for p in journey.phases] == ["awareness", "consideration", "purchase", "retention"]  # type: ignore
    merged = journey.phase("consideration")  # type: ignore[union-attr]
    assert merged.name == "検討" and merged.kind == "consideration"
    assert {item.get("origin") for item in merged.all_items()} == {"interest", None}
    again = cjm("merge", str(watch), "interest", "consideration", "--into", "consideration")
    assert again.code == 0 and "already merged" in again.err
    unknown = cjm("merge", str(watch), "interest", "purchase", "--into", "x")
    assert unknown.code == 2 and "no phase 'interest'" in unknown.err


def test_a_broken_user_rule_is_located(cjm, tea: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("cjm-rule: 1\nname: bad\nsummary: s\nsteps:\n  - split: {phase: interest}\n",
                                    encoding="utf-8")
    run = cjm("adapt", str(tea), "--rule", "bad", "--rules", str(rules))
    assert run.code == 2
    assert f"{rules / 'bad.yaml'}:5:5: CJM030 split is missing required key `into`" in run.err


def test_a_rules_folder_named_in_the_configuration(cjm, tmp_path: Path) -> None:
    from tests.test_adapt_rules import USER_RULE

    (tmp_path / "phase-rules").mkdir()
    (tmp_path / "phase-rules" / "free-sample.yaml").write_text(USER_RULE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.cjm.adapt]\nrules = "phase-rules"\n', encoding="utf-8")
    (tmp_path / "tea.yaml").write_text(TEA, encoding="utf-8")
    run = cjm("adapt", str(tmp_path / "tea.yaml"), "--rule", "free-sample", "--diff")
    assert run.code == 0 and "+  - id: free-sample" in run.out
    (tmp_path / "pyproject.toml").write_text('[tool.cjm.adapt]\nrules = 3\n', encoding="utf-8")
    from cjm.config import _find_in

    _find_in.cache_clear()
    bad = cjm("adapt", str(tmp_path / "tea.yaml"), "--rule", "gift")
    assert bad.code == 2 and "pyproject.toml:2:1: `rules` must be a folder" in bad.err


def test_every_option_is_documented() -> None:
    import typer

    from cjm.cli import app

    docs = (DATA.parent.parent.parent / "docs" / "adapt.md").read_text(encoding="utf-8")
    docs += (DATA.parent.parent.parent / "docs" / "phase-rules.md").read_text(encoding="utf-8")
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name in ("adapt", "split", "merge"):
        assert f"cjm {name}" in docs
        for param in commands[name].params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert f"`{option}" in docs or f"{option} " in docs, f"{name} {option} is not documented"


def test_the_real_command_line_end_to_end(tmp_path: Path) -> None:
    target = tmp_path / "adapted.yaml"
    proc = run_cjm("adapt", "tests/data/adapt/watch-ja.yaml", "--auto", "-o", str(target))
    assert_clean_exit(proc, (0,))
    assert "low-awareness:" in proc.stdout and check_file(str(target)).problems == []
