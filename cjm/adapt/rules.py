"""Phase rules as data: loading rule files, validating them (schema, then consistency) with located problems,
and the registry of built-in and user rules.

A rule file is YAML in the format of `schemas/phase-rule.schema.json` (documented in docs/phase-rules.md).
Rule files are read through `cjm.io.loader.load_yaml`, so a broken one is reported `file:line:col` like a map.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from cjm.adapt.starters import starter_messages, starter_phase
from cjm.core.codes import RULE_DUPLICATE, RULE_INCONSISTENT, RULE_SCHEMA_ERROR, UNREADABLE
from cjm.core.document import Document, KeyPath
from cjm.core.errors import CjmError
from cjm.core.problem import Problem
from cjm.io.loader import load_yaml

RULE_SUFFIXES = (".yaml", ".yml")
DEFAULT_ORDER = 50
BUILTIN = "built-in"


@dataclass(frozen=True)
class PhaseRule:
    """A validated phase rule. `steps` are the step mappings of the file, as plain data."""

    name: str
    summary: str
    steps: tuple[dict[str, Any], ...]
    when: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    order: int = DEFAULT_ORDER
    source: str = BUILTIN
    needs: tuple[str, ...] = ()  # phase kinds it needs and creates besides those its steps name (cjm.adapt.plan)
    creates: tuple[str, ...] = ()
    name_at: tuple[int, int] = field(default=(1, 1), compare=False)  # line and column of `name`, for messages

    @property
    def builtin(self) -> bool:
        return self.source == BUILTIN

    def matches(self, business: Mapping[str, Any]) -> bool:
        """Whether every trait in `when` matches the map's business traits (`--auto`)."""
        return bool(self.when) and all(business.get(trait) in values for trait, values in self.when.items())

    def describe_when(self) -> str:
        parts = []
        for trait, values in self.when.items():
            shown = " or ".join(json.dumps(v) if isinstance(v, bool) else str(v) for v in values)
            parts.append(f"{trait}: {shown}")
        return ", ".join(parts) or "only with --rule"


# --- loading -------------------------------------------------------------------------------------------------


# The validators are compiled from the schemas shipped in the package, constants, and only ever used; so is each
# built-in rule (frozen), which `builtin_rules` hands out in a new dict for each caller.


def _schema() -> dict[str, Any]:
    return json.loads(resources.files("cjm.schemas").joinpath("phase-rule.schema.json").read_text(encoding="utf-8"))


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    from cjm.validation.schema import schema as journey_schema

    journey = journey_schema()
    registry = Registry().with_resource(journey["$id"], Resource.from_contents(journey))
    return Draft202012Validator(_schema(), registry=registry)


@functools.cache
def _journey_validator() -> Any:
    from jsonschema import Draft202012Validator

    from cjm.validation.schema import schema as journey_schema

    return Draft202012Validator(journey_schema())


def load_rule(raw: bytes | str, source: str) -> tuple[PhaseRule | None, list[Problem]]:
    """One rule file: the rule, or None and the located problems that make it unusable."""
    doc = load_yaml(raw, source)
    if not doc.ok or doc.data is None:
        return None, list(doc.problems)
    from cjm.validation.schema import explain_schema_errors

    problems = [_in_rule_terms(doc, p) for p in explain_schema_errors(doc, _validator())]
    if not problems:
        problems = list(_consistency(doc))
    if problems:
        return None, sorted(problems)
    data = doc.data
    when = {
        trait: tuple(value if isinstance(value, list) else [value]) for trait, value in data.get("when", {}).items()
    }
    rule = PhaseRule(
        data["name"],
        data["summary"],
        tuple(data["steps"]),
        when,
        data.get("order", DEFAULT_ORDER),
        source,
        tuple(data.get("needs", ())),
        tuple(data.get("creates", ())),
        doc.locate(("name",)),
    )
    return rule, []


def _in_rule_terms(doc: Document, problem: Problem) -> Problem:
    """A schema problem worded for a rule file rather than a map."""
    message = problem.message.replace("the map ", "the rule ", 1).replace(" in steps ", " in step ")
    if message.startswith("steps ") and "properties" in message:
        index = int(message.split()[1].rstrip(":")) - 1
        step = doc.data["steps"][index]
        actions = " and ".join(f"`{a}`" for a in step) or "nothing"
        message = (
            f"step {index + 1} has {actions}; a step does one thing (split, merge, add_phase or add_persona), "
            "so give each its own `- ` entry"
        )
    return dataclasses.replace(problem, code=RULE_SCHEMA_ERROR, message=message)


def _consistency(doc: Document) -> Iterable[Problem]:
    """What the schema cannot say: references inside the rule, and starter entries that would not be valid."""
    yield from _steps_consistency(doc, doc.data["steps"], ("steps",))


