"""Windows cover every token of long sentences (never truncated); labels align to tokens."""

from kg.extract import datagen
from kg.extract.config import WartaExtractorConfig, small_bert_encoder
from kg.extract.processor import Processor
from kg.extract.train import train_tokenizer


def _processor(window=32):
    ex = datagen.generate(300, seed=1)
    tok = train_tokenizer([e.text for e in ex], vocab_size=600)
    cfg = WartaExtractorConfig(encoder=small_bert_encoder(vocab_size=len(tok)), window_tokens=window)
    return Processor(tok, cfg), ex


def test_long_text_is_windowed_without_losing_tokens():
    proc, _ = _processor(window=32)
    text = " ".join(f"Kata{i} tentara Rusia." for i in range(60))
    wins = proc.windows([text])
    assert len(wins) > 1
    assert all(len(w.ids) <= 32 for w in wins)
    owned = []
    for w in wins:
        owned.extend(range(*w.owned))
    n_tokens = len(proc.tokenize([text])[0][0])
    assert owned == list(range(n_tokens))
    last = wins[-1]
    assert text[last.offsets[-2][0]:last.offsets[-2][1]] == "."


def test_labels_follow_mentions():
    proc, ex = _processor(window=128)
    e = next(x for x in ex if x.mentions)
    ids, offs = proc.tokenize([e.text])[0]
    item = proc.encode_example(e, ids, offs)
    labels = proc.config.mention_labels
    s, _, t = e.mentions[0]
    first = next(k for k, (a, b) in enumerate(offs) if b > s)
    assert labels[item["mention_labels"][first + 1]] == "B-" + t
    assert item["role_labels"].shape == (len(ids) + 2, 2 * len(proc.config.roles))


def _e5_processor(window=32):
    from transformers import AutoTokenizer

    from kg.extract.encoders import e5

    tok = AutoTokenizer.from_pretrained(str(e5.ensure()))
    cfg = WartaExtractorConfig(encoder={"model_type": "bert", "vocab_size": len(tok)}, window_tokens=window)
    return Processor(tok, cfg)


def test_special_tokens_are_read_off_the_sentencepiece_tokenizer():
    proc = _e5_processor()
    assert (proc.prefix, proc.suffix) == ([0], [2])  # <s> ... </s>, not BERT's [CLS]/[SEP]
    (w,) = proc.windows(["Korea Utara mengirim pasukan."])
    assert w.ids[0] == 0 and w.ids[-1] == 2 and w.offsets[0] == (0, 0)


def test_sentencepiece_windows_keep_every_token_and_strip_the_metaspace():
    proc = _e5_processor(window=24)
    text = " ".join(f"“Pasukan{i}” kata Korea Utara ✈ ₩{i}." for i in range(30))  # "▁" alone before ✈ and ₩
    ids, offs = proc.tokenize([text])[0]
    assert ids == proc.tok(text, add_special_tokens=False)["input_ids"]  # no token dropped
    bare = [k for k, (a, b) in enumerate(offs) if a == b]
    assert bare and all(proc.tok.convert_ids_to_tokens(ids[k]) == "▁" for k in bare)
    for a, b in offs:
        assert not text[a:b].startswith(" ")  # "▁Korea" points at "Korea", not " Korea"
    wins = proc.windows([text])
    assert len(wins) > 1 and all(len(w.ids) <= 24 for w in wins)
    owned = [k for w in wins for k in range(*w.owned)]
    assert owned == list(range(len(ids)))
    for w in wins:
        assert w.ids[w.content] == ids[w.first_token:w.first_token + len(w.ids) - 2]


def test_labels_skip_bare_metaspace_tokens_and_use_the_tokenizers_specials():
    from kg.extract.datagen.builder import Example

    proc = _e5_processor(window=64)
    text = "Menurut “Kompas” Korea Utara mengirim 1.500 tentara."
    s = text.index("Korea Utara")
    ex = Example(text=text, mentions=[(s, s + 11, "CTRY")], roles=[(s, s + 11, "AGENT")], triggers=[], kinds=(1, 0, 0))
    ids, offs = proc.tokenize([text])[0]
    item = proc.encode_example(ex, ids, offs)
    assert item["input_ids"][0] == 0 and item["input_ids"][-1] == 2
    labels = [proc.config.mention_labels[x] if x >= 0 else None for x in item["mention_labels"]]
    tagged = [text[a:b] for (a, b), lab in zip(offs, labels[1:-1]) if lab and lab != "O"]
    assert "".join(tagged).replace(" ", "") == "KoreaUtara"
    assert labels[1 + next(k for k, (a, b) in enumerate(offs) if a == s)] == "B-CTRY"
    assert all(labels[1 + k] is None for k, (a, b) in enumerate(offs) if a == b)
