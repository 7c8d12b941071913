#!/usr/bin/env python
"""Benchmark the explorer page: first render of synthetic 5,000- and 20,000-node graphs in Chromium.

Builds a synthetic store (actors and events with roles, through the same SPARQL as `kg viz`),
renders explorer.html, opens it in headless Debian Chromium via Selenium and reads
``window.__wartaReady`` (ms from navigation start until the graph is laid out and drawn).

    .venv/bin/python scripts/bench_viz.py [--nodes 5000 20000] [--runs 3] [--keep FILE]

Edges are twice the nodes unless ``--edges`` is given. For each size it prints the page's own
timings (layout, cytoscape), first render per run, and the median.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

KG = "https://w3id.org/warta/ontology#"
R = "https://w3id.org/warta/resource/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"


def synthetic_store(n_nodes: int, n_edges: int, seed: int = 7) -> ox.Store:
    """~1/5 actors, the rest events; each event gets roles until ``n_edges`` edges exist."""
    rnd = random.Random(seed)
    n_actors = max(2, n_nodes // 5)
    n_events = n_nodes - n_actors
    store = ox.Store()
    quads: list[ox.Quad] = []
    kinds = ["Country", "Person", "Organization", "Place"]
    actors = []
    for i in range(n_actors):
        node = ox.NamedNode(f"{R}actor/synthetic/{i}")
        actors.append(node)
        g = ox.NamedNode(f"{R}graph/{i % 200:016x}")
        quads.append(ox.Quad(node, RDF_TYPE, ox.NamedNode(KG + kinds[i % 4]), g))
        quads.append(ox.Quad(node, LABEL, ox.Literal(f"Actor {i}", language="en"), g))
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]  # a few hubs, a long tail
    per_event = [2] * n_events
    for _ in range(max(0, n_edges - 2 * n_events)):
        per_event[rnd.randrange(n_events)] += 1
    ev_kinds = ["Deployment", "Statement", "Agreement"]
    roles = {"Deployment": ["deployingActor", "destination", "inSupportOf", "claimedBy"],
             "Statement": ["speaker", "about", "claimedBy"], "Agreement": ["party"] * 4}
    for j in range(n_events):
        art = j % 200
        g = ox.NamedNode(f"{R}graph/{art:016x}")
        article = ox.NamedNode(f"{R}article/{art:016x}")
        kind = ev_kinds[j % 3]
        ev = ox.NamedNode(f"{R}event/{art:016x}-{kind.lower()}-{j}")
        quads += [
            ox.Quad(ev, RDF_TYPE, ox.NamedNode(KG + kind), g),
            ox.Quad(ev, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), article, g),
            ox.Quad(ev, ox.NamedNode(KG + "evidence"),
                    ox.Literal(f"Synthetic evidence sentence number {j}.", language="en"), g),
            ox.Quad(ev, ox.NamedNode(KG + "date"), ox.Literal(
                f"2024-{1 + j % 12:02d}-{1 + j % 28:02d}", datatype=ox.NamedNode(XSD + "date")), g),
        ]
        if kind == "Deployment":
            quads.append(ox.Quad(ev, ox.NamedNode(KG + "troopCount"), ox.Literal(
                str(rnd.randrange(100, 15000)), datatype=ox.NamedNode(XSD + "integer")), g))
        targets = rnd.choices(actors, weights=weights, k=per_event[j])
        for k, t in enumerate(targets):
            role = roles[kind][k % len(roles[kind])]
            quads.append(ox.Quad(ev, ox.NamedNode(KG + role), t, g))
    for art in range(200):
        g = ox.NamedNode(f"{R}graph/{art:016x}")
        article = ox.NamedNode(f"{R}article/{art:016x}")
        quads.append(ox.Quad(article, RDF_TYPE, ox.NamedNode(KG + "Article"), g))
        quads.append(ox.Quad(article, ox.NamedNode("http://schema.org/url"),
                             ox.NamedNode(f"https://example.org/news/{art}"), g))
    store.extend(quads)
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[5000, 20000])
    ap.add_argument("--edges", type=int, help="default: twice the nodes")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="also write the page here")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for a render")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = ap.parse_args()
    ok = True
    for n in args.nodes:
        ok &= bench(n, args.edges or 2 * n, args)
    return 0 if ok else 1


def bench(n_nodes: int, n_edges: int, args) -> bool:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from kg.export.source import StoreSource
    from kg.export.viz import explorer_data, render_explorer

    t = time.perf_counter()
    store = synthetic_store(n_nodes, n_edges)
    data = explorer_data(StoreSource(store, "synthetic"))
    html = render_explorer(data, None, title="Warta explorer (synthetic benchmark)")
    prep = time.perf_counter() - t
    print(f"graph: {len(data['nodes'])} nodes, {len(data['edges'])} edges; "
          f"store + SPARQL + render_explorer: {prep:.2f} s; page {len(html) / 1e6:.1f} MB")

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "explorer.html"
        page.write_text(html, encoding="utf-8")
        if args.keep:
            args.keep.write_text(html, encoding="utf-8")
        opts = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--disable-component-update",
                     "--no-first-run", f"--user-data-dir={tmp}/profile", "--window-size=1400,900"):
            opts.add_argument(flag)
        opts.binary_location = args.chromium
        drv = webdriver.Chrome(service=Service(args.chromedriver), options=opts)
        drv.command_executor.client_config.timeout = args.timeout + 60  # a loaded machine is slow
        times = []
        try:
            for run in range(args.runs):
                drv.get(page.as_uri() + f"?run={run}")
                end = time.monotonic() + args.timeout
                ready = None
                while ready is None and time.monotonic() < end:
                    ready = drv.execute_script("return window.__wartaReady || null")
                    time.sleep(0.05)
                if ready is None:
                    print("the page never signalled window.__wartaReady", file=sys.stderr)
                    return False
                shown = drv.execute_script("return window.__warta.cy.nodes().length")
                tm = drv.execute_script("return window.__warta.timings")
                print("  " + ", ".join(f"{k} {v:.0f}" for k, v in tm.items()) + " (ms)")
                # responsiveness after load: a search over every node, timed in the page
                search_ms = drv.execute_script("""const s = document.getElementById('search');
                    const t = performance.now(); s.value = 'Actor 42';
                    s.dispatchEvent(new Event('input')); return performance.now() - t;""")
                times.append(float(ready))
                print(f"run {run + 1}: first render {ready:.0f} ms ({shown} nodes drawn), "
                      f"search {search_ms:.0f} ms")
        finally:
            drv.quit()
    med = statistics.median(times)
    budget = 2000 if n_nodes <= 5000 else 8000
    print(f"{n_nodes} nodes: first render (median of {len(times)}): {med:.0f} ms "
          f"[{'OK' if med < budget else 'TOO SLOW'}: budget {budget} ms]")
    return med < budget


if __name__ == "__main__":
    sys.exit(main())
