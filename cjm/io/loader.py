"""The one gateway from YAML text to data: safe, bounded, and keeping a line mark for every node.

PyYAML's composer and constructor are recursive (its C composer overflows the C stack on deep nesting) and
expand aliases without limit, so cjm builds the data itself from libyaml's *event* stream, iteratively:
nesting depth, node count and alias expansion are checked as the events arrive, before anything large is
built. Scalars are resolved by the YAML 1.2 core schema (JSON-compatible: `no` stays text, `2024-05-01` stays
text), and the YAML 1.1 readings that surprise people are remembered so that an error can explain them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import yaml
from yaml import events as ev
from yaml.parser import Parser as PurePythonParser
from yaml.reader import Reader
from yaml.scanner import Scanner, ScannerError
from yaml.tokens import ScalarToken, StreamEndToken, TagToken

from cjm.core.codes import DUPLICATE_KEY, ENCODING, LIMIT, SHAPE, SYNTAX, UNSUPPORTED_TAG
from cjm.core.document import Document, Mark
from cjm.core.problem import Problem, Severity

_BREAKS_AND_SPACE = "\0 \t\r\n\x85\u2028\u2029"


class PyParser(Reader, Scanner, PurePythonParser):
    """PyYAML's pure-Python parser, reading what it reads differently from libyaml as libyaml does.

    cjm reads every file the same way whichever parser the installed PyYAML has, so where the two differ this
    one follows libyaml: a `?` inside a flow collection is text (`[Is it worth it?]`, as in YAML 1.2), a `:`
    right before `,`, `?` or a bracket in one is refused (`{b:}`), a tag in one ends at a comma (`[!!str, b]`),
    and a comment may follow a block scalar's indicator (`>#`). Tabs are settled before parsing
    (`misplaced_tab`).
    """

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        PurePythonParser.__init__(self)

    def scan_plain(self) -> ScalarToken:
        # PyYAML's scan_plain with one change: in a flow collection a `?` does not end the scalar.
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[Any] | None = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                ch = self.peek(length)
                flow_ends = ",[]{}" if self.flow_level else ""
                if (
                    ch in _BREAKS_AND_SPACE
                    or ch == ":"
                    and self.peek(length + 1) in _BREAKS_AND_SPACE + flow_ends
                    or ch in flow_ends
                ):
                    if ch == ":" and self.flow_level and self.peek(length + 1) in _COLON_REFUSED:
                        self.forward(length)
                        raise ScannerError(
                            "while scanning a plain scalar", start_mark, "found unexpected ':'", self.get_mark()
                        )
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces or ())
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return ScalarToken("".join(chunks), True, start_mark, end_mark)

    def scan_block_scalar_indicators(self, start_mark: Any) -> tuple[bool | None, int | None]:
        # libyaml lets a comment follow the indicators without a space (`>#`, `|-#`).
        length = 0
        while length < 2 and self.peek(length) in "+-123456789":
            length += 1
        indicators = self.prefix(length)
        if self.peek(length) != "#" or not _BLOCK_INDICATORS.fullmatch(indicators):
            return super().scan_block_scalar_indicators(start_mark)
        self.forward(length)
        digits = indicators.strip("+-")
        chomping = {"+": True, "-": False}.get(indicators.strip("123456789"))
        return chomping, int(digits) if digits else None

    def scan_tag(self) -> TagToken:
        # libyaml ends a tag at a comma in a flow collection (`[!!str, b]`); PyYAML reads the comma into the tag.
        end = 1
        while self.peek(end) not in _BREAKS_AND_SPACE:
            end += 1
        written = self.prefix(end)
        if not self.flow_level or written.startswith("!<") or "," not in written:
            return super().scan_tag()
        tag = written[: written.index(",")]
        second = tag.find("!", 1)
        handle, suffix = (tag[: second + 1], tag[second + 1 :]) if second > 0 else ("!", tag[1:])
        if not suffix or "%" in suffix:
            return super().scan_tag()
        start_mark = self.get_mark()
        self.forward(len(tag))
        return TagToken((handle, suffix), start_mark, self.get_mark())


_BLOCK_INDICATORS = re.compile(r"[+-]?[1-9]?|[1-9][+-]")
_COLON_REFUSED = frozenset(",?[]{}")


CParser: Any
try:  # libyaml is the fast path; the pure-Python parser above reads the same.
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    CParser = None
PARSERS = {"libyaml": CParser, "python": PyParser}


@dataclass(frozen=True)
class Limits:
    """Bounds on untrusted input. Generous for real maps (a 1,000-phase map has about 60,000 nodes)."""

    max_bytes: int = 8 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 2_000_000
    max_alias_nodes: int = 100_000


DEFAULT_LIMITS = Limits()


class _Abort(Exception):
    """Stops building a document; carries the problem that explains why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def load_yaml(raw: bytes | str, source: str, limits: Limits = DEFAULT_LIMITS, parser: str | None = None) -> Document:
    """Load one YAML document. Never raises for bad input: whatever is wrong becomes a problem. `parser` picks
    one of PARSERS (default: libyaml when PyYAML has it); both read every file the same way."""
    if len(raw) > limits.max_bytes:
        doc = Document(source, "")
        doc.problems.append(
            Problem(
                source,
                1,
                1,
                LIMIT,
                f"file is over the {limits.max_bytes / 1_048_576:g} MB limit for a map; split it into several maps",
            )
        )
        return doc
    text, problem = decode(raw, source)
    doc = Document(source, text)
    if problem:
        doc.problems.append(problem)
        return doc
    if bad := _first_unprintable(text):
        line, col, char = bad
        doc.problems.append(
            Problem(
                source, line, col, ENCODING, f"control character U+{ord(char):04X} is not allowed in YAML; remove it"
            )
        )
        return doc
    chosen = PARSERS[parser] if parser else CParser or PyParser
    if "\t" in text and (tab := misplaced_tab(text, chosen)):
        line, col, indenting = tab
        doc.problems.append(Problem(source, line, col, SYNTAX, _TAB_MESSAGES[indenting]))
        return doc
    try:
        _Builder(doc, limits, chosen).build()
    except _Abort as stop:
        doc.data = None
        doc.problems.append(stop.problem)
    except yaml.MarkedYAMLError as err:
        doc.data = None
        if (err.problem or "").startswith("exceeded maximum nesting depth"):
            # libyaml's own bound (1,000 open brackets, met while it scans ahead) can come before cjm's.
            line, col = (err.problem_mark.line + 1, err.problem_mark.column + 1) if err.problem_mark else (1, 1)
            doc.problems.append(Problem(source, line, col, LIMIT, _too_deep(limits)))
        else:
            doc.problems.append(_syntax_problem(source, err, text))
    except (yaml.YAMLError, ValueError, IndexError, TypeError, RecursionError, MemoryError) as err:
        # libyaml reports a few failures without a position; the file is still only "bad input".
        doc.data = None
        doc.problems.append(Problem(source, 1, 1, SYNTAX, f"YAML could not be parsed: {_one_line(str(err))}"))
    return doc


