"""The store as a picture: SPARQL over the store -> a ``networkx.MultiDiGraph``.

This is the ONE place that reads the store for graph exports and the explorer page. The explorer
runs the very same queries (``QUERIES``, embedded in the page) against a live endpoint and turns
the rows into the same nodes and edges in JavaScript, so both views agree.

Nodes are keyed by IRI. Every node has ``category`` ("actor" or "event"), ``kind`` (the class:
Person, Organization, Country, Place, Deployment, Statement, Agreement) and ``label`` (for an
actor its English ``skos:prefLabel``, else an English surface form, else the first). Actors add
``labels`` (every surface form, ``"Korea Utara@id | North Korea@en"``), ``wikidata`` ("Q423")
and ``articles`` (how many articles mention them). Events add ``date``, ``modality``,
``troopCount``, ``countQualifier``, ``unit``, ``text``, ``isQuote``, ``agreementName``,
``evidence``, ``confidence``, ``claimant``, and their article's ``article`` IRI, ``url``,
``headline``, ``published`` and ``publisher``. Absent values are left out (GraphML and GEXF
have no null). Edges go from the event to the actor (or event) playing a role; the edge key and
its ``role``/``label`` attributes are the ontology property name (``deployingActor``, ``speaker``,
``destination``, ``inSupportOf``, ``party``, ``claimedBy``, ``about``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.export.source import Row, Source

KG = "https://w3id.org/warta/ontology#"
WD = "http://www.wikidata.org/entity/"
ROLES = ("deployingActor", "destination", "inSupportOf", "speaker", "about", "party", "claimedBy")
ACTOR_KINDS = ("Country", "Person", "Organization", "Place")  # most specific first
EVENT_KINDS = ("Deployment", "Statement", "Agreement")
QUALIFIER_SIGNS = {"Exact": "", "About": "~", "AtLeast": "≥", "UpTo": "≤", "MoreThan": ">"}

_PREFIXES = """PREFIX kg: <https://w3id.org/warta/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# schema.org is written as http:// or https:// by different tools: accept both.
#
# Speed at a million quads: a property an event may lack is read by an OPTIONAL sub-select
# (`OPTIONAL { SELECT ?event ?date WHERE { ... } }`), not an OPTIONAL pattern. The answers are
# the same (the sub-select shares only ?event, or ?g ?actor, with the rest), but Oxigraph then
# reads each property once for the whole store and joins by hashing, where an OPTIONAL pattern is
# evaluated once per event (an index lookup per event and property: ten per event here). On the
# 1,017,884-quad bench store: events 18.8 -> 5.7 s CPU, roles 4.4 -> 2.0, actors 4.3 -> 1.2,
# articles 1.05 -> 0.16 (README, scale section).
QUERIES: dict[str, str] = {
    "events": _PREFIXES
    + """SELECT DISTINCT ?event ?kind ?article ?date ?modality ?troopCount ?qualifier ?evidence
       ?text ?isQuote ?unit ?name ?confidence WHERE {
  VALUES ?cls { kg:Deployment kg:Statement kg:Agreement }
  ?event a ?cls ; prov:wasDerivedFrom ?article .
  BIND(STRAFTER(STR(?cls), "#") AS ?kind)
  OPTIONAL { SELECT ?event ?date WHERE { ?event kg:date ?date } }
  OPTIONAL { SELECT ?event ?modality WHERE { ?event kg:modality ?m . BIND(STRAFTER(STR(?m), "#") AS ?modality) } }
  OPTIONAL { SELECT ?event ?troopCount WHERE { ?event kg:troopCount ?troopCount } }
  OPTIONAL { SELECT ?event ?qualifier WHERE { ?event kg:countQualifier ?q . BIND(STRAFTER(STR(?q), "#") AS ?qualifier) } }
  OPTIONAL { SELECT ?event ?evidence WHERE { ?event kg:evidence ?evidence } }
  OPTIONAL { SELECT ?event ?text WHERE { ?event kg:text ?text } }
  OPTIONAL { SELECT ?event ?isQuote WHERE { ?event kg:isQuote ?isQuote } }
  OPTIONAL { SELECT ?event ?unit WHERE { ?event kg:unit ?unit } }
  OPTIONAL { SELECT ?event ?name WHERE { ?event kg:agreementName ?name } }
  OPTIONAL { SELECT ?event ?confidence WHERE { ?event kg:confidence ?confidence } }
}""",
    "roles": _PREFIXES
    + """SELECT DISTINCT ?event ?role ?target WHERE {
  VALUES ?p { kg:deployingActor kg:destination kg:inSupportOf kg:speaker kg:about kg:party
              kg:claimedBy }
  ?event ?p ?target .
  { SELECT DISTINCT ?event WHERE { ?event prov:wasDerivedFrom ?article } }
  BIND(STRAFTER(STR(?p), "#") AS ?role)
}""",
    # Inside each article graph (?g): an actor's type, names and link are joined within the
    # graph of one article, not across every article that mentions it (which multiplied them).
    "actors": _PREFIXES
    + """SELECT DISTINCT ?actor ?type ?label ?lang ?sameAs ?pref WHERE {
  VALUES ?cls { kg:Person kg:Organization kg:Country kg:Place }
  GRAPH ?g { ?actor a ?cls . }
  OPTIONAL { SELECT ?g ?actor ?label ?lang WHERE {
               GRAPH ?g { ?actor rdfs:label ?label } BIND(LANG(?label) AS ?lang) } }
  OPTIONAL { SELECT ?g ?actor ?sameAs WHERE { GRAPH ?g { ?actor owl:sameAs ?sameAs }
               FILTER(STRSTARTS(STR(?sameAs), "http://www.wikidata.org/entity/")) } }
  OPTIONAL { SELECT ?g ?actor ?pref WHERE { GRAPH ?g { ?actor skos:prefLabel ?pref }
               FILTER(LANGMATCHES(LANG(?pref), "en")) } }
  BIND(STRAFTER(STR(?cls), "#") AS ?type)
}""",
    "mentions": _PREFIXES
    + """SELECT DISTINCT ?actor ?article WHERE { ?actor kg:mentionedIn ?article }""",
    "articles": _PREFIXES
    + """SELECT DISTINCT ?article ?url ?headline ?published ?publisher WHERE {
  ?article a kg:Article .
  OPTIONAL { SELECT ?article ?url WHERE { ?article ?pu ?url .
             VALUES ?pu { <http://schema.org/url> <https://schema.org/url> } } }
  OPTIONAL { SELECT ?article ?headline WHERE { ?article ?ph ?headline .
             VALUES ?ph { <http://schema.org/headline> <https://schema.org/headline> } } }
  OPTIONAL { SELECT ?article ?published WHERE { ?article ?pd ?published .
             VALUES ?pd { <http://schema.org/datePublished> <https://schema.org/datePublished> } } }
  OPTIONAL { SELECT ?article ?publisher WHERE { ?article ?pp ?pub .
             VALUES ?pp { <http://schema.org/publisher> <https://schema.org/publisher> }
             OPTIONAL { ?pub ?pn ?pubName .
                        VALUES ?pn { <http://schema.org/name> <https://schema.org/name> rdfs:label } }
             BIND(COALESCE(?pubName, ?pub) AS ?publisher) } }
}""",
}


