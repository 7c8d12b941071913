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
from kg.link.base import BaseLinker
from kg.link.context import countries_in, roles_in
from kg.link.index import AliasIndex, Entry, load_index
from kg.link.keys import fold, qid_number, strip_titles

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


def compatible(mention_type: str, e: Entry) -> Optional[tuple[float, str]]:
    """(score, refined type) if an index row may stand for a mention of ``mention_type``.

    >>> e = Entry("Pyongyang", "en", "Q423", "Country", "North Korea", "", "PRK", "capital", "")
    >>> compatible("Country", e), compatible("Person", e), compatible("Place", e), compatible("Organization", e)
    ((0.9, 'Country'), None, None, (0.855, 'Country'))
    """
    base = FORM_SCORE.get(e.form, 0.8)
    if mention_type == "Person":
        return (base, "Person") if e.type == "Person" else None
    if mention_type == "Organization":
        if e.type == "Organization":
            return base, "Organization"
        if e.type == "Country" and e.form in {"government", "metonym", "capital"}:
            # "Kremlin", "pemerintah X", and a capital that acts ("London planned", "Moskow membantah")
            return round(base * 0.95, 3), "Country"
        if e.type == "Country" and e.form in {"name", "short", "acronym"}:
            # a state's own name read as an organisation ("Rusia mengatakan"): the state acts
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


class OfflineLinker(BaseLinker):
    """Links mentions with the alias index ``kg/link/data/aliases.tsv`` (loaded once per process)."""

    name = "kg.linker.offline.v1"

    def __init__(self, *, config: Config | None = None, index: AliasIndex | None = None):
        super().__init__(config=config)
        self.index = index or load_index()

    @property
    def skip_words(self) -> frozenset[str]:
        return self.index.country_skip

    def resolve(self, m: Mention, article: Article) -> Link:
        return (self.region(m, article) or self.resolve_offline(m, article) or self.leader_government(m)
                or self.fallback(m))

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
                return self.resolve_offline(replace(m, text=surface), article)
        return None

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
        return Link(key=e.key, type="Country", qid=e.qid or None, label=e.canonical_en,
                    score=0.8, linker=self.name)

    def candidates(self, surface: str) -> list[tuple[Entry, float]]:
        """Index rows for a surface form: exact, then titles stripped, then spelling variants."""
        rows = self.index.lookup(surface)
        if rows:
            return [(e, 1.0) for e in rows]
        stripped = strip_titles(surface, self.skip_words)
        if stripped != fold(surface):
            rows = self.index.lookup(stripped)
            if rows:
                return [(e, 1.0) for e in rows]
        variants = self.index.lookup_variant(surface)
        if variants:
            return [(e, 0.95) for e in variants]
        for form in _uninflected(surface):  # "Litauens", "der Europäischen Union", "Russians"
            rows = self.index.lookup(form)
            if rows:
                return [(e, 0.9) for e in rows]
        return []

    def resolve_offline(self, m: Mention, article: Article) -> Optional[Link]:
        """The best index entity for the mention, or None when unknown or ambiguous."""
        scored: dict[str, tuple[float, Entry, str]] = {}
        for e, factor in self.candidates(m.text):
            c = compatible(m.type, e)
            if c is None:
                continue
            s, t = c[0] * factor, c[1]
            k = e.key
            if k not in scored or s > scored[k][0]:
                scored[k] = (s, e, t)
        if not scored:
            return None
        if len(scored) > 1:
            roles = roles_in(self.role_window(m, article))
            near = countries_in(self.sentence_text(m, article), self.index.country_words)
            for k, (s, e, t) in list(scored.items()):
                bonus = 0.0
                if e.role and (e.role in roles or ("leader" in roles and e.role == "head_of_state")):
                    bonus += ROLE_BONUS
                if e.country and e.country in near and e.type in {"Person", "Organization"}:
                    bonus += COUNTRY_BONUS
                scored[k] = (s + bonus, e, t)
        ranked = sorted(scored.values(), key=lambda x: (-x[0], qid_number(x[1].qid), x[1].key))
        best = ranked[0]
        if len(ranked) > 1 and ranked[1][0] >= best[0] - TIE:
            return None  # two entities fit equally well: do not guess
        s, e, t = best
        return Link(key=e.key, type=t, qid=e.qid or None, label=e.canonical_en or None,
                    score=round(min(s, 1.0), 3), linker=self.name)
