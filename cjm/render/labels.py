"""Text for Graphviz labels: escaped so that it always comes out literally, and wrapped by display width.

Every piece of map text reaches Graphviz only inside an HTML-like label, escaped here. That closes every way a
label could act instead of show: `<` and `&` cannot open a tag (so no `<IMG SRC=...>` can make Graphviz read a
file), quotes cannot end an attribute, and backslashes are doubled because Graphviz expands `\\N`, `\\G` and the
like even inside HTML-like labels (and even when written as `&#92;`). Control characters, which the XML parser
behind HTML-like labels rejects, are shown as `\\xNN`, the way `cjm.core.text.safe` shows them in a terminal.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import budoux

from cjm.core.text import display_width

# C0/C1 controls, DEL, bidi overrides (as cjm.core.text.safe), plus U+FFFE/U+FFFF that XML also rejects.
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
    they fit. Japanese, which has no spaces, breaks between characters by the rules of Japanese typesetting
    (kinsoku shori): no line starts with closing punctuation, a prolonged sound mark or a small kana
    (、。）」ーっゃ...), no line ends with an opening bracket (「（...); a short katakana word or kanji compound
    is not broken; and a paragraph does not end with one character alone on its line. Line breaks in the text
    are kept."""
    width = max(width, 4)
    lines: list[str] = []
    for paragraph in visible(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph.strip(), width) or [""])
    while lines and not lines[-1]:
        lines.pop()
    return lines or [""]


# Characters that must not begin a line in Japanese typesetting (kinsoku), and Latin punctuation likewise.
NO_LINE_START = set(
    "、。，．・：；？！ー）」』】〕〉》〙〗｝］…‥ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%"
)
# Characters that must not end a line: opening brackets.
NO_LINE_END = set("「『（【〔〈《〘〖｛［“‘([{")
SHORT_WORD = 8  # katakana words up to this many characters are not broken
SHORT_COMPOUND = 4  # nor are kanji compounds up to this many
_TOKEN = re.compile(
    r"[^\s\u2e80-\uffef]+\s*|\s+"
    rf"|[\u30a1-\u30faー・]{{1,{SHORT_WORD}}}|[\u4e00-\u9fff々〆]{{1,{SHORT_COMPOUND}}}|."
)


def _tokens(paragraph: str) -> list[str]:
    """Units that stay together: a Latin word with its trailing space, a short katakana word or kanji compound,
    or a single other character; each carries along the closing punctuation that must follow it and the
    opening bracket that must precede it."""
    tokens: list[str] = []
    opening = ""
    for match in _TOKEN.finditer(paragraph):
        piece = match.group()
        if piece in NO_LINE_END:
            opening += piece
            continue
        piece, opening = opening + piece, ""
        if tokens and piece[0] in NO_LINE_START and not tokens[-1].endswith(" "):
            tokens[-1] += piece
        else:
            tokens.append(piece)
    if opening:
        tokens.append(opening)
    return tokens


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    lines: list[list[str]] = []
    line: list[str] = []
    for group in _phrases(paragraph):
        if display_width("".join(line + group).rstrip()) <= width:
            line.extend(group)
            continue
        if "".join(line).strip() and display_width("".join(group).strip()) <= width:
            lines.append(line)  # the phrase starts a new line
            line = []
            group = [group[0].lstrip(), *group[1:]]
            line.extend(group)
            continue
        for token in group:  # a phrase longer than a line breaks between its units
            if display_width("".join(line) + token.rstrip()) <= width:
                line.append(token)
                continue
            if "".join(line).strip():
                lines.append(line)
                line = []
            token = token.lstrip()
            while display_width(token.rstrip()) > width:  # a word longer than the line: cut it
                cut = _fit(token, width)
                lines.append([token[:cut]])
                token = token[cut:]
            line = [token]
    if "".join(line).strip():
        lines.append(line)
    _no_orphan(lines, width)
    return ["".join(tokens).rstrip() for tokens in lines]


@functools.cache
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


def _phrases(paragraph: str) -> list[list[str]]:
    """The paragraph's units (`_tokens`) grouped into phrases that a line should not split: BudouX's Japanese
    phrases (a word with its particles and endings), and Latin words, which end at a space."""
    ends: set[int] = set()
    if any(char_width(char) == 2 for char in paragraph):
        offset = 0
        for phrase in _parser().parse(paragraph):
            offset += len(phrase)
            ends.add(offset)
    groups: list[list[str]] = []
    group: list[str] = []
    offset = 0
    for token in _tokens(paragraph):
        group.append(token)
        offset += len(token)
        if offset in ends or token[-1].isspace() or not ends:
            groups.append(group)
            group = []
    if group:
        groups.append(group)
    return groups


def _no_orphan(lines: list[list[str]], width: int) -> None:
    """Move the last unit of the line before down when the last line would hold one Japanese character alone
    (with its punctuation), as long as that line keeps more than the orphan would have."""
    if len(lines) < 2:
        return
    last = "".join(lines[-1]).strip()
    body = [char for char in last if char not in NO_LINE_START and char not in NO_LINE_END]
    if len(body) != 1 or char_width(body[0]) != 2:
        return
    before = lines[-2]
    while len(before) > 1 and display_width("".join(before[:-1]).rstrip()) >= 4:
        moved = before[-1]
        if display_width(moved + "".join(lines[-1]).rstrip()) > width:
            return
        lines[-1].insert(0, before.pop())
        if display_width("".join(lines[-1]).strip()) > 2:
            return


def _fit(text: str, width: int, *, kinsoku: bool = True) -> int:
    """How many characters of `text` fit in `width` columns, one or more; with `kinsoku`, cut where no
    Japanese line-breaking rule forbids (the next line starting with 、 or ー) when there is such a place."""
    used = 0
    cut = len(text)
    for i, char in enumerate(text):
        used += char_width(char)
        if used > width:
            cut = max(i, 1)
            break
    allowed = cut
    while kinsoku and 1 < allowed < len(text) and (text[allowed] in NO_LINE_START or text[allowed - 1] in NO_LINE_END):
        allowed -= 1
    return allowed if allowed > 1 or cut == 1 else cut


def truncate(text: str, width: int) -> str:
    """At most `width` display columns, with an ellipsis when cut (for titles in small places)."""
    text = " ".join(visible(text).split())
    if display_width(text) <= width:
        return text
    return text[: _fit(text, width - 1, kinsoku=False)].rstrip() + "…"


# Advance widths in em of Noto Sans CJK JP (what the set-up installs), grouped; measured with Graphviz. Used only to
# give the columns of tables that must line up the same minimum width; Graphviz measures the real text itself.
_NARROW = set("ijl.,:;'!|I ")
_SEMI_NARROW = set("frt()[]{}-/\\")
_SMALL = set('csz*?"')
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
