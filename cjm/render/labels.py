"""Text for Graphviz labels: escaped so that it always comes out literally, and wrapped by display width.

Every piece of map text reaches Graphviz only inside an HTML-like label, escaped here. That closes every way a
label could act instead of show: `<` and `&` cannot open a tag (so no `<IMG SRC=...>` can make Graphviz read a
file), quotes cannot end an attribute, and backslashes are doubled because Graphviz expands `\\N`, `\\G` and the
like even inside HTML-like labels (and even when written as `&#92;`). Control characters, which the XML parser
behind HTML-like labels rejects, are shown as `\\xNN`, the way `cjm.terminal.safe` shows them in a terminal.
"""

from __future__ import annotations

import re
import unicodedata

from cjm.terminal import display_width

# C0/C1 controls, DEL, bidi overrides (as cjm.terminal.safe), plus U+FFFE/U+FFFF that XML also rejects.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "\\\\"}
_HTML_CHARS = re.compile("[&<>\"'\\\\]")


def shown_control(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text with control characters replaced by their `\\xNN` escapes and tabs by a space (wrapping needs
    one width per character)."""
    return _CONTROL.sub(lambda m: shown_control(m.group()), text.replace("\t", " ").replace("\r\n", "\n"))


def html(text: str) -> str:
    """One line of text, escaped for an HTML-like label (after `visible` and wrapping)."""
    return _HTML_CHARS.sub(lambda m: _HTML[m.group()], text.replace("\r", " ").replace("\n", " "))


def char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` display columns (a CJK character counts 2). Latin words are kept whole when
    they fit; Japanese, which has no spaces, breaks between any two characters, but never puts closing
    punctuation (、。）」) at the start of a line. Line breaks in the text are kept."""
    width = max(width, 4)
    lines: list[str] = []
    for paragraph in visible(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph.strip(), width) or [""])
    while lines and not lines[-1]:
        lines.pop()
    return lines or [""]


# Characters that must not begin a line in Japanese typesetting (kinsoku), and Latin punctuation likewise.
_NO_LINE_START = set("、。，．・：；？！ー）」』】〕〉》〙〗｝］…‥ゝゞ々"
                     "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%")


def _tokens(paragraph: str) -> list[str]:
    """Units that stay together: a Latin word with its trailing space, or a single wide character (which
    carries along the closing punctuation that must follow it)."""
    tokens: list[str] = []
    for match in re.finditer(r"[^\s\u2e80-\uffef]+\s*|\s+|.", paragraph):
        piece = match.group()
        if tokens and (piece[0] in _NO_LINE_START) and len(piece) == 1:
            tokens[-1] += piece
        else:
            tokens.append(piece)
    return tokens


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(paragraph):
        if display_width(line + token.rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
        token = token.lstrip() if not line else token
        while display_width(token.rstrip()) > width:  # a word longer than the line: cut it
            cut = _fit(token, width)
            lines.append(token[:cut])
            token = token[cut:]
        line = token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fit(text: str, width: int) -> int:
    used = 0
    for i, char in enumerate(text):
        used += char_width(char)
        if used > width:
            return max(i, 1)
    return len(text)


def truncate(text: str, width: int) -> str:
    """At most `width` display columns, with an ellipsis when cut (for titles in small places)."""
    text = " ".join(visible(text).split())
    if display_width(text) <= width:
        return text
    return text[: _fit(text, width - 1)].rstrip() + "…"


# Advance widths in em of Noto Sans CJK JP (what the set-up installs), grouped; measured with Graphviz. Used only to
# give the columns of tables that must line up the same minimum width; Graphviz measures the real text itself.
_NARROW = set("ijl.,:;'!|I ")
_SEMI_NARROW = set("frt()[]{}-/\\")
_SMALL = set("csz*?\"")
_WIDE = set("mwMW%@")


def text_points(text: str, font_size: float) -> float:
    """An upper estimate of the width of one line of text in points."""
    em = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WFA":  # ambiguous ones (●, —, …) are wide in Japanese fonts
            em += 1.0
        elif char in _NARROW:
            em += 0.31
        elif char in _SEMI_NARROW:
            em += 0.39
        elif char in _SMALL:
            em += 0.46
        elif char in _WIDE:
            em += 0.92
        elif char.isupper():
            em += 0.7
        else:
            em += 0.61
    return em * font_size * 1.04
