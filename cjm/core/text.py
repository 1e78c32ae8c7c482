"""Text from a map, made safe to show and measured for layout: control characters escaped so one problem stays
on one line and cannot drive a terminal, and the display width of East Asian text (wide characters count double).
"""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (newline, CR and tab too), DEL, the line and paragraph separators, and the bidirectional
# overrides that can make text display differently than it reads.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_BUT_NEWLINE = re.compile(_CONTROL.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def safe(text: str) -> str:
    """Text on one line with control characters shown as escapes (`\\n`, `\\x1b`), so a map can neither
    drive the terminal nor split one problem over two lines for a `file:line:col` parser."""
    return _CONTROL.sub(_escape, text)


def safe_block(text: str) -> str:
    """`safe` for text of several lines (a diff): newlines kept, every other control character escaped."""
    return _CONTROL_BUT_NEWLINE.sub(_escape, text)


def display_width(text: str) -> int:
    """Columns the text takes in a terminal or a diagram: wide (CJK) characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Japanese line-breaking rules (kinsoku): no line starts with closing punctuation or a small kana sound mark, and
# none ends with opening punctuation.
_NO_LINE_START = set("、。，．,.)]}）」』】〕〉》〟’”ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ・：；！？!?:;")
_NO_LINE_END = set("([{（「『【〔〈《〝‘“")


def is_wide(char: str) -> bool:
    """Whether a character takes two columns (CJK): the unit of Japanese line breaking."""
    return unicodedata.east_asian_width(char) in "WF"


def line_breaks(text: str, width: int, indent: int = 0) -> list[int]:
    """Where to break `text` into lines of at most `width` columns, as Japanese is set: between any two characters
    of which one is wide, or at a space, and never inside a run of narrow characters (an id, a number, a URL),
    which moves whole to the next line unless it is longer than a line. Lines after the first start `indent`
    columns in. The offsets, ascending; a break at a space falls after the space."""
    breaks: list[int] = []
    column, room, last = 0, width, None  # `last`: the latest offset the current line may end at
    line_start = 0
    for index, char in enumerate(text):
        if index > line_start and _may_break(text[index - 1], char):
            last = index
        size = 2 if is_wide(char) else 1
        while column + size > room and index > line_start and not char.isspace():
            # At the latest place the line may end; where there is none, or it leaves too much, at this character.
            cut = last if last is not None and last > line_start else index
            breaks.append(cut)
            line_start, last, room = cut, None, width - indent
            column = display_width(text[cut:index])
        column += size
    return breaks


def _may_break(before: str, after: str) -> bool:
    if before in _NO_LINE_END or after in _NO_LINE_START:
        return False
    if before.isspace():
        return not after.isspace()
    return is_wide(before) or is_wide(after)
