"""Linking a long article costs time in proportion to its mentions: the surname and contained-
organisation passes fold each name once, not once per pair of mentions (a 420 kB article with
~3,000 mentions spent most of its linking time folding the same names again)."""

from __future__ import annotations

import kg.link.base as base
from kg.config import Config
from kg.doc import Article, Mention
from kg.link.offline import OfflineLinker


def article(n: int) -> Article:
    parts, mentions = [], []
    pos = 0
    for i in range(n):
        for text, typ in ((f"Budi Santoso{i:04d}", "Person"), (f"Santoso{i:04d}", "Person"),
                          (f"Korps Teknik{i:04d}", "Organization"), (f"Korps Teknik{i:04d} Angkatan Darat", "Organization")):
            parts.append(text + " berkata. ")
            mentions.append(Mention(pos, pos + len(text), text, typ))
            pos += len(text) + len(" berkata. ")
    a = Article.from_text("".join(parts), source=f"mem:cost{n}", lang="id")
    a.mentions = mentions
    return a


def test_folding_grows_linearly_with_the_mentions(monkeypatch):
    calls = {"n": 0}
    real = base.tokens

    def counting(text):
        calls["n"] += 1
        return real(text)

    monkeypatch.setattr(base, "tokens", counting)
    linker = OfflineLinker(config=Config())
    per_mention = []
    for n in (50, 200):
        calls["n"] = 0
        a = article(n)
        linker.link(a)
        per_mention.append(calls["n"] / len(a.mentions))
        # the surname takes the full name's link; the short organisation the long one's key
        assert a.mentions[1].link.key == a.mentions[0].link.key
    assert per_mention[1] <= per_mention[0] * 1.2 + 0.1, per_mention
