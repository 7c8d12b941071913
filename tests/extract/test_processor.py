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
        owned.extend(range(w.first_token + w.own_from - 1, w.first_token + w.own_to - 1))
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
