"""The benchmark's corpus is made of valid, varied, realistic maps, and the harness judges targets right.
(No timing is asserted here: the harness measures, `make bench` reports.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.generate import generate_map, write_corpus
from bench.run import SCALING_COMMANDS, Target, command_exists
from cjm.validate import check_text


def test_generated_maps_are_valid_and_vary() -> None:
    industries, languages, phase_counts = Counter(), Counter(), Counter()
    for index in range(30):
        result = check_text(generate_map(2024, index), f"map-{index}.yaml")
        assert result.problems == [], result.problems[:3]
        journey = result.journey
        industries[journey.id.rsplit("-", 1)[0]] += 1
        languages[journey.language] += 1
        phase_counts[len(journey.phases)] += 1
        assert journey.initiatives and journey.messages and journey.personas
    assert len(industries) == 10 and len(phase_counts) >= 4
    assert languages["ja"] > languages["en"] > 0  # mostly Japanese, as the maps consultants keep here


def test_generation_is_deterministic() -> None:
    assert generate_map(1, 5) == generate_map(1, 5)
    assert generate_map(1, 5) != generate_map(2, 5)


@pytest.mark.parametrize("phases", [10, 100])
def test_single_maps_have_exactly_their_phases(phases: int) -> None:
    result = check_text(generate_map(2024, 0, phases=phases), "scale.yaml")
    assert result.problems == []
    assert len(result.journey.phases) == phases
    assert len(result.journey.initiatives) >= phases // 2


def test_corpus_is_written_once_and_reused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, count=3)
    assert [p.name for p in corpus.maps] == ["map-0001.yaml", "map-0002.yaml", "map-0003.yaml"]
    assert set(corpus.single) == {10, 100, 1000}
    stamp = corpus.maps[0].stat().st_mtime_ns
    write_corpus(tmp_path, count=3)
    assert corpus.maps[0].stat().st_mtime_ns == stamp


@pytest.mark.parametrize(
    ("wanted", "limit", "value", "status"),
    [
        ("at least", 5, 7.9, "met"),
        ("at least", 5, 4.9, "MISSED"),
        ("at most", 2, 2.0, "met"),
        ("at most", 2, 2.01, "MISSED"),
        ("at most", 12, None, "skipped"),
    ],
)
def test_target_status(wanted: str, limit: float, value: float | None, status: str) -> None:
    assert Target("t", wanted, limit, value).status == status


def test_missing_commands_are_detected_not_crashed_on() -> None:
    assert command_exists("validate")
    assert not command_exists("no-such-command")
    assert "validate" in SCALING_COMMANDS and "render" in SCALING_COMMANDS
