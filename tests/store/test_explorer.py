"""The static page server that `kg serve` runs beside the endpoint for the explorer."""

from __future__ import annotations

import requests

from kg.store.explorer import PLACEHOLDER, ExplorerServer, read_page


def test_serves_the_page_with_the_endpoint_filled_in_and_nothing_else(tmp_path):
    page = tmp_path / "explorer.html"
    page.write_text(f"<html><body data-endpoint='{PLACEHOLDER}'>Jelajah graf</body></html>", encoding="utf-8")
    server = ExplorerServer(read_page(str(page)), "http://127.0.0.1:7878/query").start()
    try:
        r = requests.get(server.url, timeout=10)
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "text/html; charset=utf-8"
        assert "data-endpoint='http://127.0.0.1:7878/query'" in r.text and "Jelajah graf" in r.text
        base = server.url.split("?")[0]
        assert requests.get(base + "index.html", timeout=10).status_code == 200
        assert requests.get(base + "../explorer.html", timeout=10).status_code == 404
        assert requests.get(base + "store", timeout=10).status_code == 404
    finally:
        server.stop()
