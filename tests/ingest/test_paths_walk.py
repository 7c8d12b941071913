"""Folders the walk cannot use are named, never skipped in silence or fatal to the batch."""

from __future__ import annotations

import os

from kg.doc import Problem
from kg.ingest.paths import expand_paths


def test_a_symlink_loop_is_named_and_the_rest_is_read(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("teks", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "back")
    out = list(expand_paths([tmp_path]))
    files = [p for p in out if not isinstance(p, Problem)]
    problems = [p for p in out if isinstance(p, Problem)]
    assert [f.name for f in files] == ["x.txt"]
    assert len(problems) == 1 and "symlink loop" in problems[0].reason and problems[0].source.endswith("back")


def test_a_path_that_cannot_be_accessed_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    from pathlib import Path

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_dir", denied)  # as for a file inside a folder we may not list
    (problem,) = list(expand_paths([tmp_path / "locked" / "a.txt"]))
    assert isinstance(problem, Problem) and "Permission denied" in problem.reason


def test_an_unreadable_subfolder_is_named_and_the_rest_is_read(tmp_path, monkeypatch):
    """Issue 13: unreadable subfolders were skipped without a word. (The tests run as root, for
    whom chmod 000 denies nothing, so listing that folder is made to fail as it would.)"""
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("teks", encoding="utf-8")
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("teks", encoding="utf-8")
    real = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = list(expand_paths([tmp_path]))
    files = [p for p in out if not isinstance(p, Problem)]
    problems = [p for p in out if isinstance(p, Problem)]
    assert [f.name for f in files] == ["a.txt"]
    assert [(p.source, p.reason) for p in problems] == [(locked, "folder skipped: Permission denied")]
