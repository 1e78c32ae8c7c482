"""Label text: escaping for HTML-like labels and wrapping by display width."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cjm.core.text import display_width
from cjm.render.labels import (
    NO_LINE_END,
    NO_LINE_START,
    _tokens,  # the units wrapping keeps together
    html,
    truncate,
    visible,
    wrap,
)

# Latin, Japanese (kana, kanji, full-width punctuation), spaces, newlines and the characters that matter to DOT.
TEXT = st.text(
    alphabet=st.sampled_from(
        list("abc XYZ 123 \n<>&\"'\\N{}|") + list("日本語のサイズ、。「」ー・") + ["\x00", "\x1b", "\u202e", "\t"]
    ),
    max_size=80,
)


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


# Japanese as written: characters and words, each maybe in brackets or followed by one punctuation mark.
JAPANESE = st.lists(
    st.tuples(
        st.sampled_from(["", "「", "（"]),
        st.text(
            alphabet=st.sampled_from(list("日本語検索購入手続きをするのかなサイズパートママーっゃァ")),
            min_size=1,
            max_size=12,
        ),
        st.sampled_from(["", "」", "）", "、", "。", "・", " ", "ab ", "12"]),
    ),
    min_size=1,
    max_size=6,
).map(lambda words: "".join("".join(word) for word in words))


@given(JAPANESE, st.integers(min_value=6, max_value=30))
@settings(max_examples=300)
def test_japanese_line_breaking_rules_hold_both_ways(text: str, width: int) -> None:
    """Kinsoku shori: no line starts with closing punctuation, a prolonged sound mark or a small kana, and no
    line ends with an opening bracket, whenever the units that must stay together fit on a line."""
    assume(all(display_width(unit.strip()) <= width for unit in _tokens(text)))
    assume(not re.search(r"\s[" + re.escape("".join(NO_LINE_START)) + "]", text))  # after a space: a new line
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    for before, line in zip(lines, lines[1:], strict=False):
        assert line[0] not in NO_LINE_START or not before.strip(), lines
        assert before.rstrip()[-1] not in NO_LINE_END, lines


def test_no_japanese_character_is_left_alone_on_the_last_line() -> None:
    assert wrap("カートに入れて購入手続きをする", 16)[-1] != "る"
    assert wrap("届いた服を着てSNSに投稿する", 24) == ["届いた服を着てSNSに", "投稿する"]
    assert wrap("商品ページを見て回る", 18) == ["商品ページを見て", "回る"]
    for text in ("レビューを読む", "サイズ表を確認する", "インフルエンサーの投稿を見る", "33歳・パートで働くママ"):
        for width in range(6, 30):
            lines = wrap(text, width)
            assert len(lines) == 1 or display_width(lines[-1]) > 2, (text, width, lines)


def test_lines_break_between_phrases_not_inside_words() -> None:
    """Japanese breaks between phrases (BudouX's): a word keeps its particle and ending on one line."""
    assert wrap("33歳・パートで働くママ", 14) == ["33歳・パートで", "働くママ"]
    assert wrap("新商品のサンプルを申し込む", 12) == ["新商品の", "サンプルを", "申し込む"]
    assert wrap("YouTubeで他社の口コミや失敗談を調べる", 20) == ["YouTubeで他社の", "口コミや失敗談を", "調べる"]
    assert wrap("どこのブランドだろう、高くないかな", 20)[-1] == "高くないかな"
    assert wrap("仕様・色決めの打ち合わせ", 20) == ["仕様・色決めの", "打ち合わせ"]


def test_a_phrase_longer_than_the_line_breaks_inside_it_by_the_rules() -> None:
    assert wrap("インフルエンサーの投稿を見る", 14) == ["インフルエン", "サーの投稿を", "見る"]


def test_an_opening_bracket_goes_with_what_it_opens() -> None:
    lines = wrap("Instagramで「夏 ママコーデ」を検索する", 12)
    assert not any(line.endswith(("「", "（")) for line in lines)
    assert wrap("返品は（14日以内）できる", 8)[0] == "返品は"
