"""Every export format parsed back from a store built from hostile text (control characters,
ANSI escapes, markup, ``[brackets]``, a formula-like quote), with the readers users would use."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.doc import Article, Event, Link, Mention, Sentence

runner = CliRunner()

S0 = "Juru bicara [b]Ali\x01[/b] <i>berkata</i> \"=HYPERLINK(1)\" kepada \x1b[31mwartawan\x1b[0m."
S1 = "Korea\x0bUtara mengirim 500 tentara ke [Kursk] pada 2 Desember 2024."
S2 = "Dewan <Keamanan> rapat."


def hostile_article() -> Article:
    text = S0 + " " + S1 + " " + S2
    o1, o2 = len(S0) + 1, len(S0) + 1 + len(S1) + 1
    ali = S0.index("Ali")
    spk = Mention(start=ali, end=ali + 4, text="Ali\x01", type="Person", sentence=0,
                  link=Link(key="person/ali", type="Person"))
    nk = Mention(start=o1, end=o1 + 11, text="Korea\x0bUtara", type="Country", sentence=1,
                 link=Link(key="Q423", type="Country", qid="Q423"))
    kur = o1 + S1.index("[Kursk]")
    kursk = Mention(start=kur, end=kur + 7, text="[Kursk]", type="Place", sentence=1,
                    link=Link(key="place/kursk", type="Place"))
    council = Mention(start=o2 + 6, end=o2 + 15, text="<Keamanan>", type="Organization", sentence=2,
                      link=Link(key="org/keamanan", type="Organization"))  # in no event: isolated
    events = [
        Event(kind="Statement", start=0, end=len(S0), evidence=S0, sentence=0, speaker=spk,
              text="=HYPERLINK(1)", is_quote=True, extractor="fixture"),  # undated
        Event(kind="Deployment", start=o1, end=o1 + len(S1), evidence=S1, sentence=1, agent=nk,
              troop_count=500, qualifier="Exact", destination=kursk, claimant=spk,
              date="2024-12", extractor="fixture"),
    ]
    return Article(text=text, source="mem:hostile", url="https://news.example/x?a=1&b=%5Bx%5D", lang="id",
                   title="Judul [red]merah[/red] \x07", published="2024-12-03",
                   sentences=[Sentence(0, 0, len(S0), S0), Sentence(1, o1, o1 + len(S1), S1),
                              Sentence(2, o2, len(text), S2)],
                   mentions=[spk, nk, kursk, council], events=events)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    """A store holding the hostile article, mapped with the real ``article_to_quads``."""
    from kg.config import Config
    from kg.rdf.mapping import article_to_quads
    from kg.store.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp("hostile") / "store"
    art = hostile_article()
    with EmbeddedStore(path) as s:
        s.write_article(Config().base_iri + "graph/" + art.id, list(article_to_quads(art, Config())))
    return path


def export_file(store: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    r = runner.invoke(app, ["export", "-f", fmt, "--store", str(store), "-o", str(out), *extra])
    assert r.exit_code == 0, r.output
    return out


def test_every_builtin_exporter_is_declared_as_an_entry_point():
    from kg.export import formats

    declared = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    eps = declared["project"]["entry-points"]["kg.exporters"]
    classes = {c.__name__ for c in vars(formats).values()
               if isinstance(c, type) and issubclass(c, formats.Exporter) and c.name}
    assert {v.split(":")[1] for v in eps.values()} == classes
    assert all(k == f"kg.exporter.{getattr(formats, v.split(':')[1]).name}.v1" for k, v in eps.items())


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_graph_formats_load_in_networkx(hostile_store, tmp_path, fmt, reader):
    g = reader(export_file(hostile_store, tmp_path, fmt))
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 4  # 4 actors, 2 events
    labels = {a.get("label") for _, a in g.nodes(data=True)}
    assert {"KoreaUtara", "[Kursk]", "<Keamanan>"} <= labels  # \x0b cannot be in XML: dropped
    assert any("[b]Ali" in (a.get("evidence") or "") for _, a in g.nodes(data=True))


def test_gexf_is_dated_for_gephis_timeline(hostile_store, tmp_path):
    import xml.etree.ElementTree as ET

    out = export_file(hostile_store, tmp_path, "gexf")
    root = ET.parse(out).getroot()
    ns = {"g": root.tag[1:].split("}")[0]}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    starts = {n.get("label"): n.get("start") for n in graph.iter(f"{{{ns['g']}}}node")}
    assert starts["KoreaUtara"] == "2024-12-01"  # from its dated deployment (kg:date 2024-12)
    assert starts["<Keamanan>"] is None  # in no dated event: visible throughout
    dep = next(k for k in starts if k and k.startswith("KoreaUtara →"))
    assert starts[dep] == "2024-12-01"
    back = nx.read_gexf(out)
    assert {a.get("start") for _, a in back.nodes(data=True)} >= {"2024-12-01"}


def test_cytoscape_loads_in_networkx(hostile_store, tmp_path):
    doc = json.loads(export_file(hostile_store, tmp_path, "cytoscape").read_text(encoding="utf-8"))
    g = nx.cytoscape_graph(doc)
    assert g.number_of_nodes() == 6
    assert any(a.get("name") == "Ali\x01" for _, a in g.nodes(data=True))  # JSON carries it as is


def test_drop_isolated_leaves_out_nodes_with_no_edge(hostile_store, tmp_path):
    g = nx.read_graphml(export_file(hostile_store, tmp_path, "graphml", "--drop-isolated"))
    assert g.number_of_nodes() == 5
    assert "<Keamanan>" not in {a.get("label") for _, a in g.nodes(data=True)}
    r = runner.invoke(app, ["export", "-f", "ttl", "--store", str(hostile_store), "--drop-isolated"])
    assert r.exit_code == 2 and "graph formats" in r.output


def test_events_csv_one_row_per_event(hostile_store, tmp_path):
    out = export_file(hostile_store, tmp_path, "events-csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 2
    dep, stmt = rows  # dated first, undated last
    assert (dep["date"], dep["kind"], dep["agent"], dep["agent_wikidata"], dep["counterpart"], dep["count"],
            dep["qualifier"], dep["modality"], dep["claimant"]) == (
        "2024-12", "Deployment", "Korea\x0bUtara", "Q423", "[Kursk]", "500", "Exact", "Asserted", "Ali\x01")
    assert dep["url"] == "https://news.example/x?a=1&b=%5Bx%5D" and dep["evidence"] == S1
    assert (stmt["date"], stmt["kind"], stmt["agent"]) == ("", "Statement", "Ali\x01")
    assert stmt["text"] == "'=HYPERLINK(1)"  # shown by a spreadsheet, not run
    assert stmt["evidence"] == S0


@pytest.mark.parametrize("fmt, rdflib_fmt", [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_rdf_formats_parse_back_with_every_triple(hostile_store, tmp_path, fmt, rdflib_fmt):
    out = export_file(hostile_store, tmp_path, fmt)
    ds = rdflib.Dataset()
    ds.parse(out, format=rdflib_fmt)
    texts = {str(o) for _, _, o, _ in ds.quads((None, None, None, None))}
    assert S0 in texts and "Korea\x0bUtara" in texts


def test_dot_keeps_brackets_and_markup_quoted(hostile_store, tmp_path):
    text = export_file(hostile_store, tmp_path, "dot").read_text(encoding="utf-8")
    assert re.search(r'label="\[Kursk\]"', text) and 'label="<Keamanan>"' in text


_DOT_TOKEN = re.compile(r'\s+|(?P<q>"(?:[^"\\]|\\.)*")|(?P<op>->|[\[\]{};,=])|(?P<id>[A-Za-z_][A-Za-z_0-9]*)|(?P<bad>.)', re.S)


def read_dot(text: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict[str, str]]]]:
    """A strict reader for the DOT subset ``kg export -f dot`` writes (no DOT reader is installed):
    ``digraph ID { stmt; ... }`` with node, edge and ``graph``/``node`` default statements.
    Returns (nodes with their attributes, edges); anything else raises."""
    toks = []
    for m in _DOT_TOKEN.finditer(text):
        if m.group("bad"):
            raise ValueError(f"unexpected character {m.group('bad')!r} at {m.start()}")
        if m.group("q"):
            toks.append(("id", re.sub(r'\\(.)', lambda e: "\n" if e.group(1) == "n" else e.group(1), m.group("q")[1:-1])))
        elif m.group("op") or m.group("id"):
            toks.append(("op", m.group("op")) if m.group("op") else ("id", m.group("id")))
    pos = 0

    def take(kind=None, value=None):
        nonlocal pos
        k, v = toks[pos]
        if (kind and k != kind) or (value and v != value):
            raise ValueError(f"expected {value or kind} at token {pos}, got {v!r}")
        pos += 1
        return v

    def attrs():
        out = {}
        if toks[pos] == ("op", "["):
            take("op", "[")
            while toks[pos] != ("op", "]"):
                key = take("id")
                take("op", "=")
                out[key] = take("id")
                if toks[pos] == ("op", ","):
                    take("op", ",")
            take("op", "]")
        return out

    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    take("id", "digraph"), take("id"), take("op", "{")
    while toks[pos] != ("op", "}"):
        first = take("id")
        if toks[pos] == ("op", "->"):
            take("op", "->")
            edges.append((first, take("id"), attrs()))
        elif first in ("graph", "node", "edge"):
            attrs()
        else:
            nodes[first] = attrs()
        take("op", ";")
    take("op", "}")
    assert pos == len(toks), "text after the graph"
    return nodes, edges


def test_dot_parses_back_with_every_node_edge_and_label(hostile_store, tmp_path):
    """Issue 13: every export format parsed back; DOT carries no control characters either
    (Graphviz would copy them into the SVG it draws)."""
    text = export_file(hostile_store, tmp_path, "dot").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    nodes, edges = read_dot(text)
    assert len(nodes) == 6 and len(edges) == 4
    assert all(s in nodes and t in nodes for s, t, _ in edges)
    labels = {a["label"] for a in nodes.values()}
    assert {"KoreaUtara", "Ali", "[Kursk]", "<Keamanan>"} <= labels
    assert any(label.startswith("Ali: ") and "=HYPERLINK(1)" in label for label in labels)
    assert sorted(a["role"] for _, _, a in edges) == ["claimedBy", "deployingActor", "destination", "speaker"]
    assert {a.get("url") for a in nodes.values() if a["category"] == "event"} == {"https://news.example/x?a=1&b=%5Bx%5D"}


def test_messages_show_paths_as_typed(hostile_store, tmp_path):
    out = tmp_path / "graf [draft] [bold]x.graphml"
    r = runner.invoke(app, ["export", "-f", "graphml", "--store", str(hostile_store), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert f"wrote {out}" in " ".join(r.output.split()) or str(out) in r.output.replace("\n", "")
    assert nx.read_graphml(out).number_of_nodes() == 6
