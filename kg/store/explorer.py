"""Serve one static HTML page (the ``kg viz`` explorer) beside the SPARQL endpoint.

A tiny stdlib HTTP server on its own port that answers ``GET /`` (and ``/index.html``) with the
page and 404 for everything else. The page finds the endpoint through the ``__WARTA_ENDPOINT__``
placeholder (replaced by the query URL) or the ``?endpoint=`` parameter of the printed URL.
"""

from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import StoreError

PLACEHOLDER = "__WARTA_ENDPOINT__"


def read_page(html_path: str) -> str:
    try:
        return Path(html_path).read_text(encoding="utf-8")
    except OSError as e:
        raise StoreError(f"cannot read the explorer page: {e.strerror}", source=str(html_path)) from e


class ExplorerServer:
    """Serves ``page`` (HTML text) at ``http://host:port/``; ``port=0`` picks a free port."""

    def __init__(self, page: str, endpoint: str, host: str = "127.0.0.1", port: int = 0):
        self.page = page.replace(PLACEHOLDER, endpoint).encode("utf-8")
        self.endpoint = endpoint
        self.host, self.port = host, port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}/?endpoint=" + urllib.parse.quote(self.endpoint, safe="")

    def start(self) -> "ExplorerServer":
        page = self.page

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server API
                if urllib.parse.urlsplit(self.path).path in ("/", "/index.html"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(page)))
                    self.end_headers()
                    self.wfile.write(page)
                else:
                    self.send_error(404)

            def log_message(self, *args):  # quiet
                pass

        try:
            self._httpd = ThreadingHTTPServer((self.host, self.port), Handler)
        except OSError:
            self._httpd = ThreadingHTTPServer((self.host, 0), Handler)  # port+1 taken: any free port
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="kg-explorer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
