"""SHACL validation of Warta graphs (ontology/shapes.ttl), with violations in plain words.

pyshacl runs with the ontology as its ontology graph and no inference: the ontology only lets
subclasses count (a ``kg:Country`` is a ``kg:Place`` and a ``kg:Actor``). Named graphs are
validated together as their union (every article graph is self-contained, so this is the same
as checking each), and each violation says which graph(s) hold the offending node.

>>> from kg.config import Config
>>> from kg.doc import Article, Event, Mention
>>> from kg.rdf.mapping import article_to_quads
>>> a = Article.from_text("Rusia membantah laporan itu.", source="mem:2", lang="id")
>>> ru = Mention(0, 5, "Rusia", "Country")
>>> a.mentions = [ru]
>>> a.events = [Event("Statement", 0, 28, a.text, speaker=ru, modality="Denied")]
>>> quads = article_to_quads(a, Config())
>>> validate(quads)
[]
>>> [str(v) for v in validate([q for q in quads if not q.predicate.value.endswith("#speaker")])]
['Statement kgr:event/bcb549085298ac85-statement-0 has no kg:speaker (exactly one required) [in kgr:graph/bcb549085298ac85]']
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import RDFError, ValidationError
from kg.rdf.iris import shorten
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.rdf.ontology import rdflib_graph, shapes_path

__all__ = ["Violation", "validate", "load_rdf_file", "RDF_FORMATS_EXT"]

# File suffixes ``load_rdf_file`` reads (parsed by pyoxigraph, which reports line and column).
RDF_FORMATS_EXT = ("ttl", "trig", "nq", "nt", "jsonld", "rdf")

_SH = "http://www.w3.org/ns/shacl#"
_KG = "https://w3id.org/warta/ontology#"
# Most specific first: the class named in a message.
_CLASS_ORDER = (
    "Statement", "Deployment", "Agreement", "Article", "Person", "Organization", "Country",
    "Place", "Event", "Actor",
)


@dataclass(frozen=True)
class Violation:
    """One way a graph breaks the shapes. ``str(v)`` is the plain-words message."""

    focus: str  # IRI (or blank node id) of the offending node
    kind: str  # its most specific kg: class, e.g. "Statement", or "Node"
    path: str | None  # the property, as a CURIE (kg:speaker), if the shape is about one
    message: str  # the whole sentence, e.g. "Statement kgr:event/... has no kg:speaker (...)"
    value: str | None = None  # the offending value, when there is one
    graphs: tuple[str, ...] = ()  # named graphs where the focus node is described
    shape: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        return self.message


def load_rdf_file(path: str | os.PathLike):
    """Parse a .ttl/.trig/.nq/.nt/.jsonld/.rdf file into an rdflib Dataset; errors name file and line."""
    import pyoxigraph as ox

    from kg.rdf.mapping import quads_to_dataset

    p = Path(path)
    suffix = p.suffix.lower().lstrip(".")
    fmt = ox.RdfFormat.from_extension(suffix) if suffix in RDF_FORMATS_EXT else None
    if fmt is None:
        raise RDFError(
            f"unknown RDF file type {p.suffix!r}",
            hint="use one of " + ", ".join("." + e for e in RDF_FORMATS_EXT),
            source=str(p),
        )
    if not p.is_file():
        raise RDFError("no such file", source=str(p))
    try:
        quads = list(ox.parse(path=str(p), format=fmt))
    except SyntaxError as e:
        raise RDFError(f"cannot parse {fmt}: {e.msg}", source=f"{p}:{e.lineno or '?'}") from e
    except (OSError, ValueError) as e:
        raise RDFError(f"cannot read {fmt}: {e}", source=str(p)) from e
    return quads_to_dataset(quads)


def _to_dataset(data: Any):
    """Accept an rdflib Graph/Dataset, pyoxigraph quads/triples, a pyoxigraph Store, or a file."""
    import rdflib

    if isinstance(data, rdflib.Graph):
        return data
    if isinstance(data, (str, os.PathLike)):
        return load_rdf_file(data)
    import pyoxigraph as ox

    from kg.rdf.mapping import quads_to_dataset

    if isinstance(data, ox.Store):
        return quads_to_dataset(data.quads_for_pattern(None, None, None, None))
    items = list(data)
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) if isinstance(t, ox.Triple) else t
        for t in items
    ]
    return quads_to_dataset(quads)


def _union(ds) -> tuple[Any, dict[Any, set[str]]]:
    """Union of all graphs except the ontology graph, and subject -> names of graphs describing it."""
    import rdflib

    union = rdflib.Graph()
    where: dict[Any, set[str]] = {}
    if isinstance(ds, rdflib.Dataset):
        for s, p, o, c in ds.quads((None, None, None, None)):
            name = str(c.identifier if isinstance(c, rdflib.Graph) else c) if c is not None else ""
            if name == ONTOLOGY_GRAPH.value:
                continue
            union.add((s, p, o))
            if name and name != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID):
                where.setdefault(s, set()).add(name)
    else:
        for t in ds:
            union.add(t)
    return union, where


def validate(
    data: Any,
    shapes: Any = None,
    *,
    ontology: Any = None,
    base_iri: str | None = None,
) -> list[Violation]:
    """Validate ``data`` against the shapes; return the violations (empty: the data conforms).

    ``data``: an rdflib Graph or Dataset, pyoxigraph quads or triples, a pyoxigraph Store, or a
    path to an RDF file. ``shapes``/``ontology``: an rdflib Graph or a file path; default
    ontology/shapes.ttl and ontology/kg.ttl. ``base_iri`` shortens instance IRIs to ``kgr:``.
    """
    import rdflib
    from pyshacl import validate as shacl

    ds = _to_dataset(data)
    union, where = _union(ds)
    shapes_g = _graph(shapes, "shapes")
    ont_g = _graph(ontology, "ontology")
    try:
        conforms, results, _ = shacl(
            union,
            shacl_graph=shapes_g,
            ont_graph=ont_g,
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
        )
    except Exception as e:  # noqa: BLE001 - pyshacl raises many types; report which shapes failed
        raise ValidationError(f"SHACL validation could not run: {e}", source=str(shapes or shapes_path())) from e
    if conforms:
        return []
    out = [_violation(results, r, union, shapes_g, where, base_iri) for r in results.subjects(
        rdflib.RDF.type, rdflib.URIRef(_SH + "ValidationResult"))]
    return sorted(out, key=lambda v: (v.focus, v.path or "", v.message))


def _graph(value: Any, which: str):
    import rdflib

    if value is None:
        return rdflib_graph(which)
    if isinstance(value, rdflib.Graph):
        return value
    return load_rdf_file(value)


def _violation(results, r, data, shapes_g, where, base_iri) -> Violation:
    import rdflib

    SH = rdflib.Namespace(_SH)
    focus = results.value(r, SH.focusNode)
    path = results.value(r, SH.resultPath)
    value = results.value(r, SH.value)
    shape = results.value(r, SH.sourceShape)
    component = str(results.value(r, SH.sourceConstraintComponent) or "")
    severity = str(results.value(r, SH.resultSeverity) or "").rsplit("#", 1)[-1] or "Violation"
    text = str(results.value(r, SH.resultMessage) or "does not conform")

    def short(term) -> str:
        if isinstance(term, rdflib.URIRef):
            return shorten(str(term), base_iri)
        if isinstance(term, rdflib.Literal):
            lit = '"' + str(term).replace('"', '\\"') + '"'
            if term.language:
                return f"{lit}@{term.language}"
            return f"{lit}^^{shorten(str(term.datatype))}" if term.datatype else lit
        return term.n3()

    kinds = {str(t)[len(_KG):] for t in data.objects(focus, rdflib.RDF.type) if str(t).startswith(_KG)}
    kind = next((k for k in _CLASS_ORDER if k in kinds), "Node")
    path_s = short(path) if isinstance(path, rdflib.URIRef) else None
    if component.endswith(("MinCountConstraintComponent", "MaxCountConstraintComponent")) and path_s:
        text = _count_phrase(data, shapes_g, focus, path, shape, path_s)
    elif value is not None:
        text = f"{text} (got {short(value)})"
    message = f"{kind} {short(focus)} {text}"
    graphs = tuple(sorted(short(rdflib.URIRef(g)) for g in where.get(focus, ())))
    if graphs:
        message += f" [in {', '.join(graphs)}]"
    return Violation(
        focus=str(focus),
        kind=kind,
        path=path_s,
        message=message,
        value=str(value) if value is not None else None,
        graphs=graphs,
        shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
        severity=severity,
    )


def _count_phrase(data, shapes_g, focus, path, shape, path_s: str) -> str:
    """'has no kg:speaker (exactly one required)', 'has 3 kg:speaker (exactly one required)'."""
    import rdflib

    SH = rdflib.Namespace(_SH)
    lo = shapes_g.value(shape, SH.minCount) if shape is not None else None
    hi = shapes_g.value(shape, SH.maxCount) if shape is not None else None
    lo_i = int(lo) if lo is not None else None
    hi_i = int(hi) if hi is not None else None
    words = {1: "one", 2: "two", 3: "three"}
    if lo_i is not None and lo_i == hi_i:
        need = f"exactly {words.get(lo_i, lo_i)} required"
    elif lo_i is not None and hi_i is not None:
        need = f"{lo_i} to {hi_i} required"
    elif lo_i is not None:
        need = f"at least {words.get(lo_i, lo_i)} required"
    else:
        need = f"at most {words.get(hi_i, hi_i)} allowed"
    found = len(set(data.objects(focus, path)))
    return f"has {'no' if found == 0 else found} {path_s} ({need})"
