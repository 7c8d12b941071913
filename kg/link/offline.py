"""The default linker (``kg.linker.offline.v1``): dict lookups in the shipped alias index.

Disambiguation, in order: the mention's type (a Person never links to a Country; a capital typed
Country is the state, typed Place the city), office words next to the name ("Menteri Luar
Negeri", "spokesman"), countries named in the sentence. Ties are left unlinked, never guessed.

>>> from kg.config import Config
>>> from kg.doc import Article, Mention
>>> text = "Pemimpin Korea Utara Kim bertemu utusan Kremlin di Pyongyang."
>>> a = Article.from_text(text, source="mem:1", lang="id")
>>> a.mentions = [Mention(9, 20, "Korea Utara", "Country"), Mention(21, 24, "Kim", "Person"),
...               Mention(40, 47, "Kremlin", "Country"), Mention(51, 60, "Pyongyang", "Place")]
>>> OfflineLinker(config=Config()).link(a)
>>> [(m.text, m.link.qid, m.link.type) for m in a.mentions]
[('Korea Utara', 'Q423', 'Country'), ('Kim', 'Q56226', 'Person'), ('Kremlin', 'Q159', 'Country'), ('Pyongyang', 'Q18808', 'Place')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from kg.config import Config
from kg.doc import Article, Link, Mention
from kg.link.base import LEADING_ARTICLE, BaseLinker
from kg.link.context import countries_in, roles_in
from kg.link.explain import Candidate, Explanation, KeyTried, row_dict
from kg.extract.rules import RuleSet
from kg.link.compounds import split_compounds
from kg.link.forces import drop_host_agents, forces_to_states, shared_adjective_states
from kg.link.index import SHARED_SHORT_NAMES, AliasIndex, Entry, load_ambiguous, load_index
from kg.link.keys import fold, is_acronym, qid_number, strip_titles

FORM_SCORE = {
    "name": 1.0, "government": 1.0, "city": 1.0, "short": 0.95, "acronym": 0.95,
    "metonym": 0.9, "capital": 0.9, "surname": 0.7,
}
ROLE_BONUS = 0.3
COUNTRY_BONUS = 0.2
TIE = 0.05
# "pemerintahan Biden", "Biden administration": a leader's government stands for the country
GOV_BEFORE = ("pemerintahan", "pemerintah", "kabinet", "rezim", "government of", "administration of")
GOV_AFTER = ("administration", "government", "regime", "cabinet")


def compatible(mention_type: str, e: Entry, surface: str = "") -> Optional[tuple[float, str]]:
    """(score, refined type) if an index row may stand for a mention of ``mention_type`` whose text
    is ``surface``.

    >>> e = Entry("Pyongyang", "en", "Q423", "Country", "North Korea", "", "PRK", "capital", "")
    >>> compatible("Country", e), compatible("Person", e), compatible("Place", e), compatible("Organization", e)
    ((0.9, 'Country'), None, None, (0.855, 'Country'))

    A name is never re-read across Person ("Jordan", "Georgia" stay people), except an acronym: its
    rows match only the same capitals, case-sensitively, and "NATO" or "UN" typed Person is a slip.

    >>> compatible("Person", Entry("NATO", "en", "Q7184", "Organization", "NATO", "", "", "acronym", ""))
    (0.807, 'Organization')

    A nationality adjective typed Organization is its state only in lower case, as the mention
    head leaves it in "die libanesische Armee"; capitalised it may be a newspaper or a surname.

    >>> d = Entry("colombiano", "es", "Q739", "Country", "Colombia", "", "COL", "demonym", "")
    >>> compatible("Organization", d, "colombiano"), compatible("Organization", d, "El Colombiano")
    ((0.72, 'Country'), None)
    """
    base = FORM_SCORE.get(e.form, 0.8)
    if mention_type == "Person":
        if e.type == "Person":
            return base, "Person"
        if e.form == "acronym" and e.type in ("Organization", "Country"):
            return round(base * 0.85, 3), e.type
        return None
    if mention_type == "Organization":
        if e.type == "Organization":
            return base, "Organization"
        if e.type == "Country" and e.form in {"government", "metonym", "capital"}:
            # "Kremlin", "pemerintah X", and a capital that acts ("London planned", "Moskow membantah")
            return round(base * 0.95, 3), "Country"
        if e.type == "Country" and e.form in {"name", "short", "acronym"}:
            # a state's own name read as an organisation ("Rusia mengatakan"): the state acts
            return round(base * 0.9, 3), "Country"
        if e.type == "Country" and e.form == "demonym" and surface[:1].islower():
            # a nationality adjective in lower case left as the whole name of an acting body ("die
            # libanesische Armee", "le gouvernement mexicain"): the state acts. Never a capitalised
            # word: "The Australian", "El Colombiano" (newspapers), "Deutsche", a surname "Alemán".
            return round(base * 0.9, 3), "Country"
        return None
    if mention_type == "Country":
        if e.type == "Country":
            return base, "Country"
        if e.type == "Place" and e.form != "city":
            return 0.6, "Place"
        return None
    if mention_type == "Place":
        if e.type == "Place":
            return base, "Place"
        if e.type == "Country" and e.form in {"name", "short", "acronym"}:
            return round(base * 0.97, 3), "Country"
        return None
    return None


def _uninflected(surface: str) -> list[str]:
    """Base forms of an inflected name to try when the name itself is unknown: a genitive or
    plural -s ("Litauens", "Russians"), German adjective endings ("Europäischen Union").

    >>> _uninflected("Litauens"), _uninflected("Europäischen Union")
    (['Litauen'], ['Europäische Union'])
    """
    out = []
    if surface.endswith("s") and len(surface) > 4 and " " not in surface:
        out.append(surface[:-1])
    adj = re.sub(r"(?<=\w)(?:en|er|es|em)(?= \w)", "e", surface)
    if adj != surface:
        out.append(adj)
    return out


def left_out(trace: list[KeyTried]) -> Optional[str]:
    """Why the index has no row for any of the keys tried, when the builder left one of them out
    as ambiguous (``kg/link/data/ambiguous.tsv``, read only here, when explaining).

    >>> print(left_out([KeyTried("exact", "Gendarmerie Nationale", "gendarmerie nationale", 0)]))
    'Gendarmerie nationale' was left out of the alias index as ambiguous: it names Q1422336 (French Gendarmerie) and Q3100409 (Gendarmerie nationale, DZA) (2 entities of sources/nsi_operators.tsv bear it)
    >>> left_out([KeyTried("exact", "Zzyzx", "zizx", 0)]) is None
    True
    """
    table = load_ambiguous()
    for k in trace:
        if k.step == "spelling-variant" or k.key not in table:
            continue  # spelling-variant keys are another key space
        r = table[k.key]
        ids = r["qids"].split(";")
        labels = r["labels"].split(";")
        named = [f"{q} ({n})" if n and n != q else q for q, n in zip(ids, labels + [""] * len(ids))]
        names = ", ".join(named[:-1]) + " and " + named[-1]
        return (f"{r['alias']!r} was left out of the alias index as ambiguous: it names {names} ({r['why']})")
    return None


# "(PNG)" right after a name: an acronym defined in brackets
_BRACKETED = re.compile(r"\s*\(\s*([^()\s]{2,12})\s*\)")


class OfflineLinker(BaseLinker):
    """Links mentions with the alias index ``kg/link/data/aliases.tsv`` (loaded once per process)."""

    name = "kg.linker.offline.v1"

    def __init__(self, *, config: Config | None = None, index: AliasIndex | None = None):
        super().__init__(config=config)
        self.index = index or load_index()
        self._defs_for: Optional[tuple[int, int, int]] = None  # the article _defs was built for
        self._defs: dict[str, list[Mention]] = {}
        self._definition_links: dict[tuple, Link] = {}

    @property
    def skip_words(self) -> frozenset[str]:
        return self.index.country_skip

    def link(self, article: Article) -> None:
        self._defs_for = None  # acronym definitions are found afresh for each article
        super().link(article)
        rules = RuleSet(self.config.rules)
        if "compound-names" in rules:  # "AS-Meksiko": two states, not one actor
            split_compounds(article, lambda m: self.resolve(m, article))
        if "force-to-state" in rules:
            forces_to_states(article, self.index, context="force-context-state" in rules)
        if "host-not-agent" in rules:
            drop_host_agents(article)

    def _shared_short_name(self, m: Mention) -> frozenset[str]:
        isos = SHARED_SHORT_NAMES.get(self.index.key_of(LEADING_ARTICLE.sub("", m.text, count=1))[1], ())
        return frozenset(q for q in (self.index.state_qids.get(i) for i in isos) if q)

    def _shared_adjective(self, m: Mention) -> frozenset[str]:
        """Forms of kg.link.demonyms listed under several states, and adjectives the index gives
        several states as demonyms ("Congolese", from countries.tsv), when the mention's type lets a
        demonym stand for a state (as in ``compatible``: typed Country, or a lower-case adjective
        typed Organization); and a government the index names so for several states ("Congolese
        government"), typed Country or Organization."""
        if len(m.text.split()) > 1:  # "Congolese government", "Dominican government": a government row per state
            rows = self.index.lookup(m.text) if m.type in {"Country", "Organization"} else []
            ids = {e.qid for e in rows if e.qid}
            ok = rows and all(e.type == "Country" and e.role == "government" for e in rows) and len(ids) > 1
            return frozenset(ids) if ok else frozenset()
        if not (m.type == "Country" or (m.type == "Organization" and m.text[:1].islower())):
            return frozenset()
        return shared_adjective_states(self.index, [m.text])

    def resolve(self, m: Mention, article: Article) -> Link:
        found = self.region(m, article)
        if found is not None:
            return found
        found, why = self._resolve_offline(m, article)
        found = found or self.defined_acronym(m, article) or self.leader_government(m) or self.mission_in(m)
        if found is not None:
            return found
        return self.fallback(m, why)

    def region(self, m: Mention, article: Article) -> Optional[Link]:
        """A place named with its region noun ("wilayah Kursk", "Kursk region", "Oblast Kursk"):
        the region, when the index knows the longer name, not the city of the same name."""
        if m.type != "Place" or not article.text:
            return None
        before = re.search(r"(?<!\w)(\w+)\s+$", article.text[max(0, m.start - 24):m.start])
        after = re.match(r"\s+(oblast|region|province|provinsi|krai|raion)(?!\w)", article.text[m.end:m.end + 24], re.I)
        for surface in ([f"{before.group(1)} {m.text}"] if before and before.group(1).islower() else []) + (
                [f"{m.text} {after.group(1)}"] if after else []):
            if any(e.type == "Place" for e in self.index.lookup(surface)):
                found = self.resolve_offline(replace(m, text=surface), article)
                if found is not None and self.explain:
                    found.why = Explanation(
                        m.text, m.type, "linked", "region-noun",
                        f"named with its region noun as {surface!r}, which the index knows as a region",
                        row=found.why.row if found.why else None, via=found.why)
                return found
        return None

    def defined_acronym(self, m: Mention, article: Article) -> Optional[Link]:
        """An acronym the index does not know, or gives to several entities, that the article
        defines in brackets right after a name of the same type ("Timor-Leste (RDTL)", "Armed
        Forces of the Philippines (AFP)"): what that name links to, or, when the name links to
        nothing, the name's own key, so the two are one actor. Of several definitions, the nearest
        before the acronym counts, else the first after it. The index comes first: a generic
        name in brackets ("Kementerian Pertahanan (MINDEF)") must not override an acronym's row.

        >>> from kg.config import Config
        >>> t = "Timor-Leste (RDTL) dan Indonesia menandatangani perjanjian. RDTL akan menempatkan pasukan."
        >>> a = Article.from_text(t, source="mem:tl", lang="id")
        >>> a.mentions = [Mention(0, 11, "Timor-Leste", "Country"), Mention(60, 64, "RDTL", "Country")]
        >>> OfflineLinker(config=Config()).defined_acronym(a.mentions[1], a).qid
        'Q574'
        """
        if m.type not in {"Country", "Organization"} or not article.text or not is_acronym(m.text):
            return None
        defs = [d for d in self._definitions(article).get(m.text, ()) if d.type == m.type and d is not m]
        if not defs:
            return None
        before = [d for d in defs if d.end <= m.start]
        d = max(before, key=lambda x: x.end) if before else min(defs, key=lambda x: x.start)
        key = (id(article), d.start, d.end, d.type)
        if key not in self._definition_links:
            self._definition_links[key] = self.resolve_offline(d, article) or self.fallback(d, None)
        found = replace(self._definition_links[key])
        if self.explain:
            decision = "unlinked" if found.why is not None and found.why.decision == "unlinked" else "linked"
            found.why = Explanation(m.text, m.type, decision, "defined-acronym",
                                    f"the article defines {m.text!r} as {d.text!r} ({d.text} ({m.text})), "
                                    f"which links to {found.qid or found.key}",
                                    row=found.why.row if found.why else None, via=found.why)
        return found

    def _definitions(self, article: Article) -> dict[str, list[Mention]]:
        """acronym -> the mentions right before "(ACRONYM)" in the article; built once per article."""
        sig = (id(article), len(article.text), len(article.mentions))
        if self._defs_for != sig:
            defs: dict[str, list[Mention]] = {}
            for d in article.mentions:
                b = _BRACKETED.match(article.text, d.end)
                if b and is_acronym(b.group(1)) and not is_acronym(d.text) and d.text != b.group(1):
                    defs.setdefault(b.group(1), []).append(d)
            self._defs_for, self._defs, self._definition_links = sig, defs, {}
        return self._defs

    def leader_government(self, m: Mention) -> Optional[Link]:
        """"pemerintahan Biden" / "Biden administration" typed Country or Organization -> the state."""
        if m.type not in {"Country", "Organization"}:
            return None
        t = fold(m.text)
        name = next((t[len(w) + 1 :] for w in GOV_BEFORE if t.startswith(w + " ")), None)
        if name is None:
            name = next((t[: -len(w) - 1] for w in GOV_AFTER if t.endswith(" " + w)), None)
        if not name:
            return None
        people = {e.country for e in self.index.lookup(name) if e.type == "Person" and e.country}
        if len(people) != 1:
            return None
        iso = people.pop()
        states = [e for e in self.index.entries if e.type == "Country" and e.country == iso and e.form == "name" and e.lang == "en"]
        if not states:
            return None
        e = states[0]
        why = None
        if self.explain:
            person = next(p for p in self.index.lookup(name) if p.type == "Person")
            why = Explanation(m.text, m.type, "linked", "leader-government",
                              f"{name!r} is a leader of {iso} (alias row {person.alias!r} -> {person.qid}); "
                              "a leader's government stands for the state",
                              row=row_dict(e), candidates=[Candidate(row_dict(person), None, "Person")])
        return Link(key=e.key, type="Country", qid=e.qid or None, label=e.canonical_en,
                    score=0.8, linker=self.name, why=why)

    def mission_in(self, m: Mention) -> Optional[Link]:
        """A seat of government or a state's mission named with the capital it sits in ("KBRI
        Doha", "KBRI Kuala Lumpur": an Indonesian embassy) typed Country or Organization: the state
        its ``metonym`` row names, when the rest of the name is a capital the index knows."""
        if m.type not in {"Country", "Organization"}:
            return None
        words = m.text.split()
        for cut in range(len(words) - 1, 0, -1):
            head, place = " ".join(words[:cut]), " ".join(words[cut:])
            heads = [e for e in self.index.lookup(head) if e.form == "metonym" and e.type == "Country"]
            if not heads or not any(e.form == "capital" or e.role == "capital_city" for e in self.index.lookup(place)):
                continue
            if len({e.key for e in heads}) != 1:
                return None
            e = heads[0]
            why = None
            if self.explain:
                why = Explanation(m.text, m.type, "linked", "mission-in-capital",
                                  f"{head!r} names {e.canonical_en}'s government or mission (alias row {e.alias!r}), "
                                  f"{place!r} the capital it sits in", row=row_dict(e))
            return Link(key=e.key, type="Country", qid=e.qid or None, label=e.canonical_en,
                        score=0.8, linker=self.name, why=why)
        return None

    def candidates(self, surface: str, trace: Optional[list[KeyTried]] = None) -> list[tuple[Entry, float]]:
        """Index rows for a surface form: exact, then titles stripped, then spelling variants, then
        uninflected forms; the first key that finds rows decides. ``trace`` receives every key tried.
        """
        for step, text, key, rows, factor in self._lookups(surface):
            if trace is not None:
                trace.append(KeyTried(step, text, key, len(rows)))
            if rows:
                return [(e, factor) for e in rows]
        return []

    def _lookups(self, surface: str):
        """(step, text, key, rows, factor) for each key in turn; each lookup runs only when reached."""
        kind, key = self.index.key_of(surface)
        yield kind, surface, key, self.index.lookup(surface), 1.0
        stripped = strip_titles(surface, self.skip_words)
        if stripped != fold(surface):
            yield "titles-stripped", surface, stripped, self.index.lookup(stripped), 1.0
        bare = LEADING_ARTICLE.sub("", surface, count=1)
        if bare != surface and bare:  # "la Casa Blanca", "die Bundeswehr", "l'ONU": no row keeps the article
            yield "article-stripped", bare, self.index.key_of(bare)[1], self.index.lookup(bare), 1.0
        yield "spelling-variant", surface, self.index.variant_key(surface), self.index.lookup_variant(surface), 0.95
        for form in _uninflected(surface):  # "Litauens", "der Europäischen Union", "Russians"
            yield "uninflected", form, self.index.key_of(form)[1], self.index.lookup(form), 0.9

    def resolve_offline(self, m: Mention, article: Article) -> Optional[Link]:
        """The best index entity for the mention, or None when unknown or ambiguous."""
        return self._resolve_offline(m, article)[0]

    def _resolve_offline(self, m: Mention, article: Article) -> tuple[Optional[Link], Optional[Explanation]]:
        """:meth:`resolve_offline`, plus (when explaining) why, also when it finds nothing."""
        trace: Optional[list[KeyTried]] = [] if self.explain else None
        notes: dict[int, Candidate] = {}  # id(entry) -> its candidate record, when explaining
        scored: dict[str, tuple[float, Entry, str]] = {}
        found = self.candidates(m.text, trace)
        for e, factor in found:
            c = compatible(m.type, e, m.text)
            if trace is not None:
                notes[id(e)] = Candidate(row_dict(e), None if c is None else round(c[0] * factor, 3),
                                         None if c is None else c[1])
                if c is None:
                    notes[id(e)].notes.append(f"type mismatch: a {e.type} row (form {e.form or '-'}) "
                                              f"cannot stand for a mention typed {m.type}")
                elif factor < 1.0:
                    notes[id(e)].notes.append(f"x{factor} for a {trace[-1].step} match")
            if c is None:
                continue
            s, t = c[0] * factor, c[1]
            k = e.key
            if k not in scored or s > scored[k][0]:
                scored[k] = (s, e, t)
        why = None
        if trace is not None:
            why = Explanation(m.text, m.type, "unlinked", "fallback", "", keys=trace,
                              candidates=list(notes.values()))
        if not scored:
            if why is not None:
                why.reason = ((left_out(trace) or "no alias row matches any of the keys tried") if not found else
                              f"type mismatch: the alias rows found name a {'/'.join(sorted({e.type for e, _ in found}))}, "
                              f"none of which a mention typed {m.type} may link to")
            return None, why
        if len(scored) > 1:
            roles = roles_in(self.role_window(m, article))
            near = countries_in(self.sentence_text(m, article), self.index.country_words)
            for k, (s, e, t) in list(scored.items()):
                bonus = 0.0
                if e.role and (e.role in roles or ("leader" in roles and e.role == "head_of_state")):
                    bonus += ROLE_BONUS
                    if why is not None:
                        notes[id(e)].notes.append(f"+{ROLE_BONUS} role {e.role} named nearby")
                if e.country and e.country in near and e.type in {"Person", "Organization"}:
                    bonus += COUNTRY_BONUS
                    if why is not None:
                        notes[id(e)].notes.append(f"+{COUNTRY_BONUS} country {e.country} named in the sentence")
                scored[k] = (s + bonus, e, t)
                if why is not None:
                    notes[id(e)].score = round(s + bonus, 3)
        ranked = sorted(scored.values(), key=lambda x: (-x[0], qid_number(x[1].qid), x[1].key))
        best = ranked[0]
        if len(ranked) > 1 and ranked[1][0] >= best[0] - TIE:
            if why is not None:  # two entities fit equally well: do not guess
                tied = [f"{e.qid or e.key} ({s:.3f})" for s, e, _ in ranked if s >= best[0] - TIE]
                why.reason = f"ambiguous: {' and '.join(tied)} score within {TIE} of each other"
            return None, why
        s, e, t = best
        if why is not None:
            why.decision, why.step, why.row = "linked", trace[-1].step, row_dict(e)
            why.reason = (f"alias row {e.alias!r} ({e.lang or '-'}, form {e.form or '-'}) matched the "
                          f"{trace[-1].step} key {trace[-1].key!r}"
                          + (f" and outscored {len(ranked) - 1} other entit{'y' if len(ranked) == 2 else 'ies'}"
                             if len(ranked) > 1 else ""))
        return Link(key=e.key, type=t, qid=e.qid or None, label=e.canonical_en or None,
                    score=round(min(s, 1.0), 3), linker=self.name, why=why), why
