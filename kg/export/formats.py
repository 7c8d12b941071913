"""Exporters, registered as ``kg.exporter.<format>.v1`` and built as ``Cls(config=cfg)``.

Two families with one method each, ``export(data, out)``; ``out`` is a path or a binary stream:

- graph exporters (``takes = "graph"``): ``data`` is the ``networkx.MultiDiGraph`` from
  ``kg.export.graph`` -- GraphML, GEXF (Gephi), Cytoscape.js JSON, Graphviz DOT;
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


class GEXFExporter(Exporter):
    name, suffix, media_type = "gexf", ".gexf", "application/gexf+xml"

    def export(self, data: nx.MultiDiGraph, out: Out) -> None:
        g = xml_safe(data)
        for _, attrs in g.nodes(data=True):
            r, gr, b = (int(COLOURS.get(attrs.get("kind", ""), "#bbbbbb")[i : i + 2], 16)
                        for i in (1, 3, 5))
            attrs["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}}
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
    r"""A DOT double-quoted string: backslashes doubled, quotes escaped, line breaks as ``\n``.

    >>> print(dot_quote('a "b" \\ c\nd'))
    "a \"b\" \\ c\nd"
    """
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
