"""``kg eval`` as a library call: build a gold folder's articles into a store, read, score."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kg.config import Config
from kg.doc import Problem
from kg.errors import EvalError
from kg.eval.gold import load_gold
from kg.eval.places import Gazetteer
from kg.eval.score import EvalReport, score
from kg.eval.system import read_store


@dataclass
class EvalRun:
    report: EvalReport
    store: Optional[str]  # where the scored store is (None once a temporary one is deleted)
    built: bool
    problems: list[Problem] = field(default_factory=list)
    build_seconds: Optional[float] = None


def run_eval(
    folder: str | Path,
    config: Config,
    *,
    store: Optional[str] = None,
    build: bool = True,
    keep_store: bool = False,
    progress: bool = False,
    places: Optional[Gazetteer] = None,
) -> EvalRun:
    """Score Warta on a gold folder (``<id>.txt`` + ``<id>.json``).

    - ``build=True`` (default): build the folder's gold articles with the normal pipeline into
      ``store`` (a fresh temporary directory when None; removed afterwards unless
      ``keep_store``), then score what the store holds.
    - ``build=False``: score the existing ``store`` as it is (``store`` is then required).
    """
    gold = load_gold(folder)
    if not build:
        if not store:
            raise EvalError("--no-build needs --store DIR (the store to score)",
                            hint="either give --store DIR or let kg eval build the folder")
        report = score(gold, read_store(store), places=places)
        return EvalRun(report, store, built=False)

    try:
        from kg.pipeline import build as build_articles
    except ImportError as e:
        raise EvalError(
            f"the build pipeline is not available ({e})",
            hint="score an existing store instead: kg eval FOLDER --store DIR --no-build",
        ) from e
    temp = store is None
    target = tempfile.mkdtemp(prefix="warta-eval-") if temp else str(store)
    try:
        paths = [g.text_path for g in gold if g.text_path]
        try:
            br = build_articles(paths, config, store=target, progress=progress)
        except ImportError as e:  # a stage's module is missing: say so instead of a traceback
            raise EvalError(
                f"cannot build the gold articles: a pipeline stage failed to load ({e})",
                hint="check `kg plugins`; or score an existing store with --store DIR --no-build",
            ) from e
        report = score(gold, read_store(target), places=places)
        kept = target if (keep_store or not temp) else None
        return EvalRun(report, kept, built=True, problems=list(br.problems),
                       build_seconds=getattr(br, "seconds", None))
    finally:
        if temp and not keep_store:
            shutil.rmtree(target, ignore_errors=True)
