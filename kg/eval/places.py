"""Resolve a gold destination name ("Kursk Oblast") to a Wikidata id and its known surface forms.

Gold destinations are English canonical names, system destinations are Place nodes with the
article's surface forms ("wilayah Kursk") and maybe a Wikidata id. To compare them the scorer
looks the gold name up in Warta's own alias index (``kg/link/data/aliases.tsv``, columns
``alias``, ``qid``, ``canonical_en`` at least); without that file, destinations are compared by
name only.

>>> g = Gazetteer.from_rows([{"alias": "wilayah Kursk", "qid": "Q3178", "canonical_en": "Kursk Oblast"}])
>>> g.qid("kursk oblast"), sorted(g.names("Kursk Oblast"))
('Q3178', ['kursk oblast', 'wilayah kursk'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from kg.eval.gold import fold

ALIAS_INDEX = Path(__file__).resolve().parents[1] / "link" / "data" / "aliases.tsv"


class Gazetteer:
    def __init__(self) -> None:
        self._qid: dict[str, str] = {}  # folded canonical/alias -> qid
        self._aliases: dict[str, set[str]] = {}  # qid -> folded names
        self._roles: dict[str, set[str]] = {}  # qid -> roles, when the index records them
        self.source: Optional[str] = None

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]], source: Optional[str] = None) -> "Gazetteer":
        g = cls()
        g.source = source
        canon_qid: dict[str, str] = {}
        alias_qids: dict[str, set[str]] = {}
        for r in rows:
            qid = (r.get("qid") or "").strip()
            if not qid:
                continue
            names = [x for x in (r.get("alias"), r.get("canonical_en")) if x and x.strip()]
            for n in names:
                g._aliases.setdefault(qid, set()).add(fold(n))
            if r.get("canonical_en"):
                canon_qid.setdefault(fold(r["canonical_en"]), qid)
            if r.get("alias"):
                alias_qids.setdefault(fold(r["alias"]), set()).add(qid)
            role = (r.get("role") or "").strip()
            if role:
                g._roles.setdefault(qid, set()).add(role.casefold())
        # a canonical English name wins; an alias only when it is unambiguous
        g._qid = {a: next(iter(q)) for a, q in alias_qids.items() if len(q) == 1}
        g._qid.update(canon_qid)
        return g

    @classmethod
    def load(cls, path: Path | str | None = None) -> "Gazetteer":
        """The alias index at ``path`` (default: the linker's), or an empty one if absent."""
        from dataclasses import asdict

        from kg.link.index import load_index

        p = Path(path) if path else ALIAS_INDEX
        if not p.is_file():
            return cls()
        return cls.from_rows((asdict(e) for e in load_index(p).entries), source=str(p))

    def qid(self, name: str) -> Optional[str]:
        return self._qid.get(fold(name))

    def names(self, name: str) -> set[str]:
        """Folded names of the place called ``name``: itself plus every alias of its id."""
        q = self.qid(name)
        return {fold(name)} | (self._aliases.get(q, set()) if q else set())

    def is_head_of_state(self, qid: Optional[str]) -> bool:
        """True when the index records a head-of-state / head-of-government role for ``qid``."""
        roles = self._roles.get(qid or "", set())
        return any(("head" in r and ("state" in r or "government" in r)) or r in {"president", "monarch", "prime minister", "prime_minister"} for r in roles)
