"""The files a command reads: finding the maps it was given (files, directories, globs, `-` for standard input),
and the one bounded reader every file cjm reads goes through (maps, configuration, rule files, git blobs, standard
input): regular files only, never more than a size limit, a clear error naming the file otherwise."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import stat
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from cjm.core.errors import CjmError

if TYPE_CHECKING:  # the configuration reads its file through this module
    from cjm.io.config import Config

STDIN = "-"
MAP_SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 8 * 1024 * 1024  # the loader's limit for a map; configuration and rule files are held to it too
_CHUNK = 1 << 20


class ReadError(CjmError):
    """A file cjm cannot read: missing, not a regular file, over the size limit, or refused by the system.
    `too_large` tells the size limit apart from the rest (a map reports it as its own problem code)."""

    def __init__(self, path: str, reason: str, *, too_large: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.too_large = too_large


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: which file (device and inode), its size, modification time and content hash, so
    that a later write can tell whether someone else changed it in between."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str

    def same_file(self, other: os.stat_result) -> bool:
        return (self.device, self.inode) == (other.st_dev, other.st_ino)


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `ReadError` otherwise."""
    return read_file(path, limit)[0]


def read_file(path: str, limit: int = MAX_BYTES) -> tuple[bytes, Snapshot]:
    """`read_bytes`, and a `Snapshot` of the file as it was read."""
    try:
        # Non-blocking, so that opening a named pipe does not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ReadError(path, "no such file; check the path") from None
    except PermissionError:
        raise ReadError(path, "permission denied; check the file's permissions") from None
    except OSError as err:
        raise ReadError(path, f"cannot be read: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "is a directory; give a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, "is not a regular file (a device, pipe or socket); cjm reads only regular files")
        if info.st_size > limit:
            raise _too_large(path, limit)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = read_stream(handle, path, limit)
    except OSError as err:
        raise ReadError(path, f"cannot be read: {err.strerror or err}") from None
    finally:
        os.close(fd)
    return data, Snapshot(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, digest(data))


def read_stream(stream: IO[bytes], name: str, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a stream (standard input, a program's output); `ReadError` naming the stream when
    there is more."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise _too_large(name, limit)


def run_bounded(
    args: Sequence[str], cwd: str, limit: int = MAX_BYTES, *, input: bytes | None = None
) -> tuple[int, bytes, bytes]:
    """Run a program (with `input` on its standard input) and return its exit code, its output (at most `limit`
    bytes: `ReadError` beyond) and the start of its error output. The program is stopped when its output is over
    the limit."""
    # The input comes from a file, so that a program answering while it reads cannot block on a full pipe.
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as errors:
        if input is not None:
            given.write(input)
            given.seek(0)
        with subprocess.Popen(
            args, cwd=cwd, stdin=subprocess.DEVNULL if input is None else given, stdout=subprocess.PIPE, stderr=errors
        ) as process:
            assert process.stdout is not None
            try:
                output = read_stream(process.stdout, f"the output of `{' '.join(args[:3])}`", limit)
            except ReadError:
                process.kill()
                raise
            code = process.wait()
        errors.seek(0)
        return code, output, errors.read(64 * 1024)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _too_large(name: str, limit: int) -> ReadError:
    size = f"{limit / 1_048_576:g} MB" if limit >= 1_048_576 else f"{limit} bytes"
    return ReadError(
        name, f"is over the {size} limit; split it, or check that it is the file you meant", too_large=True
    )


_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


@dataclass(frozen=True)
class Exclude:
    """Glob patterns for paths left out when searching directories, as ruff has them: `exclude` in `[tool.cjm]`
    (matched against the path relative to the configuration's folder and against the file or folder name), or
    `--exclude` on the command line instead of it, and `--extend-exclude` besides it (relative to the working
    folder). Files that git ignores (`.gitignore`) are left out too. A path named on the command line is always
    checked."""

    patterns: Sequence[str] = ()
    folder: str = "."
    extra: Sequence[str] = ()
    gitignore: bool = True

    def __call__(self, path: str) -> bool:
        return _matches(path, self.patterns, self.folder) or _matches(path, self.extra, os.getcwd())

    @classmethod
    def from_config(cls, config: Config) -> Exclude:
        patterns = config.data.get("exclude", [])
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise config.error(("exclude",), "`exclude` must be a list of glob patterns")
        return cls(tuple(p.rstrip("/") for p in patterns), config.folder)

    @classmethod
    def from_options(cls, exclude: Sequence[str] | None, extend: Sequence[str] | None, config: Config) -> Exclude:
        """`--exclude` (replaces the configured patterns) and `--extend-exclude` (adds to them)."""
        base = cls(tuple(p.rstrip("/") for p in exclude), os.getcwd()) if exclude else cls.from_config(config)
        return replace(base, extra=tuple(p.rstrip("/") for p in extend or ()))


def _matches(path: str, patterns: Sequence[str], folder: str) -> bool:
    if not patterns:
        return False
    relative = os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


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
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".") and not exclude(os.path.join(folder, d))
        )
        found.extend(
            os.path.join(folder, f)
            for f in files
            # Hidden files are configuration (.cjm.yaml, .pre-commit-config.yaml, ...), not maps.
            if f.endswith(MAP_SUFFIXES) and not f.startswith(".") and not exclude(os.path.join(folder, f))
        )
    if exclude.gitignore and found:
        # A folder named on the command line is searched even when git ignores it (asked for by name).
        root_name = os.path.normpath(root)
        ignored = git_ignored([root_name, *found], root)
        if root_name not in ignored:
            found = [path for path in found if path not in ignored]
    yield from sorted(found, key=lambda p: Path(p).parts)


def git_ignored(paths: Sequence[str], cwd: str) -> set[str]:
    """Those of `paths` that git ignores (.gitignore, .git/info/exclude, the global excludes file); none outside a
    git work tree or without git. Files git tracks are never ignored."""
    given = {os.path.abspath(path): path for path in paths}
    try:
        code, output, _ = run_bounded(
            ["git", "check-ignore", "-z", "--stdin"],
            cwd,
            input="\0".join(given).encode("utf-8", "surrogateescape") + b"\0",
        )
    except (OSError, ReadError):
        return set()
    if code != 0:  # 1: nothing ignored; 128: not a git work tree
        return set()
    return {given[name] for name in output.decode("utf-8", "surrogateescape").split("\0") if name in given}