def decode(raw: bytes | str, source: str) -> tuple[str, Problem | None]:
    """Decode bytes as UTF-8 (or UTF-16/32 with a byte-order mark), locating the first bad byte."""
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff"), None
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None
            except UnicodeDecodeError:
                return "", Problem(
                    source,
                    1,
                    1,
                    ENCODING,
                    f"the file starts with a {codec.upper()} byte-order mark "
                    f"but is not valid {codec.upper()}; save it as UTF-8",
                )
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return "", Problem(
            source, line, col, ENCODING, f"invalid UTF-8 (byte 0x{raw[err.start]:02X}); save the file as UTF-8"
        )


# Printable per YAML 1.2 §5.1: tab, LF, CR, and the printable ranges; libyaml rejects the rest without a line.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _first_unprintable(text: str) -> tuple[int, int, str] | None:
    match = _UNPRINTABLE.search(text)
    if not match:
        return None
    start = match.start()
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, col, match.group()


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_TAB_MESSAGES = {
    True: "YAML syntax: a tab in the indentation; indent with spaces, not tabs (YAML parsers read tabs here "
    "differently, so cjm accepts none)",
    False: "YAML syntax: a tab outside quoted text; write spaces instead, or put the text in quotes if it needs "
    "the tab (YAML parsers read a tab here differently, so cjm accepts none)",
}


