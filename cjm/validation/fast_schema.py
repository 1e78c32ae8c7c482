"""A fast yes/no answer to "is this document valid against the schema?", compiled from the schema itself.

`jsonschema` builds a validator object for every node it visits and resolves every `$ref` on the way, which costs
far more than loading the YAML. Valid maps are the common case, so cjm asks this
compiled checker first and only hands an invalid map to `jsonschema` for the detailed errors.

The checker must agree with `jsonschema` (Draft 2020-12, no format checking) on every instance. It therefore
compiles only the keywords whose meaning it reproduces exactly (the helpers mirror `jsonschema._keywords`,
`_types` and `_utils`), and `compile_schema` raises `Unsupported` for any other, so that a schema change can
never make it answer differently: it is then simply not used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate, or that are containers other keywords point into: no effect on validity.
_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "definitions",
        "title",
        "description",
        "default",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "format",
    }
)
_COMPILED = frozenset(
    {
        "$ref",
        "type",
        "enum",
        "const",
        "required",
        "properties",
        "patternProperties",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "oneOf",
        "anyOf",
        "allOf",
        "not",
    }
)


class Unsupported(Exception):
    """The schema uses something this compiler does not reproduce exactly; use jsonschema alone."""


def compile_schema(schema: dict[str, Any] | bool) -> Check:
    """A function telling whether an instance is valid against `schema`; raises `Unsupported`."""
    return _Compiler(schema).compile(schema)


# --- the meaning of JSON types and equality, as jsonschema's Draft 2020-12 checker has it ---------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": _is_integer,
}


def equal(one: Any, two: Any) -> bool:
    """JSON equality: `1 == 1.0`, but `true` is not `1`; lists and mappings compared member by member."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, dict) and isinstance(two, dict):
        return len(one) == len(two) and all(key in two and equal(value, two[key]) for key, value in one.items())
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    return one == two


def _matcher(pattern: str) -> Callable[[str], bool]:
    """`re.search(pattern, key)` as a test; `^x-` (a plain prefix, the usual extension pattern) without regex."""
    if re.fullmatch(r"\^[A-Za-z0-9_-]*", pattern):
        prefix = pattern[1:]
        return lambda key: key.startswith(prefix)
    compiled = re.compile(pattern)
    return lambda key: compiled.search(key) is not None


def _unique(items: list[Any]) -> bool:
    if all(type(item) is str for item in items):
        return len(set(items)) == len(items)
    return not any(equal(items[i], items[j]) for i in range(len(items)) for j in range(i + 1, len(items)))


# --- the compiler -------------------------------------------------------------------------------------------


