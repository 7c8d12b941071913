"""Article -> RDF quads, following ONTOLOGY.md and the identity rules every stage agrees on.

One named graph per article (``kgr:graph/<Article.id>``) holds everything the article says,
including the triples about the actors it shares with other articles, so replacing that graph
replaces exactly this article's contribution. IRIs are deterministic: the same Article always
gives the same quads, in the same order.

The mapping never fails on imperfect extractions and always produces graphs that conform to
ontology/shapes.ttl: an event missing its required role (a Statement without a speaker, a
Deployment without a deploying actor, an Agreement with fewer than two distinct parties) is not
written, a role filled by the wrong kind of node is dropped, and bad values (a date that is not
a date, a negative count) are left out. Each such decision is listed in
``MappingResult.skipped`` and logged at INFO level on the ``kg.rdf.mapping`` logger.

>>> from kg.config import Config
>>> from kg.doc import Article, Event, Link, Mention
>>> a = Article.from_text("Korea Utara mengirim 1.500 tentara ke Rusia.", source="mem:1", lang="id")
>>> nk = Mention(0, 11, "Korea Utara", "Country", link=Link(key="Q423", type="Country", qid="Q423"))
>>> ru = Mention(38, 43, "Rusia", "Country")  # not linked: keyed "country/rusia"
>>> a.mentions = [nk, ru]
>>> a.events = [Event("Deployment", 0, 44, a.text, agent=nk, troop_count=1500, destination=ru),
...             Event("Statement", 0, 44, a.text)]  # no speaker: not written
>>> res = map_article(a, Config())
>>> res.events_written, res.events_skipped
(1, 1)
>>> sorted({q.subject.value.rsplit("/", 2)[-2] + "/" + q.subject.value.rsplit("/", 1)[-1]
...         for q in res.quads if "/actor/" in q.subject.value})
['actor/Q423', 'country/rusia']
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from kg import __version__
from kg.config import Config
from kg.doc import ACTOR_TYPES, EVENT_KINDS, MODALITIES, QUALIFIERS, Article, Event, Mention
from kg.errors import RDFError
from kg.rdf.iris import ACTOR_NODE_TYPES, Iris, fallback_key, shorten
from kg.rdf.literals import (
    date_literal,
    decimal_literal,
    lang_tag,
    published_literal,
    url_iri,
)
from kg.rdf.namespaces import OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD
from kg.rdf.ontology import ontology_quads, ontology_path, shapes_path  # re-exported
from kg.rdf.vocab import KG

__all__ = [
    "MappingResult",
    "map_article",
    "article_to_quads",
    "article_to_rdflib",
    "quads_to_dataset",
    "ontology_quads",
    "ontology_path",
    "shapes_path",
]

log = logging.getLogger("kg.rdf.mapping")

_QID = re.compile(r"^Q[1-9][0-9]*$")
_PLACE_OK = ("Place", "Country")  # what may fill kg:destination


@dataclass
class MappingResult:
    """The quads of one article's graph and what was left out, in plain words."""

    quads: list[Quad]
    graph: NamedNode
    events_written: int = 0
    events_skipped: int = 0
    skipped: list[str] = field(default_factory=list)


def map_article(
    article: Article, config: Config, provenance: dict[str, Any] | None = None
) -> MappingResult:
    """Map one Article to the quads of its named graph (see the module docstring)."""
    return _Mapper(article, config, provenance).run()


def article_to_quads(
    article: Article, config: Config, provenance: dict[str, Any] | None = None
) -> list[Quad]:
    """The quads of ``article``'s named graph; ``provenance`` overrides ``article.provenance``.

    Skipped events are logged (``kg.rdf.mapping``); use ``map_article`` to get them as a list.
    """
    return map_article(article, config, provenance).quads


def quads_to_dataset(quads: Iterable[Quad]):
    """An ``rdflib.Dataset`` holding ``quads`` (named graphs kept), for pyshacl and tests.

    Plain strings become rdflib literals without a datatype, as rdflib's own parsers make them.
    """
    import rdflib

    ds = rdflib.Dataset()
    for q in quads:
        t = (_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object))
        g = q.graph_name
        if isinstance(g, (NamedNode, BlankNode)):
            ds.add((*t, _rdflib_term(g)))
        else:
            ds.add(t)
    return ds


def _rdflib_term(t):
    import rdflib

    if isinstance(t, NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, BlankNode):
        return rdflib.BNode(t.value)
    if isinstance(t, Literal):
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        if t.datatype == XSD.string:
            return rdflib.Literal(t.value)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
    raise RDFError(f"cannot convert RDF term {t!r} for rdflib (RDF-star triples are not supported)")


def article_to_rdflib(
    article: Article, config: Config, provenance: dict[str, Any] | None = None
):
    """``article_to_quads`` as an ``rdflib.Dataset``."""
    return quads_to_dataset(article_to_quads(article, config, provenance))


