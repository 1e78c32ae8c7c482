"""Inline suppressions: `# cjm: disable=CJM101,placeholder-text -- reason` silences those rules on its line
(or, on a line of its own, on the next line with content); `# cjm: disable-file=CJM303` silences them in the
whole file. Comments are not in the loaded data, so they are found in the text: a `#` counts only where YAML
would read a comment (at the start of a line or after a space, and not inside a quoted or block scalar).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

_CANDIDATE = re.compile(r"#\s*cjm\s*:")
_DIRECTIVE = re.compile(
    r"#\s*cjm\s*:\s*(?P<verb>[A-Za-z-]+)\s*=\s*(?P<codes>[A-Za-z0-9-]+(?:\s*,\s*[A-Za-z0-9-]+)*)"
    r"\s*(?:--\s*(?P<reason>.*?))?\s*$"
)
VERBS = ("disable", "disable-file")


@dataclass(frozen=True)
class Directive:
    """One suppression comment. `target` is the line it silences (0 for the whole file); `codes` are as written
    (codes or rule names); `malformed` says what is wrong with a comment that looks like a directive but is not."""

    line: int
    col: int
    target: int
    codes: tuple[str, ...] = ()
    reason: str | None = None
    malformed: str | None = None


def scan(text: str) -> list[Directive]:
    """Every `# cjm:` comment in a YAML text that loaded without errors."""
    if not _CANDIDATE.search(text):
        return []
    lines = text.splitlines()
    inside = _scalar_spans(text)
    found: list[Directive] = []
    for number, line in enumerate(lines, 1):
        for match in _CANDIDATE.finditer(line):
            col = match.start()
            if col and not line[col - 1].isspace() or inside((number - 1, col)):
                continue
            own_line = not line[:col].strip()
            target = _next_content_line(lines, number) if own_line else number
            found.append(_directive(line[col:], number, col + 1, target))
            break  # everything after the first `#` is the comment
    return found


def _directive(comment: str, line: int, col: int, target: int) -> Directive:
    match = _DIRECTIVE.match(comment)
    if not match or match.group("verb") not in VERBS:
        return Directive(
            line,
            col,
            target,
            malformed="not a valid suppression: write `# cjm: disable=CODE` "
            "(or `disable-file=CODE`), codes separated by commas, then `-- reason` if you like",
        )
    codes = tuple(code.strip() for code in match.group("codes").split(","))
    file_wide = match.group("verb") == "disable-file"
    return Directive(line, col, 0 if file_wide else target, codes, match.group("reason") or None)


def _next_content_line(lines: list[str], number: int) -> int:
    """The line a comment on a line of its own applies to: the next one that is not blank or a comment."""
    for following in range(number, len(lines)):
        stripped = lines[following].strip()
        if stripped and not stripped.startswith("#"):
            return following + 1
    return number


def _scalar_spans(text: str) -> Callable[[tuple[int, int]], bool]:
    """A test for whether a 0-based (line, column) lies inside a scalar (quoted, plain or block)."""
    loader = getattr(yaml, "CLoader", yaml.Loader)
    starts: list[tuple[int, int]] = []
    ends: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.ScalarToken):
                starts.append((token.start_mark.line, token.start_mark.column))
                ends.append((token.end_mark.line, token.end_mark.column))
    except yaml.YAMLError:
        pass  # the spans found so far still hold

    def inside(position: tuple[int, int]) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < ends[index]

    return inside