class _Compiler:
    def __init__(self, root: dict[str, Any] | bool) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}
        self.compiling: set[str] = set()

    def compile(self, schema: dict[str, Any] | bool) -> Check:
        if schema is True or schema == {}:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise Unsupported(f"a schema must be an object or a boolean, not {type(schema).__name__}")
        unknown = set(schema) - _COMPILED - _ANNOTATIONS
        if unknown:
            raise Unsupported(f"keyword {sorted(unknown)[0]!r}")
        # A single type is checked inside that type's own check, one call per node instead of two.
        single = schema.get("type") if isinstance(schema.get("type"), str) else None
        shaped = [
            (name, make(schema, single == name))
            for name, make in (("object", self.object_), ("array", self.array_), ("string", self.string_))
        ]
        fused = any(check is not None and single == name for name, check in shaped)
        checks = [
            check
            for check in (
                None if fused else self.type_(schema),
                *(c for _, c in shaped),
                self.number_(schema),
                self.values_(schema),
                self.combinators_(schema),
            )
            if check is not None
        ]
        if "$ref" in schema:
            checks.append(self.ref(schema["$ref"]))
        if not checks:
            return _always
        if len(checks) == 1:
            return checks[0]
        if len(checks) == 2:
            first, second = checks
            return lambda v: first(v) and second(v)
        return lambda v: all(check(v) for check in checks)

    def ref(self, ref: str) -> Check:
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise Unsupported(f"$ref {ref!r} (only references inside the schema are compiled)")
        if ref in self.refs:
            return self.refs[ref]
        if ref in self.compiling:  # a schema that refers to itself: look the check up when it runs
            return lambda v: self.refs[ref](v)
        self.compiling.add(ref)
        node: Any = self.root
        for token in filter(None, ref[1:].split("/")):
            token = token.replace("~1", "/").replace("~0", "~")
            try:
                node = node[int(token)] if isinstance(node, list) else node[token]
            except (KeyError, IndexError, ValueError, TypeError):
                raise Unsupported(f"$ref {ref!r} does not resolve") from None
        self.refs[ref] = self.compile(node)
        return self.refs[ref]

    def type_(self, schema: dict[str, Any]) -> Check | None:
        if "type" not in schema:
            return None
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        try:
            checks = [_TYPES[name] for name in names]
        except (KeyError, TypeError):
            raise Unsupported(f"type {schema['type']!r}") from None
        if len(checks) == 1:
            return checks[0]
        return lambda v: any(check(v) for check in checks)

    def object_(self, schema: dict[str, Any], typed: bool = False) -> Check | None:
        keys = {"required", "properties", "patternProperties", "additionalProperties"}
        if not keys & set(schema):
            return None
        required = tuple(schema.get("required", ()))
        properties = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        patterns = [
            (_matcher(pattern), self.compile(sub)) for pattern, sub in schema.get("patternProperties", {}).items()
        ]
        additional = schema.get("additionalProperties", True)
        extra: Check | None = None if additional is False else self.compile(additional)

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return not typed
            for name in required:
                if name not in value:
                    return False
            for key, item in value.items():
                sub = properties.get(key)
                if sub is not None and not sub(item):
                    return False
                matched = False
                for matches, pattern_check in patterns:
                    if matches(key):
                        matched = True
                        if not pattern_check(item):
                            return False
                if sub is None and not matched and (extra is None or not extra(item)):
                    return False
            return True

        return check

    def array_(self, schema: dict[str, Any], typed: bool = False) -> Check | None:
        if not {"items", "minItems", "maxItems", "uniqueItems"} & set(schema):
            return None
        items = self.compile(schema["items"]) if "items" in schema else None
        low, high = schema.get("minItems", 0), schema.get("maxItems")
        unique = bool(schema.get("uniqueItems"))

        def check(value: Any) -> bool:
            if not isinstance(value, list):
                return not typed
            if len(value) < low or (high is not None and len(value) > high):
                return False
            if unique and not _unique(value):
                return False
            return items is None or all(items(item) for item in value)

        return check

    def string_(self, schema: dict[str, Any], typed: bool = False) -> Check | None:
        if not {"minLength", "maxLength", "pattern"} & set(schema):
            return None
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        pattern = re.compile(schema["pattern"]) if "pattern" in schema else None

        def check(value: Any) -> bool:
            if not isinstance(value, str):
                return not typed
            if len(value) < low or (high is not None and len(value) > high):
                return False
            return pattern is None or pattern.search(value) is not None

        return check

    def number_(self, schema: dict[str, Any]) -> Check | None:
        bounds = [
            (schema[key], test)
            for key, test in (
                ("minimum", lambda v, b: v >= b),
                ("maximum", lambda v, b: v <= b),
                ("exclusiveMinimum", lambda v, b: v > b),
                ("exclusiveMaximum", lambda v, b: v < b),
            )
            if key in schema
        ]
        if not bounds:
            return None
        return lambda v: not _is_number(v) or all(test(v, bound) for bound, test in bounds)

    def values_(self, schema: dict[str, Any]) -> Check | None:
        checks: list[Check] = []
        if "const" in schema:
            const = schema["const"]
            checks.append(lambda v: equal(v, const))
        if "enum" in schema:
            options = list(schema["enum"])
            if all(type(option) is str for option in options):
                strings = frozenset(options)
                checks.append(lambda v: isinstance(v, str) and v in strings)
            else:
                checks.append(lambda v: any(equal(v, option) for option in options))
        if not checks:
            return None
        return checks[0] if len(checks) == 1 else lambda v: all(check(v) for check in checks)

    def combinators_(self, schema: dict[str, Any]) -> Check | None:
        checks: list[Check] = []
        if "allOf" in schema:
            parts = [self.compile(sub) for sub in schema["allOf"]]
            checks.append(lambda v: all(part(v) for part in parts))
        if "anyOf" in schema:
            options = [self.compile(sub) for sub in schema["anyOf"]]
            checks.append(lambda v: any(option(v) for option in options))
        if "oneOf" in schema:
            choices = [self.compile(sub) for sub in schema["oneOf"]]
            if len(choices) == 2:
                first, second = choices
                checks.append(lambda v: first(v) is not second(v))  # checks return True or False
            else:
                checks.append(lambda v: sum(1 for choice in choices if choice(v)) == 1)
        if "not" in schema:
            negated = self.compile(schema["not"])
            checks.append(lambda v: not negated(v))
        if not checks:
            return None
        return checks[0] if len(checks) == 1 else lambda v: all(check(v) for check in checks)


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False
