"""The shipped checkpoint on hand-written held-out sentences in six languages (tests/extract/heldout.py)."""

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("warta_heldout", Path(__file__).with_name("heldout.py"))
_heldout = importlib.util.module_from_spec(_spec)
sys.modules["warta_heldout"] = _heldout  # dataclasses look their module up
_spec.loader.exec_module(_heldout)
score = _heldout.score

pytestmark = pytest.mark.model


def test_shipped_model_reads_unseen_hand_written_news_sentences(extractor):
    res = score(extractor)
    assert res["recall"] >= 0.8, res["misses"]
    assert res["precision"] >= 0.75, res
