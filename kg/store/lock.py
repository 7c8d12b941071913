"""Keep writers out of a store directory while a read-only server reads it.

RocksDB (under pyoxigraph and the Oxigraph server) takes a POSIX record lock on ``<store>/LOCK``
when it opens a store read-write; a second writer fails with "While lock file ... Resource
temporarily unavailable". ``oxigraph serve-read-only`` takes no lock at all, and Oxigraph
documents a writer running beside it as undefined behaviour. So ``kg serve`` holds that same lock
itself (an open-file-description lock, which conflicts with RocksDB's POSIX locks, including ones
held by this very process) for as long as the read-only server runs: a ``kg build`` on the same
directory is then refused with a plain message instead of corrupting what the server reads.
"""

from __future__ import annotations

import errno
import fcntl
import os
import struct
from pathlib import Path

from kg.errors import StoreError
from kg.store.base import LOCKED_HINT, LOCKED_MESSAGE

# Stores opened read-write by EmbeddedStore in this process (resolved paths). Checked before
# touching LOCK: closing a descriptor of a file drops *all* of this process's POSIX locks on it,
# which would silently unlock a store this process has open.
OPEN_IN_PROCESS: set[str] = set()

_F_OFD_SETLK = getattr(fcntl, "F_OFD_SETLK", 37)  # Linux values when the constants are missing
_F_OFD_GETLK = getattr(fcntl, "F_OFD_GETLK", 36)
_FLOCK = "hhqqi4x"  # struct flock: l_type, l_whence, l_start, l_len, l_pid (+ padding)


def holder(store_path: str | os.PathLike) -> str:
    """Who holds ``<store>/LOCK``: ``"none"``, ``"server"`` (a ``kg serve`` guarding a read-only
    server: an open-file-description lock, reported with pid -1) or ``"writer"`` (a RocksDB
    read-write open: a build, a writable server)."""
    lock_file = Path(store_path) / "LOCK"
    try:
        fd = os.open(lock_file, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return "none"
    try:
        probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        l_type, _, _, _, l_pid = struct.unpack(_FLOCK, fcntl.fcntl(fd, _F_OFD_GETLK, probe))
    except OSError:
        return "none"
    finally:
        if str(Path(store_path).resolve()) not in OPEN_IN_PROCESS:
            os.close(fd)
        else:  # closing would drop this process's own RocksDB lock: keep the descriptor
            _KEEP.append(fd)
    if l_type == fcntl.F_UNLCK:
        return "none"
    return "server" if l_pid == -1 else "writer"


_KEEP: list[int] = []


def in_use_error(store_path: str | os.PathLike) -> StoreError:
    """The error for a store another process holds, saying which kind of process holds it.

    >>> import tempfile
    >>> in_use_error(tempfile.mkdtemp()).message  # nobody holds it any more: no guess
    'store is in use by another process'
    """
    who = holder(store_path)
    if who == "server":
        return StoreError(LOCKED_MESSAGE + ": a running `kg serve` holds it",
                          hint="stop the server, or build to another --store", source=str(store_path))
    if who == "writer":
        return StoreError(LOCKED_MESSAGE + ": a `kg build` (or a `kg serve --writable`) is writing it",
                          hint="wait for it to finish, or build to another --store", source=str(store_path))
    return StoreError(LOCKED_MESSAGE, hint=LOCKED_HINT, source=str(store_path))


class StoreLock:
    """An exclusive lock on ``<store>/LOCK`` compatible with RocksDB's own. Use as a context manager."""

    def __init__(self, store_path: str | os.PathLike):
        self.path = Path(store_path).resolve()
        self._fd: int | None = None

    def acquire(self) -> "StoreLock":
        if str(self.path) in OPEN_IN_PROCESS:
            raise StoreError(LOCKED_MESSAGE + " — it is open in this process", hint="close it first", source=str(self.path))
        lock_file = self.path / "LOCK"
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        flock = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)  # whole file, write lock
        try:
            fcntl.fcntl(fd, _F_OFD_SETLK, flock)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise in_use_error(self.path) from e
            raise StoreError(f"cannot lock the store: {e}", source=str(self.path)) from e
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "StoreLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
