"""Unknown keys past what a report shows are counted, not explained (a map with 200,000 of them is checked in
about the time it takes to parse): the report is the same as when every one is explained and then capped."""

from __future__ import annotations

import pytest

from cjm.core.problem import cap_repeats
from cjm.io.loader import load_yaml
from cjm.validation.schema import _validator, check_schema, explain_schema_errors


def _map(top: int, phase: int, repeated: int, later: int = 0) -> str:
    lines = ["cjm: 1", "id: m", "title: M"]
    lines += [f"top{n:03}: x" for n in range(top)]
    lines += ["phases:"]
    for p in range(3):
        lines += [f"  - id: p{p}", f"    name: P{p}", "    kind: custom"]
        lines += [f"    note{p}{n:03}: x" for n in range(phase)]
        lines += ["    emotoin: 1"] * (p < repeated)
        lines += [f"    late{p}{n:03}: x" for n in range(later)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("top", "phase", "repeated", "later"),
    [(0, 0, 0, 0), (30, 0, 0, 0), (5, 30, 3, 0), (12, 12, 3, 5), (0, 40, 2, 40), (200, 200, 3, 200)],
)
def test_counting_unknown_keys_reports_what_explaining_them_all_does(
    top: int, phase: int, repeated: int, later: int
) -> None:
    doc = load_yaml(_map(top, phase, repeated, later), "m.yaml")
    explained_all = cap_repeats(explain_schema_errors(doc, _validator()))
    counted = cap_repeats(check_schema(doc))
    assert counted == explained_all
    assert [(p.message, p.omitted, p.path) for p in counted] == [(p.message, p.omitted, p.path) for p in explained_all]
    assert sum(p.count for p in counted) == top + 3 * (phase + later) + min(repeated, 3) * (repeated < 3) + (
        repeated >= 3
    )


def test_a_map_of_200000_unknown_keys_is_explained_in_about_the_time_it_is_parsed() -> None:
    """Explaining every key took three and a half times the parse; counting them takes about half of it."""
    import time

    from .test_hostile_slow import unknown_keys

    raw = unknown_keys()
    start = time.process_time()
    doc = load_yaml(raw, "big.yaml")
    parsed = time.process_time() - start
    start = time.process_time()
    problems = cap_repeats(check_schema(doc))
    explained = time.process_time() - start
    assert sum(p.count for p in problems) == 200_000 and len(problems) == 11
    assert explained < 1.5 * parsed, (explained, parsed)
