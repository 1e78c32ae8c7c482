"""Maps built to be slow (issue 14, points 3 and 4): legal, or nearly so, and small enough to pass every bound on
input, yet each was once far slower than its size (docs/benchmarks.md has the figures). `make bench` times every
command on each; the tests use them with a generous bound that catches a hang.

- `unknown_keys`: a 3 MB map whose first phase has 200,000 keys the format does not know.
- `broken_references`: a 170 KB map whose 2,000 opportunities each address a pain point that does not exist,
  with an id one letter away from one of the 2,000 that do.
- `rewritten_phase`: two versions of a 110 KB map in which one phase's 1,300 actions were all rewritten in words
  from one small vocabulary (every pair of texts shares most of its characters, so no cheap filter rules a pair out).

Every generator is deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import random

_HEAD = """\
cjm: 1
id: {id}
title: {title}
language: ja
business: {{model: b2c, purchase: repeat, cycle: short, channels: online}}
personas:
  - {{id: buyer, name: 購入者, role: buyer}}
phases:
"""
_PLAIN_PHASES = """\
  - id: purchase
    name: 購入
    kind: purchase
    actions: [カートに入れて支払う]
    emotion: {score: 1, note: 安心}
  - id: retention
    name: 継続
    kind: retention
    actions: [もう一度買う]
    emotion: {score: 1, note: 満足}
"""
# Words people write in actions; every rewritten text is made of them.
_WORDS = (
    "商品",
    "ページ",
    "を見る",
    "比較",
    "する",
    "価格",
    "レビュー",
    "確認",
    "サイズ",
    "在庫",
    "店舗",
    "問い合わせ",
    "カート",
    "に入れる",
    "配送",
    "日数",
    "友人",
    "に聞く",
    "検索",
    "写真",
    "色",
    "選ぶ",
    "返品",
    "条件",
)


def unknown_keys(count: int = 200_000) -> bytes:
    """A map whose first phase carries `count` keys the format does not know."""
    lines = [
        _HEAD.format(id="unknown-keys", title="未知のキーが多い地図"),
        "  - id: awareness\n    name: 認知\n    kind: awareness\n    actions: [広告を見る]\n",
    ]
    lines.extend(f"    note{number:06d}: x\n" for number in range(count))
    lines.append(_PLAIN_PHASES)
    return "".join(lines).encode("utf-8")


def broken_references(count: int = 2_000) -> bytes:
    """A map with `count` pain points and as many opportunities, each addressing an id one letter off."""
    lines = [
        _HEAD.format(id="broken-references", title="壊れた参照が多い地図"),
        "  - id: consideration\n    name: 検討\n    kind: consideration\n    actions: [比較する]\n    pain_points:\n",
    ]
    lines.extend(f"      - {{id: pain-{n:05d}, text: 不安 {n}}}\n" for n in range(count))
    lines.append("    opportunities:\n")
    lines.extend(f"      - {{id: idea-{n:05d}, text: 対策 {n}, addresses: [pian-{n:05d}]}}\n" for n in range(count))
    lines.append(_PLAIN_PHASES)
    return "".join(lines).encode("utf-8")


def rewritten_phase(actions: int = 1_300, seed: int = 14) -> tuple[bytes, bytes]:
    """(before, after): one phase's `actions` texts, all rewritten in the same small vocabulary."""
    rng = random.Random(seed)

    def version(title: str) -> bytes:
        lines = [
            _HEAD.format(id="rewritten", title=title),
            "  - id: consideration\n    name: 検討\n    kind: consideration\n    actions:\n",
        ]
        lines.extend(f"      - {''.join(rng.choices(_WORDS, k=10))}\n" for _ in range(actions))
        lines.append(_PLAIN_PHASES)
        return "".join(lines).encode("utf-8")

    return version("書き直し前"), version("書き直し後")


ALL = {
    "unknown-keys": unknown_keys,
    "broken-references": broken_references,
}
