"""A national force as agent stands for its state (annotation guide, rule 13), once linked.

"TNI mengirim 1.000 prajurit", "die Bundeswehr verlegt 500 Soldaten": the deploying actor is the
state whose forces they are. The extractor tags what the text names (the force); the alias index
knows which state a force belongs to (rows with role ``military`` carry the state's ISO3 code in
``country``). When the article also names that state, the deployment's agent becomes the state's
mention nearest the event and the force's name is kept as the unit; when it never names the state,
the force stays the agent, as the guide says. The rule is ``force-to-state`` (``--rules``).

>>> from kg.config import Config
>>> from kg.doc import Article, Event, Mention
>>> from kg.link.offline import OfflineLinker
>>> t = "Indonesia memperkuat perbatasan. Bundeswehr mengirim 500 tentara ke Lithuania."
>>> a = Article.from_text(t, source="mem:1", lang="id")
>>> a.mentions = [Mention(0, 9, "Indonesia", "Country"), Mention(33, 42, "Bundeswehr", "Organization")]
>>> a.events = [Event("Deployment", 33, 79, t[33:79], agent=a.mentions[1], troop_count=500, extractor="m (model only)")]
>>> OfflineLinker(config=Config()).link(a)
>>> a.events[0].agent.text, a.events[0].rules
('Bundeswehr', [])
>>> b = Article.from_text("Jerman dan " + t, source="mem:2", lang="id")
>>> b.mentions = [Mention(0, 6, "Jerman", "Country"), Mention(44, 54, "Bundeswehr", "Organization")]
>>> b.events = [Event("Deployment", 44, 90, b.text[44:90], agent=b.mentions[1], extractor="m (model only)")]
>>> OfflineLinker(config=Config()).link(b)
>>> ev = b.events[0]
>>> ev.agent.text, ev.unit, ev.rules, ev.extractor
('Jerman', 'Bundeswehr', ['force-to-state'], 'm + rules: force-to-state')
"""

from __future__ import annotations

import re
from typing import Optional

from kg.doc import Article, Event, Mention
from kg.link.demonyms import all_forms
from kg.link.index import AliasIndex
from kg.link.keys import fold

