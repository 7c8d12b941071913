"""Text -> tensors with character offsets; training labels; length-bucketed batching.

Long sentences are split into overlapping windows of subword tokens (never truncated); each
token's prediction is taken from the window where it sits farthest from an edge.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterator, Sequence

from kg.extract.config import WartaExtractorConfig

CONTEXT = 16  # tokens of overlap on each side of a window


@dataclass
class Window:
    item: int  # index of the text
    ids: list[int]  # with the tokenizer's special tokens
    offsets: list[tuple[int, int]]  # char offsets into the text, (0, 0) for special tokens
    own_from: int  # token positions [own_from, own_to) in ``ids`` this window is trusted for
    own_to: int
    first_token: int  # index of ids[prefix] among all tokens of the text
    prefix: int = 1  # special tokens before the content (1 for BERT's [CLS] and XLM-R's <s>)
    suffix: int = 1  # special tokens after it

    @property
    def content(self) -> slice:
        """Positions of ``ids`` that hold the text's tokens."""
        return slice(self.prefix, len(self.ids) - self.suffix)

    @property
    def owned(self) -> tuple[int, int]:
        """The text's token range ``[a, z)`` that this window's owned positions hold."""
        return self.first_token + self.own_from - self.prefix, self.first_token + self.own_to - self.prefix


def special_tokens(tokenizer) -> tuple[list[int], list[int]]:
    """The ids the tokenizer puts before and after a text (``[CLS]``/``[SEP]``, ``<s>``/``</s>``,
    or nothing), read off the tokenizer itself rather than assumed."""
    plain = tokenizer("a", add_special_tokens=False)["input_ids"]
    full = tokenizer("a", add_special_tokens=True)["input_ids"]
    for i in range(len(full) - len(plain) + 1):
        if full[i:i + len(plain)] == plain:
            return list(full[:i]), list(full[i + len(plain):])
    return [], []


