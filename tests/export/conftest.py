"""Fixtures for the export tests: a real pyoxigraph store filled from the hand-built articles.

The store is mapped with the real ``kg.rdf.mapping.article_to_quads``.
Point ``KG_TEST_EXPORT_STORE`` at another store directory (e.g. one built from the seed
articles) to run the store-agnostic checks against it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Config
from kg.doc import Article, Event, Link, Mention, Sentence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures_articles import fixture_articles  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_helpers import IMG, SCRIPT  # noqa: E402

KG = "https://w3id.org/warta/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def xss_article() -> Article:
    """An article whose actor label and quote are HTML that would run if injected unescaped."""
    s0 = f'Juru bicara {IMG} berkata "{SCRIPT}" kepada wartawan.'
    s1 = f"Korea Utara mengirim 500 tentara ke Kursk menurut {IMG}."
    text = s0 + " " + s1
    o1 = len(s0) + 1
    spk = Mention(start=12, end=12 + len(IMG), text=IMG, type="Person", sentence=0,
                  link=Link(key="person/img-src-x", type="Person"))
    nk = Mention(start=o1, end=o1 + 11, text="Korea Utara", type="Country", sentence=1,
                 link=Link(key="Q423", type="Country", qid="Q423"))
    kur = o1 + s1.index("Kursk")
    kursk = Mention(start=kur, end=kur + 5, text="Kursk", type="Place", sentence=1,
                    link=Link(key="Q3178", type="Place", qid="Q3178"))
    cl = o1 + s1.index(IMG)
    claim = Mention(start=cl, end=cl + len(IMG), text=IMG, type="Person", sentence=1,
                    link=Link(key="person/img-src-x", type="Person"))
    events = [
        Event(kind="Statement", start=0, end=len(s0), evidence=s0, sentence=0, speaker=spk,
              text=SCRIPT, is_quote=True, date="2024-12-01", extractor="fixture"),
        Event(kind="Deployment", start=o1, end=len(text), evidence=s1, sentence=1, agent=nk,
              troop_count=500, qualifier="Exact", destination=kursk, claimant=claim,
              date="2024-12-02", extractor="fixture"),
    ]
    return Article(text=text, source="mem:xss", url="javascript:window.__pwned=1",
                   lang="id", title=f"Judul {SCRIPT}", published="2024-12-03",
                   sentences=[Sentence(0, 0, len(s0), s0), Sentence(1, o1, len(text), s1)],
                   mentions=[spk, nk, kursk, claim], events=events)


def article_quads(article: Article, cfg: Config) -> list[ox.Quad]:
    from kg.rdf.mapping import article_to_quads

    return list(article_to_quads(article, cfg))


def fill_store(path: Path, articles: list[Article], cfg: Config) -> Path:
    store = ox.Store(str(path))
    for a in articles:
        store.extend(article_quads(a, cfg))
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def export_cfg() -> Config:
    return Config()


@pytest.fixture(scope="session")
def fixture_store_dir(tmp_path_factory, export_cfg) -> Path:
    """A store on disk holding the three hand-built articles."""
    return fill_store(tmp_path_factory.mktemp("export") / "store", fixture_articles(), export_cfg)


@pytest.fixture(scope="session")
def store_dir(fixture_store_dir) -> Path:
    """The store the store-agnostic checks run on (override: KG_TEST_EXPORT_STORE=DIR)."""
    other = os.environ.get("KG_TEST_EXPORT_STORE")
    return Path(other) if other else fixture_store_dir


@pytest.fixture(scope="session")
def xss_store_dir(tmp_path_factory, export_cfg) -> Path:
    """The hand-built articles plus one whose label and quote are live HTML."""
    return fill_store(tmp_path_factory.mktemp("export-xss") / "store",
                      fixture_articles() + [xss_article()], export_cfg)


@pytest.fixture(scope="session")
def artifacts_dir(repo_root) -> Path:
    d = repo_root / "artifacts"
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture(scope="session")
def screenshots(repo_root) -> Path:
    """Where browser tests save screenshots: $KG_SCREENSHOTS, else artifacts/screenshots/."""
    d = Path(os.environ.get("KG_SCREENSHOTS") or repo_root / "artifacts" / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope="session", autouse=True)
def _exporters_of_this_checkout():
    """Entry points come from the installed metadata, which may predate an exporter this checkout
    declares in pyproject.toml (until the next `pip install -e .`): register those by hand.
    test_every_builtin_exporter_is_declared_as_an_entry_point keeps pyproject.toml honest."""
    import tomllib

    from kg import registry

    declared = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    for name, target in declared["project"]["entry-points"]["kg.exporters"].items():
        if name not in registry.exporters.names():
            module, cls = target.split(":")
            registry.exporters.register(name, getattr(__import__(module, fromlist=[cls]), cls))
    yield
