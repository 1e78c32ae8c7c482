"""Round-trip YAML: change a map and keep everything a person wrote around the change — comments, key order,
quoting, indentation, blank lines and line endings.

`cjm.io.loader` stays the one gateway for *reading* maps (bounded, with line marks); this module is only for
*editing* text that has already passed through it. ruamel.yaml keeps comments as tokens attached to the
node before them, so moving entries between lists needs the helpers below, or a comment that introduces
the next entry would travel with the previous one (or vanish with a removed one).
"""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_BLOCK_KEY = re.compile(r"^(\s*)(- +)?[^\s#'\"-][^#'\"]*:\s*(#.*)?$")


@dataclass(frozen=True)
class _Layout:
    mapping: int = 2
    sequence: int = 2
    offset: int = 0
    explicit_start: bool = False
    crlf: bool = False
    prologue: str = ""  # comments and blank lines above an explicit `---`, which ruamel.yaml drops


# How a loaded document was laid out travels with its root (ruamel's containers take attributes), so that dumping
# it writes it the same way, and is forgotten with it.
_LAYOUT = "_cjm_layout"


def _yaml(layout: _Layout) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a consultant's long lines
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.explicit_start = layout.explicit_start
    yaml.allow_unicode = True
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # `kpis: [{name: X}]` stays so, not `[name: X]`
    return yaml


def load_roundtrip(text: str) -> Any:
    """The document as ruamel.yaml round-trip data (dicts and lists that carry their comments and style).

    Load only text that `cjm.io.loader.load_yaml` accepted: this parser is not bounded.
    """
    layout = _guess_layout(text)
    data = _yaml(layout).load(text.replace("\r\n", "\n"))
    _remember(data, layout)
    return data


def _remember(data: Any, layout: _Layout) -> None:
    with contextlib.suppress(AttributeError):  # a scalar document takes no attribute; it is dumped with the defaults
        setattr(data, _LAYOUT, layout)


def dump_roundtrip(data: Any) -> str:
    """The text of round-trip data, laid out like the text it was loaded from."""
    layout = getattr(data, _LAYOUT, None) or _Layout()
    stream = io.StringIO()
    _yaml(layout).dump(data, stream)
    text = layout.prologue + stream.getvalue()
    return text.replace("\n", "\r\n") if layout.crlf else text


