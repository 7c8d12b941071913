"""Expand what the user pointed at (files, folders, globs) into input files.

- a folder is searched recursively; files with an unknown extension and hidden files
  (a path part starting with ".") are skipped silently;
- a glob (``news/**/*.txt``) is expanded like a folder listing: unknown extensions are skipped;
- a file named explicitly with an unknown extension is a :class:`~kg.doc.Problem`;
- a path that does not exist, or a glob that matches nothing, is a Problem;
- the same file reached twice (a folder and a glob) is read once;
- a folder that cannot be read, a symlink loop and a path inside an unreadable folder are
  Problems naming the path, and the rest of the batch goes on.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable, Iterator

from kg.doc import Problem

READERS: dict[str, str] = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_EXPECTED = ".txt, .html, .htm or .jsonl"


def reader_kind(path: Path) -> str | None:
    """``"txt"``, ``"html"`` or ``"jsonl"`` for a readable input, else None.

    >>> reader_kind(Path("a/b.HTM")), reader_kind(Path("x.pdf"))
    ('html', None)
    """
    return READERS.get(path.suffix.lower())


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Problem]:
    """Yield input files in a stable order (sorted within a folder or glob), or Problems."""
    seen: set[Path] = set()
    for given in paths:
        for item in _expand_one(str(given)):
            if isinstance(item, Problem):
                yield item
                continue
            key = item.resolve()
            if key not in seen:
                seen.add(key)
                yield item


def _expand_one(given: str) -> Iterator[Path | Problem]:
    try:
        yield from _expand_checked(given)
    except OSError as e:  # a path inside a folder we may not read, and the like: named, never fatal
        yield Problem(given, "read", f"cannot access: {e.strerror or e}")


def _expand_checked(given: str) -> Iterator[Path | Problem]:
    path = Path(os.path.expanduser(given))
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        if reader_kind(path) is None:
            ext = f"'{path.suffix}'" if path.suffix else "with no extension"
            yield Problem(given, "read", f"unsupported file type {ext}; expected {_EXPECTED}")
        else:
            yield path
    elif glob.has_magic(given):
        matches = sorted(glob.glob(os.path.expanduser(given), recursive=True))
        if not matches:
            yield Problem(given, "read", "no files match this pattern")
        for m in matches:
            p = Path(m)
            if p.is_dir():
                yield from _walk(p)
            elif p.is_file() and reader_kind(p) is not None:
                yield p
    elif path.exists():
        yield Problem(given, "read", "not a regular file or folder")
    else:
        yield Problem(given, "read", "no such file or folder")


def _walk(folder: Path) -> Iterator[Path | Problem]:
    """Files under ``folder`` (symlinked folders followed once); a folder that cannot be read and a
    symlink that leads back into a folder already walked are named as Problems, not skipped."""
    problems: list[Problem] = []

    def unreadable(e: OSError) -> None:
        problems.append(Problem(str(e.filename or folder), "read", f"folder skipped: {e.strerror or e}"))

    visited: set[str] = set()
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            problems.append(Problem(root, "read", "folder skipped: a symlink loop leads back here"))
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(root) / name
            if reader_kind(p) is not None and p.is_file():
                found.append(p)
    yield from sorted(found)
    yield from problems
