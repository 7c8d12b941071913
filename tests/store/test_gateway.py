"""`kg serve` as a gateway in front of the real Oxigraph server: same origin, Host check, SERVICE,
admission control, deadlines, restarts after a crash, no partial 200 (real servers, loopback only)."""

from __future__ import annotations

import socket
import threading
import time

import pyoxigraph as ox
import pytest
import requests
from store_helpers import KgServe, fill_store, poison_quads

pytestmark = pytest.mark.server

ASK = {"query": "ASK {}"}
JSON = {"Accept": "application/sparql-results+json"}
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT_CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CRASH = "SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f"  # the query of issue 13


def up(base: str, within: float = 30.0, per_try: float = 5.0) -> bool:
    """True once the endpoint answers ASK {} with 200 (polls until ``within`` seconds)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/query", params=ASK, headers=JSON, timeout=per_try).status_code == 200:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def serve(filled_store):
    """Start `kg serve` on the 3-article store with extra options; stopped at the end."""
    store, _arts = filled_store
    started: list[KgServe] = []

    def start(*extra: str, explorer: bool = False, on=None) -> KgServe:
        for earlier in started:  # one server per store at a time (it holds the store lock)
            assert earlier.stop() == 0
        server = KgServe(on or store, *extra, explorer=explorer)
        started.append(server)
        # the first query of a fresh server is slow on a busy machine (cold store, first upstream
        # connection): answer one before the test's own requests, which allow 10 s each
        assert up(server.base, within=120, per_try=60), "the endpoint does not answer"
        return server

    yield start
    for server in started:
        assert server.stop() == 0


def test_default_serve_sends_no_cors_header_to_another_origin(serve):
    server = serve(explorer=True)
    evil = {"Origin": "http://evil.example"}
    for path, params in (("/query", ASK), ("/store", None), ("/explorer", None), ("/", None)):
        r = requests.get(server.base + path, params=params, headers=evil, timeout=10)
        assert "Access-Control-Allow-Origin" not in r.headers, path
    pre = requests.options(server.base + "/store", headers={**evil, "Access-Control-Request-Method": "GET"}, timeout=10)
    assert "Access-Control-Allow-Origin" not in pre.headers
    # the read-only store is not handed out at all: /store needs --writable
    assert requests.get(server.base + "/store", timeout=10).status_code == 403
    assert requests.post(server.base + "/update", data={"update": "CLEAR ALL"}, timeout=10).status_code == 403


def test_cors_on_request_any_origin_or_listed_ones(serve):
    anyone = serve("--cors")
    r = requests.get(anyone.base + "/query", params=ASK, headers={"Origin": "http://app.example"}, timeout=10)
    assert r.headers.get("Access-Control-Allow-Origin") == "*"
    listed = serve("--cors-origin", "http://app.example")
    ok = requests.get(listed.base + "/query", params=ASK, headers={"Origin": "http://app.example"}, timeout=10)
    assert ok.headers.get("Access-Control-Allow-Origin") == "http://app.example"
    bad = requests.get(listed.base + "/query", params=ASK, headers={"Origin": "http://evil.example"}, timeout=10)
    assert "Access-Control-Allow-Origin" not in bad.headers


def test_a_cross_origin_form_post_is_refused_before_it_runs(serve):
    """A web page of another origin can POST a form to any address without a CORS preflight: CORS
    only hides the answer. On a --writable server that was a store wiped by any page the user
    visited (``CLEAR ALL``); on any server, costly queries run for it. Such requests are refused."""
    server = serve("--writable")
    evil = {"Origin": "http://evil.example"}
    count = {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}

    def quads() -> int:
        r = requests.post(server.base + "/query", data=count, headers=JSON, timeout=60)  # a fresh server may be slow
        assert r.status_code == 200, r.text
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    before = quads()
    assert before > 0
    wipe = requests.post(server.base + "/update", data={"update": "CLEAR ALL"}, headers=evil, timeout=10)
    assert wipe.status_code == 403 and "--cors-origin" in wipe.text
    assert "Access-Control-Allow-Origin" not in wipe.headers
    assert requests.post(server.base + "/query", data=count, headers={**evil, **JSON}, timeout=10).status_code == 403
    assert requests.post(server.base + "/query", data=count, headers={"Origin": "null", **JSON}, timeout=10).status_code == 403
    assert quads() == before  # nothing ran
    # the page this server serves (its own origin) is answered
    own = requests.post(server.base + "/query", data=count, headers={"Origin": server.base, **JSON}, timeout=10)
    assert own.status_code == 200
    # an origin CORS allows is answered too
    listed = serve("--cors-origin", "http://app.example")
    r = requests.post(listed.base + "/query", data=count, headers={"Origin": "http://app.example", **JSON}, timeout=60)
    assert r.status_code == 200 and r.headers.get("Access-Control-Allow-Origin") == "http://app.example"


def test_host_check_refuses_a_rebound_name(serve):
    server = serve()
    q = server.base + "/query"
    assert requests.get(q, params=ASK, headers={"Host": f"evil.example:{server.port}"}, timeout=10).status_code == 400
    refused = requests.get(q, params=ASK, headers={"Host": "evil.example"}, timeout=10)
    assert "--allow-host" in refused.text
    for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}"):
        assert requests.get(q, params=ASK, headers={"Host": host}, timeout=10).status_code == 200
    named = serve("--allow-host", "kg.example")
    assert requests.get(named.base + "/query", params=ASK, headers={"Host": "kg.example"}, timeout=10).status_code == 200


def test_security_headers_head_and_the_same_origin_explorer(serve):
    server = serve(explorer=True)
    r = requests.get(server.base + "/query", params=ASK, headers=JSON, timeout=10)
    assert r.json()["boolean"] is True
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "no-referrer"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
    head = requests.head(server.base + "/explorer", timeout=10)
    assert head.status_code == 200 and head.headers["Content-Type"].startswith("text/html") and not head.content
    csp = head.headers["Content-Security-Policy"]
    assert "connect-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
    page = requests.get(server.base + "/explorer", timeout=10).text
    assert '"endpoint": "/query"' in page and '"sameOrigin": true' in page  # ?endpoint= is ignored
    assert requests.head(server.base + "/query", params=ASK, timeout=10).status_code == 200
    assert "Explorer page:            " + server.base + "/explorer" in server.lines


def test_service_to_a_local_listener_is_refused_and_the_listener_gets_nothing(serve, listener):
    port, received = listener
    target = f"http://127.0.0.1:{port}/sparql"
    server = serve()
    for query in (
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX x: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE SILENT x:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVI\\u0043E <{target}> {{ ?s ?p ?x }} }} }} LIMIT 1",
        "SELECT * WHERE { BIND(<" + target + "> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    ):
        for send in (lambda q: requests.post(server.base + "/query", data={"query": q}, timeout=10),
                     lambda q: requests.post(server.base + "/query", data=q.encode(), timeout=10,
                                             headers={"Content-Type": "application/sparql-query"}),
                     lambda q: requests.get(server.base + "/query", params={"query": q}, timeout=10)):
            r = send(query)
            assert r.status_code == 400, (query, r.status_code, r.text)
            assert "SERVICE" in r.text and "--allow-service" in r.text
    # the word in a comment or a string is no SERVICE call
    harmless = f'SELECT ?x WHERE {{ BIND("SERVICE <{target}>" AS ?x) }} # SERVICE <{target}>'
    r = requests.post(server.base + "/query", data={"query": harmless}, headers=JSON, timeout=10)
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")
    time.sleep(1.0)
    assert received == []
    # the opt-in: that endpoint (only) may be called
    allowed = serve("--allow-service", target)
    r = requests.post(allowed.base + "/query", data={"query": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"},
                      timeout=20)
    assert r.status_code != 400 or "not allowed" not in r.text
    assert any(b"POST" in x or b"GET" in x for x in received)
    r = requests.post(allowed.base + "/query", data={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"},
                      timeout=10)
    assert r.status_code == 400


@pytest.fixture
def listener():
    """A local socket listener standing for any URL the SPARQL server could be made to fetch:
    yields (port, what it received); it answers every connection with a 500."""
    received: list[bytes] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.settimeout(0.2)
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    received.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 500 x\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], received
    finally:
        stop.set()
        thread.join(5)
        sock.close()


def test_update_load_and_service_are_refused_and_the_listener_gets_nothing(serve, listener):
    """On --writable, ``LOAD <url>`` would make the server fetch that URL (as SERVICE does): it is
    refused before the server sees it, by form or by body; INSERT DATA, and the word LOAD in a
    string or a comment, still run."""
    port, received = listener
    target = f"http://127.0.0.1:{port}/data.ttl"
    server = serve("--writable")
    count = {"query": "SELECT (COUNT(*) AS ?n) WHERE { <http://ex.org/s> ?p ?o }"}

    def triples() -> int:
        r = requests.post(server.base + "/query", data=count, headers=JSON, timeout=60)
        assert r.status_code == 200, r.text
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    for update in (
        f"LOAD <{target}>",
        f"LOAD SILENT <{target}> INTO GRAPH <http://ex.org/g>",
        f"PREFIX x: <http://127.0.0.1:{port}/>\nINSERT DATA {{ <http://ex.org/s> <http://ex.org/p> 1 }} ;\nlo\\u0061d x:data.ttl",
        f"INSERT {{ <http://ex.org/s> <http://ex.org/p> ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
    ):
        for send in (lambda u: requests.post(server.base + "/update", data={"update": u}, timeout=10),
                     lambda u: requests.post(server.base + "/update", data=u.encode(), timeout=10,
                                             headers={"Content-Type": "application/sparql-update"})):
            r = send(update)
            assert r.status_code == 400, (update, r.status_code, r.text)
            word = "SERVICE" if "SERVICE" in update else "LOAD"
            assert f"{word} <{target}> is not allowed" in r.text, r.text
    # a second `update` in the form or one in the URL: the server would run a text the check did not see
    smuggled = requests.post(server.base + "/update", data=[("update", "CLEAR SILENT GRAPH <http://ex.org/none>"),
                                                             ("update", f"LOAD <{target}>")], timeout=10)
    assert smuggled.status_code == 400 and "more than one" in smuggled.text
    in_url = requests.post(server.base + "/update", params={"update": f"LOAD <{target}>"},
                           data=b"CLEAR SILENT GRAPH <http://ex.org/none>",
                           headers={"Content-Type": "application/sparql-update"}, timeout=10)
    assert in_url.status_code == 400
    assert triples() == 0  # the INSERT DATA before the refused LOAD did not run either
    # an ordinary update runs, and the word LOAD in a literal or a comment is no LOAD
    r = requests.post(server.base + "/update", timeout=10, data={
        "update": f'INSERT DATA {{ <http://ex.org/s> <http://ex.org/p> "LOAD <{target}>" }} # LOAD <{target}>'})
    assert r.status_code in (200, 204), r.text
    r = requests.post(server.base + "/update", data=b"INSERT DATA { <http://ex.org/s> <http://ex.org/p> 2 }",
                      headers={"Content-Type": "application/sparql-update"}, timeout=10)
    assert r.status_code in (200, 204), r.text
    assert triples() == 2
    time.sleep(1.0)
    assert received == []


def test_crash_query_the_server_is_restarted_and_keeps_answering(serve, tmp_path):
    """Oxigraph 0.5.13 panics on ORDER BY over literals with no total order: the supervisor restarts it."""
    store = tmp_path / "poison"
    s = ox.Store(str(store))
    s.extend(poison_quads(600))
    s.flush()
    del s
    server = serve("--timeout", "20", on=store)
    for attempt in range(2):
        r = requests.post(server.base + "/query", data={"query": CRASH}, headers=JSON, timeout=60)
        assert r.status_code >= 500 and r.text.strip(), (r.status_code, r.text[:200])
        assert r.status_code != 200
        assert up(server.base), "the endpoint did not come back after the crash"
    assert server.stop() == 0
    assert any("restarting the oxigraph server: the oxigraph server exited" in x for x in server.lines)


def test_deadline_overrun_is_a_503_and_a_runaway_server_is_restarted(serve, tmp_path):
    store = tmp_path / "s5"
    fill_store(store, 5)
    server = serve("--timeout", "2", "--max-result-mb", "4096", on=store)
    first = server.children()
    t0 = time.monotonic()
    r = requests.post(server.base + "/query", data={"query": CARTESIAN}, headers=JSON, timeout=60)
    assert r.status_code == 503 and "deadline" in r.text
    assert time.monotonic() - t0 < 10
    # an aggregate the server cancels itself (its own timeout): never a 200 with the text inside
    r = requests.post(server.base + "/query", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"},
                      headers=JSON, timeout=60)
    assert r.status_code == 503 and ("deadline" in r.text or "cancelled" in r.text)
    # the streaming query went on past the deadline (oxigraph#1336): its server is replaced
    while server.children() == first and time.monotonic() - t0 < 30:
        time.sleep(0.2)
    assert server.children() != first
    assert up(server.base)
    server.stop()
    assert any("past the deadline, and the server did not stop it" in x for x in server.lines)


def test_an_answer_over_the_cap_is_507_with_a_limit_hint(serve, tmp_path):
    store = tmp_path / "s5"
    fill_store(store, 5)
    server = serve("--max-result-mb", "1", on=store)
    r = requests.post(server.base + "/query", data={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"}, headers=JSON, timeout=60)
    assert r.status_code == 507 and "LIMIT" in r.text
    small = requests.post(server.base + "/query", data={"query": "SELECT * WHERE { ?a ?b ?c } LIMIT 5"}, headers=JSON, timeout=10)
    assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 5


def test_admission_limit_gives_503_with_retry_after(serve, tmp_path):
    store = tmp_path / "s5"
    fill_store(store, 5)
    server = serve("--max-queries", "1", "--timeout", "4", "--max-result-mb", "4096", on=store)
    slow = threading.Thread(target=lambda: requests.post(server.base + "/query", data={"query": CARTESIAN}, timeout=60))
    slow.start()
    try:
        time.sleep(0.7)
        r = requests.get(server.base + "/query", params=ASK, headers=JSON, timeout=10)
        assert r.status_code == 503
        assert int(r.headers["Retry-After"]) >= 1 and "busy" in r.text
    finally:
        slow.join(60)
    assert up(server.base)


def test_warta_clients_report_a_cancelled_stream_as_a_timeout(tmp_path):
    """Any Oxigraph server (here the bare one, no gateway) cancels inside a 200 body: Warta's
    clients say "timeout", not a parse error, a traceback or a bad URL."""
    import subprocess
    import sys
    from pathlib import Path

    from kg.errors import EndpointError
    from kg.export.source import EndpointSource
    from kg.store.remote import EndpointStore
    from kg.store.server import running_server

    store = tmp_path / "s5"
    fill_store(store, 5)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with running_server(store, timeout_s=1) as base:
        raw = requests.post(base + "/query", data={"query": count}, headers=JSON, timeout=60)
        assert raw.status_code == 200 and b"has been cancelled" in raw.content  # what the issue saw
        with pytest.raises(EndpointError, match="cancelled the query") as e:
            EndpointStore(base).query(count)
        assert "timeout" in str(e.value) and "LIMIT" in (e.value.hint or "")
        with pytest.raises(EndpointError, match="cancelled the query") as e:
            EndpointSource(base).select(count)  # what `kg export/viz --endpoint` read through
        assert "--endpoint" not in (e.value.hint or "")
        r = subprocess.run([sys.executable, "-m", "kg", "query", count, "--endpoint", base],
                           capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parents[2])
        assert r.returncode == 2, r.stdout + r.stderr
        assert "cancelled the query" in r.stderr and "timeout" in r.stderr
        assert "Traceback" not in r.stderr


def test_a_slow_header_client_is_cut_off_and_others_are_answered(serve):
    """A client that trickles its request headers (a "slowloris") is disconnected after
    --header-timeout; a normal client meanwhile gets its answer."""
    server = serve("--header-timeout", "2")
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    t0 = time.monotonic()
    closed_after = None
    try:
        for _ in range(12):  # one header byte a second, never the blank line
            time.sleep(1)
            assert requests.get(server.base + "/query", params=ASK, headers=JSON, timeout=10).status_code == 200
            try:
                sock.sendall(b"X")
                if sock.recv(1, socket.MSG_DONTWAIT) == b"":
                    closed_after = time.monotonic() - t0
                    break
            except BlockingIOError:
                continue
            except OSError:
                closed_after = time.monotonic() - t0
                break
    finally:
        sock.close()
    assert closed_after is not None and closed_after < 8, closed_after


def test_a_client_that_disconnects_frees_its_query_slot(serve):
    """With one query slot, a client that sends a long query and hangs up does not hold the slot
    until the deadline: the next query is answered, not refused as busy."""
    server = serve("--max-queries", "1", "--timeout", "30")
    body = "query=" + requests.utils.quote(COUNT_CARTESIAN)  # runs long and sends nothing until done
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall((f"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  f"Accept: application/sparql-results+json\r\nContent-Length: {len(body)}\r\n\r\n{body}").encode())
    time.sleep(1.5)
    assert requests.get(server.base + "/query", params=ASK, headers=JSON, timeout=10).status_code == 503  # slot held
    sock.close()
    deadline = time.monotonic() + 10
    while True:
        r = requests.get(server.base + "/query", params=ASK, headers=JSON, timeout=10)
        if r.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert r.status_code == 200, r.text
