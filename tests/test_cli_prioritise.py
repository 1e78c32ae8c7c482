"""`cjm prioritise` / `cjm prioritize` as a user and CI run it: formats, --explain, config, errors, Japanese text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from cjm.prioritise import prioritise
from cjm.prioritise.output import FORMATS
from cjm.templates import render_template
from cjm.terminal import display_width
from cjm.validate import check_file, check_text
from tests.conftest import ROOT, assert_clean_exit, cli, run_cjm

APPAREL = str(ROOT / "tests" / "fixtures" / "prioritise" / "apparel-ja.yaml")


def map_text(initiatives: list[dict], map_id: str = "shop", title: str = "Shop") -> str:
    return yaml.safe_dump(
        {
            "cjm": 1,
            "id": map_id,
            "title": title,
            "phases": [
                {
                    "id": "consideration",
                    "name": "検討",
                    "kind": "consideration",
                    "pain_points": [{"id": "size", "text": "サイズが不安", "severity": 4}],
                }
            ],
            "initiatives": initiatives,
        },
        allow_unicode=True,
        sort_keys=False,
    )


def test_both_spellings_are_the_same_command() -> None:
    british = run_cjm("prioritise", APPAREL, "--format", "json")
    american = run_cjm("prioritize", APPAREL, "--format", "json")
    assert_clean_exit(british, (0,))
    assert british.stdout == american.stdout
    for spelling in ("prioritise", "prioritize"):
        help_text = run_cjm(spelling, "--help").stdout
        assert "Example: cjm prioritise" in help_text


def test_json_is_a_list_of_initiatives_with_their_inputs() -> None:
    proc = cli("prioritise", APPAREL, "-f", "json")
    document = json.loads(proc.stdout)
    journey = check_file(APPAREL).journey
    assert journey is not None
    items = document["initiatives"]
    assert {i["id"] for i in items} == {i.id for i in journey.initiatives}
    for item in items:
        assert {"id", "title", "score", "quadrant", "stage", "inputs", "map", "terms"} <= set(item)
        raw = next(i.raw for i in journey.initiatives if i.id == item["id"])
        assert item["inputs"]["impact"] == raw["impact"]
        assert item["title"] == raw["title"]  # Japanese kept as it is
    assert [i["rank"] for i in items] == list(range(1, len(items) + 1))


def test_markdown_renders_as_one_clean_table(write_map) -> None:
    from markdown_it import MarkdownIt

    awkward = "Size | fit *guide* <b>now</b> [link](x) `code`\nsecond line \\ end"
    path = write_map(
        map_text(
            [
                {"id": "awkward", "title": awkward, "impact": 5, "feasibility": 5},
                {"id": "plain", "title": "サイズ表", "impact": 2, "feasibility": 2},
            ]
        )
    )
    proc = cli("prioritise", str(path), "--format", "markdown")
    assert_clean_exit(proc, (0,))
    tokens = MarkdownIt("commonmark").enable("table").parse(proc.stdout)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 1
    html = MarkdownIt("commonmark").enable("table").render(proc.stdout)
    table = html[html.index("<table>") : html.index("</table>")]
    assert table.count("<tr>") == 3  # header + two initiatives
    rows = table.split("<tr>")[1:]
    assert len({len(re.findall(r"<t[dh][ >]", row)) for row in rows}) == 1  # every row has the same cells
    assert "<b>" not in table and "<em>" not in table and "<a " not in table
    assert "Size | fit *guide* &lt;b&gt;now&lt;/b&gt; [link](x) `code` second line \\ end" in table


def test_csv_round_trips_and_defuses_formulas(write_map) -> None:
    path = write_map(
        map_text(
            [
                {"id": "sum", "title": "=SUM(A1:A9)", "impact": 4},
                {"id": "ja", "title": "レビュー掲載, 送料無料", "impact": 3},
            ]
        )
    )
    proc = cli("prioritise", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["id"] for r in rows] == ["sum", "ja"]
    assert rows[0]["title"] == "'=SUM(A1:A9)"
    assert rows[1]["title"] == "レビュー掲載, 送料無料"
    assert rows[0]["impact"] == "4" and rows[0]["assumed"] == "feasibility urgency maintenance_cost confidence"


def test_table_lines_align_with_japanese_text() -> None:
    proc = cli("prioritise", APPAREL)
    assert_clean_exit(proc, (0,))
    table = proc.stdout.split("\nScored with")[0].splitlines()
    assert len(table) > 5
    # Every column separator sits at the same display column on every line (CJK characters count double).
    separators = {tuple(display_width(line[:i]) for i, ch in enumerate(line) if ch in "|+") for line in table}
    assert len(separators) == 1 and len(next(iter(separators))) >= 6
    assert "サイズ表とモデル着用情報" in proc.stdout
    assert "送料が高い" in proc.stdout  # an unaddressed pain point, shown by name


def test_colour_only_when_asked_and_no_color_wins() -> None:
    assert "\x1b[" not in cli("prioritise", APPAREL).stdout  # not a terminal
    assert "\x1b[" in cli("prioritise", APPAREL, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in cli("prioritise", APPAREL, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


def test_map_text_cannot_drive_the_terminal(write_map) -> None:
    path = write_map(map_text([{"id": "evil", "title": "Bad \x1b[2J\x1b]0;owned\x07 title"}]))
    for fmt in ("table", "markdown"):
        proc = cli("prioritise", str(path), "-f", fmt, env={"FORCE_COLOR": "1"})
        assert_clean_exit(proc, (0,))
        assert "\x1b[2J" not in proc.stdout and "\x07" not in proc.stdout
    explained = cli("prioritise", str(path), "--explain", "evil")
    assert "\x1b[2J" not in explained.stdout and "\\x1b" in explained.stdout


def test_explain_shows_every_term_and_the_sum() -> None:
    proc = cli("prioritise", APPAREL, "--explain", "faq")
    assert_clean_exit(proc, (0,))
    for term in ("impact", "feasibility", "urgency", "maintenance_cost", "set_and_forget", "confidence"):
        assert term in proc.stdout
    assert "= 57.5" in proc.stdout  # 7.5 + 20 + 5 + 10 + 10 + 5
    assert "assumed" in proc.stdout  # faq has no confidence
    assert "fill-in" in proc.stdout and "stage 1" in proc.stdout
    as_json = json.loads(cli("prioritise", APPAREL, "--explain", "apparel-working-mother:faq", "-f", "json").stdout)
    assert as_json["score"] == 57.5 and sum(t["points"] for t in as_json["terms"]) == pytest.approx(57.5)


def test_explain_an_unknown_id_is_a_usage_error() -> None:
    proc = cli("prioritise", APPAREL, "--explain", "size-chrat")
    assert_clean_exit(proc, (2,))
    assert proc.stderr.startswith("cjm: error: no initiative 'size-chrat'") and "size-chart" in proc.stderr


def test_preset_without_its_inputs_names_them_at_the_initiative(write_map) -> None:
    path = write_map(map_text([{"id": "a", "title": "A", "reach": 100, "confidence": 0.5}]))
    proc = cli("prioritise", str(path), "--preset", "rice")
    assert_clean_exit(proc, (2,))
    assert f"{path}:" in proc.stderr and "rice.impact, effort" in proc.stderr
    assert proc.stdout == ""


def test_preset_with_its_inputs(write_map) -> None:
    path = write_map(
        map_text([{"id": "a", "title": "A", "reach": 800, "rice": {"impact": 2}, "confidence": 0.5, "effort": 1}])
    )
    document = json.loads(cli("prioritise", str(path), "--preset", "rice", "-f", "json").stdout)
    assert document["initiatives"][0]["score"] == 800
    assert document["model"]["name"] == "rice"


def test_invalid_map_and_cycle_are_located_input_errors(write_map) -> None:
    broken = write_map(
        "cjm: 1\nid: x\ntitle: X\nphases:\n  - {id: a, name: A, kind: awareness}\ninitiatives:\n"
        "  - id: i\n    title: I\n    impact: 9\n",
        "broken.yaml",
    )
    proc = cli("prioritise", str(broken))
    assert_clean_exit(proc, (2,))
    assert f"{broken}:9:13:" in proc.stderr and proc.stdout == ""
    cycle = write_map(
        map_text([{"id": "a", "title": "A", "depends_on": ["b"]}, {"id": "b", "title": "B", "depends_on": ["a"]}]),
        "cycle.yaml",
    )
    proc = cli("prioritise", str(cycle))
    assert_clean_exit(proc, (2,))
    assert "CJM022" in proc.stderr and "dependency cycle" in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weight", "impact"], "name=number"),
        (["--weight", "reach=2"], "unknown input 'reach'"),
        (["--capacity", "0"], "1 or more"),
        (["--capacity", "a,b"], "whole numbers"),
        (["--preset", "moscow"], "unknown preset"),
        (["--format", "yaml"], "unknown format"),
        (["--explain", "faq", "--format", "csv"], "--explain"),
    ],
)
def test_bad_options_are_one_line_usage_errors(args: list[str], message: str) -> None:
    proc = cli("prioritise", APPAREL, *args)
    assert_clean_exit(proc, (2,))
    assert message in proc.stderr and proc.stderr.startswith("cjm: error:")


def test_config_weights_and_capacity_apply_and_flags_win(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.cjm.prioritise]\ncapacity = 1\n\n[tool.cjm.prioritise.weights]\nimpact = 1\nfeasibility = 0\n"
        "urgency = 0\nmaintenance_cost = 0\nset_and_forget = 0\nconfidence = 0\n",
        encoding="utf-8",
    )
    (tmp_path / "map.yaml").write_text(
        map_text([{"id": "a", "title": "A", "impact": 4}, {"id": "b", "title": "B", "impact": 3}]), encoding="utf-8"
    )
    document = json.loads(cli("prioritise", "map.yaml", "-f", "json", cwd=tmp_path).stdout)
    assert [(i["id"], i["score"], i["stage"]) for i in document["initiatives"]] == [("a", 75, 1), ("b", 50, 2)]
    flagged = json.loads(
        cli(
            "prioritise",
            "map.yaml",
            "-f",
            "json",
            "--weight",
            "impact=0",
            "--weight",
            "urgency=1",
            "--capacity",
            "2",
            cwd=tmp_path,
        ).stdout
    )
    assert {i["score"] for i in flagged["initiatives"]} == {50}  # urgency assumed 3 -> 0.5
    assert {i["stage"] for i in flagged["initiatives"]} == {1}


def test_bad_config_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.cjm.prioritise.weights]\nreach = 2\n', encoding="utf-8"
    )
    (tmp_path / "map.yaml").write_text(map_text([]), encoding="utf-8")
    proc = cli("prioritise", "map.yaml", cwd=tmp_path)
    assert_clean_exit(proc, (2,))
    assert "pyproject.toml:5:1: unknown weight `reach`" in proc.stderr


def test_a_directory_is_one_portfolio(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(map_text([{"id": "faq", "title": "FAQ", "impact": 4}], "shop-a"), "utf-8")
    (tmp_path / "b.yaml").write_text(map_text([{"id": "faq", "title": "FAQ", "impact": 2}], "shop-b"), "utf-8")
    document = json.loads(cli("prioritise", str(tmp_path), "-f", "json").stdout)
    assert [(i["map"], i["id"]) for i in document["initiatives"]] == [("shop-a", "faq"), ("shop-b", "faq")]
    table = cli("prioritise", str(tmp_path)).stdout
    assert "shop-a" in table and "shop-b" in table
    ambiguous = cli("prioritise", str(tmp_path), "--explain", "faq")
    assert_clean_exit(ambiguous, (2,))
    assert "shop-a:faq" in ambiguous.stderr


def test_output_file_and_empty_map(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(map_text([]), encoding="utf-8")
    target = tmp_path / "roadmap.md"
    proc = cli("prioritise", "map.yaml", "-f", "markdown", "-o", str(target), cwd=tmp_path)
    assert_clean_exit(proc, (0,))
    assert "no initiatives" in proc.stderr
    assert "| Stage |" in target.read_text(encoding="utf-8")


def test_every_sample_and_template_prioritises_in_every_format(tmp_path: Path) -> None:
    # samples/invalid holds deliberately broken maps; every other sample must prioritise.
    sources = [
        (str(p), p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "samples").rglob("*.yaml"))
        if "invalid" not in p.relative_to(ROOT / "samples").parts
    ]
    sources += [(str(ROOT / "docs" / "example.yaml"), (ROOT / "docs" / "example.yaml").read_text("utf-8"))]
    sources += [
        (f"{t}-{lang}.yaml", render_template(t, lang, f"{t}.yaml"))
        for t in ("standard", "b2b", "gift", "subscription", "omnichannel")
        for lang in ("en", "ja")
    ]
    journeys = []
    for source, text in sources:
        result = check_text(text, source)
        assert result.journey is not None, (source, result.problems)
        journeys.append(result.journey)
        roadmap = prioritise([result.journey])
        for render in FORMATS.values():
            render(roadmap, io.StringIO(), color=False)
        if roadmap.initiatives:
            assert {r.stage for r in roadmap.initiatives} <= {1, 2, 3}
    samples = [j for j in journeys if j.source.startswith(str(ROOT / "samples"))]
    ids = [j.id for j in samples]
    if samples and len(set(ids)) == len(ids):
        portfolio = prioritise(samples, capacity=5)
        assert len(portfolio.initiatives) == sum(len(j.initiatives) for j in samples)


def test_conflicting_pins_warn_but_print_the_roadmap(write_map) -> None:
    path = write_map(
        map_text(
            [
                {"id": "a", "title": "A", "stage": 1, "depends_on": ["b"]},
                {"id": "b", "title": "B", "stage": 3},
            ]
        )
    )
    proc = cli("prioritise", str(path), "-f", "json")
    assert_clean_exit(proc, (0,))
    assert "CJM061 [warning]" in proc.stderr and f"{path}:" in proc.stderr
    assert {i["id"]: i["stage"] for i in json.loads(proc.stdout)["initiatives"]} == {"a": 3, "b": 3}


def test_the_samples_folder_is_one_portfolio_without_the_excluded_invalid_maps() -> None:
    proc = cli("prioritise", "samples/", "-f", "json")
    assert_clean_exit(proc, (0,))
    document = json.loads(proc.stdout)
    assert len(document["maps"]) == len(list((ROOT / "samples").glob("*.yaml")))
    assert all(i["stage"] in (1, 2, 3) for i in document["initiatives"])
