"""``--base-model``: the same training code fine-tunes any local Hugging Face encoder."""

from __future__ import annotations

import json

import pytest

from kg.config import Config


def tiny_base(folder, layers: int = 1, texts: int = 400, vocab: int = 400):
    """A local Hugging Face encoder directory: a tiny random BERT with a WordPiece tokenizer."""
    from transformers import BertConfig, BertModel

    from kg.extract import datagen
    from kg.extract.train import train_tokenizer

    tok = train_tokenizer([e.text for e in datagen.generate(texts, seed=5)], vocab_size=vocab)
    tok.save_pretrained(folder)
    bert = BertModel(BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=layers, num_attention_heads=2,
                                intermediate_size=64, max_position_embeddings=128))
    bert.save_pretrained(folder)
    return bert


@pytest.mark.slow
def test_fine_tune_a_tiny_local_bert_then_reload_and_extract(tmp_path):
    from kg.doc import Article
    from kg.extract.extractor import TransformerExtractor, fallback_sentences
    from kg.extract.train import train

    base = tmp_path / "tiny-bert"
    tiny_base(base)

    out = tmp_path / "ft"
    info = train(out, base_model=str(base), steps=3, minutes=5, n_synthetic=96, use_ner=False, batch_size=16,
                 log=lambda s: None)
    assert info["steps"] == 3 and info["base_model"] == {"path": str(base.resolve())}
    saved = json.loads((out / "config.json").read_text())
    assert saved["model_type"] == "warta-extractor"
    assert saved["encoder"]["hidden_size"] == 32
    assert (out / "model.safetensors").is_file()
    # the checkpoint holds only its own weights: the tokenizer and the word embeddings come from the base
    assert not (out / "tokenizer.json").exists()
    assert saved["base_encoder"] == {"path": str(base.resolve())}
    assert saved["from_base"] == ["embeddings.word_embeddings"]
    from safetensors import safe_open

    with safe_open(str(out / "model.safetensors"), framework="pt") as st:
        assert not any("word_embeddings" in k for k in st.keys())

    text = "Kanada mengirim 500 tentara ke Latvia. Menteri itu mengatakan situasi aman."
    art = Article.from_text(text, source="mem:ft", lang="id")
    art.sentences = fallback_sentences(text)
    ex = TransformerExtractor(Config(), model_path=str(out), quantize=False)
    ex.extract([art])
    assert ex.version.startswith("tiny-bert-warta 2.0 (")
    assert ex.problems == []
    for m in art.mentions:  # whatever a 3-step model finds, offsets must be true
        assert art.text[m.start:m.end] == m.text


@pytest.mark.slow
def test_frozen_lower_layers_stay_the_base_s_and_are_not_stored(tmp_path):
    import torch
    from safetensors import safe_open

    from kg.extract.network import WartaExtractorModel
    from kg.extract.train import train

    base = tmp_path / "tiny-bert"
    bert = tiny_base(base, layers=3)

    out = tmp_path / "ft"
    info = train(out, base_model=str(base), layers=3, freeze_layers=2, steps=3, minutes=5, n_synthetic=96,
                 use_ner=False, batch_size=16, lr=1e-2, log=lambda s: None)
    assert info["freeze_layers"] == 2
    per_layer = sum(p.numel() for p in bert.encoder.layer[0].parameters())
    full = train(tmp_path / "ft0", base_model=str(base), layers=3, steps=1, minutes=5, n_synthetic=16,
                 use_ner=False, batch_size=16, log=lambda s: None)
    assert full["trained_parameters"] - info["trained_parameters"] == 2 * per_layer  # the two layers did not train
    saved = json.loads((out / "config.json").read_text())
    assert saved["from_base"] == ["embeddings.word_embeddings", "encoder.layer.0.", "encoder.layer.1."]
    with safe_open(str(out / "model.safetensors"), framework="pt") as st:
        keys = list(st.keys())
    assert not any(".layer.0." in k or ".layer.1." in k for k in keys)
    assert any(".layer.2." in k for k in keys)  # the trained layer is stored

    model = WartaExtractorModel.load(out)
    ref = bert.state_dict()
    got = model.encoder.state_dict()
    for k in ref:
        if k.startswith(("encoder.layer.0.", "encoder.layer.1.")):
            assert torch.equal(got[k], ref[k]), k  # read back from the base, bit for bit
    moved = [k for k in ref if k.startswith("encoder.layer.2.") and not torch.allclose(got[k].float(), ref[k], atol=1e-3)]
    assert moved  # the top layer did train


def test_freezing_every_layer_is_refused(tmp_path):
    from kg.extract.train import train

    base = tmp_path / "tiny-bert"
    tiny_base(base, layers=2, texts=200, vocab=300)
    with pytest.raises(ValueError, match="at least one must train"):
        train(tmp_path / "ft", base_model=str(base), freeze_layers=2, steps=1, n_synthetic=16, use_ner=False,
              log=lambda s: None)
    with pytest.raises(ValueError, match="needs a base encoder"):
        train(tmp_path / "ft2", freeze_layers=1, steps=1, n_synthetic=16, use_ner=False, log=lambda s: None)
