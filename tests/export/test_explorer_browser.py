"""The explorer page in real headless Chromium: what is drawn, panels, story and article views,
search, permalinks, XSS, endpoint mode.

Screenshots go to ``artifacts/screenshots/`` at the repository root (git-ignored), or to the
directory named by ``KG_SCREENSHOTS``.
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
from selenium.webdriver.support.ui import Select

from export_helpers import IMG, SCRIPT, chrome_driver, chromium_or_skip, wait_ready
from kg.export.graph import load_data
from kg.export.source import StoreSource
from kg.export.viz import build_explorer, explorer_data, render_explorer

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


def test_labels_are_drawn_readable_at_first_sight(drv, fixture_page, screenshots):
    open_page(drv, fixture_page.as_uri())
    drawn = drv.execute_script("""const cy = window.__warta.cy, z = cy.zoom();
        return cy.nodes().filter(n => n.style('label')).map(n =>
            [n.style('label'), n.numericStyle('font-size') * z, n.numericStyle('min-zoomed-font-size')]);""")
    labels = {d[0] for d in drawn}
    # the most connected actors are labelled on the first view, at a font cytoscape draws
    assert {"North Korea", "Russia", "Kursk Oblast", "United States Department of Defense", "Volodymyr Zelenskyy"} <= labels
    assert all(px >= min_px and px >= 10 for _, px, min_px in drawn)
    # actors in no event are listed in the panel, not drawn
    assert drv.execute_script("return window.__warta.cy.nodes().length") == 21
    iso = drv.find_elements(By.CSS_SELECTOR, "#detail ul.isolated li")
    assert sorted(li.text.split()[0] for li in iso) == ["Kyiv", "Moscow", "Seoul"]
    # every node was laid out inside the drawing area
    box = drv.execute_script(
        "return window.__warta.cy.nodes().renderedBoundingBox({includeLabels: false, includeOverlays: false})")
    size = drv.execute_script("const c = document.getElementById('cy'); return [c.clientWidth, c.clientHeight]")
    assert 0 <= box["x1"] and box["x2"] <= size[0] + 1 and 0 <= box["y1"] and box["y2"] <= size[1] + 1
    drv.save_screenshot(str(screenshots / "explorer-graph.png"))


def test_graph_click_north_korea(drv, fixture_page, screenshots):
    open_page(drv, fixture_page.as_uri())
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
    triples = [r.text for r in drv.find_elements(By.CSS_SELECTOR, "#panel table.triples tr")]
    assert "this owl:sameAs wd:Q423" in triples and "this rdfs:label “Korea Utara”@id" in triples
    # its role labels appear on its edges only now it is selected
    assert drv.execute_script("return window.__warta.cy.edges('.near').length") == 9
    drv.save_screenshot(str(screenshots / "explorer-node.png"))


def test_story_view_every_claim_one_series_per_claimant(drv, fixture_page, screenshots):
    open_page(drv, fixture_page.as_uri())
    drv.find_element(By.ID, "view-story").click()
    assert drv.find_element(By.ID, "agent").get_attribute("value") == R + "actor/Q423"
    series = drv.execute_script("""return Array.from(document.querySelectorAll('#story g.series'))
        .map(g => [g.getAttribute('data-series'), g.querySelectorAll('.claim').length])""")
    assert dict(series) == {"National Intelligence Service": 1, "United States Department of Defense": 1,
                            "Volodymyr Zelenskyy": 1, "Intelijen militer Ukraina": 1}
    legend = [li.get_attribute("data-series") for li in drv.find_elements(By.CSS_SELECTOR, "#story ul.legend li")]
    # the denial (claimed by North Korea itself, no number) is a series too: listed, not plotted
    assert sorted(legend) == ["Intelijen militer Ukraina", "National Intelligence Service",
                              "North Korea", "United States Department of Defense", "Volodymyr Zelenskyy"]
    values = [t.text for t in drv.find_elements(By.CSS_SELECTOR, "#story text.value")]
    assert sorted(values) == [">12,000", "~10,000", "≤12,000", "≥11,000"]  # qualifiers visible
    dated = drv.find_elements(By.CSS_SELECTOR, "#story table.date tbody tr")
    undated = [tr.text for tr in drv.find_elements(By.CSS_SELECTOR, "#story table.undated tbody tr")]
    assert len(dated) + len(undated) == 5
    assert any("Denied" in row and "no number" in row for row in undated)
    assert any("Possible" in row and "≤12,000" in row for row in [tr.text for tr in dated] + undated)
    drv.save_screenshot(str(screenshots / "explorer-story.png"))
    # a destination narrows the story; the choice is in the permalink
    Select(drv.find_element(By.ID, "dest")).select_by_value(R + "place/Q3178")
    assert len(drv.find_elements(By.CSS_SELECTOR, "#story table.claims tbody tr")) == 4
    assert "dest=" in drv.current_url and "view=story" in drv.current_url


def test_article_view_highlights_mentions_and_evidence(drv, fixture_page, screenshots):
    open_page(drv, fixture_page.as_uri())
    event = drv.execute_script("""return window.__warta.data.nodes.find(n =>
        n.kind === 'Deployment' && n.countQualifier === 'About').id""")
    drv.execute_script("window.__warta.select(arguments[0])", event)
    drv.find_element(By.XPATH, "//button[text()='Open the article']").click()
    time.sleep(0.2)
    doc = drv.find_element(By.CSS_SELECTOR, "#article .doc")
    assert doc.text.startswith("Badan Intelijen Nasional Korea Selatan")
    marks = drv.execute_script("""return Array.from(document.querySelectorAll('#article mark.ent'))
        .map(m => [m.firstChild.textContent, m.getAttribute('data-node')])""")
    assert ["Korea Utara", R + "actor/Q423"] in marks and ["Rusia", R + "actor/Q159"] in marks
    spans = drv.execute_script("""return Array.from(document.querySelectorAll('#article .ev'))
        .map(s => [s.textContent.replace(/[A-Z]{4,}/g, ''), s.getAttribute('data-events')])""")
    focus = drv.find_element(By.CSS_SELECTOR, "#article .ev.focus")
    assert event in focus.get_attribute("data-events").split()
    assert "menyatakan sekitar 10.000" in "".join(t for t, ids in spans if event in ids.split())
    # a highlight leads to its node and its triples
    drv.execute_script("document.querySelector('#article mark.ent[data-node$=\"Q159\"]').click()")
    assert drv.find_element(By.CSS_SELECTOR, "#panel h2").text == "Russia"
    assert "this owl:sameAs wd:Q159" in panel_text(drv)
    drv.execute_script("arguments[0].click()", focus)
    assert "kg:troopCount 10000" in panel_text(drv)
    drv.save_screenshot(str(screenshots / "explorer-article.png"))


def test_search_in_two_languages(drv, fixture_page, screenshots):
    open_page(drv, fixture_page.as_uri())
    box = drv.find_element(By.ID, "search")
    box.send_keys("korea utara")  # Indonesian surface form
    results = [li.text for li in drv.find_elements(By.CSS_SELECTOR, "#results li.result")]
    assert results[0] == "North Korea Country as “Korea Utara” (id)"
    box.clear()
    box.send_keys("russia")  # English
    results = [li.text for li in drv.find_elements(By.CSS_SELECTOR, "#results li.result")]
    assert results[0].startswith("Russia Country")
    box.clear()
    box.send_keys("MOSKWA")  # an actor in no event is found too
    assert drv.find_elements(By.CSS_SELECTOR, "#results li.result")[0].text.startswith("Moscow Place")
    drv.save_screenshot(str(screenshots / "explorer-search.png"))


def test_permalink_restores_the_view(drv, fixture_page):
    open_page(drv, fixture_page.as_uri())
    drv.find_element(By.ID, "search").send_keys("Kursk")
    drv.execute_script("window.__warta.select(arguments[0])", R + "actor/Q159")
    drv.find_element(By.CSS_SELECTOR, "#kinds input[value='Statement']").click()
    drv.find_element(By.ID, "view-story").click()
    link = drv.find_element(By.ID, "permalink").get_attribute("href")
    assert link == drv.current_url and "#" in link
    drv.get("about:blank")
    open_page(drv, link)
    assert drv.find_element(By.ID, "view-story").get_attribute("class") == "active"
    assert not drv.find_element(By.ID, "story-view").get_attribute("hidden")
    assert drv.find_element(By.CSS_SELECTOR, "#panel h2").text == "Russia"
    assert drv.find_element(By.ID, "search").get_attribute("value") == "Kursk"
    assert not drv.find_element(By.CSS_SELECTOR, "#kinds input[value='Statement']").is_selected()
    # an article view with a focused event, straight from a link
    article = drv.execute_script("return Object.keys(window.__warta.data.articles)[1]")
    open_page(drv, fixture_page.as_uri() + "#view=article&article=" + urllib.parse.quote(article, safe=""))
    assert drv.find_element(By.ID, "article-pick").get_attribute("value") == article
    assert drv.find_elements(By.CSS_SELECTOR, "#article .doc mark.ent")


def test_kind_filter_hides_events(drv, fixture_page):
    open_page(drv, fixture_page.as_uri())
    visible = "return window.__warta.cy.nodes(':visible').filter(n => n.data('category') === 'event').length"
    assert drv.execute_script(visible) == 10
    drv.find_element(By.CSS_SELECTOR, "#kinds input[value='Statement']").click()
    assert drv.execute_script(visible) == 7


def test_hostile_text_shows_as_text_and_never_runs(drv, xss_page, screenshots):
    open_page(drv, xss_page.as_uri())
    speaker = R + "actor/person/img-src-x"
    drv.execute_script("window.__warta.showNode(arguments[0])", speaker)
    assert drv.find_element(By.CSS_SELECTOR, "#panel h2").text == IMG
    assert SCRIPT in panel_text(drv)  # the quote, shown verbatim
    drv.find_element(By.ID, "search").send_keys(SCRIPT)
    drv.find_element(By.ID, "view-story").click()
    Select(drv.find_element(By.ID, "agent")).select_by_value(R + "actor/Q423")
    assert IMG in drv.find_element(By.ID, "story").text  # the claimant series, as text
    drv.execute_script("window.__warta.openArticle(arguments[0])", R + "article/" +
                       drv.execute_script("return Object.keys(window.__warta.data.articles)"
                                          ".find(a => window.__warta.data.articles[a].text.includes('Juru bicara'))")
                       .rsplit("/", 1)[1])
    assert SCRIPT in drv.find_element(By.ID, "article").text  # the article text, as text
    time.sleep(0.3)
    counts = drv.execute_script("""return [window.__pwned === undefined,
        document.querySelectorAll('img').length, document.scripts.length,
        document.querySelectorAll('a[href^="javascript"]').length]""")
    assert counts == [True, 0, 4, 0]
    drv.save_screenshot(str(screenshots / "explorer-xss.png"))


class _SparqlHandler(BaseHTTPRequestHandler):
    store: ox.Store

    def do_POST(self):  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        query = urllib.parse.parse_qs(body)["query"][0]
        self.requests.append(query)
        result = self.store.query(query, use_default_graph_as_union=True)
        payload = result.serialize(format=ox.QueryResultsFormat.JSON)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


class _Url(str):
    """The endpoint URL, carrying the queries the server received."""

    def __new__(cls, url: str, requests: list[str]):
        obj = super().__new__(cls, url)
        obj.requests = requests
        return obj


@pytest.fixture
def sparql_endpoint(xss_store_dir):
    handler = type("H", (_SparqlHandler,), {"store": ox.Store.read_only(str(xss_store_dir)),
                                            "requests": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield _Url(f"http://127.0.0.1:{server.server_address[1]}/query", handler.requests)
    server.shutdown()
    server.server_close()


def test_endpoint_mode_runs_the_same_queries_as_python(drv, fixture_store_dir, sparql_endpoint,
                                                       xss_store_dir, tmp_path):
    """The page built from one store, pointed at an endpoint over another, shows the other."""
    page = tmp_path / "paged.html"
    page.write_text(render_explorer(explorer_data(StoreSource.open(fixture_store_dir)), None,
                                    page_rows=4), encoding="utf-8")
    open_page(drv, page.as_uri() + "?endpoint=" + urllib.parse.quote(sparql_endpoint))
    assert drv.execute_script("return window.__warta.source") == sparql_endpoint
    got = json.loads(drv.execute_script("return JSON.stringify(window.__warta.data)"))
    want = explorer_data(StoreSource.open(xss_store_dir))
    texts = {iri: a.pop("text") for iri, a in want["articles"].items() if "text" in a}
    for a in want["articles"].values():
        a.pop("lang", None)
    assert got == want  # article texts are not in the bulk load: each comes when opened
    assert {"nodes", "edges"} <= set(load_data(StoreSource.open(xss_store_dir)))
    # paged: every request carried a LIMIT, and the 10 events took several pages of 4 rows
    assert sparql_endpoint.requests and all("LIMIT 4 OFFSET" in q for q in sparql_endpoint.requests)
    assert sum("kg:Deployment kg:Statement kg:Agreement" in q for q in sparql_endpoint.requests) >= 3
    iri = next(iter(texts))
    drv.execute_script("window.__warta.openArticle(arguments[0])", iri)
    time.sleep(0.5)
    assert drv.find_element(By.CSS_SELECTOR, "#article .doc").text.replace("\n", "")[:30] in texts[iri].replace("\n", "")
    assert drv.execute_script("return window.__warta.data.articles[arguments[0]].text", iri) == texts[iri]
    assert drv.execute_script("return window.__pwned === undefined")


def test_endpoint_down_falls_back_to_embedded_data(drv, fixture_store_dir, tmp_path):
    page = tmp_path / "live.html"
    page.write_text(render_explorer(load_data(StoreSource.open(fixture_store_dir)),
                                    "http://127.0.0.1:9/query"), encoding="utf-8")
    open_page(drv, page.as_uri())
    assert drv.execute_script("return window.__warta.source") == "embedded data"
    assert "failed" in drv.find_element(By.ID, "status").text
    assert drv.execute_script("return window.__warta.data.nodes.length") == 24
