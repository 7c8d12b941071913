"""The ONNX Runtime engine: the same outputs as torch's fp32 forward pass, an export made once per
checkpoint and reused, never a half-written file."""

from __future__ import annotations

import numpy as np
import pytest

from kg.config import Config

TEXTS = [
    ("Jepang mengirim 300 personel ke Sudan Selatan. Menteri Pertahanan Hiroshi Tanaka mengatakan misi itu penting.", "id"),
    ("Germany will station about 4,800 troops in Lithuania by 2027, Defence Minister Boris Pistorius said on Friday.", "en"),
    ("La France a envoyé 250 soldats au Tchad, selon l'état-major, qui a démenti tout retrait du Niger.", "fr"),
]


def _run(model: str, engine: str):
    from kg.doc import Article
    from kg.extract.extractor import TransformerExtractor
    from kg.segment.rules import RuleSegmenter

    ex = TransformerExtractor(Config().replace(model=model, precision="fp32", engine=engine))
    arts = [Article.from_text(t, source=f"mem:{k}", lang=lang) for k, (t, lang) in enumerate(TEXTS)]
    for a in arts:
        a.sentences = RuleSegmenter().segment(a)
    preds = ex.predict(arts)
    ex.extract(arts)
    facts = [sorted(repr((e.kind, e.troop_count, e.agent.text if e.agent else None, e.confidence)) for e in a.events) for a in arts]
    return ex, preds, facts


@pytest.mark.parametrize("model", ["e5", "small"])
def test_onnx_gives_torchs_outputs_and_facts(model):
    ex_t, p_t, f_t = _run(model, "torch")
    ex_o, p_o, f_o = _run(model, "onnx")
    assert (ex_t.engine, ex_o.engine) == ("torch", "onnx")
    assert ex_o._loaded().model is None, "the onnx engine keeps no torch weights"
    assert f_o == f_t and any(f_t)
    for k in p_t:
        for a, b in zip(p_t[k], p_o[k]):
            assert np.abs(a.mention_probs - b.mention_probs).max() < 1e-4
            assert np.abs(a.role_probs - b.role_probs).max() < 1e-4


def test_an_export_is_made_once_and_reused(tmp_path, monkeypatch):
    from kg.extract import extractor as extractor_mod
    from kg.extract import onnx_engine

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(extractor_mod, "_CACHE", {})
    made = []
    real_export = onnx_engine.export
    monkeypatch.setattr(onnx_engine, "export", lambda *a, **k: made.append(a[1]) or real_export(*a, **k))
    first = onnx_engine.ensure("small")
    assert first.parent == tmp_path / "warta" / "onnx" and first.is_file() and made == [first]
    assert not list(first.parent.glob("*.part")), "no temporary file is left behind"
    monkeypatch.setattr(extractor_mod, "_CACHE", {})  # a new process: the cached file is read, not re-exported
    assert onnx_engine.ensure("small") == first and made == [first]
    _, _, facts = _run("small", "onnx")
    assert made == [first] and any(facts)


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    import torch

    from kg.extract import onnx_engine

    def broken(*a, **k):
        raise RuntimeError("exporter failed")

    monkeypatch.setattr(torch.onnx, "export", broken)
    target = tmp_path / "m.onnx"
    with pytest.raises(RuntimeError, match="exporter failed"):
        onnx_engine.export(torch.nn.Linear(2, 2), target)
    assert list(tmp_path.iterdir()) == []


def test_a_new_checkpoint_version_gets_a_new_file():
    from kg.extract.onnx_engine import cache_path

    base = {"name": "multilingual-e5-small"}
    a = cache_path("warta-extractor-e5 3.6.1 (d201b7f4)", base)
    assert a == cache_path("warta-extractor-e5 3.6.1 (d201b7f4)", base)
    assert a != cache_path("warta-extractor-e5 3.6.1 (00000000)", base)
    assert a != cache_path("warta-extractor-e5 3.6.1 (d201b7f4)", {"path": "/models/other-encoder"})
