"""The published schema: a valid draft 2020-12 contract, documented on every property, shipped identically,
and its errors explained in the user's terms at the right place."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from cjm.validation.check import check_text
from cjm.validation.schema import schema_text

from .conftest import MINIMAL_MAP, ROOT


def test_the_package_ships_the_published_schema_unchanged():
    assert (ROOT / "schemas" / "journey.schema.json").read_text(encoding="utf-8") == schema_text()


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(json.loads(schema_text()))


def _properties(node, trail=()):
    if isinstance(node, dict):
        for key, spec in node.get("properties", {}).items():
            yield (*trail, key), spec
        for key, value in node.items():
            yield from _properties(value, (*trail, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, (*trail, i))


def test_every_property_has_a_title_and_description_for_editors():
    schema = json.loads(schema_text())
    defs = schema["$defs"]
    missing = []
    for trail, spec in _properties(schema):
        target = spec
        if "$ref" in spec and not ("title" in spec and "description" in spec):
            target = defs[spec["$ref"].rsplit("/", 1)[-1]]
        if not (target.get("title") and target.get("description")):
            missing.append("/".join(map(str, trail)))
    assert not missing


def test_minimal_map_is_valid():
    assert check_text(MINIMAL_MAP, "m.yaml").problems == []


def problems_for(extra: str, base: str = MINIMAL_MAP):
    return [(p.code, p.line, p.col, p.message) for p in check_text(base + extra, "m.yaml").problems]


@pytest.mark.parametrize(
    ("extra", "line", "col", "fragment"),
    [
        ("    emotion: {score: 7}\n", 8, 22, "emotion score 7 is outside -2..2 in phase 'awareness'"),
        ("    emotions: {score: 1}\n", 8, 5, "unknown key `emotions` in phase 'awareness'; did you mean `emotion`?"),
        (
            "    touchpoints: [{name: ad, channel: instagram}]\n",
            8,
            39,
            "channel 'instagram' is not a known channel in touchpoint 1 of phase 'awareness'; did you mean `sns`?",
        ),
        ("    actions: [3]\n", 8, 15, "action 1 must be text or a mapping, not the number 3 in phase 'awareness'"),
        ("    kpis: [{target: 3}]\n", 8, 12, "KPI 1 is missing required key `name` in phase 'awareness'"),
        ("  - id: Bad Id\n    name: x\n    kind: interest\n", 8, 9, "is not a valid id"),
        ("business: {gift: no}\n", 8, 18, "`no` is text, not a boolean"),
        ("updated: 2024/05/01\n", 8, 10, "must be a date written YYYY-MM-DD"),
        ("x-ours: anything\n", None, None, None),
        (
            "    pain_points: [{id: slow, text: Slow, severity: high}]\n",
            8,
            52,
            "severity must be a whole number from 1 to 5, not text 'high' in pain point 1 of phase "
            "'awareness'; write 4 for 'high'",
        ),
        (
            "initiatives:\n  - {id: faq, title: FAQ, impact: Very High}\n",
            9,
            35,
            "impact must be a whole number from 1 to 5, not text 'Very High' in initiative 'faq'; write 5 for",
        ),
        ("initiatives:\n  - {id: faq, title: FAQ, impact: 中}\n", 9, 35, "; write 3 for '中'"),
        ("business: {cycle: medium}\n", 8, 19, "; leave `cycle:` out for a cycle that is neither short nor long"),
    ],
)
def test_schema_errors_are_explained_at_the_offending_node(extra, line, col, fragment):
    found = problems_for(extra)
    if fragment is None:
        assert found == []
        return
    assert len(found) == 1, found
    code, got_line, got_col, message = found[0]
    assert code == "CJM010"
    assert (got_line, got_col) == (line, col)
    assert fragment in message


def test_kind_typo_suggests_the_closest_kind_without_listing_all():
    (problem,) = check_text(MINIMAL_MAP.replace("kind: awareness", "kind: awarenes"), "m").problems
    assert "did you mean `awareness`" in problem.message
    assert "need_recognition" not in problem.message


def test_format_version_must_be_known():
    (problem,) = check_text(MINIMAL_MAP.replace("cjm: 1", "cjm: 2"), "m").problems
    assert problem.message == "cjm must be 1, not 2"


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        # Keys a consultant writes, suggested by meaning where spelling does not help.
        (
            "initiatives:\n  - {id: size-chart, title: Size chart, addresses: [size-anxiety]}\n",
            "unknown key `addresses` in initiative 'size-chart'; did you mean `pain_points` or `opportunities`?",
        ),
        (
            "initiatives:\n  - {id: faq, title: FAQ, automatable: true}\n",
            "unknown key `automatable` in initiative 'faq'; did you mean `set_and_forget`?",
        ),
        (
            "business: {channels: both}\n",
            "business channels 'both' is not one of: online, offline, omnichannel; did you mean `omnichannel`?",
        ),
        ("business: {purchase: consumables}\n", "did you mean `repeat`?"),
        (
            "personas:\n  - {id: mother, name: Mother, frustrations: [No time]}\n",
            "unknown key `frustrations` in persona 'mother'; did you mean `pains`?",
        ),
        (
            "    pains:\n      - {id: size, text: Unsure of size}\n",
            "unknown key `pains` in phase 'awareness'; did you mean `pain_points`?",
        ),
        (
            "    pain_points:\n      - {id: size, text: Unsure of size, impact: 4}\n",
            "unknown key `impact` in pain point 1 of phase 'awareness'; did you mean `severity`?",
        ),
        # Spelling still works, and a key with no near neighbour lists the keys.
        ("initiatives:\n  - {id: faq, title: FAQ, feasability: 4}\n", "did you mean `feasibility`?"),
        ("initiatives:\n  - {id: faq, title: FAQ, colour: red}\n", "expected one of: confidence, depends_on"),
    ],
)
def test_unknown_keys_and_values_are_suggested_by_meaning(extra, fragment):
    (problem,) = check_text(MINIMAL_MAP + extra, "m.yaml").problems
    assert fragment in problem.message


def test_a_missing_format_version_says_what_to_write():
    (problem,) = check_text(MINIMAL_MAP.replace("cjm: 1\n", ""), "m.yaml").problems
    assert problem.message == (
        "the map is missing required key `cjm`; write `cjm: 1` (the format version) as the first line"
    )


def test_one_unknown_key_repeated_on_every_phase_is_one_grouped_problem():
    phases = "".join(f"  - {{id: p{i}, name: P{i}, kind: interest, colour: red}}\n" for i in range(20))
    problems = check_text(MINIMAL_MAP + phases, "m.yaml").problems
    assert len(problems) == 1, [p.message for p in problems]
    (problem,) = problems
    assert (problem.line, problem.col) == (8, 40)
    assert problem.message.startswith(
        "unknown key `colour` in phase 'p0', and in 19 more places "
        "(lines 9, 10, 11, 12, 13, 14, 15, 16, …); expected one of: actions,"
    )
    # Different keys, or a key met only twice, stay one problem each, at their own place.
    twice = "  - {id: a, name: A, kind: interest, colour: red}\n  - {id: b, name: B, kind: interest, colour: red}\n"
    assert [p.line for p in check_text(MINIMAL_MAP + twice, "m.yaml").problems] == [8, 9]


@pytest.mark.parametrize("parser", ["libyaml", "python"])
def test_a_comma_in_a_flow_mapping_says_to_quote_the_text(parser):
    from cjm.io.loader import load_yaml
    from cjm.validation.check import check_document

    extra = "    pain_points:\n      - {id: fit, text: Sizes run small, not true to size}\n"
    (problem,) = check_document(load_yaml(MINIMAL_MAP + extra, "m.yaml", parser=parser)).problems
    assert problem.message == (
        "unknown key `not true to size` in pain point 1 of phase 'awareness'; a comma inside "
        "{...} ended the text of `text`, so the rest was read as a key: put this text in "
        'quotes, `text: "Sizes run small, not true to size"`'
    )
    # With a colon the empty value is meant: no such hint.
    (problem,) = check_text(MINIMAL_MAP + "    pain_points:\n      - {id: fit, text: Small, tone: }\n", "m").problems
    assert "comma" not in problem.message
