"""`--fix`: apply the fixes rules offer, through a round-trip edit that keeps the user's comments and layout.

Fixes are applied in passes: in each, every fix whose edits do not overlap an earlier one's; then the map is
validated and linted again, until nothing is left to fix. A pass that would leave an invalid map is dropped,
so a fix can never break a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cjm.lint.base import DELETE, Edit
from cjm.lint.engine import lint_journey
from cjm.lint.settings import RuleConfig
from cjm.loader import Path
from cjm.validate import Result, check_text

MAX_PASSES = 10


def fix_text(text: str, source: str, rules: Mapping[str, RuleConfig]) -> tuple[str, int]:
    """The text with every available fix applied, and how many fixes were applied."""
    result, applied = fix_result(check_text(text, source), rules)
    return result.document.text if result.document else text, applied


def fix_result(result: Result, rules: Mapping[str, RuleConfig]) -> tuple[Result, int]:
    """Fix a validated map: the result of validating the fixed text, and how many fixes were applied."""
    from cjm.edit import dump_roundtrip, load_roundtrip

    applied = 0
    for _ in range(MAX_PASSES):
        if result.journey is None or result.document is None:
            break
        text = result.document.text
        edits: list[Edit] = []
        count = 0
        for violation in lint_journey(result.journey, rules):
            fix = violation.fix
            if fix is None or any(_overlaps(edit.path, taken.path) for edit in fix.edits for taken in edits):
                continue
            edits.extend(fix.edits)
            count += 1
        if not count:
            break
        data = load_roundtrip(text)
        apply_edits(data, edits)
        new_text = dump_roundtrip(data)
        fixed = check_text(new_text, result.source)
        if new_text == text or fixed.journey is None:
            break
        result, applied = fixed, applied + count
    return result, applied


def apply_edits(data: Any, edits: list[Edit]) -> None:
    """Apply edits to round-trip data: values first, then removals from the back, so indices stay true."""
    for edit in edits:
        if edit.value is not DELETE:
            parent, last = _parent(data, edit.path)
            parent[last] = _like(parent[last], edit.value)
    removals = sorted((e.path for e in edits if e.value is DELETE), key=_sort_key, reverse=True)
    for path in removals:
        parent, last = _parent(data, path)
        del parent[last]


def _parent(data: Any, path: Path) -> tuple[Any, Any]:
    node = data
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


def _like(old: Any, new: Any) -> Any:
    """The new value written in the old one's style (quoted stays quoted)."""
    from ruamel.yaml.scalarstring import ScalarString

    return type(old)(new) if isinstance(old, ScalarString) and isinstance(new, str) else new


def _overlaps(a: Path, b: Path) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _sort_key(path: Path) -> tuple[tuple[int, Any], ...]:
    return tuple((0, step) if isinstance(step, int) else (1, step) for step in path)
