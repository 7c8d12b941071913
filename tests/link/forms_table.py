"""The surface-form test table (``tests/link/data/forms.tsv``) linked through the real offline linker.

Used by ``test_forms.py``; run it directly for a per-category / per-language report::

    python tests/link/forms_table.py            # accuracy by category and by language
    python tests/link/forms_table.py --misses   # ... and every miss and wrong id
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "forms.tsv"
COLUMNS = ("form", "lang", "expected_qid", "type", "category", "source")


@dataclass(frozen=True)
class Row:
    form: str
    lang: str
    expected_qid: str
    type: str
    category: str
    source: str


@dataclass(frozen=True)
class Outcome:
    row: Row
    qid: str | None  # what the linker gave (None: left unlinked)

    @property
    def correct(self) -> bool:
        return self.qid == self.row.expected_qid

    @property
    def wrong(self) -> bool:
        """Linked, but to another id (worse than a miss)."""
        return self.qid is not None and self.qid != self.row.expected_qid


def load(path: Path = TABLE) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: columns must be {COLUMNS}, not {reader.fieldnames}")
        return [Row(**{c: r[c] for c in COLUMNS}) for r in reader]


def run(rows: list[Row]) -> list[Outcome]:
    """Link every form on its own (no context, no coreference), typed as its row says."""
    from kg.config import Config
    from kg.link.check import link_check

    cfg = Config()
    return [Outcome(r, link_check([r.form], cfg, type_=r.type, lang=r.lang, explain=False)[0].qid)
            for r in rows]


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0


def report(outcomes: list[Outcome], *, misses: bool = True) -> str:
    lines = [f"overall: {sum(o.correct for o in outcomes)}/{len(outcomes)} = {accuracy(outcomes):.3f}, "
             f"wrong ids: {sum(o.wrong for o in outcomes)}"]
    for field in ("category", "lang", "type"):
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in outcomes:
            groups[getattr(o.row, field)].append(o)
        lines.append(f"by {field}:")
        for k in sorted(groups):
            g = groups[k]
            lines.append(f"  {k:<18} {sum(o.correct for o in g):>4}/{len(g):<4} {accuracy(g):.3f}"
                         f"  wrong {sum(o.wrong for o in g)}")
    if misses:
        for label, pick in (("WRONG", lambda o: o.wrong), ("MISS", lambda o: o.qid is None)):
            for o in outcomes:
                if pick(o):
                    r = o.row
                    lines.append(f"{label:<5} {r.form!r} [{r.lang} {r.type} {r.category}] "
                                 f"expected {r.expected_qid}, got {o.qid or '-'}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's kg, not an installed one
    print(report(run(load()), misses="--misses" in sys.argv[1:]))
