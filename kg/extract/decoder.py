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
from typing import Optional, Sequence

from kg.doc import Article, Event, Mention
from kg.extract.arguments import (  # noqa: F401 - SentencePrediction is part of this module's API
    _REFERRING_SUBJECT,
    SentencePrediction,
    _adjacent_speaker,
    _appositive_subject,
    _assign,
    _claimants,
    _count_of,
    _dist,
    _drop_refs,
    _first_token,
    _genitive_agent,
    _is_postposed,
    _passive_agent,
    _pick,
    _Sent,
    _side_dist,
    _Span,
    _subject_before,
    _troops_of,
    demonym_mentions,
)
from kg.extract.claims import one_per_claim
from kg.extract.context_agent import History, candidates, fold
from kg.extract.cues import (
    is_outlet,
    mediated,
    whole_numbers,
    _PERSONAL,
    _PLURAL_REFERENCE,
    _PRONOUN,
    _PRONOUN_SUBJECT,
    _QUOTES,
    _SPEAKER_CAPABLE,
    _SPEECH_VERB,
    _common_words,
    _is_outlet_report,
    _looks_named,
    _trim,
)
from kg.extract.mentions import (
    _GENERIC_UPPER,
    dateline,
    dropped_mentions,
    language_name,
)
from kg.extract.normalize import normalize_date
from kg.extract.rules import RuleSet
from kg.extract.spans import bio_spans, role_spans

TYPE_OF = {"PER": "Person", "ORG": "Organization", "CTRY": "Country", "LOC": "Place"}


