"""Label text: escaping for HTML-like labels and wrapping by display width."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.render.labels import html, truncate, visible, wrap
from cjm.terminal import display_width

# Latin, Japanese (kana, kanji, full-width punctuation), spaces, newlines and the characters that matter to DOT.
TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ 123 \n<>&\"'\\N{}|") + list("日本語のサイズ、。「」ー・")
                                        + ["\x00", "\x1b", "\u202e", "\t"]), max_size=80)


@given(TEXT, st.integers(min_value=4, max_value=40))
@settings(max_examples=300)
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    squeeze = re.compile(r"\s+")
    assert squeeze.sub("", "".join(lines)) == squeeze.sub("", visible(text))


def test_japanese_counts_double_and_keeps_closing_punctuation_off_the_line_start() -> None:
    lines = wrap("サイズが合うかわからない。返品できるのかな、不安です。", 12)
    assert all(display_width(line) <= 12 for line in lines)
    assert len(lines) > 2  # 6 Japanese characters a line, not 12
    assert not any(line.startswith(("。", "、")) for line in lines)


def test_latin_words_stay_whole() -> None:
    assert wrap("reads reviews before buying", 14) == ["reads reviews", "before buying"]


@given(TEXT)
def test_escaped_text_has_no_markup_backslash_escape_or_control_character(text: str) -> None:
    escaped = html(visible(text))
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", escaped)
    # Every backslash is doubled, so Graphviz's \N, \G, \L... never apply.
    assert all(len(run) % 2 == 0 for run in re.findall(r"\\+", escaped))
    # Only the entities cjm wrote.
    assert set(re.findall(r"&[^;\s]*;", escaped)) <= {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}


def test_control_characters_are_shown_as_escapes() -> None:
    assert visible("a\x07b\x1b[31m\u202e") == "a\\x07b\\x1b[31m\\u202e"


def test_truncate_marks_the_cut() -> None:
    assert truncate("カスタマージャーニーマップ", 10) == "カスタマ…"
    assert truncate("short", 10) == "short"
