"""The explorer page in real headless Chromium: drawn actors, evidence panel, claims view, XSS.

Screenshots go to artifacts/ at the repository root (git-ignored).
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from export_helpers import IMG, SCRIPT, chrome_driver, chromium_or_skip, wait_ready
from kg.export.graph import load_data
from kg.export.source import StoreSource
from kg.export.viz import build_explorer, render_explorer

pytestmark = pytest.mark.browser
R = "https://w3id.org/warta/resource/"


@pytest.fixture(scope="module")
def drv(tmp_path_factory):
    chrome, driver = chromium_or_skip()
    d = chrome_driver(chrome, driver, str(tmp_path_factory.mktemp("chrome-profile")))
    yield d
    d.quit()


@pytest.fixture(scope="module")
def fixture_page(fixture_store_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("page") / "explorer.html"
    build_explorer(StoreSource.open(fixture_store_dir), out)
    return out


@pytest.fixture(scope="module")
def xss_page(xss_store_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("xss") / "explorer.html"
    build_explorer(StoreSource.open(xss_store_dir), out)
    return out


def open_page(drv, url: str) -> None:
    drv.get(url)
    wait_ready(drv)


def panel_text(drv) -> str:
    return drv.find_element(By.ID, "panel").text


def test_graph_click_north_korea_and_claims(drv, fixture_page, artifacts_dir):
    open_page(drv, fixture_page.as_uri())
    labels = drv.execute_script(
        "return window.__warta.cy.nodes('[category = \"actor\"]').map(n => n.data('label'))")
    assert {"North Korea", "Russia", "United States Department of Defense", "Volodymyr Zelenskyy",
            "Kursk Oblast", "Choe Son Hui",
            "Intelijen militer Ukraina", "KCNA"} <= set(labels)
    assert len(labels) == 14
    # every node was laid out inside the drawing area
    box = drv.execute_script("return window.__warta.cy.elements().renderedBoundingBox()")
    size = drv.execute_script("const c = document.getElementById('cy'); return [c.clientWidth, c.clientHeight]")
    assert 0 <= box["x1"] and box["x2"] <= size[0] + 1 and 0 <= box["y1"] and box["y2"] <= size[1] + 1

    # a real mouse click on the North Korea node ("Korea Utara" in the Indonesian articles)
    pos = drv.execute_script("""
        const cy = window.__warta.cy, n = cy.getElementById(arguments[0]);
        cy.zoom(2.5); cy.center(n); return n.renderedPosition();""", R + "actor/Q423")
    cy_el = drv.find_element(By.ID, "cy")
    ActionChains(drv).move_to_element_with_offset(
        cy_el, int(pos["x"] - cy_el.size["width"] / 2), int(pos["y"] - cy_el.size["height"] / 2)
    ).click().perform()
    time.sleep(0.2)
    assert drv.find_element(By.CSS_SELECTOR, "#panel h2").text == "North Korea"
    text = panel_text(drv)
    assert "Korea Utara (id)" in text and "Pyongyang (en)" in text and "Q423" in text
    quotes = [q.text for q in drv.find_elements(By.CSS_SELECTOR, "#panel li.evidence blockquote")]
    assert len(quotes) == 9  # 5 deployments, claimant of the denial, about, 2 agreements
    assert any(q.startswith("Badan Intelijen Nasional Korea Selatan (NIS) menyatakan") for q in quotes)
    assert "Pyongyang denied sending any soldiers to Russia." in quotes
    assert "https://example.org/berita/2024/11/01/kursk-nis" in text
    drv.save_screenshot(str(artifacts_dir / "explorer-graph.png"))

    drv.find_element(By.ID, "view-claims").click()
    series = drv.execute_script("""return Array.from(document.querySelectorAll('#claims g.series'))
        .map(g => [g.getAttribute('data-series'), g.querySelectorAll('circle').length])""")
    assert dict(series) == {"National Intelligence Service": 1, "United States Department of Defense": 1,
                            "Volodymyr Zelenskyy": 1, "Intelijen militer Ukraina": 1}
    shot = artifacts_dir / "explorer-claims.png"
    drv.save_screenshot(str(shot))
    print(f"screenshots: {artifacts_dir / 'explorer-graph.png'} {shot}")


def test_kind_filter_hides_events(drv, fixture_page):
    open_page(drv, fixture_page.as_uri())
    visible = "return window.__warta.cy.nodes(':visible').filter(n => n.data('category') === 'event').length"
    assert drv.execute_script(visible) == 10
    drv.find_element(By.CSS_SELECTOR, "#kinds input[value='Statement']").click()
    assert drv.execute_script(visible) == 7


def test_hostile_text_shows_as_text_and_never_runs(drv, xss_page, artifacts_dir):
    open_page(drv, xss_page.as_uri())
    speaker = R + "actor/person/img-src-x"
    drv.execute_script("window.__warta.showNode(arguments[0])", speaker)
    assert drv.find_element(By.CSS_SELECTOR, "#panel h2").text == IMG
    assert SCRIPT in panel_text(drv)  # the quote, shown verbatim
    drv.find_element(By.ID, "search").send_keys(SCRIPT)
    drv.find_element(By.ID, "view-claims").click()
    assert IMG in drv.find_element(By.ID, "claims").text  # the claimant series, as text
    time.sleep(0.3)
    counts = drv.execute_script("""return [window.__pwned === undefined,
        document.querySelectorAll('img').length, document.scripts.length,
        document.querySelectorAll('a[href^="javascript"]').length]""")
    assert counts == [True, 0, 4, 0]
    drv.save_screenshot(str(artifacts_dir / "explorer-xss.png"))


class _SparqlHandler(BaseHTTPRequestHandler):
    store: ox.Store

    def do_POST(self):  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        query = urllib.parse.parse_qs(body)["query"][0]
        result = self.store.query(query, use_default_graph_as_union=True)
        payload = result.serialize(format=ox.QueryResultsFormat.JSON)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def sparql_endpoint(xss_store_dir):
    handler = type("H", (_SparqlHandler,), {"store": ox.Store.read_only(str(xss_store_dir))})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


def test_endpoint_mode_runs_the_same_queries_as_python(drv, fixture_page, sparql_endpoint,
                                                       xss_store_dir):
    """The page built from one store, pointed at an endpoint over another, shows the other."""
    open_page(drv, fixture_page.as_uri() + "?endpoint=" + urllib.parse.quote(sparql_endpoint))
    assert drv.execute_script("return window.__warta.source") == sparql_endpoint
    got = json.loads(drv.execute_script("return JSON.stringify(window.__warta.data)"))
    assert got == load_data(StoreSource.open(xss_store_dir))
    assert drv.execute_script("return window.__pwned === undefined")


def test_endpoint_down_falls_back_to_embedded_data(drv, fixture_store_dir, tmp_path):
    page = tmp_path / "live.html"
    page.write_text(render_explorer(load_data(StoreSource.open(fixture_store_dir)),
                                    "http://127.0.0.1:9/query"), encoding="utf-8")
    open_page(drv, page.as_uri())
    assert drv.execute_script("return window.__warta.source") == "embedded data"
    assert "failed" in drv.find_element(By.ID, "status").text
    assert drv.execute_script("return window.__warta.cy.nodes().length") == 24
