"""The build: article -> clean text -> sentences -> mentions -> events -> linked actors -> RDF -> store.

``build`` chains the stages named in the config, each looked up in its registry. A bad document
is reported by name and stage and the batch goes on; each article is written to the store in one
transaction, so a killed build leaves no half-written article and a re-run finishes the job.
Unchanged articles (same cleaned text, same build signature) are skipped: re-running a build is
idempotent.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from kg import __version__
from kg.config import Config
from kg.doc import Article, Problem
from kg.errors import KGError
from kg.extract.claims import one_per_claim

BATCH_ARTICLES = 16  # articles per extractor call: sentences are batched across them


@dataclass
class BuildReport:
    articles: list[Article] = field(default_factory=list)  # written (new or changed)
    unchanged: list[Article] = field(default_factory=list)  # already in the store: skipped
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # ingested, but the user should know
    replaced: int = 0  # changed articles whose old graph was replaced
    stale: int = 0  # stored articles built with another model, rules or settings: extracted again
    duplicates: list[Article] = field(default_factory=list)  # a stored text under another URL (syndicated copy)
    quads_written: int = 0
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def open_target(config: Config, store: Optional[str] = None, endpoint: Optional[str] = None):
    """The store a build writes to: an embedded directory, or a SPARQL 1.1 server (GSP)."""
    if endpoint:
        from kg.store.remote import EndpointStore

        return EndpointStore.from_config(endpoint, config)
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(store or config.store)


def build(
    paths: list[str],
    config: Config,
    *,
    store: Optional[str] = None,
    endpoint: Optional[str] = None,
    progress: bool = False,
    force: bool = False,
    on_problem: Optional[Callable[[Problem], None]] = None,
    on_warning: Optional[Callable[[Problem], None]] = None,
) -> BuildReport:
    """Build the knowledge graph of ``paths`` into ``store`` (a directory) or ``endpoint``."""
    from kg import registry
    from kg.ingest import read_inputs
    from kg.rdf.mapping import article_to_quads, ontology_quads

    t0 = time.perf_counter()
    report = BuildReport()
    phases = report.phase_seconds

    def problem(p: Problem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    def timed(name: str, fn, *a):
        t = time.perf_counter()
        try:
            return fn(*a)
        finally:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - t

    # inputs that all fail (a path that does not exist, only empty files) touch no store at all
    t = time.perf_counter()
    items = iter(read_inputs(paths, config))
    first: list[Article] = []
    for item in items:
        if isinstance(item, Problem):
            problem(item)
            continue
        first.append(item)
        break
    if not first:
        report.seconds = time.perf_counter() - t0
        return report
    target = open_target(config, store, endpoint)
    try:
        target.ensure_ontology(ontology_quads())
        # what this build extracts with: a stored article built otherwise (another checkpoint,
        # other rules or settings) is extracted again, not kept
        extractor = registry.extractors.create(config.extractor, config=config)
        model = f"{config.extractor} ({getattr(extractor, 'signature', None) or getattr(extractor, 'version', 'unknown')})"
        built_with = getattr(target, "built_with", None)

        # 1. read + clean + language; decide what needs work.
        todo: list[tuple[Article, list[str]]] = []
        seen: dict[str, Article] = {}
        copies: list[Article] = []  # syndicated copies: the same text under another URL
        for item in itertools.chain(first, items):
            if isinstance(item, Problem):
                problem(item)
                continue
            if item.provenance.get("warning"):  # e.g. a language the extractor was not trained on
                w = Problem(item.source, "language", item.provenance["warning"])
                report.warnings.append(w)
                if on_warning:
                    on_warning(w)
            if item.sha256 in seen:  # the same text twice in one batch: one graph, the copy's URL noted on it
                report.unchanged.append(item)
                first_seen = seen[item.sha256]
                if (item.url or item.source) != (first_seen.url or first_seen.source):
                    copies.append(item)
                continue
            seen[item.sha256] = item
            try:
                state = target.article_state(item.sha256, item.url)
                replaces = [g for g in target.graphs_for_url(item.url)] if state == "changed" else []
                if state == "same" and built_with is not None and built_with(item.sha256) != (model, config.hash):
                    state = "stale"
                    report.stale += 1
            except KGError as e:
                problem(Problem(item.source, "store", str(e)))
                continue
            if state == "same" and not force:
                report.unchanged.append(item)
                copies.append(item)  # recorded below if its URL is new to the stored article
            else:
                todo.append((item, replaces))
        phases["read"] = time.perf_counter() - t
        if not todo:
            _record_copies(target, copies, report)
            return report

        # 2. the stages, built once per build.
        segmenter = registry.segmenters.create(config.segmenter, config=config)
        linker = registry.linkers.create(config.linker, config=config)
        provenance = {
            "software": f"warta {__version__}",
            "model": model,
            "linker": config.linker,
            "config_hash": config.hash,
        }

        with _progress(progress, len(todo)) as advance:
            for start in range(0, len(todo), BATCH_ARTICLES):
                batch = todo[start : start + BATCH_ARTICLES]
                ready: list[tuple[Article, list[str]]] = []
                for art, replaces in batch:
                    try:
                        art.sentences = timed("segment", segmenter.segment, art)
                        ready.append((art, replaces))
                    except Exception as e:  # noqa: BLE001 - one bad article must not stop the batch
                        problem(Problem(art.source, "segment", _reason(e)))
                        advance()
                try:
                    timed("extract", extractor.extract, [a for a, _ in ready])
                except Exception:  # noqa: BLE001 - retry one article at a time to name the bad one
                    survivors = []
                    for art, replaces in ready:
                        try:
                            timed("extract", extractor.extract, [art])
                            survivors.append((art, replaces))
                        except Exception as e1:  # noqa: BLE001
                            problem(Problem(art.source, "extract", _reason(e1)))
                            advance()
                    ready = survivors
                finished: list[tuple[Article, str, list, list[str]]] = []
                for art, replaces in ready:
                    stage = "link"
                    try:
                        timed("link", linker.link, art)
                        art.events = one_per_claim(art.events, _identity)  # "Pyongyang" and "Korea Utara" are one agent
                        stage = "rdf"
                        art.provenance.update(provenance)
                        quads = timed("rdf", article_to_quads, art, config, provenance)
                        finished.append((art, config.base_iri + "graph/" + art.id, quads, replaces))
                    except Exception as e:  # noqa: BLE001
                        problem(Problem(art.source, stage, _reason(e)))
                        advance()
                # 3. the batch's finished articles in one transaction where the store can (each
                # article whole or not at all, whatever kills the process); one by one otherwise,
                # or when the batch write fails, so a bad article is named and the others land
                written = False
                if len(finished) > 1 and hasattr(target, "write_articles"):
                    try:
                        timed("store", target.write_articles, [(g, q, r) for _, g, q, r in finished])
                        written = True
                    except Exception:  # noqa: BLE001 - retry one by one to name the article
                        written = False
                for art, graph, quads, replaces in finished:
                    try:
                        if not written:
                            timed("store", target.write_article, graph, quads, replaces)
                        report.articles.append(art)
                        report.quads_written += len(quads)
                        report.replaced += bool(replaces)
                    except Exception as e:  # noqa: BLE001
                        problem(Problem(art.source, "store", _reason(e)))
                    advance()
        _record_copies(target, copies, report)
    finally:
        close = getattr(target, "close", None)
        if close:
            close()
        report.seconds = time.perf_counter() - t0
    return report


def _record_copies(target, copies: list[Article], report: BuildReport) -> None:
    """Note each syndicated copy's URL on the stored article with the same text (stores that can)."""
    add = getattr(target, "add_alternate_source", None)
    if add is None:
        return
    for item in copies:
        try:
            if add(item.sha256, item.url or item.source):
                report.duplicates.append(item)
        except KGError as e:
            report.problems.append(Problem(item.source, "store", str(e)))


def _identity(m) -> str:
    """An actor's store-wide identity once linked (its mention text when no linker ran)."""
    return m.key or m.text.lower()


def _reason(e: BaseException) -> str:
    if isinstance(e, KGError):
        return str(e)
    return f"{type(e).__name__}: {e}"


class _progress:
    """A rich progress bar over articles, or nothing."""

    def __init__(self, enabled: bool, total: int):
        self.enabled = enabled
        self.total = total
        self._p = None

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        self._p = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
        )
        self._p.__enter__()
        task = self._p.add_task("building", total=self.total)
        return lambda: self._p.advance(task)

    def __exit__(self, *exc):
        if self._p is not None:
            self._p.__exit__(*exc)
        return False

