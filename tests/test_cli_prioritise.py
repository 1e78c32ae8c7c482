"""`cjm prioritise` / `cjm prioritize` as a user and CI run it: formats, --explain, config, errors, Japanese text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from cjm.adapt.templates import render_template
from cjm.core.text import display_width
from cjm.output.roadmap import FORMATS
from cjm.prioritise import prioritise
from cjm.validation.check import check_file, check_text
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
    proc = cli("prioritise", APPAREL, env={"COLUMNS": ""})
    assert_clean_exit(proc, (0,))
    table = proc.stdout.split("\nスコア：")[0].splitlines()
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


def english(write_map, path: str = APPAREL) -> str:
    """The Japanese fixture as an English map (`language: en`): its --explain speaks English."""
    text = Path(path).read_text(encoding="utf-8")
    assert "\nlanguage: ja\n" in text
    return str(write_map(text.replace("\nlanguage: ja\n", "\nlanguage: en\n"), "apparel-en.yaml"))


def test_explain_shows_every_term_and_the_sum(write_map) -> None:
    proc = cli("prioritise", english(write_map), "--explain", "faq")
    assert_clean_exit(proc, (0,))
    for term in ("impact", "feasibility", "urgency", "maintenance_cost", "set_and_forget", "confidence"):
        assert term in proc.stdout
    assert "= 57.5" in proc.stdout  # 7.5 + 20 + 5 + 10 + 10 + 5
    assert "assumed" in proc.stdout  # faq has no confidence
    assert "fill-in" in proc.stdout and "stage 1" in proc.stdout
    as_json = json.loads(cli("prioritise", APPAREL, "--explain", "apparel-working-mother:faq", "-f", "json").stdout)[
        "initiative"
    ]
    assert as_json["score"] == 57.5 and sum(t["points"] for t in as_json["terms"]) == pytest.approx(57.5)


def test_explain_an_unknown_id_is_a_usage_error() -> None:
    proc = cli("prioritise", APPAREL, "--explain", "size-chrat")
    assert_clean_exit(proc, (2,))
    assert proc.stderr.startswith("cjm: error: no initiative 'size-chrat'") and "size-chart" in proc.stderr


def test_every_preset_runs_on_every_sample_and_says_what_it_derived(write_map) -> None:
    samples = [p for p in sorted((ROOT / "samples").glob("*.yaml"))]
    for preset in ("rice", "ice", "wsjf"):
        proc = cli("prioritise", "samples/", "--preset", preset, "-f", "json")
        assert_clean_exit(proc, (0,))
        document = json.loads(proc.stdout)
        assert document["model"]["name"] == preset and len(document["maps"]) == len(samples)
        for item in document["initiatives"]:
            assert item["score"] > 0
            for term in item["terms"]:
                if term["name"] == "cost_of_delay" or term["assumed"]:
                    continue
                head, _, tail = term["name"].partition(".")
                written = item["inputs"].get(head)
                written = written.get(tail) if tail and isinstance(written, dict) else (None if tail else written)
                # A term is either written in the map, with that value, or derived and says so.
                assert ("derived" in term) == (written is None), (item["id"], term)
                assert ("derived" in term) == (term["name"] in item["derived"])
                if written is not None:
                    assert term["value"] == written
        assert any(item["derived"] for item in document["initiatives"])
    # An initiative without preset inputs: every term says where it came from.
    explained = cli("prioritise", english(write_map), "--preset", "wsjf", "--explain", "faq")
    assert_clean_exit(explained, (0,))
    assert "from impact 2 on 1→1, 2→3, 3→5, 4→8, 5→13" in explained.stdout
    assert "(derived)" in explained.stdout and "write them in the map to override" in explained.stdout
    table = cli("prioritise", APPAREL, "--preset", "ice", env={"COLUMNS": ""})
    assert "I4~ C5?" in table.stdout  # faq: impact 2 doubled (derived), confidence not in the map (assumed)
    assert "~ = " in table.stdout


def test_explain_shows_the_urgency_a_prerequisite_inherits(write_map) -> None:
    path = write_map(
        map_text(
            [
                {"id": "launch", "title": "Launch", "impact": 5, "urgency": 5, "depends_on": ["photos"]},
                {"id": "photos", "title": "Photos", "impact": 2, "urgency": 2},
            ]
        ).replace("cjm: 1\n", "cjm: 1\nlanguage: en\n", 1)  # its phase name is Japanese: say the map is English
    )
    proc = cli("prioritise", str(path), "--explain", "photos")
    assert_clean_exit(proc, (0,))
    assert "urgency: inherits urgency 5 from 'launch', which depends on it (own 2)" in proc.stdout
    assert "ranked before 'launch'" in proc.stdout
    item = json.loads(cli("prioritise", str(path), "--explain", "photos", "-f", "json").stdout)["initiative"]
    assert item["inherits"] == {"input": "urgency", "value": 5, "own": 2, "from": "launch", "via": [], "steps": 0}
    assert item["rank"] == 1 and item["rank_reason"].startswith("ranked before 'launch'")


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
    assert "| ステージ |" in target.read_text(encoding="utf-8")  # the map's phase names are Japanese


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
        for format in FORMATS.values():
            format.write(roadmap, io.StringIO(), color=False)
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


def test_a_japanese_map_gets_japanese_table_and_markdown() -> None:
    table = cli("prioritise", APPAREL, env={"COLUMNS": ""}).stdout
    for words in (
        "ステージ",
        "順位",
        "スコア",
        "象限",
        "施策",
        "クイックウィン",
        "大型施策",
        "見送り候補",
        "ステージ1（仕組み化・すぐできる施策、5件）",
        "対応する施策のないペインポイント（2件）：",
        "感情の低点：",
        "ステージ2で対応（ペインポイント2件中1件）",
        "標準モデル",
    ):
        assert words in table, words
    for english in ("Stage ", "quick win", "Pain points", "addressed in", "Scored with"):
        assert english not in table, english
    markdown = cli("prioritise", APPAREL, "-f", "markdown").stdout
    for words in (
        "## ロードマップ",
        "| ステージ | 順位 |",
        "### カバレッジ",
        "**ステージ1**（仕組み化・すぐできる施策、5件）",
        "### 対応する施策のないペインポイント",
        "- 購入：送料が高い（`shipping-cost`、深刻度4）",
        "### 感情の低点",
    ):
        assert words in markdown, words
    english = cli("prioritise", "samples/omnichannel-furniture.yaml", "-f", "markdown").stdout
    assert "## Roadmap" in english and "| Stage |" in english and "ステージ" not in english


@pytest.mark.parametrize("columns", [80, 60])
def test_a_narrow_terminal_keeps_japanese_titles_readable(columns: int) -> None:
    proc = cli("prioritise", APPAREL, env={"COLUMNS": str(columns)})
    assert_clean_exit(proc, (0,))
    table = proc.stdout.split("\nスコア：")[0].splitlines()
    assert all(display_width(line) <= columns for line in table)
    assert table[0].split("|")[-1].strip() == "施策"  # the titles come last, the inputs left out
    # The title column keeps at least 16 columns (8 kanji) and every title is there, perhaps over two lines.
    assert display_width(table[1].split("+")[-1]) >= 16
    cells = "".join(line.split("|")[-1].strip() for line in table[2:] if "|" in line)
    for title in ("閲覧履歴に基づくパーソナライズ推薦", "サイズ表とモデル着用情報", "テレビCM"):
        assert title in cells.replace(" ", ""), title
    assert "loyalty-expansion" in proc.stdout  # the id, under its title


def test_csv_file_starts_with_a_bom_for_excel_unless_told_not_to(tmp_path: Path) -> None:
    target = tmp_path / "roadmap.csv"
    assert_clean_exit(cli("prioritise", APPAREL, "-o", str(target)), (0,))  # the suffix chooses CSV
    data = target.read_bytes()
    assert data.startswith(b'\xef\xbb\xbf"rank",')  # every text cell is quoted (cjm.core.csv_writer)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["title"] == "購入者レビューの掲載"
    assert data.decode("cp932", errors="replace") != data.decode("utf-8-sig")  # the BOM is what Excel needs
    assert_clean_exit(cli("prioritise", APPAREL, "-o", str(target), "--no-bom"), (0,))
    assert target.read_bytes().startswith(b'"rank",')
    assert cli("prioritise", APPAREL, "-f", "csv").stdout.startswith('"rank",')  # never on standard output
    assert cli("prioritise", APPAREL, "-f", "csv", "--bom").stdout.startswith('\ufeff"rank",')


def test_heavy_upkeep_with_low_confidence_is_named_everywhere(write_map) -> None:
    table = cli("prioritise", APPAREL, env={"COLUMNS": ""}).stdout
    assert "大型施策・要再検討" in table
    assert "要再検討の施策しか対応していないペインポイント（1件）：" in table
    assert "また買う理由がない（no-reason-to-return、深刻度3） → loyalty-expansion（ポイント制度のランク拡張）" in table
    document = json.loads(cli("prioritise", APPAREL, "-f", "json").stdout)
    loyalty = next(i for i in document["initiatives"] if i["id"] == "loyalty-expansion")
    assert loyalty["risk"] == "rethink" and loyalty["label"] == "大型施策・要再検討"
    assert "maintenance cost 5" in loyalty["risk_reason"]
    [pain] = document["coverage"]["answered_only_by_risky"]
    assert pain["id"] == "no-reason-to-return" and pain["initiatives"] == ["apparel-working-mother:loyalty-expansion"]
    rows = list(csv.DictReader(io.StringIO(cli("prioritise", APPAREL, "-f", "csv").stdout)))
    assert {r["id"] for r in rows if r["risk"] == "rethink"} == {"loyalty-expansion"}
    explained = cli("prioritise", english(write_map), "--explain", "loyalty-expansion").stdout
    assert "rethink: heavy upkeep (maintenance cost 5 ≥ 4) and low confidence (0.4 < 0.5)" in explained


def test_a_low_point_line_says_which_pain_only_a_risky_initiative_answers(write_map) -> None:
    text = yaml.safe_dump(
        {
            "cjm": 1,
            "id": "shop",
            "title": "Shop",
            "language": "en",
            "phases": [
                {
                    "id": "consideration",
                    "name": "Consideration",
                    "kind": "consideration",
                    "emotion": {"score": -2, "note": "Worried"},
                    "pain_points": [{"id": "price", "text": "Price unclear"}, {"id": "fit", "text": "Fit unclear"}],
                }
            ],
            "initiatives": [
                {"id": "chart", "title": "Chart", "impact": 4, "feasibility": 5, "pain_points": ["fit"]},
                {
                    "id": "ai-quote",
                    "title": "AI quote",
                    "maintenance_cost": 5,
                    "confidence": 0.2,
                    "pain_points": ["price"],
                },
            ],
        },
        sort_keys=False,
    )
    proc = cli("prioritise", str(write_map(text)), "-f", "markdown")
    assert_clean_exit(proc, (0,))
    markdown = proc.stdout
    assert "addressed in stage 1; only initiatives to rethink answer price" in markdown
    assert "### Pain points answered only by initiatives to rethink" in markdown


def test_a_narrow_terminal_gets_english_lines_broken_between_words() -> None:
    proc = cli("prioritise", "tests/corpus/electronics-robot-vacuum.yaml", env={"COLUMNS": "80"})
    assert_clean_exit(proc, (0,))
    lines = proc.stdout.splitlines()
    assert all(display_width(line) <= 80 for line in lines)
    # Every id and phase name is whole on one line: nothing is cut in the middle of a word.
    for word in ("first-run-stuck", "label-printer", "Delivery & setup", "live-video-setup"):
        assert any(word in line for line in lines), word


@pytest.mark.parametrize("columns", [80, 60])
def test_a_narrow_terminal_gets_japanese_notes_broken_between_characters_never_inside_an_id(columns: int) -> None:
    """The coverage notes under a Japanese table used to be one long line each, which the terminal cut wherever
    it reached the edge, ids included (`cart-abandon` / `ment`)."""
    proc = cli("prioritise", APPAREL, env={"COLUMNS": str(columns)})
    assert_clean_exit(proc, (0,))
    notes = _coverage(proc.stdout).splitlines()
    assert all(display_width(line) <= columns for line in notes)
    text = "\n".join(notes)
    roadmap = json.loads(cli("prioritise", APPAREL, "-f", "json").stdout)
    ids = {item["id"] for item in roadmap["initiatives"]} | {
        pain for item in roadmap["initiatives"] for pain in item.get("pain_points", [])
    }
    shown = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text.replace("\n    ", ""))]
    assert shown, "the notes name ids"
    for found in shown:
        assert re.search(rf"(?<![\w-]){re.escape(found)}(?![\w-])", text), f"{found} is cut over two lines"
    unbroken = _coverage(cli("prioritise", APPAREL, env={"COLUMNS": ""}).stdout)
    assert text.replace("\n    ", "").replace(" ", "") == unbroken.rstrip("\n").replace("\n    ", "").replace(
        " ", ""
    ), "breaking the lines changes nothing but the breaks"


def _coverage(table: str) -> str:
    """The notes under a Japanese roadmap table: what each stage covers, the gaps, the low points."""
    return table.split("\nスコア：")[1].split("\n\n", 1)[1]


# Latin words a Japanese explanation may hold besides the map's own ids, titles and names.
_LATIN_IN_JAPANESE = {"ID", "WSJF", "RICE", "ICE", "docs", "prioritise", "md", "v"}


def _japanese_map_with_every_reason(write_map) -> Path:
    """A Japanese map whose explanations give every kind of reason: pinned, pulled in, after a dependency, a stage
    full, a rank before a dependent, inherited urgency through a chain, risk, set-and-forget, money pit."""
    initiatives = [
        {"id": "launch", "title": "新規開始", "impact": 5, "feasibility": 4, "urgency": 5, "depends_on": ["mid"]},
        {"id": "mid", "title": "中間", "impact": 4, "feasibility": 2, "urgency": 2, "depends_on": ["base"]},
        {"id": "base", "title": "土台", "impact": 2, "feasibility": 1, "maintenance_cost": 5, "confidence": 0.3},
        {"id": "pin", "title": "固定", "impact": 2, "feasibility": 5, "stage": 1, "depends_on": ["late"]},
        {"id": "late", "title": "後回し", "impact": 4, "feasibility": 2, "maintenance_cost": 4},
        {"id": "sf", "title": "仕組み", "impact": 3, "feasibility": 4, "set_and_forget": True, "reach": 50},
        {"id": "q1", "title": "即効1", "impact": 5, "feasibility": 5, "pain_points": ["size"]},
        {"id": "q2", "title": "即効2", "impact": 4, "feasibility": 4, "phases": ["consideration"]},
    ]
    text = map_text(initiatives, title="店舗").replace("cjm: 1\n", "cjm: 1\nlanguage: ja\n", 1)
    return write_map(text)


@pytest.mark.parametrize("preset", ["default", "rice", "ice", "wsjf"])
def test_explain_of_a_japanese_map_is_japanese_throughout(write_map, preset: str) -> None:
    every_reason = str(_japanese_map_with_every_reason(write_map))
    maps = [APPAREL, str(ROOT / "samples" / "cosmetics-subscription.yaml"), every_reason]
    for path in maps:
        args = ["--capacity", "2,3"] if path == every_reason else []
        document = json.loads(cli("prioritise", path, "--preset", preset, *args, "-f", "json").stdout)
        assert document["language"] == "ja"
        for item in document["initiatives"]:
            proc = cli("prioritise", path, "--preset", preset, *args, "--explain", item["id"])
            assert_clean_exit(proc, (0,))
            text = proc.stdout
            # What the map says (ids, titles, phase names, the file) is data; everything else is Japanese.
            data = [path, *item["pain_points"], *(document["maps"])]
            data += [i["id"] for i in document["initiatives"]] + [i["title"] for i in document["initiatives"]]
            for name in sorted(set(data), key=len, reverse=True):
                text = text.replace(name, "")
            english = set(re.findall(r"[A-Za-z]+", text)) - _LATIN_IN_JAPANESE
            assert not english, (path, preset, item["id"], english, proc.stdout)
            for word in ("スコア", "順位", "象限", "ステージ", "対応：フェーズ", item["stage_label"]):
                assert word in proc.stdout, (word, proc.stdout)
            assert item["label"].split("・")[0] in proc.stdout


def test_explain_reasons_of_a_japanese_map_read_as_japanese(write_map) -> None:
    path = str(_japanese_map_with_every_reason(write_map))

    def explain(initiative: str) -> str:
        proc = cli("prioritise", path, "--capacity", "2,3", "--explain", initiative)
        assert_clean_exit(proc, (0,))
        return proc.stdout

    base = explain("base")
    assert "緊急度：これに依存する'launch'から 'mid' を経て緊急度 5 を継承（自身の値 3、仮定）" in base
    assert "順位 1／8：これに依存する'mid'" not in base and "順位 1／8：これに依存する'launch'（スコア" in base
    assert "要再検討：維持コストが重く（維持コスト 5 ≥ 4）確度が低い（0.3 < 0.5）" in base
    assert "象限：見送り候補（インパクト 2 < 3、実現しやすさ 1 < 3）" in base
    assert "マップでステージを指定" in explain("pin")
    pulled_in = "高度な施策：維持コストの重い大型施策（維持コスト 4）。ステージ1の'pin'がこれに依存"
    assert f"ステージ1（仕組み化・すぐできる施策）：{pulled_in}" in explain("late")
    spilled = "仕組み化。ステージ1はキャパシティ2件で満杯のため、ステージ2へ"
    assert f"ステージ2（重要な接点の強化）：{spilled}" in explain("sf")
    # JSON stays English, whatever the map's language.
    item = json.loads(cli("prioritise", path, "--explain", "base", "-f", "json").stdout)["initiative"]
    assert item["risk_reason"].startswith("heavy upkeep") and item["rank_reason"].startswith("ranked before")
