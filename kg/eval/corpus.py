"""The annotated corpus (``data/corpus/{train,dev,test}``): span-level gold on top of the
article-level gold format of ``kg eval``.

A corpus article is ``<id>.txt`` plus ``<id>.json``. The JSON is the gold format (read by
``kg.eval.gold``) plus:

- ``story``: a slug shared by the articles of one story (splits never share a story);
- ``places``: surface strings of named places that are not actors;
- ``mentions``: every name tag, ``{"start", "end", "text", "type": PER|ORG|CTRY|LOC, "actor"}``;
- per event: ``trigger`` ``{"start", "end", "text"}`` and ``roles``
  ``[{"role", "start", "end", "text"}]`` (offsets into the .txt, end exclusive).

Annotators write only surface strings (``trigger``, ``spans``: role -> string or list, searched
inside the event's evidence); :func:`resolve` turns them into offsets, and :func:`validate`
checks a resolved file. ``docs/annotation.md`` is the guide.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

TYPE_TAG = {"Person": "PER", "Organization": "ORG", "Country": "CTRY"}
ROLES = {
    "deployments": ("AGENT", "COUNT", "UNIT", "DEST", "SUPPORT", "CLAIMANT", "DATE"),
    "statements": ("SPEAKER", "CONTENT", "CLAIMANT"),
    "agreements": ("PARTY", "AGR_NAME", "DATE"),
}
TRIGGER_ROLE = {"deployments": "T_DEP", "statements": "T_STMT", "agreements": "T_AGR"}
MODALITY = {"asserted": "Asserted", "possible": "Possible", "planned": "Planned", "denied": "Denied"}
MAX_EVIDENCE = 200
SPLITS = ("train", "dev", "test")


class CorpusError(ValueError):
    """A corpus file that does not check out; the message names the file and the place."""


def _occurrences(needle: str, text: str) -> Iterable[tuple[int, int]]:
    for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text):
        yield m.start(), m.end()


def resolve(text: str, data: dict[str, Any], *, source: str = "<corpus>") -> dict[str, Any]:
    """Offsets for an annotator's file: every occurrence of every actor mention and place string
    becomes a name tag (longest first, no overlaps); triggers and role strings are found in
    their event's evidence (first occurrence there). Returns a new dict."""
    out = json.loads(json.dumps(data))
    cands: list[tuple[int, int, str, Any]] = []
    for a in out.get("actors", []):
        tag = TYPE_TAG.get(a.get("type"))
        for m in a.get("mentions", []):
            cands.extend((s, e, tag, a["name"]) for s, e in _occurrences(m, text))
    for p in out.get("places", []):
        cands.extend((s, e, "LOC", None) for s, e in _occurrences(p, text))
    taken: list[tuple[int, int]] = []
    mentions = []
    for s, e, tag, actor in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if tag is None or any(s < b and e > a for a, b in taken):
            continue
        taken.append((s, e))
        mentions.append({"start": s, "end": e, "text": text[s:e], "type": tag, "actor": actor})
    out["mentions"] = sorted(mentions, key=lambda m: m["start"])
    for kind in ROLES:
        for i, ev in enumerate(out.get(kind, [])):
            where = f"{source}: {kind}[{i}]"
            evidence = ev.get("evidence") or ""
            base = text.find(evidence) if evidence else -1
            if base < 0:
                raise CorpusError(f"{where}: evidence is not a substring of the text")
            trig = ev.pop("trigger", None)
            if isinstance(trig, dict):
                trig = trig.get("text")
            if trig:
                k = evidence.find(trig)
                if k < 0:
                    raise CorpusError(f"{where}: trigger {trig!r} is not in the evidence")
                ev["trigger"] = {"start": base + k, "end": base + k + len(trig), "text": trig}
            roles = []
            for role, value in (ev.pop("spans", None) or {}).items():
                for s in value if isinstance(value, list) else [value]:
                    k = evidence.find(s) if s else -1
                    if k < 0:
                        raise CorpusError(f"{where}: {role} span {s!r} is not in the evidence")
                    roles.append({"role": role, "start": base + k, "end": base + k + len(s), "text": s})
            if "roles" in ev and not roles:
                roles = ev["roles"]
            ev["roles"] = roles
    return out


