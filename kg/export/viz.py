"""``kg viz``: one self-contained HTML page to explore the graph, no network needed to open it.

The page inlines the vendored Cytoscape.js (``static/cytoscape.min.js``, pinned and checked
against the sha256 in ``static/VENDORED.md``), the page's own script and style, and the graph data
as JSON in a ``<script type="application/json">`` block: ``explorer_data`` = the nodes and edges
of ``kg.export.graph`` plus what only the page shows (display names from ``skos:prefLabel``,
evidence offsets, the cleaned text of each article and the actors it mentions). Given an endpoint
(in the page URL as ``?endpoint=...`` or baked in by ``render_explorer``) the page runs the same
SPARQL against it in pages of ``PAGE_ROWS`` rows (article texts one article at a time, when that
article is opened) and falls back to the embedded data if that fails.

>>> html = render_explorer({"nodes": [], "edges": []}, None)
>>> html.startswith("<!DOCTYPE html>") and "cytoscape" in html
True
>>> embed_json({"q": "</script><!-- \\u2028"})
'{"q": "<\\\\/script>\\\\u003c!-- \\\\u2028"}'
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ExportError

STATIC = Path(__file__).resolve().parent / "static"
VENDORED_JS = "cytoscape.min.js"


def embed_json(obj: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</``, no ``<!--``, no raw U+2028/U+2029."""
    text = json.dumps(obj, ensure_ascii=False)
    return (text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def vendored_js() -> str:
    """The pinned Cytoscape.js, refused if it does not match the sha256 recorded in VENDORED.md."""
    path, notes = STATIC / VENDORED_JS, STATIC / "VENDORED.md"
    hint = "re-vendor it with scripts/vendor_js.sh"
    if not path.is_file() or not notes.is_file():
        raise ExportError(f"vendored JavaScript missing: {path}", hint=hint)
    blob = path.read_bytes()
    row = next((ln for ln in notes.read_text(encoding="utf-8").splitlines()
                if ln.startswith(f"| {VENDORED_JS} ")), "")
    expected = re.findall(r"`([0-9a-f]{64})`\s*\|\s*$", row)
    actual = hashlib.sha256(blob).hexdigest()
    if not expected or expected[0] != actual:
        raise ExportError(f"{path.name} does not match the sha256 in VENDORED.md", hint=hint)
    text = blob.decode("utf-8")
    if re.search(r"</script", text, re.IGNORECASE):
        raise ExportError(f"{path.name} contains '</script' and cannot be inlined", hint=hint)
    return text


PAGE_ROWS = 10000  # rows per SPARQL request when the page reads an endpoint
MAX_ROWS = 500000  # per query: past this the page shows what it has and says so

_SCHEMA = ("<http://schema.org/{0}> <https://schema.org/{0}>")
# What the explorer shows beyond kg.export.graph.QUERIES. Each works on a store with or without
# skos:prefLabel (no rows: the rdfs:label choice of kg.export.graph stands).
EXPLORER_QUERIES: dict[str, str] = {
    "prefLabels": """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?actor ?label ?lang WHERE {
  ?actor skos:prefLabel ?label . BIND(LANG(?label) AS ?lang)
}""",
    # three hash-joined sub-selects (each property read once for the store), not one pattern
    # evaluated by a lookup per event: the same rows, 4.8 -> 1.5 s CPU at 1 M quads (kg.export.graph)
    "spans": """PREFIX kg: <https://w3id.org/warta/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?event ?start ?end WHERE {
  { SELECT ?event ?start WHERE { ?event kg:startChar ?start } }
  { SELECT ?event ?end WHERE { ?event kg:endChar ?end } }
  { SELECT DISTINCT ?event WHERE { ?event prov:wasDerivedFrom ?article } }
}""",
    # one article's text: the page asks for it when the article is opened (VALUES bound there)
    "text": """PREFIX kg: <https://w3id.org/warta/ontology#>
SELECT ?article ?text ?lang WHERE {
  VALUES ?article { <ARTICLE> }
  ?article ?pb ?text . VALUES ?pb { %s }
  OPTIONAL { ?article ?pl ?lang . VALUES ?pl { %s } }
}""" % (_SCHEMA.format("articleBody"), _SCHEMA.format("inLanguage")),
}
TEXTS_QUERY = EXPLORER_QUERIES["text"].replace("  VALUES ?article { <ARTICLE> }\n", "")


def explorer_rows(source) -> dict[str, list[dict[str, str]]]:
    """Every row the page needs from ``source``: ``kg.export.graph.QUERIES`` + the page's own."""
    from kg.export.graph import fetch_rows

    rows = fetch_rows(source)
    rows["prefLabels"] = source.select(EXPLORER_QUERIES["prefLabels"])
    rows["spans"] = source.select(EXPLORER_QUERIES["spans"])
    rows["texts"] = source.select(TEXTS_QUERY)
    return rows


def explorer_data(source) -> dict[str, Any]:
    """The data the page embeds (mirrored by ``rowsToData`` in explorer.js)."""
    return explorer_rows_to_data(explorer_rows(source))


def explorer_rows_to_data(rows: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    """``kg.export.graph.rows_to_data`` plus display names, offsets and articles.

    Actors whose store has ``skos:prefLabel`` show it (English first) as ``label`` and list them
    in ``prefLabels``; event labels and claimants are then named with it too. Events gain
    ``start``/``end`` (code-point offsets into their article's text). ``articles`` maps each
    article IRI to its ``text`` and ``lang`` (when the rows carry them) and ``actors`` it mentions.
    """
    from collections import defaultdict

    from kg.export.graph import event_label, pick_label, rows_to_data

    data = rows_to_data(rows)
    nodes = {n["id"]: n for n in data["nodes"]}
    prefs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in rows.get("prefLabels", []):
        prefs[r["actor"]].add((r["label"], r.get("lang", "")))
    for iri, pairs in prefs.items():
        node = nodes.get(iri)
        if node is not None and node["category"] == "actor":
            node["prefLabels"] = [list(p) for p in sorted(pairs)]
            node["label"] = pick_label(pairs, iri)
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in data["edges"]:
        out[e["source"]].append((e["role"], nodes[e["target"]]["label"]))
    for node in data["nodes"]:
        if node["category"] == "event":
            claimants = [lab for role, lab in out[node["id"]] if role == "claimedBy"]
            if claimants:
                node["claimant"] = claimants[0]
            node["label"] = event_label(node, out[node["id"]])
    spans: dict[str, tuple[int, int]] = {}
    for r in rows.get("spans", []):
        try:
            span = (int(r["start"]), int(r["end"]))
        except ValueError:
            continue
        if r["event"] not in spans or span < spans[r["event"]]:
            spans[r["event"]] = span
    for iri, (start, end) in spans.items():
        if iri in nodes:
            nodes[iri]["start"], nodes[iri]["end"] = start, end
    articles: dict[str, dict[str, Any]] = {}
    for node in data["nodes"]:
        if node["category"] == "event":
            articles.setdefault(node["article"], {"actors": []})
    for r in rows.get("mentions", []):
        articles.setdefault(r["article"], {"actors": []})["actors"].append(r["actor"])
    for r in sorted(rows.get("texts", []), key=lambda r: (r["article"], r["text"], r.get("lang", ""))):
        a = articles.setdefault(r["article"], {"actors": []})
        if "text" not in a:
            a["text"] = r["text"]
            if r.get("lang"):
                a["lang"] = r["lang"]
    for a in articles.values():
        a["actors"] = sorted(set(a["actors"]))
    data["articles"] = dict(sorted(articles.items()))
    return data


def _config(endpoint: str | None, same_origin: bool = False) -> dict[str, Any]:
    from kg.export.formats import COLOURS
    from kg.export.graph import ACTOR_KINDS, EVENT_KINDS, QUALIFIER_SIGNS, QUERIES, ROLES, WD

    return {
        "endpoint": endpoint,
        "sameOrigin": same_origin,  # served by `kg serve`: ?endpoint= is ignored
        "queries": {**QUERIES, "prefLabels": EXPLORER_QUERIES["prefLabels"],
                    "spans": EXPLORER_QUERIES["spans"]},
        "textQuery": EXPLORER_QUERIES["text"],
        "pageRows": PAGE_ROWS,
        "maxRows": MAX_ROWS,
        "roles": list(ROLES),
        "actorKinds": list(ACTOR_KINDS),
        "eventKinds": list(EVENT_KINDS),
        "qualifierSigns": QUALIFIER_SIGNS,
        "colours": COLOURS,
        "wd": WD,
    }


def render_explorer(graph_data: dict | None, endpoint: str | None, *,
                    title: str = "Warta explorer", page_rows: int = PAGE_ROWS,
                    same_origin: bool = False) -> str:
    """The explorer page as one HTML string.

    ``graph_data`` is ``explorer_data(...)`` (or ``kg.export.graph.load_data(...)``) output (or None: the page
    then needs an endpoint); ``endpoint`` is a SPARQL query URL the page loads live data from (``/query``:
    the origin that served the page). ``same_origin``: the page ignores ``?endpoint=`` in its URL
    (``kg serve`` pins it to its own endpoint).
    """
    if graph_data is None and not endpoint:
        raise ExportError("the explorer needs graph data or an endpoint")
    template = (STATIC / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "TITLE": _html_escape(title),
        "CSS": (STATIC / "explorer.css").read_text(encoding="utf-8"),
        "CYTOSCAPE": vendored_js(),
        "APP": (STATIC / "explorer.js").read_text(encoding="utf-8"),
        "CONFIG": embed_json({**_config(endpoint, same_origin), "pageRows": page_rows}),
        "DATA": embed_json(graph_data),
    }
    # One pass: substituted text is never scanned again, so data cannot inject a placeholder.
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], template)


def _html_escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


@dataclass
class VizReport:
    out: str
    nodes: int
    edges: int
    bytes: int


def build_explorer(source, out: str | Path, *, endpoint: str | None = None) -> VizReport:
    """Read ``source`` (a ``kg.export.source.Source``) and write the explorer page to ``out``."""
    data = explorer_data(source)
    html = render_explorer(data, endpoint)
    out = Path(out)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as e:
        raise ExportError(f"cannot write {out}: {e.strerror}", hint="check the --out path") from e
    return VizReport(out=str(out), nodes=len(data["nodes"]), edges=len(data["edges"]),
                     bytes=len(html.encode("utf-8")))
