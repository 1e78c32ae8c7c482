"""Suggestions ("did you mean …?") stay right and cost a bounded amount per file, however many ids look alike."""

from __future__ import annotations

import time

from cjm.validation.check import check_text
from cjm.validation.suggest import Suggestions, closest


def look_alike_references(count: int = 2_000) -> bytes:
    """A small map whose every reference is broken and near many look-alike ids, each a fair 'did you mean'."""
    lines = [
        "cjm: 1",
        "id: slow",
        "title: Slow",
        "phases:",
        "  - id: awareness",
        "    name: A",
        "    kind: awareness",
        "    pain_points:",
    ]
    lines += [f"      - {{id: pain-point-number-{i:05d}, text: p}}" for i in range(count)]
    lines += ["initiatives:"]
    lines += [f"  - {{id: init-{i:05d}, title: t, pain_points: [pain-point-numbr-{i:05d}]}}" for i in range(count)]
    return ("\n".join(lines) + "\n").encode()


def test_the_right_suggestion_among_thousands_of_look_alikes():
    ids = [f"pain-point-number-{i:05d}" for i in range(5_000)]
    suggestions = Suggestions()
    assert suggestions.closest("pain-point-numbr-03217", ids) == "pain-point-number-03217"
    assert suggestions.closest("delivery-delay", ids) is None
    assert closest("emotions", ["emotion", "actions", "kpis"]) == "emotion"


def test_a_spent_budget_gives_no_more_suggestions():
    suggestions = Suggestions(budget=10)
    assert suggestions.closest("emotions", ["emotion"] * 9) == "emotion"
    assert suggestions.closest("emotions", ["emotion"]) is None


def test_a_map_of_broken_references_to_look_alike_ids_is_checked_fast():
    start = time.process_time()
    result = check_text(look_alike_references(), "slow.yaml")
    assert time.process_time() - start < 20  # a hang guard: difflib on every pair took minutes
    assert "did you mean 'pain-point-number-00000'?" in result.problems[0].message
