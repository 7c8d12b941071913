"""The offline alias index: ``kg/link/data/aliases.tsv`` loaded once per process into dicts.

Rebuild the TSV with ``python scripts/build_alias_index.py``; every row says where its id came
from (``provenance``).

>>> idx = load_index()
>>> sorted({e.qid for e in idx.lookup("Korea Utara")})
['Q423']
>>> sorted({(e.type, e.qid) for e in idx.lookup("Pyongyang")})
[('Country', 'Q423'), ('Place', 'Q18808')]
"""

from __future__ import annotations

import csv
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from kg.errors import LinkingError
from kg.link.keys import fallback_key, fold, is_acronym, name_key, phonetic_token

DEFAULT_INDEX = Path(__file__).resolve().parent / "data" / "aliases.tsv"
# forms the builder left out of the index as ambiguous (read only to explain a decision)
DEFAULT_AMBIGUOUS = DEFAULT_INDEX.with_name("ambiguous.tsv")
REQUIRED = ("alias", "lang", "qid", "type", "canonical_en", "role", "country", "form", "provenance")


@dataclass(frozen=True)
class Entry:
    """One alias row."""

    alias: str
    lang: str
    qid: str
    type: str
    canonical_en: str
    role: str
    country: str
    form: str
    provenance: str

    @property
    def key(self) -> str:
        """Store-wide key of the entity this alias names."""
        return self.qid or fallback_key(self.type, self.canonical_en)


class AliasIndex:
    """Exact (folded) and variant (phonetic) lookups; acronyms match case-sensitively."""

    def __init__(self, entries: list[Entry], path: str = ""):
        self.path = path
        self.entries = entries
        self._folded: dict[str, list[Entry]] = {}
        self._variant: dict[str, list[Entry]] = {}
        self._acronym: dict[str, list[Entry]] = {}
        self.country_words: dict[str, str] = {}  # folded country form -> iso3 (for context)
        self.state_qids: dict[str, str] = {}  # iso3 -> the state's Wikidata id
        for e in entries:
            if e.role == "state" and e.type == "Country" and e.qid and e.country:
                self.state_qids.setdefault(e.country, e.qid)
            if is_acronym(e.alias):
                self._acronym.setdefault(e.alias.replace(".", ""), []).append(e)
                continue
            self._folded.setdefault(fold(e.alias), []).append(e)
            # titles are stripped from people's names only: "DR Congo" is no doctor called Congo
            words = fold(e.alias).split()
            keys = {name_key(e.alias)} if e.type == "Person" else {
                "-".join(phonetic_token(w) for w in ws) for ws in (words, words[1:] if words[:1] == ["the"] else words)}
            for key in keys:
                self._variant.setdefault(key, []).append(e)
            if e.type == "Country" and e.form in {"name", "short", "capital"}:
                self.country_words.setdefault(fold(e.alias), e.country)
        skip = set(self.country_words)
        for e in entries:  # "<Demonym> government" rows give the demonyms ("russian", ...)
            if e.form == "government" and e.lang == "en" and e.alias.endswith(" government"):
                skip.add(fold(e.alias[: -len(" government")]))
        self.country_skip = frozenset(skip)
        for e in entries:  # demonyms/acronyms do not go into the skip list; names do
            if e.type == "Country" and e.form == "acronym":
                self.country_words.setdefault(fold(e.alias), e.country)

    def __len__(self) -> int:
        return len(self.entries)

    def state_qid(self, iso3: str) -> Optional[str]:
        """The Wikidata id of the state with ISO 3166-1 alpha-3 code ``iso3``.

        >>> load_index().state_qid("DEU"), load_index().state_qid("XXX")
        ('Q183', None)
        """
        return self.state_qids.get(iso3)

    def lookup(self, surface: str) -> list[Entry]:
        """Rows whose alias equals ``surface`` (folded, or case-sensitively for acronyms)."""
        bare = surface.strip()
        if is_acronym(bare):
            return list(self._acronym.get(bare.replace(".", ""), []))
        return list(self._folded.get(fold(bare), []))

    def key_of(self, surface: str) -> tuple[str, str]:
        """The key :meth:`lookup` uses and its kind: ``("acronym", "AS")`` or ``("exact", folded)``.

        >>> load_index().key_of("A.S."), load_index().key_of("Korea  Utara")
        (('acronym', 'AS'), ('exact', 'korea utara'))
        """
        bare = surface.strip()
        if is_acronym(bare):
            return "acronym", bare.replace(".", "")
        return "exact", fold(bare)

    def variant_key(self, surface: str) -> str:
        """The key :meth:`lookup_variant` uses."""
        return name_key(surface, self.country_skip)

    def lookup_variant(self, surface: str) -> list[Entry]:
        """Rows whose alias has the same spelling-variant key (y/i, double letters; titles are
        stripped from the surface, and from index rows of people only: "DR Congo" is no title)."""
        return list(self._variant.get(name_key(surface, self.country_skip), []))

    def by_qid(self, qid: str) -> list[Entry]:
        return [e for e in self.entries if e.qid == qid]


# Short names two states share in news use: left out of the index as ambiguous by
# scripts/build_alias_index.py; the linker gives one the link of a longer state name the article
# uses ("Kongo" after "Demokratische Republik Kongo"). folded form -> ISO3 codes of the states
SHARED_SHORT_NAMES: dict[str, tuple[str, ...]] = {"congo": ("COG", "COD"), "kongo": ("COG", "COD")}
SHARED_SHORT_WHY = "shared short name: news writes 'Congo' for the DR Congo as often as for the Republic of the Congo"

_CACHE: dict[str, AliasIndex] = {}
_LOCK = threading.Lock()


def load_index(path: str | Path | None = None) -> AliasIndex:
    """Load (once per process and path) the alias TSV."""
    p = Path(path) if path else DEFAULT_INDEX
    k = str(p.resolve())
    with _LOCK:
        if k not in _CACHE:
            _CACHE[k] = _read(p)
        return _CACHE[k]


def _read(path: Path) -> AliasIndex:
    if not path.is_file():
        raise LinkingError(
            f"alias index not found: {path}",
            hint="rebuild it with: python scripts/build_alias_index.py",
        )
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise LinkingError(
                f"alias index lacks columns {missing}",
                source=str(path),
                hint="rebuild it with: python scripts/build_alias_index.py",
            )
        entries = [Entry(**{c: (row.get(c) or "") for c in REQUIRED}) for row in reader]
    return AliasIndex(entries, str(path))


_AMBIGUOUS: dict[str, dict[str, dict[str, str]]] = {}


def load_ambiguous(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """The forms left out of the index as ambiguous, by index key (columns ``key``, ``alias``,
    ``qids``, ``labels``, ``why``); loaded once per process, only when a decision is explained.
    A missing file gives an empty table (explanations then say less, links are unchanged).

    >>> load_ambiguous()["gendarmerie nationale"]["qids"]
    'Q1422336;Q3100409'
    """
    p = Path(path) if path else DEFAULT_AMBIGUOUS
    k = str(p.resolve())
    with _LOCK:
        if k not in _AMBIGUOUS:
            table: dict[str, dict[str, str]] = {}
            if p.is_file():
                with p.open(encoding="utf-8", newline="") as f:
                    for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                        table.setdefault(row["key"], row)
            _AMBIGUOUS[k] = table
        return _AMBIGUOUS[k]
