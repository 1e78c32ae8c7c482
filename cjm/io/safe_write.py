"""Writing a user's file without ever losing it: a temporary file in the same folder, flushed and synced,
then renamed over the target, keeping the target's permissions. If anything fails midway the original is
untouched and the temporary file is removed.

A write over one of the run's `Inputs` (the files it reads, gathered before any output is opened) is refused
unless the command was asked to edit that file in place: a mistyped `-o` must not replace a map with a report."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from cjm.core.errors import CjmError

if TYPE_CHECKING:
    from cjm.io.files import Snapshot


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
            raise CjmError(
                f"{path}: is an input map or another file this command reads; refusing to overwrite it "
                "(write the output to another file, or use --in-place where the command offers it)"
            )


NO_INPUTS = Inputs()


def _name_key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


class _Killed(BaseException):
    """A termination signal arrived while a file was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _signals_raise() -> Iterator[None]:
    """While a temporary file exists, SIGTERM and SIGHUP raise `_Killed` (SIGINT already raises
    KeyboardInterrupt), so that the cleanup runs; the previous handlers come back afterwards. Signals someone else
    handles or ignores (nohup) are left alone, and only the main thread can handle signals at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def killed(signum: int, frame: Any) -> None:
        raise _Killed(signum)

    previous = {
        signum: signal.signal(signum, killed) for signum in _SIGNALS if signal.getsignal(signum) is signal.SIG_DFL
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def atomic_writer(
    path: str, inputs: Inputs, *, encoding: str = "utf-8", binary: bool = False, replaces: Snapshot | None = None
) -> Iterator[IO[Any]]:
    """Write `path` atomically: a temporary file in the same folder, renamed over it once complete. `inputs` are
    the run's inputs, refused as `path` unless `replaces` is given: the snapshot of this very file as the command
    read it to rewrite it in place, and the write is refused when the file has changed since.

    An existing file keeps its mode, owner and group (or nothing is written); a file that has hard links or is
    read-only is refused rather than split from its links or forced."""
    if replaces is None:
        inputs.check(path)
    target, folder = _target(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        _check_replaceable(path, target, existing)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise CjmError(
            f"{path}: could not create a temporary file in {folder or '.'} ({err.strerror or err}); nothing was written"
        ) from None
    try:
        with _signals_raise():
            with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, mode)
            if existing is not None:
                _keep_owner(path, temp, existing)
            with _locked(target):
                if replaces is not None:
                    _check_unchanged(path, target, replaces)
                os.replace(temp, target)
    except BaseException as err:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(err, _Killed):
            _die_of(err.signum)
        if isinstance(err, OSError):
            raise CjmError(
                f"{path}: could not be written ({err.strerror or err}); the file is as it was before"
            ) from None
        raise


def _target(path: str) -> tuple[str, str]:
    """The file to replace and its folder: a symbolic link is followed, within the working folder only."""
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
    return target, folder


def _check_replaceable(path: str, target: str, existing: os.stat_result) -> None:
    if not stat.S_ISREG(existing.st_mode):
        raise CjmError(f"{path}: is not a regular file; refusing to replace it, nothing was written")
    if existing.st_nlink > 1:
        # Renaming a new file over it would split it from its other names; writing into it would not be atomic.
        raise CjmError(
            f"{path}: has {existing.st_nlink - 1} other hard link(s), which a rewrite would separate "
            "from it; nothing was written (write to another file with -o, or copy the file first)"
        )
    if not existing.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise CjmError(
            f"{path}: is read-only; nothing was written (make it writable first, e.g. chmod u+w, if "
            "you mean to change it)"
        )


def _keep_owner(path: str, temp: str, existing: os.stat_result) -> None:
    made = os.stat(temp)
    if (made.st_uid, made.st_gid) == (existing.st_uid, existing.st_gid) or not hasattr(os, "chown"):
        return
    try:
        os.chown(temp, existing.st_uid, existing.st_gid)
    except PermissionError:
        raise CjmError(
            f"{path}: belongs to user {existing.st_uid}, group {existing.st_gid}, which cjm cannot give "
            "its new version; nothing was written"
        ) from None


def _check_unchanged(path: str, target: str, snapshot: Snapshot) -> None:
    """Refuse when the file is not the one read: replaced (another inode), or rewritten (size, time or content)."""
    from cjm.io.files import ReadError, read_file

    try:
        now = os.stat(target)
        same = (
            snapshot.same_file(now)
            and now.st_size == snapshot.size
            and now.st_mtime_ns == snapshot.mtime_ns
            and read_file(target, max(snapshot.size, 1))[1].digest == snapshot.digest
        )
    except (OSError, ReadError):
        same = False
    if not same:
        raise CjmError(
            f"{path}: changed since cjm read it (saved by an editor or another command?); nothing was "
            "written. Run the command again on the new version"
        )


@contextmanager
def _locked(target: str) -> Iterator[None]:
    """An exclusive lock on the file being replaced, from the check to the rename: a second cjm writing the same
    file waits, then finds it replaced. Editors take no such lock; the check just before the rename covers them."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks
        yield
        return
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _die_of(signum: int) -> None:
    """End the process by the signal that interrupted a write (its default handler is back), as it would have."""
    os.kill(os.getpid(), signum)
    raise SystemExit(128 + signum)


def write_text(path: str, text: str, inputs: Inputs, *, replaces: Snapshot | None = None) -> None:
    with atomic_writer(path, inputs, replaces=replaces) as handle:
        handle.write(text)


def write_bytes(path: str, data: bytes, inputs: Inputs) -> None:
    with atomic_writer(path, inputs, binary=True) as handle:
        handle.write(data)