def _steps_consistency(doc: Document, steps: list[dict[str, Any]], where: KeyPath) -> Iterable[Problem]:
    for index, step in enumerate(steps):
        ((action, spec),) = step.items()
        at: KeyPath = (*where, index, action)
        if action == "one_of":
            yield from _steps_consistency(doc, spec, at)
        elif action == "split":
            ids = [target["id"] for target in spec["into"]]
            for n, target in enumerate(spec["into"]):
                if ids.index(target["id"]) != n:
                    yield _inconsistent(
                        doc,
                        (*at, "into", n, "id"),
                        f"two phases of this split have the id '{target['id']}'; give each its own id",
                    )
                if target["kind"] == spec["phase"]:
                    yield _inconsistent(
                        doc,
                        (*at, "into", n, "kind"),
                        f"a phase split from '{spec['phase']}' cannot "
                        "have that kind again, or applying the rule twice would split it again",
                    )
            if spec["default"] not in ids:
                yield _inconsistent(
                    doc,
                    (*at, "default"),
                    f"default '{spec['default']}' is not one of the phases of this split ({', '.join(ids)})",
                )
        elif action == "add_phase":
            if ("after" in spec) == ("before" in spec):
                yield _inconsistent(
                    doc,
                    at,
                    "add_phase needs `after` or `before` (one of them): the kinds of the phases it goes next to",
                    key=True,
                )
            yield from _check_starters(doc, at, spec)


def _check_starters(doc: Document, at: KeyPath, spec: dict[str, Any]) -> Iterable[Problem]:
    """Build the new phase and its messages as a map would get them and validate that against the map schema."""
    for language in sorted({"en", *_languages(spec)}):
        sample = {
            "cjm": 1,
            "id": "rule-check",
            "title": "rule check",
            "phases": [starter_phase(spec, spec["id"], language, lanes={})],
            "messages": starter_messages(spec, spec["id"], language),
        }
        for error in _journey_validator().iter_errors(sample):
            yield _inconsistent(
                doc, at, f"the {language} starter entries would make an invalid map: {error.message}", key=True
            )
            return


def _languages(value: Any) -> set[str]:
    if isinstance(value, dict):
        if "en" in value and all(isinstance(v, str) for v in value.values()):
            return set(value)
        return set().union(*(_languages(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_languages(v) for v in value)) if value else set()
    return set()


def _inconsistent(doc: Document, path: KeyPath, message: str, *, key: bool = False) -> Problem:
    return doc.problem(path, RULE_INCONSISTENT, message, key=key)


def load_rule_file(path: str) -> tuple[PhaseRule | None, list[Problem]]:
    from cjm.io.files import ReadError, read_bytes

    try:
        raw = read_bytes(path)
    except ReadError as err:
        return None, [Problem(path, 1, 1, UNREADABLE, err.reason)]
    return load_rule(raw, path)


def builtin_rules() -> dict[str, PhaseRule]:
    """The rules shipped in `cjm/phase_rules/`, by name. A broken built-in rule is a bug, so it raises."""
    return {rule.name: rule for rule in _builtin_rules()}


@functools.cache
def _builtin_rules() -> tuple[PhaseRule, ...]:
    rules: dict[str, PhaseRule] = {}
    folder = resources.files("cjm").joinpath("phase_rules")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(RULE_SUFFIXES):
            continue
        rule, problems = load_rule(entry.read_bytes(), f"cjm/phase_rules/{entry.name}")
        if rule is None:
            raise RuntimeError(f"built-in rule {entry.name} is broken: {problems[0].message}")
        rules[rule.name] = dataclasses.replace(rule, source=BUILTIN)
    return tuple(rules.values())


def load_rules(folders: Iterable[str] = ()) -> tuple[dict[str, PhaseRule], list[Problem]]:
    """The built-in rules plus every rule file in `folders` (a user rule replaces a built-in of the same name),
    and the problems of the rule files that could not be used."""
    rules = builtin_rules()
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for folder in folders:
        if not os.path.isdir(folder):
            raise CjmError(f"rules folder {folder} does not exist; give a folder of rule files (*.yaml)")
        for name in sorted(os.listdir(folder)):
            if not name.endswith(RULE_SUFFIXES) or name.startswith("."):
                continue
            path = os.path.join(folder, name)
            rule, found = load_rule_file(path)
            problems.extend(found)
            if rule is None:
                continue
            if rule.name in seen:
                problems.append(
                    Problem(
                        path,
                        *rule.name_at,
                        RULE_DUPLICATE,
                        f"rule '{rule.name}' is already defined in {seen[rule.name]}; rename one of them",
                        path="$.name",
                    )
                )
                continue
            seen[rule.name] = path
            rules[rule.name] = rule
    return rules, problems


def ordered(rules: Iterable[PhaseRule]) -> list[PhaseRule]:
    return sorted(rules, key=lambda r: (r.order, r.name))


def rule_folders(config: Any) -> list[str]:
    """The rule folders named in the configuration (`[tool.cjm.adapt] rules = "..."`), relative to it."""
    section = config.section("adapt")
    value = section.get("rules")
    if value is None:
        return []
    folders = [value] if isinstance(value, str) else value
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        raise config.error(("adapt", "rules"), "`rules` must be a folder, or a list of folders, of phase rule files")
    unknown = sorted(set(section) - {"rules"})
    if unknown:
        raise config.error(("adapt", unknown[0]), f"unknown setting `{unknown[0]}` for adapt; the only one is `rules`")
    return [os.path.normpath(os.path.join(config.folder, f)) for f in folders]
