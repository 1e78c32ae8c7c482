"""Placeholder text left in the map.

`TODO`, `TBD`, `lorem ipsum`, `???`, `〇〇` and the like mark what nobody has filled in yet. A map is read
as the team's shared understanding of the customer; a placeholder in a pain point or a persona's goals is a
guess presented as research, and starter maps from `cjm init` are full of them on purpose. Every text value
is checked (not your `x-` extensions). A word written in capitals matches only in capitals (`TODO`, not
`todo`), other words in any case; words of letters or digits match only as whole words (`XX%` matches, `XXL`
does not).

Fails:

```yaml
personas:
  - id: busy-mother
    name: Busy working mother
    goals: [TODO]
phases:
  - {id: awareness, name: Awareness, kind: awareness}
```

Passes:

```yaml
personas:
  - id: busy-mother
    name: Busy working mother
    goals: [Find clothes that work for the school run and the office, in ten minutes a night]
phases:
  - {id: awareness, name: Awareness, kind: awareness}
```
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.document import KeyPath
from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding, Option

CODE = "CJM106"
NAME = "placeholder-text"
SEVERITY = Severity.WARNING
OPTIONS = {
    "words": Option(
        [
            "TODO",
            "TBD",
            "TBC",
            "FIXME",
            "XXX",
            "XX",
            "lorem ipsum",
            "lorem",
            "???",
            "？？？",
            "〇〇",
            "○○",
            "ダミー",
            "（仮）",
            "(仮)",
        ],
        "The placeholders to look for.",
    ),
}


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    pattern = _pattern(tuple(options["words"]))
    for path, text in _texts(journey.data, ()):
        if match := pattern.search(text):
            yield Finding(
                path,
                f"placeholder text '{match.group()}': replace it with what you learned from customers, or remove it",
            )


def _texts(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith(("x-", "$")):
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))


@functools.cache  # a pure function of the words (a tuple), returning a compiled pattern, which is immutable
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        body = re.escape(word)
        if word[:1].isalnum() and word.isascii():
            body = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
        parts.append(body if word.upper() == word and word.isascii() and word.isalpha() else f"(?i:{body})")
    return re.compile("|".join(parts))
