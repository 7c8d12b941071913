"""Fixtures for the export tests: a real pyoxigraph store filled from the hand-built articles.

The store is mapped with ``kg.rdf.mapping.article_to_quads`` when that module exists; until then
with ``_fallback_quads`` below, a small mapper that follows the RDF identity rules of the brief.
Point ``KG_TEST_EXPORT_STORE`` at another store directory (e.g. one built from the seed
articles) to run the store-agnostic checks against it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Config
from kg.doc import Article, Event, Link, Mention, Sentence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures_articles import fixture_articles  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_helpers import IMG, SCRIPT  # noqa: E402

KG = "https://w3id.org/warta/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def xss_article() -> Article:
    """An article whose actor label and quote are HTML that would run if injected unescaped."""
    s0 = f'Juru bicara {IMG} berkata "{SCRIPT}" kepada wartawan.'
    s1 = f"Korea Utara mengirim 500 tentara ke Kursk menurut {IMG}."
    text = s0 + " " + s1
    o1 = len(s0) + 1
    spk = Mention(start=12, end=12 + len(IMG), text=IMG, type="Person", sentence=0,
                  link=Link(key="person/img-src-x", type="Person"))
    nk = Mention(start=o1, end=o1 + 11, text="Korea Utara", type="Country", sentence=1,
                 link=Link(key="Q423", type="Country", qid="Q423"))
    kur = o1 + s1.index("Kursk")
    kursk = Mention(start=kur, end=kur + 5, text="Kursk", type="Place", sentence=1,
                    link=Link(key="Q3178", type="Place", qid="Q3178"))
    cl = o1 + s1.index(IMG)
    claim = Mention(start=cl, end=cl + len(IMG), text=IMG, type="Person", sentence=1,
                    link=Link(key="person/img-src-x", type="Person"))
    events = [
        Event(kind="Statement", start=0, end=len(s0), evidence=s0, sentence=0, speaker=spk,
              text=SCRIPT, is_quote=True, date="2024-12-01", extractor="fixture"),
        Event(kind="Deployment", start=o1, end=len(text), evidence=s1, sentence=1, agent=nk,
              troop_count=500, qualifier="Exact", destination=kursk, claimant=claim,
              date="2024-12-02", extractor="fixture"),
    ]
    return Article(text=text, source="mem:xss", url="javascript:window.__pwned=1",
                   lang="id", title=f"Judul {SCRIPT}", published="2024-12-03",
                   sentences=[Sentence(0, 0, len(s0), s0), Sentence(1, o1, len(text), s1)],
                   mentions=[spk, nk, kursk, claim], events=events)


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _fallback_quads(article: Article, cfg: Config) -> list[ox.Quad]:
    """A minimal mapper following the identity rules (used until kg.rdf.mapping lands)."""
    base = cfg.base_iri
    g = ox.NamedNode(f"{base}graph/{article.id}")
    art = ox.NamedNode(f"{base}article/{article.id}")
    lang = article.lang
    out: list[ox.Quad] = []

    def add(s, p, o):
        out.append(ox.Quad(s, ox.NamedNode(p), o, g))

    def lit(v, dt=None, lg=None):
        if lg:
            return ox.Literal(v, language=lg)
        return ox.Literal(str(v), datatype=ox.NamedNode(XSD + dt)) if dt else ox.Literal(v)

    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    add(art, rdf_type, ox.NamedNode(KG + "Article"))
    add(art, "http://schema.org/url", ox.NamedNode(article.url))
    add(art, KG + "sha256", lit(article.sha256))
    if article.title:
        add(art, "http://schema.org/headline", lit(article.title, lg=lang))
    if article.published:
        add(art, "http://schema.org/datePublished", lit(article.published, "date"))
    if article.publisher:
        add(art, "http://schema.org/publisher", lit(article.publisher))

    def node(m: Mention) -> ox.NamedNode:
        key = m.key or f"{m.actor_type.lower()}/{_slug(m.text)}"
        kind = "place" if m.actor_type == "Place" else "actor"
        return ox.NamedNode(f"{base}{kind}/{key}")

    for m in article.mentions:
        n = node(m)
        add(n, rdf_type, ox.NamedNode(KG + m.actor_type))
        add(n, "http://www.w3.org/2000/01/rdf-schema#label", lit(m.text, lg=lang))
        if m.actor_type != "Place":
            add(n, KG + "mentionedIn", art)
        if m.link and m.link.qid:
            add(n, "http://www.w3.org/2002/07/owl#sameAs",
                ox.NamedNode("http://www.wikidata.org/entity/" + m.link.qid))
    for i, e in enumerate(sorted(article.events, key=lambda e: (e.start, e.end, e.kind))):
        ev = ox.NamedNode(f"{base}event/{article.id}-{e.kind.lower()}-{i}")
        add(ev, rdf_type, ox.NamedNode(KG + e.kind))
        add(ev, "http://www.w3.org/ns/prov#wasDerivedFrom", art)
        add(ev, KG + "evidence", lit(e.evidence, lg=lang))
        add(ev, KG + "startChar", lit(e.start, "integer"))
        add(ev, KG + "endChar", lit(e.end, "integer"))
        add(ev, KG + "confidence", lit(round(e.confidence, 4), "decimal"))
        add(ev, KG + "modality", ox.NamedNode(KG + e.modality))
        if e.date:
            dt = {10: "date", 7: "gYearMonth", 4: "gYear"}[len(e.date)]
            add(ev, KG + "date", lit(e.date, dt))
        for role, m in e.roles():
            add(ev, KG + role, node(m))
        if e.troop_count is not None:
            add(ev, KG + "troopCount", lit(e.troop_count, "integer"))
        if e.qualifier:
            add(ev, KG + "countQualifier", ox.NamedNode(KG + e.qualifier))
        if e.unit:
            add(ev, KG + "unit", lit(e.unit, lg=lang))
        if e.text:
            add(ev, KG + "text", lit(e.text, lg=lang))
        if e.is_quote is not None:
            add(ev, KG + "isQuote", lit("true" if e.is_quote else "false", "boolean"))
        if e.name:
            add(ev, KG + "agreementName", lit(e.name, lg=lang))
    return out


def article_quads(article: Article, cfg: Config) -> list[ox.Quad]:
    try:
        from kg.rdf.mapping import article_to_quads
    except ImportError:
        return _fallback_quads(article, cfg)
    return list(article_to_quads(article, cfg))


def fill_store(path: Path, articles: list[Article], cfg: Config) -> Path:
    store = ox.Store(str(path))
    for a in articles:
        store.extend(article_quads(a, cfg))
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def export_cfg() -> Config:
    return Config()


@pytest.fixture(scope="session")
def fixture_store_dir(tmp_path_factory, export_cfg) -> Path:
    """A store on disk holding the three hand-built articles."""
    return fill_store(tmp_path_factory.mktemp("export") / "store", fixture_articles(), export_cfg)


@pytest.fixture(scope="session")
def store_dir(fixture_store_dir) -> Path:
    """The store the store-agnostic checks run on (override: KG_TEST_EXPORT_STORE=DIR)."""
    other = os.environ.get("KG_TEST_EXPORT_STORE")
    return Path(other) if other else fixture_store_dir


@pytest.fixture(scope="session")
def xss_store_dir(tmp_path_factory, export_cfg) -> Path:
    """The hand-built articles plus one whose label and quote are live HTML."""
    return fill_store(tmp_path_factory.mktemp("export-xss") / "store",
                      fixture_articles() + [xss_article()], export_cfg)


@pytest.fixture(scope="session")
def artifacts_dir(repo_root) -> Path:
    d = repo_root / "artifacts"
    d.mkdir(exist_ok=True)
    return d
