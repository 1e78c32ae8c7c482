"""`--fix`: apply the fixes rules offer, through a round-trip edit (`cjm.core.edit`) that keeps the user's comments
and layout.

Fixes are applied in passes: in each, every fix whose edits do not overlap an earlier one's; then the map is
validated and linted again, until nothing is left to fix. A pass that would leave an invalid map is dropped,
so a fix can never break a file. ruamel.yaml respells a few things as it writes (extra spaces after a colon or a
dash); the change is spliced back into the user's own text, so that only the lines a fix changes differ.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from os.path import commonprefix
from typing import Any

from cjm.core.document import KeyPath
from cjm.lint.base import DELETE, Edit
from cjm.lint.rule_settings import RuleConfig
from cjm.lint.violations import lint_journey
from cjm.validation.check import Result, check_text

MAX_PASSES = 10


def fix_text(text: str, source: str, rules: Mapping[str, RuleConfig]) -> tuple[str, int]:
    """The text with every available fix applied, and how many fixes were applied."""
    result, applied = fix_result(check_text(text, source), rules)
    return result.document.text if result.document else text, applied


def fix_result(result: Result, rules: Mapping[str, RuleConfig]) -> tuple[Result, int]:
    """Fix a validated map: the result of validating the fixed text, and how many fixes were applied."""
    from cjm.core.edit import dump_roundtrip, load_roundtrip

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
        baseline = dump_roundtrip(data)
        apply_edits(data, edits)
        after = dump_roundtrip(data)
        # The user's text with only the changed lines, else ruamel's whole text; the first that is valid.
        spliced = splice(text, baseline, after) if baseline != text else None
        fixed = next(
            (
                r
                for r in (check_text(t, result.source) for t in (spliced, after) if t and t != text)
                if r.journey is not None
            ),
            None,
        )
        if fixed is None:
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


def _parent(data: Any, path: KeyPath) -> tuple[Any, Any]:
    node = data
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


def _like(old: Any, new: Any) -> Any:
    """The new value written in the old one's style (quoted stays quoted)."""
    from ruamel.yaml.scalarstring import ScalarString

    return type(old)(new) if isinstance(old, ScalarString) and isinstance(new, str) else new


def _overlaps(a: KeyPath, b: KeyPath) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _sort_key(path: KeyPath) -> tuple[tuple[int, Any], ...]:
    return tuple((0, step) if isinstance(step, int) else (1, step) for step in path)


def splice(original: str, baseline: str, after: str) -> str | None:
    """Apply the change from `baseline` (the unchanged data as written back) to `after` onto the `original`
    text, where the two differ only in spelling. None when a changed line cannot be placed in the original."""
    orig, base, new = original.splitlines(True), baseline.splitlines(True), after.splitlines(True)
    # Where each baseline line stands in the original: lines the two share, and lines respelled one for one.
    place: dict[int, int] = {len(base): len(orig)}
    for tag, b1, b2, o1, o2 in difflib.SequenceMatcher(None, base, orig, autojunk=False).get_opcodes():
        if tag == "equal" or tag == "replace" and b2 - b1 == o2 - o1:
            place.update((b1 + k, o1 + k) for k in range(b2 - b1))
    out: list[str] = []
    cursor = 0
    for tag, b1, b2, a1, a2 in difflib.SequenceMatcher(None, base, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start = place.get(b1)
        if start is None or start < cursor or any(place.get(b) != start + (b - b1) for b in range(b1, b2)):
            return None
        out.extend(orig[cursor:start])
        if b2 - b1 == a2 - a1:  # lines changed one for one: change the user's own spelling of each
            out.extend(_respell(orig[start + k], base[b1 + k], new[a1 + k]) for k in range(b2 - b1))
        else:
            out.extend(new[a1:a2])
        cursor = start + (b2 - b1)
    out.extend(orig[cursor:])
    return "".join(out)


def _respell(original: str, before: str, after: str) -> str:
    """`original` with the change from `before` to `after` (ruamel's spellings of the same line), when the
    changed part occurs exactly once in it; else ruamel's line."""
    if original == before:
        return after
    head = len(commonprefix([before, after]))
    tail = len(commonprefix([before[head:][::-1], after[head:][::-1]]))
    old, replacement = before[head : len(before) - tail], after[head : len(after) - tail]
    return original.replace(old, replacement) if old and original.count(old) == 1 else after
