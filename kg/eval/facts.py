"""What the SYSTEM asserted about one article, in the small shape the scorer compares with gold.

Built either from a store (:func:`kg.eval.system.read_store`) or straight from ``doc.py``
objects (:func:`kg.eval.system.facts_from_articles`); both give the same structure.
Vocabulary values use the gold spelling: qualifier ``"at_least"``, modality ``"denied"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class SysActor:
    """An actor or place node: its store-wide key (node IRI or Link.key), labels and Wikidata id."""

    key: str
    type: str  # Person | Organization | Country | Place | "" (unknown)
    labels: frozenset[str] = frozenset()
    qid: Optional[str] = None

    def describe(self) -> str:
        names = ", ".join(sorted(self.labels)) or self.key
        return f"{names} [{self.qid}]" if self.qid else names


@dataclass(frozen=True)
class SysDeployment:
    id: str
    agent: SysActor
    troops: Optional[int] = None
    qualifier: Optional[str] = None
    destination: Optional[SysActor] = None
    claimed_by: Optional[SysActor] = None
    modality: Optional[str] = None
    evidence: str = ""


@dataclass(frozen=True)
class SysStatement:
    id: str
    speaker: SysActor
    quote: Optional[bool] = None
    evidence: str = ""


@dataclass(frozen=True)
class SysAgreement:
    id: str
    parties: tuple[SysActor, ...]
    evidence: str = ""


@dataclass
class SystemArticle:
    """Facts for one article. ``url`` is its schema:url (a file: URI for local files)."""

    url: str
    id: str = ""
    actors: list[SysActor] = field(default_factory=list)
    deployments: list[SysDeployment] = field(default_factory=list)
    statements: list[SysStatement] = field(default_factory=list)
    agreements: list[SysAgreement] = field(default_factory=list)


def gold_term(name: Optional[str]) -> Optional[str]:
    """Ontology/doc.py term to gold spelling.

    >>> gold_term("AtLeast"), gold_term("https://w3id.org/warta/ontology#Denied"), gold_term(None)
    ('at_least', 'denied', None)
    """
    if not name:
        return None
    local = re.split(r"[#/]", name)[-1]
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local).lower()


def qid_of(iri_or_qid: Optional[str]) -> Optional[str]:
    """The ``Q…`` id of a Wikidata entity IRI (or of a bare id).

    >>> qid_of("http://www.wikidata.org/entity/Q423"), qid_of("Q5"), qid_of("x")
    ('Q423', 'Q5', None)
    """
    if not iri_or_qid:
        return None
    m = re.search(r"(Q[1-9][0-9]*)$", iri_or_qid)
    return m.group(1) if m else None
