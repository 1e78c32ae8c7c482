"""Text split in two at a comma by a one-line list.

In YAML a list written on one line, `[...]`, ends each entry at a comma: `thoughts: [Nice colour, but is it
worth the price?]` is two thoughts, `Nice colour` and `but is it worth the price?`, and the customer's words
are silently changed. The rule looks at the plain (unquoted) entries of every one-line list of text in the
map and reports two neighbours that read as one sentence cut at its comma: the second starts with a word that
continues a sentence (`but`, `not`, `so`, `which`, `because` ...; でも, けど, しかし ...), or the first ends
with a Japanese conjunction (けど, ので, のに ...). Lists of names (`[Instagram, TikTok, reviews]`) and of
actions (`[Reads reviews, compares prices]`) are left alone, whatever their capitals. Put the text in quotes,
or write the list one entry per line.

Fails:

```yaml
phases:
  - id: interest
    name: Interest
    kind: interest
    thoughts: [Nice colour, but is it worth the price?]
```

Passes:

```yaml
phases:
  - id: interest
    name: Interest
    kind: interest
    thoughts: ["Nice colour, but is it worth the price?", Does it come with papers?]
    actions: [Reads reviews, Compares prices, asks a friend]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cjm.core.document import KeyPath
from cjm.core.model import Journey
from cjm.core.problem import Severity
from cjm.lint.base import Finding

CODE = "CJM111"
NAME = "prose-split-at-comma"
SEVERITY = Severity.WARNING

# Words that carry a sentence on after a comma; an entry of a list does not start with them.
CONTINUING = re.compile(
    r"(but|and then|and yet|not|so|which|that|because|though|although|yet|or else|especially|even|unless|"
    r"while|whereas|otherwise|then|too)\b|(でも|だけど|けど|けれど|しかし|ただ|なのに|それでも|だから|なので|それに|とはいえ)"
)
# Japanese endings that leave a sentence open.
OPEN_ENDINGS = ("けど", "けれど", "けれども", "ので", "のに", "ながら", "つつ")


def check(journey: Journey, options: Mapping[str, Any]) -> Iterator[Finding]:
    doc = journey.document
    if not doc.flow_items:
        return
    for path, entries in _text_lists(journey.data, ()):
        items = doc.flow_items.get(id(entries))
        if not items:
            continue
        for (i, start, _, plain), (j, _, end, next_plain) in zip(items, items[1:], strict=False):
            if j != i + 1 or not (plain and next_plain):
                continue
            first, second = entries[i], entries[j]
            if isinstance(first, str) and isinstance(second, str) and _one_sentence(first, second):
                written = doc.text[start:end]
                yield Finding(
                    (*path, i),
                    f"`{written}` reads as one text, but the one-line list `[...]` split it at "
                    f"the comma into '{first}' and '{second}': put it in quotes "
                    f'(`"{first}, {second}"`) or write one entry per line',
                )


def _one_sentence(first: str, second: str) -> bool:
    return bool(CONTINUING.match(second)) or first.endswith(OPEN_ENDINGS)


def _text_lists(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, list[Any]]]:
    """Every list in the map's data with its path, the lists of ids too (their entries never read as prose)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _text_lists(value, (*path, key))
    elif isinstance(node, list):
        yield path, node
        for index, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield from _text_lists(value, (*path, index))
