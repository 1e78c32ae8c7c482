"""Hostile input through the real CLI: each gets one clear located line, bounded memory, no traceback."""

from __future__ import annotations

import re

import pytest

from .conftest import CORPUS, MINIMAL_MAP, assert_clean_exit, run_cjm


def _alias_bomb() -> bytes:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE = {
    "alias-bomb": (_alias_bomb(), "CJM004", "aliases expand to more than"),
    "deep-flow": (b"[" * 40_000 + b"]" * 40_000, "CJM004", "nesting deeper than"),
    "deep-block": ("".join("  " * i + f"k{i}:\n" for i in range(1_000)).encode(), "CJM004", "nesting deeper than"),
    "duplicate-keys": (
        MINIMAL_MAP.replace("title: Tiny map\n", "title: A\ntitle: B\n").encode(),
        "CJM002",
        "duplicate key 'title' (first defined at line 3",
    ),
    "invalid-utf8": (b"cjm: 1\nid: x\ntitle: caf\xe9\n", "CJM005", "invalid UTF-8"),
    "huge-scalar": (b"cjm: 1\nid: x\ntitle: " + b"x" * 20_000_000 + b"\n", "CJM004", "over the"),
    "python-tag": (b"cjm: !!python/object/apply:os.system ['echo pwned']\n", "CJM003", "tag !!python/object"),
    "unknown-tag": (b"cjm: 1\nid: !secret x\n", "CJM003", "tag !secret is not allowed"),
    "empty": (b"", "CJM006", "the file is empty"),
    "multi-document": (MINIMAL_MAP.encode() + b"---\n" + MINIMAL_MAP.encode(), "CJM006", "a second YAML document"),
    "binary-garbage": (bytes(range(256)) * 40, "CJM005", ""),
    "top-level-list": (b"- cjm: 1\n", "CJM006", "the top level is a list"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_gets_one_located_line(tmp_path, name):
    raw, code, fragment = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    proc = run_cjm("validate", str(path), timeout=20, limit_memory=True)
    assert_clean_exit(proc, (1,))
    first, summary = proc.stdout.splitlines()
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: {code} ", first), first
    assert fragment in first
    assert summary.startswith("1 file checked: 1 problem")


def test_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"cjm: !!python/object/apply:os.system ['touch {marker}']\n")
    run_cjm("validate", str(path))
    assert not marker.exists()


@pytest.mark.parametrize("folder", ["valid", "invalid"])
def test_yaml_test_suite_corpus_gives_clean_results(folder):
    files = sorted((CORPUS / folder).glob("*.yaml"))
    proc = run_cjm("validate", str(CORPUS / folder), "--format", "json", timeout=120)
    assert_clean_exit(proc, (1,))
    import json

    report = json.loads(proc.stdout)
    assert report["files_checked"] == len(files)
    assert {p["file"] for p in report["problems"]} == {str(f) for f in files}  # none of them is a journey map
