"""The build pipeline end to end on real parts (ingest, segment, link, RDF, pyoxigraph store),
driven by a hand-built extractor output so it does not depend on the trained model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgrun import BOOT, HERE, run_kg

from kg.pipeline import build

EXTRACTOR = ["--set", "extractor=tests.extractor.fixture.v1"]


def quads(store: Path) -> list[str]:
    s = ox.Store.read_only(str(store))
    return sorted(str(q) for q in s)


def count_articles(store: Path) -> int:
    s = ox.Store.read_only(str(store))
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/warta/ontology#Article> }"
    return int(next(iter(s.query(q, use_default_graph_as_union=True)))["n"].value)


def test_build_writes_every_article_with_its_facts(articles_dir, fixture_config, tmp_path):
    report = build([str(articles_dir)], fixture_config, store=str(tmp_path / "store"))
    assert report.ok, report.problems
    assert len(report.articles) == 2
    s = ox.Store.read_only(str(tmp_path / "store"))
    rows = list(s.query(
        """PREFIX kg: <https://w3id.org/warta/ontology#>
        SELECT ?n ?q WHERE { ?d a kg:Deployment ; kg:troopCount ?n ; kg:countQualifier ?q } ORDER BY ?n""",
        use_default_graph_as_union=True,
    ))
    assert [(int(r["n"].value), r["q"].value.rsplit("#", 1)[1]) for r in rows] == [(1500, "About"), (10000, "AtLeast")]
    # one named graph per article, plus the ontology graph
    graphs = {g.value for g in s.named_graphs()}
    assert sum(g.startswith("https://w3id.org/warta/resource/graph/") for g in graphs) == 2
    assert "https://w3id.org/warta/ontology" in graphs


def test_rebuild_is_idempotent(articles_dir, fixture_config, tmp_path):
    store = tmp_path / "store"
    first = build([str(articles_dir)], fixture_config, store=str(store))
    before = quads(store)
    second = build([str(articles_dir)], fixture_config, store=str(store))
    assert len(first.articles) == 2 and len(second.articles) == 0 and len(second.unchanged) == 2
    assert quads(store) == before


def test_changed_article_replaces_its_graph(articles_dir, fixture_config, tmp_path):
    store = tmp_path / "store"
    build([str(articles_dir)], fixture_config, store=str(store))
    f = articles_dir / "kursk-en.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("10,000", "12,000"), encoding="utf-8")
    report = build([str(articles_dir)], fixture_config, store=str(store))
    assert report.replaced == 1
    assert count_articles(store) == 2  # the old version is gone, not kept beside the new one
    text = "\n".join(quads(store))
    assert "12,000" in text and "at least 10,000 North Korean" not in text


def test_bad_inputs_are_named_and_the_batch_goes_on(articles_dir, tmp_path):
    (articles_dir / "empty.txt").write_bytes(b"")
    (articles_dir / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (articles_dir / "latin1.txt").write_bytes("Menteri mengatakan bahwa pasukan tiba di Beirut pada Kamis.".encode("utf-16"))
    (articles_dir / "soup.html").write_text("<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>")
    huge = articles_dir / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    r = run_kg("build", str(articles_dir), "--store", str(tmp_path / "store"), "--no-progress", *EXTRACTOR)
    assert r.returncode == 1, r.stderr
    err = r.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "soup.html", "huge.txt"):
        assert name in err, f"{name} not reported:\n{err}"
    assert "2 article(s) written" in r.stdout
    assert count_articles(tmp_path / "store") == 2


def test_sigkill_mid_build_then_rerun_equals_uninterrupted_build(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    base = (HERE / "data" / "kursk-id.txt").read_text(encoding="utf-8")
    for i in range(12):
        (src / f"a{i:02d}.txt").write_text(base + f"\nCatatan redaksi nomor {i}.\n", encoding="utf-8")

    ref = tmp_path / "ref"
    r = run_kg("build", str(src), "--store", str(ref), "--no-progress", *EXTRACTOR)
    assert r.returncode == 0, r.stderr

    killed = tmp_path / "killed"
    boot = [sys.executable, "-c", BOOT.format(here=str(HERE))]
    p = subprocess.Popen(
        boot + ["build", str(src), "--store", str(killed), "--no-progress", *EXTRACTOR],
        env={**os.environ, "WARTA_TEST_EXTRACT_DELAY": "0.4"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    time.sleep(3.5)  # model-free build: startup ~1-2 s, then 0.4 s per article
    assert p.poll() is None, "build finished before it could be killed; raise the delay"
    p.send_signal(signal.SIGKILL)
    p.wait()
    partial = count_articles(killed)
    assert 0 <= partial < 12
    r = run_kg("build", str(src), "--store", str(killed), "--no-progress", *EXTRACTOR)
    assert r.returncode == 0, r.stderr
    assert quads(killed) == quads(ref)
