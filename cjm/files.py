"""Finding the map files a command was given: files, directories, globs, and `-` for standard input."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

STDIN = "-"
MAP_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
# A folder holding this (empty) file is left out when a folder above it is searched, e.g. deliberately broken
# example maps; naming the folder or its files still checks them.
IGNORE_MARKER = ".cjmignore"


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Each map path once, in a stable order: given files as they are, directories searched recursively
    for `*.yaml`/`*.yml`, glob patterns expanded. A path that does not exist is passed on, so that the
    caller reports it with the other results."""
    seen: set[str] = set()
    for given in paths:
        for path in _expand_one(given):
            if path not in seen:
                seen.add(path)
                yield path


def _expand_one(given: str) -> Iterator[str]:
    if given == STDIN:
        yield STDIN
    elif os.path.isdir(given):
        yield from _walk(given)
    elif not os.path.exists(given) and glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        for match in matches:
            yield from (_walk(match) if os.path.isdir(match) else [match])
        if not matches:
            yield given
    else:
        yield given


def _walk(root: str) -> Iterator[str]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in _SKIP_DIRS
            and not d.startswith(".")
            and not os.path.exists(os.path.join(folder, d, IGNORE_MARKER))
        )
        found.extend(os.path.join(folder, f) for f in files if f.endswith(MAP_SUFFIXES))
    yield from sorted(found, key=lambda p: Path(p).parts)