def misplaced_tab(text: str, parser: Any) -> tuple[int, int, bool] | None:
    """The first tab (1-based line, column, and whether it indents) where libyaml and PyYAML's own parser
    disagree: PyYAML refuses a tab between tokens that libyaml takes as a space, and libyaml refuses one that
    starts a block scalar's text. A tab is read alike, and allowed, inside quoted text, in a comment, and in a
    block scalar's text after its first character; cjm refuses every other one, the same way with either parser.
    Only called on text that has a tab; one more pass of the scanner, no more."""
    lines = _LINE_BREAK.split(text)
    tabs = _tabs(lines)
    tab = next(tabs, None)
    scanner = parser(text)
    previous_end = (0, 0)
    try:
        while tab is not None:
            token = scanner.get_token()
            start = (token.start_mark.line, token.start_mark.column)
            end = (token.end_mark.line, token.end_mark.column)
            while tab is not None and tab < end:
                line, col = tab
                if tab < start:  # between tokens: only in a comment
                    after = previous_end[1] if previous_end[0] == line else 0
                    if "#" not in lines[line][after:col]:
                        return _tab_at(lines, line, col)
                elif not _tab_read_alike(token, lines, line, col):
                    return _tab_at(lines, line, col)
                tab = next(tabs, None)
            previous_end = max(previous_end, end)
            if isinstance(token, StreamEndToken):
                break
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        # libyaml may place the error at the end of the text, a line past the last one.
        if mark is not None and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            return _tab_at(lines, mark.line, mark.column)
    finally:
        dispose = getattr(scanner, "dispose", None)
        if dispose:
            dispose()
    return None


def _tab_read_alike(token: Any, lines: list[str], line: int, col: int) -> bool:
    """Whether a tab inside `token` reads the same with both parsers: in quoted text, or in a block scalar's text
    after the line's first character (or in the comment after its `|` or `>`)."""
    if not isinstance(token, ScalarToken) or token.plain:
        return False
    if token.style not in ("|", ">"):
        return True
    if line > token.start_mark.line:
        return lines[line][:col].strip(" \t") != ""
    return "#" in lines[line][token.start_mark.column : col]


def _tabs(lines: list[str]) -> Iterator[tuple[int, int]]:
    for number, line in enumerate(lines):
        col = line.find("\t")
        while col >= 0:
            yield number, col
            col = line.find("\t", col + 1)


def _tab_at(lines: list[str], line: int, col: int) -> tuple[int, int, bool]:
    return line + 1, col + 1, lines[line][:col].strip(" \t") == ""


def _syntax_problem(source: str, err: yaml.MarkedYAMLError, text: str = "") -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = err.problem or "invalid YAML"
    if err.context and err.context_mark and err.context_mark is not mark:
        what = f"{what} ({err.context} at line {err.context_mark.line + 1})"
    hint = _SYNTAX_HINTS.get(err.problem or "", "")
    if not hint and mark and "tab" not in what and _char_at(text, mark.line, mark.column) == "\t":
        hint = _TAB_HINT  # libyaml does not name the character it could not start a token with
    elif "flow" in (err.context or "") or mark and _after_flow(text, mark.line, mark.column):
        hint = _FLOW_HINT
    return Problem(source, line, col, SYNTAX, f"YAML syntax: {_one_line(what)}{hint}")


_TAB_HINT = "; indent with spaces, not tabs"
# Keyed by the parser's own wording: libyaml's (the parser cjm uses) and the pure-Python fallback's.
_SYNTAX_HINTS = {
    "mapping values are not allowed here": "; quote a value that contains ': ' or check the indentation",
    "mapping values are not allowed in this context": "; quote a value that contains ': ' or check the indentation",
    "found character '\\t' that cannot start any token": _TAB_HINT,
    "found a tab character that violates indentation": _TAB_HINT,
    "found a tab character where an indentation space is expected": _TAB_HINT,
    "could not find expected ':'": "; a key needs ': ' after it",
}


_FLOW_HINT = (
    "; `[...]` and `{...}` end text at a comma, colon, bracket or quote: put this text in quotes "
    '(`thoughts: ["Nice colour, but is it worth the price?"]`, `{text: "Sizes: S, M"}`)'
)


