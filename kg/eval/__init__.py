"""Measure Warta against annotated articles (the seed yardstick, or your own gold folder).

- :mod:`kg.eval.gold`: load and validate a folder of ``<id>.txt`` + ``<id>.json``.
- :mod:`kg.eval.system`: the system's facts per article, from a store or from doc.py objects.
- :mod:`kg.eval.score`: the scoring rules (P/R/F1 per kind, destination and linking accuracy,
  per-article errors).
- :mod:`kg.eval.run`: ``kg eval`` as one call; :mod:`kg.eval.render`: table and JSON output.
"""

from kg.eval.gold import GoldArticle, load_gold
from kg.eval.run import EvalRun, run_eval
from kg.eval.score import EvalReport, score
from kg.eval.system import facts_from_articles, read_store

__all__ = [
    "EvalReport", "EvalRun", "GoldArticle", "facts_from_articles", "load_gold", "read_store",
    "run_eval", "score",
]
