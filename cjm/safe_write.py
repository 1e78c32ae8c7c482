"""Writing a user's file without ever losing it: a temporary file in the same folder, flushed and synced,
then renamed over the target, keeping the target's permissions. If anything fails midway the original is
untouched and the temporary file is removed.

A write over one of the run's `Inputs` (the files it reads, gathered before any output is opened) is refused
unless the command was asked to edit that file in place: a mistyped `-o` must not replace a map with a report."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import IO, Any

from cjm.errors import CjmError


@dataclass(frozen=True)
class Inputs:
    """The files a run reads: a value made before any output is opened and handed to every write. A file is
    matched by identity (device and inode: any spelling of its name, a symbolic or hard link to it, another case
    of its name on a case-insensitive file system), and by its resolved name where it does not exist."""

    identities: frozenset[tuple[int, int]] = frozenset()
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, paths: Iterable[str]) -> Inputs:
        identities, names = set(), set()
        for path in paths:
            if path == "-":
                continue
            names.add(_name_key(path))
            with suppress(OSError):
                info = os.stat(path)
                identities.add((info.st_dev, info.st_ino))
        return cls(frozenset(identities), frozenset(names))

    def __or__(self, other: Inputs) -> Inputs:
        return Inputs(self.identities | other.identities, self.names | other.names)

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str) or path == "-":
            return False
        try:
            info = os.stat(path)
        except OSError:
            return _name_key(path) in self.names
        return (info.st_dev, info.st_ino) in self.identities or _name_key(path) in self.names

    def check(self, path: str) -> None:
        """Refuse `path` as an output when the run reads it."""
        if path in self:
            raise CjmError(f"{path}: is an input map or another file this command reads; refusing to overwrite it "
                           "(write the output to another file, or use --in-place where the command offers it)")


NO_INPUTS = Inputs()


def _name_key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


@contextmanager
def atomic_writer(path: str, inputs: Inputs, *, encoding: str = "utf-8", binary: bool = False,
                  in_place: bool = False) -> Iterator[IO[Any]]:
    """Write `path` atomically. `inputs` are the run's inputs, refused as `path` unless `in_place` (the command
    was asked to rewrite this very file)."""
    if not in_place:
        inputs.check(path)
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if os.path.islink(path):
        real = os.path.realpath(path)
        if os.path.commonpath([real, os.getcwd()]) != os.getcwd():
            raise CjmError(f"{path}: is a symbolic link to {real}, outside the working folder; refusing to write")
        target = real
        folder = os.path.dirname(real)
    if os.path.isdir(target):
        raise CjmError(f"{path}: is a directory; give a file name")
    if not os.path.isdir(folder):
        raise CjmError(f"{path}: folder {folder} does not exist")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as err:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(err, OSError):
            raise CjmError(f"{path}: could not be written ({err.strerror or err}); "
                           "the file is as it was before") from None
        raise


def write_text(path: str, text: str, inputs: Inputs, *, in_place: bool = False) -> None:
    with atomic_writer(path, inputs, in_place=in_place) as handle:
        handle.write(text)


def write_bytes(path: str, data: bytes, inputs: Inputs) -> None:
    with atomic_writer(path, inputs, binary=True) as handle:
        handle.write(data)
