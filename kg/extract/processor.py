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
    ids: list[int]  # with special tokens
    offsets: list[tuple[int, int]]  # char offsets into the text, (0, 0) for special tokens
    own_from: int  # token positions [own_from, own_to) in ``ids`` this window is trusted for
    own_to: int
    first_token: int  # index of ids[1] among all tokens of the text


class Processor:
    def __init__(self, tokenizer, config: WartaExtractorConfig):
        self.tok = tokenizer
        self.config = config
        self.max_length = config.window_tokens
        self.cls = tokenizer.cls_token_id if tokenizer.cls_token_id is not None else tokenizer.bos_token_id
        self.sep = tokenizer.sep_token_id if tokenizer.sep_token_id is not None else tokenizer.eos_token_id
        self.pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    def tokenize(self, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
        enc = self.tok(list(texts), add_special_tokens=False, return_offsets_mapping=True)
        out = []
        for ids, offs in zip(enc["input_ids"], enc["offset_mapping"]):
            pairs = [(i, (int(a), int(b))) for i, (a, b) in zip(ids, offs) if b > a]
            out.append(([p[0] for p in pairs], [p[1] for p in pairs]))
        return out

    def windows(self, texts: Sequence[str]) -> list[Window]:
        """Windows of at most ``max_length`` tokens covering every token of every text."""
        width = self.max_length - 2
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
        return Window(item, [self.cls] + ids[a:b] + [self.sep], [(0, 0)] + offs[a:b] + [(0, 0)],
                      own_a - a + 1, own_b - a + 1, a)

    # ------------------------------------------------------------------ training labels
    def encode_example(self, ex, ids: list[int], offs: list[tuple[int, int]]) -> dict | None:
        """Token labels for one generated Example (``None`` if it does not fit one window)."""
        cfg = self.config
        if len(ids) > self.max_length - 2 or not ids:
            return None
        n = len(ids)
        labels = cfg.mention_labels
        ment = [0] * n
        for s, e, t in ex.mentions:
            toks = [k for k, (a, b) in enumerate(offs) if a < e and b > s]
            for j, k in enumerate(toks):
                ment[k] = labels.index(("B-" if j == 0 else "I-") + t)
        import numpy as np

        R = len(cfg.roles)
        roles = np.zeros((n + 2, 2 * R), dtype=np.uint8)
        mod = [-100] * n
        if ex.full:
            for s, e, r in ex.roles:
                ri = cfg.roles.index(r)
                toks = [k for k, (a, b) in enumerate(offs) if a < e and b > s]
                for j, k in enumerate(toks):
                    if j == 0:
                        roles[k + 1, 2 * ri] = 1
                    roles[k + 1, 2 * ri + 1] = 1
            for s, e, m in ex.triggers:
                toks = [k for k, (a, b) in enumerate(offs) if a < e and b > s]
                if toks:
                    mod[toks[0]] = cfg.modalities.index(m)
        return {
            "input_ids": [self.cls] + ids + [self.sep],
            "mention_labels": [-100] + ment + [-100],
            "role_labels": roles,
            "modality_labels": [-100] + mod + [-100],
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
        R2 = 2 * len(self.config.roles)

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

    def collate_windows(self, wins: Sequence[Window]):
        import torch

        L = max(len(w.ids) for w in wins)
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

