"""Read the Indonesian NER corpora (NERGrit, NERP) from ``../shared/data/ner-id`` as mention-only
Examples (the event heads are masked for them)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.extract.datagen.builder import Example
from kg.extract.datagen.names import load_countries, shared_data_dir

TAGMAP = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG", "PPL": "PER", "PLC": "LOC", "IND": "ORG"}
_NO_SPACE_BEFORE = set(".,;:!?)%”’")
# sentences with none of these cues serve as real-text negatives for the event heads too
_EVENT_CUES = re.compile(
    r"(?i)\b(?:kata|katanya|ujar\w*|mengatakan|menyatakan|menurut|ungkap\w*|mengungkapkan|jelas\w*|tutur\w*|tegas\w*|"
    r"sebut\w*|menyebutkan|membantah|menepis|menyangkal|mengumumkan|memperingatkan|melaporkan|dilaporkan|imbuh\w*|tambah\w*|"
    r"ucap\w*|kirim\w*|mengirim\w*|dikirim\w*|kerah\w*|dikerahkan|mengerahkan|pasukan|tentara|prajurit|personel|militer|"
    r"perjanjian|pakta|kesepakatan|sepakat|menandatangani|ditandatangani|meneken|nota)\b")
_NO_SPACE_AFTER = set("(“‘")


def read_bio(path: Path, country_names: set[str], truecase: bool = False) -> list[Example]:
    """Sentences of a token<TAB>BIO file; PLACE spans that name a country become CTRY.

    NERP is all lower case; with ``truecase`` the words of a tagged name and the sentence's first
    word get an initial capital, so lower-case words do not teach the model that names need no
    capital.

    A sentence without any speech, troop or treaty cue is marked ``full`` (a real-text negative
    for the event heads: no roles, no event kinds); the others train the mention head only.
    """
    out: list[Example] = []
    toks: list[tuple[str, str]] = []

    def flush() -> None:
        if not toks:
            return
        text = ""
        spans: list[tuple[int, int, str]] = []
        cur: list | None = None
        for i, (tok, tag) in enumerate(toks):
            if truecase and (i == 0 or tag[:2] in ("B-", "I-")) and tok[:1].isalpha():
                tok = tok[:1].upper() + tok[1:]
            if text and tok[0] not in _NO_SPACE_BEFORE and text[-1] not in _NO_SPACE_AFTER:
                text += " "
            s = len(text)
            text += tok
            lab = TAGMAP.get(tag[2:]) if tag[:2] in ("B-", "I-") else None
            if tag.startswith("I-") and cur is not None and cur[2] == lab:
                cur[1] = len(text)
                continue
            if cur is not None:
                spans.append(tuple(cur))
                cur = None
            if lab:
                cur = [s, len(text), lab]
        if cur is not None:
            spans.append(tuple(cur))
        fixed = []
        for s, e, lab in spans:
            if lab == "LOC" and text[s:e].lower() in country_names:
                lab = "CTRY"
            fixed.append((s, e, lab))
        full = not _EVENT_CUES.search(text) and '"' not in text and "“" not in text
        out.append(Example(text=text, mentions=fixed, full=full, lang="id"))
        toks.clear()

    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            parts = line.split("\t")
            if len(parts) == 2 and parts[0]:
                toks.append((parts[0], parts[1].strip()))
    flush()
    return out


def load_ner(data_dir: Path | None = None, splits: tuple[str, ...] = ("nergrit-train", "nergrit-valid", "nerp-train")) -> list[Example]:
    d = data_dir or shared_data_dir()
    names = {n.lower() for c in load_countries(d) for n in c.names.values()}
    out: list[Example] = []
    for s in splits:  # "nergrit-train*3": that file three times
        name, _, times = s.partition("*")
        out.extend(read_bio(d / "ner-id" / f"{name}.tsv", names, truecase=name.startswith("nerp")) * int(times or 1))
    return out
