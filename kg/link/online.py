"""Opt-in online linker (``kg.linker.online.v1``): the offline index first, then Wikidata SPARQL.

Names the offline index cannot link to an id are looked up by exact label or alias (any
language, as written and title-cased) with a type constraint on ``wdt:P31``. Answers, including
"no match", go to a persistent sqlite cache (``config.link_cache``), so a second run sends no
request. Requests carry a polite User-Agent, are rate limited (``config.link_rate`` per second),
time out (``config.link_timeout``) and are retried with backoff on 429/5xx. When the endpoint is
down or too slow the linker warns once and carries on offline.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Optional

from kg import __version__
from kg.config import Config
from kg.doc import Article, Link, Mention
from kg.link.explain import Explanation
from kg.link.index import AliasIndex
from kg.link.keys import fold, is_qid, qid_number, strip_titles
from kg.link.offline import OfflineLinker

log = logging.getLogger("kg.link.online")

USER_AGENT = f"Warta/{__version__} (https://w3id.org/warta; knowledge-graph builder)"

# wdt:P31 classes per mention type (human; country / sovereign state; organization and subclasses).
TYPE_CONSTRAINT = {
    "Person": "?item wdt:P31 wd:Q5 .",
    "Country": "VALUES ?cls { wd:Q6256 wd:Q3624078 } ?item wdt:P31 ?cls .",
    "Organization": "?item wdt:P31/wdt:P279* wd:Q43229 .",
    "Place": "?item wdt:P625 ?coord .",
}

QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT DISTINCT ?item ?how ?en ?desc WHERE {{
  VALUES ?name {{ {names} }}
  {{ ?item rdfs:label ?name . BIND("label" AS ?how) }}
  UNION {{ ?item skos:altLabel ?name . BIND("alias" AS ?how) }}
  {constraint}
  OPTIONAL {{ ?item rdfs:label ?en . FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?item schema:description ?desc . FILTER(LANG(?desc) = "en") }}
}} LIMIT 50"""


def _literal(s: str, lang: str) -> str:
    esc = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{esc}"@{lang}'


def build_query(name: str, type_: str, langs: tuple[str, ...]) -> str:
    """The SPARQL for one name: exact label/alias match in each language and case form.

    >>> q = build_query("choe son hui", "Person", ("en",))
    >>> '"Choe Son Hui"@en' in q and "wd:Q5" in q
    True
    """
    forms = sorted({name, name.title()})
    names = " ".join(_literal(f, lang) for f in forms for lang in langs)
    return QUERY.format(names=names, constraint=TYPE_CONSTRAINT.get(type_, ""))


class EndpointDown(Exception):
    """The endpoint did not answer (refused, timed out): stop asking for this run."""


class LinkCache:
    """Persistent answers: ``(endpoint, type, name) -> result or None`` in sqlite."""

    def __init__(self, location: str):
        p = Path(location).expanduser()
        if p.suffix not in {".sqlite", ".db", ".sqlite3"}:
            p = p / "links.sqlite"
        p.parent.mkdir(parents=True, exist_ok=True)
        self.path = p
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(p), check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (endpoint TEXT, type TEXT, name TEXT, value TEXT,"
            " saved REAL, PRIMARY KEY (endpoint, type, name))"
        )
        self._db.commit()

    def get(self, endpoint: str, type_: str, name: str) -> tuple[bool, Optional[dict]]:
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM answers WHERE endpoint=? AND type=? AND name=?",
                (endpoint, type_, name),
            ).fetchone()
        if row is None:
            return False, None
        return True, json.loads(row[0])

    def put(self, endpoint: str, type_: str, name: str, value: Optional[dict]) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (endpoint, type_, name, json.dumps(value), time.time()),
            )
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()


