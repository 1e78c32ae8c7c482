"""Writing a user's file without ever losing it: a temporary file in the same folder, flushed and synced,
then renamed over the target, keeping the target's permissions. If anything fails midway the original is
untouched and the temporary file is removed.

Every map a command reads is noted (`note_input`, called by the one reader, `cjm.validate.read_source`), and a
write over one of them is refused unless the command was asked to edit in place (`overwrite_input=True`): a
mistyped `-o` must not replace a map with a report."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any

from cjm.errors import CjmError

_INPUTS: set[str] = set()  # real paths of the files this command has read as maps


def note_input(path: str) -> None:
    _INPUTS.add(os.path.realpath(path))


def forget_inputs() -> None:
    """Start a new command (the CLI calls this; tests run many commands in one process)."""
    _INPUTS.clear()


@contextmanager
def atomic_writer(path: str, *, encoding: str = "utf-8", binary: bool = False,
                  overwrite_input: bool = False) -> Iterator[IO[Any]]:
    if not overwrite_input and os.path.realpath(path) in _INPUTS:
        raise CjmError(f"{path}: is one of this command's input maps; refusing to overwrite it "
                       "(write the output to another file, or use --in-place where the command offers it)")
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


def write_text(path: str, text: str, *, overwrite_input: bool = False) -> None:
    with atomic_writer(path, overwrite_input=overwrite_input) as handle:
        handle.write(text)


def write_bytes(path: str, data: bytes) -> None:
    with atomic_writer(path, binary=True) as handle:
        handle.write(data)
