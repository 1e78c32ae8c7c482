"""Generated docs never drift from their source, and the annotated example is a valid map."""

from __future__ import annotations

from cjm.validation.check import check_file
from tools.docs import EXAMPLE, PAGES, ROOT


def test_generated_pages_are_up_to_date():
    for relative, build in PAGES.items():
        assert (ROOT / relative).read_text(encoding="utf-8") == build(), f"{relative} drifted: run `make docs`"


def test_the_annotated_example_is_valid():
    assert check_file(str(EXAMPLE)).problems == []


def test_the_readme_counts_the_rules_there_are():
    import re

    from cjm.lint.rules import RULES

    counts = re.findall(r"(\d+) (?:named, documented )?rules", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert counts and {int(n) for n in counts} == {len(RULES)}
