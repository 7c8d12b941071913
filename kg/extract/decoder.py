"""Logits -> doc.py Mentions and Events.

Per sentence: mention spans (BIO), role spans (begin/inside sigmoids), trigger modality and the
sentence's event kinds come from the model. This module groups them into events: each trigger
takes the nearest role spans of its kind (so two deployments in one sentence keep their own
counts and destinations), numbers/qualifiers/dates go through ``normalize``, and pronoun or
"pejabat tersebut"-style speakers resolve to the most recent named speaker-capable mention in the
same or the previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

from kg.doc import Article, Event, Mention
from kg.extract.normalize import normalize_date, parse_number, qualifier_of
from kg.extract.spans import bio_spans, role_spans

TYPE_OF = {"PER": "Person", "ORG": "Organization", "CTRY": "Country", "LOC": "Place"}
_QUOTES = "\"“”«»„‟'‘’"
# lexical cues, used only when the model's modality is unsure (max prob < 0.6)
_CUES = [
    ("Denied", r"membantah|menepis|menyangkal|menafikan|denied|denies|deny|rejected|dementi|démenti|nie|bestritt|bestreitet|negó|niega|berita palsu|fake news"),
    ("Possible", r"mungkin|bisa|dapat|diperkirakan|kemungkinan|diduga|diyakini|berpotensi|may|might|could|likely|expected|believed|pourrait|aurait|könnte|soll|sollen|podría|habría"),
    ("Planned", r"berencana|akan|rencana|bersiap|berniat|dijadwalkan|merancang|plans?|will|intends?|set to|prévoit|va|compte|plant|wird|werden|planea|enviará|va a"),
]
_SPEAKER_CAPABLE = ("Person", "Organization", "Country")
# function words that are never names on their own (sentence-initial capitals fool the model)
_NOT_NAMES = set("""namun tetapi tapi sementara selain meski meskipun walaupun jika bila kalau bagi untuk dengan dari
ke di pada dalam apa siapa mengapa bagaimana kapan saya kita kami anda dia ia beliau mereka para ini itu tersebut sikap lihat baca
simak kini hingga sejak setelah sebelum karena oleh juga sedangkan adapun yang dan atau bahwa ada menurut
however but while if for with from to in on at what who why how when i we you he she they this that these those
the a an and or mais pour avec dans sur le la les un une il elle ils nous vous aber und oder für mit der die das
ein eine er sie wir pero para con en el los las una él ella""".split())
_SPEECH_VERB = re.compile(
    r"(?i)(?<!\w)(?:mengatakan|menyatakan|menambahkan|menegaskan|mengungkapkan|menjelaskan|menyebut(?:kan)?|memperingatkan|"
    r"mengumumkan|membantah|menepis|menuturkan|berkata|kata|ujar|tutur|ucap|imbuh|menekankan|menyampaikan|mengklaim|"
    r"berkomentar|mengakui|menilai|menulis|tulis|mengecam|menuding|memastikan|menyebutkan|katanya|ujarnya|"
    r"said|says|told|added|warned|stated|announced|denied|a déclaré|a affirmé|a ajouté|sagte|erklärte|betonte|dijo|afirmó|declaró)(?!\w)")
_PLURAL_REFERENCE = re.compile(r"(?i)\b(?:orang-orang|mereka|para|pihak-pihak|they|them|officials|ils|elles|sie|ellos|ellas)\b")
_PRONOUN = re.compile(r"(?i)^(?:dia|ia|beliau|he|she|il|elle|er|sie|él|ella)$|(?:nya)$|\b(?:tersebut|itu|the official|the minister|the spokes\w*|le ministre|le porte-parole|der minister|der sprecher|el ministro|el portavoz|pegawai itu|menteri itu)\b")


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


@dataclass
class _Sent:
    pred: SentencePrediction
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, list[_Span]] = field(default_factory=dict)
    speakers: list[Mention] = field(default_factory=list)


class Decoder:
    def __init__(self, mention_labels: Sequence[str], roles: Sequence[str], modalities: Sequence[str],
                 kinds: Sequence[str], extractor: str = "kg.extractor.transformer.v1", min_mention_score: float = 0.5):
        self.min_mention_score = min_mention_score
        self.mention_labels = list(mention_labels)
        self.roles = list(roles)
        self.modalities = list(modalities)
        self.kinds = list(kinds)
        self.extractor = extractor

    # ------------------------------------------------------------------ article
    def decode(self, article: Article, preds: Sequence[SentencePrediction]) -> None:
        """Fill ``article.mentions`` and ``article.events`` from per-sentence predictions."""
        mentions: list[Mention] = []
        events: list[Event] = []
        prev: Optional[_Sent] = None
        for pred in sorted(preds, key=lambda p: p.start):
            st = self._sentence(pred)
            mentions.extend(st.mentions)
            events.extend(self._events(article, st, prev))
            prev = st
        # an unsure mention survives only if an event needs it
        used = {id(m) for ev in events for _, m in ev.roles()}
        mentions = [m for m in mentions if m.score >= self.min_mention_score or id(m) in used]
        mentions.sort(key=lambda m: (m.start, m.end))
        article.mentions = mentions
        events.sort(key=lambda e: (e.start, e.end, e.kind))
        article.events = events

    # ------------------------------------------------------------------ sentence
    def _sentence(self, p: SentencePrediction) -> _Sent:
        st = _Sent(p)
        text = p.text
        for s, e, typ, score in bio_spans(text, p.offsets, p.mention_probs, self.mention_labels):
            s, e = _trim(text, s, e)
            if e <= s or not _plausible_name(text[s:e]):
                continue
            st.mentions.append(Mention(start=p.start + s, end=p.start + e, text=text[s:e], type=TYPE_OF[typ],
                                       score=score, sentence=p.index))
        for role, spans in role_spans(text, p.offsets, p.role_probs, self.roles).items():
            st.roles[role] = []
            for s, e, score in spans:
                s, e = _trim(text, s, e)
                if e > s:
                    st.roles[role].append(_Span(s, e, score))
        # attach actor roles to mentions; an argument the mention head missed becomes a mention
        for role in ("AGENT", "DEST", "SUPPORT", "PARTY", "CLAIMANT", "SPEAKER"):
            for sp in st.roles.get(role, []):
                sp.mention = self._mention_for(st, sp)
                if sp.mention is None and role != "SPEAKER" and _looks_named(text[sp.s:sp.e]):
                    m = Mention(start=p.start + sp.s, end=p.start + sp.e, text=text[sp.s:sp.e],
                                type="Place" if role == "DEST" else "Country", score=sp.score * 0.5, sentence=p.index)
                    st.mentions.append(m)
                    sp.mention = m
        return st

    def _mention_for(self, st: _Sent, sp: _Span) -> Optional[Mention]:
        base = st.pred.start
        best, best_ov = None, 0
        for m in st.mentions:
            ov = min(m.end, base + sp.e) - max(m.start, base + sp.s)
            if ov > best_ov:
                best, best_ov = m, ov
        return best

    # ------------------------------------------------------------------ events
    def _events(self, art: Article, st: _Sent, prev: Optional[_Sent]) -> list[Event]:
        p = st.pred
        kp = {k: float(v) for k, v in zip(self.kinds, p.kind_probs)}
        out: list[Event] = []
        claimants = [sp for sp in st.roles.get("CLAIMANT", []) if sp.mention is not None]
        out += self._deployments(art, st, kp, claimants)
        out += self._statements(art, st, prev, kp)
        out += self._agreements(art, st, kp, claimants)
        return out

    def _base(self, art: Article, st: _Sent, kind: str, conf: float) -> Event:
        p = st.pred
        ev_s, ev_e = _trim(p.text, 0, len(p.text))
        return Event(kind=kind, start=p.start + ev_s, end=p.start + ev_e, evidence=p.text[ev_s:ev_e], sentence=p.index,
                     confidence=round(min(1.0, max(0.0, conf)), 4), extractor=self.extractor)

    def _modality(self, st: _Sent, trig: _Span) -> str:
        p = st.pred
        k = _first_token(p.offsets, trig.s)
        probs = p.modality_probs[k]
        mod = self.modalities[int(probs.argmax())]
        if float(probs.max()) < 0.6:
            window = p.text[max(0, trig.s - 40):trig.e].lower()
            for cue_mod, pat in _CUES:
                if re.search(r"(?<!\w)(?:" + pat + r")(?!\w)", window):
                    return cue_mod
        return mod

    def _date(self, art: Article, st: _Sent, anchor: int) -> Optional[str]:
        dates = st.roles.get("DATE", [])
        if not dates:
            return None
        d = min(dates, key=lambda sp: _dist(sp, anchor))
        return normalize_date(st.pred.text[d.s:d.e], art.published)

    def _deployments(self, art, st, kp, claimants) -> list[Event]:
        text = st.pred.text
        trigs = st.roles.get("T_DEP", [])
        counts = st.roles.get("COUNT", [])
        kind = kp.get("Deployment", 0)
        # a confident trigger stands on its own; a weak one needs the sentence-level head
        trigs = [t for t in trigs if t.score >= 0.9 or kind >= 0.25]
        if not trigs and counts and (st.roles.get("AGENT") or _genitive_agent(st, counts[0])) and kind >= 0.2:
            trigs = [_Span(c.s, c.e, max(kind, 0.5)) for c in counts[:1]]  # "ada 5.000 tentara X di Y"
        if not trigs:
            return []
        out = []
        assign = {role: _assign(st.roles.get(role, []), trigs, after=role != "AGENT")
                  for role in ("COUNT", "AGENT", "DEST", "SUPPORT", "UNIT")}
        for i, t in enumerate(trigs):
            ev = self._base(art, st, "Deployment", 0.5 * t.score + 0.5 * kp.get("Deployment", 0))
            ev.modality = self._modality(st, t)
            agent = _pick(assign["AGENT"], i, st.roles.get("AGENT", []), t, len(trigs))
            c = _pick(assign["COUNT"], i, [], t, len(trigs))
            ev.agent = agent.mention if agent else (_genitive_agent(st, c) if c else None) or _subject_before(st, t)
            if c is not None:
                ctext = text[c.s:c.e]
                ev.troop_count = parse_number(ctext)
                if ev.troop_count is not None:
                    ev.qualifier = qualifier_of(text[max(0, c.s - 25):c.s].split(",")[-1] + " " + ctext)
                    if ev.qualifier is not None and qualifier_of(ctext) == "Exact":
                        # only the words right before the number may qualify it
                        lead = " ".join(text[max(0, c.s - 25):c.s].split()[-2:])
                        ev.qualifier = qualifier_of(lead + " " + ctext)
            d = _pick(assign["DEST"], i, st.roles.get("DEST", []), t, len(trigs))
            ev.destination = d.mention if d else None
            s = _pick(assign["SUPPORT"], i, st.roles.get("SUPPORT", []), t, len(trigs))
            ev.in_support_of = s.mention if s else None
            u = _pick(assign["UNIT"], i, [], t, len(trigs))
            ev.unit = text[u.s:u.e] if u else None
            ev.date = self._date(art, st, t.s)
            if claimants:
                cl = min(claimants, key=lambda sp: _dist(sp, t.s))
                if cl.mention is not ev.agent:
                    ev.claimant = cl.mention
            if ev.troop_count == 0:
                ev.troop_count, ev.qualifier = None, None
            if ev.agent is None:
                continue  # a deployment nobody deploys is not a fact we can state
            out.append(ev)
        return out

    def _statements(self, art, st, prev, kp) -> list[Event]:
        text = st.pred.text
        trigs = list(st.roles.get("T_STMT", []))
        speakers = st.roles.get("SPEAKER", [])
        kind = kp.get("Statement", 0)
        if not trigs and speakers:
            verb = _SPEECH_VERB.search(text)
            if verb or kind >= 0.8:  # a tagged speaker and a speech verb the trigger head missed
                a, b = (verb.start(), verb.end()) if verb else (speakers[0].s, speakers[0].e)
                trigs = [_Span(a, b, max(kind, 0.5))]
        if not trigs:
            # backstop: a speech verb with a named actor right next to it ("X mengatakan", "kata X")
            for verb in _SPEECH_VERB.finditer(text):
                cand = _Span(verb.start(), verb.end(), 0.5)
                if _adjacent_speaker(st, cand) is not None:
                    trigs.append(cand)
                    continue
                pron = re.search(r"(?i)(?:^|[\s,])(dia|ia|beliau|he|she|il|elle|er|él|ella)(?:\s+\w+)?\s*$", text[:verb.start()])
                if pron:  # "Dia juga mengatakan": resolved like a tagged pronoun speaker
                    speakers = speakers + [_Span(pron.start(1), pron.end(1), 0.5)]
                    trigs.append(_Span(verb.start(), verb.end(), 0.9))
        claim_stmts = self._claimant_statements(art, st, kind)
        if not trigs:
            return claim_stmts
        contents = st.roles.get("CONTENT", [])
        by_speaker: dict[int, Event] = {}
        out: list[Event] = []
        for t in trigs:
            sp = min(speakers, key=lambda x: _dist(x, t.s)) if speakers else None
            speaker = sp.mention if sp is not None else None
            if speaker is not None and speaker.type == "Place":
                speaker = None
            if speaker is None and sp is None:
                speaker = _adjacent_speaker(st, t)
            if speaker is None and t.score < 0.9 and kind < 0.25:
                continue  # a hesitant trigger in a sentence the model does not read as a statement
            if speaker is None:
                ref = text[sp.s:sp.e] if sp is not None else text[t.s:t.e]
                if _PLURAL_REFERENCE.search(ref) or (sp is None and not _PRONOUN.search(ref)) or (
                        sp is not None and not _PRONOUN.search(ref)):
                    continue  # an anonymous or plural source ("kata orang-orang tersebut") names no speaker
                speaker = self._resolve_speaker(st, prev, t)
            if speaker is None:
                continue
            if id(speaker) in by_speaker:
                continue
            ev = self._base(art, st, "Statement", 0.5 * t.score + 0.5 * kp.get("Statement", 0))
            ev.speaker = speaker
            ev.modality = "Denied" if self._modality(st, t) == "Denied" else "Asserted"
            c = min(contents, key=lambda x: _dist(x, t.s)) if contents else None
            if c is not None:
                # the model may cut a long content into pieces: join those on the same side
                same = [x for x in contents if (x.s >= t.e) == (c.s >= t.e)]
                c = _Span(min(x.s for x in same), max(x.e for x in same), c.score)
                ev.text = text[c.s:c.e]
                before = text[:c.s].rstrip()
                after = text[c.e:].lstrip()
                ev.is_quote = bool((before and before[-1] in _QUOTES) or (after and after[0] in _QUOTES)
                                   or (ev.text and ev.text[0] in _QUOTES))
            else:
                ev.text = text
                ev.is_quote = sum(text.count(q) for q in _QUOTES[:7]) >= 2
            ev.date = self._date(art, st, t.s)
            by_speaker[id(speaker)] = ev
            st.speakers.append(speaker)
            out.append(ev)
        for ev in claim_stmts:
            if id(ev.speaker) not in by_speaker:
                by_speaker[id(ev.speaker)] = ev
                out.append(ev)
        return out

    def _claimant_statements(self, art, st, kind) -> list[Event]:
        """"..., kata X" / "X said" tags X as the claimant of the reported fact; saying it is
        also a Statement by X (a speech verb must sit right next to the claimant)."""
        text = st.pred.text
        out = []
        for sp in st.roles.get("CLAIMANT", []):
            m = sp.mention
            if m is None or m.type not in _SPEAKER_CAPABLE:
                continue
            window = text[max(0, sp.s - 14):sp.s] + " " + text[sp.e:sp.e + 14]
            if not _SPEECH_VERB.search(window):
                continue
            ev = self._base(art, st, "Statement", 0.5 * sp.score + 0.5 * kind)
            ev.speaker = m
            ev.text = text
            ev.is_quote = sum(text.count(q) for q in _QUOTES[:7]) >= 2
            ev.modality = "Asserted"
            ev.date = self._date(art, st, sp.s)
            st.speakers.append(m)
            out.append(ev)
        return out

    def _resolve_speaker(self, st: _Sent, prev: Optional[_Sent], trig: _Span) -> Optional[Mention]:
        """A pronoun / "pejabat tersebut" speaker: the nearest named Person before the trigger in
        this sentence, else the previous sentence's speaker, else its last speaker-capable mention."""
        base = st.pred.start
        before = [m for m in st.mentions if m.type == "Person" and m.end <= base + trig.s]
        if before:
            return before[-1]
        if prev is not None:
            if prev.speakers:
                return prev.speakers[-1]
            cands = [m for m in prev.mentions if m.type == "Person"] or [m for m in prev.mentions if m.type in _SPEAKER_CAPABLE]
            if cands:
                return cands[-1]
        return None

    def _agreements(self, art, st, kp, claimants) -> list[Event]:
        text = st.pred.text
        trigs = st.roles.get("T_AGR", [])
        parties = [sp for sp in st.roles.get("PARTY", []) if sp.mention is not None]
        if not trigs and len(parties) >= 2 and kp.get("Agreement", 0) >= 0.5:
            trigs = [_Span(parties[0].s, parties[0].e, kp["Agreement"])]
        if not trigs or kp.get("Agreement", 0) < 0.25 or not parties:
            return []
        t = trigs[0]
        ev = self._base(art, st, "Agreement", 0.5 * t.score + 0.5 * kp.get("Agreement", 0))
        seen: set[int] = set()
        for sp in parties:
            if id(sp.mention) not in seen:
                seen.add(id(sp.mention))
                ev.parties.append(sp.mention)
        if len(ev.parties) < 2:  # a pact has two sides: take the nearest actors around the trigger
            base = st.pred.start
            near = sorted((m for m in st.mentions if m.type in ("Country", "Organization") and id(m) not in seen),
                          key=lambda m: abs((m.start - base) - t.s))
            for m in near:
                if len(ev.parties) >= 2 or len(text[min(m.end - base, t.s):max(m.start - base, t.e)].split()) > 8:
                    break
                seen.add(id(m))
                ev.parties.append(m)
        names = st.roles.get("AGR_NAME", [])
        if names:
            n = min(names, key=lambda x: _dist(x, t.s))
            ev.name = text[n.s:n.e]
        ev.modality = self._modality(st, t)
        ev.date = self._date(art, st, t.s)
        if claimants:
            ev.claimant = claimants[0].mention
        return [ev]


