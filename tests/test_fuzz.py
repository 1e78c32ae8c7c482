"""A short, deterministic round of the loader fuzz target (`make fuzz` runs it for minutes, coverage-guided)."""

from __future__ import annotations

from fuzz.loader import one_input, run_plain


def test_a_short_fuzz_round_finds_nothing():
    assert run_plain(count=400, seed=20261125) == 400


def test_the_target_accepts_a_valid_map_and_garbage():
    one_input(b"cjm: 1\nid: x\ntitle: t\nphases:\n  - {id: a, name: \xe8\xaa\x8d\xe7\x9f\xa5, kind: awareness}\n")
    one_input(bytes(range(256)))
