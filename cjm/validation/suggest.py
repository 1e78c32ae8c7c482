""" "Did you mean …?" at a bounded cost: every suggestion in a file draws on one budget of comparisons.

`difflib` compares a word with each candidate, and a map can hold thousands of look-alike ids and thousands of
misspelt references to them. So each word is compared only with candidates whose length allows a close match,
at most `MAX_CANDIDATES` of them (those sharing the longest start and end with it: a slip of the finger
keeps most of a word), and a file's suggestions stop once its `Suggestions`
budget is spent: the problems are still reported, only without a guess.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

CUTOFF = 0.6  # difflib's own default: how alike a suggestion must be
MAX_CANDIDATES = 200
BUDGET = 20_000  # comparisons per file: the first problems get their suggestion, the rest are capped anyway


class Suggestions:
    """The suggestions of one file; make one per file checked."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.left = budget

    def closest(self, word: str, candidates: Sequence[str], cutoff: float = CUTOFF) -> str | None:
        """The candidate most like `word`, or None when none is alike enough or the budget is spent."""
        if self.left <= 0 or not candidates:
            return None
        # A ratio of 2·matches/(len(a)+len(b)) ≥ cutoff needs the shorter at least this share of the longer.
        share = cutoff / (2 - cutoff)
        size = len(word)
        fitting = [c for c in candidates if share * max(size, len(c)) <= min(size, len(c))]
        scanned = len(candidates) // 100  # a length check costs about a hundredth of a comparison
        if len(fitting) > MAX_CANDIDATES:
            scanned += len(fitting) // 10
            fitting.sort(key=lambda c: -_shared_ends(word, c))
            del fitting[MAX_CANDIDATES:]
        self.left -= len(fitting) + scanned + 1
        close = difflib.get_close_matches(word, fitting, n=1, cutoff=cutoff)
        return close[0] if close else None


def _shared_ends(one: str, two: str) -> int:
    """How many characters the two words share at their start and at their end."""
    size = min(len(one), len(two))
    start = next((i for i in range(size) if one[i] != two[i]), size)
    end = next((i for i in range(size - start) if one[-1 - i] != two[-1 - i]), size - start)
    return start + end


def closest(word: str, candidates: Sequence[str], cutoff: float = CUTOFF) -> str | None:
    """One bounded suggestion, for a single word (an option value, a rule name)."""
    return Suggestions().closest(word, candidates, cutoff)