def _after_flow(text: str, line: int, column: int) -> bool:
    """Whether the line goes on after a `]` or `}` where the error is (`[Reads reviews] and compares`)."""
    lines = text.split("\n", line + 1)
    return line < len(lines) and lines[line][:column].rstrip().endswith(("]", "}"))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- scalars -------------------------------------------------------------------------------------------

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset(
    w for base in ("yes", "no", "on", "off", "y", "n") for w in (base, base.capitalize(), base.upper())
)
_STD_TAG = "tag:yaml.org,2002:"


def resolve_plain(value: str) -> tuple[Any, str | None]:
    """A plain scalar's value under the YAML 1.2 core schema, and a note when YAML 1.1 would read it otherwise."""
    if value in _NULLS:
        return None, None
    if value in _TRUE:
        return True, None
    if value in _FALSE:
        return False, None
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.fullmatch(value):
            digits = value.lstrip("+-")
            if len(digits) > 1 and digits[0] == "0":
                return value, (
                    f"`{value}` has a leading zero (octal in YAML 1.1); write it without the zero, or quote it"
                )
            if len(digits) > 4000:
                return value, "a number this long is not supported"
            return int(value), None
        if _FLOAT.fullmatch(value):
            return float(value), None
        if value.startswith(("0x", "0o")):
            try:
                return int(value, 0), None
            except ValueError:
                return value, None
        if "_" in value and _INT.fullmatch(value.replace("_", "")):
            return value, f"`{value}` is text in YAML 1.2; write the number without underscores"
    if value in _YAML11_BOOLS:
        return value, f"`{value}` is text, not a boolean (YAML 1.1 read it as one); write true or false"
    return value, None


def _resolve_tagged(tag: str, value: str, plain: bool) -> tuple[Any, bool]:
    """The value of an explicitly tagged scalar, and whether the tag is one cjm accepts."""
    if tag == "!":
        return value, True
    if not tag.startswith(_STD_TAG):
        return None, False
    kind = tag[len(_STD_TAG) :]
    if kind == "str":
        return value, True
    resolved, _ = resolve_plain(value)
    types: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
    expected = types.get(kind)
    if expected is None or not isinstance(resolved, expected) or (kind == "int" and isinstance(resolved, bool)):
        return None, False
    return (float(cast(Any, resolved)) if kind == "float" else resolved), True


# --- building ------------------------------------------------------------------------------------------


class _Frame:
    """A mapping or sequence under construction."""

    __slots__ = (
        "container",
        "is_map",
        "marks",
        "key",
        "key_mark",
        "skip_value",
        "merges",
        "anchor",
        "nodes_at_start",
        "flow",
    )

    def __init__(self, container: dict | list, anchor: str | None, nodes: int, flow: bool = False) -> None:
        self.container: Any = container  # the dict or list, as `is_map` says
        self.flow = flow
        self.is_map = isinstance(container, dict)
        self.marks: dict[Any, tuple[Mark, Mark]] = {}
        self.key: Any = _NO_KEY
        self.key_mark: Mark = (0, 0)
        self.skip_value = False
        self.merges: list[tuple[Any, Mark]] = []
        self.anchor = anchor
        self.nodes_at_start = nodes


_NO_KEY = object()
_EMPTY = (
    "the file is empty; a map needs at least `cjm: 1`, `id`, `title` and `phases` (run `cjm init` for a starter map)"
)
_MERGE_KEY = "<<"
# Plain scalars that can resolve to something other than text: the rest are text as they are, without a call.
_SPECIAL_PLAIN = _NULLS | _TRUE | _FALSE | _YAML11_BOOLS
_NUMBER_START = frozenset("0123456789+-.")


