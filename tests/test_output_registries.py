"""The format registries of the output layer (roadmaps, diffs, adapt reports and rule lists, report documents,
exports) are what the commands offer: `--format` help and "unknown format" errors come from them, every format
in them writes, and a report's format is named by the registry's suffixes."""

from __future__ import annotations

import importlib
import io
import json

import pytest

from cjm.core.errors import CjmError
from cjm.diff import Comparison, MapError, diff_files
from cjm.output.adapt import FORMATS as ADAPT_FORMATS
from cjm.output.adapt import RULE_FORMATS as ADAPT_RULE_FORMATS
from cjm.output.diff import FORMATS as DIFF_FORMATS
from cjm.output.findings import FINDINGS_FORMATS, STATISTICS_FORMATS
from cjm.output.office import EXPORT_FORMATS
from cjm.output.report import FORMATS as REPORT_FORMATS
from cjm.output.report import format_named
from cjm.output.roadmap import EXPLAIN_FORMATS
from cjm.output.roadmap import FORMATS as ROADMAP_FORMATS
from cjm.output.rules import RULE_LIST_FORMATS
from cjm.validation.check import check_file
from tests.conftest import ROOT, cli

SAMPLE = str(ROOT / "samples" / "gift-sweets.yaml")


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        (["prioritise"], ROADMAP_FORMATS),
        (["diff"], DIFF_FORMATS),
        (["adapt"], ADAPT_FORMATS),
        (["export"], EXPORT_FORMATS),
    ],
    ids=["prioritise", "diff", "adapt", "export"],
)
def test_format_help_lists_every_format_of_the_registry(command: list[str], formats: dict) -> None:
    help_text = " ".join(cli(*command, "--help").stdout.split())
    option = help_text[help_text.index("--format") :]
    assert all(name in option for name in formats), option


@pytest.mark.parametrize(
    ("args", "formats"),
    [
        (["prioritise", SAMPLE], ROADMAP_FORMATS),
        (["diff", SAMPLE, SAMPLE], DIFF_FORMATS),
        (["adapt", SAMPLE, "--auto"], ADAPT_FORMATS),
    ],
    ids=["prioritise", "diff", "adapt"],
)
def test_an_unknown_format_names_the_registrys_choices(args: list[str], formats: dict) -> None:
    run = cli(*args, "--format", "xml")
    assert run.returncode == 2
    assert f"unknown format 'xml'; choose one of: {', '.join(formats)}" in run.stderr


def test_every_roadmap_format_writes_and_explain_takes_text_or_json() -> None:
    from cjm.output.roadmap import Explanation, roadmap_format
    from cjm.prioritise import prioritise

    journey = check_file(SAMPLE).journey
    assert journey is not None
    roadmap = prioritise([journey])
    for format in ROADMAP_FORMATS.values():
        out = io.StringIO()
        format.write(roadmap, out)
        assert out.getvalue().strip(), format.name
    item = roadmap.initiatives[0]
    document = io.StringIO()
    EXPLAIN_FORMATS["json"].write(Explanation(roadmap, item), document)
    assert json.loads(document.getvalue())["initiative"]["id"] == item.id
    with pytest.raises(CjmError, match="--explain prints text"):
        roadmap_format("csv", explain=True)


def test_diff_formats_write_a_comparison_with_unreadable_maps() -> None:
    changed = diff_files(SAMPLE, str(ROOT / "samples" / "apparel-working-mother.yaml"), scores=False)
    broken = MapError("broken.yaml", [])
    for format in DIFF_FORMATS.values():
        out = io.StringIO()
        format.write(Comparison([changed], [broken]), out)
        assert "gift-sweets.yaml" in out.getvalue(), format.name
    document = io.StringIO()
    DIFF_FORMATS["json"].write(Comparison([], [broken]), document)
    assert json.loads(document.getvalue())["errors"] == [{"file": "broken.yaml", "problems": []}]
    text = io.StringIO()
    DIFF_FORMATS["text"].write(Comparison([], [broken]), text)
    assert text.getvalue() == ""  # standard error says why; the report keeps to what changed


@pytest.mark.parametrize(
    ("format", "output", "expected"),
    [
        (None, None, "markdown"),
        (None, "-", "markdown"),
        ("md", None, "markdown"),
        ("htm", "report.md", "html"),
        (None, "docs/Report.HTML", "html"),
        (None, "report.markdown", "markdown"),
    ],
)
def test_a_reports_format_comes_from_the_registry(format: str | None, output: str | None, expected: str) -> None:
    assert format_named(format, output) == expected
    assert expected in REPORT_FORMATS


def test_an_unknown_report_format_says_what_to_give() -> None:
    with pytest.raises(CjmError, match=r"give --format markdown or html, or an output file ending in \.md or \.html"):
        format_named(None, "report.txt")


@pytest.mark.parametrize(
    "registry",
    [
        FINDINGS_FORMATS,
        STATISTICS_FORMATS,
        RULE_LIST_FORMATS,
        ROADMAP_FORMATS,
        EXPLAIN_FORMATS,
        DIFF_FORMATS,
        ADAPT_FORMATS,
        ADAPT_RULE_FORMATS,
        REPORT_FORMATS,
    ],
    ids=lambda registry: registry.kind,
)
def test_every_writer_a_registry_names_is_a_function(registry) -> None:
    """A writer named as a "module:function" string is found only when that format is written (and the dead-code
    check cannot see it used: vulture_whitelist.py lists the names), so each one is loaded here."""
    for name in registry:
        assert callable(registry[name].load()), (registry.kind, name)


def test_every_export_builder_is_a_function() -> None:
    for export in EXPORT_FORMATS.values():
        module, _, function = export.builder.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), export.name
