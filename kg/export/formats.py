"""Exporters, registered as ``kg.exporter.<format>.v1`` and built as ``Cls(config=cfg)``.

Two families with one method each, ``export(data, out)``; ``out`` is a path or a binary stream:

- graph exporters (``takes = "graph"``): ``data`` is the ``networkx.MultiDiGraph`` from
  ``kg.export.graph`` -- GraphML, GEXF (Gephi, dated for its timeline), Cytoscape.js JSON,
  Graphviz DOT, and a flat events CSV (one row per event, in the spirit of GDELT);
- RDF exporters (``takes = "quads"``): ``data`` is an iterable of ``pyoxigraph.Quad`` --
  Turtle and JSON-LD (triples: named graphs merged), TriG and N-Quads (named graphs kept).

>>> import io, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label='say "hi"', kind="Person", category="actor")
>>> buf = io.BytesIO(); DotExporter().export(g, buf)
>>> print(buf.getvalue().decode().splitlines()[3])
  "a" [label="say \\"hi\\"", shape=ellipse, fillcolor="#8e6fbf", kind="Person", category="actor"];
"""

from __future__ import annotations

import io
import json
import os
import re
from contextlib import contextmanager
from typing import IO, Any, ClassVar, Iterable, Iterator, Union

import networkx as nx
import pyoxigraph as ox

from kg.config import Config
from kg.errors import ExportError

Out = Union[str, "os.PathLike[str]", IO[bytes]]

COLOURS = {
    "Country": "#d95f02", "Person": "#8e6fbf", "Organization": "#1b9e77", "Place": "#7f7f7f",
    "Actor": "#bbbbbb", "Deployment": "#e7298a", "Statement": "#3b7dd8", "Agreement": "#66a61e",
}


@contextmanager
def _binary(out: Out) -> Iterator[IO[bytes]]:
    if isinstance(out, (str, os.PathLike)):
        try:
            with open(out, "wb") as fh:
                yield fh
        except OSError as e:
            raise ExportError(f"cannot write {out}: {e.strerror}", hint="check the --out path") from e
    else:
        yield out


class Exporter:
    """Base class: ``name`` is the --format value, ``suffix`` the usual file extension."""

    name: ClassVar[str] = ""
    suffix: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/octet-stream"
    takes: ClassVar[str] = "graph"  # "graph" (networkx) or "quads" (pyoxigraph)

    def __init__(self, *, config: Config | None = None):
        self.config = config or Config()

    def export(self, data: Any, out: Out) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


# characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose node ids and string attributes hold only characters XML can carry
    (article text may hold control characters that ingest accepts)."""

    def clean(v: Any) -> Any:
        return _NOT_XML.sub("", v) if isinstance(v, str) else v

    h = nx.MultiDiGraph(**{k: clean(v) for k, v in g.graph.items()})
    for n, attrs in g.nodes(data=True):
        h.add_node(clean(n), **{k: clean(v) for k, v in attrs.items()})
    for u, v, k, attrs in g.edges(keys=True, data=True):
        h.add_edge(clean(u), clean(v), key=clean(k), **{a: clean(x) for a, x in attrs.items()})
    return h


def _write_whole(out: Out, write) -> None:
    """Serialise to memory first, so a failure never leaves a truncated file behind."""
    buf = io.BytesIO()
    write(buf)
    with _binary(out) as fh:
        fh.write(buf.getvalue())


class GraphMLExporter(Exporter):
    name, suffix, media_type = "graphml", ".graphml", "application/graphml+xml"

    def export(self, data: nx.MultiDiGraph, out: Out) -> None:
        g = xml_safe(data)
        _write_whole(out, lambda fh: nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True))


def day(date: Any) -> str | None:
    """A ``kg:date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as the first day it covers.

    >>> day("2024"), day("2024-11"), day("2024-11-05"), day("soon")
    ('2024-01-01', '2024-11-01', '2024-11-05', None)
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(date or "")[:10])
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