class _Builder:
    def __init__(self, doc: Document, limits: Limits, parser: Any) -> None:
        self.doc = doc
        self.limits = limits
        self.parser = parser
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.alias_nodes = 0
        self.documents = 0

    def fail(self, mark: Any, code: str, message: str) -> _Abort:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return _Abort(Problem(self.doc.source, line, col, code, message))

    def report(self, mark: Mark, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.doc.problems.append(Problem(self.doc.source, mark[0], mark[1], code, message, severity=severity))

    def build(self) -> None:
        parser = self.parser(self.doc.text)
        try:
            self.consume(parser.get_event)
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()
        if self.documents == 0:
            raise _Abort(Problem(self.doc.source, 1, 1, SHAPE, _EMPTY))

    def consume(self, get_event: Any) -> None:
        """The event loop. Scalars are most of a map, so their common case (plain text or a number in a
        mapping or list) is handled inline; everything else goes through the methods below. Profiled: this
        loop costs less than PyYAML's own C loader, which builds its data in Python too."""
        scalar_event, stream_end = ev.ScalarEvent, ev.StreamEndEvent
        stack, surprises, max_nodes = self.stack, self.doc.surprises, self.limits.max_nodes
        while True:
            event = get_event()
            kind = type(event)
            if kind is not scalar_event:
                if kind is stream_end:
                    return
                self.handle(event, kind)
                continue
            self.nodes += 1
            if self.nodes > max_nodes:
                raise self.too_many(event)
            start = event.start_mark
            mark = (start.line + 1, start.column + 1)
            value, tag, note = event.value, event.tag, None
            frame = stack[-1] if stack else None
            is_key = frame is not None and frame.is_map and frame.key is _NO_KEY
            if tag is not None and tag != "!" and not (is_key and tag == _STD_TAG + "str"):
                value, accepted = _resolve_tagged(tag, value, event.implicit[0] and not event.style)
                if not accepted:
                    raise self.fail(start, UNSUPPORTED_TAG, _tag_message(tag))
            elif (
                not is_key
                and event.implicit[0]
                and not event.style
                and (value in _SPECIAL_PLAIN or value[0] in _NUMBER_START)
            ):
                if not value and frame is not None and frame.flow and frame.is_map:
                    self.no_colon(frame, start.index)
                value, note = resolve_plain(value)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            if frame is None:
                self.add(value, mark, note)
            elif not frame.is_map:
                container = frame.container
                if frame.flow:
                    self.doc.flow_items.setdefault(id(container), []).append(
                        (len(container), start.index, event.end_mark.index, not event.style)
                    )
                frame.marks[len(container)] = (mark, mark)
                if note:
                    surprises[(id(container), len(container))] = note
                container.append(value)
            elif is_key:
                if isinstance(value, str):
                    frame.key, frame.key_mark = value, mark
                else:
                    self.add(value, mark, note)
            elif not frame.skip_value and frame.key != _MERGE_KEY and frame.key not in frame.marks:
                key, frame.key = frame.key, _NO_KEY
                frame.container[key] = value
                frame.marks[key] = (frame.key_mark, mark)
                if note:
                    surprises[(id(frame.container), key)] = note
            else:
                self.add(value, mark, note)

    def no_colon(self, frame: _Frame, at: int) -> None:
        """An empty value in a `{...}`: remember its key when no `:` came before it (a comma cut the text)."""
        before = self.doc.text[max(0, at - 200) : at].rstrip(" \t\r\n")  # bounded: a key is short
        if not before.endswith(":") and isinstance(frame.key, str) and frame.container:
            self.doc.comma_keys[(id(frame.container), frame.key)] = next(reversed(frame.container))

    def handle(self, event: Any, kind: type) -> None:  # the event of that kind
        if kind is ev.MappingStartEvent:
            self.start(event, {})
        elif kind is ev.SequenceStartEvent:
            self.start(event, [])
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            self.end()
        elif kind is ev.AliasEvent:
            self.alias(event)
        elif kind is ev.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event.start_mark,
                    SHAPE,
                    "a second YAML document (`---`) in one file; "
                    "cjm reads one map per file, so move it to a file of its own",
                )

    def count(self, event: ev.Event, added: int = 1) -> None:
        self.nodes += added
        if self.nodes > self.limits.max_nodes:
            raise self.too_many(event)

    def too_many(self, event: ev.Event) -> _Abort:
        return self.fail(
            event.start_mark, LIMIT, f"more than {self.limits.max_nodes:,} YAML nodes; split the map into several files"
        )

    def start(self, event: Any, container: dict | list) -> None:  # a collection's start event, marks set
        tag = event.tag
        if tag is not None and tag != "!" and tag != _STD_TAG + ("map" if isinstance(container, dict) else "seq"):
            raise self.fail(event.start_mark, UNSUPPORTED_TAG, _tag_message(tag))
        if len(self.stack) >= self.limits.max_depth:
            raise self.fail(event.start_mark, LIMIT, _too_deep(self.limits))
        self.count(event)
        self.stack.append(_Frame(container, event.anchor, self.nodes, bool(event.flow_style)))
        self.doc._start_marks[id(container)] = (event.start_mark.line + 1, event.start_mark.column + 1)

    def end(self) -> None:
        frame = self.stack.pop()
        container = frame.container
        if frame.merges:
            self.apply_merges(frame)
        self.doc._child_marks[id(container)] = frame.marks
        if frame.anchor:
            self.anchors[frame.anchor] = (container, self.nodes - frame.nodes_at_start + 1)
        self.add(container, self.doc._start_marks[id(container)], None)

    def alias(self, event: Any) -> None:  # an alias event, marks set
        if event.anchor not in self.anchors:
            raise self.fail(
                event.start_mark, SYNTAX, f"alias *{event.anchor} refers to no anchor &{event.anchor} before it"
            )
        value, size = self.anchors[event.anchor]
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise self.fail(
                event.start_mark,
                LIMIT,
                f"aliases expand to more than {self.limits.max_alias_nodes:,} "
                "nodes (an alias bomb?); write the repeated parts out or use fewer aliases",
            )
        self.count(event, size)
        # The aliased value is shared, not copied: like PyYAML, and bounded by the count above.
        self.add(value, (event.start_mark.line + 1, event.start_mark.column + 1), None)

    def add(self, value: Any, mark: Mark, note: str | None) -> None:
        """Put a finished node into its parent (the general case; `consume` inlines the common ones)."""
        if not self.stack:
            self.doc.data = value
            if value is None:
                raise _Abort(Problem(self.doc.source, 1, 1, SHAPE, _EMPTY))
            if not isinstance(value, dict):
                raise _Abort(
                    Problem(
                        self.doc.source,
                        mark[0],
                        mark[1],
                        SHAPE,
                        f"the top level is a {_type_name(value)}, but a map is a mapping of keys "
                        "(`cjm: 1`, `id:`, `title:`, `phases:`)",
                    )
                )
            return
        frame = self.stack[-1]
        container = frame.container
        if not frame.is_map:
            index = len(container)
            container.append(value)
            frame.marks[index] = (mark, mark)
            if note:
                self.doc.surprises[(id(container), index)] = note
            return
        if frame.key is _NO_KEY:
            if not isinstance(value, str) and value is not None:
                self.report(mark, SHAPE, f"a key must be plain text, not a {_type_name(value)}")
                frame.key, frame.skip_value = None, True
            else:
                frame.key, frame.key_mark = ("" if value is None else value), mark
            return
        key, frame.key = frame.key, _NO_KEY
        if frame.skip_value:
            frame.skip_value = False
            return
        if key == _MERGE_KEY:
            frame.merges.append((value, frame.key_mark))
            return
        if key in frame.marks:
            first = frame.marks[key][0]
            self.report(
                frame.key_mark,
                DUPLICATE_KEY,
                f"duplicate key '{key}' (first defined at line {first[0]}, column {first[1]}); keep one of them",
            )
            return
        container[key] = value
        frame.marks[key] = (frame.key_mark, mark)
        if note:
            self.doc.surprises[(id(container), key)] = note

    def apply_merges(self, frame: _Frame) -> None:
        """YAML 1.1 merge keys (`<<: *defaults`): explicit keys win, then earlier merges over later ones."""
        mapping = frame.container
        assert isinstance(mapping, dict)
        for value, mark in frame.merges:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    self.report(mark, SHAPE, "a merge key `<<` takes a mapping or a list of mappings")
                    continue
                for key, item in source.items():
                    if key not in mapping:
                        mapping[key] = item
                        frame.marks[key] = (mark, mark)


def _too_deep(limits: Limits) -> str:
    return (
        f"nesting deeper than {limits.max_depth} levels; a journey map needs far fewer, so check the "
        "indentation and brackets"
    )


def _tag_message(tag: str) -> str:
    shown = tag.replace(_STD_TAG, "!!")
    return (
        f"tag {shown} is not allowed: cjm reads plain data only (text, numbers, true/false, lists, "
        "mappings); remove the tag"
    )


def _type_name(value: Any) -> str:
    return {dict: "mapping", list: "list", str: "text", bool: "boolean", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )
