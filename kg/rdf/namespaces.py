"""Standard namespaces as open term factories for pyoxigraph, and the prefixes Warta prints.

>>> SCHEMA.url.value
'http://schema.org/url'
>>> PREFIXES["kg"]
'https://w3id.org/warta/ontology#'
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.rdf.vocab import NAMESPACE as KG_NAMESPACE


class Namespace(str):
    """An IRI prefix; ``NS.term`` and ``NS["term"]`` give a ``NamedNode``."""

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(str(self) + name)

    def __getitem__(self, name: str) -> NamedNode:  # type: ignore[override]
        return NamedNode(str(self) + name)


RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

ONTOLOGY_GRAPH = NamedNode("https://w3id.org/warta/ontology")
"""The named graph that holds ontology/kg.ttl in the store."""

PREFIXES: dict[str, str] = {
    "kg": KG_NAMESPACE,
    "kgr": "https://w3id.org/warta/resource/",  # the default base_iri; see Config.base_iri
    "wd": str(WD),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "sem": str(SEM),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
"""Prefixes for serialisation and for shortening IRIs in messages."""
