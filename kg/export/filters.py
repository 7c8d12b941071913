"""Narrow the graph: by article, date range, actor and event kind.

With no filter the whole graph is kept (actors without events too). With any filter, the result is
the events that pass every filter plus the nodes they point at. An event without ``kg:date`` is
placed at its article's publication date; with neither it fails any date filter. Partial dates
count as ranges: ``2024-11`` passes ``--since 2024-11-15`` and ``--until 2024-11-01``.

>>> ExportFilter(kind="deployment").kind
'Deployment'
>>> date_range("2024-02")
('2024-02-01', '2024-02-29')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import networkx as nx

from kg.errors import ExportError
from kg.export.graph import EVENT_KINDS, WD

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class ExportFilter:
    """What to keep. Every field is optional; strings as a user types them on the command line."""

    article: Optional[str] = None  # Article.id (16 hex), the full sha256, the article IRI or URL
    since: Optional[str] = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    until: Optional[str] = None
    actor: Optional[str] = None  # a label in any language (or whole words of one), "Q423", a key
    kind: Optional[str] = None  # Deployment | Statement | Agreement (any case)

    def __post_init__(self) -> None:
        if self.kind is not None:
            match = [k for k in EVENT_KINDS if k.lower() == self.kind.strip().lower()]
            if not match:
                raise ExportError(
                    f"unknown event kind {self.kind!r}", hint="use one of " + ", ".join(EVENT_KINDS)
                )
            object.__setattr__(self, "kind", match[0])
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                date_range(value, what=f"--{name}")
        if self.since and self.until and date_range(self.since)[0] > date_range(self.until)[1]:
            raise ExportError(f"--since {self.since} is after --until {self.until}")

    def is_empty(self) -> bool:
        return not any((self.article, self.since, self.until, self.actor, self.kind))


def date_range(value: str, what: str = "date") -> tuple[str, str]:
    """First and last day an ISO date, month or year covers."""
    m = _DATE.match(value.strip())
    if not m:
        raise ExportError(f"bad {what} {value!r}", hint="write YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d:
        return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
    if mo:
        if not 1 <= int(mo) <= 12:
            raise ExportError(f"bad {what} {value!r}: no month {mo}")
        last = calendar.monthrange(int(y), int(mo))[1]
        return f"{y}-{mo}-01", f"{y}-{mo}-{last:02d}"
    return f"{y}-01-01", f"{y}-12-31"


def filter_graph(g: nx.MultiDiGraph, f: ExportFilter) -> nx.MultiDiGraph:
    """The subgraph ``f`` selects (a copy); raises ``ExportError`` if the article or actor is unknown."""
    if f.is_empty():
        return g
    events = [n for n, a in g.nodes(data=True) if a["category"] == "event"]
    if f.kind:
        events = [n for n in events if g.nodes[n]["kind"] == f.kind]
    if f.article:
        wanted = _match_articles(g, f.article)
        events = [n for n in events if g.nodes[n].get("article") in wanted]
    if f.actor:
        actors = _match_actors(g, f.actor)
        events = [n for n in events if any(t in actors for t in g.successors(n))]
    if f.since or f.until:
        lo = date_range(f.since)[0] if f.since else "0000-00-00"
        hi = date_range(f.until)[1] if f.until else "9999-99-99"
        events = [n for n in events if _in_range(g.nodes[n], lo, hi)]
    keep = set(events)
    for n in events:
        keep.update(g.successors(n))
    return g.subgraph(keep).copy()


def _in_range(attrs: dict, lo: str, hi: str) -> bool:
    when = attrs.get("date") or attrs.get("published")
    if not when:
        return False
    try:
        first, last = date_range(when[:10])
    except ExportError:
        return False
    return last >= lo and first <= hi


def _match_articles(g: nx.MultiDiGraph, value: str) -> set[str]:
    value = value.strip()
    candidates = {value}
    if not re.match(r"^[a-z][a-z0-9+.-]*:", value) and Path(value).exists():
        candidates.add(Path(value).resolve().as_uri())
    found: set[str] = set()
    known: dict[str, str] = {}
    for _, a in g.nodes(data=True):
        iri = a.get("article")
        if not iri:
            continue
        known[iri] = a.get("url", iri)
        art_id = iri.rstrip("/").rsplit("/", 1)[-1]
        if (iri in candidates or a.get("url") in candidates or art_id in candidates
                or (len(value) == 64 and value.startswith(art_id))):
            found.add(iri)
    if not found:
        listed = ", ".join(sorted(known.values())[:5]) or "(the store has no events)"
        raise ExportError(
            f"no article matches {value!r}",
            hint=f"give an article id (16 hex), its sha256, IRI or URL; known: {listed}",
        )
    return found


def _match_actors(g: nx.MultiDiGraph, value: str) -> set[str]:
    v = value.strip()
    qid = v[len(WD):] if v.startswith(WD) else v[3:] if v.lower().startswith("wd:") else v
    low = v.casefold()
    word = re.compile(r"(?<!\w)" + re.escape(low) + r"(?!\w)")
    found: set[str] = set()
    partial: set[str] = set()
    for n, a in g.nodes(data=True):
        if a["category"] != "actor":
            continue
        surface = {a["label"].casefold()} | {
            s.rsplit("@", 1)[0].casefold() for s in a.get("labels", "").split(" | ") if s
        }
        if (a.get("wikidata") == qid.upper() or n == v or n.endswith("/" + v)
                or low in surface):
            found.add(n)
        elif any(word.search(s) for s in surface):
            partial.add(n)
    found = found or partial  # "Zelensky" finds "Volodymyr Zelensky" when nothing is exact
    if not found:
        raise ExportError(
            f"no actor matches {value!r}",
            hint="give a label as written in an article (any language), a Wikidata id like "
            "Q423, or a key like person/choe-son-hui",
        )
    return found