class WikidataClient:
    """SPARQL GETs with User-Agent, rate limit, timeout and retries on 429/5xx."""

    def __init__(self, endpoint: str, *, timeout: float, rate: float, retries: int = 3):
        import requests

        self.endpoint = endpoint
        self.timeout = timeout
        self.min_interval = 1.0 / rate if rate and rate > 0 else 0.0
        self.retries = retries
        self.requests_made = 0
        self._last = 0.0
        self._session = requests.Session()
        self._session.headers.update(
            {"User-Agent": USER_AGENT, "Accept": "application/sparql-results+json"}
        )

    def _wait_turn(self) -> None:
        delay = self._last + self.min_interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._last = time.monotonic()

    def select(self, query: str) -> list[dict[str, Any]]:
        """Run a SELECT; returns the JSON bindings. Raises EndpointDown when unreachable."""
        import requests

        backoff = 0.5
        for attempt in range(self.retries + 1):
            self._wait_turn()
            self.requests_made += 1
            try:
                r = self._session.get(
                    self.endpoint, params={"query": query}, timeout=self.timeout
                )
            except (requests.ConnectionError, requests.Timeout) as e:
                raise EndpointDown(f"{type(e).__name__}: {e}") from e
            if r.status_code == 429 or r.status_code >= 500:
                if attempt == self.retries:
                    raise EndpointDown(f"HTTP {r.status_code} after {attempt + 1} attempts")
                wait = _retry_after(r.headers.get("Retry-After"), backoff)
                time.sleep(wait)
                backoff *= 2
                continue
            if r.status_code != 200:
                raise EndpointDown(f"HTTP {r.status_code}: {r.text[:200]}")
            try:
                return r.json()["results"]["bindings"]
            except (ValueError, KeyError) as e:
                raise EndpointDown(f"not a SPARQL JSON answer: {e}") from e
        return []


def _retry_after(value: Optional[str], default: float) -> float:
    try:
        return min(float(value), 30.0) if value else default
    except ValueError:
        return default


def pick(bindings: list[dict[str, Any]]) -> Optional[dict]:
    """The best item: label matches before alias matches, then the lowest (oldest) QID."""
    best: Optional[tuple[int, int, dict]] = None
    for b in bindings:
        iri = b.get("item", {}).get("value", "")
        qid = iri.rsplit("/", 1)[-1]
        if not is_qid(qid):
            continue
        rank = 0 if b.get("how", {}).get("value") == "label" else 1
        cand = (rank, qid_number(qid), {
            "qid": qid,
            "label": b.get("en", {}).get("value"),
            "description": b.get("desc", {}).get("value"),
        })
        if best is None or cand[:2] < best[:2]:
            best = cand
    return best[2] if best else None


class OnlineLinker(OfflineLinker):
    """Offline first; names the index does not link to an id are asked of Wikidata."""

    name = "kg.linker.online.v1"

    def __init__(self, *, config: Config | None = None, index: AliasIndex | None = None):
        super().__init__(config=config, index=index)
        cfg = self.config
        self.endpoint = cfg.wikidata_endpoint
        self.client = WikidataClient(self.endpoint, timeout=cfg.link_timeout, rate=cfg.link_rate)
        self.cache = LinkCache(cfg.link_cache)
        self.down: Optional[str] = None  # why the endpoint was given up, once it was
        self.cache_hits = 0

    def langs(self, article: Article) -> tuple[str, ...]:
        out = [article.lang] if article.lang and article.lang != "und" else []
        out += ["en", "mul"] + list(self.config.languages)
        return tuple(dict.fromkeys(out))

    def resolve(self, m: Mention, article: Article) -> Link:
        offline, why = self._resolve_offline(m, article)
        offline = offline or self.leader_government(m)
        if offline is not None and offline.qid:
            return offline
        found = self.lookup(m, article)
        if found is not None:
            link = Link(key=found["qid"], type=m.type, qid=found["qid"],
                        label=found.get("label") or (offline.label if offline else None),
                        score=0.85, linker=self.name)
            if self.explain:
                link.why = Explanation(m.text, m.type, "linked", "online",
                                       f"the index had no id; Wikidata ({self.endpoint}) returned "
                                       f"{found['qid']} for the name", via=why)
            return link
        if offline is None and why is not None and self.down:
            why.reason += f"; Wikidata not asked ({self.down})"
        return offline or self.fallback(m, why)

    def lookup(self, m: Mention, article: Article) -> Optional[dict]:
        """Cached online lookup of one mention's name; None when unknown or offline."""
        name = " ".join(m.text.split())
        stripped = strip_titles(name, self.skip_words)
        if stripped != fold(name):  # titles stripped: keep the original casing of the rest
            toks = name.split()
            name = " ".join(toks[len(toks) - len(stripped.split()) :])
        key = fold(name)
        hit, value = self.cache.get(self.endpoint, m.type, key)
        if hit:
            self.cache_hits += 1
            return value
        if self.down:
            return None
        try:
            rows = self.client.select(build_query(name, m.type, self.langs(article)))
        except EndpointDown as e:
            self.down = str(e)
            log.warning(
                "Wikidata endpoint %s unavailable (%s); linking offline for the rest of this run",
                self.endpoint, e,
            )
            return None
        value = pick(rows)
        self.cache.put(self.endpoint, m.type, key, value)
        return value
