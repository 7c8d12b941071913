"""``kg build --ray`` on a real local Ray cluster, against the plain build of the same input.

Real parts only: Ray Data with an actor pool, the shipped small model, the embedded store (N-Quads
shards + bulk load) and a real ``oxigraph serve`` (Graph Store Protocol). Ray is in the ``test``
extra, so ``make test`` runs these; in CI a missing Ray fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Config
from kg.pipeline import build
from kg.store.base import same_graph

try:
    import ray  # noqa: F401
    import ray.data  # noqa: F401
except ImportError:  # pragma: no cover - `make test` installs it
    if os.environ.get("CI"):
        raise
    pytest.skip("Ray is not installed: pip install 'warta[ray]' (make test does)", allow_module_level=True)

from kg.distributed import build_on_ray, connect  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"
BATCH = 3  # 6 examples: two batches, so both workers build articles (one half each)


def config(tmp: Path) -> Config:
    return Config().replace(model="small", store=str(tmp / "unused-store"))


def dataset(store: Path) -> list[ox.Quad]:
    return list(ox.Store.read_only(str(store)))


def assert_same_quads(got: Path, want: Path) -> None:
    """Quad for quad; blank nodes (the ontology's OWL lists) compared by isomorphism."""
    a, b = dataset(got), dataset(want)

    def plain(qs):
        return {str(q) for q in qs if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}

    missing, extra = sorted(plain(b) - plain(a)), sorted(plain(a) - plain(b))
    assert not missing and not extra, f"missing {missing[:5]} ... extra {extra[:5]}"
    assert len(a) == len(b) and same_graph(a, b)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The examples plus one file that cannot be read (a batch must go on past it)."""
    d = tmp_path_factory.mktemp("inputs") / "articles"
    shutil.copytree(EXAMPLES, d)
    (d / "zz_broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 20)
    return d


@pytest.fixture(scope="module")
def plain(inputs, tmp_path_factory):
    """The plain local build (no Ray) of the same input, in the same batches."""
    tmp = tmp_path_factory.mktemp("plain")
    report = build([str(inputs)], config(tmp), store=str(tmp / "store"), batch_articles=BATCH)
    assert len(report.articles) == 6 and [p.source for p in report.problems] == [str(inputs / "zz_broken.txt")]
    return tmp / "store", report


@pytest.fixture(scope="module")
def cluster():
    """One local two-worker Ray cluster for the library-level tests of this module."""
    started = connect(None, workers=2)
    yield
    if started:
        ray.shutdown()


def test_cli_ray_build_writes_the_quads_of_a_plain_build(tmp_path):
    """`kg build examples/articles --ray` (a local cluster started by the command) against
    `kg build examples/articles`, both through the real CLI."""
    env = dict(os.environ)
    kg = [sys.executable, "-m", "kg", "build", str(EXAMPLES), "--no-progress", "--model", "small"]
    plain_run = subprocess.run([*kg, "--store", str(tmp_path / "plain")], capture_output=True, text=True, env=env, cwd=REPO)
    assert plain_run.returncode == 0, plain_run.stderr
    ray_run = subprocess.run([*kg, "--store", str(tmp_path / "ray"), "--ray", "--ray-workers", "2"],
                             capture_output=True, text=True, env=env, cwd=REPO)
    assert ray_run.returncode == 0, ray_run.stderr
    assert "6 article(s) written" in ray_run.stdout and "(Ray: 1 worker(s))" in ray_run.stdout.replace("\n", "")
    assert "Traceback" not in ray_run.stderr
    assert_same_quads(tmp_path / "ray", tmp_path / "plain")
    assert not list(tmp_path.glob(".warta-shards-*")), "the shards are removed after the load"


def test_two_workers_write_the_quads_of_a_plain_build(cluster, inputs, plain, tmp_path):
    plain_store, plain_report = plain
    seen = []
    report = build_on_ray([str(inputs)], config(tmp_path), store=str(tmp_path / "store"), workers=2,
                          batch_articles=BATCH, on_problem=seen.append)
    # the unreadable file is named, as in a local build, and the other articles are written
    assert [(p.source, p.stage) for p in seen] == [(p.source, p.stage) for p in plain_report.problems]
    assert "binary" in seen[0].reason or "text" in seen[0].reason
    assert sorted(a.source for a in report.articles) == sorted(a.source for a in plain_report.articles)
    assert report.quads_written == plain_report.quads_written
    assert len(report.workers) == 2, report.workers  # each half of the input on its own worker
    assert_same_quads(tmp_path / "store", plain_store)

    # actor IRIs agree across workers without coordination: the English half (one worker) and
    # the Indonesian half (the other) name their shared actors with the same IRIs
    s = ox.Store.read_only(str(tmp_path / "store"))
    rows = s.query("""SELECT DISTINCT ?a ?u WHERE { GRAPH ?g {
        ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?art . ?art <http://schema.org/url> ?u .
        ?ev ?role ?a . FILTER(CONTAINS(STR(?a), "/resource/actor/")) } }""")
    halves: dict[str, set[str]] = {"en": set(), "id": set()}
    for r in rows:
        halves[r["u"].value.rsplit("/", 1)[1][:2]].add(r["a"].value)
    shared = halves["en"] & halves["id"]
    base = "https://w3id.org/warta/resource/actor/"
    assert base + "Q423" in shared  # North Korea, linked to Wikidata
    assert base + "Q4359688" in shared  # Dmitry Peskov, linked (kg/link/data/sources/politicians.tsv)

    # a re-run finds every article stored (markers written) and changes nothing
    before = dataset(tmp_path / "store")
    again = build_on_ray([str(inputs)], config(tmp_path), store=str(tmp_path / "store"), workers=2, batch_articles=BATCH)
    assert not again.articles and len(again.unchanged) == 6
    assert same_graph(dataset(tmp_path / "store"), before)


def test_an_interrupted_build_keeps_what_landed_and_a_rerun_extracts_the_rest(cluster, inputs, plain, tmp_path):
    """Ctrl-C once the first shard is in the store: those articles stay (each whole), the re-run
    extracts only the others, and the store ends equal to an uninterrupted build."""
    from kg.pipeline import BuildInterrupted

    store = tmp_path / "store"
    landed: list[int] = []

    def interrupt(n: int) -> None:
        landed.append(n)
        raise KeyboardInterrupt  # what Ctrl-C raises on the driver, right after a shard landed

    with pytest.raises(BuildInterrupted) as stop:
        build_on_ray([str(inputs)], config(tmp_path), store=str(store), workers=2, batch_articles=BATCH,
                     on_stored=interrupt)
    assert landed == [BATCH]  # one batch = one shard, written as soon as it was finished
    assert len(stop.value.report.articles) == BATCH and stop.value.pending == 6 - BATCH
    kept = {q.graph_name.value for q in dataset(store) if q.predicate.value.endswith("#sha256")}
    assert len(kept) == BATCH
    assert not list(tmp_path.glob(".warta-shards-*")), "the shards are removed when the build stops"

    again = build_on_ray([str(inputs)], config(tmp_path), store=str(store), workers=2, batch_articles=BATCH)
    assert len(again.unchanged) == BATCH and len(again.articles) == 6 - BATCH  # only what was missing
    assert not kept & {config(tmp_path).base_iri + "graph/" + a.id for a in again.articles}
    assert_same_quads(store, plain[0])


def test_gsp_sink_writes_the_quads_of_a_plain_build(cluster, inputs, plain, tmp_path):
    """Workers PUT their articles into a real `oxigraph serve` over the Graph Store Protocol."""
    from kg.store.server import OxigraphServer

    server = OxigraphServer(tmp_path / "served", port=0, writable=True).start()
    try:
        report = build_on_ray([str(inputs)], config(tmp_path), endpoint=server.base_url, workers=2,
                              batch_articles=BATCH)
        assert len(report.articles) == 6 and len(report.problems) == 1
    finally:
        server.stop()
    assert_same_quads(tmp_path / "served", plain[0])
