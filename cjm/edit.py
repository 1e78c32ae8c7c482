"""Round-trip YAML editing that keeps a consultant's file as they wrote it: comments, key order, quoting,
indentation and blank lines.

`load_roundtrip(text)` gives ruamel.yaml's round-trip data (dict- and list-like, with comments attached);
change it in place, then `dump_roundtrip(data)` gives the new text. The text differs from the loaded one only
on the lines that the change touched: ruamel normalises a few spellings (extra spaces after a colon, say), so
the dump is spliced back into the original wherever the untouched lines can be matched.

Only for maps that loaded cleanly with `cjm.loader` (the bounded loader guards against hostile input first).
"""

from __future__ import annotations

import contextlib
import difflib
import io
from collections import Counter
from typing import Any

_LAYOUT = "_cjm_roundtrip"  # attribute on the loaded root: (original text, baseline dump, indentation)


def load_roundtrip(text: str) -> Any:
    """The round-trip data of one YAML document, remembering its text, line endings and indentation for
    `dump_roundtrip`."""
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    indent = guess_indent(text)
    yaml = _yaml(indent)
    data = yaml.load(text)
    with contextlib.suppress(AttributeError):  # a scalar document: nothing to remember, nothing to splice
        setattr(data, _LAYOUT, (text, _dump(yaml, data), indent, newline))
    return data


def dump_roundtrip(data: Any) -> str:
    """The text of round-trip data; for data from `load_roundtrip`, the original text with only the changes."""
    original, baseline, indent, newline = getattr(data, _LAYOUT, (None, None, (2, 2, 0), "\n"))
    after = _dump(_yaml(indent), data)
    if original is not None and baseline != original:
        after = _splice(original, baseline, after) or after
    return after.replace("\n", newline) if newline != "\n" else after


def guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as ruamel's `YAML.indent` takes them, from the most
    common spacing of keys and dashes under a key that opens a block."""
    mappings: Counter[int] = Counter()
    offsets: Counter[int] = Counter()
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in zip(lines, lines[1:], strict=False):
        stripped = line.rstrip()
        if not stripped.endswith(":") or stripped.lstrip().startswith("- "):
            continue
        parent = len(line) - len(line.lstrip())
        child = len(following) - len(following.lstrip())
        if following.lstrip().startswith("- "):
            offsets[child - parent] += 1
        elif child > parent:
            mappings[child - parent] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    offset = offsets.most_common(1)[0][0] if offsets else 0
    return mapping, offset + 2, offset


def _yaml(indent: tuple[int, int, int]) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _splice(original: str, baseline: str, after: str) -> str | None:
    """Apply the baseline→after change to the original text, where ruamel's baseline differs from the
    original only in spelling. None when a changed line cannot be placed in the original."""
    orig, base, new = original.splitlines(True), baseline.splitlines(True), after.splitlines(True)
    # Where each baseline line stands in the original, for the lines the two share.
    place: dict[int, int] = {}
    for block in difflib.SequenceMatcher(None, base, orig, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            place[block.a + k] = block.b + k
    place[len(base)] = len(orig)
    out: list[str] = []
    cursor = 0
    for tag, b1, b2, a1, a2 in difflib.SequenceMatcher(None, base, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start = place.get(b1)
        if start is None or start < cursor or any(place.get(b) != start + (b - b1) for b in range(b1, b2)):
            return None
        out.extend(orig[cursor:start])
        out.extend(new[a1:a2])
        cursor = start + (b2 - b1)
    out.extend(orig[cursor:])
    return "".join(out)
