"""The sample maps: every sample is valid and meets the brief of a good map; every deliberately broken file in
`samples/invalid/` produces exactly the problems listed in `tests/data/invalid-samples-expected.yaml`."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from cjm.core.model import KIND_ORDER, POST_PURCHASE_KINDS, Journey
from cjm.io.config import find_config
from cjm.io.files import Exclude, expand
from cjm.io.loader import load_yaml
from cjm.validation.check import check_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
INVALID = SAMPLES / "invalid"
EXPECTED_FILE = ROOT / "tests" / "data" / "invalid-samples-expected.yaml"

SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
INVALID_FILES = sorted(INVALID.glob("*.yaml"))


def _expected() -> dict[str, list[dict]]:
    doc = load_yaml(EXPECTED_FILE.read_bytes(), str(EXPECTED_FILE))
    assert doc.ok, doc.problems
    return doc.data


@functools.cache
def _journey(path: Path) -> Journey:
    result = check_file(str(path))
    assert result.problems == [], "\n".join(f"{p.line}:{p.col}: {p.code} {p.message}" for p in result.problems)
    assert result.journey is not None
    return result.journey


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_is_valid(path: Path) -> None:
    journey = _journey(path)
    assert journey.id == path.stem, "a sample's id is its file name"


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_invalid_sample_gives_exactly_its_expected_problems(path: Path) -> None:
    expected = _expected()[path.name]
    problems = check_file(str(path)).problems
    assert [(p.code, p.line, p.col) for p in problems] == [(e["code"], e["line"], e["col"]) for e in expected]
    for problem, wanted in zip(problems, expected, strict=True):
        assert wanted["message"] in problem.message


def test_expectations_and_invalid_files_match() -> None:
    assert sorted(_expected()) == [p.name for p in INVALID_FILES]


def test_searching_samples_skips_the_excluded_invalid_folder_but_naming_it_does_not() -> None:
    exclude = Exclude.from_config(find_config(str(ROOT)))
    found = [Path(p).resolve() for p in expand([str(SAMPLES)], exclude)]
    assert sorted(found) == SAMPLE_FILES
    named = {Path(p).resolve() for p in expand([str(INVALID)], exclude)}
    assert named == set(INVALID_FILES)


def test_exclude_patterns_match_relative_paths_and_names(tmp_path: Path) -> None:
    for folder in ("maps", "maps/broken", "maps/broken/deeper", "maps/kept"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.yaml").write_text("cjm: 1\n")
    (tmp_path / "maps" / "draft-b.yaml").write_text("cjm: 1\n")
    (tmp_path / ".cjm.yaml").write_text('exclude: ["maps/broken", "draft-*"]\n')
    found = {
        Path(p).relative_to(tmp_path).as_posix()
        for p in expand([str(tmp_path / "maps")], Exclude.from_config(find_config(str(tmp_path))))
    }
    assert found == {"maps/a.yaml", "maps/kept/a.yaml"}


# --- what makes a sample a good map (the brief the samples were written to) -----------------------------------


def _ids(journey: Journey, key: str) -> set[str]:
    return {x for initiative in journey.initiatives for x in initiative.raw.get(key, [])}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_phases_are_complete(path: Path) -> None:
    journey = _journey(path)
    ranks = [KIND_ORDER[p.kind] for p in journey.phases]
    assert ranks == sorted(ranks), "phases in the usual order"
    kinds = {p.kind for p in journey.phases}
    assert kinds & POST_PURCHASE_KINDS and "advocacy" in kinds, "the journey goes on past purchase to advocacy"
    for phase in journey.phases:
        assert phase.actions and phase.thoughts and phase.touchpoints, phase.id
        assert phase.emotions and all(e.note for e in phase.emotions), phase.id
        assert phase.kpis and all({"metric", "target", "unit"} <= set(k.raw) for k in phase.kpis), phase.id


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_pain_points_lead_to_initiatives(path: Path) -> None:
    journey = _journey(path)
    pains = {i.id for _, i in journey.items() if i.list_name == "pain_points"}
    opportunities = [i for _, i in journey.items() if i.list_name == "opportunities"]
    assert pains and pains <= {p for o in opportunities for p in o.get("addresses", [])}
    assert pains <= _ids(journey, "pain_points")
    assert {o.id for o in opportunities} <= _ids(journey, "opportunities")
    lowest = min(p.emotion_score for p in journey.phases)
    low_points = {p.id for p in journey.phases if p.emotion_score == lowest}
    assert low_points <= _ids(journey, "phases"), "every emotional low point has an initiative"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_initiatives_can_be_prioritised(path: Path) -> None:
    journey = _journey(path)
    needed = {"phases", "impact", "feasibility", "urgency", "maintenance_cost", "set_and_forget", "confidence"}
    for initiative in journey.initiatives:
        assert needed <= set(initiative.raw), initiative.id
        assert initiative["pain_points"] or initiative["opportunities"], initiative.id
        if initiative["set_and_forget"]:
            assert initiative["maintenance_cost"] <= 2, f"{initiative.id}: set-and-forget yet costly to maintain"
    for preset in ("rice", "ice", "wsjf"):
        assert any(preset in i.raw for i in journey.initiatives), f"no initiative has {preset} inputs"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_personas_and_messages(path: Path) -> None:
    journey = _journey(path)
    assert journey.personas
    used = {i.persona for _, i in journey.items()} | {e.persona for p in journey.phases for e in p.emotions}
    for persona in journey.personas:
        assert persona.id in used, f"persona {persona.id} has no item in its lane"
        assert {"goals", "pains", "behaviour", "information_sources"} <= set(persona.raw), persona.id
    by_type: dict[str, list] = {}
    for message in journey.messages:
        by_type.setdefault(message.type, []).append(message.raw)
    assert {"welcome", "transactional", "win_back"} <= set(by_type)
    assert all(m.get("inactivity_days") for m in by_type["win_back"])
    assert all(3 <= m.get("sequence", 0) <= 5 for t in ("welcome", "cart_abandonment") for m in by_type.get(t, []))


def test_samples_cover_the_brief() -> None:
    journeys = {p.stem: _journey(p) for p in SAMPLE_FILES}
    assert len(journeys) >= 7
    japanese = [j for j in journeys.values() if j.data.get("language") == "ja"]
    assert len(japanese) >= 2 and all(j.language == "ja" for j in japanese)
    assert any(len(j.personas) >= 3 and j.business.get("model") == "b2b" for j in journeys.values())
    assert any(
        j.business.get("gift") and {"giver", "receiver"} <= {p.role for p in j.personas} for j in journeys.values()
    )