class Decoder:
    def __init__(self, mention_labels: Sequence[str], roles: Sequence[str], modalities: Sequence[str],
                 kinds: Sequence[str], extractor: str = "kg.extractor.transformer.v1", min_mention_score: float | None = None,
                 role_threshold: float | None = None, rules: RuleSet | None = None, thresholds: dict | None = None,
                 context_agent: dict | None = None, context_party: dict | None = None):
        from kg.extract.config import DEFAULT_THRESHOLDS
        from kg.extract.context_agent import ContextAgent

        # every number the decoder decides by: the checkpoint's config.thresholds over the defaults
        self.th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
        if min_mention_score is not None:
            self.th["min_mention_score"] = min_mention_score
        if role_threshold is not None:
            self.th["role"] = role_threshold
        self.min_mention_score = self.th["min_mention_score"]
        self.role_threshold = self.th["role"]
        # a role may have its own threshold (``role_T_DEP``: 0.4); the others use ``role``
        self.role_thresholds = [float(self.th.get(f"role_{r}", self.role_threshold)) for r in roles]
        self.rules = rules if rules is not None else RuleSet("all")
        self.mention_labels = list(mention_labels)
        self.roles = list(roles)
        self.modalities = list(modalities)
        self.kinds = list(kinds)
        self.extractor = extractor
        # the checkpoint's learned scorer for an agent named only before the deployment's sentence
        self.context_agent = ContextAgent(context_agent) if context_agent else None
        # ... and, with the same features, for an agreement's parties its sentence does not tag
        self.context_party = ContextAgent(context_party, "context_party") if context_party else None
        unknown = [k for k in self.th if k.startswith("role_") and k[5:] not in self.roles]
        if unknown:
            raise ValueError(f"thresholds {unknown}: no such role (roles: {', '.join(self.roles)})")

    # ------------------------------------------------------------------ article
    def decode(self, article: Article, preds: Sequence[SentencePrediction]) -> None:
        """Fill ``article.mentions`` and ``article.events`` from per-sentence predictions."""
        mentions: list[Mention] = []
        events: list[Event] = []
        prev: Optional[_Sent] = None
        self._topic: Optional[Mention] = None  # the agent of the article's latest deployment
        self._topic_sentence = -10  # ... and the index of its sentence
        self._ctx = History()  # what the context-agent classifier reads: the article so far
        self._ctx_named: list[tuple] = []  # the sure mentions of the sentences decoded so far
        self._ctx_speakers: dict[int, set[str]] = {}
        self._ctx_events: dict[int, tuple[Event, str]] = {}  # event -> the learned picks it took (kept alive, so no id is reused)
        self._ctx_parties: list[tuple[int, str]] = []  # (sentence, key) of the parties of the agreements so far
        for pred in sorted(preds, key=lambda p: p.start):
            st = self._sentence(pred)
            st.prev = prev
            mentions.extend(st.mentions)
            found = self._events(article, st, prev)
            events.extend(found)
            self._ctx_named += [(m.text, m.type, m.sentence, m, False) for m in st.mentions if m.score >= self.min_mention_score]
            for ev in found:
                if ev.kind == "Statement" and ev.speaker is not None:
                    self._ctx_speakers.setdefault(pred.index, set()).add(fold(ev.speaker.text))
            latest = next((ev.agent for ev in reversed(found) if ev.kind == "Deployment"), None)
            if latest is not None:
                self._topic, self._topic_sentence = latest, pred.index
            prev = st
        # an unsure mention survives only if an event needs it
        used = {id(m) for ev in events for _, m in ev.roles()}
        mentions = [m for m in mentions if m.score >= self.min_mention_score or id(m) in used]
        if "mention-filters" not in self.rules:
            self._finish(article, mentions, events)
            return
        common = _common_words(article.text)
        dropped = {id(m) for m in mentions if " " not in m.text and m.text.lower() in common and m.text[:1].isupper() and not m.text.isupper()}
        dropped |= {id(m) for m in mentions if m.text.upper() in _GENERIC_UPPER or language_name(article.text, m)}
        # a title's affiliation, a photo credit, a masthead, a cut name: no actor unless an event uses it
        dropped |= dropped_mentions(article.text, mentions, used, (p.index for p in preds if len(p.text.split()) <= 6),
                                    {p.index: p.text for p in preds}, article.lang or "",
                                    german_nouns="german-nouns" in self.rules, german_sure=self.th["german_name_sure"])
        if dropped:  # "Sumber", "Kekhawatiran": a capitalised word the article also writes in lower case
            mentions = [m for m in mentions if id(m) not in dropped]
            events = [ev for ev in events if not _drop_refs(ev, dropped)]
        self._finish(article, mentions, events)

    def _finish(self, article: Article, mentions: list[Mention], events: list[Event]) -> None:
        mentions.sort(key=lambda m: (m.start, m.end))
        article.mentions = mentions
        if "headline-restated" in self.rules:
            events = _headline_restated(article.text, events)
        events = one_per_claim(events, lambda m: m.text.lower())
        events.sort(key=lambda e: (e.start, e.end, e.kind))
        for ev in events:
            ev.rules = sorted(set(ev.rules))
            learned = f" with its {self._ctx_events[id(ev)][1]} classifier" if id(ev) in self._ctx_events else ""
            ev.extractor = self.extractor + learned + (f" + rules: {', '.join(ev.rules)}" if ev.rules else " (model only)")
        article.events = events

    # ------------------------------------------------------------------ sentence
    def _sentence(self, p: SentencePrediction) -> _Sent:
        st = _Sent(p)
        text = p.text
        spans = bio_spans(text, p.offsets, p.mention_probs, self.mention_labels)
        spans = [(s, e, typ, score) for s0, e0, typ, score in spans for s, e in [_trim(text, s0, e0)] if e > s]
        for k, (s, e, typ, score) in enumerate(spans):
            if any(a <= s and e <= b and (a, b) != (s, e) for j, (a, b, _, _) in enumerate(spans) if j != k):
                continue  # "Selatan" tagged apart and now inside "Korea Selatan"
            if "mention-filters" in self.rules and dateline(text, Mention(s, e, text[s:e], TYPE_OF[typ])):
                continue  # "KUALA LUMPUR -", "Jakarta (ANTARA) -": where and by whom it was filed, not an actor
            st.mentions.append(Mention(start=p.start + s, end=p.start + e, text=text[s:e], type=TYPE_OF[typ],
                                       score=score, sentence=p.index))
        for role, spans in role_spans(text, p.offsets, p.role_probs, self.roles, self.role_thresholds).items():
            st.roles[role] = []
            for s, e, score in spans:
                s, e = _trim(text, s, e)
                if e > s and not ("mention-filters" in self.rules and dateline(text, Mention(s, e, text[s:e], "Place"))):
                    st.roles[role].append(_Span(s, e, score))
        if st.roles.get("COUNT"):  # "1" | ",500": the head cut a number at its group separator
            st.roles["COUNT"] = whole_numbers(text, st.roles["COUNT"])
        # "500 deutsche Soldaten", "soldats rwandais": a lower-case nationality next to a troop noun names the state
        if "demonym-agent" in self.rules:
            st.mentions += demonym_mentions(text, p.start, p.index, [(m.start - p.start, m.end - p.start) for m in st.mentions])
        # attach actor roles to mentions; an argument the mention head missed becomes a mention
        for role in ("AGENT", "DEST", "SUPPORT", "PARTY", "CLAIMANT", "SPEAKER"):
            for sp in st.roles.get(role, []):
                sp.mention = self._mention_for(st, sp)
                if sp.mention is None and role != "SPEAKER" and "role-as-mention" in self.rules and _looks_named(text[sp.s:sp.e]):
                    m = Mention(start=p.start + sp.s, end=p.start + sp.e, text=text[sp.s:sp.e],
                                type="Place" if role == "DEST" else "Country", score=sp.score * 0.5, sentence=p.index)
                    st.mentions.append(m)
                    st.role_made.add(id(m))
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
        tagged = [sp for sp in st.roles.get("CLAIMANT", []) if sp.mention is not None]
        claimants = _claimants(st, tagged) if "claimant-cues" in self.rules else tagged
        out += self._deployments(art, st, kp, claimants)
        out += self._statements(art, st, prev, kp, claimants)
        out += self._agreements(art, st, kp, claimants)
        return out

    def _base(self, art: Article, st: _Sent, kind: str, conf: float, trig: Optional[_Span] = None) -> Event:
        p = st.pred
        ev_s, ev_e = _trim(p.text, 0, len(p.text))
        ev = Event(kind=kind, start=p.start + ev_s, end=p.start + ev_e, evidence=p.text[ev_s:ev_e], sentence=p.index,
                   confidence=None if conf is None else round(min(1.0, max(0.0, conf)), 4), extractor=self.extractor)
        if trig is not None and trig.rules:
            ev.rules.extend(trig.rules)
            if trig.rule:  # a rule made the trigger: no model confidence to report
                ev.confidence = None
        return ev

    def _modality(self, st: _Sent, trig: _Span) -> str:
        p = st.pred
        k = _first_token(p.offsets, trig.s)
        probs = p.modality_probs[k]
        mod = self.modalities[int(probs.argmax())]
        return mod

    def _date(self, art: Article, st: _Sent, anchor: int) -> Optional[str]:
        dates = st.roles.get("DATE", [])
        if not dates:
            return None
        for d in sorted(dates, key=lambda sp: _dist(sp, anchor)):  # the nearest that reads as a date
            found = normalize_date(st.pred.text[d.s:d.e], art.published, art.lang)
            if found:
                return found
        return None

    def _deployments(self, art, st, kp, claimants) -> list[Event]:
        text = st.pred.text
        trigs = st.roles.get("T_DEP", [])
        counts = st.roles.get("COUNT", [])
        kind = kp.get("Deployment", 0)
        # a confident trigger stands on its own; a weak one needs the sentence-level head
        trigs = [t for t in trigs if t.score >= self.th["trigger_sure"] or kind >= self.th["kind"]]
        if not trigs and counts and "count-trigger" in self.rules and (st.roles.get("AGENT") or _genitive_agent(st, counts[0])) and kind >= self.th["kind_count_trigger"]:
            trigs = [_Span(c.s, c.e, max(kind, 0.5), rule="count-trigger") for c in counts[:1]]  # "ada 5.000 tentara X di Y"
        if not trigs:
            return []
        out = []
        used_counts: list[_Span] = []
        assign = {role: _assign(st.roles.get(role, []), trigs, after=role != "AGENT")
                  for role in ("COUNT", "AGENT", "DEST", "SUPPORT", "UNIT")}
        for i, t in enumerate(trigs):
            ev = self._base(art, st, "Deployment", 0.5 * t.score + 0.5 * kp.get("Deployment", 0), t)
            ev.modality = self._modality(st, t)
            agent = _pick(assign["AGENT"], i, st.roles.get("AGENT", []), t, len(trigs))
            c = _pick(assign["COUNT"], i, [], t, len(trigs))
            backstops = "agent-backstops" in self.rules
            if agent is not None and agent.score < self.th["sure_agent"] and backstops:  # an unsure agent yields to "pengiriman pasukan X"
                agent = _troops_of(st, t) or agent
            # an agent span that names nobody ("étaient") falls back like a missing one
            ev.agent = agent.mention if agent else None
            if ev.agent is None and backstops:  # the sentence's own "pasukan X", "oleh X"
                ev.agent = (_genitive_agent(st, c) if c else None) or _passive_agent(st, t)
                _fired(ev, "agent-backstops", ev.agent)
            if ev.agent is None and self.context_agent is not None:  # then the learned pick, then the other rules
                ev.agent = self._context_agent(st, t, claimants)
                if ev.agent is not None:
                    self._ctx_events[id(ev)] = (ev, "context-agent")
            if ev.agent is None and backstops:
                ev.agent = _subject_before(st, t) or self._topic_agent(st, t)
                _fired(ev, "agent-backstops", ev.agent)
            if (ev.agent is None and (c is not None or not self.th["carry_over_needs_count"])
                    and "carry-over-agent" in self.rules and self._topic is not None
                    and 0 < st.pred.index - self._topic_sentence <= self.th["carry_over_sentences"]):
                ev.agent = self._topic  # the story goes on: "A further 300 soldiers arrived overnight"
                _fired(ev, "carry-over-agent", ev.agent)
            sourced = None
            if ev.agent is None and "claimant-agent" in self.rules:
                ev.agent = sourced = self._claimant_agent(st, t, claimants)
                _fired(ev, "claimant-agent", ev.agent)
            if c is not None:
                used_counts.append(c)
                ev.troop_count, ev.qualifier = _count_of(text, c)
            d = _pick(assign["DEST"], i, st.roles.get("DEST", []), t, len(trigs))
            ev.destination = d.mention if d else None
            s = _pick(assign["SUPPORT"], i, st.roles.get("SUPPORT", []), t, len(trigs))
            ev.in_support_of = s.mention if s else None
            u = _pick(assign["UNIT"], i, [], t, len(trigs))
            ev.unit = text[u.s:u.e] if u else None
            ev.date = self._date(art, st, t.s)
            if claimants:
                cl = min(claimants, key=lambda sp: _dist(sp, t.s))
                if cl.mention is not ev.agent or sourced is not None:  # the institution both deploys and claims
                    ev.claimant = cl.mention
            if ev.troop_count == 0:
                ev.troop_count, ev.qualifier = None, None
            if ev.agent is None:
                continue  # a deployment nobody deploys is not a fact we can state
            # the classifier's history grows deployment by deployment, as in its training rows
            self._ctx.agents.append((st.pred.index, fold(ev.agent.text)))
            if ev.destination is not None:
                self._ctx.destinations.add(fold(ev.destination.text))
            out.append(ev)
        seen: set[tuple] = set()
        unique = []
        for ev in sorted(out, key=lambda e: -(e.confidence or 0.0)):  # one claim per (agent, count, claimant)
            key = (id(ev.agent), ev.troop_count, id(ev.claimant))
            if key not in seen:
                seen.add(key)
                unique.append(ev)
        return unique

    def _context_agent(self, st: _Sent, trig: _Span, claimants) -> Optional[Mention]:
        """The learned pick (kg.extract.context_agent) among the states and organisations the article
        has named up to this sentence, for a deployment whose sentence names no agent."""
        idx, text = st.pred.index, st.pred.text
        here = [(m.text, m.type, idx, m, m.start - st.pred.start < trig.s) for m in st.mentions if m.score >= self.min_mention_score]
        cands = candidates(self._ctx_named + here)
        if not cands:
            return None
        hist = History(agents=self._ctx.agents, destinations=self._ctx.destinations,
                       destinations_here={fold(d.mention.text if d.mention else text[d.s:d.e]) for d in st.roles.get("DEST", [])},
                       speakers_previous=self._ctx_speakers.get(idx - 1, set()),
                       claimants_here={fold(c.mention.text if c.mention else text[c.s:c.e]) for c in claimants})
        best = self.context_agent.choose(cands, idx, hist, self.th.get("context_agent_min"))
        return best.ref if best is not None else None

    def _context_parties(self, st: _Sent, trig: _Span, claimants, tagged: list[Mention]) -> list[Mention]:
        """The learned picks (the context-party weights of kg.extract.context_agent) for an
        agreement whose sentence tags fewer than two parties: the best-scoring states and
        organisations named up to this sentence, other than the tagged ones, above the threshold,
        until there are two."""
        idx, text = st.pred.index, st.pred.text
        have = {fold(m.text) for m in tagged}
        if "mediator-not-party" in self.rules:  # "brokered by the United States" stays out
            have |= {fold(m.text) for m in st.mentions if mediated(text, m.start - st.pred.start)}
        here = [(m.text, m.type, idx, m, m.start - st.pred.start < trig.s) for m in st.mentions if m.score >= self.min_mention_score]
        cands = [c for c in candidates(self._ctx_named + here) if not any(_same_name(c.key, k) for k in have)]
        if not cands:
            return []
        hist = History(agents=self._ctx_parties, destinations=self._ctx.destinations,
                       destinations_here={fold(d.mention.text if d.mention else text[d.s:d.e]) for d in st.roles.get("DEST", [])},
                       speakers_previous=self._ctx_speakers.get(idx - 1, set()),
                       claimants_here={fold(c.mention.text if c.mention else text[c.s:c.e]) for c in claimants})
        floor = self.th.get("context_party_min")
        floor = self.context_party.threshold if floor is None else float(floor)
        need = 2 - len({fold(m.text) for m in tagged})
        picked: list = []
        for p, c in sorted(self.context_party.scores(cands, idx, hist), key=lambda t: -t[0]):
            if p < floor or len(picked) == need:
                break
            if not any(_same_name(c.key, o.key) for o in picked):  # "Litauen" and "Litauens": one state
                picked.append(c)
        return [c.ref for c in picked]

    def _claimant_agent(self, st: _Sent, trig: _Span, claimants) -> Optional[Mention]:
        """A deployment whose sentence names no agent but an institution as its source ("nach Angaben
        des ugandischen Verteidigungsministeriums sollen 1.200 Soldaten abgezogen werden"): the
        institution deploys; force-to-state then makes it its state."""
        orgs = [sp for sp in claimants if sp.mention is not None and sp.mention.type == "Organization"
                and not is_outlet(sp.mention)]  # "nach Angaben von Radio X": the outlet reports, it does not deploy
        if not orgs:
            return None
        return min(orgs, key=lambda sp: _dist(sp, trig.s)).mention

    def _topic_agent(self, st: _Sent, trig: _Span) -> Optional[Mention]:
        """Backstop when the deploying side is only referred to ("mereka", "pihak Utara", "they",
        "the country"): the agent of the article's latest deployment."""
        if self._topic is None or not _REFERRING_SUBJECT.search(st.pred.text[:trig.s]):
            return None
        return self._topic

    def _statements(self, art, st, prev, kp, claimants) -> list[Event]:
        text = st.pred.text
        trigs = list(st.roles.get("T_STMT", []))
        speakers = st.roles.get("SPEAKER", [])
        kind = kp.get("Statement", 0)
        verbs = "speech-verb-trigger" in self.rules
        if not trigs and speakers and verbs:
            verb = _SPEECH_VERB.search(text)
            if verb or kind >= self.th["kind_sure"]:  # a tagged speaker and a speech verb the trigger head missed
                a, b = (verb.start(), verb.end()) if verb else (speakers[0].s, speakers[0].e)
                trigs = [_Span(a, b, max(kind, 0.5), rule="speech-verb-trigger")]
        if not trigs and verbs:
            # backstop: a speech verb with a named actor right next to it ("X mengatakan", "kata X")
            for verb in _SPEECH_VERB.finditer(text):
                cand = _Span(verb.start(), verb.end(), 0.5, rule="speech-verb-trigger")
                if _adjacent_speaker(st, cand, before_only=not _is_postposed(text, cand)) is not None or _appositive_subject(st, cand) is not None:
                    trigs.append(cand)
                    continue
                pron = re.search(r"(?i)(?:^|[\s,])(dia|ia|beliau|he|she|il|elle|er|él|ella)(?:\s+\w+)?\s*$", text[:verb.start()])
                if pron:  # "Dia juga mengatakan": resolved like a tagged pronoun speaker
                    speakers = speakers + [_Span(pron.start(1), pron.end(1), 0.5)]
                    trigs.append(_Span(verb.start(), verb.end(), 0.9, rule="speech-verb-trigger"))
        claim_stmts = self._claimant_statements(art, st, kind, claimants) if "claimant-statements" in self.rules else []
        if not trigs:
            return claim_stmts
        contents = st.roles.get("CONTENT", [])
        by_speaker: dict[int, Event] = {}
        out: list[Event] = []
        for t in trigs:
            post = _is_postposed(text, t)
            sp = min(speakers, key=lambda x: _side_dist(x, t, after=post)) if speakers else None
            pron = "pronoun-speaker" in self.rules
            if pron and not post and _PRONOUN_SUBJECT.match(text[:t.s]) and (sp is None or sp.s >= t.e):
                sp = _Span(*_PRONOUN_SUBJECT.match(text[:t.s]).span(1), 0.9)  # "Dia menekankan ...": a pronoun subject
            speaker = sp.mention if sp is not None else None
            if speaker is not None and speaker.type == "Place":
                speaker = None
            if speaker is None and t.score < self.th["trigger_sure"] and kind < self.th["kind"]:
                continue  # a hesitant trigger in a sentence the model does not read as a statement
            if speaker is None and not pron:
                continue
            if speaker is None:
                ref = text[sp.s:sp.e] if sp is not None else text[t.s:t.e]
                if _PLURAL_REFERENCE.search(ref) or (sp is None and not _PRONOUN.search(ref)) or (
                        sp is not None and not _PRONOUN.search(ref)):
                    continue  # an anonymous or plural source ("kata orang-orang tersebut") names no speaker
                speaker = self._resolve_speaker(st, prev, t, personal=bool(_PERSONAL.search(ref)))
                _fired(t, "pronoun-speaker", speaker)
            if speaker is None:
                continue
            if id(speaker) in by_speaker:
                continue
            ev = self._base(art, st, "Statement", 0.5 * t.score + 0.5 * kp.get("Statement", 0), t)
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

    def _claimant_statements(self, art, st, kind, claimants) -> list[Event]:
        """"..., kata X" / "X said" / "menurut X" makes X the claimant of the reported fact; saying
        it is also a Statement by X (a speech verb next to the claimant, or a claim cue before it),
        unless X is a news outlet that only reports."""
        text = st.pred.text
        out = []
        for sp in claimants:
            m = sp.mention
            if m is None or m.type not in _SPEAKER_CAPABLE:
                continue
            lead = text[max(0, sp.s - 32):sp.s]
            lead = re.split(r"[,;:.!?“”\"()]", lead)[-1]  # the verb must be in the same clause
            window = lead + " " + text[sp.e:sp.e + 14]
            if not (_SPEECH_VERB.search(window) or (sp.cue and not _is_outlet_report(m, "melaporkan"))):
                continue
            ev = self._base(art, st, "Statement", 0.5 * sp.score + 0.5 * kind)
            _fired(ev, "claimant-statements")
            ev.confidence = None
            ev.speaker = m
            ev.text = text
            ev.is_quote = sum(text.count(q) for q in _QUOTES[:7]) >= 2
            ev.modality = "Asserted"
            ev.date = self._date(art, st, sp.s)
            st.speakers.append(m)
            out.append(ev)
        return out

    def _resolve_speaker(self, st: _Sent, prev: Optional[_Sent], trig: _Span, personal: bool = False) -> Optional[Mention]:
        """A pronoun / "pejabat tersebut" speaker: the nearest named Person before the trigger in
        this sentence, else the previous sentence's speaker, else its last speaker-capable mention."""
        base = st.pred.start
        before = [m for m in st.mentions if m.type == "Person" and m.end <= base + trig.s]
        if before:
            return before[-1]
        if prev is not None and personal:  # "dia", "he", "-nya" point at a person
            persons = [m for m in prev.speakers if m.type == "Person"] or (
                [m for m in prev.mentions if m.type == "Person"] if not prev.speakers else [])
            if persons:
                return persons[-1]
            back, hops = prev.prev, 0
            while back is not None and hops < 2 and not prev.speakers and not prev.mentions_capable():
                persons = [m for m in back.speakers if m.type == "Person"]
                if persons:  # a quote continued over a sentence keeps its speaker
                    return persons[-1]
                back, hops = back.prev, hops + 1
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
        if "mediator-not-party" in self.rules:  # "brokered by the United States", "dimediasi Qatar"
            parties = [sp for sp in parties if not mediated(text, sp.s)]
        if not trigs and len(parties) >= 2 and kp.get("Agreement", 0) >= self.th["kind_agreement_parties"]:
            trigs = [_Span(parties[0].s, parties[0].e, kp["Agreement"])]  # the sentence-level head's own call
        sure = bool(trigs) and max(t.score for t in trigs) >= self.th["agreement_sure"] and len({id(p.mention) for p in parties}) >= 2
        if not trigs or (kp.get("Agreement", 0) < self.th["kind"] and not sure):
            return []
        t = trigs[0]
        tagged: list[Mention] = []
        for sp in parties:
            if all(sp.mention is not m for m in tagged):
                tagged.append(sp.mention)
        learned: list[Mention] = []
        named = [m for m in tagged if id(m) not in st.role_made]  # "Kedua negara" made a mention is no state
        no_party_ok = not self.th["context_party_needs_party"] and t.score >= self.th["agreement_sure"]
        if len({fold(m.text) for m in named}) < 2 and self.context_party is not None and (named or no_party_ok):
            learned = self._context_parties(st, t, claimants, named)  # "kedua negara menyepakati ..."
            if learned:
                tagged = named
        if not tagged + learned:
            return []
        ev = self._base(art, st, "Agreement", 0.5 * t.score + 0.5 * kp.get("Agreement", 0), t)
        ev.parties.extend(tagged + learned)
        if learned:
            self._ctx_events[id(ev)] = (ev, "context-party")
        self._ctx_parties.extend((st.pred.index, fold(m.text)) for m in ev.parties)
        names = st.roles.get("AGR_NAME", [])
        if names:
            n = min(names, key=lambda x: _dist(x, t.s))
            ev.name = text[n.s:n.e]
        ev.modality = self._modality(st, t)
        ev.date = self._date(art, st, t.s)
        if claimants:
            ev.claimant = claimants[0].mention
        return [ev]