# ---------------------------------------------------------------------- helpers
_EDGE = set(",;:([{'\"“”‘’«»„-–—/")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and stray punctuation from a span's edges (balanced brackets stay).

    >>> t = "Badan Intelijen Nasional ( NIS"
    >>> _trim(t, 0, 26)
    (0, 24)
    """
    while True:
        s0, e0 = s, e
        while s < e and (text[s].isspace() or text[s] in _EDGE or (text[s] == ")")):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE or text[e - 1] == "."
                         or (text[e - 1] == ")" and "(" not in text[s:e - 1])):
            e -= 1
        if (s, e) == (s0, e0):
            return s, e


def _plausible_name(s: str) -> bool:
    """Not a bare function word, has a letter, and at least one capital or digit-free acronym.

    >>> _plausible_name("Namun"), _plausible_name("Korea Utara"), _plausible_name("-"), _plausible_name("pasukan")
    (False, True, False, False)
    """
    words = [w.strip(".,;:'’\"“”()-").lower() for w in s.split()]
    if not any(ch.isalpha() for ch in s):
        return False
    if all(w in _NOT_NAMES or not w for w in words):
        return False
    return any(ch.isupper() for ch in s)


def _looks_named(s: str) -> bool:
    return bool(s) and any(w[:1].isupper() for w in s.split())


def _dist(sp: _Span, pos: int) -> int:
    if sp.s <= pos < sp.e:
        return 0
    return min(abs(sp.s - pos), abs(sp.e - pos))


def _genitive_agent(st: _Sent, count: _Span) -> Optional[Mention]:
    """Backstop when no AGENT was tagged: the country whose troops the count is
    ("10.000 tentara Korea Utara", "5,000 North Korean troops"): a Country mention within three
    words after the count, no punctuation between."""
    base = st.pred.start
    text = st.pred.text
    for m in st.mentions:
        if m.type == "Country" and m.start - base >= count.e:
            gap = text[count.e:m.start - base]
            if not re.search(r"[,;:.!?“”\"()–-]", gap) and len(gap.split()) <= 3:
                return m
    return None


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


def _adjacent_speaker(st: _Sent, trig: _Span) -> Optional[Mention]:
    """Backstop when no SPEAKER was tagged: the named actor right before the speech verb
    ("... Penny Wong mengatakan") or right after a postposed one ("kata Menteri X")."""
    base = st.pred.start
    text = st.pred.text
    best = None
    for m in st.mentions:
        if m.type not in _SPEAKER_CAPABLE:
            continue
        if m.end - base <= trig.s:
            gap = text[m.end - base:trig.s]
            if gap.strip() in ("", ",") or (not re.search(r"[,;:.!?“”\"()]", gap) and len(gap.split()) <= 2):
                best = m
        elif m.start - base >= trig.e and best is None:
            gap = text[trig.e:m.start - base]
            if not re.search(r"[;:.!?“”\"()]", gap) and len(gap.split()) <= 4:
                return m
    return best


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
