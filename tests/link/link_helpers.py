"""Build small articles with hand-made mentions for the linker tests."""

from __future__ import annotations

import re

from kg.doc import Article, Mention, Sentence


def article(text: str, spans: list[tuple[str, str]], lang: str = "id") -> Article:
    """``spans``: (surface, type) in reading order; each is found after the previous one."""
    a = Article.from_text(text, source="mem:test", lang=lang)
    start = 0
    for i, m in enumerate(re.finditer(r"[^.!?]+[.!?]?\s*", text)):
        a.sentences.append(Sentence(i, m.start(), m.end(), m.group()))
    pos = 0
    for surface, type_ in spans:
        i = text.index(surface, pos)
        s = a.sentence_of(i)
        a.mentions.append(Mention(i, i + len(surface), surface, type_, sentence=s.index if s else -1))
        pos = i + 1
    del start
    return a


def linked(text: str, spans: list[tuple[str, str]], linker, lang: str = "id"):
    a = article(text, spans, lang)
    linker.link(a)
    assert all(m.link is not None for m in a.mentions)
    return [m.link for m in a.mentions]
