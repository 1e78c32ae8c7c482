"""`cjm diff --format markdown` is a pull-request comment: it stays under GitHub's 65,536-character limit, long
sections folded, and says how many changes it left out."""

from __future__ import annotations

from .conftest import cli

GITHUB_COMMENT_LIMIT = 65_536


def _map(count: int, text: str) -> str:
    lines = [
        "cjm: 1",
        "id: big",
        "title: Big",
        "phases:",
        "  - id: awareness",
        "    name: 認知",
        "    kind: awareness",
        "    pain_points:",
    ]
    lines += [f"      - {{id: pain-{i:04d}, text: '{text} {i} サイズが分からず不安になる'}}" for i in range(count)]
    return "\n".join(lines) + "\n"


def test_a_huge_diff_comment_is_capped_and_counts_what_it_left_out(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(_map(1_500, "before"), encoding="utf-8")
    new.write_text(_map(1_500, "after, rewritten at length so that each change takes a long line"), encoding="utf-8")
    proc = cli("diff", str(old), str(new), "--format", "markdown")
    assert proc.returncode == 1, proc.stderr
    comment = proc.stdout
    assert len(comment) < GITHUB_COMMENT_LIMIT
    assert comment.count("<details>") == comment.count("</details>") >= 1
    shown = comment.count("\n- ")
    assert 100 < shown < 1_500
    assert f"… and {1_500 - shown:,} more changes not shown" in comment


def test_a_small_diff_comment_is_whole(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(_map(30, "before"), encoding="utf-8")
    new.write_text(_map(30, "after"), encoding="utf-8")
    comment = cli("diff", str(old), str(new), "--format", "markdown").stdout
    assert comment.count("\n- ") == 30 and "not shown" not in comment and "<details>" in comment
