"""`cjm render` and `cjm report` as a user runs them: formats, folders, safe output paths, a missing Graphviz,
a missing Japanese font, invalid maps, and reports that render cleanly as Markdown and HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cjm.core.errors import CjmError
from tests.conftest import assert_clean_exit

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
APPAREL = str(ROOT / "samples" / "apparel-working-mother.yaml")
HOSTILE = str(HERE / "maps" / "hostile.yaml")


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # relative paths and [tool.cjm] as a user in the repository sees them
    from cjm.render.graphviz import japanese_font_available

    japanese_font_available.cache_clear()


def run_cjm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in this process (fast), with `main()`'s handling of cjm errors: a message and exit code 2."""
    from typer.testing import CliRunner

    from cjm.cli import app

    saved = {key: os.environ.get(key) for key in env or {}}
    os.environ.update(env or {})
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    stderr = result.stderr
    code = result.exit_code
    if isinstance(result.exception, CjmError):
        stderr, code = stderr + f"cjm: error: {result.exception}\n", 2
    elif result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, code, result.stdout, stderr)


def _path_with(tmp_path: Path, *programs: str) -> str:
    """A PATH that finds only the given programs (cjm runs in this process, so it needs nothing else)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name in programs:
        found = shutil.which(name)
        assert found, f"{name} is part of the set-up (make setup)"
        (bin_dir / name).symlink_to(found)
    return str(bin_dir)


@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("map.svg", b"<?xml"),
        ("map.png", b"\x89PNG"),
        ("map.pdf", b"%PDF"),
        ("map.dot", b"digraph"),
        ("map.mmd", b"%%{init"),
    ],
)
def test_the_format_follows_the_extension(tmp_path: Path, name: str, magic: bytes) -> None:
    proc = run_cjm("render", APPAREL, "-o", str(tmp_path / name))
    assert_clean_exit(proc, (0,))
    assert (tmp_path / name).read_bytes().startswith(magic)


def test_a_folder_of_maps_in_one_call(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cjm("render", "samples", "-o", str(out), "--format", "dot", "--view", "emotion")
    assert_clean_exit(proc, (0,))
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{p.stem}-emotion.dot" for p in (ROOT / "samples").glob("*.yaml"))
    assert "invalid" not in " ".join(written)  # `exclude` in [tool.cjm] applies


def test_markdown_output_is_a_fenced_mermaid_block(tmp_path: Path) -> None:
    assert_clean_exit(run_cjm("render", APPAREL, "-o", str(tmp_path / "journey.md")), (0,))
    text = (tmp_path / "journey.md").read_text(encoding="utf-8")
    assert text.startswith("```mermaid\n%%{init: ") and "\njourney\n" in text and text.endswith("```\n")


def test_standard_output_needs_a_format() -> None:
    proc = run_cjm("render", APPAREL)
    assert_clean_exit(proc, (2,))
    assert "--format" in proc.stderr and proc.stderr.count("\n") == 1
    proc = run_cjm("render", APPAREL, "--format", "dot")
    assert_clean_exit(proc, (0,))
    assert proc.stdout.startswith("digraph journey_map {")


def test_never_over_an_input(tmp_path: Path) -> None:
    copy = tmp_path / "map.yaml"
    shutil.copy(APPAREL, copy)
    before = copy.read_bytes()
    proc = run_cjm("render", str(copy), "-o", str(copy), "--format", "dot")
    assert_clean_exit(proc, (2,))
    assert "input map" in proc.stderr
    assert copy.read_bytes() == before


def test_never_outside_the_output_folder(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(APPAREL, maps / "a.yaml")
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "a.svg").symlink_to(elsewhere / "stolen.svg")  # a link in the output folder that leads out
    proc = run_cjm("render", str(maps), "-o", str(out))
    assert_clean_exit(proc, (2,))
    assert "outside the output folder" in proc.stderr
    assert not (elsewhere / "stolen.svg").exists()


def test_two_maps_one_output_name_is_refused(tmp_path: Path) -> None:
    shutil.copy(APPAREL, tmp_path / "a.yaml")
    shutil.copy(APPAREL, tmp_path / "a.yml")
    proc = run_cjm("render", str(tmp_path / "a.yaml"), str(tmp_path / "a.yml"), "-o", str(tmp_path / "out"))
    assert_clean_exit(proc, (2,))
    assert "both be written" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_without_graphviz_one_line_says_how_to_install_and_dot_and_mermaid_still_work(tmp_path: Path) -> None:
    env = {"PATH": _path_with(tmp_path)}
    proc = run_cjm("render", APPAREL, "-o", str(tmp_path / "map.svg"), env=env)
    assert_clean_exit(proc, (2,))
    assert proc.stderr.count("\n") == 1 and "apt-get install graphviz" in proc.stderr
    for name in ("map.dot", "map.mmd"):
        assert_clean_exit(run_cjm("render", APPAREL, "-o", str(tmp_path / name), env=env), (0,))
    proc = run_cjm("report", APPAREL, "-o", str(tmp_path / "report.md"), env=env)
    assert_clean_exit(proc, (0,))
    assert "```mermaid" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_a_warning_when_no_japanese_font_is_found(tmp_path: Path) -> None:
    bin_dir = Path(_path_with(tmp_path, "dot"))
    fake = bin_dir / "fc-list"
    fake.write_text("#!/bin/sh\nexit 0\n")  # fontconfig that knows no Japanese font
    fake.chmod(0o755)
    proc = run_cjm("render", APPAREL, "-o", str(tmp_path / "map.svg"), env={"PATH": str(bin_dir)})
    assert_clean_exit(proc, (0,))
    assert proc.stderr.count("no Japanese-capable font") == 1
    english = str(ROOT / "samples" / "gift-sweets.yaml")
    proc = run_cjm("render", english, "-o", str(tmp_path / "gift.svg"), env={"PATH": str(bin_dir)})
    assert "font" not in proc.stderr


def test_an_invalid_map_is_reported_located_and_the_others_still_drawn(tmp_path: Path) -> None:
    proc = run_cjm("render", "samples/invalid/tab-indentation.yaml", APPAREL, "-o", str(tmp_path / "out"))
    assert_clean_exit(proc, (2,))
    assert "samples/invalid/tab-indentation.yaml:7:1: CJM001" in proc.stderr
    assert (tmp_path / "out" / "apparel-working-mother.svg").exists()


def test_unknown_view_and_mermaid_of_a_view_it_cannot_draw() -> None:
    proc = run_cjm("render", APPAREL, "--view", "timeline", "--format", "dot")
    assert_clean_exit(proc, (2,))
    assert "map, emotion, matrix, roadmap" in proc.stderr
    proc = run_cjm("render", APPAREL, "--view", "matrix", "--format", "mermaid")
    assert_clean_exit(proc, (2,))
    assert "Mermaid" in proc.stderr


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_report_renders_cleanly(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    proc = run_cjm("report", HOSTILE, "-o", str(tmp_path / "report.md"))
    assert_clean_exit(proc, (0,))
    assert (tmp_path / "report.map.svg").read_bytes().startswith(b"<?xml")
    source = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "![" in source and "(report.map.svg)" in source
    parsed = _Collector()
    parsed.feed(MarkdownIt("commonmark").enable("table").render(source))
    tags = set(parsed.tags)
    assert {"h1", "h2", "table", "img"} <= tags
    assert not tags & {"b", "i", "script", "a"}  # no map text became markup or a link
    shown = "".join(parsed.text)
    for text in (
        '<IMG SRC="/etc/passwd"/>',
        "KPI | pipe * star _under_ [link](x)",
        "Fix <b>it</b> & \\G",
        'Title <B>bold</B> & "quotes" \\N \\G',
    ):
        assert text in shown, text
    # Every table row has as many cells as its header.
    for block in source.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("| ")]
        if rows:
            counts = {len(line.replace("\\|", "").split(" | ")) for line in rows}
            assert len(counts) == 1, block


def test_html_report_is_one_self_contained_page(tmp_path: Path) -> None:
    proc = run_cjm("report", HOSTILE, "-o", str(tmp_path / "report.html"))
    assert_clean_exit(proc, (0,))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    parsed = _Collector()
    parsed.feed(page)
    assert "svg" in parsed.tags and "script" not in parsed.tags and "img" not in parsed.tags
    assert not {"b", "i"} & set(parsed.tags[: parsed.tags.index("svg")])
    assert '<IMG SRC="/etc/passwd"/>' in "".join(parsed.text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_report_refuses_to_overwrite_its_map(tmp_path: Path) -> None:
    copy = tmp_path / "map.md"
    shutil.copy(APPAREL, tmp_path / "map.yaml")
    copy.write_text("notes", encoding="utf-8")
    proc = run_cjm("report", str(tmp_path / "map.yaml"), "-o", str(tmp_path / "map.yaml"), "--format", "markdown")
    assert_clean_exit(proc, (2,))
    assert (tmp_path / "map.yaml").read_bytes() == Path(APPAREL).read_bytes()


UNTAGGED = str(Path(__file__).parent / "maps" / "gift-untagged.yaml")


def test_a_report_says_what_lint_finds_unless_told_not_to(tmp_path: Path) -> None:
    proc = run_cjm("report", UNTAGGED)
    assert_clean_exit(proc, (0,))
    report = proc.stdout
    findings = report[report.index("## Findings") : report.index("## Prioritised roadmap")]
    from cjm.lint.engine import lint_path

    warnings = sum(p.severity.value == "warning" for p in lint_path(UNTAGGED).problems)
    assert warnings > 10 and f"({warnings} warnings," in findings  # the count lint gives, whatever rules exist
    assert "| ▲ warning | CJM102 phase-without-action | 36 | phase 'Delivery' has no customer action" in findings
    assert "**CJM402 low-point-without-initiative**: " in findings  # the rule's advice, once per rule
    assert findings.count("**CJM103 phase-without-kpi**") == 1
    assert "## Personas" in report and "| Receiver — Grandmother, 70 |" in report
    without = run_cjm("report", UNTAGGED, "--no-findings")
    assert_clean_exit(without, (0,))
    assert "## Findings" not in without.stdout and "CJM402" not in without.stdout


def test_the_findings_are_what_lint_finds_in_the_map_s_language() -> None:
    from cjm.lint.engine import lint_path

    proc = run_cjm("report", APPAREL)
    assert_clean_exit(proc, (0,))
    findings = proc.stdout[proc.stdout.index("## 指摘事項") : proc.stdout.index("## 優先順位づけしたロードマップ")]
    problems = lint_path(APPAREL).problems
    if problems:
        assert findings.count("\n| ▲ 警告 |") + findings.count("\n| ✖ エラー |") + findings.count(
            "\n| ℹ 情報 |"
        ) == len(problems)
    else:
        assert "`cjm lint` の指摘はありません。" in findings


def test_the_report_footer_names_the_map_without_an_absolute_path(tmp_path: Path) -> None:
    proc = run_cjm("report", str(Path(UNTAGGED).resolve()), "-o", str(tmp_path / "report.md"))
    assert_clean_exit(proc, (0,))
    footer = (tmp_path / "report.md").read_text(encoding="utf-8").rsplit("---", 1)[1]
    assert "gift-untagged.yaml" in footer and str(ROOT) not in footer and str(tmp_path) not in footer
    relative = run_cjm("report", "tests/render/maps/gift-untagged.yaml", "-o", "-")
    assert "from tests/render/maps/gift-untagged.yaml." in relative.stdout  # as the repository names it


def test_a_report_of_standard_input_lints_the_map_it_read() -> None:
    from cjm.lint.engine import lint_path
    from tests.conftest import run_cjm as run_process

    proc = run_process("report", "-", input=Path(UNTAGGED).read_bytes())
    assert_clean_exit(proc, (0,))
    warnings = sum(p.severity.value == "warning" for p in lint_path(UNTAGGED).problems)
    assert warnings > 10 and f"({warnings} warnings," in proc.stdout and "from standard input." in proc.stdout


def test_the_report_and_roadmap_name_an_initiative_to_rethink() -> None:
    """Heavy upkeep with low confidence is not just a big bet: the report's roadmap and the roadmap view say so."""
    from cjm.render import dot_source
    from cjm.validation.check import check_file

    risky = str(ROOT / "tests" / "fixtures" / "prioritise" / "apparel-ja.yaml")
    proc = run_cjm("report", risky)
    assert_clean_exit(proc, (0,))
    assert "| ポイント制度のランク拡張 | 大型施策・要再検討 |" in proc.stdout
    journey = check_file(risky).journey
    assert journey is not None and "大型施策・要再検討" in dot_source(journey, "roadmap")
