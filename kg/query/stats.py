"""What a store holds, in numbers: ``kg stats``.

``store_stats`` runs a handful of SPARQL queries (on the embedded store or any endpoint, through
``run_query``) and returns plain dicts and lists, so the CLI can print tables or JSON:

- ``kinds``: articles, actors (nodes mentioned in an article), linked actors (``owl:sameAs`` a
  Wikidata entity), deployments, statements, agreements;
- ``languages``: articles per ``schema:inLanguage``;
- ``articles``: the top articles by number of events (URL, headline, language, events);
- ``actors``: the top actors by number of events they take part in (any role), then by articles.
  An actor is shown by its English ``skos:prefLabel``, else any ``skos:prefLabel``, else its
  alphabetically first ``rdfs:label``.
"""

from __future__ import annotations

from typing import Any, Optional

PREFIXES = """PREFIX kg: <https://w3id.org/warta/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

EVENT_KINDS = "VALUES ?kind { kg:Deployment kg:Statement kg:Agreement }"

KINDS = PREFIXES + """SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES ?kind { kg:Article kg:Deployment kg:Statement kg:Agreement }
  ?x a ?kind
} GROUP BY ?kind"""

ACTORS = PREFIXES + """SELECT (COUNT(DISTINCT ?a) AS ?actors) (COUNT(DISTINCT ?linked) AS ?linkedActors) WHERE {
  ?a kg:mentionedIn ?art .
  OPTIONAL { ?a owl:sameAs ?wd FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/")) BIND(?a AS ?linked) }
}"""

LANGUAGES = PREFIXES + """SELECT ?lang (COUNT(DISTINCT ?art) AS ?articles) WHERE {
  ?art a kg:Article .
  OPTIONAL { ?art schema:inLanguage ?l }
  BIND(COALESCE(STR(?l), "unknown") AS ?lang)
} GROUP BY ?lang ORDER BY DESC(?articles) ?lang"""

TOP_ARTICLES = PREFIXES + """SELECT ?art (SAMPLE(STR(?u)) AS ?url) (SAMPLE(STR(?h)) AS ?title) (SAMPLE(STR(?l)) AS ?lang)
       (COUNT(DISTINCT ?e) AS ?events) WHERE {
  ?art a kg:Article .
  OPTIONAL { ?art schema:url ?u }
  OPTIONAL { ?art schema:headline ?h }
  OPTIONAL { ?art schema:inLanguage ?l }
  OPTIONAL { ?e prov:wasDerivedFrom ?art ; a ?kind . %s }
} GROUP BY ?art ORDER BY DESC(?events) ?url LIMIT %%d""" % EVENT_KINDS

TOP_ACTORS = PREFIXES + """SELECT ?a ?label ?events ?articles WHERE {
  { SELECT ?a (COUNT(DISTINCT ?art) AS ?articles) WHERE { ?a kg:mentionedIn ?art } GROUP BY ?a }
  OPTIONAL { SELECT ?a (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e ?role ?a ; a ?kind . %s } GROUP BY ?a }
  OPTIONAL { SELECT ?a (MIN(STR(?p)) AS ?prefEn) WHERE { ?a skos:prefLabel ?p FILTER(LANGMATCHES(LANG(?p), "en")) } GROUP BY ?a }
  OPTIONAL { SELECT ?a (MIN(STR(?p)) AS ?prefAny) WHERE { ?a skos:prefLabel ?p } GROUP BY ?a }
  OPTIONAL { SELECT ?a (MIN(STR(?r)) AS ?rdfsLabel) WHERE { ?a rdfs:label ?r } GROUP BY ?a }
  BIND(COALESCE(?prefEn, ?prefAny, ?rdfsLabel, STR(?a)) AS ?label)
  BIND(COALESCE(?n, 0) AS ?events)
} ORDER BY DESC(?events) DESC(?articles) ?label LIMIT %%d""" % EVENT_KINDS


def store_stats(
    *, store_path: Optional[str] = None, endpoint: Optional[str] = None, top: int = 10, timeout: float = 60.0
) -> dict[str, Any]:
    """Counts by kind and language, the top ``top`` articles and actors (see the module doc)."""
    from kg.query.run import run_query

    def rows(sparql: str) -> list[dict[str, Any]]:
        r = run_query(sparql, store_path=store_path, endpoint=endpoint, timeout=timeout)
        return [{v: _py(t) for v, t in zip(r.variables, row)} for row in r.rows]

    kinds = {"articles": 0, "actors": 0, "linkedActors": 0, "deployments": 0, "statements": 0, "agreements": 0}
    for row in rows(KINDS):
        name = row["kind"].rsplit("#", 1)[1].lower() + "s"
        kinds[name] = row["n"]
    actors = rows(ACTORS)
    if actors:
        kinds["actors"] = actors[0]["actors"] or 0
        kinds["linkedActors"] = actors[0]["linkedActors"] or 0
    return {
        "source": endpoint or store_path,
        "kinds": kinds,
        "languages": {r["lang"]: r["articles"] for r in rows(LANGUAGES)},
        "articles": [
            {"url": r["url"], "title": r["title"], "lang": r["lang"], "events": r["events"]}
            for r in rows(TOP_ARTICLES % top)
        ],
        "actors": [
            {"iri": r["a"], "label": r["label"], "events": r["events"], "articles": r["articles"]}
            for r in rows(TOP_ACTORS % top)
        ],
    }


def _py(t) -> Any:
    """A term as a Python value: integers as int, everything else as its string value."""
    if t is None:
        return None
    value = t.value
    datatype = getattr(getattr(t, "datatype", None), "value", "")
    if datatype.endswith("#integer"):
        return int(value)
    return value
