"""Finding the map files a command was given: files, directories, globs, and `-` for standard input."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
MAP_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


@dataclass(frozen=True)
class Exclude:
    """Glob patterns (`exclude` in `[tool.cjm]`) for paths left out when searching directories, matched against
    the path relative to the configuration's folder and against the file or folder name, as ruff does. A path
    named on the command line is always checked."""

    patterns: Sequence[str] = ()
    folder: str = "."

    def __call__(self, path: str) -> bool:
        if not self.patterns:
            return False
        relative = os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")
        name = os.path.basename(path)
        return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in self.patterns)

    @classmethod
    def from_config(cls, start: str = ".") -> Exclude:
        from cjm.config import find_config

        config = find_config(start)
        patterns = config.data.get("exclude", [])
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise config.error(("exclude",), "`exclude` must be a list of glob patterns")
        return cls(tuple(p.rstrip("/") for p in patterns), config.folder)


def expand(paths: Iterable[str], exclude: Exclude = Exclude()) -> Iterator[str]:
    """Each map path once, in a stable order: given files as they are, directories searched recursively
    for `*.yaml`/`*.yml` (skipping hidden folders and `exclude`), glob patterns expanded. A path that does
    not exist is passed on, so that the caller reports it with the other results."""
    seen: set[str] = set()
    for given in paths:
        for path in _expand_one(given, exclude):
            if path not in seen:
                seen.add(path)
                yield path


def _expand_one(given: str, exclude: Exclude) -> Iterator[str]:
    if given == STDIN:
        yield STDIN
    elif os.path.isdir(given):
        yield from _walk(given, exclude)
    elif not os.path.exists(given) and glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, exclude)
            elif not exclude(match):
                yield match
        if not matches:
            yield given
    else:
        yield given


def _walk(root: str, exclude: Exclude) -> Iterator[str]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs
            if d not in _SKIP_DIRS and not d.startswith(".") and not exclude(os.path.join(folder, d))
        )
        found.extend(
            os.path.join(folder, f) for f in files if f.endswith(MAP_SUFFIXES) and not exclude(os.path.join(folder, f))
        )
    yield from sorted(found, key=lambda p: Path(p).parts)
