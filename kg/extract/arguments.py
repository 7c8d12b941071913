"""Sentence-level argument helpers for the decoder: the per-sentence data the model's outputs
become, and the backstops that fill a role the model left empty from the sentence's own words
(a passive by-phrase, a genitive "10.000 tentara X", "menurut X", a troop count after the
trigger). Each backstop only runs where the model tagged nothing for that role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

from kg.doc import Event, Mention
from kg.extract.cues import (
    _EITHER_WAY,
    _GENERIC_NOUNS,
    _LOCATIVE,
    _NUM,
    _POSTPOSED,
    _SPEAKER_CAPABLE,
    _TITLE_WORD,
)
from kg.extract.normalize import parse_number, qualifier_of, range_low, range_tail
from kg.link.demonyms import all_forms


@dataclass
class SentencePrediction:
    """Model outputs for one sentence, aligned to its subword tokens."""

    index: int  # Sentence.index
    start: int  # offset of the sentence in Article.text
    text: str
    offsets: list[tuple[int, int]]  # token char offsets into ``text``
    mention_probs: np.ndarray  # [T, n_mention_labels]
    role_probs: np.ndarray  # [T, 2 * n_roles]
    modality_probs: np.ndarray  # [T, n_modalities]
    kind_probs: np.ndarray  # [n_kinds]


@dataclass
class _Span:
    s: int  # sentence-relative
    e: int
    score: float
    mention: Optional[Mention] = None
    cue: bool = False  # a claimant named after "menurut" / "according to"
    rule: Optional[str] = None  # the decoder rule that made this span (None: the model did)
    rules: Optional[list] = None  # rules that shaped what this span became

    def __post_init__(self) -> None:
        if self.rule and not self.rules:
            self.rules = [self.rule]


@dataclass
class _Sent:
    pred: SentencePrediction
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, list[_Span]] = field(default_factory=dict)
    speakers: list[Mention] = field(default_factory=list)
    prev: Optional["_Sent"] = None
    role_made: set[int] = field(default_factory=set)  # ids of the mentions role-as-mention made from role spans

    def mentions_capable(self) -> bool:
        """Whether a Person is named here (a pronoun could then point at it)."""
        return any(m.type == "Person" for m in self.mentions)


_TROOP_WORDS = (r"pasukan|tentara|tentera|prajurit|personel|anggota|askar|serdadu|troops|soldiers|forces|personnel|Marines|"
                r"troupes|soldats|militaires|Truppen|Soldaten|Soldatinnen und Soldaten|tropas|soldados|efectivos")


def _drop_refs(ev: Event, dropped: set[int]) -> bool:
    """Unlink dropped mentions from an event; True if the event lost the actor it stands on."""
    for role in ("agent", "destination", "in_support_of", "claimant", "speaker"):
        m = getattr(ev, role, None)
        if m is not None and id(m) in dropped:
            setattr(ev, role, None)
    ev.parties = [m for m in ev.parties if id(m) not in dropped]
    return (ev.kind == "Deployment" and ev.agent is None) or (ev.kind == "Statement" and ev.speaker is None) or (
        ev.kind == "Agreement" and len(ev.parties) < 2)


def _dist(sp: _Span, pos: int) -> int:
    if sp.s <= pos < sp.e:
        return 0
    return min(abs(sp.s - pos), abs(sp.e - pos))


def _count_of(text: str, c: _Span) -> tuple[Optional[int], Optional[str]]:
    """Number and qualifier of a COUNT span (the words right before it may qualify it).

    A span cut after its qualifier ("sehingga" | "200 anggota") takes the number right after it.

    >>> _count_of("dengan sekitar 8.000 di antaranya", _Span(15, 20, 1.0)), _count_of("sehingga 200 anggota", _Span(0, 8, 1.0))
    ((8000, 'About'), (200, 'UpTo'))

    A share is no count: ``_count_of("minimal 15 persen personel", _Span(0, 17, 1.0))`` is ``(None, None)``.
    """
    ctext = text[c.s:c.e]
    n = parse_number(ctext)
    if n is None:
        nxt = re.match(r"\s+(" + _NUM + r")(?![\w.,]\d)", text[c.e:c.e + 24])
        if nxt is None:
            return None, None
        ctext = text[c.s:c.e + nxt.end()]
        n = parse_number(ctext)
        if n is None:
            return None, None
    lead = text[max(0, c.s - 25):c.s].split(",")[-1]
    tail = range_tail(text[c.s + len(ctext):c.s + len(ctext) + 60], before=lead + " " + ctext)
    if tail:  # "three" | " to four thousand": the range's lower end, at the upper end's magnitude
        wider = text[c.s:c.s + len(ctext) + tail]
        low = range_low(lead + " " + wider)
        if low is not None:
            ctext, n = wider, low
    if _is_year(text, c.s, ctext) or _PERCENT.search(text[c.s:c.s + len(ctext) + 12]):
        return None, None
    q = qualifier_of(lead + " " + ctext)
    if q is not None and qualifier_of(ctext) == "Exact":
        lead = " ".join(text[max(0, c.s - 25):c.s].split()[-2:])  # only the words right before the number
        q = qualifier_of(lead + " " + ctext)
    return n, q


_PERCENT = re.compile(r"\d\s*(?:%|persen\b|peratus\b|per ?cent\b|pour ?cent\b|Prozent\b|por ?ciento\b)", re.I)
_YEAR_CUE = re.compile(
    r"(?i)(?:\b(?:by|in|since|until|before|after|from|tahun|pada|hingga|sampai|sejak|menjelang|en|d'ici|depuis|"
    r"jusqu'en|avant|après|im|bis|seit|vor|ab|nach|para|hasta|desde|antes de)\s*)$")


def _is_year(text: str, start: int, ctext: str) -> bool:
    """A bare four-digit 19xx/20xx after a time word ("by 2027", "pada 2024", "d'ici 2030")
    is a year, not a troop count.

    >>> _is_year("raise spending by 2027", 17, "2027"), _is_year("sent 2027 troops", 5, "2027 troops")
    (True, False)
    """
    m = re.match(r"\s*((?:19|20)\d{2})(?![\d.,])", ctext)
    return bool(m) and bool(_YEAR_CUE.search(text[max(0, start - 16):start].rstrip() + " "))


def _genitive_agent(st: _Sent, count: _Span) -> Optional[Mention]:
    """Backstop when no AGENT was tagged: the country whose troops the count is
    ("10.000 tentara Korea Utara", "5,000 North Korean troops"): a Country mention within three
    words after the count, no punctuation between."""
    base = st.pred.start
    text = st.pred.text
    for m in st.mentions:
        if m.type == "Country" and m.start - base >= count.e:
            gap = text[count.e:m.start - base]
            if not re.search(r"[,;:.!?“”\"()–-]", gap) and len(gap.split()) <= 3 and not _LOCATIVE.search(gap):
                return m
    return None


_TROOP_NOUN = re.compile(r"(?i)(?:" + _TROOP_WORDS + r")\s+(?:\w+\s+)?$")
_BY = re.compile(r"(?i)(?:oleh|by|par|von|por)\s+(?:(?:pihak|the|les?|la|den|der|el|los)\s+)?$")
_CLAIM_CUE = re.compile(r"(?i)(?<!\w)(?:menurut|mengutip|dikutip oleh|seperti dilaporkan|dilaporkan oleh|according to|cited by|as reported by|"
                        r"selon|laut|según|de acuerdo con)\s+(?:\w+\s+){0,2}?$")
_AND = re.compile(r"\s*,?\s*(?:dan|serta|and|et|und|y)\s*")  # "X dan Y"; a bare comma may end a lead-in ("Menurut CNN, Iran ...")


_REFERRING_SUBJECT = re.compile(r"(?i)(?<!\w)(?:mereka|pihak\s+(?!lain)\w+|negara (?:itu|tersebut)|they|the country|the north|"
                                r"ils|le pays|sie|das land|ellos|el país)(?!\w)")


_TROOP_ANY_WORDS = (_TROOP_WORDS + r"|Soldatinnen|hommes|casques bleus|Kräfte|Streitkräfte|fuerzas|militares|"
                    r"contingent|contingente|Kontingent")
_TROOP_AFTER = re.compile(r"(?i)\s+(?:\w+\s+)?(?:" + _TROOP_ANY_WORDS + r")(?!\w)")  # "deutsche [gepanzerte] Soldaten"
_TROOP_BEFORE = re.compile(r"(?i)(?<!\w)(?:" + _TROOP_ANY_WORDS + r")\s+$")  # "soldats rwandais"
_WORD = re.compile(r"[\w'’-]+")


def demonym_mentions(text: str, base: int, sentence: int, covered: Sequence[tuple[int, int]]) -> list[Mention]:
    """Country mentions for lower-case nationality adjectives right next to a troop noun ("500
    deutsche Soldaten", "der deutschen Truppen", "4 000 soldats rwandais", "tropas norcoreanas"):
    German, French and Spanish write the deploying state so, and the mention head, trained on
    capitalised names, leaves them untagged.

    >>> t = "Laut Bundeswehr sind 500 deutsche Soldaten im Einsatz; 4 000 soldats rwandais combattent."
    >>> [(m.text, m.type) for m in demonym_mentions(t, 0, 0, [])]
    [('deutsche', 'Country'), ('rwandais', 'Country')]
    """
    forms = all_forms()
    out = []
    for w in _WORD.finditer(text):
        if w.group(0) not in forms or not w.group(0).islower() or any(a < w.end() and w.start() < b for a, b in covered):
            continue
        before, after = text[max(0, w.start() - 30):w.start()], text[w.end():w.end() + 30]
        if _TROOP_AFTER.match(after) or _TROOP_BEFORE.search(before):
            out.append(Mention(start=base + w.start(), end=base + w.end(), text=w.group(0), type="Country", score=0.6, sentence=sentence))
    return out


def _troops_of(st: _Sent, trig: _Span) -> Optional[_Span]:
    """The state whose troops a nominal trigger sends ("pengiriman pasukan Korea Utara", "the
    deployment of North Korean troops" reads the other way and is left to the model): a Country
    right after a troop noun within four words after the trigger."""
    base = st.pred.start
    text = st.pred.text
    for m in st.mentions:
        ms = m.start - base
        if m.type == "Country" and trig.e <= ms and len(text[trig.e:ms].split()) <= 4 and _TROOP_NOUN.search(text[trig.e:ms]):
            return _Span(ms, m.end - base, 1.0, m)
    return None


def _passive_agent(st: _Sent, trig: _Span) -> Optional[Mention]:
    """Backstop when no AGENT was tagged: the by-phrase of a passive ("dikerahkan ke Rusia oleh
    pihak Korea Utara", "deployed by France"): the first Country/Organization after "oleh"/"by"
    following the trigger, in the same clause.

    >>> t = "500 personel dikerahkan ke Kongo oleh Indonesia"
    >>> st = _Sent(SentencePrediction(0, 0, t, [], None, None, None, None), [Mention(38, 47, "Indonesia", "Country")])
    >>> _passive_agent(st, _Span(13, 23, 1.0)).text
    'Indonesia'
    """
    base = st.pred.start
    text = st.pred.text
    for m in st.mentions:
        ms = m.start - base
        if m.type in ("Country", "Organization") and ms >= trig.e and not re.search(r"[;.!?“”\"]", text[trig.e:ms]):
            if _BY.search(text[max(trig.e, ms - 20):ms]):
                return m
    return None


def _claimants(st: _Sent, tagged: list[_Span]) -> list[_Span]:
    """The tagged CLAIMANT spans, or else the actors after "menurut" / "dikutip oleh" / "according
    to" (at most two words between); either way with the actors coordinated after them ("dikutip
    oleh X dan Y", "menurut X, Y, Z dan ...": each claims it). A span after such a cue has ``cue``
    set: saying so makes it a speaker too."""
    base = st.pred.start
    text = st.pred.text
    names = sorted((m for m in st.mentions if m.type in _SPEAKER_CAPABLE), key=lambda m: m.start)

    def cued(a: int) -> bool:
        return bool(_CLAIM_CUE.search(text[max(0, a - 40):a]))

    heads = [_Span(sp.s, sp.e, sp.score, sp.mention, cue=cued(sp.s)) for sp in tagged]
    if not heads:
        heads = [_Span(m.start - base, m.end - base, 0.5, m, cue=True) for m in names if cued(m.start - base)]
    out = list(heads)
    for head in heads:
        chain, last = [], head.e
        for m in (m for m in names if m.start - base >= head.e):
            gap = text[last:m.start - base]
            if not (_AND.fullmatch(gap) or re.fullmatch(r"\s*,\s*", gap)):
                break
            chain.append((m, bool(_AND.fullmatch(gap))))
            last = m.end - base
        # a list ends in a conjunction ("X, Y dan Z", "X, Y, Z dan beberapa peneliti"); "Menurut CNN, Iran ..." is no list
        ends = bool(re.match(r"\s*,?\s*(?:dan|serta|and|et|und|y)\b", text[last:]))
        while chain and not chain[-1][1] and not ends:  # drop comma-joined names after the last conjunction
            chain.pop()
        for m, _ in chain:
            if all(o.mention is not m for o in out):
                out.append(_Span(m.start - base, m.end - base, 0.5 * head.score, m, cue=head.cue))
    return out


def _subject_before(st: _Sent, trig: _Span) -> Optional[Mention]:
    """Backstop when no AGENT was tagged: a Country/Organization mention right before the
    trigger ("Prancis mengirim", "France has sent"), at most three words away, no punctuation."""
    base = st.pred.start
    text = st.pred.text
    best = None
    for m in st.mentions:
        if m.type in ("Country", "Organization") and m.end - base <= trig.s:
            gap = text[m.end - base:trig.s]
            if not re.search(r"[,;:.!?“”\"()]", gap) and len(gap.split()) <= 3:
                best = m
    return best


def _adjacent_speaker(st: _Sent, trig: _Span, before_only: bool = False) -> Optional[Mention]:
    """Backstop when no SPEAKER was tagged: the named actor right before the speech verb
    ("... Penny Wong mengatakan") or right after a postposed one ("kata Menteri X")."""
    base = st.pred.start
    text = st.pred.text
    best = None
    if not before_only and _is_postposed(text, trig):  # "..., kata juru bicara X": the speaker follows
        for m in st.mentions:
            if m.type in _SPEAKER_CAPABLE and m.start - base >= trig.e:
                gap = text[trig.e:m.start - base]
                if not re.search(r"[;:.!?“”\"()]", gap) and len(gap.split()) <= 4:
                    return m
                break
    for m in st.mentions:
        if m.type not in _SPEAKER_CAPABLE:
            continue
        if m.end - base <= trig.s:
            gap = text[m.end - base:trig.s]
            if gap.strip() in ("", ",") or (not re.search(r"[,;:.!?“”\"()]", gap) and len(gap.split()) <= 2):
                best = m
        elif m.start - base >= trig.e and best is None and not before_only:
            gap = text[trig.e:m.start - base]
            if not re.search(r"[;:.!?“”\"()]", gap) and len(gap.split()) <= 4:
                return m
    return best


def _is_postposed(text: str, trig: _Span) -> bool:
    """A speech verb after what was said ("..., kata X", "“...,” said X"): its speaker follows it.

    >>> _is_postposed("“Siap,” kata Ali", _Span(8, 12, 1.0)), _is_postposed("Ali mengatakan", _Span(4, 14, 1.0))
    (True, False)
    """
    before = text[:trig.s].rstrip()
    verb = text[trig.s:trig.e]
    if _POSTPOSED.match(verb) or not before or before.endswith(("\"", "”", "’", "»", "“", "'")):
        return True
    if before.endswith(","):  # ", said Maria Costa" yes; "Maria Costa, the spokeswoman ..., said on Monday" no
        nxt = text[trig.e:].split()[:1]
        return bool(_EITHER_WAY.match(verb) and nxt and (nxt[0][:1].isupper() or nxt[0].lower() in ("the", "a", "le", "la", "der", "die", "el")))
    return False


def _appositive_subject(st: _Sent, trig: _Span) -> Optional[Mention]:
    """Backstop for a sentence-initial speaker far from its verb: "X, Menteri Luar Negeri Y, pada
    31 Oktober mengatakan ..." / "X pada 2 November di media sosial mengatakan": the first
    speaker-capable mention of the sentence (after at most a short lead-in ending in a comma),
    with no quotation or clause end between it and a preposed speech verb."""
    base = st.pred.start
    text = st.pred.text
    if _is_postposed(text, trig):
        return None
    cands = sorted((m for m in st.mentions if m.end - base <= trig.s and m.text.lower() not in _GENERIC_NOUNS), key=lambda m: m.start)
    if not cands or cands[0].type not in _SPEAKER_CAPABLE:
        return None
    m = cands[0]
    if len(cands) > 1 and m.type != "Person" and cands[1].type == "Person":
        between = text[m.end - base:cands[1].start - base]
        if between.strip() == "," or (not re.search(r"[,;:.!?()]", between) and len(between.split()) <= 1):
            m = cands[1]  # "Menteri Luar Negeri AS Antony Blinken, ..., mengatakan"
    lead = text[:m.start - base]
    words = lead.split()
    title_lead = bool(words) and _TITLE_WORD.match(words[0]) is not None and all(w[:1].isupper() for w in words[1:]) and len(words) <= 5
    if lead.strip() and not title_lead and not (lead.rstrip().endswith(",") and len(lead.split()) <= 4):
        return None
    gap = text[m.end - base:trig.s]
    if re.search(r"[.!?;:“”\"«»‘’]", gap) or len(gap.split()) > 14:
        return None
    if not gap.lstrip().startswith(",") and len(gap.split()) > 8:
        return None
    return m


def _first_token(offsets: Sequence[tuple[int, int]], pos: int) -> int:
    for k, (a, b) in enumerate(offsets):
        if b > pos:
            return k
    return len(offsets) - 1


def _side_dist(sp: _Span, trig: _Span, after: bool) -> float:
    """Distance from trigger to span, tripled when the span sits on the unusual side
    (agents usually precede the verb; counts, destinations and units follow it)."""
    d = _dist(sp, trig.s)
    is_after = sp.s >= trig.e
    return d if is_after == after else 3 * d + 1


def _assign(spans: list[_Span], trigs: list[_Span], after: bool = True) -> dict[int, list[_Span]]:
    """Each span goes to its nearest trigger (side-aware)."""
    out: dict[int, list[_Span]] = {}
    for sp in spans:
        i = min(range(len(trigs)), key=lambda j: _side_dist(sp, trigs[j], after))
        out.setdefault(i, []).append(sp)
    return out


def _pick(assigned: dict[int, list[_Span]], i: int, fallback: list[_Span], trig: _Span, n_trigs: int) -> Optional[_Span]:
    mine = assigned.get(i)
    if mine:
        return min(mine, key=lambda sp: _dist(sp, trig.s))
    if fallback and (n_trigs > 1 or True):
        return min(fallback, key=lambda sp: _dist(sp, trig.s))
    return None
