"""The benchmark's corpus is made of valid, varied, realistic maps, and the harness judges targets right.
(No timing is asserted here: the harness measures, `make bench` reports.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.generate import generate_map, write_corpus
from bench.run import SCALING_COMMANDS, Report, Target, command_exists, verdict
from cjm.validation.check import check_text


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
    assert len(result.journey.initiatives) >= phases // 4


def test_the_largest_single_map_fits_the_size_limit() -> None:
    """Bytes per phase of the 100-phase map, times 10,000, stay under the 8 MB cjm reads (with room to spare:
    the 10,000-phase map itself is too slow to make in a test)."""
    from bench.generate import SINGLE_SIZES
    from cjm.io.loader import DEFAULT_LIMITS

    per_phase = max(len(generate_map(2024, 0, phases=100, edited=edited).encode()) for edited in (False, True)) / 100
    assert per_phase * max(SINGLE_SIZES) < 0.97 * DEFAULT_LIMITS.max_bytes


def test_the_edited_single_map_differs_in_every_way_diff_tells() -> None:
    from cjm.diff import diff_journeys

    before = check_text(generate_map(2024, 0, phases=100), "a.yaml")
    after = check_text(generate_map(2024, 0, phases=100, edited=True), "b.yaml")
    assert after.problems == []
    kinds = set(diff_journeys(before.journey, after.journey).counts)
    assert {
        ("phase", "renamed"),
        ("phase", "reordered"),
        ("item", "changed"),
        ("item", "moved"),
        ("item", "added"),
        ("item", "removed"),
        ("emotion", "changed"),
        ("initiative", "changed"),
    } <= kinds


def test_corpus_is_written_once_and_reused(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, count=3, sizes=(10,))
    assert [p.name for p in corpus.maps] == ["map-0001.yaml", "map-0002.yaml", "map-0003.yaml"]
    assert set(corpus.single) == set(corpus.edited) == {10}
    stamp = corpus.maps[0].stat().st_mtime_ns
    write_corpus(tmp_path, count=3, sizes=(10,))
    assert corpus.maps[0].stat().st_mtime_ns == stamp


@pytest.mark.parametrize(
    ("wanted", "limit", "value", "status"),
    [
        ("at least", 5, 7.9, "met"),
        ("at least", 5, 4.9, "MISSED"),
        ("at most", 2, 2.0, "met"),
        ("at most", 2, 2.01, "MISSED"),
        ("at most", 12, None, "NOT MEASURED"),
    ],
)
def test_target_status(wanted: str, limit: float, value: float | None, status: str) -> None:
    assert Target("t", wanted, limit, value).status == status


def test_missing_commands_are_detected_not_crashed_on() -> None:
    assert command_exists("validate")
    assert not command_exists("no-such-command")
    assert "validate" in SCALING_COMMANDS and "render map (DOT)" in SCALING_COMMANDS


def test_every_scaling_command_exists() -> None:
    """A renamed command or option must not turn a scaling target into a silent gap."""
    for name, template in SCALING_COMMANDS.items():
        assert command_exists(template[0]), name


def test_a_missed_or_unmeasured_target_fails_the_run() -> None:
    report = Report({})
    report.targets = [Target("fine", "at most", 12, 3.0)]
    assert verdict(report)
    report.targets += [Target("slow", "at most", 12, 30.0), Target("absent", "at least", 5)]
    assert not verdict(report)
    assert "  MISSED: slow" in report.lines and "  NOT MEASURED: absent" in report.lines


def test_a_measured_run_reuses_no_cache(tmp_path: Path) -> None:
    """bench.inprocess empties every cache cjm keeps before the measured run: adapt kept the map it read last,
    keyed on its bytes, which made repeated runs on one map cheaper than a user's."""
    import sys

    from bench.inprocess import forget_caches, run_once

    sample = tmp_path / "map.yaml"
    sample.write_bytes((Path(__file__).parent.parent / "samples" / "gift-sweets.yaml").read_bytes())
    run_once(["adapt", str(sample), "--rule", "gift", "-o", str(tmp_path / "out.yaml")])
    caches = [
        value
        for name, module in list(sys.modules.items())
        if name == "cjm" or name.startswith("cjm.")
        for value in vars(module).values()
        if callable(getattr(value, "cache_info", None))
    ]
    assert any(cache.cache_info().currsize for cache in caches)
    assert forget_caches() > 0
    assert all(cache.cache_info().currsize == 0 for cache in caches)


def test_hostile_maps_are_what_they_say() -> None:
    from bench.hostile import broken_references, rewritten_phase, unknown_keys

    assert unknown_keys(10) == unknown_keys(10) and rewritten_phase(5) == rewritten_phase(5)
    # Counted with the problems a capped report folds into its last note (cjm.core.problem.cap_repeats).
    problems = check_text(unknown_keys(50), "u.yaml").problems
    assert sum(p.count for p in problems) == 50 and all("unknown key" in p.message for p in problems if not p.omitted)
    problems = check_text(broken_references(30), "b.yaml").problems
    assert sum(p.count for p in problems) == 30 and all("pian-" in p.message for p in problems if not p.omitted)
    before, after = rewritten_phase()
    assert 100_000 < len(before) < 120_000 and before != after
    assert check_text(before, "a.yaml").problems == check_text(after, "b.yaml").problems == []
