"""The real Oxigraph server behind `kg serve`, queried by standard SPARQL clients."""

from __future__ import annotations

import signal
import urllib.error

import pytest
import rdflib
import requests
from store_helpers import KgServe, pid_alive, port_is_free
from pyoxigraph import Literal, NamedNode, Quad
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from store_synthetic import article

from kg.errors import EndpointError, StoreError
from kg.store.embedded import EmbeddedStore
from kg.store.remote import EndpointStore
from kg.store.server import running_server

pytestmark = pytest.mark.server

DEPLOYMENTS = """
PREFIX kg: <https://w3id.org/warta/ontology#>
SELECT ?e ?n WHERE { ?e a kg:Deployment ; kg:troopCount ?n } ORDER BY ?e
"""  # no GRAPH: the union default graph must expose the article graphs


def wrapper(base: str, fmt, method: str = "GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(base + "/query")
    sw.setQuery(DEPLOYMENTS)
    sw.setReturnFormat(fmt)
    if method == "POST":
        sw.setMethod(POST)
    return sw


def test_prints_endpoint_and_yasgui_and_answers_in_every_results_format(kg_serve):
    server, _store, arts = kg_serve
    assert f"{server.base}/query" in "\n".join(server.lines)
    assert f"{server.base}/" in "\n".join(server.lines)
    assert "YASGUI" in "\n".join(server.lines)
    expected = 3 * 20
    for method in ("GET", "POST"):
        rows = wrapper(server.base, JSON, method).queryAndConvert()["results"]["bindings"]
        assert len(rows) == expected
        assert rows[0]["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
        xml = wrapper(server.base, XML, method).queryAndConvert()  # a DOM document
        assert len(xml.getElementsByTagName("result")) == expected
        csv_text = wrapper(server.base, CSV, method).queryAndConvert().decode()
        assert csv_text.splitlines()[0] == "e,n" and len(csv_text.splitlines()) == expected + 1
        tsv_text = wrapper(server.base, TSV, method).queryAndConvert().decode()
        assert tsv_text.splitlines()[0] == "?e\t?n" and len(tsv_text.splitlines()) == expected + 1
    # the YASGUI page is served at /
    page = requests.get(server.base + "/", timeout=10)
    assert page.status_code == 200 and "html" in page.headers["Content-Type"]


def test_construct_returns_turtle(kg_serve):
    server, _store, _arts = kg_serve
    sw = SPARQLWrapper(server.base + "/query")
    sw.setQuery("CONSTRUCT { ?e <http://ex/count> ?n } WHERE { ?e <https://w3id.org/warta/ontology#troopCount> ?n }")
    sw.setReturnFormat(TURTLE)
    res = sw.query()
    assert "text/turtle" in res.info()["content-type"]
    g = rdflib.Graph().parse(data=res.convert(), format="turtle")
    assert len(g) == 60


def test_rdflib_sparqlstore_reads_the_endpoint(kg_serve):
    server, _store, _arts = kg_serve
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(SPARQLStore(server.base + "/query"))
    rows = list(graph.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/warta/ontology#Article> }"))
    assert int(rows[0][0]) == 3
    graph.close()


def test_read_only_server_refuses_updates_and_gsp_writes(kg_serve):
    server, _store, _arts = kg_serve
    r = requests.post(server.base + "/update", data={"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}, timeout=10)
    assert r.status_code == 403
    sw = SPARQLWrapper(server.base + "/update")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises(urllib.error.HTTPError) as refused:
        sw.query()
    assert refused.value.code == 403
    g, _sha, _url, quads = article(9)
    with pytest.raises(EndpointError, match="refused") as e:
        EndpointStore(server.base).write_article(g, quads)
    assert "--writable" in str(e.value)
    assert EndpointStore(server.base).count() == 3 * 125  # nothing was written


def test_build_into_a_served_store_is_refused(kg_serve):
    _server, store, _arts = kg_serve
    with pytest.raises(StoreError, match="in use by another process"):
        EmbeddedStore(store)


def test_sigint_stops_with_exit_0_frees_the_port_and_leaves_no_orphan(filled_store):
    store, _arts = filled_store
    server = KgServe(store)
    children = server.children()
    assert children, "the oxigraph child process should be running"
    assert server.stop(signal.SIGINT) == 0
    assert all(not pid_alive(pid) for pid in children)
    assert port_is_free(server.port)
    # and the store lock is released: a build can open it again
    with EmbeddedStore(store) as s:
        assert s.count() == 3 * 125


def test_sigterm_stops_too(filled_store):
    store, _arts = filled_store
    server = KgServe(store)
    assert server.stop(signal.SIGTERM) == 0
    assert port_is_free(server.port)


def test_writable_server_accepts_updates(kg_serve_writable):
    server = kg_serve_writable
    sw = SPARQLWrapper(server.base + "/update")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/b> \"c\" } }")
    sw.query()
    r = requests.post(server.base + "/query", data={"query": "ASK { <http://ex/a> <http://ex/b> \"c\" }"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert r.json()["boolean"] is True  # union default graph: visible without GRAPH


def test_endpoint_store_writes_and_reads_back_through_gsp(kg_serve_writable):
    store = EndpointStore(kg_serve_writable.base)
    g1, sha1, url, q1 = article(4, 1)
    assert store.article_state(sha1, url) == "new"
    store.write_article(g1, q1)
    store.write_article(g1, q1)  # PUT replaces: no duplicates
    assert store.count() == len(q1)
    assert store.article_state(sha1, url) == "same"
    g2, sha2, _url, q2 = article(4, 2)
    assert store.article_state(sha2, url) == "changed"
    store.write_article(g2, q2, replaces=store.graphs_for_url(url))
    assert store.named_graphs() == [g2]
    assert sorted(map(str, store.graph_quads(g2))) == sorted(map(str, q2))
    onto = [Quad(NamedNode("https://w3id.org/warta/ontology#Actor"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Actor", language="en"))]
    assert store.ensure_ontology(onto) is True
    assert store.ensure_ontology(onto) is False
    res = store.query("SELECT ?n WHERE { ?e <https://w3id.org/warta/ontology#troopCount> ?n } ORDER BY ?n LIMIT 1")
    assert [s["n"].value for s in res] == ["1002"]


def test_a_syndicated_copy_is_recorded_through_an_endpoint_as_in_the_embedded_store(kg_serve_writable, tmp_path):
    """Issue 13, defect 10: `kg build --endpoint` dropped copies in silence (only the embedded
    store could record them). Both stores keep the same contract: sameAs once, in the graph."""
    g1, sha1, url, q1 = article(5, 1)
    remote = EndpointStore(kg_serve_writable.base)
    remote.write_article(g1, q1)
    with EmbeddedStore(tmp_path / "emb") as local:
        local.write_article(g1, q1)
        for store in (remote, local):
            assert store.add_alternate_source(sha1, "https://wire.example/copy?id=1") is True
            assert store.add_alternate_source(sha1, "https://wire.example/copy?id=1") is False  # once
            assert store.add_alternate_source(sha1, url) is False  # its own URL is no other source
            assert store.add_alternate_source("0" * 64, "https://wire.example/x") is False  # no such text
        same = "SELECT ?a ?u WHERE { GRAPH <%s> { ?a <http://schema.org/sameAs> ?u } }" % g1
        assert [(r["a"].value, r["u"].value) for r in remote.select(same)] == \
               [(r["a"].value, r["u"].value) for r in local.query(same)]
        assert len(remote.select(same)) == 1


def test_down_endpoint_gives_a_clear_endpoint_error():
    from store_helpers import free_port

    store = EndpointStore(f"http://127.0.0.1:{free_port()}", timeout=2)
    with pytest.raises(EndpointError, match="cannot reach the SPARQL server") as e:
        store.article_state("abc", "file:///x")
    assert "kg serve" in str(e.value)


def test_timeout_gives_a_clear_endpoint_error():
    import socket
    import threading

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)  # accepts connections, never answers
    try:
        store = EndpointStore(f"http://127.0.0.1:{sock.getsockname()[1]}", timeout=0.5)
        with pytest.raises(EndpointError, match="did not answer within 0.5s"):
            store.count()
    finally:
        threading.Thread(target=sock.close).start()


def test_running_server_context_manager(filled_store):
    store, _arts = filled_store
    with running_server(store) as base:
        r = requests.get(base + "/query", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"},
                         headers={"Accept": "text/csv"}, timeout=10)
        assert r.text.splitlines()[1] == str(3 * 125)
        port = int(base.rsplit(":", 1)[1])
    assert port_is_free(port)
    with EmbeddedStore(store):  # lock released
        pass


def test_serving_a_missing_store_read_only_says_build_first(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        with running_server(tmp_path / "none"):
            pass


def test_prints_three_example_queries_from_the_queries_folder(kg_serve, repo_root):
    server, _store, _arts = kg_serve
    out = "\n".join(server.lines)
    files = sorted((repo_root / "queries").glob("*.rq"))[:3]
    if not files:
        pytest.skip("queries/ is not written yet")
    for f in files:
        assert f"# {f.name}" in out
    # what is printed is a query the server answers
    body = out.split(f"# {files[0].name}", 1)[1].split("\n", 1)[1].split("\n# ", 1)[0].split("\n(or from", 1)[0]
    r = requests.post(server.base + "/query", data={"query": body}, headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200, r.text


def test_explorer_page_is_served_from_the_same_origin_without_cors(filled_store):
    store, _arts = filled_store
    server = KgServe(store, explorer=True)
    try:
        line = next(x for x in server.lines if x.startswith("Explorer page:"))
        url = line.split(":", 1)[1].strip()
        assert url == server.base + "/explorer"
        page = requests.get(url, timeout=10)
        assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
        assert '"endpoint": "/query"' in page.text  # its own origin's endpoint, no other
        assert requests.get(server.base + "/etc/passwd", timeout=10).status_code == 404
        pre = requests.options(server.base + "/query", headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}, timeout=10)
        assert "Access-Control-Allow-Origin" not in pre.headers
    finally:
        assert server.stop() == 0


@pytest.mark.parametrize("mode", [[], ["--writable"]])
def test_serve_refuses_a_store_a_build_is_writing(filled_store, mode):
    import subprocess

    from store_helpers import KG_BIN, free_port

    store, _arts = filled_store
    with EmbeddedStore(store):  # this process is "the build" holding the store
        r = subprocess.run(
            [str(KG_BIN), "serve", "--store", str(store), "--bind", f"127.0.0.1:{free_port()}", "--no-explorer", *mode],
            capture_output=True, text=True, timeout=60,
        )
    assert r.returncode == 2
    assert "store is in use by another process" in r.stderr
    assert "Traceback" not in r.stderr


def test_no_orphan_server_when_kg_serve_itself_is_killed(filled_store):
    import time

    store, _arts = filled_store
    server = KgServe(store)
    children = server.children()
    assert children
    server.stop(signal.SIGKILL)
    deadline = time.monotonic() + 10
    # the leader thread may show as a zombie while the other threads still close the socket
    while (any(pid_alive(p) for p in children) or not port_is_free(server.port)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(pid_alive(p) for p in children), "oxigraph outlived kg serve"
    assert port_is_free(server.port)
