"""The shared data model: the only thing that crosses package boundaries.

Every span carries character offsets into ``Article.text`` (the *cleaned* text), so every triple
written later can point back at its evidence.

>>> a = Article.from_text("Korea Utara mengirim 1.500 tentara ke Rusia.", source="mem:1", lang="id")
>>> a.sha256[:12]
'9b0a0b0ea6f4'
>>> m = Mention(start=0, end=11, text="Korea Utara", type="Country")
>>> a.text[m.start:m.end] == m.text
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

ActorType = Literal["Person", "Organization", "Country", "Place"]
EventKind = Literal["Deployment", "Statement", "Agreement"]
Modality = Literal["Asserted", "Possible", "Planned", "Denied"]
Qualifier = Literal["Exact", "About", "AtLeast", "UpTo", "MoreThan"]

ACTOR_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "Place")
EVENT_KINDS: tuple[str, ...] = ("Deployment", "Statement", "Agreement")
MODALITIES: tuple[str, ...] = ("Asserted", "Possible", "Planned", "Denied")
QUALIFIERS: tuple[str, ...] = ("Exact", "About", "AtLeast", "UpTo", "MoreThan")


@dataclass
class Sentence:
    """One sentence of the cleaned text: ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Link:
    """What a linker decided a mention refers to.

    ``key`` is the store-wide identity of the actor: ``"Q423"`` when linked to Wikidata, else a
    normalised name key such as ``"person/choe-son-hui"``. Two mentions with the same key are the
    same node in the whole store.
    """

    key: str
    type: str  # one of ACTOR_TYPES; may refine the mention's type (a metonym "Kremlin" -> Country)
    qid: Optional[str] = None
    label: Optional[str] = None  # canonical English label, when known
    score: float = 1.0
    linker: str = ""  # e.g. "kg.linker.offline.v1"
    # why the linker decided this (a kg.link.explain.Explanation), set when the linker was asked
    # to explain (``kg link-check``); never part of the graph, ignored by equality
    why: Optional[Any] = field(default=None, compare=False, repr=False)


@dataclass
class Mention:
    """A span naming an actor or a place."""

    start: int
    end: int
    text: str
    type: str  # one of ACTOR_TYPES
    score: float = 1.0
    sentence: int = -1
    link: Optional[Link] = None

    @property
    def key(self) -> Optional[str]:
        return self.link.key if self.link else None

    @property
    def actor_type(self) -> str:
        return self.link.type if self.link else self.type


@dataclass
class Event:
    """A Deployment, Statement or Agreement found in one sentence (the evidence).

    Role fields hold ``Mention`` objects that are also listed in ``Article.mentions``; a speaker
    resolved from a pronoun ("ujarnya") points at the mention of the named speaker, which may sit
    in the previous sentence.
    """

    kind: str  # one of EVENT_KINDS
    start: int  # evidence offsets into Article.text
    end: int
    evidence: str
    sentence: int = -1
    confidence: Optional[float] = 1.0  # the model's score; None when a rule made the event
    extractor: str = ""  # "kg.extractor.transformer.v1 (warta-extractor-small 1.0)"
    modality: str = "Asserted"
    claimant: Optional[Mention] = None
    date: Optional[str] = None  # "2024-10-31", "2024-10" or "2024"
    # Deployment
    agent: Optional[Mention] = None
    troop_count: Optional[int] = None
    qualifier: Optional[str] = None  # one of QUALIFIERS
    destination: Optional[Mention] = None
    in_support_of: Optional[Mention] = None
    unit: Optional[str] = None
    # Statement
    speaker: Optional[Mention] = None
    text: Optional[str] = None
    is_quote: Optional[bool] = None
    about: Optional[Mention] = None
    # Agreement
    parties: list[Mention] = field(default_factory=list)
    name: Optional[str] = None
    # the decoder rules that shaped this event (kg.extract.rules); empty: the model alone
    rules: list[str] = field(default_factory=list, repr=False)

    def roles(self) -> list[tuple[str, Mention]]:
        """(role, mention) pairs, role names as in the ontology (``deployingActor``, ``speaker``…)."""
        out: list[tuple[str, Mention]] = []
        for role, m in (
            ("deployingActor", self.agent),
            ("destination", self.destination),
            ("inSupportOf", self.in_support_of),
            ("speaker", self.speaker),
            ("about", self.about),
            ("claimedBy", self.claimant),
        ):
            if m is not None:
                out.append((role, m))
        out.extend(("party", p) for p in self.parties)
        return out


@dataclass
class Article:
    """One ingested document after cleaning.

    ``sha256`` of the cleaned text is the article's identity: the same text always yields the
    same IRIs and the same named graph.
    """

    text: str
    source: str  # what the user pointed at: a path, "path:line" for JSONL, or a URL
    url: str  # schema:url: the web URL, or the file: URI of a local file
    lang: str = "und"  # BCP-47 primary tag ("id", "en", ...)
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date
    publisher: Optional[str] = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)  # software/model versions, config hash

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        """Short id used in IRIs: the first 16 hex digits of ``sha256``."""
        return self.sha256[:16]

    @classmethod
    def from_text(cls, text: str, *, source: str, url: str | None = None, **kw) -> "Article":
        return cls(text=text, source=source, url=url or source, **kw)

    def sentence_of(self, offset: int) -> Optional[Sentence]:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


@dataclass
class Problem:
    """A document that could not be processed: reported by name, stage and reason."""

    source: str
    stage: str  # "read", "clean", "language", "extract", "link", "rdf", "store"
    reason: str
