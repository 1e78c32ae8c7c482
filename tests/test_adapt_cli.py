"""`cjm adapt`, `cjm split` and `cjm merge` as a consultant and CI use them: outputs, exit codes, messages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from cjm.core.edit import comment_lines, load_roundtrip
from cjm.validation.check import check_file
from tests.conftest import assert_clean_exit, cli, run_cjm

DATA = Path(__file__).resolve().parent / "data" / "adapt"
TEA = (DATA / "tea-shop.yaml").read_text(encoding="utf-8")
WATCH = (DATA / "watch-ja.yaml").read_text(encoding="utf-8")


@pytest.fixture
def cjm(monkeypatch: pytest.MonkeyPatch):
    """The shared in-process runner (`tests.conftest.cli`), with standard input when a test gives one."""

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        proc = cli(*args)
        assert "Traceback" not in proc.stderr
        return proc

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
    assert run.returncode == 0
    for name in (
        "b2b-approval",
        "gift",
        "repeat-purchase",
        "long-consideration",
        "low-awareness",
        "durable",
        "omnichannel",
        "impulse",
    ):
        assert name in run.stdout
    listed = json.loads(cjm("adapt", "--list", "--format", "json").stdout)["rules"]
    assert {r["name"]: r["when"] for r in listed}["repeat-purchase"] == {"purchase": ["repeat", "subscription"]}


def test_every_json_document_has_the_envelope_and_forges_no_ci_command(cjm, tmp_path: Path) -> None:
    """The rule list and a refusal start like every cjm JSON document, and text from a user's rule file cannot
    forge a GitHub Actions `##[` command in a CI log."""
    from cjm import __version__
    from tests.test_adapt_rules import USER_RULE

    rules = tmp_path / "rules"
    rules.mkdir()
    forged = USER_RULE.replace("summary: Cosmetics", "summary: Cosmetics##[error]")
    (rules / "free-sample.yaml").write_text(forged, encoding="utf-8")
    listed = cjm("adapt", "--list", "--rules", str(rules), "--format", "json")
    assert listed.returncode == 0 and "##[" not in listed.stdout
    document = json.loads(listed.stdout)
    assert list(document)[:3] == ["tool", "version", "command"] and document["version"] == __version__
    assert {r["name"]: r["summary"] for r in document["rules"]}["free-sample"].startswith("Cosmetics##[error]")
    broken = tmp_path / "broken.yaml"
    broken.write_text(TEA.replace("kind: purchase", "kind: purchas"), encoding="utf-8")
    refused = cjm("adapt", str(broken), "--rule", "gift", "--format", "json")
    assert refused.returncode == 2
    document = json.loads(refused.stdout)
    assert list(document)[:3] == ["tool", "version", "command"] and document["ok"] is False


@pytest.mark.parametrize("command", ["adapt", "split", "merge"])
def test_help_has_an_example(cjm, command: str) -> None:
    run = cjm(command, "--help")
    assert run.returncode == 0 and "Example: cjm " + command in run.stdout.replace("\n", " ")


def test_diff_shows_the_change_and_writes_nothing(cjm, tea: Path) -> None:
    run = cjm("adapt", str(tea), "--rule", "long-consideration", "--diff")
    assert run.returncode == 0
    assert "-  - id: consideration" in run.stdout and "+  - id: information-gathering" in run.stdout
    assert tea.read_text(encoding="utf-8") == TEA
    assert "long-consideration:" in run.stderr and "marked review: true" in run.stderr
    assert ":77:9: CJM040 [info] thought 'Is the expensive one really better?'" in run.stderr


def test_the_adapted_map_goes_to_stdout_or_a_file(cjm, tea: Path, tmp_path: Path) -> None:
    to_stdout = cjm("adapt", str(tea), "--rule", "gift")
    assert to_stdout.returncode == 0 and "- id: receiver" in to_stdout.stdout
    target = tmp_path / "out" / "adapted.yaml"
    target.parent.mkdir()
    to_file = cjm("adapt", str(tea), "--rule", "gift", "-o", str(target))
    assert to_file.returncode == 0 and f"Wrote {target}." in to_file.stdout
    assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert check_file(str(target)).problems == []


def test_in_place_keeps_every_comment_and_a_second_run_changes_nothing(cjm, tea: Path) -> None:
    run = cjm("adapt", str(tea), "--auto", "--in-place")
    assert run.returncode == 0, run.stderr
    assert f"Updated {tea}." in run.stdout
    for name in ("long-consideration", "omnichannel", "repeat-purchase"):  # the traits of the tea shop
        assert f"{name}:" in run.stdout
    adapted = tea.read_text(encoding="utf-8")
    assert adapted != TEA
    assert not _comments(TEA) - _comments(adapted), "a comment was lost"
    assert check_file(str(tea)).problems == []
    stamp = tea.stat().st_mtime_ns
    again = cjm("adapt", str(tea), "--auto", "--in-place")
    assert again.returncode == 0
    assert "nothing to change" in again.stdout and "left as it was" in again.stdout
    assert tea.read_text(encoding="utf-8") == adapted and tea.stat().st_mtime_ns == stamp


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_in_place_keeps_the_file_mode(cjm, tea: Path) -> None:
    tea.chmod(0o640)
    assert cjm("adapt", str(tea), "--rule", "gift", "--in-place").returncode == 0
    assert tea.stat().st_mode & 0o777 == 0o640


def test_a_rule_with_nothing_to_do_says_so_and_exits_0(cjm) -> None:
    run = cjm("adapt", "samples/gift-sweets.yaml", "--rule", "gift", "--diff")
    assert run.returncode == 0 and run.stdout == ""
    assert "gift: nothing to change (" in run.stderr


def test_auto_without_matching_traits_says_so(cjm, tmp_path: Path) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text(
        "cjm: 1\nid: plain\ntitle: Plain\nphases:\n  - {id: a, name: A, kind: awareness}\n", encoding="utf-8"
    )
    run = cjm("adapt", str(plain), "--auto", "--diff")
    assert run.returncode == 0 and "No rule matches this map's business traits" in run.stderr


def test_an_invalid_map_is_refused_with_its_problems(cjm, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(TEA.replace("kind: purchase", "kind: purchas"), encoding="utf-8")
    run = cjm("adapt", str(broken), "--rule", "gift", "--in-place")
    assert run.returncode == 2
    assert f"{broken}:95:11: CJM010" in run.stderr and "did you mean `purchase`?" in run.stderr
    assert "cjm: error:" in run.stderr and "fix the problems above first" in run.stderr
    assert broken.read_text(encoding="utf-8") == TEA.replace("kind: purchase", "kind: purchas")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rule", "longconsideration"], "did you mean 'long-consideration'?"),
        (["--rule", "gift", "--auto"], "--rule NAME (repeatable) or --auto"),
        ([], "--rule NAME (repeatable) or --auto"),
        (["--rule", "gift", "--diff", "--in-place"], "choose one of -o FILE, --in-place and --diff"),
        (["--rule", "gift", "--format", "xml"], "unknown format 'xml'"),
    ],
)
def test_usage_errors_exit_2_with_what_to_do(cjm, tea: Path, args: list[str], message: str) -> None:
    run = cjm("adapt", str(tea), *args)
    assert run.returncode == 2 and message in run.stderr and run.stderr.startswith("cjm: error:")


def test_standard_input(cjm) -> None:
    run = cjm("adapt", "-", "--rule", "low-awareness", stdin=WATCH)
    assert run.returncode == 0 and "name: 業界・カテゴリの認知" in run.stdout
    assert "<stdout>:" in run.stderr  # the review notes point into the adapted map, printed on standard output
    assert cjm("adapt", "-", "--rule", "gift", "--in-place", stdin=WATCH).returncode == 2


def test_json_report(cjm, tea: Path) -> None:
    run = cjm("adapt", str(tea), "--rule", "long-consideration", "--rule", "gift", "--format", "json", "--diff")
    assert run.returncode == 0
    report = json.loads(run.stdout)
    assert report["changed"] and report["written"] is None and report["diff"].startswith("--- ")
    assert [r["name"] for r in report["rules"]] == ["long-consideration", "gift"]
    assert {p["code"] for p in report["review"]} == {"CJM040"}


def test_split_by_hand(cjm, tea: Path) -> None:
    run = cjm(
        "split",
        str(tea),
        "consideration",
        "--into",
        "research,tasting",
        "--lane",
        "regular=research",
        "--name",
        "tasting=Tasting at home",
        "--default",
        "tasting",
        "--in-place",
    )
    assert run.returncode == 0, run.stderr
    phases = {p.id: p for p in check_file(str(tea)).journey.phases}  # type: ignore[union-attr]
    assert phases["tasting"].name == "Tasting at home" and phases["research"].name == "Research"
    assert [a.text for a in phases["research"].actions] == ["Searches for reviews of the three teas on her list"]
    # Nothing else placed them, so they went to the default phase for review (the opportunity follows the pain
    # point it addresses).
    assert all(item.get("review") or item.list_name == "opportunities" for item in phases["tasting"].all_items())
    assert cjm("split", str(tea), "consideration", "--into", "research,tasting").returncode == 0  # already split


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere", "--into", "a,b"], "no phase 'nowhere'; the phases are: awareness, interest"),
        (["consideration", "--into", "a"], "at least two phase ids"),
        (
            ["consideration", "--into", "a,cannot-taste-online"],
            "id 'cannot-taste-online' is already used by a pain point",
        ),
        (["consideration", "--into", "a,b", "--default", "c"], "--default names 'c'"),
        (["consideration", "--into", "a,b", "--name", "a"], "--name takes ID=NAME"),
    ],
)
def test_split_usage_errors(cjm, tea: Path, args: list[str], message: str) -> None:
    run = cjm("split", str(tea), *args)
    assert run.returncode == 2 and message in run.stderr


def test_merge_by_hand(cjm, tmp_path: Path) -> None:
    watch = tmp_path / "watch.yaml"
    watch.write_text(WATCH, encoding="utf-8")
    run = cjm("merge", str(watch), "interest", "consideration", "--into", "consideration", "--in-place")
    assert run.returncode == 0, run.stderr
    journey = check_file(str(watch)).journey
    assert [p.id for p in journey.phases] == ["awareness", "consideration", "purchase", "retention"]  # type: ignore
    merged = journey.phase("consideration")  # type: ignore[union-attr]
    assert merged.name == "検討" and merged.kind == "consideration"
    assert {item.get("origin") for item in merged.all_items()} == {"interest", None}
    again = cjm("merge", str(watch), "interest", "consideration", "--into", "consideration")
    assert again.returncode == 0 and "already merged" in again.stderr
    unknown = cjm("merge", str(watch), "interest", "purchase", "--into", "x")
    assert unknown.returncode == 2 and "no phase 'interest'" in unknown.stderr


def test_a_broken_user_rule_is_located(cjm, tea: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "cjm-rule: 1\nname: bad\nsummary: s\nsteps:\n  - split: {phase: interest}\n", encoding="utf-8"
    )
    run = cjm("adapt", str(tea), "--rule", "bad", "--rules", str(rules))
    assert run.returncode == 2
    assert f"{rules / 'bad.yaml'}:5:5: CJM030 [error] split is missing required key `into`" in run.stderr


def test_a_rules_folder_named_in_the_configuration(cjm, tmp_path: Path) -> None:
    from tests.test_adapt_rules import USER_RULE

    (tmp_path / "phase-rules").mkdir()
    (tmp_path / "phase-rules" / "free-sample.yaml").write_text(USER_RULE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.cjm.adapt]\nrules = "phase-rules"\n', encoding="utf-8")
    (tmp_path / "tea.yaml").write_text(TEA, encoding="utf-8")
    run = cjm("adapt", str(tmp_path / "tea.yaml"), "--rule", "free-sample", "--diff")
    assert run.returncode == 0 and "+  - id: free-sample" in run.stdout
    (tmp_path / "pyproject.toml").write_text("[tool.cjm.adapt]\nrules = 3\n", encoding="utf-8")
    bad = cjm("adapt", str(tmp_path / "tea.yaml"), "--rule", "gift")
    assert bad.returncode == 2 and "pyproject.toml:2:1: `rules` must be a folder" in bad.stderr


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
