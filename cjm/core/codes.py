"""What each problem code means: a short name and a one-line description, for machine reports (SARIF rule
metadata, JUnit failure types) and documentation.

Validation codes (CJM000-CJM022) are described here, from the modules that report them; each has a section
in docs/validation.md, which `Problem.url` points at. Lint rules describe themselves in their registry; until
a code is known to one of these sources, `describe` still gives a usable entry built from the problem's rule
name, so a report never lacks metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cjm.adapt import NEEDS_REVIEW
from cjm.adapt.rules import RULE_DUPLICATE, RULE_INCONSISTENT, RULE_SCHEMA_ERROR
from cjm.io.loader import DUPLICATE_KEY, ENCODING, LIMIT, SHAPE, SYNTAX, UNREADABLE, UNSUPPORTED_TAG
from cjm.office.importer import OUTSIDE_GRID, PLACED_FOR_REVIEW, READ_AS, RULE_NAMES, UNREAD_EMOTION
from cjm.prioritise.roadmap import DUPLICATE_MAP, MISSING_INPUTS, PIN_CONFLICT
from cjm.validation.references import DEPENDENCY_CYCLE, DUPLICATE_ID, UNKNOWN_REFERENCE
from cjm.validation.schema import SCHEMA_CODE


@dataclass(frozen=True)
class CodeInfo:
    """A problem code as a tool shows it: `name` is a short kebab-case label, `summary` one sentence."""

    code: str
    name: str
    summary: str


VALIDATION_CODES: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        CodeInfo(
            UNREADABLE,
            "unreadable-file",
            "The file cannot be read: it does not exist, is a directory "
            "without maps, or its permissions forbid reading.",
        ),
        CodeInfo(SYNTAX, "yaml-syntax", "The file is not valid YAML."),
        CodeInfo(
            DUPLICATE_KEY,
            "duplicate-key",
            "A key appears twice in the same mapping; YAML keeps only one of them, silently.",
        ),
        CodeInfo(
            UNSUPPORTED_TAG,
            "unsupported-tag",
            "A YAML tag (such as !!python/object) that a map must not use; maps are plain data.",
        ),
        CodeInfo(
            LIMIT, "size-limit", "The file exceeds a safety limit: size, nesting depth, node count or alias expansion."
        ),
        CodeInfo(
            ENCODING, "encoding", "The file is not UTF-8 text, or contains a control character YAML does not allow."
        ),
        CodeInfo(
            SHAPE,
            "document-shape",
            "The YAML is well formed but not shaped like one map: empty, several documents, or a key that is not text.",
        ),
        CodeInfo(
            SCHEMA_CODE,
            "schema",
            "The map does not follow the journey map schema: an unknown or missing "
            "key, a wrong type, or a value out of range.",
        ),
        CodeInfo(DUPLICATE_ID, "duplicate-id", "Two entries of the map share an id; ids must be unique within a map."),
        CodeInfo(
            UNKNOWN_REFERENCE,
            "unknown-reference",
            "A reference names an id that does not exist, or an entry of the wrong kind.",
        ),
        CodeInfo(
            DEPENDENCY_CYCLE,
            "dependency-cycle",
            "Initiatives depend on each other in a cycle, so none of them could start.",
        ),
        CodeInfo(RULE_SCHEMA_ERROR, "phase-rule-format", "A phase rule file does not follow the phase rule format."),
        CodeInfo(
            RULE_INCONSISTENT,
            "phase-rule-inconsistent",
            "A phase rule file follows the format but cannot work (a default that is not a new phase, ...).",
        ),
        CodeInfo(RULE_DUPLICATE, "phase-rule-duplicate", "Two phase rule files have the same name."),
        CodeInfo(
            NEEDS_REVIEW,
            "placed-for-review",
            "`cjm adapt` could not tell where an entry belongs and placed it in the rule's default phase.",
        ),
        CodeInfo(
            MISSING_INPUTS,
            "missing-preset-inputs",
            "Retired: presets (RICE, ICE, WSJF) now derive the inputs a map does not give them.",
        ),
        CodeInfo(
            PIN_CONFLICT,
            "stage-pin-conflict",
            "An initiative is pinned to a stage before one it depends on; the dependency order wins.",
        ),
        CodeInfo(DUPLICATE_MAP, "duplicate-map-id", "Two maps of a portfolio share an id."),
        CodeInfo(
            PLACED_FOR_REVIEW,
            RULE_NAMES[PLACED_FOR_REVIEW],
            "`cjm import` placed a cell it could not place for sure, marked `review: true`.",
        ),
        CodeInfo(READ_AS, RULE_NAMES[READ_AS], "How `cjm import` read an emotion: its scale, face or word."),
        CodeInfo(
            UNREAD_EMOTION,
            RULE_NAMES[UNREAD_EMOTION],
            "`cjm import` found no score in an emotion cell; the score is 0 until set.",
        ),
        CodeInfo(
            OUTSIDE_GRID,
            RULE_NAMES[OUTSIDE_GRID],
            "`cjm import` kept text from around the grid in the map's description, or left another sheet.",
        ),
    )
}


def describe(code: str, rule: str = "") -> CodeInfo:
    """The name and one-line description of a problem code: validation codes from the table above, lint codes
    from the lint rule registry (`cjm.lint.rules.RULES`: each rule's name and documented summary). A code no
    source knows gets an entry built from the problem's rule name, so every code has some metadata."""
    if code in VALIDATION_CODES:
        return VALIDATION_CODES[code]
    if found := _lint_rule(code):
        return found
    name = rule or code.lower()
    return CodeInfo(code, name, f"{_sentence(name)} ({code}).")


def _lint_rule(code: str) -> CodeInfo | None:
    import importlib.util

    if importlib.util.find_spec("cjm.lint") is None:  # a build without the lint rules
        return None
    from cjm.lint.rules import RULES

    rule = RULES.get(code)
    return CodeInfo(code, rule.name, rule.doc.summary) if rule else None


def _sentence(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else "cjm finding"
