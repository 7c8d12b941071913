"""Every export format, read back with an independent reader and checked against the store."""

from __future__ import annotations

import io
import json
import re

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.config import Config
from kg.errors import ExportError
from kg.export import ExportFilter, export, format_names
from kg.export.formats import DotExporter
from kg.export.source import StoreSource

from export_helpers import ACTORS, EVENTS, ROLES, count

R = "https://w3id.org/warta/resource/"
PFX = "PREFIX kg: <https://w3id.org/warta/ontology#>\n"
COUNTS = PFX + "SELECT ?e ?n WHERE { ?e kg:troopCount ?n }"


@pytest.fixture(scope="module")
def source(store_dir):
    return StoreSource.open(store_dir)


def test_all_registered_formats_are_offered():
    assert set(format_names()) >= {"graphml", "gexf", "cytoscape", "dot", "ttl", "trig", "nq", "jsonld"}


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_open_in_networkx_with_store_counts(source, tmp_path, fmt, reader):
    out = tmp_path / f"g.{fmt}"
    report = export(fmt, out, source=source)
    g = reader(out)
    assert g.number_of_nodes() == report.nodes == count(source, EVENTS) + count(source, ACTORS)
    assert g.number_of_edges() == report.edges == count(source, ROLES)
    expected = {r["e"]: int(r["n"]) for r in source.select(COUNTS)}
    got = {n: int(a["troopCount"]) for n, a in g.nodes(data=True) if "troopCount" in a}
    assert got == expected
    kinds = {a["kind"] for _, a in g.nodes(data=True)}
    assert kinds <= {"Person", "Organization", "Country", "Place", "Actor", "Deployment",
                     "Statement", "Agreement"}
    roles = {d.get("role", d.get("label")) for _, _, d in g.edges(data=True)}
    assert roles <= {"deployingActor", "destination", "inSupportOf", "speaker", "about", "party",
                     "claimedBy"}


def test_graphml_attributes_on_the_fixture(fixture_store_dir, tmp_path):
    out = tmp_path / "g.graphml"
    export("graphml", out, source=StoreSource.open(fixture_store_dir))
    g = nx.read_graphml(out)
    nk = g.nodes[R + "actor/Q423"]
    assert (nk["kind"], nk["wikidata"], nk["label"]) == ("Country", "Q423", "North Korea")
    pent = next(a for _, a in g.nodes(data=True) if a.get("troopCount") == 11000)
    assert pent["countQualifier"] == "AtLeast" and pent["date"] == "2024-11-04"
    assert pent["modality"] == "Asserted" and pent["claimant"] == "United States Department of Defense"
    assert pent["url"] == "https://example.com/world/north-korea-troops-kursk"
    assert pent["evidence"].startswith("The Pentagon said")
    assert isinstance(pent["troopCount"], int) and isinstance(pent["confidence"], float)


def test_filtered_gexf(fixture_store_dir, tmp_path):
    out = tmp_path / "g.gexf"
    export("gexf", out, source=StoreSource.open(fixture_store_dir),
           filters=ExportFilter(kind="Agreement"))
    g = nx.read_gexf(out)
    events = [a for _, a in g.nodes(data=True) if a["category"] == "event"]
    assert len(events) == 2 and {a["kind"] for a in events} == {"Agreement"}
    assert {a["label"] for _, a in g.nodes(data=True) if a["category"] == "actor"} == {
        "North Korea", "Russia", "KCNA"}


def test_cytoscape_json(fixture_store_dir):
    buf = io.BytesIO()
    export("cytoscape", buf, source=StoreSource.open(fixture_store_dir))
    doc = json.loads(buf.getvalue())
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert len(nodes) == 24 and len({e["data"]["id"] for e in edges}) == len(edges)
    nk = next(n["data"] for n in nodes if n["data"]["id"] == R + "actor/Q423")
    assert nk["name"] == "North Korea"
    assert {e["data"]["role"] for e in edges} == {"deployingActor", "destination", "inSupportOf",
                                                  "speaker", "about", "party", "claimedBy"}
    back = nx.cytoscape_graph(doc)  # the export loads back with networkx
    assert back.number_of_nodes() == len(nodes) and back.number_of_edges() == len(edges)