class GEXFExporter(Exporter):
    """GEXF 1.2 for Gephi. Dated events carry ``start`` (their ``kg:date``'s first day), and so
    do their role edges; an actor starts with its earliest dated event. The graph is then
    ``mode="dynamic" timeformat="date"``, so Gephi's timeline plays the story; undated nodes
    have no start and stay visible throughout."""

    name, suffix, media_type = "gexf", ".gexf", "application/gexf+xml"

    def export(self, data: nx.MultiDiGraph, out: Out) -> None:
        g = xml_safe(data)
        for _, attrs in g.nodes(data=True):
            r, gr, b = (int(COLOURS.get(attrs.get("kind", ""), "#bbbbbb")[i : i + 2], 16)
                        for i in (1, 3, 5))
            attrs["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}}
        first: dict[Any, str] = {}
        for n, attrs in g.nodes(data=True):
            start = day(attrs.get("date")) if attrs.get("category") == "event" else None
            if start is None:
                continue
            attrs["start"] = start
            for _, target, edge in g.out_edges(n, data=True):
                edge["start"] = start
                if target not in first or start < first[target]:
                    first[target] = start
        for n, start in first.items():
            if g.nodes[n].get("category") != "event":
                g.nodes[n]["start"] = start
        _write_whole(out, lambda fh: nx.write_gexf(g, fh, encoding="utf-8", prettyprint=True))


class CytoscapeExporter(Exporter):
    """Cytoscape.js / Cytoscape desktop JSON (``elements``), ``name`` set to the node's label."""

    name, suffix, media_type = "cytoscape", ".cyjs", "application/json"

    def export(self, data: nx.MultiDiGraph, out: Out) -> None:
        doc = nx.cytoscape_data(data)
        for n in doc["elements"]["nodes"]:
            n["data"]["name"] = n["data"].get("label", n["data"]["id"])
        for i, e in enumerate(doc["elements"]["edges"]):
            e["data"]["id"] = f"e{i}"
        with _binary(out) as fh:
            fh.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))


class EventsCSVExporter(Exporter):
    """One row per event, for spreadsheets (in the spirit of GDELT's event table).

    ``agent`` is who deploys, speaks or signs first; ``counterpart`` is the destination of a
    deployment, what a statement is about, or the other parties of an agreement; several values
    in one cell are joined with ``"; "``. Text cells that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``) get a leading ``'``. Rows are sorted by date, then
    event IRI; undated events come last.
    """

    name, suffix, media_type = "events-csv", ".csv", "text/csv"
    COLUMNS = ("date", "kind", "agent", "agent_wikidata", "counterpart", "counterpart_wikidata",
               "count", "qualifier", "unit", "modality", "claimant", "in_support_of", "agreement",
               "text", "url", "headline", "published", "evidence", "event")
    AGENT = {"Deployment": "deployingActor", "Statement": "speaker", "Agreement": "party"}
    COUNTERPART = {"Deployment": "destination", "Statement": "about", "Agreement": "party"}

    def export(self, data: nx.MultiDiGraph, out: Out) -> None:
        import csv

        rows = []
        for n, a in data.nodes(data=True):
            if a.get("category") != "event":
                continue
            by_role: dict[str, list[str]] = {}
            for _, target, role in sorted(data.out_edges(n, keys=True), key=lambda e: (e[2], str(e[1]))):
                by_role.setdefault(role, []).append(target)
            agents = by_role.get(self.AGENT.get(a["kind"], ""), [])
            counterparts = by_role.get(self.COUNTERPART.get(a["kind"], ""), [])
            if a["kind"] == "Agreement":
                agents, counterparts = agents[:1], agents[1:]

            def labels(nodes: list[str]) -> str:
                return "; ".join(str(data.nodes[t].get("label", t)) for t in nodes)

            def qids(nodes: list[str]) -> str:
                return "; ".join(str(data.nodes[t]["wikidata"]) for t in nodes if data.nodes[t].get("wikidata"))

            rows.append({
                "date": a.get("date", ""), "kind": a["kind"],
                "agent": labels(agents), "agent_wikidata": qids(agents),
                "counterpart": labels(counterparts), "counterpart_wikidata": qids(counterparts),
                "count": a.get("troopCount", ""), "qualifier": a.get("countQualifier", ""),
                "unit": a.get("unit", ""), "modality": a.get("modality", ""),
                "claimant": labels(by_role.get("claimedBy", [])),
                "in_support_of": labels(by_role.get("inSupportOf", [])),
                "agreement": a.get("agreementName", ""), "text": a.get("text", ""),
                "url": a.get("url", ""), "headline": a.get("headline", ""), "published": a.get("published", ""),
                "evidence": a.get("evidence", ""), "event": n,
            })
        rows.sort(key=lambda r: (r["date"] == "", r["date"], r["event"]))
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=self.COLUMNS, lineterminator="\r\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: spreadsheet_safe(v) for k, v in r.items()})
        _write_whole(out, lambda fh: fh.write(buf.getvalue().encode("utf-8")))


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet shows rather than runs: a leading ``=``, ``+``, ``-`` or ``@``
    gets a ``'`` in front (numbers are left alone).

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe(-5), spreadsheet_safe("Kursk")
    ("'=HYPERLINK(1)", -5, 'Kursk')
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


