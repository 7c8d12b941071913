"""Synthetic article graphs for store tests (the real mapping is tested by tests/rdf)."""

from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad

KG = "https://w3id.org/warta/ontology#"
KGR = "https://w3id.org/warta/resource/"
SCHEMA_URL = NamedNode("http://schema.org/url")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def article(i: int, version: int = 1, n_events: int = 20) -> tuple[str, str, str, list[Quad]]:
    """(graph iri, sha256, url, quads) of synthetic article ``i`` in text ``version``.

    Each event contributes 6 quads, plus 3 for the article and 2 for a shared actor, so a graph
    holds ``5 + 6 * n_events`` quads. Actor ``kgr:actor/Q{i % 5}`` is shared across articles.
    """
    text = f"article {i} version {version}"
    sha = hashlib.sha256(text.encode()).hexdigest()
    aid = sha[:16]
    g = NamedNode(KGR + "graph/" + aid)
    a = NamedNode(KGR + "article/" + aid)
    url = f"file:///news/{i}.txt"
    actor = NamedNode(f"{KGR}actor/Q{i % 5}")
    quads = [
        Quad(a, RDF_TYPE, NamedNode(KG + "Article"), g),
        Quad(a, NamedNode(KG + "sha256"), Literal(sha), g),
        Quad(a, SCHEMA_URL, NamedNode(url), g),
        Quad(actor, LABEL, Literal(f"Aktor {i % 5}", language="id"), g),
        Quad(actor, NamedNode(KG + "mentionedIn"), a, g),
    ]
    for n in range(n_events):
        e = NamedNode(f"{KGR}event/{aid}-deployment-{n}")
        quads += [
            Quad(e, RDF_TYPE, NamedNode(KG + "Deployment"), g),
            Quad(e, NamedNode(KG + "deployingActor"), actor, g),
            Quad(e, NamedNode(KG + "troopCount"), Literal(str(1000 + n + version), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g),
            Quad(e, NamedNode(KG + "evidence"), Literal(f"Sentence {n} of {text}: \"pasukan\"\ttab\nline", language="id"), g),
            Quad(e, NamedNode(KG + "startChar"), Literal(str(n * 10), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g),
            Quad(e, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), a, g),
        ]
    return g.value, sha, url, quads