DOT_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def test_dot_escapes_quotes_backslashes_and_newlines():
    g = nx.MultiDiGraph()
    nasty = 'He said "go" \\ then\nleft <b>'
    g.add_node('n"1', label=nasty, kind="Person", category="actor")
    g.add_node("n2", label="x", kind="Deployment", category="event")
    g.add_edge("n2", 'n"1', key="speaker")
    buf = io.BytesIO()
    DotExporter().export(g, buf)
    text = buf.getvalue().decode()
    assert text.startswith("digraph warta {") and text.rstrip().endswith("}")
    # every line holds only complete quoted strings: strip them and no quote is left over
    for line in text.splitlines():
        assert '"' not in DOT_STRING.sub("", line), line
    strings = [re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), s)
               for s in DOT_STRING.findall(text)]
    assert nasty in strings and 'n"1' in strings
    assert '"n2" -> "n\\"1" [label="speaker"' in text


def parse(fmt: ox.RdfFormat, blob: bytes) -> list:
    return list(ox.parse(blob, format=fmt))


def test_trig_and_nquads_keep_named_graphs(source):
    total = len(list(source.quads()))
    for fmt, oxfmt in (("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)):
        buf = io.BytesIO()
        report = export(fmt, buf, source=source)
        quads = parse(oxfmt, buf.getvalue())
        assert len(set(quads)) == total == report.quads
        assert set(quads) == set(source.quads())


def test_turtle_and_jsonld_merge_graphs_into_triples(source):
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in source.quads()}
    for fmt, oxfmt in (("ttl", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD)):
        buf = io.BytesIO()
        export(fmt, buf, source=source, config=Config())
        got = {ox.Triple(q.subject, q.predicate, q.object) for q in parse(oxfmt, buf.getvalue())}
        assert got == triples


def test_filtered_trig_holds_only_that_article(fixture_store_dir):
    src = StoreSource.open(fixture_store_dir)
    buf = io.BytesIO()
    export("trig", buf, source=src, filters=ExportFilter(kind="Statement", actor="Zelensky"))
    quads = parse(ox.RdfFormat.TRIG, buf.getvalue())
    graphs = {q.graph_name.value for q in quads}
    assert len(graphs) == 1 and graphs.pop().startswith(R + "graph/")
    events = {q.subject.value for q in quads if q.subject.value.startswith(R + "event/")}
    assert len(events) == 1 and "-statement-" in events.pop()
    subjects = {q.subject.value for q in quads}
    assert R + "actor/Q3874799" in subjects and R + "actor/Q423" in subjects  # speaker, about
    assert R + "actor/Q11209" not in subjects  # the Pentagon is not part of that statement


def test_unknown_format_lists_the_known_ones(source):
    with pytest.raises(ExportError, match="graphml"):
        export("xlsx", io.BytesIO(), source=source)


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_exports_carry_text_with_control_characters(tmp_path, fmt, reader):
    """Article text may hold characters XML cannot carry (ingest accepts them): the export drops
    them and stays well-formed, and a failure never leaves half a file."""
    from kg import registry

    g = nx.MultiDiGraph()
    g.add_node("a\x01", label="Korea\x0bUtara \x1b[31m", kind="Actor")
    g.add_node("e1", label="Deployment", kind="Deployment", evidence="tentara\x00 tiba\ufffe", confidence=0.5)
    g.add_edge("e1", "a\x01", key="deployingActor\x02", role="deployingActor")
    out = tmp_path / f"hostile.{fmt}"
    registry.exporters.create(f"kg.exporter.{fmt}.v1").export(g, out)
    back = reader(out)
    assert back.number_of_nodes() == 2 and back.number_of_edges() == 1
    labels = {d.get("label") for _, d in back.nodes(data=True)}
    assert "KoreaUtara [31m" in labels
