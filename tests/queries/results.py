"""Turn SPARQL solutions into plain, comparable rows for the golden files."""

from __future__ import annotations

from typing import Any

import pyoxigraph

from kg.rdf.iris import shorten

SEPARATOR = " | "  # what the queries use in GROUP_CONCAT


def cell(term: Any) -> str | None:
    """IRIs as CURIEs (kgr:, kg:, wd: ...), literals by their lexical value, unbound as None.

    Values joined with " | " by GROUP_CONCAT are sorted, since their order is not significant.
    """
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return shorten(term.value)
    if isinstance(term, pyoxigraph.Literal):
        v = term.value
        if SEPARATOR in v:
            v = SEPARATOR.join(sorted(v.split(SEPARATOR)))
        return v
    return str(term)


def run(store: pyoxigraph.Store, query: str, **substitutions: Any) -> dict[str, Any]:
    """Run ``query`` over the union graph; ``{"columns": [...], "rows": [[...], ...]}``."""
    subs = {pyoxigraph.Variable(k): v for k, v in substitutions.items()}
    sols = store.query(query, use_default_graph_as_union=True, substitutions=subs or None)
    columns = [v.value for v in sols.variables]
    rows = [[cell(s[c]) for c in columns] for s in sols]
    return {"columns": columns, "rows": rows}
