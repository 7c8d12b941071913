"""The build on a Ray cluster: the stages of :mod:`kg.pipeline` as one Ray Data pipeline.

``build_on_ray`` runs read + clean as Ray tasks (one per input file), then segmentation,
extraction, linking and RDF mapping in a pool of actors (``map_batches`` with a callable class:
each actor loads the model once), then the write stage, to one of two sinks:

* a SPARQL 1.1 server (``endpoint``): each worker PUTs its articles' graphs over the Graph Store
  Protocol (:class:`kg.store.remote.EndpointStore`, one atomic replace per article);
* the embedded store (``store``): each worker writes its finished articles as an N-Quads shard
  (one per batch), and the driver writes each shard into the store as soon as it is finished
  (:meth:`kg.store.embedded.EmbeddedStore.write_shard`: one transaction per shard, as a local
  build writes a batch). A build killed or interrupted keeps every shard that landed, each
  article whole, and a re-run extracts only the rest.

What needs work is decided on the driver, with the store, by the same :func:`kg.pipeline.plan`
as a local build, and the articles go to the extractor in the same groups of
``batch_articles`` (one Ray row per group; 16 by default, smaller than a local build's groups so
that both workers get rows on a small build). Every forward pass has a fixed shape, so an
article's extractions do not depend on its group, and the output is the same set of quads as
``kg build`` without Ray. IRIs are minted from the article text and the linked identity alone
(:mod:`kg.rdf.iris`), so workers agree on every actor IRI without talking to each other.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Callable, Optional

from kg.config import Config
from kg.doc import Article, Problem
from kg.errors import ClusterError, KGError
from kg.pipeline import BuildInterrupted, BuildReport, _progress, _reason, _record_copies, model_signature, open_target, plan

DEFAULT_WORKERS = 2
RAY_BATCH_ARTICLES = 16  # articles per Ray row (one extractor call each)
START_ATTEMPTS = 3  # a local cluster on a busy machine can miss Ray's start-up deadline
OBJECT_STORE_BYTES = 512 * 1024**2  # a local cluster's shared-memory object store (plenty: rows are articles)

_ROW = ("k", "source", "graph", "nquads", "quads", "stage", "reason", "worker")


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as e:
        raise ClusterError(
            "Ray is not installed", hint="pip install 'warta[ray]' (Ray Data), or build without --ray"
        ) from e
    return ray


def connect(address: Optional[str] = None, *, workers: int = DEFAULT_WORKERS,
            object_store_memory: int = OBJECT_STORE_BYTES) -> bool:
    """Join the Ray cluster at ``address`` (``host:port``, ``ray://host:10001`` or ``auto``), or
    start a quiet local one sized for ``workers`` when ``address`` is None. True when this call
    started Ray (the caller shuts it down); False when Ray was already up in this process."""
    ray = _ray()
    if ray.is_initialized():
        return False
    kw: dict = dict(include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    if address:
        kw["address"] = address
    else:
        # one CPU slot per extraction actor plus one for the read and write tasks. Workers import
        # `kg` as the driver does: installed, or from the current directory (Ray puts it on the
        # workers' path) or PYTHONPATH (inherited); no runtime_env, so Ray's pre-started worker
        # processes serve the build
        kw.update(num_cpus=workers + 1, object_store_memory=object_store_memory)
    # its notices (token authentication on by default, deprecations) are for Ray's own users
    logging.getLogger("ray").setLevel(logging.ERROR)
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            ray.init(**kw)
            return True
        except Exception as e:  # noqa: BLE001 - Ray raises a bare Exception when its node starts too slowly
            ray.shutdown()
            if address or attempt == START_ATTEMPTS or "timed out during startup" not in str(e):
                raise ClusterError(
                    f"cannot {'reach the Ray cluster' if address else 'start a local Ray cluster'}: {e}",
                    hint="start one with `ray start --head` and pass its address with --ray-address",
                    source=address) from e
            # a loaded machine: Ray gives its local node 30 s to come up; try again
    return True


def _quiet_data() -> None:
    """Our own progress bar and problem lines, not Ray Data's."""
    from ray.data import DataContext

    ctx = DataContext.get_current()
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # "progress bars disabled"
    ctx.enable_progress_bars = False
    ctx.execution_options.verbose_progress = False
    ctx.execution_options.preserve_order = False
    # batches go out once every actor has its model, one at a time each: the work is spread
    # over the whole pool from the first batch on
    ctx.wait_for_min_actors_s = 1800


# -- the stages (run on workers) -------------------------------------------------------------

def _read(row: dict, config: Config) -> list[dict]:
    """Read + clean one input file: one row per article or problem, in the file's order."""
    from kg.ingest import read_file

    out = []
    for j, item in enumerate(read_file(Path(row["path"]), config)):
        out.append({"i": row["i"], "j": j, "item": pickle.dumps(item)})
    return out


def _row(k: int, source: str, *, graph: str = "", nquads: bytes = b"", quads: int = 0,
         stage: str = "", reason: str = "", worker: str = "") -> dict:
    return dict(k=k, source=source, graph=graph, nquads=nquads, quads=quads, stage=stage, reason=reason,
                worker=worker)


def _table(rows: list[dict]):
    import pyarrow as pa

    return pa.table({name: [r[name] for r in rows] for name in _ROW},
                    schema=pa.schema([("k", pa.int64()), ("source", pa.string()), ("graph", pa.string()),
                                      ("nquads", pa.binary()), ("quads", pa.int64()), ("stage", pa.string()),
                                      ("reason", pa.string()), ("worker", pa.string())]))


class ExtractWorker:
    """One Ray actor: the stages after reading, built (and the model loaded) once per actor.

    Each input row is one batch of articles, exactly as a local build groups them."""

    def __init__(self, config: Config):
        import torch

        from kg.pipeline import Stages

        self.stages = Stages.create(config)
        load = getattr(self.stages.extractor, "_loaded", None)
        if load:
            load()  # now, not inside the first batch
        self.worker = f"{os.uname().nodename}:{os.getpid()}"
        self.threads = torch.get_num_threads()

    def __call__(self, batch):
        import pyoxigraph as ox

        from kg.pipeline import run_stages
        from kg.store.base import in_graph

        rows: list[dict] = []
        for payload in batch.column("batch").to_pylist():
            items: list[tuple[int, Article, list[str]]] = pickle.loads(payload)
            index = {id(a): k for k, a, _ in items}
            problems: list[Problem] = []
            finished = run_stages([(a, r) for _, a, r in items], self.stages, problems.append)
            by_source = {a.source: k for k, a, _ in items}
            for p in problems:
                rows.append(_row(by_source.get(p.source, -1), p.source, stage=p.stage, reason=p.reason,
                                 worker=self.worker))
            for art, graph, quads, _ in finished:
                body = ox.serialize(in_graph(graph, quads), format=ox.RdfFormat.N_QUADS) or b""
                rows.append(_row(index[id(art)], art.source, graph=graph, nquads=body, quads=len(quads),
                                 worker=self.worker))
        return _table(rows)


def _write_shard(batch, shard_dir: str):
    """Write stage of the N-Quads sink: this block's articles as one shard file (the driver
    writes it into the store: see ``EmbeddedStore.write_shard``); the rows go on with the shard's
    path, and the file is whole before any row naming it leaves this task."""
    import pyarrow as pa

    nquads = batch.column("nquads").to_pylist()
    path = ""
    if any(nquads):
        path = os.path.join(shard_dir, f"shard-{uuid.uuid4().hex}.nq")
        with open(path + ".part", "wb") as f:
            f.writelines(nquads)
        os.replace(path + ".part", path)  # a file is whole or absent
    return batch.set_column(batch.schema.get_field_index("nquads"), "nquads",
                            pa.array([path.encode() if q else b"" for q in nquads], pa.binary()))


class GspWriter:
    """Write stage of the SPARQL-server sink: each article's graph PUT over the Graph Store
    Protocol (one atomic replace per article on the server), replaced versions deleted first."""

    def __init__(self, endpoint: str, replaces: dict[str, list[str]]):
        from kg.store.remote import EndpointStore

        self.target = EndpointStore(endpoint)
        self.replaces = replaces

    def __call__(self, batch):
        import pyoxigraph as ox

        rows = batch.to_pylist()
        for r in rows:
            if r["stage"] or not r["graph"]:
                continue
            try:
                quads = list(ox.parse(r["nquads"], ox.RdfFormat.N_QUADS))
                self.target.write_article(r["graph"], quads, self.replaces.get(r["graph"], []))
            except Exception as e:  # noqa: BLE001 - one failed write names its article, the rest go on
                r.update(stage="store", reason=_reason(e))
            r["nquads"] = b""
        return _table(rows)


# -- the driver ------------------------------------------------------------------------------

def build_on_ray(
    paths: list[str],
    config: Config,
    *,
    address: Optional[str] = None,
    workers: int = DEFAULT_WORKERS,
    store: Optional[str] = None,
    endpoint: Optional[str] = None,
    shard_dir: Optional[str] = None,
    progress: bool = False,
    force: bool = False,
    on_problem: Optional[Callable[[Problem], None]] = None,
    on_warning: Optional[Callable[[Problem], None]] = None,
    on_note: Optional[Callable[[str, str], None]] = None,
    on_stored: Optional[Callable[[int], None]] = None,
    batch_articles: int = RAY_BATCH_ARTICLES,
    object_store_memory: int = OBJECT_STORE_BYTES,
) -> BuildReport:
    """Build ``paths`` like :func:`kg.pipeline.build`, the work spread over a Ray cluster.

    ``address`` None starts a local cluster for this build (and stops it after); ``workers``
    extraction actors each hold one model. ``shard_dir`` is where workers write N-Quads shards for
    the embedded store (a temporary directory beside the store by default; on a multi-node
    cluster, a directory every node shares with the driver). ``report.workers`` lists the actors
    that built articles (``host:pid``). ``on_note`` is accepted for the local build's signature:
    the per-section progress of a long article happens inside a worker and is not relayed.
    ``on_stored(n)`` is called on the driver each time ``n`` more articles are in the store.

    Articles land as they finish (a shard, or a PUT, per batch), so Ctrl-C raises
    :class:`kg.pipeline.BuildInterrupted` with what was committed, and a build killed in any way
    keeps every batch that landed: the next run skips those and extracts the rest."""
    del on_note
    if workers < 1:
        raise ClusterError(f"--ray-workers must be at least 1, not {workers}")
    ray = _ray()
    from kg import registry
    from kg.ingest.paths import expand_paths
    from kg.rdf.mapping import ontology_quads

    from kg.config import resolved_precision

    t0 = time.perf_counter()
    report = BuildReport()
    phases = report.phase_seconds
    # "auto" resolved once, on the driver: every worker runs the precision the build signature
    # records, whatever CPU it lands on
    config = config.replace(precision=resolved_precision(config.precision))

    def problem(p: Problem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    files: list[Path] = []
    for item in expand_paths(paths):
        if isinstance(item, Problem):
            problem(item)
        else:
            files.append(item)
    if not files:
        report.seconds = time.perf_counter() - t0
        return report

    started = connect(address, workers=workers, object_store_memory=object_store_memory)
    target = None
    shards_made = None
    try:
        _quiet_data()
        # 1. read + clean: one task per file; the driver puts the articles back in input order
        t = time.perf_counter()
        read = ray.data.from_items([{"i": i, "path": str(p)} for i, p in enumerate(files)],
                                   override_num_blocks=min(len(files), 2 * (workers + 1)))
        rows = sorted(((r["i"], r["j"], r["item"]) for r in read.flat_map(_read, fn_kwargs={"config": config}).iter_rows()),
                      key=lambda r: r[:2])
        items: list[Article | Problem] = [pickle.loads(r[2]) for r in rows]
        if not any(isinstance(x, Article) for x in items):  # nothing readable: touch no store
            for x in items:
                problem(x)
            return report
        target = open_target(config, store, endpoint)
        target.ensure_ontology(ontology_quads())
        extractor = registry.extractors.create(config.extractor, config=config)  # its signature, not its model
        todo, copies = plan(items, target, report, model_signature(config, extractor), config,
                            force=force, on_problem=problem, on_warning=on_warning)
        del items, rows
        phases["read"] = time.perf_counter() - t
        if not todo:
            _record_copies(target, copies, report)
            return report

        # 2. extraction + linking + RDF in the actor pool, one row per batch of articles
        t = time.perf_counter()
        batches = [pickle.dumps([(k, a, r) for k, (a, r) in enumerate(todo[s : s + batch_articles], start=s)])
                   for s in range(0, len(todo), batch_articles)]
        ds = ray.data.from_items([{"batch": b} for b in batches], override_num_blocks=len(batches))
        pool = min(workers, len(batches))  # no idle actor holding a model
        ds = ds.map_batches(ExtractWorker, fn_constructor_kwargs={"config": config}, batch_size=1,
                            batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=pool, max_tasks_in_flight_per_actor=1),
                            num_cpus=1)
        # 3. write
        if endpoint:
            replaces = {config.base_iri + "graph/" + a.id: r for a, r in todo if r}
            ds = ds.map_batches(GspWriter, fn_constructor_kwargs={"endpoint": endpoint, "replaces": replaces},
                                batch_size=None, batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=pool),
                                num_cpus=0.5)
        else:
            shards_made = shard_dir is None
            shard_dir = shard_dir or tempfile.mkdtemp(prefix=".warta-shards-", dir=str(Path(target.path).resolve().parent))
            os.makedirs(shard_dir, exist_ok=True)
            ds = ds.map_batches(_write_shard, fn_kwargs={"shard_dir": shard_dir}, batch_size=None,
                                batch_format="pyarrow", num_cpus=0.5)

        used: set[str] = set()
        graph_k = {config.base_iri + "graph/" + a.id: k for k, (a, _) in enumerate(todo)}
        graph_replaces = {g: todo[k][1] for g, k in graph_k.items()}
        stored: set[int] = set()  # the articles in the store
        shards: dict[str, str] = {}  # shard -> "" once in the store, else why it could not be written
        store_s = 0.0

        def stored_one(k: int, quads: int) -> None:
            stored.add(k)
            report.articles.append(todo[k][0])
            report.quads_written += quads
            report.replaced += bool(todo[k][1])

        def land(shard: str) -> str:
            """Write one finished shard into the store (one transaction), then delete it."""
            nonlocal store_s
            t_store = time.perf_counter()
            try:
                written = target.write_shard(shard, graph_replaces)
            except KGError as e:
                return str(e)
            finally:
                store_s += time.perf_counter() - t_store
            for g, n in written.items():
                stored_one(graph_k[g], n)
            if on_stored:
                on_stored(len(written))
            try:
                os.remove(shard)
            except OSError:
                pass
            return ""

        with _progress(progress, len(todo)) as advance:
            rows_in = iter(ds.iter_rows())  # a generator: closed below however the loop ends
            try:
                for r in rows_in:
                    used.add(r["worker"])
                    if r["stage"]:
                        problem(Problem(r["source"], r["stage"], r["reason"]))
                        advance()
                        continue
                    shard = "" if endpoint else r["nquads"].decode()
                    if shard and shard not in shards:  # the first row of a shard: the file is whole
                        shards[shard] = land(shard)
                    if shards.get(shard):
                        problem(Problem(todo[r["k"]][0].source, "store", shards[shard]))
                    elif r["k"] not in stored:  # written by its worker (GSP), or a shard with no quads
                        stored_one(r["k"], r["quads"])
                        if on_stored:
                            on_stored(1)
                    advance()
            except ray.exceptions.RayError as e:  # a worker lost, the cluster gone: one line, not Ray's traceback
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise ClusterError(f"the Ray pipeline failed after {len(stored)} article(s): {first}",
                                   hint="articles already written are complete; run the same command again") from e
            except KeyboardInterrupt:
                settled = len(report.articles) + len({p.source for p in report.problems} & {a.source for a, _ in todo})
                raise BuildInterrupted(report, max(len(todo) - settled, 0)) from None
            finally:
                close = getattr(rows_in, "close", None)
                if close:  # Ray Data shuts its executor (and the actors) down now, not at garbage collection
                    close()
        phases["ray"] = time.perf_counter() - t - store_s
        if not endpoint:
            phases["store"] = store_s
        report.workers = sorted(used)
        order = {id(a): i for i, (a, _) in enumerate(todo)}
        report.articles.sort(key=lambda a: order[id(a)])
        _record_copies(target, copies, report)
    finally:
        if shards_made and shard_dir:
            shutil.rmtree(shard_dir, ignore_errors=True)
        if target is not None:
            target.close()
        if started:
            ray.shutdown()
        report.seconds = time.perf_counter() - t0
    return report
