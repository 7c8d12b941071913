"""The linker contract and what every linker shares: keys, context windows, coreference.

Every linker is built as ``Cls(config=cfg)`` and has ``link(article) -> None``, which sets
``mention.link`` on EVERY mention of the article.

>>> from kg.config import Config
>>> from kg.doc import Article, Mention
>>> a = Article.from_text("Presiden Vladimir Putin bertemu Kim. Putin tersenyum.", source="mem:1", lang="id")
>>> a.mentions = [Mention(9, 23, "Vladimir Putin", "Person"), Mention(32, 35, "Kim", "Person"),
...               Mention(37, 42, "Putin", "Person")]
>>> NullLinker(config=Config()).link(a)
>>> [m.link.key for m in a.mentions]
['person/vladimir-putin', 'person/kim', 'person/vladimir-putin']
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from kg.config import Config
from kg.doc import ACTOR_TYPES, Article, Link, Mention
from kg.link.explain import Explanation
from kg.link.forces import named_state
from kg.link.keys import fallback_key, fold, phonetic_token, strip_titles, tokens

ROLE_WINDOW_BEFORE = 60  # characters before a mention searched for office words
ROLE_WINDOW_AFTER = 40


# a leading definite article of fr/de/es/en ("le Congo", "der Kongo"); the offline linker tries a
# name without it only after the name as written found nothing ("El Salvador" is a row)
LEADING_ARTICLE = re.compile(r"^(?:the|la|le|les|l['’]|el|los|las|die|der|das|den|dem)\s*(?<=\s|['’])", re.I)


class BaseLinker:
    """Shared machinery. Subclasses implement :meth:`resolve` for one mention."""

    name = "kg.linker.base"

    def __init__(self, *, config: Config | None = None):
        self.config = config or Config()
        # when True every Link carries an Explanation in ``link.why`` (kg link-check sets it)
        self.explain = False

    # -- public API ---------------------------------------------------------------------------
    def link(self, article: Article) -> None:
        """Set ``mention.link`` on every mention; full names first, then short forms."""
        mentions = article.mentions
        self._names = _NameCache(self.skip_words, mentions)  # folded once per article, not per pair
        deferred: list[Mention] = []
        for m in mentions:
            if self._is_short(m):
                deferred.append(m)
            else:
                m.link = self.resolve(m, article)
        for m in deferred:
            m.link = self._corefer(m, mentions) or self.resolve(m, article)
        for m in mentions:  # a surname the extractor mistyped ("Putin" as an organisation)
            if m.type != "Person" and not (m.link and m.link.qid) and len(m.text.split()) == 1:
                person = self._corefer(m, mentions)
                if person is not None:
                    m.link = self._because(replace(person, score=round(person.score * 0.9, 3)), m,
                                           "mistyped-surname", f"typed {m.type}, but the surname of a "
                                           "person named in full in the article", person.why)
        for m in mentions:  # an organisation named in part later ("Korps Teknik")
            if m.type == "Organization" and m.link and not m.link.qid and m.link.score < 1.0:
                better, o = self._contained_org(m, mentions)
                if better is not None:
                    m.link = self._because(replace(better, score=round(better.score * 0.9, 3)), m,
                                           "contained-organization",
                                           f"the start of {o.text!r}, named in the article", better.why)
        for m in mentions:  # a name two states share: "Kongo" after "Demokratische Republik Kongo"
            if m.type == "Person" or (m.link and m.link.qid):
                continue
            step, ids = "tail-of-longer-name", self._shared_short_name(m)
            state = self._longer_name(m, mentions, ids) if ids else None
            if not ids:  # "kongolesische", "Congolese": an adjective two states share
                step, ids = "shared-adjective", self._shared_adjective(m)
                state = named_state(article, ids, m.start, skip=m) if ids else None
            if state is not None:
                reason = (f"the end of {state.text!r}, a state named in the article" if step == "tail-of-longer-name"
                          else f"a name of {len(ids)} states (an adjective they share); the article names one of them, as {state.text!r}")
                m.link = self._because(replace(state.link, score=round(state.link.score * 0.9, 3)), m, step, reason,
                                       state.link.why)
        for m in mentions:
            if m.link is None:  # never leave a mention unlinked
                m.link = self.fallback(m)

    def resolve(self, m: Mention, article: Article) -> Link:
        return self.fallback(m)

    # -- helpers ------------------------------------------------------------------------------
    @property
    def skip_words(self) -> frozenset[str]:
        return frozenset()

    def fallback(self, m: Mention, why: Optional[Explanation] = None) -> Link:
        """The unlinked key: type + normalised name (titles stripped, variants merged).

        ``why`` is the explanation of the failed lookup, when the linker explains.
        """
        t = m.type if m.type in ACTOR_TYPES else "Organization"
        key = fallback_key(t, m.text, self.skip_words)
        if self.explain:
            why = why or Explanation(m.text, m.type, "unlinked", "fallback",
                                     f"no rule of {self.name} linked the name")
            why.decision, why.step = "unlinked", "fallback"
            why.reason = f"{why.reason}; keyed by name as {key!r}" if why.reason else f"keyed by name as {key!r}"
        return Link(key=key, type=t, qid=None, label=None, score=0.5, linker=self.name,
                    why=why if self.explain else None)

    def _because(self, link: Link, m: Mention, step: str, reason: str,
                 via: Optional[Explanation]) -> Link:
        """``link`` with an explanation that it was reused for ``m`` by rule ``step``."""
        if self.explain:
            link.why = Explanation(m.text, m.type, "linked" if link.qid or link.score >= 1.0 else "unlinked",
                                   step, reason, row=via.row if via else None, via=via)
        return link

    def _shared_short_name(self, m: Mention) -> frozenset[str]:
        """The ids a short name that several states share stands for ("Kongo": both Congos); empty
        when the name is no such form. The offline linker reads ``kg.link.index.SHARED_SHORT_NAMES``."""
        return frozenset()

    def _shared_adjective(self, m: Mention) -> frozenset[str]:
        """The ids of the states a nationality adjective stands for when several states share it
        ("kongolesische", "congolais", "Congolese": both Congos); empty otherwise."""
        return frozenset()

    @staticmethod
    def _longer_name(m: Mention, mentions: list[Mention], ids: frozenset[str]) -> Optional[Mention]:
        """The one state among ``ids`` that the article names with a longer name ending in ``m``'s
        words ("Demokratische Republik Kongo" for "Kongo"); None when none or several do."""
        words = fold(LEADING_ARTICLE.sub("", m.text, count=1)).split()
        if not words:
            return None
        found = {}
        for o in mentions:
            if o is m or o.link is None or o.link.qid not in ids or o.link.type != "Country":
                continue
            ow = fold(o.text).split()
            if len(ow) > len(words) and ow[-len(words):] == words:
                found.setdefault(o.link.qid, o)
        return next(iter(found.values())) if len(found) == 1 else None

    def _is_short(self, m: Mention) -> bool:
        return m.type == "Person" and len(strip_titles(m.text, self.skip_words).split()) == 1

    def _corefer(self, m: Mention, mentions: list[Mention]) -> Optional[Link]:
        """A surname-only mention takes the link of a full name in the same article.

        The nearest full name before it wins; one after it is used only if none precedes.
        """
        names = getattr(self, "_names", None)
        if names is None or names.mentions is not mentions:
            names = self._names = _NameCache(self.skip_words, mentions)
        short = names.stripped(m.text)
        short_tokens = names.phonetic(short)
        fits = [
            o for o, full in names.persons_with(short_tokens[0] if short_tokens else "")
            if o is not m and o.link is not None
            and len(names.phonetic(full)) > len(short_tokens) and all(t in names.phonetic(full) for t in short_tokens)
        ]
        if not fits:
            return None
        before = [o for o in fits if o.start < m.start]
        o = max(before, key=lambda x: x.start) if before else min(fits, key=lambda x: x.start)
        where = "earlier" if o.start < m.start else "later"
        return self._because(replace(o.link, score=round(o.link.score * 0.95, 3)), m, "surname-coreference",
                             f"{short!r} is part of {o.text!r}, named {where} in the article", o.link.why)

    def _contained_org(self, m: Mention, mentions: list[Mention]) -> tuple[Optional[Link], Optional[Mention]]:
        mt = tokens(m.text)
        if len(mt) < 2:
            return None, None
        names = getattr(self, "_names", None)
        if names is None or names.mentions is not mentions:
            names = self._names = _NameCache(self.skip_words, mentions)
        orgs = [o for o in names.orgs_starting(mt[0]) if o is not m and o.link is not None]
        for o in sorted(orgs, key=lambda x: abs(x.start - m.start)):
            ot = names.tokens(o.text)
            if len(ot) > len(mt) and ot[: len(mt)] == mt and (o.link.qid or o.link.score >= 1.0):
                return o.link, o
        return None, None

    @staticmethod
    def sentence_text(m: Mention, article: Article) -> str:
        """The sentence holding the mention (or a window of text around it)."""
        if 0 <= m.sentence < len(article.sentences):
            s = article.sentences[m.sentence]
            if s.start <= m.start < s.end:
                return s.text
        s = article.sentence_of(m.start)
        if s is not None:
            return s.text
        return article.text[max(0, m.start - 200) : m.end + 200]

    @staticmethod
    def role_window(m: Mention, article: Article) -> str:
        """Text just around the mention, where office words ("Presiden", "juru bicara") sit."""
        lo = max(0, m.start - ROLE_WINDOW_BEFORE)
        hi = min(len(article.text), m.end + ROLE_WINDOW_AFTER)
        return article.text[lo : m.start] + " " + m.text + " " + article.text[m.end : hi]


class NullLinker(BaseLinker):
    """Keys only (``kg.linker.none.v1``): no Wikidata ids, spelling variants still merge."""

    name = "kg.linker.none.v1"


def same_text(a: str, b: str) -> bool:
    """Case/diacritic/space-insensitive equality.

    >>> same_text("Korea  Utara", "korea utara")
    True
    """
    return fold(a) == fold(b)


class _NameCache:
    """Per-article memo of title-stripped person names and their phonetic tokens, so surname
    coreference over an article of n mentions folds each name once (not n times)."""

    def __init__(self, skip_words: frozenset[str], mentions: list[Mention]):
        self.skip_words = skip_words
        self.mentions = mentions
        self._stripped: dict[str, str] = {}
        self._phonetic: dict[str, list[str]] = {}
        self._tokens: dict[str, list[str]] = {}
        self._persons: dict[str, list[tuple[Mention, str]]] = {}  # phonetic token -> full names holding it
        self._orgs: dict[str, list[Mention]] = {}  # first token -> organisations starting with it
        for o in mentions:
            if o.type == "Person":
                full = self.stripped(o.text)
                if len(full.split()) >= 2:
                    for t in set(self.phonetic(full)):
                        self._persons.setdefault(t, []).append((o, full))
            elif o.type == "Organization":
                ot = self.tokens(o.text)
                if ot:
                    self._orgs.setdefault(ot[0], []).append(o)

    def persons_with(self, token: str) -> list[tuple[Mention, str]]:
        return self._persons.get(token, [])

    def orgs_starting(self, token: str) -> list[Mention]:
        return self._orgs.get(token, [])

    def tokens(self, text: str) -> list[str]:
        if text not in self._tokens:
            self._tokens[text] = tokens(text)
        return self._tokens[text]

    def stripped(self, text: str) -> str:
        if text not in self._stripped:
            self._stripped[text] = strip_titles(text, self.skip_words)
        return self._stripped[text]

    def phonetic(self, text: str) -> list[str]:
        if text not in self._phonetic:
            self._phonetic[text] = [phonetic_token(t) for t in self.tokens(text)]
        return self._phonetic[text]
