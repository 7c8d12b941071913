"""The ONNX Runtime engine: the same outputs as torch's fp32 forward pass, an export made once per
checkpoint and reused (the torch weights not even read then), never a half-written or stale
export, and no telemetry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kg.config import Config

LONG = ("Kementerian Pertahanan Indonesia mengatakan pada hari Jumat bahwa sekitar 1.200 prajurit TNI dari "
        "Batalyon Infanteri 125, Batalyon Zeni Tempur 8, Kompi Kesehatan Lapangan dan unit logistik Kodam "
        "Iskandar Muda akan diberangkatkan secara bertahap ke Lebanon Selatan, Sudan Selatan, Republik "
        "Afrika Tengah dan Republik Demokratik Kongo untuk bergabung dengan misi perdamaian Perserikatan "
        "Bangsa-Bangsa, sementara 300 personel lainnya tetap bersiaga di Jakarta, Surabaya dan Makassar "
        "sambil menunggu keputusan akhir Dewan Keamanan tentang perpanjangan mandat misi tersebut, yang menurut "
        "juru bicara Markas Besar TNI Mayor Jenderal Hariyanto akan dibahas bersama para duta besar negara "
        "penyumbang pasukan di New York, Jenewa dan Addis Ababa sebelum akhir bulan depan, setelah laporan "
        "Sekretaris Jenderal tentang situasi keamanan di wilayah perbatasan diterima oleh seluruh anggota dewan.")
TEXTS = [
    ("Jepang mengirim 300 personel ke Sudan Selatan. Menteri Pertahanan Hiroshi Tanaka mengatakan misi itu penting.", "id"),
    ("Germany will station about 4,800 troops in Lithuania by 2027, Defence Minister Boris Pistorius said on Friday.", "en"),
    ("La France a envoyé 250 soldats au Tchad, selon l'état-major, qui a démenti tout retrait du Niger.", "fr"),
    (LONG, "id"),
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
    facts = [sorted(repr((e.kind, e.troop_count, e.agent.text if e.agent else None, e.confidence)) for e in a.events)
             for a in arts]
    return ex, preds, facts


@pytest.mark.parametrize("model", ["e5", "small"])
def test_onnx_gives_torchs_outputs_and_facts(model):
    ex_t, p_t, f_t = _run(model, "torch")
    assert len(ex_t._loaded().processor.windows([LONG])) > 1, "the long sentence spans several windows"
    ex_o, p_o, f_o = _run(model, "onnx")
    assert (ex_t.engine, ex_o.engine) == ("torch", "onnx")
    assert ex_o._loaded().model is None, "the onnx engine keeps no torch weights"
    assert f_o == f_t and any(f_t)
    for k in p_t:
        for a, b in zip(p_t[k], p_o[k]):
            assert np.abs(a.mention_probs - b.mention_probs).max() < 1e-4
            assert np.abs(a.role_probs - b.role_probs).max() < 1e-4


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    """An empty export cache, and no model loaded in this process."""
    from kg.extract import extractor as extractor_mod
    from kg.extract import onnx_engine

    root = tmp_path / "onnx"
    monkeypatch.setattr(onnx_engine, "cache_root", lambda: root)
    monkeypatch.setattr(extractor_mod, "_CACHE", {})
    return root


def test_an_export_is_made_once_and_reused_without_reading_the_torch_weights(fresh, monkeypatch):
    from kg.extract import extractor as extractor_mod
    from kg.extract import onnx_engine
    from kg.extract.network import WartaExtractorModel

    made = []
    real = onnx_engine.export_bytes
    monkeypatch.setattr(onnx_engine, "export_bytes", lambda m: made.append(1) or real(m))
    first = onnx_engine.ensure("small")
    assert first.parent.parent == fresh and (first.parent / onnx_engine.DATA).is_file() and made == [1]
    assert [p.name for p in fresh.iterdir()] == [first.parent.name], "no temporary folder is left behind"

    def no_torch(*a, **k):
        raise AssertionError("the torch weights were read although the export is cached")

    monkeypatch.setattr(WartaExtractorModel, "load", no_torch)
    monkeypatch.setattr(extractor_mod, "_CACHE", {})  # a new process: the cached export is read
    assert onnx_engine.ensure("small") == first
    _, _, facts = _run("small", "onnx")
    assert made == [1] and any(facts)


def test_a_corrupt_cached_export_is_made_again(fresh):
    from kg.extract import onnx_engine

    first = onnx_engine.ensure("small")
    (first.parent / onnx_engine.DATA).write_bytes(b"truncated")
    _, _, facts = _run("small", "onnx")
    assert any(facts) and (first.parent / onnx_engine.DATA).stat().st_size > 1000


def test_an_unwritable_cache_keeps_the_export_in_memory(tmp_path, monkeypatch, caplog):
    from kg.extract import extractor as extractor_mod
    from kg.extract import onnx_engine

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(onnx_engine, "cache_root", lambda: blocker / "onnx")
    monkeypatch.setattr(extractor_mod, "_CACHE", {})
    _, _, facts = _run("small", "onnx")
    assert any(facts) and "kept in memory" in caplog.text


def test_a_failed_export_names_the_fix_and_leaves_no_folder(fresh, monkeypatch):
    import torch

    from kg.errors import ModelNotFoundError

    def broken(*a, **k):
        raise RuntimeError("exporter failed")

    monkeypatch.setattr(torch.onnx, "export", broken)
    with pytest.raises(ModelNotFoundError) as err:
        _run("small", "onnx")
    assert "exporter failed" in str(err.value) and "engine=torch" in str(err.value.hint)
    assert not fresh.exists() or not list(fresh.iterdir())


def _checkpoint(root: Path, base: Path | None = None) -> Path:
    ck = root / "ck"
    ck.mkdir(parents=True)
    (ck / "model.safetensors").write_bytes(b"weights")
    cfg = {"model_name": "m", "model_version": "1", "thresholds": {"role": 0.5}}
    if base:
        cfg["base_encoder"] = {"path": str(base)}
    (ck / "config.json").write_text(json.dumps(cfg))
    return ck


def test_the_export_key_follows_the_graph_not_the_decoder(tmp_path):
    from kg.extract.onnx_engine import export_key

    base = tmp_path / "base"
    base.mkdir()
    (base / "model.safetensors").write_bytes(b"base weights")
    ck = _checkpoint(tmp_path, base)
    k0 = export_key(ck)
    cfg = json.loads((ck / "config.json").read_text())
    cfg["thresholds"] = {"role": 0.4}
    (ck / "config.json").write_text(json.dumps(cfg))
    assert export_key(ck) == k0, "a retuned threshold does not re-export"
    (base / "model.safetensors").write_bytes(b"other base weights")
    assert export_key(ck) != k0, "another local base does"
    k1 = export_key(ck)
    (ck / "model.safetensors").write_bytes(b"retrained")
    assert export_key(ck) != k1, "so do new weights"
    (ck / "model.safetensors").unlink()
    assert export_key(ck) is None, "a checkpoint without model.safetensors is never cached"


def test_onnx_runtime_sends_no_telemetry(tmp_path):
    """onnxruntime's Linux builds record telemetry unless told not to (or unless they see a CI
    variable, so those are removed here): the engine switches it off before importing it."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CI", "GITHUB_ACTIONS", "TF_BUILD", "BUILD_BUILDID", "GITLAB_CI", "JENKINS_URL",
                        "CIRCLECI", "TRAVIS", "BUILDKITE", "ORT_DISABLE_TELEMETRY")}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    code = ("from kg.extract import onnx_engine\n"
            "import onnx, onnx.helper as h\n"
            "g = h.make_graph([h.make_node('Identity', ['x'], ['y'])], 'g',"
            " [h.make_tensor_value_info('x', onnx.TensorProto.FLOAT, [1])], [h.make_tensor_value_info('y', onnx.TensorProto.FLOAT, [1])])\n"
            "m = h.make_model(g, opset_imports=[h.make_opsetid('', 17)]); m.ir_version = 8\n"
            "onnx_engine.OnnxForward(m.SerializeToString(), 1)\n")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    written = [str(p) for p in tmp_path.rglob("*") if "microsoft" in str(p).lower()]
    assert written == []
