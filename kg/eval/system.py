"""Read the SYSTEM's facts per article: from a built store (SPARQL) or from doc.py objects.

The store reader uses only the public names of ONTOLOGY.md, so it scores any store built under
the Warta ontology, whoever wrote it. Labels are read from the article's own named graph when it
has one (so a label seen in another article does not count here), everything else from the
union of all graphs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from kg.doc import Article, Mention
from kg.errors import EvalError
from kg.eval.facts import (
    SysActor,
    SysAgreement,
    SysDeployment,
    SysStatement,
    SystemArticle,
    gold_term,
    qid_of,
)

KG = "https://w3id.org/warta/ontology#"
PREFIXES = f"""
PREFIX kg: <{KG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX schemahttp: <http://schema.org/>
"""
ACTOR_CLASSES = ("Person", "Organization", "Country")
_TYPE_ORDER = ("Person", "Organization", "Country", "Place")

_Q_ARTICLES = PREFIXES + """
SELECT ?article ?url ?sha ?g WHERE {
  ?article a kg:Article ; (schema:url|schemahttp:url) ?url .
  OPTIONAL { ?article kg:sha256 ?sha }
  OPTIONAL { GRAPH ?g { ?article a kg:Article } }
}"""

_Q_ACTORS = PREFIXES + """
SELECT DISTINCT ?n WHERE {
  ?n kg:mentionedIn %ARTICLE% ; a ?t .
  FILTER(?t IN (kg:Person, kg:Organization, kg:Country))
}"""

_Q_NODES = PREFIXES + """
SELECT DISTINCT ?n ?p ?o WHERE {
  { ?n kg:mentionedIn %ARTICLE% }
  UNION
  { ?ev prov:wasDerivedFrom %ARTICLE% ; ?role ?n .
    FILTER(?role IN (kg:deployingActor, kg:destination, kg:claimedBy, kg:speaker, kg:party,
                     kg:inSupportOf)) }
  { ?n a ?o . BIND(rdf:type AS ?p) }
  UNION { ?n owl:sameAs ?o . BIND(owl:sameAs AS ?p) }
  UNION { %LABELS% BIND(rdfs:label AS ?p) }
}"""

_Q_DEPLOYMENTS = PREFIXES + """
SELECT ?ev ?agent ?troops ?qual ?dest ?claim ?mod ?evid WHERE {
  ?ev a kg:Deployment ; prov:wasDerivedFrom %ARTICLE% ; kg:deployingActor ?agent .
  OPTIONAL { ?ev kg:troopCount ?troops }
  OPTIONAL { ?ev kg:countQualifier ?qual }
  OPTIONAL { ?ev kg:destination ?dest }
  OPTIONAL { ?ev kg:claimedBy ?claim }
  OPTIONAL { ?ev kg:modality ?mod }
  OPTIONAL { ?ev kg:evidence ?evid }
} ORDER BY ?ev"""

_Q_STATEMENTS = PREFIXES + """
SELECT ?ev ?speaker ?quote ?evid WHERE {
  ?ev a kg:Statement ; prov:wasDerivedFrom %ARTICLE% ; kg:speaker ?speaker .
  OPTIONAL { ?ev kg:isQuote ?quote }
  OPTIONAL { ?ev kg:evidence ?evid }
} ORDER BY ?ev"""

_Q_AGREEMENTS = PREFIXES + """
SELECT ?ev ?party ?evid WHERE {
  ?ev a kg:Agreement ; prov:wasDerivedFrom %ARTICLE% ; kg:party ?party .
  OPTIONAL { ?ev kg:evidence ?evid }
} ORDER BY ?ev ?party"""


# ---------------------------------------------------------------------------------------------
# From a store


def open_store(path: str | Path):
    """Open a pyoxigraph store directory read-only, with a plain message when that fails."""
    import pyoxigraph

    p = Path(path)
    if not p.is_dir():
        raise EvalError(
            "store not found", source=str(p),
            hint="build one with `kg build FOLDER --store DIR`, or drop --no-build to build it",
        )
    try:
        return pyoxigraph.Store.read_only(str(p))
    except OSError as e:
        raise EvalError(
            f"cannot open the store: {e}", source=str(p),
            hint="is it a Warta store directory? is another process holding it?",
        ) from e


def read_store(store: Any) -> list[SystemArticle]:
    """Every article in ``store`` (a directory path or an open ``pyoxigraph.Store``) with its facts.

    Articles are returned sorted by ``schema:url``.
    """
    if isinstance(store, (str, Path)):
        store = open_store(store)
    out = []
    seen: set[str] = set()
    for row in _select(store, _Q_ARTICLES, {}):
        art = row["article"]
        if art.value in seen:
            continue
        seen.add(art.value)
        out.append(_read_article(store, art, row["url"].value, row.get("sha"), row.get("g")))
    return sorted(out, key=lambda a: a.url)


def _read_article(store, article, url: str, sha, graph) -> SystemArticle:
    import pyoxigraph as ox

    subs = {"article": article}
    labels = f"GRAPH {graph} {{ ?n rdfs:label ?o }}" if graph is not None else "?n rdfs:label ?o"
    info: dict[str, dict[str, set[str]]] = {}
    for row in _select(store, _Q_NODES.replace("%LABELS%", labels), subs):
        slot = info.setdefault(row["n"].value, {"types": set(), "labels": set(), "same": set()})
        pred, obj = row["p"].value, row["o"]
        if pred.endswith("#type"):
            slot["types"].add(obj.value.rsplit("#", 1)[-1] if obj.value.startswith(KG) else "")
        elif pred.endswith("#sameAs"):
            slot["same"].add(obj.value)
        elif isinstance(obj, ox.Literal):
            slot["labels"].add(obj.value)

    def node(term) -> SysActor:
        slot = info.get(term.value, {"types": set(), "labels": set(), "same": set()})
        qids = sorted(q for q in (qid_of(s) for s in slot["same"]) if q)
        typ = next((t for t in _TYPE_ORDER if t in slot["types"]), "")
        return SysActor(term.value, typ, frozenset(slot["labels"]), qids[0] if qids else None)

    actors = [node(r["n"]) for r in _select(store, _Q_ACTORS, subs)]
    sa = SystemArticle(url=url, id=_article_id(article.value, sha), actors=sorted(actors, key=_akey))

    done: set[str] = set()
    for r in _select(store, _Q_DEPLOYMENTS, subs):
        if r["ev"].value in done:
            continue
        done.add(r["ev"].value)
        sa.deployments.append(SysDeployment(
            id=r["ev"].value, agent=node(r["agent"]),
            troops=_int(r.get("troops")), qualifier=gold_term(_val(r.get("qual"))),
            destination=node(r["dest"]) if r.get("dest") is not None else None,
            claimed_by=node(r["claim"]) if r.get("claim") is not None else None,
            modality=gold_term(_val(r.get("mod"))), evidence=_val(r.get("evid")) or "",
        ))
    for r in _select(store, _Q_STATEMENTS, subs):
        if r["ev"].value in done:
            continue
        done.add(r["ev"].value)
        q = _val(r.get("quote"))
        sa.statements.append(SysStatement(
            id=r["ev"].value, speaker=node(r["speaker"]),
            quote=None if q is None else q.lower() in ("true", "1"),
            evidence=_val(r.get("evid")) or "",
        ))
    parties: dict[str, list[SysActor]] = {}
    evid: dict[str, str] = {}
    for r in _select(store, _Q_AGREEMENTS, subs):
        lst = parties.setdefault(r["ev"].value, [])
        p = node(r["party"])
        if p.key not in {x.key for x in lst}:
            lst.append(p)
        evid.setdefault(r["ev"].value, _val(r.get("evid")) or "")
    for ev, ps in parties.items():
        sa.agreements.append(SysAgreement(id=ev, parties=tuple(ps), evidence=evid[ev]))
    return sa


def _select(store, query: str, subs: dict[str, Any]) -> list[dict[str, Any]]:
    """Run a SELECT over the union graph; ``%NAME%`` placeholders take the N-Triples form of
    the IRI in ``subs["name"]`` (IRIs read back from the store, so always well-formed)."""
    for name, term in subs.items():
        query = query.replace(f"%{name.upper()}%", str(term))
    try:
        res = store.query(query, use_default_graph_as_union=True)
        names = [v.value for v in res.variables]
        return [{n: sol[n] for n in names if sol[n] is not None} for sol in res]
    except (SyntaxError, OSError) as e:  # a bug here, or an unreadable store
        raise EvalError(f"reading the store failed: {e}") from e


def _val(term) -> Optional[str]:
    return None if term is None else term.value


def _int(term) -> Optional[int]:
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        return None


def _article_id(iri: str, sha) -> str:
    if sha is not None:
        return sha.value[:16]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _akey(a: SysActor) -> str:
    return a.key


# ---------------------------------------------------------------------------------------------
# From doc.py objects (no store): the same structure, for fast in-process iteration


def facts_from_articles(articles: Iterable[Article]) -> list[SystemArticle]:
    """The facts the RDF mapping would write for these articles, without a store.

    Events missing their required role (a Statement without speaker, a Deployment without
    agent, an Agreement with fewer than two distinct parties) are left out, as the mapping
    does. Actor identity is ``Link.key`` (a fallback slug when a mention has no link).
    """
    return [_facts(a) for a in articles]


def _node_id(m: Mention) -> str:
    kind = "place" if m.actor_type == "Place" else "actor"
    key = m.link.key if m.link else _fallback_key(m.actor_type, m.text)
    return f"{kind}/{key}"


def _facts(article: Article) -> SystemArticle:
    labels: dict[str, set[str]] = {}
    first: dict[str, Mention] = {}
    roles = [m for e in article.events for _, m in e.roles()]
    for m in list(article.mentions) + roles:
        nid = _node_id(m)
        labels.setdefault(nid, set()).add(m.text)
        first.setdefault(nid, m)

    def node(m: Mention) -> SysActor:
        nid = _node_id(m)
        src = first[nid]
        qid = src.link.qid if src.link else None
        return SysActor(nid, src.actor_type, frozenset(labels[nid]), qid)

    actors = {
        _node_id(m): node(m) for m in article.mentions if m.actor_type in ACTOR_CLASSES
    }
    sa = SystemArticle(
        url=article.url, id=article.id, actors=sorted(actors.values(), key=_akey)
    )
    events = sorted(article.events, key=lambda e: (e.start, e.end, e.kind))
    for n, e in enumerate(events):
        eid = f"{article.id}-{e.kind.lower()}-{n}"
        if e.kind == "Deployment" and e.agent is not None:
            sa.deployments.append(SysDeployment(
                id=eid, agent=node(e.agent), troops=e.troop_count,
                qualifier=gold_term(e.qualifier),
                destination=node(e.destination) if e.destination else None,
                claimed_by=node(e.claimant) if e.claimant else None,
                modality=gold_term(e.modality), evidence=e.evidence,
            ))
        elif e.kind == "Statement" and e.speaker is not None:
            sa.statements.append(
                SysStatement(id=eid, speaker=node(e.speaker), quote=e.is_quote, evidence=e.evidence)
            )
        elif e.kind == "Agreement":
            ps: dict[str, SysActor] = {}
            for p in e.parties:
                ps.setdefault(_node_id(p), node(p))
            if len(ps) >= 2:
                sa.agreements.append(SysAgreement(id=eid, parties=tuple(ps.values()), evidence=e.evidence))
    return sa


def _fallback_key(type_: str, text: str) -> str:
    """The key the RDF mapping gives a mention no linker has seen (``person/choe-son-hui``)."""
    from kg.rdf.iris import fallback_key

    return fallback_key(type_, text)
