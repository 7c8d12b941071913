"""The explorer page as text: self-contained, data embedded safely, vendored library checked."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from kg.errors import ExportError
from kg.export import viz
from kg.export.graph import QUERIES, load_data
from kg.export.source import StoreSource

DATA_BLOCK = re.compile(r'<script type="application/json" id="warta-data">(.*?)</script>', re.S)


def test_embedded_data_round_trips_and_cannot_close_the_script(xss_store_dir):
    data = load_data(StoreSource.open(xss_store_dir))
    html = viz.render_explorer(data, None)
    block = DATA_BLOCK.search(html).group(1)
    assert json.loads(block) == data  # what the page parses is exactly the store's data
    assert "</" not in block and "<!--" not in block
    assert "window.__pwned" in block  # the hostile text is there, as data
    # only the page's own four script elements are ever closed
    assert len(re.findall(r"</script", html, re.I)) == 4


def test_line_separators_are_escaped():
    html = viz.render_explorer({"nodes": [{"label": "a\u2028b\u2029c"}], "edges": []}, None)
    block = DATA_BLOCK.search(html).group(1)
    assert "\u2028" not in block and "\u2029" not in block and "\\u2028" in block


def test_config_carries_the_same_queries_and_endpoint():
    html = viz.render_explorer(None, "http://127.0.0.1:7878/query")
    cfg = json.loads(re.search(r'id="warta-config">(.*?)</script>', html, re.S).group(1))
    assert cfg["queries"] == {**QUERIES, "prefLabels": viz.EXPLORER_QUERIES["prefLabels"],
                              "spans": viz.EXPLORER_QUERIES["spans"]}
    assert cfg["endpoint"] == "http://127.0.0.1:7878/query"
    assert cfg["pageRows"] == viz.PAGE_ROWS and "<ARTICLE>" in cfg["textQuery"]
    with pytest.raises(ExportError):
        viz.render_explorer(None, None)


def test_placeholders_in_data_are_not_expanded():
    html = viz.render_explorer({"nodes": [{"label": "@@CYTOSCAPE@@"}], "edges": []}, None)
    assert DATA_BLOCK.search(html).group(1).count("@@CYTOSCAPE@@") == 1


def test_vendored_library_matches_its_recorded_hash():
    notes = (viz.STATIC / "VENDORED.md").read_text()
    digest = hashlib.sha256((viz.STATIC / viz.VENDORED_JS).read_bytes()).hexdigest()
    assert digest in notes and "cytoscape" in notes and "MIT" in notes
    assert viz.vendored_js().startswith("/**")


def test_page_loads_nothing_from_the_network():
    """No element fetches a URL: the CSP forbids it and the page's own files name none."""
    html = viz.render_explorer({"nodes": [], "edges": []}, None)
    head = html.split("<style>", 1)[0]
    assert "default-src 'none'" in head and "img-src data:" in head
    own = "".join((viz.STATIC / f).read_text() for f in ("explorer.html", "explorer.js", "explorer.css"))
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", own, re.I)
    assert not re.search(r"@import|url\(", own)
    # the only absolute URLs: the SVG namespace and the Wikidata link a user may click
    assert set(re.findall(r"https?://[^'\" )]+", own)) == {
        "http://www.w3.org/2000/svg", "https://www.wikidata.org/wiki/"}


def test_display_names_come_from_skos_preflabel_when_the_store_has_it(fixture_store_dir):
    import pyoxigraph as ox

    from kg.export.source import StoreSource

    nk = ox.NamedNode("https://w3id.org/warta/resource/actor/Q423")
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    store = ox.Store()  # the fixture store as a store of before skos:prefLabel, then with other ones
    store.extend(q for q in StoreSource.open(fixture_store_dir).quads() if q.predicate != pref)
    before = viz.explorer_data(StoreSource(store))
    g = ox.NamedNode("https://w3id.org/warta/resource/graph/labels")
    store.add(ox.Quad(nk, pref, ox.Literal("DPRK", language="en"), g))
    store.add(ox.Quad(nk, pref, ox.Literal("Korea Utara", language="id"), g))
    after = viz.explorer_data(StoreSource(store))
    old = {n["id"]: n for n in before["nodes"]}
    new = {n["id"]: n for n in after["nodes"]}
    assert old[nk.value]["label"] == "North Korea" and "prefLabels" not in old[nk.value]
    assert new[nk.value]["label"] == "DPRK"
    assert new[nk.value]["prefLabels"] == [["DPRK", "en"], ["Korea Utara", "id"]]
    renamed = [n["label"] for n in after["nodes"] if n["category"] == "event"]
    assert "DPRK → Kursk ~10,000" in renamed and not any(x.startswith("North Korea") for x in renamed)
    denial = next(n for n in after["nodes"] if n.get("modality") == "Denied")
    assert denial["claimant"] == "DPRK"


def test_articles_carry_text_offsets_and_mentioned_actors(fixture_store_dir):
    from kg.export.source import StoreSource

    data = viz.explorer_data(StoreSource.open(fixture_store_dir))
    assert len(data["articles"]) == 3
    for ev in (n for n in data["nodes"] if n["category"] == "event"):
        text = data["articles"][ev["article"]]["text"]
        assert text[ev["start"]:ev["end"]] == ev["evidence"]  # code-point offsets into the text
    langs = sorted(a["lang"] for a in data["articles"].values())
    assert langs == ["en", "id", "id"]
    assert all(a["actors"] for a in data["articles"].values())
