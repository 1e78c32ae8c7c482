"""A map's business traits: the ones it states under `business:`, and the ones it states in other words.

A consultant writes `industry: 家具` or a phase "Delivery and assembly of the sofa" and never `durable: true`; lint
(CJM606) and `cjm adapt --auto` should still know the goods are durable. A trait is inferred only when the map
does not state it, from the industry first, then the title and phase names, then — only on a map that names no
industry, and with two different words at least, so a passing mention does not decide — the entries of the
phases. The words are data, in both languages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cjm.core.document import KeyPath
from cjm.core.model import NOUNS, Journey

# trait: (value it implies, words that say so). Durable goods as the domain brief names them (appliances,
# furniture, housing), in the words consultants use.
TRAIT_WORDS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "durable": (
        True,
        (
            "furniture",
            "sofa",
            "couch",
            "mattress",
            "bed frame",
            "dining table",
            "appliance",
            "refrigerator",
            "fridge",
            "washing machine",
            "air conditioner",
            "vacuum cleaner",
            "television",
            "housing",
            "house builder",
            "custom home",
            "home builder",
            "condominium",
            "piano",
            "bicycle",
            "luxury watch",
            "wristwatch",
            "家具",
            "ソファ",
            "ソファー",
            "ベッド",
            "マットレス",
            "ダイニングテーブル",
            "家電",
            "冷蔵庫",
            "洗濯機",
            "エアコン",
            "掃除機",
            "テレビ",
            "住宅",
            "注文住宅",
            "マンション",
            "戸建",
            "リフォーム",
            "ピアノ",
            "自転車",
            "腕時計",
            "高級時計",
        ),
    ),
}


@dataclass(frozen=True)
class Inferred:
    """A trait the map states in other words: its value, the words that said so and where."""

    trait: str
    value: Any
    word: str
    where: str  # "industry 'Home furniture'", "phase 'Delivery & assembly'"
    path: KeyPath

    def __str__(self) -> str:
        shown = "true" if self.value is True else str(self.value)
        return f"{self.trait}: {shown} inferred from {self.where}"


def inferred_traits(journey: Journey) -> list[Inferred]:
    """The traits the map does not state but says in other words."""
    business = journey.business
    found = []
    for trait, (value, words) in TRAIT_WORDS.items():
        if trait in business:
            continue  # stated, even as false: the consultant decided
        if (hit := _first_hit(journey, words)) is not None:
            found.append(Inferred(trait, value, *hit))
    return found


def business_traits(journey: Journey) -> tuple[dict[str, Any], list[Inferred]]:
    """The traits stated under `business:` with the inferred ones added, and the inferred ones."""
    inferred = inferred_traits(journey)
    traits = dict(journey.business)
    traits.update({i.trait: i.value for i in inferred})
    return traits, inferred


def _first_hit(journey: Journey, words: tuple[str, ...]) -> tuple[str, str, KeyPath] | None:
    pattern = _pattern(words)
    for text, where, path in _strong_texts(journey):
        if match := pattern.search(text):
            return match.group(), where, path
    if journey.business.get("industry"):
        return None  # the industry says what is sold; an apparel map's washing machine is not the product
    seen: dict[str, tuple[str, KeyPath]] = {}
    for phase, item in journey.items():  # one search per entry: maps can be large
        for match in pattern.finditer(item.text):
            if match.group().lower() not in seen:
                seen[match.group().lower()] = (
                    f"{NOUNS[item.list_name]} '{item.text}' in phase '{phase.name}'",
                    item.path,
                )
    if len(seen) >= 2:
        word, (where, path) = next(iter(seen.items()))
        return word, where, path
    return None


@functools.cache  # a pure function of the constant word lists, returning a compiled pattern (immutable)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the words, matched as `cjm.core.vocabulary.word_in` matches one."""
    ascii_words = "|".join(re.escape(w) for w in words if w.isascii())
    other = "|".join(re.escape(w) for w in words if not w.isascii())
    parts = [f"(?<![A-Za-z0-9])(?i:{ascii_words})"] if ascii_words else []
    return re.compile("|".join(parts + ([other] if other else [])))


def _strong_texts(journey: Journey) -> Iterator[tuple[str, str, KeyPath]]:
    industry = journey.business.get("industry")
    if isinstance(industry, str):
        yield industry, f"industry '{industry}'", ("business", "industry")
    yield journey.title, f"title '{journey.title}'", ("title",)
    for phase in journey.phases:
        yield phase.name, f"phase '{phase.name}'", (*phase.path, "name")