def fetch_rows(source: Source) -> dict[str, list[Row]]:
    """Run every query in ``QUERIES`` on ``source``."""
    return {name: source.select(q) for name, q in QUERIES.items()}


def load_data(source: Source) -> dict[str, list[dict[str, Any]]]:
    """The whole store as plain data (``nodes``, ``edges``): what the explorer page embeds."""
    return rows_to_data(fetch_rows(source))


def load_graph(source: Source) -> nx.MultiDiGraph:
    """The whole store as a graph of actors and events (filter it with ``kg.export.filters``)."""
    return data_to_graph(load_data(source))


def _first(rows: list[Row], key: str) -> dict[str, dict[str, str]]:
    """Group rows by ``row[key]``; per field keep the smallest value (deterministic merging)."""
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        merged = out.setdefault(r[key], {})
        for k, v in r.items():
            if k not in merged or v < merged[k]:
                merged[k] = v
    return out


def rows_to_data(rows: dict[str, list[Row]]) -> dict[str, list[dict[str, Any]]]:
    """Turn the rows of ``QUERIES`` into nodes and edges. Mirrored by ``rowsToData`` in explorer.js.

    Nodes come actors first, then events, each sorted by IRI; edges sorted by (event, role, target).
    Actors carry ``labels`` as a list of ``[value, lang]`` pairs.
    """
    articles = _first(rows["articles"], "article")
    kinds: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[tuple[str, str]]] = defaultdict(set)
    qids: dict[str, set[str]] = defaultdict(set)
    prefs: dict[str, set[str]] = defaultdict(set)
    for r in rows["actors"]:
        iri = r["actor"]
        kinds[iri].add(r["type"])
        if "pref" in r:
            prefs[iri].add(r["pref"])
        if "label" in r:
            labels[iri].add((r["label"], r.get("lang", "")))
        if "sameAs" in r:
            qids[iri].add(r["sameAs"][len(WD):])
    mentioned: dict[str, set[str]] = defaultdict(set)
    for r in rows["mentions"]:
        mentioned[r["actor"]].add(r["article"])

    nodes: dict[str, dict[str, Any]] = {}
    for iri in sorted(kinds):
        node: dict[str, Any] = {
            "id": iri,
            "category": "actor",
            "kind": next(k for k in ACTOR_KINDS if k in kinds[iri]),
            "label": min(prefs[iri]) if prefs[iri] else pick_label(labels[iri], iri),
            "labels": [list(p) for p in sorted(labels[iri])],
            "articles": len(mentioned[iri]),
        }
        if qids[iri]:
            node["wikidata"] = min(qids[iri])
        nodes[iri] = node

    events = _first(rows["events"], "event")
    for iri in sorted(events):
        r = events[iri]
        node = {"id": iri, "category": "event", "kind": r["kind"], "article": r["article"]}
        for src, dst in (("date", "date"), ("modality", "modality"), ("qualifier", "countQualifier"),
                         ("evidence", "evidence"), ("text", "text"), ("unit", "unit"),
                         ("name", "agreementName")):
            if src in r:
                node[dst] = r[src]
        if "troopCount" in r:
            node["troopCount"] = int(r["troopCount"])
        if "confidence" in r:
            node["confidence"] = float(r["confidence"])
        if "isQuote" in r:
            node["isQuote"] = r["isQuote"] in ("true", "1")
        for k in ("url", "headline", "published", "publisher"):
            if k in articles.get(r["article"], {}):
                node[k] = articles[r["article"]][k]
        nodes[iri] = node

    edges: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for r in sorted(rows["roles"], key=lambda r: (r["event"], ROLES.index(r["role"]), r["target"])):
        ev, role, target = r["event"], r["role"], r["target"]
        if ev not in nodes or (ev, role, target) in seen:
            continue
        seen.add((ev, role, target))
        if target not in nodes:  # a role filler with no type triple: show it rather than drop it
            nodes[target] = {"id": target, "category": "actor", "kind": "Actor",
                             "label": _tail(target), "labels": [], "articles": 0}
        edges.append({"source": ev, "target": target, "role": role})

    out_edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in edges:
        out_edges[e["source"]].append((e["role"], nodes[e["target"]]["label"]))
    for node in nodes.values():
        if node["category"] == "event":
            claimants = [lab for role, lab in out_edges[node["id"]] if role == "claimedBy"]
            if claimants:
                node["claimant"] = claimants[0]
            node["label"] = event_label(node, out_edges[node["id"]])
    return {"nodes": list(nodes.values()), "edges": edges}