def _headline_restated(text: str, events: list[Event]) -> list[Event]:
    """Drop a headline's deployment that the body tells again with the same agent and count
    ("Britain to send up to 900 troops" over "Britain will send up to 900 soldiers, officials
    said"): one claim, told by the body with its source. A headline is a first line without
    closing punctuation."""
    first = [ev for ev in events if ev.sentence == min((e.sentence for e in events), default=-1)]
    if not first or "\n" not in text[first[0].end:first[0].end + 3] or text[:first[0].end].rstrip()[-1:] in ".!?\"”»":
        return events
    later = {(ev.agent.text.lower(), ev.troop_count) for ev in events
             if ev.kind == "Deployment" and ev.agent is not None and ev.sentence != first[0].sentence}
    return [ev for ev in events if not (ev.sentence == first[0].sentence and ev.kind == "Deployment" and ev.agent is not None
                                        and (ev.agent.text.lower(), ev.troop_count) in later)]


def _same_name(a: str, b: str) -> bool:
    """Two folded surface forms of one name: equal, or one the other plus an inflection
    ("litauen" / "litauens", "indonesia" / "indonesia's").

    >>> _same_name("litauen", "litauens"), _same_name("chile", "china")
    (True, False)
    """
    short, long_ = sorted((a, b), key=len)
    return long_ == short or (long_.startswith(short) and len(long_) - len(short) <= 2 and len(short) >= 3)


def _fired(obj, rule: str, result=True):
    """Record that ``rule`` shaped ``obj`` (an Event or a trigger _Span) when it produced something."""
    if result is None or result is False:
        return None
    if obj.rules is None:
        obj.rules = []
    obj.rules.append(rule)
    return None