def validate(text: str, data: dict[str, Any], *, source: str = "<corpus>") -> list[str]:
    """Problems of a resolved corpus file (empty when it checks out): the gold-format checks of
    ``kg.eval.gold`` plus offsets that match the text, roles allowed for their kind, name tags
    that do not overlap, a story slug and evidence of at most 200 characters."""
    from kg.errors import EvalError
    from kg.eval.gold import parse_gold

    problems: list[str] = []
    try:
        parse_gold(data, text=text, source=source)
    except EvalError as e:
        problems.append(str(e))
    if not data.get("story"):
        problems.append(f"{source}: no story slug")
    names = {a.get("name") for a in data.get("actors", [])}

    def span_ok(sp: Any, where: str) -> bool:
        if not isinstance(sp, dict) or not all(isinstance(sp.get(k), int) for k in ("start", "end")):
            problems.append(f"{where}: needs integer start and end")
            return False
        if not 0 <= sp["start"] < sp["end"] <= len(text) or text[sp["start"]:sp["end"]] != sp.get("text"):
            problems.append(f"{where}: offsets {sp.get('start')}-{sp.get('end')} do not give {sp.get('text')!r}")
            return False
        return True

    last_end = -1
    for i, m in enumerate(sorted(data.get("mentions", []), key=lambda m: m.get("start", 0))):
        where = f"{source}: mentions[{i}]"
        if m.get("type") not in ("PER", "ORG", "CTRY", "LOC"):
            problems.append(f"{where}: type {m.get('type')!r}")
        if m.get("actor") is not None and m["actor"] not in names:
            problems.append(f"{where}: actor {m['actor']!r} is not an annotated actor")
        if span_ok(m, where):
            if m["start"] < last_end:
                problems.append(f"{where}: overlaps the previous name tag")
            last_end = max(last_end, m["end"])
    for kind, allowed in ROLES.items():
        for i, ev in enumerate(data.get(kind, [])):
            where = f"{source}: {kind}[{i}]"
            if len(ev.get("evidence") or "") > MAX_EVIDENCE:
                problems.append(f"{where}: evidence longer than {MAX_EVIDENCE} characters")
            if ev.get("trigger") is not None:
                span_ok(ev["trigger"], where + ".trigger")
            for j, r in enumerate(ev.get("roles", [])):
                if r.get("role") not in allowed:
                    problems.append(f"{where}.roles[{j}]: role {r.get('role')!r} not allowed for {kind}")
                span_ok(r, f"{where}.roles[{j}]")
            if kind == "deployments":
                t = ev.get("troops")
                if t is not None and (isinstance(t, bool) or not isinstance(t, int) or t <= 0):
                    problems.append(f"{where}: troops must be a positive integer or null")
    return problems


def articles(folder: str | Path, exclude: str | None = None) -> list[tuple[Path, str, dict[str, Any]]]:
    """``(txt path, text, json)`` of every article in a folder, sorted by id; with ``exclude`` (a
    regular expression), those whose id it matches are left out."""
    skip = re.compile(exclude) if exclude else None
    out = []
    for txt in sorted(Path(folder).glob("*.txt")):
        if skip is not None and skip.search(txt.stem):
            continue
        js = txt.with_suffix(".json")
        if js.is_file():
            out.append((txt, txt.read_text(encoding="utf-8"), json.loads(js.read_text(encoding="utf-8"))))
    return out


def training_examples(text: str, data: dict[str, Any], lang: str | None = None) -> list:
    """One training ``Example`` per sentence of a corpus article (the segmenter Warta uses at
    run time): name tags, role spans, triggers with their modality (deployments; a statement's
    or agreement's trigger trains the role head only) and the sentence's event kinds."""
    from kg.extract.datagen.builder import Example
    from kg.segment.rules import split_sentences

    lang = lang or data.get("lang") or "id"
    spans = [(m["start"], m["end"], m["type"]) for m in data.get("mentions", [])]
    roles: list[tuple[int, int, str]] = []
    triggers: list[tuple[int, int, str | None]] = []
    for kind, trole in TRIGGER_ROLE.items():
        for ev in data.get(kind, []):
            t = ev.get("trigger")
            if t:
                roles.append((t["start"], t["end"], trole))
                mod = MODALITY.get(ev.get("modality") or "") if kind == "deployments" else None
                triggers.append((t["start"], t["end"], mod))
            roles.extend((r["start"], r["end"], r["role"]) for r in ev.get("roles", []))
    out = []
    for a, b, sent in split_sentences(text):
        def inside(items):
            return [(s - a, e - a, lab) for s, e, lab in items if s >= a and e <= b]

        trig = inside(triggers)
        kinds = tuple(int(any(text[a:b] and r == tr for _, _, r in inside(roles))) for tr in ("T_DEP", "T_STMT", "T_AGR"))
        out.append(Example(text=sent, mentions=inside(spans), roles=inside(roles), triggers=trig, kinds=kinds,
                           full=True, lang=lang))
    return out
