"""Token scores -> character spans (BIO for mentions; begin/inside sigmoids for roles)."""

from __future__ import annotations

import re

from typing import Sequence

import numpy as np


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _extend_to_word(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a span to whole words, hyphenated names included ("Kim Jong" -> "Kim Jong-un"), and
    dotted abbreviations ("U.S.", "U.K.") whole, whichever of their pieces the tokens cover.

    >>> t = "Kim Jong-un tiba di Rusia-Ukraina"
    >>> _extend_to_word(t, 0, 8), _extend_to_word(t, 0, 9), _extend_to_word(t, 20, 25)
    ((0, 11), (0, 11), (20, 25))
    >>> _extend_to_word("The U.S. will", 5, 7)
    (4, 8)

    A span that starts at the "s" of a possessive was cut inside its word: it takes the possessor
    back ("s defence ministry" -> "Germany's defence ministry").

    >>> t = "Germany's defence ministry said"
    >>> t[slice(*_extend_to_word(t, 8, 26))]
    "Germany's defence ministry"
    """
    for m in _DOTTED.finditer(text, max(0, s - 12), min(len(text), e + 12)):
        if m.start() < e and m.end() > s:
            s, e = min(s, m.start()), max(e, m.end())
            return s, e
    if 2 <= s < len(text) and text[s] in "sS" and text[s - 1] in "'’" and text[s - 2].isalnum():
        s -= 2  # "Germany|'s": the tokenizer split the possessive off, the head began at its "s"
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while True:
        while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
            e += 1
        # a lowercase hyphenated tail belongs to the name ("Jong-un"); "Rusia-Ukraina" is two names
        if e + 1 < len(text) and text[e] == "-" and text[e - 1].isalnum() and text[e + 1].islower():
            e += 1
        elif 2 <= e < len(text) and text[e - 1] == "-" and text[e].islower() and text[e - 2].isalnum():
            e += 1
        else:
            return s, e


def bio_spans(text: str, offsets: Sequence[tuple[int, int]], probs: np.ndarray, labels: Sequence[str]) -> list[tuple[int, int, str, float]]:
    """Spans from per-token BIO probabilities ``[T, len(labels)]`` (repairing stray I- tags).

    >>> labels = ["O", "B-PER", "I-PER"]
    >>> p = np.array([[0, .9, .1], [0, .2, .8], [1, 0, 0]])
    >>> bio_spans("Kim Jong ran", [(0, 3), (4, 8), (9, 12)], p, labels)
    [(0, 8, 'PER', 0.85)]
    """
    best = probs.argmax(-1)
    out: list[tuple[int, int, str, float]] = []
    cur: list | None = None
    for k, lab_i in enumerate(best.tolist()):
        lab = labels[lab_i]
        s, e = offsets[k]
        if s == e:  # a bare SentencePiece "▁" or a special token: names nothing
            continue
        if lab == "O":
            if cur is not None and s < cur[1]:
                continue
            # a subword continuing the current word stays in the span
            if cur is not None and s == cur[1] and s > 0 and text[s - 1].isalnum() and text[s:s + 1].isalnum():
                cur[1] = e
                continue
            if cur is not None:
                out.append(cur)
                cur = None
            continue
        typ = lab[2:]
        if cur is not None and s == cur[1] and s > 0 and text[s - 1].isalnum() and text[s:s + 1].isalnum():
            cur[1] = e  # any tag inside a word continues the word's span
            continue
        if lab.startswith("I-") and cur is not None and cur[2] == typ:
            cur[1] = e
            cur[3].append(float(probs[k, lab_i]))
            continue
        if cur is not None:
            out.append(cur)
        cur = [s, e, typ, [float(probs[k, lab_i])]]
    if cur is not None:
        out.append(cur)
    res: list[tuple[int, int, str, float]] = []
    for s, e, typ, ps in out:
        s, e = _extend_to_word(text, s, e)
        score = round(sum(ps) / len(ps), 4)  # (plain floats: np.mean costs more than the list)
        # two pieces of the same type separated by one space or hyphen are one name ("Korea" "Utara")
        if res and res[-1][2] == typ and text[res[-1][1]:s] in (" ", "-"):
            ps0 = res.pop()
            res.append((ps0[0], e, typ, round((ps0[3] + score) / 2, 4)))
            continue
        if res and s < res[-1][1]:  # overlap after widening: keep the more confident span
            if score > res[-1][3]:
                res[-1] = (s, e, typ, score)
            continue
        res.append((s, e, typ, score))
    return res


def role_spans(text: str, offsets: Sequence[tuple[int, int]], probs: np.ndarray, roles: Sequence[str],
               threshold: float | Sequence[float] = 0.5) -> dict[str, list[tuple[int, int, float]]]:
    """Spans per role from begin/inside sigmoids ``[T, 2 * len(roles)]``; ``threshold`` is one
    number for every role or one per role (in the order of ``roles``).

    >>> p = np.array([[.9, .9], [.1, .8], [.0, .1]])
    >>> role_spans("Kim Jong ran", [(0, 3), (4, 8), (9, 12)], p, ["SPEAKER"])
    {'SPEAKER': [(0, 8, 0.85)]}
    """
    out: dict[str, list[tuple[int, int, float]]] = {}
    n = len(offsets)
    per_role = np.broadcast_to(np.asarray(threshold, dtype=np.float64), (len(roles),))
    active = (np.asarray(probs[:n]) >= np.repeat(per_role, 2)).reshape(n, len(roles), 2).any(axis=2)  # [T, roles]
    for r in np.flatnonzero(active.any(axis=0)):  # most roles have no token above the threshold
        role = roles[r]
        threshold = float(per_role[r])
        begin = probs[:n, 2 * r].tolist()
        inside = probs[:n, 2 * r + 1].tolist()
        spans: list[list] = []
        cur: list | None = None
        for k in range(n):
            if offsets[k][0] == offsets[k][1]:  # a bare "▁" or a special token
                continue
            on = inside[k] >= threshold or begin[k] >= threshold
            if not on:
                if cur is not None:
                    spans.append(cur)
                    cur = None
                continue
            s, e = offsets[k]
            starts_new = begin[k] >= threshold and cur is not None and not (s > 0 and s == cur[1] and text[s - 1].isalnum())
            if cur is None or starts_new:
                if cur is not None:
                    spans.append(cur)
                cur = [s, e, [max(inside[k], begin[k])]]
            else:
                cur[1] = e
                cur[2].append(inside[k])
        if cur is not None:
            spans.append(cur)
        if spans:
            res = []
            for s, e, ps in spans:
                s, e = _extend_to_word(text, s, e)
                res.append((s, e, round(sum(ps) / len(ps), 4)))
            out[role] = res
    return out