def _guess_layout(text: str) -> _Layout:
    """How the text indents nested mappings and sequences (the most common way wins)."""
    mapping: Counter[int] = Counter()
    offsets: Counter[int] = Counter()
    opener: int | None = None  # column of the key that opened a block on the previous content line
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if opener is not None and indent >= opener:
            if stripped.startswith("- "):
                offsets[indent - opener] += 1
            elif indent > opener:
                mapping[indent - opener] += 1
        match = _BLOCK_KEY.match(line)
        opener = (indent + len(match.group(2) or "")) if match and not stripped.endswith(("|", ">")) else None
    mapping_indent = mapping.most_common(1)[0][0] if mapping else 2
    offset = offsets.most_common(1)[0][0] if offsets else 0
    lines = text.replace("\r\n", "\n").splitlines(keepends=True)
    first = next((n for n, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")), len(lines))
    explicit_start = first < len(lines) and lines[first].rstrip() == "---"
    return _Layout(
        mapping=mapping_indent,
        sequence=max(offset + 2, mapping_indent),
        offset=offset,
        explicit_start=explicit_start,
        crlf="\r\n" in text,
        prologue="".join(lines[:first]) if explicit_start else "",
    )


# --- comments ----------------------------------------------------------------------------------------------


def _is_block(node: Any) -> bool:
    """A non-empty mapping or list written in block style (its comments live inside it)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(node, (CommentedMap, CommentedSeq)) or not node:
        return False
    return not node.fa.flow_style()


def _slot_index(container: Any) -> int:
    from ruamel.yaml.comments import CommentedSeq

    return 0 if isinstance(container, CommentedSeq) else 2


def _last_key(container: Any) -> Any:
    return len(container) - 1 if isinstance(container, list) else list(container)[-1]


def _trailing_slot(container: Any, key: Any) -> tuple[Any, Any]:
    """Where the comment after `container[key]` is kept: descend into block collections to their last leaf."""
    holder, slot_key, _ = _trailing_path(container, key)
    return holder, slot_key


def _trailing_path(container: Any, key: Any) -> tuple[Any, Any, list[Any]]:
    """The leaf slot of `_trailing_slot`, and the block collections passed on the way down (innermost last)."""
    value = container[key]
    passed = []
    while _is_block(value):
        passed.append(value)
        container, key = value, _last_key(value)
        value = container[key]
    return container, key, passed


def _split_token(value: str) -> tuple[str, str]:
    """A comment token's text as (the end-of-line part with its newline, the full lines after it)."""
    first, _, rest = value.partition("\n")
    return first + "\n", rest


def detach_following(container: Any, key: Any) -> str:
    """Remove and return the comment lines that follow `container[key]` (not its end-of-line comment).

    These lines introduce whatever comes next in the file, so they must stay where they are when the
    entry moves away, and move behind an entry inserted after it. ruamel.yaml keeps them after the
    end-of-line comment of the last scalar, or (after a flow collection) at the end of the block that holds it.
    """
    holder, slot_key, passed = _trailing_path(container, key)
    lines = ""
    slot = holder.ca.items.get(slot_key)
    index = _slot_index(holder)
    if slot and len(slot) > index and slot[index] is not None:
        token = slot[index]
        eol, lines = _split_token(token.value)
        token.value = eol
        if not eol.strip() and isinstance(holder[slot_key], (dict, list)):
            slot[index] = None  # a bare line break after a flow collection would swallow the next entry's
    for block in reversed(passed):
        if block.ca.end:
            lines += _token_lines(block.ca.end)
            block.ca.end = []
    # ... or as comments before the next entry of the same list or mapping.
    following = _next_key(container, key)
    if following is not None:
        after = container.ca.items.get(following)
        if after and len(after) > 1 and after[1]:
            lines += _token_lines(after[1])
            after[1] = None
    return lines


def _next_key(container: Any, key: Any) -> Any:
    """The key or index after `key` in a mapping or list (None after the last); a list's is found without a
    walk through it, which long lists would pay for at every entry moved."""
    if isinstance(container, list):
        return key + 1 if key + 1 < len(container) else None
    keys = list(container)
    position = keys.index(key)
    return keys[position + 1] if position + 1 < len(keys) else None


def _token_lines(tokens: list[Any]) -> str:
    return "".join(" " * (token.column or 0) + token.value for token in tokens if token is not None)


def attach_following(container: Any, key: Any, lines: str) -> None:
    """Add comment lines (as `detach_following` returned them) after `container[key]`."""
    if not lines:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    holder, slot_key = _trailing_slot(container, key)
    index = _slot_index(holder)
    slot = holder.ca.items.setdefault(slot_key, [None, None, None, None])
    while len(slot) <= index:
        slot.append(None)
    if slot[index] is None:
        slot[index] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        slot[index].value = slot[index].value + lines


@dataclass
class Entry:
    """A list entry taken out of its list, with the comments that belong to it: the full lines before it
    (`leading`) and, for a scalar entry, its list's comment slot (its end-of-line comment)."""

    value: Any
    comment: list[Any] | None = None
    leading: str = ""


def remove_entry(seq: Any, index: int, parent: Any, key: Any) -> Entry:
    """Take entry `index` out of `seq` (the list at `parent[key]`) with the comment lines before it; the lines
    after it, which introduce the next entry or whatever follows the list, stay where they are."""
    leading = detach_following(seq, index - 1) if index > 0 else _detach_header(parent, key)
    following = detach_following(seq, index)
    comment = seq.ca.items.get(index)
    value = seq[index]
    del seq[index]
    if index > 0:
        attach_following(seq, index - 1, following)
    elif seq:
        _add_to_header(parent, key, following)
    else:
        _empty_list_comments(parent, key)
        attach_following(parent, key, following)
    return Entry(value, comment, leading)


def _empty_list_comments(parent: Any, key: Any) -> None:
    """An emptied list is written `[]`, in flow style, so that its comments follow the brackets."""
    seq = parent[key]
    seq.fa.set_flow_style()
    header = seq.ca.comment
    if header and header[0] is not None:
        slot = parent.ca.items.setdefault(key, [None, None, None, None])
        if slot[2] is None:
            slot[2] = header[0]


def insert_entry(seq: Any, index: int, entry: Entry | Any, parent: Any, key: Any, *, displace: bool = True) -> None:
    """Insert an entry at `index` (at the end when `index` is len(seq)) with its comments, keeping the lines
    that introduced the entry now at that place in front of it — or, with `displace=False`, letting the new
    entry take them over (it replaces that entry). An empty `[]` becomes a block list."""
    if not isinstance(entry, Entry):
        entry = Entry(to_roundtrip(entry))
    if not displace and seq:
        seq.insert(index, entry.value)
        return
    if index > 0:
        displaced = detach_following(seq, index - 1)
    elif seq:
        displaced = _detach_header(parent, key)
    else:
        displaced = detach_following(parent, key)
        if seq.fa.flow_style():
            seq.fa.set_block_style()
    seq.insert(index, entry.value)
    if entry.comment is not None and not _blank_slot(entry.comment):
        seq.ca.items[index] = entry.comment
    if index > 0:
        attach_following(seq, index - 1, entry.leading)
    else:
        _add_to_header(parent, key, entry.leading)
    attach_following(seq, index, displaced)


def _blank_slot(slot: list[Any]) -> bool:
    """A comment slot holding nothing but a line break: what ruamel.yaml keeps after a flow collection that ended
    a list. Put back on the entry in its new place it would swallow the line break of the entry after it."""
    return all(token is None or not token.value.strip() for token in slot)


def to_roundtrip(value: Any) -> Any:
    """Plain dicts and lists as round-trip nodes (block style), so comments can be attached to them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict) and not isinstance(value, CommentedMap):
        return CommentedMap((k, to_roundtrip(v)) for k, v in value.items())
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        return CommentedSeq(to_roundtrip(v) for v in value)
    return value


def plain(node: Any) -> Any:
    """Round-trip data as plain dicts, lists and scalars (no comments, no styles)."""
    if isinstance(node, Mapping):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def append_entry(seq: Any, entry: Entry | Any, parent: Any, key: Any) -> None:
    insert_entry(seq, len(seq), entry, parent, key)


def _header_token(parent: Any, key: Any) -> Any:
    slot = parent.ca.items.get(key)
    if slot and len(slot) > 2 and slot[2] is not None:
        return slot[2]
    header = getattr(parent[key], "ca", None)
    return header.comment[0] if header is not None and header.comment else None


def _detach_header(parent: Any, key: Any) -> str:
    """Remove and return the full comment lines between `key:` and the first entry of its block list.

    ruamel.yaml keeps them after the end-of-line comment of `key:` when there is one, else as a list of
    comment tokens before the list (in the key's slot and the list's own `ca.comment`).
    """
    lines = ""
    token = _header_token(parent, key)
    if token is not None:
        eol, lines = _split_token(token.value)
        token.value = eol
    slot = parent.ca.items.get(key)
    header = getattr(parent[key], "ca", None)
    for holder, index in ((slot, 3), (header.comment if header is not None else None, 1)):
        if holder and len(holder) > index and holder[index]:
            lines += _token_lines([tok for tok in holder[index] if not lines or tok.value not in lines])
            holder[index] = None
    if slot is not None and not any(slot):
        del parent.ca.items[key]
    return lines


def _add_to_header(parent: Any, key: Any, lines: str) -> None:
    """Add comment lines between `key:` and the first entry of the block list under it."""
    if not lines:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    token = _header_token(parent, key)
    if token is None:
        slot = parent.ca.items.setdefault(key, [None, None, None, None])
        slot[2] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        token.value = token.value + lines


def set_key(mapping: Any, key: str, value: Any, *, after: tuple[str, ...] = ()) -> None:
    """Set `mapping[key]`. A new key goes right after the last of `after` present, else at the end, in front
    of the comment lines that introduce what follows the mapping."""
    if key in mapping:
        mapping[key] = value
        return
    keys = list(mapping)
    last = max((keys.index(k) for k in after if k in mapping), default=None)
    if last is not None and last < len(keys) - 1:
        mapping.insert(last + 1, key, to_roundtrip(value))
        return
    following = detach_following(mapping, keys[-1]) if keys else ""
    mapping[key] = to_roundtrip(value)
    attach_following(mapping, key, following)


def replace_scalar(mapping: Any, key: str, value: Any) -> None:
    """Change a scalar, keeping its end-of-line comment as far after it as it was (aligned comments stay put
    relative to the value, not to the old value's length)."""
    old = mapping.get(key)
    slot = mapping.ca.items.get(key)
    token = slot[2] if slot and len(slot) > 2 else None
    mapping[key] = value
    if token is not None and token.value.startswith("#") and isinstance(old, str) and token.start_mark is not None:
        token.column = max(token.column + len(str(value)) - len(old), 0)


def remove_key(mapping: Any, key: str) -> bool:
    """Delete `key` unless a comment is attached to it (then it stays, to keep the comment); the comment lines
    after its value stay where they are. Returns whether it was deleted."""
    if list(mapping)[0] == key or _has_comment(mapping.ca.items.get(key)) or _has_comment(mapping[key]):
        return False
    keys = list(mapping)
    following = detach_following(mapping, key)
    del mapping[key]
    mapping.ca.items.pop(key, None)
    attach_following(mapping, keys[keys.index(key) - 1], following)
    return True


def _has_comment(node: Any) -> bool:
    """Whether a node (or a comment slot) carries a comment, as opposed to nothing or blank lines."""
    tokens: dict[int, Any] = {}
    _collect(node, tokens)
    if hasattr(node, "ca"):
        _collect([node.ca.comment, list(node.ca.items.values()), node.ca.end], tokens)
    return any("#" in token.value for token in tokens.values())


def ensure_blank_line_after(container: Any, key: Any) -> None:
    """Make sure an empty line follows `container[key]` (before what comes next)."""
    following = detach_following(container, key)
    attach_following(container, key, following if following.startswith("\n") else "\n" + following)


def following_lines(container: Any, key: Any) -> str:
    """The comment and blank lines after `container[key]`, left in place."""
    following = detach_following(container, key)
    attach_following(container, key, following)
    return following


def as_mapping(seq: Any, index: int, key: str) -> Any:
    """The entry at `index` as a mapping: a scalar entry becomes `{key: scalar}`, keeping its comment."""
    from ruamel.yaml.comments import CommentedMap

    value = seq[index]
    if isinstance(value, CommentedMap):
        return value
    mapping = CommentedMap()
    mapping[key] = value
    slot = seq.ca.items.get(index)
    if slot and slot[0] is not None:
        mapping.ca.items[key] = [None, None, slot[0], None]
        slot[0] = None  # the lines before the entry (slot[1]) stay with the list
    seq[index] = mapping
    return mapping


def comment_lines(node: Any) -> list[str]:
    """Every comment line inside a round-trip node, in no particular order (for salvage and for tests)."""
    from ruamel.yaml.comments import CommentedBase

    tokens: dict[int, Any] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CommentedBase):
            ca = current.ca
            _collect(ca.comment, tokens)
            _collect(list(ca.items.values()), tokens)
            _collect(ca.end, tokens)
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    lines: list[str] = []
    for token in tokens.values():
        lines.extend(part.strip() for part in token.value.split("\n") if part.strip().startswith("#"))
    return lines


def _collect(value: Any, tokens: dict[int, Any]) -> None:
    from ruamel.yaml.tokens import CommentToken

    if isinstance(value, CommentToken):
        tokens[id(value)] = value
    elif isinstance(value, (list, tuple)):
        for part in value:
            _collect(part, tokens)


def key_column(mapping: Any) -> int:
    """The column where the keys of a loaded mapping start (0 for one made in code)."""
    try:
        return int(mapping.lc.col or 0)
    except AttributeError:
        return 0