def _pref_label(m: Mention) -> Literal | None:
    """The actor's display name: the linker's canonical English name (the alias index's
    ``canonical_en``, or Wikidata's English label for an online link), tagged ``en``.

    It comes from the link, never from the article's surface form, so every article graph that
    mentions the actor writes the same ``skos:prefLabel`` and the store holds one per language.
    An actor without a canonical name gets none; queries fall back to one of its rdfs:labels.
    """
    label = m.link.label if m.link else None
    if not label or not str(label).strip():
        return None
    return Literal(" ".join(str(label).split()), language="en")


class _Mapper:
    def __init__(self, article: Article, config: Config, provenance: dict[str, Any] | None):
        self.a = article
        self.cfg = config
        self.iris = Iris(config.base_iri)
        self.aid = article.id
        self.g = self.iris.graph(self.aid)
        self.art = self.iris.article(self.aid)
        self.lang = lang_tag(article.lang)
        self.prov = {**(article.provenance or {}), **(provenance or {})}
        self._seen: dict[Quad, None] = {}
        self._described: set[int] = set()
        self.skipped: list[str] = []

    # -- helpers -------------------------------------------------------------------------------
    def add(self, s: NamedNode | BlankNode, p: NamedNode, o: NamedNode | Literal | BlankNode) -> None:
        self._seen.setdefault(Quad(s, p, o, self.g), None)

    def text(self, value: str | None) -> Literal | None:
        if value is None or not str(value).strip():
            return None
        return Literal(str(value), language=self.lang)

    def skip(self, what: str) -> None:
        self.skipped.append(what)
        log.info("%s: %s", self.a.source, what)

    def node(self, m: Mention) -> tuple[NamedNode, str] | None:
        """The shared node of a mention (described on first use), with its type; None if unusable."""
        type_ = m.actor_type
        if type_ not in ACTOR_TYPES:
            if id(m) not in self._described:
                self._described.add(id(m))
                self.skip(f"mention {m.text!r} at {m.start}: unknown type {type_!r}")
            return None
        key = m.link.key if (m.link and m.link.key) else fallback_key(type_, m.text)
        node = self.iris.node(type_, key)
        if id(m) not in self._described:
            self._described.add(id(m))
            self.add(node, RDF.type, KG.__dict__[type_])
            label = self.text(m.text)
            if label is not None:
                self.add(node, RDFS.label, label)
            pref = _pref_label(m)
            if pref is not None:
                self.add(node, SKOS.prefLabel, pref)
            if type_ in ACTOR_NODE_TYPES:
                self.add(node, KG.mentionedIn, self.art)
            qid = m.link.qid if m.link else None
            if qid:
                if _QID.match(qid):
                    self.add(node, OWL.sameAs, WD[qid])
                else:
                    self.skip(f"mention {m.text!r}: {qid!r} is not a Wikidata id, owl:sameAs left out")
        return node, type_

    def role(self, ev_name: str, role: str, m: Mention | None, allowed: tuple[str, ...]):
        """The node for a role filler if it is of an allowed type, else None (and say why)."""
        if m is None:
            return None
        got = self.node(m)
        if got is None:
            return None
        node, type_ = got
        if type_ not in allowed:
            self.skip(f"{ev_name}: kg:{role} {m.text!r} is a {type_}, not one of {'/'.join(allowed)}; dropped")
            return None
        return node

    # -- the article ---------------------------------------------------------------------------
    def run(self) -> MappingResult:
        for m in self.a.mentions:
            self.node(m)
        self.article()
        self.provenance()
        written = 0
        events = sorted(self.a.events, key=lambda e: (e.start, e.end, e.kind))
        for n, ev in enumerate(events):
            written += self.event(ev, n)
        return MappingResult(
            list(self._seen), self.g, written, len(events) - written, self.skipped
        )

    def article(self) -> None:
        a, art = self.a, self.art
        self.add(art, RDF.type, KG.Article)
        try:
            url = url_iri(a.url or a.source)
        except (ValueError, OSError):
            url = url_iri("urn:sha256:" + a.sha256)
            self.skip(f"article url {a.url!r} is not a valid IRI; schema:url set to urn:sha256:")
        self.add(art, SCHEMA.url, url)
        self.add(art, KG.sha256, Literal(a.sha256, datatype=XSD.string))
        # The cleaned text itself: every kg:startChar/kg:endChar offset points into it.
        body = self.text(a.text)
        if body is not None:
            self.add(art, SCHEMA.articleBody, body)
        title = self.text(a.title)
        if title is not None:
            self.add(art, SCHEMA.headline, title)
        if a.lang:
            self.add(art, SCHEMA.inLanguage, Literal(a.lang))
        if a.published:
            pub = published_literal(a.published)
            if pub is None:
                self.skip(f"article published {a.published!r} is not an ISO date; left out")
            else:
                self.add(art, SCHEMA.datePublished, pub)
        if a.publisher and a.publisher.strip():
            self.add(art, SCHEMA.publisher, Literal(a.publisher.strip()))

    def provenance(self) -> None:
        """PROV of the build: the graph was generated by an activity with versions and config hash."""
        act = self.iris.activity(self.aid)
        self.add(self.g, RDF.type, PROV.Entity)
        self.add(self.g, PROV.wasGeneratedBy, act)
        self.add(self.g, PROV.wasDerivedFrom, self.art)
        self.add(act, RDF.type, PROV.Activity)
        self.add(act, PROV.used, self.art)
        p = self.prov
        software = p.get("software") or p.get("software_version") or f"warta {__version__}"
        model = p.get("model") or p.get("model_version")
        config_hash = p.get("config_hash") or self.cfg.hash
        self.add(act, KG.softwareVersion, Literal(str(software)))
        if model:
            self.add(act, KG.modelVersion, Literal(str(model)))
        self.add(act, KG.configHash, Literal(str(config_hash)))

    # -- events --------------------------------------------------------------------------------
    def event(self, ev: Event, n: int) -> int:
        name = f"event {ev.kind} #{n} at {ev.start}-{ev.end}"
        if ev.kind not in EVENT_KINDS:
            self.skip(f"{name}: unknown kind {ev.kind!r}; not written")
            return 0
        if not (0 <= ev.start <= ev.end):
            self.skip(f"{name}: bad evidence offsets; not written")
            return 0
        e = self.iris.event(self.aid, ev.kind, n)
        short = shorten(e.value, self.iris.base)
        actors = ACTOR_NODE_TYPES
        if ev.kind == "Statement":
            speaker = self.role(short, "speaker", ev.speaker, actors)
            if speaker is None:
                self.skip(f"{name}: Statement has no speaker that is an actor; not written")
                return 0
            props = [(KG.speaker, speaker)]
            props.append((KG.text, self.text(ev.text)))
            if ev.is_quote is not None:
                props.append((KG.isQuote, Literal(bool(ev.is_quote))))
            props.append((KG.about, self.role(short, "about", ev.about, actors)))
        elif ev.kind == "Deployment":
            agent = self.role(short, "deployingActor", ev.agent, actors)
            if agent is None:
                self.skip(f"{name}: Deployment has no deploying actor; not written")
                return 0
            props = [(KG.deployingActor, agent)]
            props.append((KG.troopCount, self.count(short, ev.troop_count)))
            if ev.qualifier is not None:
                if ev.qualifier in QUALIFIERS:
                    props.append((KG.countQualifier, KG.__dict__[ev.qualifier]))
                else:
                    self.skip(f"{short}: count qualifier {ev.qualifier!r} unknown; left out")
            props.append((KG.destination, self.role(short, "destination", ev.destination, _PLACE_OK)))
            props.append((KG.inSupportOf, self.role(short, "inSupportOf", ev.in_support_of, actors)))
            props.append((KG.unit, self.text(ev.unit)))
        else:
            parties: list[NamedNode] = []
            for p in ev.parties:
                node = self.role(short, "party", p, actors)
                if node is not None and node not in parties:
                    parties.append(node)
            if len(parties) < 2:
                self.skip(f"{name}: Agreement has {len(parties)} distinct party(ies), needs 2; not written")
                return 0
            props = [(KG.party, p) for p in parties]
            props.append((KG.agreementName, self.text(ev.name)))
        self.common(short, ev, props)
        self.add(e, RDF.type, KG.__dict__[ev.kind])
        for p, o in props:
            if o is not None:
                self.add(e, p, o)
        return 1

    def count(self, short: str, value: Any) -> Literal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.skip(f"{short}: troop count {value!r} is not a whole number >= 0; left out")
            return None
        return Literal(str(value), datatype=XSD.integer)

    def common(self, short: str, ev: Event, props: list) -> None:
        if ev.date:
            d = date_literal(ev.date)
            if d is None:
                self.skip(f"{short}: date {ev.date!r} is not YYYY-MM-DD, YYYY-MM or YYYY; left out")
            props.append((KG.date, d))
        modality = ev.modality or "Asserted"
        if modality not in MODALITIES:
            fixed = next((m for m in MODALITIES if m.lower() == str(modality).lower()), None)
            if fixed is None:
                self.skip(f"{short}: modality {modality!r} unknown; left out")
            modality = fixed
        if modality:
            props.append((KG.modality, KG.__dict__[modality]))
        props.append((KG.claimedBy, self.role(short, "claimedBy", ev.claimant, ACTOR_NODE_TYPES)))
        evidence = ev.evidence if ev.evidence else self.a.text[ev.start : ev.end]
        props.append((KG.evidence, Literal(evidence, language=self.lang)))
        props.append((KG.startChar, Literal(str(int(ev.start)), datatype=XSD.integer)))
        props.append((KG.endChar, Literal(str(int(ev.end)), datatype=XSD.integer)))
        if ev.confidence is not None:  # a rule-made event has no model score to report
            props.append((KG.confidence, decimal_literal(ev.confidence)))
        if ev.extractor:
            props.append((KG.extractedBy, Literal(ev.extractor)))
        props.append((PROV.wasDerivedFrom, self.art))