class Processor:
    def __init__(self, tokenizer, config: WartaExtractorConfig):
        self.tok = tokenizer
        self.config = config
        self.max_length = config.window_tokens
        self.prefix, self.suffix = special_tokens(tokenizer)
        self.pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    @property
    def n_special(self) -> int:
        return len(self.prefix) + len(self.suffix)

    def tokenize(self, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        """Token ids and character offsets, every token kept. An offset that starts on white
        space (SentencePiece's "▁" piece carries the space before a word) is moved to the first
        non-space character; a token with nothing left (a bare "▁") gets an empty span at the
        next character: it stays in the input but names nothing."""
        enc = self.tok(list(texts), add_special_tokens=False, return_offsets_mapping=True)
        out = []
        for text, ids, offs in zip(texts, enc["input_ids"], enc["offset_mapping"]):
            fixed = []
            for a, b in offs:
                a, b = int(a), int(b)
                while a < b and text[a].isspace():
                    a += 1
                fixed.append((a, b) if b > a else (b, b))
            out.append((list(ids), fixed))
        return out

    def windows(self, texts: Sequence[str]) -> list[Window]:
        """Windows of at most ``max_length`` tokens covering every token of every text."""
        width = self.max_length - self.n_special
        out: list[Window] = []
        for i, (ids, offs) in enumerate(self.tokenize(texts)):
            n = len(ids)
            if n <= width:
                out.append(self._window(i, ids, offs, 0, n, 0, n))
                continue
            ctx = min(CONTEXT, width // 4)
            step = width - 2 * ctx
            start = 0
            while True:
                end = min(start + width, n)
                own_a = start if start == 0 else start + ctx
                own_b = end if end == n else end - ctx
                out.append(self._window(i, ids, offs, start, end, own_a, own_b))
                if end == n:
                    break
                start += step
        return out

    def _window(self, item, ids, offs, a, b, own_a, own_b) -> Window:
        p, s = len(self.prefix), len(self.suffix)
        return Window(item, self.prefix + ids[a:b] + self.suffix, [(0, 0)] * p + offs[a:b] + [(0, 0)] * s,
                      own_a - a + p, own_b - a + p, a, p, s)

    # ------------------------------------------------------------------ training labels
    def encode_example(self, ex, ids: list[int], offs: list[tuple[int, int]]) -> dict | None:
        """Token labels for one generated Example (``None`` if it does not fit one window)."""
        cfg = self.config
        if len(ids) > self.max_length - self.n_special or not ids:
            return None
        n = len(ids)
        labels = cfg.mention_labels
        ment = [0 if b > a else -100 for a, b in offs]  # an empty "▁" token names nothing
        for s, e, t in ex.mentions:
            toks = [k for k, (a, b) in enumerate(offs) if a < e and b > s]
            for j, k in enumerate(toks):
                ment[k] = labels.index(("B-" if j == 0 else "I-") + t)
        import numpy as np

        R = len(cfg.roles)
        p = len(self.prefix)
        roles = np.zeros((n + self.n_special, 2 * R), dtype=np.uint8)
        mod = [-100] * n
        if ex.full:
            for s, e, r in ex.roles:
                ri = cfg.roles.index(r)
                toks = [k for k, (a, b) in enumerate(offs) if a < e and b > s]
                for j, k in enumerate(toks):
                    if j == 0:
                        roles[k + p, 2 * ri] = 1
                    roles[k + p, 2 * ri + 1] = 1
            for s, e, m in ex.triggers:
                toks = [k for k, (a, b) in enumerate(offs) if a < e and b > s]
                if toks and m is not None:
                    mod[toks[0]] = cfg.modalities.index(m)
        return {
            "input_ids": self.prefix + ids + self.suffix,
            "mention_labels": [-100] * p + ment + [-100] * len(self.suffix),
            "role_labels": roles,
            "modality_labels": [-100] * p + mod + [-100] * len(self.suffix),
            "kind_labels": list(ex.kinds),
            "full": int(ex.full),
        }

    def encode_examples(self, examples: Sequence) -> list[dict]:
        out = []
        for chunk in range(0, len(examples), 2048):
            part = examples[chunk:chunk + 2048]
            for ex, (ids, offs) in zip(part, self.tokenize([e.text for e in part])):
                item = self.encode_example(ex, ids, offs)
                if item is not None:
                    out.append(item)
        return out

    def collate(self, items: Sequence[dict]):
        import numpy as np
        import torch

        L = max(len(x["input_ids"]) for x in items)

        def pad(seq, value):
            return seq + [value] * (L - len(seq))

        return {
            "input_ids": torch.tensor([pad(x["input_ids"], self.pad) for x in items]),
            "attention_mask": torch.tensor([[1] * len(x["input_ids"]) + [0] * (L - len(x["input_ids"])) for x in items]),
            "mention_labels": torch.tensor([pad(x["mention_labels"], -100) for x in items]),
            "role_labels": torch.from_numpy(np.stack([np.pad(x["role_labels"], ((0, L - len(x["role_labels"])), (0, 0))) for x in items])),
            "modality_labels": torch.tensor([pad(x["modality_labels"], -100) for x in items]),
            "kind_labels": torch.tensor([x["kind_labels"] for x in items]),
            "full": torch.tensor([x["full"] for x in items]),
        }

    def collate_windows(self, wins: Sequence[Window], length: int | None = None):
        """Input tensors for ``wins``, padded to the longest of them or to ``length``."""
        import torch

        L = max([len(w.ids) for w in wins] + [length or 0])
        return {
            "input_ids": torch.tensor([w.ids + [self.pad] * (L - len(w.ids)) for w in wins]),
            "attention_mask": torch.tensor([[1] * len(w.ids) + [0] * (L - len(w.ids)) for w in wins]),
        }


def length_batches(items: Sequence, batch_size: int, key=len, rng: random.Random | None = None,
                   max_tokens: int | None = None) -> Iterator[list[int]]:
    """Indices grouped into batches of similar length (shuffled batch order when ``rng`` given)."""
    order = sorted(range(len(items)), key=lambda i: key(items[i]))
    if rng is not None:
        # sort within large random pools so epochs differ but lengths stay similar
        idx = list(range(len(items)))
        rng.shuffle(idx)
        pool = batch_size * 50
        order = [i for p in range(0, len(idx), pool) for i in sorted(idx[p:p + pool], key=lambda i: key(items[i]))]
    batches: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        cur.append(i)
        longest = max(key(items[j]) for j in cur) if max_tokens else 0
        if len(cur) >= batch_size or (max_tokens and longest * len(cur) >= max_tokens):
            batches.append(cur)
            cur = []
    if cur:
        batches.append(cur)
    if rng is not None:
        rng.shuffle(batches)
    yield from batches