FORCE_ROLES = frozenset({"military", "defence_ministry"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOP = re.compile(r"[.;:!?,()\[\]\"“”«»„]")


def force_state(index: AliasIndex, m: Mention, text: str = "") -> Optional[str]:
    """The Wikidata id of the state whose national force ``m`` names, if the index says so: a row
    with role ``military`` or ``defence_ministry`` ("TNI", "Pentagon"), or, for an organisation
    the index does not know, a state's name or demonym inside its name or in the two words right
    after it ("Ejército Real de Tailandia", "l'armée libanaise", "Ejército Mexicano"; the index's
    demonyms include kg.link.demonyms' inflected German, French and Spanish forms, so
    "des ugandischen Verteidigungsministeriums" is Uganda's).

    >>> from kg.link.index import load_index
    >>> t = "al Ejército libanés a reforzar"
    >>> force_state(load_index(), Mention(3, 11, "Ejército", "Organization"), t)
    'Q822'
    >>> force_state(load_index(), Mention(0, 8, "MINUSCA", "Organization"), "MINUSCA menambah pasukan")
    >>> t = "des ugandischen Verteidigungsministeriums sollen"
    >>> force_state(load_index(), Mention(4, 41, t[4:41], "Organization"), t)
    'Q1036'
    """
    rows = index.lookup(m.text)
    countries = {e.country for e in rows if e.role in FORCE_ROLES and e.country}
    if len(countries) == 1:
        return index.state_qid(countries.pop())
    if rows or not text:
        return None  # known to the index as something else, or more than one state's force
    after = _STOP.split(text[m.end:m.end + 40], 1)[0]
    words = _WORD.findall(m.text) + _WORD.findall(after)[:2]
    states = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            for e in index.lookup(" ".join(words[i:i + n])):
                if e.type == "Country" and e.role == "state" and e.country:
                    states.add(e.country)
    if len(states) != 1:
        return None
    return index.state_qid(states.pop())


# words that make an organisation's name a force's, per language (folded: lower case, no accents)
FORCE_WORDS = {
    "en": "army, navy, air force, marines, national guard, coast guard, armed forces, military, contingent, task force, battalion, brigade",
    "id": "angkatan, tentara, satgas, satuan tugas, kontingen, garda, batalyon, brigade, korps, marinir, pasukan",
    "ms": "angkatan, tentera, kontingen, batalion, briged, pasukan",
    "fr": "armee, forces, marine, garde nationale, gendarmerie, contingent, bataillon, brigade, legion",
    "de": "armee, heer, streitkrafte, marine, luftwaffe, nationalgarde, garde, kontingent, bataillon, brigade, truppe",
    "es": "ejercito, fuerzas, armada, guardia, marina, contingente, batallon, brigada, infanteria",
}
_FORCE_WORD = re.compile(r"(?<!\w)(?:" + "|".join(sorted({w.strip() for ws in FORCE_WORDS.values() for w in ws.split(",")},
                                                          key=len, reverse=True)) + r")(?!\w)")
_ACRONYM_DEF = r"([^\W\d_][\w'’ -]{{3,80}}?)\s*\(\s*{}\s*\)"


def looks_like_force(name: str) -> bool:
    """Whether an organisation's name is a force's ("Guardia Nacional", "armée de Terre").

    >>> looks_like_force("armée de Terre"), looks_like_force("Kementerian Luar Negeri")
    (True, False)
    """
    from kg.link.keys import fold

    return bool(_FORCE_WORD.search(fold(name)))


# folded nationality adjectives two states share ("kongolesische": both Congos) -> their ISO3 codes
SHARED_ADJECTIVES = {fold(f): codes for f, codes in all_forms().items() if len(codes) > 1}


def shared_adjective_states(index: AliasIndex, words: list[str]) -> frozenset[str]:
    """The ids of the states the first word of ``words`` that several states share as their
    adjective stands for: a form of kg.link.demonyms listed under several states, or one the
    index gives several states as their demonym ("Congolese", from countries.tsv); else empty."""
    for w in words:
        ids = {q for q in (index.state_qids.get(i) for i in SHARED_ADJECTIVES.get(fold(w), ())) if q}
        if not ids:
            ids = {e.qid for e in index.lookup(w) if e.type == "Country" and e.form == "demonym" and e.qid}
        if len(ids) > 1:
            return frozenset(ids)
    return frozenset()


def named_state(article: Article, ids: frozenset[str], near: int, skip: Optional[Mention] = None) -> Optional[Mention]:
    """The mention nearest ``near`` of the one state among ``ids`` the article links a Country
    mention to ("Kinshasa" as the DR Congo's government); None when it names none or several."""
    found = [o for o in article.mentions if o is not skip and o.link is not None and o.link.qid in ids
             and o.link.type == "Country"]
    if len({o.link.qid for o in found}) != 1:
        return None
    return min(found, key=lambda o: (abs(o.start - near), o.start))


def context_state(article: Article, ev: Event, m: Mention) -> Optional[Mention]:
    """The state a force that the index cannot place belongs to, read off the article: the one
    state its sentence names (the destination and the force aside), else the state the article
    names most often, if no other comes close (its mentions outnumber the runner-up's twice)."""
    states = [s for s in article.mentions if s is not m and s.link is not None and s.link.qid and s.link.type == "Country"
              and (ev.destination is None or s.link.qid != getattr(ev.destination.link, "qid", None))]
    here = {s.link.qid for s in states if ev.start <= s.start < ev.end or s.sentence == ev.sentence >= 0}
    if len(here) == 1:
        qid = here.pop()
    else:
        counts: dict[str, int] = {}
        for s in states:
            counts[s.link.qid] = counts.get(s.link.qid, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        qid = ranked[0][0]
    return min((s for s in states if s.link.qid == qid), key=lambda s: (abs(s.start - ev.start), s.start))


def _long_form(article: Article, m: Mention) -> Optional[Mention]:
    """"Angkatan Bersenjata Lebanon (LAF)": the long form an acronym agent was defined with."""
    if not (m.text.isupper() and 2 <= len(m.text) <= 8):
        return None
    hit = re.search(_ACRONYM_DEF.format(re.escape(m.text)), article.text)
    if hit is None:
        return None
    return Mention(hit.start(1), hit.end(1), hit.group(1).strip(), "Organization")


def forces_to_states(article: Article, index: AliasIndex, *, context: bool = False) -> None:
    """Replace a deployment agent that is a national force by the state's nearest mention; with
    ``context`` (rule ``force-context-state``) also a force the index cannot place, by the state
    its sentence or article is about (``context_state``)."""
    for ev in article.events:
        m = ev.agent
        if ev.kind != "Deployment" or m is None or m.type != "Organization":
            continue
        qid = force_state(index, m, article.text)
        rule = "force-to-state"
        if qid is None and context and (m.link is None or not m.link.qid):
            rule = "force-context-state"
            long = _long_form(article, m)
            qid = force_state(index, long, article.text) if long is not None else None
            if qid is None:
                after = " ".join(_WORD.findall(_STOP.split(article.text[m.end:m.end + 40], 1)[0])[:2])
                name = long.text if long else f"{m.text} {after}"
                ids = shared_adjective_states(index, _WORD.findall(name))
                if ids:  # "l'armée congolaise": either Congo's army, the one the article names, else the force
                    state = named_state(article, ids, ev.start, skip=m)
                else:
                    state = context_state(article, ev, m) if looks_like_force(name) else None
                if state is not None:
                    ev.agent = state
                    ev.unit = ev.unit or m.text
                    _record(ev, rule)
                continue
        if qid is None:
            continue
        states = [s for s in article.mentions if s.link is not None and s.link.qid == qid and s is not m]
        if not states:
            continue  # the article never names the state: the force is the agent
        ev.agent = min(states, key=lambda s: (abs(s.start - ev.start), s.start))
        ev.unit = ev.unit or m.text
        _record(ev, rule)


def drop_host_agents(article: Article) -> None:
    """A deployment whose agent span is its destination span ("85 albanische Soldaten dienen in
    Lettland", the model reading "Lettland" as both) names the host, not the sender: the event is
    dropped (rule ``host-not-agent``). A domestic deployment to the state itself ("le Bénin a
    déployé 3 000 soldats dans le nord du pays") names the state twice and stays."""
    article.events = [ev for ev in article.events
                      if not (ev.kind == "Deployment" and ev.agent is not None and ev.agent is ev.destination)]


def _record(ev: Event, rule: str) -> None:
    ev.rules.append(rule)
    base = ev.extractor.split(" + rules: ")[0].removesuffix(" (model only)")
    ev.extractor = f"{base} + rules: {', '.join(ev.rules)}"