def data_to_graph(data: dict[str, list[dict[str, Any]]]) -> nx.MultiDiGraph:
    """The ``networkx.MultiDiGraph`` of ``rows_to_data``'s output (labels joined into one string)."""
    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        attrs = {k: v for k, v in node.items() if k != "id"}
        if "labels" in attrs:
            attrs["labels"] = " | ".join(f"{v}@{lang}" if lang else v for v, lang in attrs["labels"])
        g.add_node(node["id"], **attrs)
    for e in data["edges"]:
        g.add_edge(e["source"], e["target"], key=e["role"], role=e["role"], label=e["role"])
    return g


def pick_label(labels: set[tuple[str, str]], iri: str) -> str:
    """The display label: an English one if any, else the first in sorted order, else the IRI tail.

    >>> pick_label({("Korea Utara", "id"), ("North Korea", "en")}, "x")
    'North Korea'
    >>> pick_label(set(), "https://w3id.org/warta/resource/actor/person/choe-son-hui")
    'choe-son-hui'
    """
    if not labels:
        return _tail(iri)
    ordered = sorted(labels)
    for value, lang in ordered:
        if lang.lower().startswith("en"):
            return value
    return ordered[0][0]


def event_label(node: dict[str, Any], roles: list[tuple[str, str]]) -> str:
    """A short label: ``North Korea → Kursk ~10,000``, ``Zelensky: “…”``, a treaty's name.

    >>> event_label({"kind": "Deployment", "troopCount": 10000, "countQualifier": "About"},
    ...             [("deployingActor", "North Korea"), ("destination", "Kursk")])
    'North Korea → Kursk ~10,000'
    """
    by_role: dict[str, list[str]] = defaultdict(list)
    for role, label in roles:
        by_role[role].append(label)
    kind = node["kind"]
    if kind == "Deployment":
        label = (by_role["deployingActor"] or ["?"])[0]
        if by_role["destination"]:
            label += " → " + by_role["destination"][0]
        if "troopCount" in node:
            sign = QUALIFIER_SIGNS.get(node.get("countQualifier", "Exact"), "")
            label += f" {sign}{node['troopCount']:,}"
    elif kind == "Statement":
        text = node.get("text", "")
        label = (by_role["speaker"] or ["?"])[0] + (f": “{_clip(text)}”" if text else "")
    else:
        label = node.get("agreementName") or "Agreement " + " – ".join(sorted(by_role["party"]))
    if node.get("modality") == "Denied":
        label += " (denied)"
    return label


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
