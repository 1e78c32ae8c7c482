"""How a phase's name is read: `kinds_named` finds a kind exactly when one of its words is in the name as
`word_in` finds it (ASCII words at the start of a word, ignoring case; Japanese words anywhere)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cjm.core.vocabulary import NAME_KINDS, kinds_named, word_in

WORDS = [word for words, _ in NAME_KINDS.values() for word in words]
NOISE = st.text(st.sampled_from(list("abzAZ09 -_・/配送の後開封サポートRe")), max_size=4)


@settings(max_examples=500)
@given(st.lists(st.one_of(st.sampled_from(WORDS), NOISE), max_size=5).map("".join))
def test_a_name_names_a_kind_exactly_when_it_holds_one_of_its_words(name):
    expected = tuple(kind for kind, (words, _) in NAME_KINDS.items() if any(word_in(w, name) for w in words))
    assert kinds_named(name) == expected


def test_names_read_in_both_languages():
    assert kinds_named("配送・設置") == ("delivery",)
    assert kinds_named("Renewal") == ("repeat_purchase",)
    assert kinds_named("SUPPORT desk") == ("support",)
    assert kinds_named("Because") == ()  # `use` only at the start of a word
