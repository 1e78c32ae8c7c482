"""Cheap reading of a map's prose, in English and Japanese: the key terms of a text (to tell whether two texts
speak of the same thing) and whether a text mentions any word of a vocabulary.

No dictionary and no model: English words are lower-cased, stripped of common endings and of the words that
carry no topic; Japanese, which has no spaces, is read as its katakana words and the pairs of kanji in each
run of kanji (`試着`, `体型`), or a lone kanji used as a noun (`肌が`), which is where its topic words are.
Two texts share a topic when they share a key term; this errs towards finding a match, so that a rule built
on it errs towards silence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_LATIN_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]+")

# English words that carry no topic of their own (function words, and the words of any complaint).
_STOPWORDS = frozenset(
    str.split("""
a about after again all also an and any are as at be been before being but by can cannot can't could did do does
doesn't don't each even every few for from get gets getting got had has have having how i if in into is isn't it
its it's just less lot lots many may more most much must my no not of off on once one only or other our out over
own same she he her his so some such than that the their them then there they this those through to too under
until up very was we were what when where which while who why will with without would you your
able hard difficult easy unsure sure know knows want wants need needs feel feels like really still enough
buy buys buying bought purchase purchases customer customers product products item items post
""")
)
# Kanji pairs as common to every complaint as `unsure` is in English.
_KANJI_STOPWORDS = frozenset({"購入", "商品", "不安", "場合", "必要", "自分", "気持", "顧客", "お客"})
_ENDINGS = (
    ("ies", "y"),
    ("sses", "ss"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("ss", "ss"),
    ("ing", ""),
    ("ed", ""),
    ("s", ""),
)
# A lone kanji followed by a particle is a noun (`肌が`, `色に`); followed by anything else it is mostly the stem
# of a verb or adjective (`分から`, `合う`), which says nothing of the topic.
_LONE_KANJI_NOUN = re.compile(r"(?<![\u4e00-\u9fff\u3005])([\u4e00-\u9fff])(?=[がをにのはでともへや、。]|$)")


def normal(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII, half-width katakana full-width) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def _stem(word: str) -> str:
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + replacement
            # `setting` -> `set`, `planned` -> `plan`
            return stem[:-1] if ending in ("ing", "ed") and stem[-1] == stem[-2] and stem[-1] not in "aeiousl" else stem
    return word


def key_terms(text: str) -> frozenset[str]:
    """The topic words of a text: English stems, katakana words, and kanji pairs."""
    text = normal(text)
    terms = {_stem(w) for w in _LATIN_WORD.findall(text) if w not in _STOPWORDS and len(w) >= 3}
    terms.update(_KATAKANA.findall(text))
    for run in _KANJI.findall(text):
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    terms.update(_LONE_KANJI_NOUN.findall(text))
    return frozenset(terms - _KANJI_STOPWORDS)


def share_topic(text: str, others: Iterable[frozenset[str]]) -> bool:
    """Whether the text shares a key term with any of the others (given as `key_terms`)."""
    terms = key_terms(text)
    return any(terms & other for other in others)


def mentions(text: str, vocabulary: Iterable[str]) -> str | None:
    """The first word of the vocabulary the text mentions, or None. A word in ASCII must stand as a word (or
    the start of one: `refer` finds `referral`); other words are found anywhere in the text."""
    text = normal(text)
    for word in vocabulary:
        if word.isascii():
            if re.search(rf"(?<![a-z0-9]){re.escape(word)}", text):
                return word
        elif word in text:
            return word
    return None
