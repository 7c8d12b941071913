"""Why a linker decided what it did: the keys it tried, the alias row that decided, or why none did.

A linker built with ``explain=True`` attaches an :class:`Explanation` to every ``Link`` it returns
(``link.why``); ``kg link-check`` prints it. The explanation is recorded by the matching code
itself, so it cannot drift from what the linker does.

>>> from kg.config import Config
>>> from kg.link.check import link_check
>>> why = link_check(["Korea Utara"], Config(), type_="Country")[0].why
>>> why.decision, why.step, why.row["qid"], why.row["form"]
('linked', 'exact', 'Q423', 'name')
>>> why = link_check(["Zzyzx Qwerty"], Config(), type_="Person")[0].why
>>> why.decision, why.reason
('unlinked', "no alias row matches any of the keys tried; keyed by name as 'person/zizx-qwerti'")
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

# How a surface form becomes an index key, in the order the offline linker tries them.
KEY_STEPS = {
    "acronym": "acronym, matched case-sensitively (dots removed)",
    "exact": "folded: case, accents and punctuation ignored",
    "titles-stripped": "titles and office words stripped, then folded",
    "spelling-variant": "spelling-variant key: titles stripped, y/i and doubled letters merged",
    "uninflected": "inflection removed (genitive/plural -s, German adjective ending), then folded",
}


@dataclass
class KeyTried:
    """One index key looked up for the mention, and how many alias rows it found."""

    step: str  # one of KEY_STEPS
    surface: str  # the text the key was made from
    key: str
    rows: int


@dataclass
class Candidate:
    """An alias row found for the mention, with what the disambiguation made of it."""

    row: dict[str, str]  # alias, lang, qid, type, canonical_en, role, country, form, provenance
    score: Optional[float]  # None when the row's type cannot stand for the mention's type
    refined_type: Optional[str] = None
    notes: list[str] = field(default_factory=list)  # "type mismatch ...", "+0.3 role ...", ...


@dataclass
class Explanation:
    """The decision for one mention.

    ``decision`` is ``"linked"`` (a Wikidata id or an index entity without one), or
    ``"unlinked"`` (the name-only fallback key). ``step`` names the rule that decided: ``exact``,
    ``acronym``, ``titles-stripped``, ``spelling-variant``, ``uninflected``, ``region-noun``, ``defined-acronym``,
    ``leader-government``, ``surname-coreference``, ``contained-organization``,
    ``mistyped-surname``, ``online`` or ``fallback``.
    """

    name: str
    mention_type: str
    decision: str
    step: str
    reason: str
    keys: list[KeyTried] = field(default_factory=list)
    row: Optional[dict[str, str]] = None  # the deciding alias row (alias, lang, qid, ..., provenance)
    candidates: list[Candidate] = field(default_factory=list)
    via: Optional["Explanation"] = None  # the decision this one reuses (coreference, region noun)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self, indent: str = "") -> list[str]:
        """Plain-text rendering, one fact per line."""
        out = [f"{indent}decision: {self.decision} by {self.step}: {self.reason}"]
        if self.row:
            r = self.row
            out.append(f"{indent}alias row: alias={r['alias']!r} lang={r['lang'] or '-'} qid={r['qid'] or '-'} "
                       f"type={r['type']} role={r['role'] or '-'} form={r['form'] or '-'}")
            out.append(f"{indent}source: {r['provenance'] or '-'}")
        for k in self.keys:
            out.append(f"{indent}key tried: {k.step} {k.key!r} (from {k.surface!r}; "
                       f"{KEY_STEPS.get(k.step, k.step)}) -> {k.rows} row(s)")
        for c in self.candidates:
            r = c.row
            score = "-" if c.score is None else f"{c.score:.3f}"
            notes = "; ".join(c.notes)
            out.append(f"{indent}candidate: {r['qid'] or r['canonical_en']} ({r['type']}, {r['alias']!r} "
                       f"{r['lang'] or '-'} {r['form'] or '-'}) score {score}" + (f": {notes}" if notes else ""))
        if self.via is not None:
            out.append(f"{indent}via {self.via.name!r}:")
            out.extend(self.via.lines(indent + "  "))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def row_dict(entry: Any) -> dict[str, str]:
    """An alias-index ``Entry`` as a plain dict (for explanations and JSON)."""
    return {k: getattr(entry, k) for k in
            ("alias", "lang", "qid", "type", "canonical_en", "role", "country", "form", "provenance")}
