"""Round-trip YAML: change a map and keep everything a person wrote around the change — comments, key order,
quoting, indentation, blank lines and line endings.

`cjm.loader` stays the one gateway for *reading* maps (bounded, with line marks); this module is only for
*editing* text that has already passed through it. ruamel.yaml keeps comments as tokens attached to the
node before them, so moving entries between lists needs the helpers below, or a comment that introduces
the next entry would travel with the previous one (or vanish with a removed one).
"""

from __future__ import annotations

import io
import re
import weakref
from collections import Counter
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


# How each loaded document was laid out (by the id of its root, forgotten with it), so that dumping it writes
# it the same way. Mappings are not hashable, so a WeakKeyDictionary cannot hold them.
_LAYOUTS: dict[int, _Layout] = {}


def _yaml(layout: _Layout) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a consultant's long lines
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.explicit_start = layout.explicit_start
    yaml.allow_unicode = True
    return yaml


def load_roundtrip(text: str) -> Any:
    """The document as ruamel.yaml round-trip data (dicts and lists that carry their comments and style).

    Load only text that `cjm.loader.load_yaml` accepted: this parser is not bounded.
    """
    layout = _guess_layout(text)
    data = _yaml(layout).load(text.replace("\r\n", "\n"))
    try:
        weakref.finalize(data, _LAYOUTS.pop, id(data), None)
        _LAYOUTS[id(data)] = layout
    except TypeError:  # a scalar document cannot be weakly referenced; it is dumped with the defaults
        pass
    return data


def dump_roundtrip(data: Any) -> str:
    """The text of round-trip data, laid out like the text it was loaded from."""
    layout = _LAYOUTS.get(id(data), _Layout())
    stream = io.StringIO()
    _yaml(layout).dump(data, stream)
    text = stream.getvalue()
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
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
    return _Layout(mapping=mapping_indent, sequence=max(offset + 2, mapping_indent), offset=offset,
                   explicit_start=first.rstrip() == "---", crlf="\r\n" in text)


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
    value = container[key]
    while _is_block(value):
        container, key = value, _last_key(value)
        value = container[key]
    return container, key


def _split_token(value: str) -> tuple[str, str]:
    """A comment token's text as (the end-of-line part with its newline, the full lines after it)."""
    first, _, rest = value.partition("\n")
    return first + "\n", rest


def detach_following(container: Any, key: Any) -> str:
    """Remove and return the comment lines that follow `container[key]` (not its end-of-line comment).

    These lines introduce whatever comes next in the file, so they must stay where they are when the
    entry moves away, and move behind an entry inserted after it.
    """
    holder, slot_key = _trailing_slot(container, key)
    slot = holder.ca.items.get(slot_key)
    index = _slot_index(holder)
    if not slot or len(slot) <= index or slot[index] is None:
        return ""
    token = slot[index]
    eol, rest = _split_token(token.value)
    token.value = eol
    return rest


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


def insert_entry(seq: Any, index: int, entry: Entry | Any, parent: Any, key: Any) -> None:
    """Insert an entry at `index` (at the end when `index` is len(seq)) with its comments, keeping the lines
    that introduced the entry now at that place in front of it. An empty `[]` becomes a block list."""
    if not isinstance(entry, Entry):
        entry = Entry(to_roundtrip(entry))
    if index > 0:
        displaced = detach_following(seq, index - 1)
    elif seq:
        displaced = _detach_header(parent, key)
    else:
        displaced = detach_following(parent, key)
        if seq.fa.flow_style():
            seq.fa.set_block_style()
    seq.insert(index, entry.value)
    if entry.comment is not None:
        seq.ca.items[index] = entry.comment
    if index > 0:
        attach_following(seq, index - 1, entry.leading)
    else:
        _add_to_header(parent, key, entry.leading)
    attach_following(seq, index, displaced)


def to_roundtrip(value: Any) -> Any:
    """Plain dicts and lists as round-trip nodes (block style), so comments can be attached to them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict) and not isinstance(value, CommentedMap):
        return CommentedMap((k, to_roundtrip(v)) for k, v in value.items())
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        return CommentedSeq(to_roundtrip(v) for v in value)
    return value


def append_entry(seq: Any, entry: Entry | Any, parent: Any, key: Any) -> None:
    insert_entry(seq, len(seq), entry, parent, key)


def _header_token(parent: Any, key: Any) -> Any:
    slot = parent.ca.items.get(key)
    if slot and len(slot) > 2 and slot[2] is not None:
        return slot[2]
    header = getattr(parent[key], "ca", None)
    return header.comment[0] if header is not None and header.comment else None


def _detach_header(parent: Any, key: Any) -> str:
    """Remove and return the full comment lines between `key:` and the first entry of its block list."""
    token = _header_token(parent, key)
    if token is None:
        return ""
    eol, rest = _split_token(token.value)
    token.value = eol
    return rest


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
    present = [k for k in after if k in mapping]
    keys = list(mapping)
    if present and keys.index(present[-1]) < len(keys) - 1:
        mapping.insert(keys.index(present[-1]) + 1, key, to_roundtrip(value))
        return
    following = detach_following(mapping, keys[-1]) if keys else ""
    mapping[key] = to_roundtrip(value)
    attach_following(mapping, key, following)


def as_mapping(seq: Any, index: int, key: str) -> Any:
    """The entry at `index` as a mapping: a scalar entry becomes `{key: scalar}`, keeping its comment."""
    from ruamel.yaml.comments import CommentedMap

    value = seq[index]
    if isinstance(value, CommentedMap):
        return value
    mapping = CommentedMap()
    mapping[key] = value
    slot = seq.ca.items.pop(index, None)
    if slot and slot[0] is not None:
        mapping.ca.items[key] = [None, None, slot[0], None]
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
    lines = []
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


def add_comment_before(mapping: Any, key: Any, lines: list[str], indent: int) -> None:
    """Put full-line comments before `key` of a block mapping whose keys start at column `indent`."""
    if lines:
        mapping.yaml_set_comment_before_after_key(key, before="\n".join(line.lstrip("# ") for line in lines),
                                                  indent=indent)


def key_column(mapping: Any) -> int:
    """The column where the keys of a loaded mapping start (0 for one made in code)."""
    try:
        return int(mapping.lc.col or 0)
    except AttributeError:
        return 0
