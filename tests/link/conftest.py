"""Fixtures for the linker tests: a real Oxigraph server holding a Wikidata-shaped fixture,
a slow HTTP server, a closed port."""

from __future__ import annotations

import http.server
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OXIGRAPH = REPO / ".venv" / "bin" / "oxigraph"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def wikidata_server(tmp_path_factory):
    """A local Oxigraph server with tests/link/fixtures/wikidata.ttl; yields its /query URL."""
    exe = str(OXIGRAPH) if OXIGRAPH.exists() else "oxigraph"
    store = tmp_path_factory.mktemp("wd-store")
    subprocess.run([exe, "load", "--location", str(store), "--file",
                    str(HERE / "fixtures" / "wikidata.ttl")], check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                if requests.get(url, params={"query": "ASK {}"}, timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _Handler(http.server.BaseHTTPRequestHandler):
    behaviour: dict = {}

    def do_GET(self):  # noqa: N802
        b = self.server.behaviour  # type: ignore[attr-defined]
        b["hits"] = b.get("hits", 0) + 1
        if b.get("sleep"):
            time.sleep(b["sleep"])
        codes = b.get("codes") or []
        code = codes.pop(0) if codes else 200
        body = b.get("body", b'{"head":{"vars":[]},"results":{"bindings":[]}}')
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            if code == 429:
                self.send_header("Retry-After", "0")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted_server():
    """A tiny HTTP server thread whose behaviour a test sets (sleep, status codes, body)."""
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.behaviour = {}  # type: ignore[attr-defined]
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield srv, f"http://127.0.0.1:{srv.server_address[1]}/sparql"
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def closed_port_url() -> str:
    return f"http://127.0.0.1:{free_port()}/sparql"
