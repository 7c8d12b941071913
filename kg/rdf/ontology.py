"""Where the ontology and shapes live, and the ontology as quads in its own named graph.

The files are read from ``<repo>/ontology/`` (found relative to the ``kg`` package, which works
for the editable install), falling back to a copy shipped as package data in ``kg/rdf/data/``.

>>> ontology_path().name, shapes_path().name
('kg.ttl', 'shapes.ttl')
>>> qs = ontology_quads()
>>> {q.graph_name.value for q in qs}
{'https://w3id.org/warta/ontology'}
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyoxigraph import BlankNode, Quad, RdfFormat, parse

from kg.errors import RDFError
from kg.rdf.namespaces import ONTOLOGY_GRAPH

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PKG.parents[1] / "ontology" / name, _PKG / "data" / name):
        if candidate.is_file():
            return candidate
    raise RDFError(
        f"cannot find {name}",
        hint="run from a checkout with ontology/ beside kg/, or reinstall warta with its package data",
    )


def ontology_path() -> Path:
    """Path of ontology/kg.ttl."""
    return _find("kg.ttl")


def shapes_path() -> Path:
    """Path of ontology/shapes.ttl."""
    return _find("shapes.ttl")


@lru_cache(maxsize=1)
def _ontology_quads() -> tuple[Quad, ...]:
    path = ontology_path()
    try:
        quads = list(parse(path=str(path), format=RdfFormat.TURTLE))
    except SyntaxError as e:
        raise RDFError(f"ontology does not parse: {e}", source=str(path)) from e

    # The parser mints random blank node ids; renumber them in order of appearance so the
    # quads are identical on every run and loading the ontology twice adds nothing new.
    names: dict[str, BlankNode] = {}

    def fix(t):
        if isinstance(t, BlankNode):
            return names.setdefault(t.value, BlankNode(f"kgonto{len(names)}"))
        return t

    return tuple(Quad(fix(q.subject), q.predicate, fix(q.object), ONTOLOGY_GRAPH) for q in quads)


def ontology_quads() -> list[Quad]:
    """ontology/kg.ttl as quads in the graph ``<https://w3id.org/warta/ontology>``."""
    return list(_ontology_quads())


@lru_cache(maxsize=2)
def rdflib_graph(which: str):
    """ontology/kg.ttl (``"ontology"``) or ontology/shapes.ttl (``"shapes"``) as an rdflib Graph."""
    import rdflib

    path = ontology_path() if which == "ontology" else shapes_path()
    return rdflib.Graph().parse(path, format="turtle")
