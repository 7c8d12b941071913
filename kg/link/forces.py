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
from kg.link.index import AliasIndex

FORCE_ROLES = frozenset({"military", "defence_ministry"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOP = re.compile(r"[.;:!?,()\[\]\"“”«»„]")


def force_state(index: AliasIndex, m: Mention, text: str = "") -> Optional[str]:
    """The Wikidata id of the state whose national force ``m`` names, if the index says so: a row
    with role ``military`` or ``defence_ministry`` ("TNI", "Pentagon"), or, for an organisation
    the index does not know, a state's name or demonym inside its name or in the two words right
    after it ("Ejército Real de Tailandia", "l'armée libanaise", "Ejército Mexicano").

    >>> from kg.link.index import load_index
    >>> t = "al Ejército libanés a reforzar"
    >>> force_state(load_index(), Mention(3, 11, "Ejército", "Organization"), t)
    'Q822'
    >>> force_state(load_index(), Mention(0, 8, "MINUSCA", "Organization"), "MINUSCA menambah pasukan")
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


def forces_to_states(article: Article, index: AliasIndex) -> None:
    """Replace a deployment agent that is a national force by the state's nearest mention."""
    for ev in article.events:
        m = ev.agent
        if ev.kind != "Deployment" or m is None or m.type != "Organization":
            continue
        qid = force_state(index, m, article.text)
        if qid is None:
            continue
        states = [s for s in article.mentions if s.link is not None and s.link.qid == qid and s is not m]
        if not states:
            continue  # the article never names the state: the force is the agent
        ev.agent = min(states, key=lambda s: (abs(s.start - ev.start), s.start))
        ev.unit = ev.unit or m.text
        ev.rules.append("force-to-state")
        base = ev.extractor.split(" + rules: ")[0].removesuffix(" (model only)")
        ev.extractor = f"{base} + rules: {', '.join(ev.rules)}"
