"""Load a gold folder: ``<id>.txt`` (the article text) beside ``<id>.json`` (its annotation).

The format is described in ``../shared/eval/README.md``. Every JSON file is validated; a bad
file raises :class:`kg.errors.EvalError` naming the file and listing what is wrong, e.g.
``deployments[1].troops: expected an integer or null, got '10k'``.

>>> g = parse_gold({"id": "x", "lang": "en", "actors": [
...     {"name": "Ruritania", "type": "Country", "qid": None, "mentions": ["Ruritania"]}],
...     "deployments": [], "statements": [{"speaker": "Ruritania", "quote": False,
...     "evidence": "Ruritania said"}], "agreements": []}, text="Ruritania said so.")
>>> g.actor("ruritania").mentions, len(g.statements)
(('Ruritania',), 1)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from kg.errors import EvalError

ACTOR_TYPES = ("Person", "Organization", "Country", "Place")
QUALIFIERS = ("exact", "about", "at_least", "up_to", "more_than")
MODALITIES = ("asserted", "possible", "planned", "denied")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class GoldActor:
    name: str
    type: str
    qid: Optional[str]
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class GoldDeployment:
    agent: str
    troops: Optional[int]
    qualifier: Optional[str]
    destination: Optional[str]
    in_support_of: Optional[str]
    claimed_by: Optional[str]
    modality: Optional[str]
    evidence: str


@dataclass(frozen=True)
class GoldStatement:
    speaker: str
    quote: Optional[bool]
    evidence: str


@dataclass(frozen=True)
class GoldAgreement:
    parties: tuple[str, ...]
    kind: Optional[str]
    name: Optional[str]
    date: Optional[str]
    evidence: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    lang: str
    url: Optional[str] = None
    published: Optional[str] = None
    actors: tuple[GoldActor, ...] = ()
    deployments: tuple[GoldDeployment, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    text_path: Optional[str] = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def actor(self, name: str) -> Optional[GoldActor]:
        """The gold actor called ``name`` (case-insensitive), or None."""
        key = fold(name)
        for a in self.actors:
            if fold(a.name) == key:
                return a
        return None


def fold(s: str) -> str:
    """Case-insensitive, whitespace-folded form used for every string comparison.

    >>> fold("  Korea\\u00a0 Utara ")
    'korea utara'
    """
    return " ".join(s.split()).casefold()


def load_gold(folder: str | Path) -> list[GoldArticle]:
    """Every ``<id>.json`` + ``<id>.txt`` pair in ``folder``, sorted by id.

    Raises EvalError if the folder is missing, holds no ``.json`` file, a ``.json`` has no
    ``.txt`` beside it, or a file is malformed.
    """
    root = Path(folder)
    if not root.is_dir():
        raise EvalError(
            "gold folder not found", source=str(root),
            hint="pass a folder holding <id>.txt and <id>.json files",
        )
    jsons = sorted(root.glob("*.json"))
    if not jsons:
        raise EvalError(
            "no <id>.json gold files in the folder", source=str(root),
            hint="each article needs <id>.txt (text) and <id>.json (annotation); see eval/README.md",
        )
    return [load_gold_file(p) for p in jsons]


def load_gold_file(json_path: str | Path) -> GoldArticle:
    """Load and validate one ``<id>.json`` with its ``<id>.txt``."""
    jp = Path(json_path)
    tp = jp.with_suffix(".txt")
    if not tp.is_file():
        raise EvalError(
            f"no article text beside the annotation (expected {tp.name})", source=str(jp),
            hint="the text must sit in <id>.txt next to <id>.json",
        )
    try:
        raw = jp.read_text(encoding="utf-8")
        text = tp.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise EvalError(f"not UTF-8 text: {e}", source=str(jp)) from e
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise EvalError(f"invalid JSON: {e.msg}", source=f"{jp}:{e.lineno}:{e.colno}") from e
    gold = parse_gold(data, text=text, source=str(jp))
    if gold.id != jp.stem:
        raise EvalError(
            f"id {gold.id!r} does not match the file name {jp.stem!r}", source=str(jp),
            hint="the article is matched by its file name, so they must agree",
        )
    return _with(gold, text_path=str(tp))


def parse_gold(data: Any, *, text: str, source: str = "<gold>") -> GoldArticle:
    """Validate a decoded gold JSON object against ``text``; raise EvalError listing every problem."""
    v = _Validator()
    if not isinstance(data, dict):
        raise EvalError("the top level must be a JSON object", source=source)
    art_id = v.string(data, "id", "id")
    lang = v.string(data, "lang", "lang")
    url = v.opt_string(data, "url", "url")
    published = v.opt_string(data, "published", "published")

    actors: list[GoldActor] = []
    for i, a in v.items(data, "actors"):
        where = f"actors[{i}]"
        name = v.string(a, "name", where)
        typ = v.choice(a, "type", where, ACTOR_TYPES)
        qid = v.opt_string(a, "qid", where)
        if qid is not None and not _QID.match(qid):
            v.err(f"{where}.qid: expected a Wikidata id like 'Q423' or null, got {qid!r}")
        mentions = v.string_list(a, "mentions", where, min_len=1)
        actors.append(GoldActor(name, typ, qid, tuple(mentions)))
        for m in mentions:
            if m and m not in text:
                v.warn(f"{where}.mentions: {m!r} does not occur in the text")
    names = {fold(a.name) for a in actors}
    if len(names) != len(actors):
        v.err("actors: two actors share a name (names must be unique)")

    def known(value: Optional[str], where: str) -> None:
        if value is not None and fold(value) not in names:
            v.err(f"{where}: {value!r} is not the name of an actor in 'actors'")

    deployments: list[GoldDeployment] = []
    for i, d in v.items(data, "deployments"):
        where = f"deployments[{i}]"
        agent = v.string(d, "agent", where)
        known(agent, f"{where}.agent")
        troops = d.get("troops")
        if troops is not None and (isinstance(troops, bool) or not isinstance(troops, int) or troops < 0):
            v.err(f"{where}.troops: expected a non-negative integer or null, got {troops!r}")
            troops = None
        claimed = v.opt_string(d, "claimed_by", where)
        known(claimed, f"{where}.claimed_by")
        deployments.append(GoldDeployment(
            agent=agent, troops=troops,
            qualifier=v.opt_choice(d, "qualifier", where, QUALIFIERS),
            destination=v.opt_string(d, "destination", where),
            in_support_of=v.opt_string(d, "in_support_of", where),
            claimed_by=claimed,
            modality=v.opt_choice(d, "modality", where, MODALITIES),
            evidence=v.evidence(d, where, text),
        ))

    statements: list[GoldStatement] = []
    for i, s in v.items(data, "statements"):
        where = f"statements[{i}]"
        speaker = v.string(s, "speaker", where)
        known(speaker, f"{where}.speaker")
        quote = s.get("quote")
        if quote is not None and not isinstance(quote, bool):
            v.err(f"{where}.quote: expected true, false or null, got {quote!r}")
            quote = None
        statements.append(GoldStatement(speaker, quote, v.evidence(s, where, text)))

    agreements: list[GoldAgreement] = []
    for i, g in v.items(data, "agreements"):
        where = f"agreements[{i}]"
        parties = v.string_list(g, "parties", where, min_len=2)
        for p in parties:
            known(p, f"{where}.parties")
        agreements.append(GoldAgreement(
            parties=tuple(parties), kind=v.opt_string(g, "kind", where),
            name=v.opt_string(g, "name", where), date=v.opt_string(g, "date", where),
            evidence=v.evidence(g, where, text),
        ))

    if v.errors:
        shown = v.errors[:12]
        more = f" (and {len(v.errors) - 12} more)" if len(v.errors) > 12 else ""
        raise EvalError(
            f"{len(v.errors)} problem(s) in the gold annotation: " + "; ".join(shown) + more,
            source=source, hint="see eval/README.md for the gold format",
        )
    return GoldArticle(
        id=art_id or "", text=text, lang=lang or "und", url=url, published=published,
        actors=tuple(actors), deployments=tuple(deployments), statements=tuple(statements),
        agreements=tuple(agreements), warnings=tuple(v.warnings),
    )


def _with(g: GoldArticle, **kw: Any) -> GoldArticle:
    from dataclasses import replace

    return replace(g, **kw)


class _Validator:
    """Collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)

    def items(self, obj: dict, key: str):
        val = obj.get(key, [])
        if val is None:
            val = []
        if not isinstance(val, list):
            self.err(f"{key}: expected a list, got {type(val).__name__}")
            return []
        out = []
        for i, item in enumerate(val):
            if isinstance(item, dict):
                out.append((i, item))
            else:
                self.err(f"{key}[{i}]: expected an object, got {type(item).__name__}")
        return out

    def string(self, obj: dict, key: str, where: str) -> str:
        val = obj.get(key)
        if not isinstance(val, str) or not val.strip():
            what = "missing" if key not in obj else f"got {val!r}"
            self.err(f"{_path(where, key)}: expected a non-empty string ({what})")
            return ""
        return val

    def opt_string(self, obj: dict, key: str, where: str) -> Optional[str]:
        val = obj.get(key)
        if val is None:
            return None
        if not isinstance(val, str):
            self.err(f"{_path(where, key)}: expected a string or null, got {val!r}")
            return None
        return val

    def choice(self, obj: dict, key: str, where: str, allowed: tuple[str, ...]) -> str:
        val = self.string(obj, key, where)
        if val and val not in allowed:
            self.err(f"{_path(where, key)}: {val!r} is not one of {', '.join(allowed)}")
        return val

    def opt_choice(self, obj: dict, key: str, where: str, allowed: tuple[str, ...]) -> Optional[str]:
        val = self.opt_string(obj, key, where)
        if val is not None and val not in allowed:
            self.err(f"{_path(where, key)}: {val!r} is not one of {', '.join(allowed)} or null")
            return None
        return val

    def string_list(self, obj: dict, key: str, where: str, *, min_len: int) -> list[str]:
        val = obj.get(key)
        if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
            self.err(f"{_path(where, key)}: expected a list of non-empty strings, got {val!r}")
            return []
        if len(val) < min_len:
            self.err(f"{_path(where, key)}: expected at least {min_len} item(s), got {len(val)}")
        return list(val)

    def evidence(self, obj: dict, where: str, text: str) -> str:
        ev = self.opt_string(obj, "evidence", where) or ""
        if ev and ev not in text:
            self.warn(f"{where}.evidence is not an exact substring of the text")
        return ev


def _path(where: str, key: str) -> str:
    return key if where == key else f"{where}.{key}"
