"""The compiled schema check must answer exactly as jsonschema does, or not answer at all."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from cjm.adapt.templates import render_template
from cjm.io.loader import load_yaml
from cjm.validation.fast_schema import Unsupported, compile_schema, equal
from cjm.validation.schema import check_schema, schema

SCHEMA = schema()
REFERENCE = Draft202012Validator(SCHEMA)
COMPILED = compile_schema(SCHEMA)


def _templates() -> list[dict[str, Any]]:
    maps = []
    for template in ("standard", "b2b", "gift", "subscription", "omnichannel"):
        for language in ("en", "ja"):
            maps.append(load_yaml(render_template(template, language, "m.yaml"), "m.yaml").data)
    return maps


def _generated() -> list[dict[str, Any]]:
    from bench.generate import generate_map

    return [load_yaml(generate_map(7, index), "g.yaml").data for index in range(12)]


VALID_MAPS = _templates() + _generated()

# Values that exercise the schema's keywords: enum members, numbers at and past the bounds, JSON's 1/true/1.0
# distinctions, empty and non-ASCII text, ids with and without the allowed characters.
_INTERESTING = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        1,
        -1,
        1.0,
        0.5,
        -2,
        -2.5,
        2,
        2.5,
        3,
        5,
        6,
        10,
        11,
        0.25,
        50,
        51,
        "",
        "x",
        "認知",
        "awareness",
        "custom",
        "ec_site",
        "sns",
        "welcome",
        "win_back",
        "b2b",
        "b2c",
        "repeat",
        "buyer",
        "giver",
        "bad id",
        "ok-id_1.2",
        "-bad",
        "2024-05-01",
        "2024-5-1",
        "ja",
        "en-US",
        "x-extra",
        "a" * 81,
        [],
        {},
        ["a", "a"],
        ["a", "b"],
        [1, 1.0],
        [1, True],
        {"text": "t"},
        {"score": 1},
        {"id": "p", "text": "t"},
    ]
)
_JSON = st.recursive(
    _INTERESTING | st.text(max_size=5) | st.integers(-3, 60) | st.floats(-3, 60, allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "text", "name", "kind", "score", "x-note", "persona", "channel", "bogus"])
            | st.text(max_size=4),
            inner,
            max_size=3,
        )
    ),
    max_leaves=6,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.extend(_paths(value, (*prefix, index)))
    return out


def _mutate(data: dict[str, Any], path: tuple, how: str, value: Any) -> dict[str, Any]:
    mutated = copy.deepcopy(data)
    parent: Any = mutated
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent[last], dict):
        parent[last][value if isinstance(value, str) else "unknown"] = value
    elif how == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    return mutated


def test_every_valid_map_is_valid_for_both() -> None:
    for data in VALID_MAPS:
        assert REFERENCE.is_valid(data)
        assert COMPILED(data) is True


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_maps_get_the_same_answer(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(VALID_MAPS))
    path = data.draw(st.sampled_from([p for p in _paths(base) if p]))
    how = data.draw(st.sampled_from(["replace", "delete", "add"]))
    mutated = _mutate(base, path, how, data.draw(_JSON))
    assert COMPILED(mutated) is REFERENCE.is_valid(mutated)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(SCHEMA["$defs"])), _JSON)
def test_every_definition_agrees_on_arbitrary_values(name: str, value: Any) -> None:
    sub_schema = {"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{name}"}
    assert compile_schema(sub_schema)(value) is Draft202012Validator(sub_schema).is_valid(value)


@pytest.mark.parametrize(
    ("one", "two", "same"),
    [
        (1, 1.0, True),
        (1, True, False),
        (0, False, False),
        ("1", 1, False),
        ([1, True], [1.0, True], True),
        ({"a": 1}, {"a": 1.0}, True),
        ({"a": 1}, {"a": True}, False),
        (None, None, True),
        ([], {}, False),
    ],
)
def test_equality_is_jsons(one: Any, two: Any, same: bool) -> None:
    assert equal(one, two) is same
    assert compile_schema({"const": two})(one) is same
    assert compile_schema({"enum": [two]})(one) is same


@pytest.mark.parametrize("items", [[1, 1.0], [1, True], ["a", "a"], ["a", "b"], [{"a": 1}, {"a": 1.0}], [[1], [True]]])
def test_unique_items_is_jsonschemas(items: list[Any]) -> None:
    rule = {"uniqueItems": True}
    assert compile_schema(rule)(items) is Draft202012Validator(rule).is_valid(items)


@pytest.mark.parametrize(
    "rule",
    [
        {"dependentRequired": {"a": ["b"]}},
        {"prefixItems": [{"type": "string"}]},
        {"$ref": "other.json#/x"},
        {"unevaluatedProperties": False},
        {"type": "decimal"},
        {"format": "date", "contains": {"const": 1}},
    ],
)
def test_keywords_it_cannot_reproduce_are_refused(rule: dict[str, Any]) -> None:
    with pytest.raises(Unsupported):
        compile_schema(rule)


def test_a_schema_that_refers_to_itself_compiles() -> None:
    tree = {
        "type": "object",
        "properties": {"children": {"type": "array", "items": {"$ref": "#"}}},
        "additionalProperties": False,
    }
    check = compile_schema(tree)
    assert check({"children": [{"children": []}]})
    assert not check({"children": [{"children": [{"other": 1}]}]})


def test_check_schema_still_explains_invalid_maps() -> None:
    text = json.dumps({"cjm": 1, "id": "m", "title": "t", "phases": [{"id": "a", "name": "認知", "kind": "awarenes"}]})
    problems = check_schema(load_yaml(text, "m.yaml"))
    assert [p.code for p in problems] == ["CJM010"]
    assert "awareness" in problems[0].message  # the did-you-mean comes from the jsonschema path