class DotExporter(Exporter):
    """Graphviz DOT, written by hand: every ID and value is a quoted, escaped string."""

    name, suffix, media_type = "dot", ".dot", "text/vnd.graphviz"
    ATTRS = ("kind", "category", "wikidata", "date", "troopCount", "countQualifier", "modality",
             "url")

    def export(self, data: nx.MultiDiGraph, out: Out) -> None:
        buf = io.StringIO()
        buf.write("digraph warta {\n  graph [overlap=false, splines=true];\n")
        buf.write('  node [style=filled, fontname="Helvetica"];\n')
        for n, a in data.nodes(data=True):
            shape = "box" if a.get("category") == "event" else "ellipse"
            parts = [f"label={dot_quote(str(a.get('label', n)))}", f"shape={shape}",
                     f"fillcolor={dot_quote(COLOURS.get(a.get('kind', ''), '#bbbbbb'))}"]
            parts += [f"{k}={dot_quote(str(a[k]))}" for k in self.ATTRS if k in a]
            buf.write(f"  {dot_quote(str(n))} [{', '.join(parts)}];\n")
        for s, t, k in data.edges(keys=True):
            buf.write(f"  {dot_quote(str(s))} -> {dot_quote(str(t))} "
                      f"[label={dot_quote(str(k))}, role={dot_quote(str(k))}];\n")
        buf.write("}\n")
        with _binary(out) as fh:
            fh.write(buf.getvalue().encode("utf-8"))


def dot_quote(s: str) -> str:
    r"""A DOT double-quoted string: backslashes doubled, quotes escaped, line breaks as ``\n``,
    other control characters dropped (as in the XML formats: Graphviz would copy them into the
    SVG it draws, which XML cannot carry).

    >>> print(dot_quote('a "b" \\ c\nd'))
    "a \"b\" \\ c\nd"
    >>> print(dot_quote("Korea\x0bUtara \x1b[31m"))
    "KoreaUtara [31m"
    """
    s = _NOT_XML.sub("", s)
    s = s.replace("\\", "\\\\").replace('"', '\\"')
    s = s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f'"{s}"'


class _RDFExporter(Exporter):
    takes = "quads"
    format: ClassVar[ox.RdfFormat]
    keeps_graphs: ClassVar[bool] = True

    def prefixes(self) -> dict[str, str]:
        return {
            "kg": "https://w3id.org/warta/ontology#",
            "kgr": self.config.base_iri,
            "wd": "http://www.wikidata.org/entity/",
            "schema": "http://schema.org/",
            "prov": "http://www.w3.org/ns/prov#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "owl": "http://www.w3.org/2002/07/owl#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        }

    def export(self, data: Iterable[ox.Quad], out: Out) -> None:
        items: Iterable[Any] = data
        if not self.keeps_graphs:  # merge named graphs: each distinct triple once
            seen: dict[ox.Triple, None] = {}
            for q in data:
                seen.setdefault(ox.Triple(q.subject, q.predicate, q.object), None)
            items = list(seen)
        prefixes = self.prefixes() if self.format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        with _binary(out) as fh:
            ox.serialize(items, fh, self.format, prefixes=prefixes)


class TurtleExporter(_RDFExporter):
    name, suffix, media_type = "ttl", ".ttl", "text/turtle"
    format, keeps_graphs = ox.RdfFormat.TURTLE, False


class JSONLDExporter(_RDFExporter):
    name, suffix, media_type = "jsonld", ".jsonld", "application/ld+json"
    format, keeps_graphs = ox.RdfFormat.JSON_LD, False


class TriGExporter(_RDFExporter):
    name, suffix, media_type = "trig", ".trig", "application/trig"
    format = ox.RdfFormat.TRIG


class NQuadsExporter(_RDFExporter):
    name, suffix, media_type = "nq", ".nq", "application/n-quads"
    format = ox.RdfFormat.N_QUADS
