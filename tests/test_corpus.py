"""The corpus of realistic maps (tests/corpus/): every expectation file is well formed and speaks of things that
exist -- its map, the map's phases and initiatives, real phase kinds, adapt rules and lint codes -- and each map
validates exactly as its expectation says.

What cjm *should* do on these maps (adapt, lint, prioritise) is written in the expectation files; where cjm
does not do it yet, tests/corpus/FINDINGS.md says so. Those tests belong to the engineers who change cjm.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from cjm.core.codes import VALIDATION_CODES
from cjm.io.loader import load_yaml
from cjm.lint.rules import RULES
from tests.conftest import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
EXPECT_SUFFIX = ".expect.yaml"
EXPECTATIONS = sorted(CORPUS.glob(f"*{EXPECT_SUFFIX}"))
MAPS = sorted(p for p in CORPUS.glob("*.yaml") if not p.name.endswith(EXPECT_SUFFIX))
ADAPT_RULES = {path.stem for path in (ROOT / "cjm" / "phase_rules").glob("*.yaml")}


def _load(path: Path) -> dict:
    doc = load_yaml(path.read_bytes(), str(path))
    assert doc.ok, doc.problems
    assert isinstance(doc.data, dict), f"{path.name}: not a mapping"
    return doc.data


@functools.cache
def _phase_kinds() -> frozenset[str]:
    schema = json.loads((ROOT / "cjm" / "schemas" / "journey.schema.json").read_text(encoding="utf-8"))
    return frozenset(schema["$defs"]["phase_kind"]["enum"])


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _ids(expectation: Path) -> str:
    return expectation.name.removesuffix(EXPECT_SUFFIX)


def test_corpus_is_there() -> None:
    assert len(MAPS) >= 14
    languages = [_load(path).get("language") for path in MAPS]
    assert languages.count("ja") >= 6, languages


def test_every_map_has_an_expectation() -> None:
    assert {p.name.removesuffix(".yaml") for p in MAPS} == {_ids(p) for p in EXPECTATIONS}


def test_schema_is_a_valid_schema() -> None:
    Draft202012Validator.check_schema(json.loads((CORPUS / "expect.schema.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads((CORPUS / "expect.schema.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=_ids)
def test_expectation_is_well_formed(expectation: Path, validator: Draft202012Validator) -> None:
    data = _load(expectation)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors
    assert data["map"] == expectation.name.removesuffix(EXPECT_SUFFIX) + ".yaml"
    assert (CORPUS / data["map"]).is_file()


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=_ids)
def test_expectation_names_real_codes(expectation: Path) -> None:
    data = _load(expectation)
    lint = data["lint"]
    unknown = [code for code in lint["expect"] + lint["not_expect"] if code not in RULES]
    assert not unknown, f"not lint rule codes: {unknown}"
    assert not set(lint["expect"]) & set(lint["not_expect"]), "a code both expected and not expected"
    if data["validate"] != "clean":
        assert all(code in VALIDATION_CODES for code in data["validate"]), data["validate"]


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=_ids)
def test_expectation_names_what_the_map_has(expectation: Path) -> None:
    data = _load(expectation)
    journey = _load(CORPUS / data["map"])
    phase_ids = [phase["id"] for phase in journey["phases"]]
    initiatives = {initiative["id"]: initiative for initiative in journey.get("initiatives", [])}

    def check_phase(ref: str) -> None:
        if ref.startswith("+"):
            assert ref[1:] in _phase_kinds(), f"{ref}: not a phase kind"
        else:
            assert ref in phase_ids, f"{ref}: no such phase in {data['map']}"

    if adapt := data.get("adapt"):
        assert set(adapt["rules"]) <= ADAPT_RULES, set(adapt["rules"]) - ADAPT_RULES
        for ref in adapt["order"]:
            check_phase(ref)
        existing = [ref for ref in adapt["order"] if not ref.startswith("+")]
        assert len(existing) == len(set(existing)), "a phase twice in order"
        # A split or merge takes a phase's id away; the phases that stay keep their order.
        assert existing == [ref for ref in phase_ids if ref in existing], "order changes the map's own order"
        entries = _strings(journey["phases"]) + _strings(journey.get("messages", []))
        for placed in adapt.get("placed", []):
            check_phase(placed["to"])
            holders = [s for s in entries if placed["text"] in s]
            assert len(holders) == 1, f"{placed['text']!r} is in {len(holders)} entries, not exactly one"

    if prioritise := data.get("prioritise"):
        for prerequisite, dependent in prioritise["before"]:
            assert prerequisite in initiatives and dependent in initiatives, (prerequisite, dependent)
            seen, todo = set(), list(initiatives[dependent].get("depends_on", []))
            while todo:
                seen.add(current := todo.pop())
                todo += [d for d in initiatives.get(current, {}).get("depends_on", []) if d not in seen]
            assert prerequisite in seen, f"{dependent} does not depend on {prerequisite}"
        for risky in prioritise["risky"]:
            assert risky in initiatives, risky
            assert initiatives[risky].get("maintenance_cost", 0) >= 4, risky
            assert initiatives[risky].get("confidence", 1) <= 0.4, risky
    else:
        assert data["validate"] != "clean", "a valid map needs prioritise expectations"


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=_ids)
def test_map_validates_as_expected(expectation: Path) -> None:
    data = _load(expectation)
    result = cli("validate", "--format", "json", str(CORPUS / data["map"]))
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout)
    codes = {problem["code"] for problem in report["problems"]}
    if data["validate"] == "clean":
        assert result.returncode == 0 and not codes, report["problems"]
    else:
        assert result.returncode == 1, result.stderr
        assert codes == set(data["validate"]), report["problems"]
