"""The benchmark scripts: argument parsing, helpers, and bench_store on a real (small) store."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kg.eval.bench import make_corpus, parse_time_v, peak_from_status, run_timed

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import fixtures_articles  # noqa: E402


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_corpus_has_n_distinct_documents_cycling_the_seeds(gold_dir, tmp_path):
    paths = make_corpus(gold_dir, 5, tmp_path / "c")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(paths) == 5 and len({hashlib.sha256(t.encode()).hexdigest() for t in texts}) == 5
    seeds = [p.read_text(encoding="utf-8").rstrip("\n") for p in sorted(gold_dir.glob("*.txt"))]
    assert seeds[0] in texts[0] and seeds[1] in texts[1] and seeds[0] in texts[2]
    assert texts[4].startswith("Salinan arsip nomor 4.\n")


def test_corpus_stays_distinct_after_cleaning(shared_seeds, tmp_path):
    """The distinguishing line must survive boilerplate cleaning, or the build skips copies."""
    from kg.ingest.clean import clean_text

    paths = make_corpus(shared_seeds, 10, tmp_path / "c")
    cleaned = {clean_text(p.read_text(encoding="utf-8")) for p in paths}
    assert len(cleaned) == 10


@pytest.fixture
def shared_seeds(seeds_dir):
    return seeds_dir


def test_peak_rss_parsers():
    assert parse_time_v("Command being timed\n\tMaximum resident set size (kbytes): 7340\n") == 7340
    assert parse_time_v("no such line") is None
    assert peak_from_status("VmPeak:\t 9 kB\nVmHWM:\t    512 kB\n") == 512


def test_run_timed_sees_a_child_allocate_memory():
    r = run_timed([sys.executable, "-c", "b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"])
    assert r.returncode == 0
    assert r.peak_rss_kib is not None and r.peak_rss_kib > 80 * 1024, r
    assert r.seconds > 0


def test_bench_extract_arguments():
    mod = _script("bench_extract")
    a = mod.parse_args([])
    assert (a.docs, a.threads, a.skip_e2e) == (200, 2, False)
    a = mod.parse_args(["-n", "7", "--threads", "1", "--skip-e2e", "--set", "batch_size=4"])
    assert (a.docs, a.threads, a.skip_e2e, a.overrides) == (7, 1, True, ["batch_size=4"])
    with pytest.raises(SystemExit):
        mod.parse_args(["-n", "0"])


def test_bench_extract_says_what_is_missing(tmp_path, capsys):
    mod = _script("bench_extract")
    rc = mod.main(["-n", "2", "--workdir", str(tmp_path), "--set", f"model={tmp_path / 'no-model'}"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "no trained extractor checkpoint" in err and "no-model" in err


def test_bench_store_compares_writer_and_oxigraph_load(tmp_path, capsys):
    from kg.config import Config
    from kg.rdf.mapping import article_to_quads, ontology_quads
    from kg.store.embedded import EmbeddedStore

    cfg = Config()
    src = tmp_path / "src"
    with EmbeddedStore(src) as st:
        st.ensure_ontology(ontology_quads())
        for a in fixtures_articles.fixture_articles():
            st.write_article(cfg.base_iri + "graph/" + a.id, article_to_quads(a, cfg), [])
        total = st.count()
    mod = _script("bench_store")
    rc = mod.main(["--store", str(src), "--workdir", str(tmp_path / "w")])
    assert rc == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["writer"]["quads"] == out["oxigraph_load"]["quads"] == total
    assert out["writer"]["graphs"] == 4  # the ontology and three articles
    assert out["writer"]["quads_per_second"] > 0 and out["oxigraph_load"]["quads_per_second"] > 0
    assert (tmp_path / "w" / "dump.nq").stat().st_size > 0


def test_bench_store_refuses_a_non_store(tmp_path):
    mod = _script("bench_store")
    with pytest.raises(SystemExit):
        mod.parse_args(["--store", str(tmp_path)])
