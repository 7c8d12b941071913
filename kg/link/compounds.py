"""A compound of state names is two or more states, not one actor (rule ``compound-names``).

"the U.S.-Mexico border", "pembicaraan AS-Meksiko", "l'accord Liban-Israël", "the US-Japan
alliance", "pernyataan AS-Jepang-Filipina": the mention head tags the hyphenated compound as one
name, which no index row knows, so it became an unlinked actor of its own ("US-Japan"). Once
linked, a mention that the index cannot resolve as a whole, but whose parts (split at hyphens,
dashes or slashes) each resolve to a different state, is replaced by one mention per part,
each linked; an agreement that had the compound as a party has those states as parties, and an
event role that needs a single actor (the deploying state, a speaker, a claimant, a destination,
an ally supported) loses the compound, so a deployment or statement left with nobody is dropped.
Names that are one state ("Guinea-Bissau", "Timor-Leste") resolve as a whole and stay.

>>> from kg.config import Config
>>> from kg.doc import Article, Event, Mention
>>> from kg.link.offline import OfflineLinker
>>> t = "Indonesia menyambut perjanjian AS-Meksiko."
>>> a = Article.from_text(t, source="mem:1", lang="id")
>>> a.mentions = [Mention(0, 9, "Indonesia", "Country"), Mention(31, 41, "AS-Meksiko", "Country")]
>>> a.events = [Event("Agreement", 0, 42, t, parties=[a.mentions[1]], extractor="m (model only)")]
>>> OfflineLinker(config=Config()).link(a)
>>> [(m.text, m.link.qid) for m in a.mentions]
[('Indonesia', 'Q252'), ('AS', 'Q30'), ('Meksiko', 'Q96')]
>>> [p.text for p in a.events[0].parties], a.events[0].rules
(['AS', 'Meksiko'], ['compound-names'])
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from kg.doc import Article, Event, Link, Mention
from kg.link.forces import _record

_JOIN = re.compile(r"\s*[-‐‑–—/]\s*")
SINGLE_ROLES = ("agent", "destination", "in_support_of", "speaker", "about", "claimant")
NEEDS = {"Deployment": "agent", "Statement": "speaker"}  # the role without which the event is no fact


def parts_of(m: Mention) -> list[Mention]:
    """The pieces of ``m`` between hyphens, dashes and slashes ("U.S.-Mexico" -> "U.S.", "Mexico"),
    or [] when it has fewer than two non-empty pieces.

    >>> [p.text for p in parts_of(Mention(10, 20, "AS-Meksiko", "Country"))]
    ['AS', 'Meksiko']
    >>> parts_of(Mention(0, 6, "Jerman", "Country"))
    []
    """
    pieces, at = [], 0
    for sep in _JOIN.finditer(m.text):
        pieces.append((at, sep.start()))
        at = sep.end()
    pieces.append((at, len(m.text)))
    pieces = [(a, b) for a, b in pieces if m.text[a:b].strip()]
    if len(pieces) < 2:
        return []
    return [Mention(m.start + a, m.start + b, m.text[a:b], "Country", score=m.score, sentence=m.sentence)
            for a, b in pieces]


def split_compounds(article: Article, resolve: Callable[[Mention], Link]) -> None:
    """Replace each compound of states in ``article.mentions`` and its events (see the module)."""
    swap: dict[int, list[Mention]] = {}
    for m in article.mentions:
        if m.type not in ("Country", "Organization") or (m.link is not None and m.link.qid):
            continue
        parts = parts_of(m)
        if not parts:
            continue
        for p in parts:
            p.link = resolve(p)
        qids = [p.link.qid if p.link is not None and p.link.type == "Country" else None for p in parts]
        if all(qids) and len(set(qids)) == len(qids):
            swap[id(m)] = parts
    if not swap:
        return
    article.mentions = [p for m in article.mentions for p in swap.get(id(m), [m])]
    kept: list[Event] = []
    for ev in article.events:
        touched = False
        parties: list[Mention] = []
        for p in ev.parties:
            if id(p) in swap:
                touched = True
                parties.extend(q for q in swap[id(p)] if all(q.link.key != r.link.key for r in parties if r.link))
            elif all(p is not r for r in parties):
                parties.append(p)
        ev.parties = parties
        for role in SINGLE_ROLES:
            m: Optional[Mention] = getattr(ev, role)
            if m is not None and id(m) in swap:
                setattr(ev, role, None)
                touched = True
        if touched:
            _record(ev, "compound-names")
        if touched and NEEDS.get(ev.kind) and getattr(ev, NEEDS[ev.kind]) is None:
            continue
        kept.append(ev)
    article.events = kept

