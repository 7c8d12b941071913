"""The rewritten competency queries against the ones they replaced (tests/queries/before/).

The rewrite changed how display names are chosen (the English skos:prefLabel first) and how the
queries are evaluated (each event joined with its actors inside its article's graph), never which
rows come back: every column but the display names is the same, row for row, and a display name
is the actor's English prefLabel when it has one. Without one (an unlinked actor) the name is the
smallest name used by the row's own article (English first), where the old query took the
smallest over every article: the same unless articles named the actor differently ("Hendra" in
one, "Hendra Wibisana" in another); then it must still be one of the actor's rdfs:labels.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.rdf.iris import shorten

from .results import SEPARATOR, run

BEFORE = Path(__file__).resolve().parent / "before"

# display-name column -> the column holding the node it names
LABELS: dict[str, dict[str, str]] = {
    "01-troop-claims": {"agentLabel": "agent", "destinationLabel": "destination", "claimantLabel": "claimant"},
    "02-who-said-what": {"speakerLabel": "speaker", "aboutLabel": "about"},
    "03-agreements": {"claimantLabel": "claimant", "parties": ""},
    "04-denials": {"actorLabel": "actor", "claimantLabel": "claimant"},
    "05-conflicting-claims": {"agentLabel": "agent", "destinationLabel": "destination",
                              "source1Label": "source1", "source2Label": "source2"},
    "06-actor-network": {"aLabel": "a", "bLabel": "b"},
    "07-linked-actors": {},
    "08-article-facts": {"valueLabel": "value"},
}


def pref_labels(store: ox.Store) -> dict[str, str]:
    """CURIE of each node -> its English skos:prefLabel."""
    q = """SELECT DISTINCT ?s ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l
           FILTER(LANGMATCHES(LANG(?l), "en")) }"""
    return {shorten(r["s"].value): r["l"].value for r in store.query(q, use_default_graph_as_union=True)}


def surface_forms(store: ox.Store) -> dict[str, set[str]]:
    """CURIE of each node -> every rdfs:label it has in any graph."""
    q = "SELECT DISTINCT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    out: dict[str, set[str]] = {}
    for r in store.query(q, use_default_graph_as_union=True):
        out.setdefault(shorten(r["s"].value), set()).add(r["l"].value)
    return out


def differences(store: ox.Store, name: str, new_text: str) -> list[str]:
    """What differs between the old and the rewritten query on ``store`` (empty: equivalent)."""
    old = run(store, (BEFORE / f"{name}.rq").read_text(encoding="utf-8"))
    new = run(store, new_text)
    if old["columns"] != new["columns"]:
        return [f"columns {old['columns']} != {new['columns']}"]
    cols = new["columns"]
    labels = LABELS[name]
    keep = [i for i, c in enumerate(cols) if c not in labels]
    key = lambda r: tuple("" if r[i] is None else r[i] for i in keep)  # noqa: E731
    problems = []
    if sorted(map(key, old["rows"])) != sorted(map(key, new["rows"])):
        problems.append(f"{name}: the rows differ beyond the display names "
                        f"({len(old['rows'])} before, {len(new['rows'])} now)")
        return problems
    pref = pref_labels(store)
    forms = surface_forms(store)
    olds = {}
    for r in old["rows"]:
        olds.setdefault(key(r), []).append(r)
    for r in new["rows"]:
        o = olds[key(r)].pop(0)
        for col, node_col in labels.items():
            i = cols.index(col)
            if not node_col:  # 03's parties: the same number of names, each a prefLabel or as before
                got, was = r[i].split(SEPARATOR), o[i].split(SEPARATOR)
                if len(got) != len(was):
                    problems.append(f"{name}: parties {got} vs {was}")
                continue
            node = r[cols.index(node_col)]
            if node in pref:
                if r[i] != pref[node]:
                    problems.append(f"{name}: {col} of {node} is {r[i]!r}, not its prefLabel {pref[node]!r}")
            elif r[i] != o[i] and r[i] not in forms.get(node, set()):
                problems.append(f"{name}: {col} of {node} is {r[i]!r}, neither {o[i]!r} nor one of its names")
    return problems
