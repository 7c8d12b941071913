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
from typing import Callable, Iterable, Optional

from kg import __version__
from kg.config import Config
from kg.doc import Article, Problem
from kg.errors import KGError
from kg.extract.claims import one_per_claim

# articles per extractor call: their sentences share forward passes. Every pass has a fixed shape
# (kg.extract.extractor), and each length's last pass is filled up to it, so more articles per call
# waste less: 64 against 16 took the extract phase from 36 s to 33 s on 200 articles.
BATCH_ARTICLES = 64


@dataclass
class BuildReport:
    articles: list[Article] = field(default_factory=list)  # written (new or changed)
    unchanged: list[Article] = field(default_factory=list)  # already in the store: skipped (copies recorded as duplicates are not counted here)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # ingested, but the user should know
    replaced: int = 0  # changed articles whose old graph was replaced
    stale: int = 0  # stored articles built with another model, rules or settings: extracted again
    duplicates: list[Article] = field(default_factory=list)  # a stored text under another URL (syndicated copy)
    quads_written: int = 0
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=dict)
    workers: list[str] = field(default_factory=list)  # the Ray actors that built articles (a --ray build)

    @property
    def ok(self) -> bool:
        return not self.problems


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C during a build: ``report`` holds what was committed before it (each article whole)
    and ``pending`` how many articles were still to build; a re-run skips what is stored."""

    def __init__(self, report: BuildReport, pending: Optional[int]):
        super().__init__(f"{len(report.articles)} article(s) committed, {pending} still to build")
        self.report = report
        self.pending = pending


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
    batch_articles: int = BATCH_ARTICLES,
    on_note: Optional[Callable[[str, str], None]] = None,
) -> BuildReport:
    """Build the knowledge graph of ``paths`` into ``store`` (a directory) or ``endpoint``.

    ``batch_articles`` articles go to the extractor together (their sentences share batches).
    An article longer than ``config.section_chars`` is extracted alone, in sections of whole
    sentences processed in turn (``on_note(source, "section 3 of 12")`` after each), so its
    memory stays that of one section plus what it yields; one still unfinished after
    ``config.doc_seconds`` is reported as a problem and not written."""
    from kg import registry
    from kg.ingest import read_inputs
    from kg.rdf.mapping import ontology_quads

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
    try:
        for item in items:
            if isinstance(item, Problem):
                problem(item)
                continue
            first.append(item)
            break
    except KeyboardInterrupt:
        raise BuildInterrupted(report, None) from None
    if not first:
        report.seconds = time.perf_counter() - t0
        return report
    todo: list[tuple[Article, list[str]]] = []
    try:
        target = open_target(config, store, endpoint)
    except KeyboardInterrupt:
        raise BuildInterrupted(report, None) from None
    try:
        onto = list(ontology_quads())
        if not target.ensure_ontology(onto) and endpoint:
            # the ontology is there already, so nothing was written yet: a read-only server would
            # refuse only after every article was extracted. Writing it again (same content)
            # proves the build may write before any work is done.
            from kg.store.base import ONTOLOGY_GRAPH

            target.write_article(ONTOLOGY_GRAPH, onto)
        # what this build extracts with: a stored article built otherwise (another checkpoint,
        # other rules or settings) is extracted again, not kept
        extractor = registry.extractors.create(config.extractor, config=config)
        model = model_signature(config, extractor)

        # 1. read + clean + language; decide what needs work.
        todo, copies = plan(itertools.chain(first, items), target, report, model, config,
                            force=force, on_problem=problem, on_warning=on_warning)
        phases["read"] = time.perf_counter() - t
        if not todo:
            _record_copies(target, copies, report)
            return report

        # 2. the stages, built once per build.
        stages = Stages.create(config, extractor)

        with _progress(progress, len(todo)) as advance:
            for start in range(0, len(todo), batch_articles):
                batch = todo[start : start + batch_articles]

                def failed(p: Problem) -> None:
                    problem(p)
                    advance()

                finished = run_stages(batch, stages, failed, timed, on_note)
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
    except KeyboardInterrupt:
        done = len(report.articles) + len({p.source for p in report.problems} & {a.source for a, _ in todo})
        raise BuildInterrupted(report, max(len(todo) - done, 0)) from None
    finally:
        close = getattr(target, "close", None)
        if close:
            close()
        report.seconds = time.perf_counter() - t0
    return report


def model_signature(config: Config, extractor) -> str:
    """What a stored article records as ``kg:modelVersion``: the extractor and its checkpoint
    (read off the files; the model is not loaded)."""
    return f"{config.extractor} ({getattr(extractor, 'signature', None) or getattr(extractor, 'version', 'unknown')})"


def plan(
    items: Iterable[Article | Problem],
    target,
    report: BuildReport,
    model: str,
    config: Config,
    *,
    force: bool = False,
    on_problem: Callable[[Problem], None],
    on_warning: Optional[Callable[[Problem], None]] = None,
) -> tuple[list[tuple[Article, list[str]]], list[Article]]:
    """Decide what needs work: ``(todo, copies)``, ``todo`` the articles to extract with the
    graphs each one replaces, in input order; ``copies`` the syndicated copies of stored texts.
    Unchanged articles and bad inputs go to ``report`` (the latter through ``on_problem``)."""
    built_with = getattr(target, "built_with", None)
    todo: list[tuple[Article, list[str]]] = []
    seen: dict[str, Article] = {}
    copies: list[Article] = []  # syndicated copies: the same text under another URL
    for item in items:
        if isinstance(item, Problem):
            on_problem(item)
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
            on_problem(Problem(item.source, "store", str(e)))
            continue
        if state == "same" and not force:
            report.unchanged.append(item)
            copies.append(item)  # recorded below if its URL is new to the stored article
        else:
            todo.append((item, replaces))
    return todo, copies


@dataclass
class Stages:
    """The stages after reading, built once per build (or once per worker of a Ray build)."""

    config: Config
    segmenter: object
    extractor: object
    linker: object
    provenance: dict[str, str]

    @classmethod
    def create(cls, config: Config, extractor=None) -> "Stages":
        from kg import registry

        if extractor is None:
            extractor = registry.extractors.create(config.extractor, config=config)
        provenance = {
            "software": f"warta {__version__}",
            "model": model_signature(config, extractor),
            "linker": config.linker,
            "config_hash": config.hash,
        }
        return cls(
            config,
            registry.segmenters.create(config.segmenter, config=config),
            extractor,
            registry.linkers.create(config.linker, config=config),
            provenance,
        )


def _call(name: str, fn, *a):
    return fn(*a)


def run_stages(
    batch: list[tuple[Article, list[str]]],
    stages: Stages,
    failed: Callable[[Problem], None],
    timed: Callable = _call,
    on_note: Optional[Callable[[str, str], None]] = None,
) -> list[tuple[Article, str, list, list[str]]]:
    """Segment, extract (the batch in one extractor call), link and map one batch of articles:
    ``(article, graph IRI, quads, graphs it replaces)`` per finished article. An article that
    fails a stage goes to ``failed`` named by file and stage; the others go on. An article
    longer than ``config.section_chars`` is extracted alone, a section at a time."""
    from kg.rdf.mapping import article_to_quads

    config, provenance = stages.config, stages.provenance
    ready: list[tuple[Article, list[str]]] = []
    long_ones: list[tuple[Article, list[str], float]] = []
    for art, replaces in batch:
        try:
            started = time.perf_counter()
            art.sentences = timed("segment", stages.segmenter.segment, art)
            if len(art.text) > config.section_chars:
                long_ones.append((art, replaces, started))
            else:
                ready.append((art, replaces))
        except Exception as e:  # noqa: BLE001 - one bad article must not stop the batch
            failed(Problem(art.source, "segment", _reason(e)))
    try:
        timed("extract", stages.extractor.extract, [a for a, _ in ready])
    except Exception:  # noqa: BLE001 - retry one article at a time to name the bad one
        survivors = []
        for art, replaces in ready:
            try:
                timed("extract", stages.extractor.extract, [art])
                survivors.append((art, replaces))
            except Exception as e1:  # noqa: BLE001
                failed(Problem(art.source, "extract", _reason(e1)))
        ready = survivors
    for art, replaces, started in long_ones:  # alone, a section at a time
        try:
            timed("extract", extract_in_sections, stages.extractor, art, config, started, on_note)
            ready.append((art, replaces))
        except Exception as e:  # noqa: BLE001
            failed(Problem(art.source, "extract", _reason(e)))
    finished: list[tuple[Article, str, list, list[str]]] = []
    for art, replaces in ready:
        stage = "link"
        try:
            timed("link", stages.linker.link, art)
            art.events = one_per_claim(art.events, _identity)  # "Pyongyang" and "Korea Utara" are one agent
            stage = "rdf"
            art.provenance.update(provenance)
            quads = timed("rdf", article_to_quads, art, config, provenance)
            finished.append((art, config.base_iri + "graph/" + art.id, quads, replaces))
        except Exception as e:  # noqa: BLE001
            failed(Problem(art.source, stage, _reason(e)))
    return finished


def sections(art: Article, max_chars: int) -> list[tuple[int, int, list]]:
    """The article's sentences grouped into runs of whole sentences, each spanning at most
    ``max_chars`` characters (a longer single sentence is a run of its own; the extractor splits
    it into windows): ``[(start, end, sentences)]``."""
    out: list[tuple[int, int, list]] = []
    cur: list = []
    for s in art.sentences:
        if cur and s.end - cur[0].start > max_chars:
            out.append((cur[0].start, cur[-1].end, cur))
            cur = []
        cur.append(s)
    if cur:
        out.append((cur[0].start, cur[-1].end, cur))
    return out


def extract_in_sections(extractor, art: Article, config: Config, started: float,
                        on_note: Optional[Callable[[str, str], None]] = None) -> None:
    """Extract a long article one section at a time (see ``build``): each section is a small
    article of its own text, its mentions and events moved back to the article's offsets."""
    import dataclasses

    from kg.doc import Sentence
    from kg.errors import ExtractionError

    parts = sections(art, config.section_chars)
    mentions: list = []
    events: list = []
    for k, (a, z, sents) in enumerate(parts, 1):
        sub = dataclasses.replace(
            art, text=art.text[a:z], mentions=[], events=[], provenance=dict(art.provenance),
            sentences=[Sentence(s.index, s.start - a, s.end - a, s.text) for s in sents],
        )
        extractor.extract([sub])
        moved: set[int] = set()
        for m in itertools.chain(sub.mentions, (m for ev in sub.events for _, m in ev.roles())):
            if id(m) not in moved:
                moved.add(id(m))
                m.start += a
                m.end += a
        for ev in sub.events:
            ev.start += a
            ev.end += a
        mentions += sub.mentions
        events += sub.events
        art.provenance.update({k2: v for k2, v in sub.provenance.items() if k2 not in art.provenance})
        spent = time.perf_counter() - started
        if on_note:
            on_note(art.source, f"section {k} of {len(parts)} extracted ({len(art.text):,} characters, {spent:.0f}s)")
        if spent > config.doc_seconds and k < len(parts):
            raise ExtractionError(
                f"stopped after section {k} of {len(parts)}: over the per-document budget of "
                f"{config.doc_seconds:g}s ({spent:.0f}s spent); nothing written for it",
                hint=f"split the file, or raise the budget: kg --set doc_seconds={int(spent * len(parts) / k * 1.2)} build ...",
            )
    art.mentions, art.events = mentions, events


def _record_copies(target, copies: list[Article], report: BuildReport) -> None:
    """Note each syndicated copy's URL on the stored article with the same text (stores that can)."""
    add = getattr(target, "add_alternate_source", None)
    if add is None:
        return
    recorded: set[int] = set()
    for item in copies:
        try:
            if add(item.sha256, item.url or item.source):
                report.duplicates.append(item)
                recorded.add(id(item))
        except KGError as e:
            report.problems.append(Problem(item.source, "store", str(e)))
    if recorded:  # a copy whose source is new to the store is no "unchanged" article (in a fresh
        # store it never was): it is counted and named as a duplicate instead
        report.unchanged[:] = [u for u in report.unchanged if id(u) not in recorded]


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

