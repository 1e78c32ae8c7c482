"""What a lint rule is made of, and what it yields.

A rule is a module of `cjm.lint.rules` with `CODE`, `NAME`, `SEVERITY`, `OPTIONS` (name -> `Option`) and
`check(journey, options)`, a generator of `Finding`s. Its docstring is its documentation: a one-line summary,
what it checks and why it matters for the journey, then a failing and a passing example under `Fails:` and
`Passes:`. A rule that can repair what it finds attaches a `Fix` (plain edits of the map's data) to the finding
and says so in `FIX`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from cjm.core.document import KeyPath
from cjm.core.model import Journey
from cjm.core.problem import Severity

FAMILIES = {
    "1": "structure",
    "2": "coverage",
    "3": "traceability",
    "4": "emotion",
    "5": "personas",
    "6": "business traits",
    "7": "KPIs",
    "8": "messages",
    "9": "initiatives",
}
CODE_PATTERN = re.compile(r"CJM[1-9][0-9]{2}")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

DELETE = object()  # an `Edit` value: remove the list entry at the path


@dataclass(frozen=True)
class Option:
    """A rule option: its default, what it means, and (for text or lists of text) the values it accepts."""

    default: Any
    help: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None


@dataclass(frozen=True)
class Edit:
    """Set the value at `path` in the map's data, or remove the list entry there (`value=DELETE`)."""

    path: KeyPath
    value: Any = DELETE


@dataclass(frozen=True)
class Fix:
    """A safe, certain repair: what it does, in a few words, and the edits that do it."""

    summary: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    """What a rule found, where (a JSON path into the map; `key` points at the key rather than the value)."""

    path: KeyPath
    message: str
    key: bool = False
    fix: Fix | None = None


Check = Callable[[Journey, Mapping[str, Any]], Iterable[Finding]]


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    body: str
    fails: str
    passes: str


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    options: Mapping[str, Option]
    check: Check = field(repr=False)
    doc: RuleDoc = field(repr=False)
    fix: str | None = None  # what --fix does, when the rule can fix what it finds

    @property
    def family(self) -> str:
        return FAMILIES[self.code[3]]

    @property
    def defaults(self) -> dict[str, Any]:
        return {name: option.default for name, option in self.options.items()}

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            module.CODE,
            module.NAME,
            module.SEVERITY,
            dict(getattr(module, "OPTIONS", {})),
            module.check,
            parse_doc(module.__doc__ or ""),
            getattr(module, "FIX", None),
        )


_SECTION = re.compile(r"^(Fails|Passes):\s*$", re.MULTILINE)
_FENCE = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def parse_doc(docstring: str) -> RuleDoc:
    """Split a rule docstring into summary, body and the two examples (empty strings where missing)."""
    text = inspect.cleandoc(docstring)
    parts = _SECTION.split(text)
    head = parts[0].strip()
    summary, _, body = head.partition("\n")
    examples = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}

    def example(section: str) -> str:
        match = _FENCE.search(examples.get(section, ""))
        return match.group(1) if match else ""

    return RuleDoc(summary.strip(), body.strip(), example("Fails"), example("Passes"))


_EXAMPLE_HEADER = (("cjm", "cjm: 1"), ("id", "id: example"), ("title", "title: Example"))


def complete_example(fragment: str) -> str:
    """A rule example or test case as a whole map: the required top-level keys it lacks are appended
    (appended, so that line numbers in the fragment stay as written)."""
    missing = [line for key, line in _EXAMPLE_HEADER if not re.search(rf"^{key}:", fragment, re.MULTILINE)]
    return fragment.rstrip("\n") + "\n" + "".join(f"{line}\n" for line in missing) if missing else fragment
