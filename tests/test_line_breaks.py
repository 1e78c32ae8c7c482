"""`cjm.core.text.line_breaks`: Japanese set the way Japanese is set (a break between any two characters of which
one is wide, none before closing punctuation or after opening), an id or a number never cut unless longer than a
line, and every line within its width."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cjm.core.text import display_width, line_breaks


def _lines(text: str, width: int, indent: int = 0) -> list[str]:
    breaks = line_breaks(text, width, indent)
    return [text[start:end] for start, end in zip([0, *breaks], [*breaks, len(text)], strict=True)]


def test_japanese_breaks_between_characters_and_ids_move_whole() -> None:
    text = "決済画面で送料が後から出る（cart-abandonment）に対処"
    assert _lines(text, 30) == ["決済画面で送料が後から出る", "（cart-abandonment）に対処"]
    assert _lines("支払い方法が少ない、コンビニ払いがない", 20) == ["支払い方法が少ない、", "コンビニ払いがない"]


def test_no_line_starts_with_closing_punctuation_or_ends_with_opening() -> None:
    lines = _lines("ああああ。いいいい「うう」", 8)
    assert not any(line.startswith(("。", "」")) for line in lines[1:]), lines
    assert not any(line.endswith("「") for line in lines), lines


def test_a_run_longer_than_a_line_is_cut_and_later_lines_are_indented() -> None:
    assert _lines("a-very-long-initiative-identifier", 10) == ["a-very-lon", "g-initiati", "ve-identif", "ier"]
    lines = _lines("あいうえおかきくけこさしすせそ", 10, indent=4)
    assert [display_width(line) for line in lines] == [10, 6, 6, 6, 2]


_TEXT = st.text(alphabet=st.sampled_from(list("あいう漢字カナ、。（）「」abc-_12 .")), min_size=0, max_size=120)


@given(_TEXT, st.integers(min_value=4, max_value=60), st.integers(min_value=0, max_value=3))
def test_every_line_fits_and_nothing_is_lost(text: str, width: int, indent: int) -> None:
    breaks = line_breaks(text, width, indent)
    assert breaks == sorted(set(breaks)) and all(0 < b < len(text) for b in breaks)
    lines = _lines(text, width, indent)
    assert "".join(lines) == text
    for number, line in enumerate(lines):
        room = width - (indent if number else 0)
        assert display_width(line.rstrip()) <= room or len(line.rstrip()) == 1, (lines, width)  # a kanji in 1


@given(st.lists(st.sampled_from(["購入", "検討", "ID", "cart-abandon", "12.5", "送料", "、", " "]), max_size=30))
def test_a_narrow_run_is_cut_only_when_longer_than_a_line(words: list[str]) -> None:
    text = "".join(words)
    for line_end in line_breaks(text, 20, 2):
        runs = [m for m in re.finditer(r"[\x21-\x7e]+", text) if m.start() < line_end < m.end()]
        assert all(len(run.group()) > 18 for run in runs), (text, line_end)
