"""Fill templates with sampled actors, counts, dates and modalities into annotated Examples.

>>> import random
>>> g = Generator(random.Random(0))
>>> ex = g.sentence("id")
>>> all(ex.text[s:e].strip() == ex.text[s:e] for s, e, _ in ex.mentions)
True
"""

from __future__ import annotations

import random
import re
from typing import Optional

from kg.extract.datagen import names as N
from kg.extract.datagen.builder import Builder, Example
from kg.extract.datagen.lex_en import EN
from kg.extract.datagen.lex_id import ID
from kg.extract.datagen.lex_other import DE, ES, FR, MS
from kg.extract.datagen.numbers import format_count, sample_count
from kg.extract.datagen.variety import VarietySlots, invented_person_v2, restyle_quotes, title_case, with_real_context

LEX = {"id": ID, "en": EN, "ms": MS, "fr": FR, "de": DE, "es": ES}
_TOKEN = re.compile(r"(\{\w+\}|\[[^\]]*\])")
_UNIT_LEAD = {"termasuk", "dari", "including", "from", "of", "the", "darunter", "der", "dont", "des", "du", "de", "la", "incluidas", "del"}
_QUAL_WORDS = {w.split(" ")[-1].lower() for L in LEX.values() for ws in L["qual"].values() for w in ws if w} | {"sebanyak", "berjumlah"}
FILLERS = {
    "id": (["Sementara itu, ", "Dalam perkembangan terbaru, ", "Di sisi lain, ", "Sebelumnya, ", "Namun, ", "Selain itu, ", "Pada saat yang sama, ",
            "Meski demikian, ", "Hingga saat ini, ", "Oleh karena itu, ", "Kendati begitu, ", "Untuk diketahui, ", "Seperti diberitakan sebelumnya, "],
           [" di tengah meningkatnya ketegangan", " pekan ini", " dalam beberapa bulan terakhir", " menurut sejumlah analis", " tanpa memberikan rincian lebih lanjut", " meski belum ada konfirmasi resmi"]),
    "ms": (["Sementara itu, ", "Dalam perkembangan terkini, ", "Selain itu, "], [" minggu ini", " di tengah ketegangan yang meningkat"]),
    "en": (["Meanwhile, ", "In a separate development, ", "However, ", "Earlier, ", "At the same time, "],
           [" amid rising tensions", " this week", " in recent months", " without giving further details", " though there was no official confirmation"]),
    "fr": (["Par ailleurs, ", "Cependant, ", "Entre-temps, "], [" cette semaine", " sur fond de tensions croissantes"]),
    "de": (["Unterdessen ", "Zudem ", "Allerdings "], [" in dieser Woche", " angesichts wachsender Spannungen"]),
    "es": (["Mientras tanto, ", "Sin embargo, ", "Además, "], [" esta semana", " en medio de crecientes tensiones"]),
}
MODAL_P = [("Asserted", 0.45), ("Possible", 0.2), ("Planned", 0.2), ("Denied", 0.15)]


class Ctx:
    """What one sentence is about: chosen once, used by every slot."""

    def __init__(self, g: "Generator", lang: str):
        rng = g.rng
        self.lang = lang
        self.agent = rng.choice(g.countries)
        self.support = rng.choice(g.countries)
        self.other = rng.choice(g.countries)
        self.count = sample_count(rng)
        self.qual = rng.choices(["Exact", "About", "AtLeast", "UpTo", "MoreThan"], [0.35, 0.25, 0.12, 0.14, 0.14])[0]
        self.modality = rng.choices([m for m, _ in MODAL_P], [p for _, p in MODAL_P])[0]
        self.smod = "Asserted"
        r = rng.random()
        self.claim = "pre" if r < 0.18 else ("post" if r < 0.36 else None)
        self.date = rng.random() < 0.25
        self.agent_form = rng.choices(["name", "capital", "org", "kremlin"], [0.72, 0.12, 0.1, 0.06])[0]
        self.agent_span: Optional[tuple[int, int]] = None
        self.speaker_span: Optional[tuple[int, int]] = None
        self.agent_speaks = False
        self.nested = False


class Generator(VarietySlots):
    """Annotated sentences in id/en/ms/fr/de/es from templates and large name lists.

    ``ner``: optional real event-free sentences glued around some synthetic ones (realism).
    ``variety``: share of sentences drawn from the iteration-2 templates (``variety.V``).
    """

    def __init__(self, rng: random.Random, data_dir=None, ner: Optional[list[Example]] = None, variety: float = 0.35):
        self.rng = rng
        self.ner = [e for e in (ner or []) if e.full]
        self.variety = variety
        self.countries = N.load_countries(data_dir)
        self.orgs = N.all_orgs()
        self.places = N.all_places()
        self.persons = N.real_persons()

    # -------------------------------------------------------------- entity surfaces
    def country_name(self, c: N.Country, lang: str) -> str:
        return c.names.get(lang) or c.names["en"]

    def person(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.rng.choice(self.persons)
        return invented_person_v2(self.rng) if r < 0.5 else N.invented_person(self.rng)

    def org(self, lang: str) -> str:
        r = self.rng.random()
        if r < 0.5:
            return self.rng.choice(self.orgs)
        if r < 0.85:
            c = self.rng.choice(self.countries)
            return self.rng.choice(N.ORG_PATTERNS[lang]).format(c=self.country_name(c, lang))
        x = "".join(self.rng.choice(N.SYLL) for _ in range(self.rng.randint(2, 3))).capitalize()
        return self.rng.choice(N.INVENTED_ORG[lang]).format(x=x)

    def place(self, b: Builder, lang: str, *roles: str) -> None:
        rng = self.rng
        r = rng.random()
        if r < 0.55:
            p = rng.choice(self.places)
        elif r < 0.75:
            caps = [x for c in rng.sample(self.countries, 5) for x in c.capitals.get(lang, [])]
            p = rng.choice(caps) if caps else rng.choice(self.places)
        else:
            p = "".join(rng.choice(N.SYLL) for _ in range(rng.randint(2, 3))).capitalize() + rng.choice(["", "sk", "ovo", "ia", "grad", "pur", "an"])
        if rng.random() < 0.3:
            pat = rng.choice(N.REGION_PATTERNS[lang])
            pre, post = pat.split("{p}")
            b.lit(pre)
            b.span(p, *roles, mention="LOC")
            b.lit(post)
        else:
            b.span(p, *roles, mention="LOC")

    def country(self, b: Builder, c: N.Country, lang: str, *roles: str, metonym: bool = False) -> None:
        if metonym and c.capitals.get(lang) and self.rng.random() < 0.5:
            b.span(self.rng.choice(c.capitals[lang]), *roles, mention="CTRY")
        else:
            b.span(self.country_name(c, lang), *roles, mention="CTRY")

    def titled_person(self, b: Builder, lang: str, *roles: str) -> None:
        rng = self.rng
        L = LEX[lang]
        if rng.random() < 0.6:
            t = rng.choice(L["titles_per"])
            for piece in re.split(r"(\{c2?\}|\{o\})", t):
                if piece in ("{c}", "{c2}"):
                    self.country(b, rng.choice(self.countries), lang)
                elif piece == "{o}":
                    b.span(self.org(lang), mention="ORG")
                else:
                    b.lit(piece)
            b.lit(" ")
        name = self.person()
        if rng.random() < 0.15 and " " in name:
            name = N.surname(name)
        b.span(name, *roles, mention="PER")

    def actor(self, b: Builder, lang: str, *roles: str) -> tuple[int, int]:
        """A speaker/claimant: titled person, organization or country."""
        start = b.n
        r = self.rng.random()
        if r < 0.5:
            self.titled_person(b, lang, *roles)
        elif r < 0.8:
            b.span(self.org(lang), *roles, mention="ORG")
        else:
            self.country(b, self.rng.choice(self.countries), lang, *roles, metonym=True)
        return start, b.n

    # -------------------------------------------------------------- template engine
    def expand(self, tpl: str, b: Builder, ctx: Ctx) -> None:
        for tok in _TOKEN.split(tpl):
            if not tok:
                continue
            if tok.startswith("[") and tok.endswith("]"):
                b.lit(self.rng.choice(tok[1:-1].split("|")))
            elif tok.startswith("{") and tok.endswith("}"):
                getattr(self, "slot_" + tok[1:-1])(b, ctx)
            else:
                b.lit(tok)

    def _verb(self, b: Builder, entry: str, role: str, modality: str, ctx: Ctx) -> None:
        aux, _, verb = entry.rpartition("|")
        L = LEX[ctx.lang]
        dv = next((d for d in L.get("deny_verbs", []) if aux.startswith(d)), None)
        if dv and role == "T_DEP":
            b.trigger(dv, "T_STMT", "Denied")
            b.lit(aux[len(dv):])
            ctx.agent_speaks = True
        else:
            b.lit(aux)
        b.trigger(verb, role, modality)

    # deployment slots
    def slot_AG(self, b: Builder, ctx: Ctx) -> None:
        s = b.n
        if ctx.agent_form == "org":
            b.span(self.rng.choice(N.ORG_PATTERNS[ctx.lang]).format(c=self.country_name(ctx.agent, ctx.lang)), "AGENT", mention="ORG")
        elif ctx.agent_form == "kremlin":
            b.span(self.rng.choice(N.METONYM_ORGS[ctx.lang]), "AGENT", mention="CTRY")
        else:
            self.country(b, ctx.agent, ctx.lang, "AGENT", metonym=ctx.agent_form == "capital")
        ctx.agent_span = (s, b.n)

    def slot_AGG(self, b: Builder, ctx: Ctx) -> None:
        s = b.n
        self.country(b, ctx.agent, ctx.lang, "AGENT")
        ctx.agent_span = (s, b.n)

    def slot_AGD(self, b: Builder, ctx: Ctx) -> None:
        s = b.n
        dem = ctx.agent.demonym_en
        b.span(dem if dem and self.rng.random() < 0.8 else self.country_name(ctx.agent, "en"), "AGENT", mention="CTRY")
        ctx.agent_span = (s, b.n)

    def slot_N(self, b: Builder, ctx: Ctx) -> None:
        prev = "".join(b.parts[-2:]).strip().split(" ")[-1].lower() if b.parts else ""
        q = "" if prev in _QUAL_WORDS else self.rng.choice(LEX[ctx.lang]["qual"][ctx.qual])
        b.span((q + " " if q else "") + format_count(ctx.count, ctx.lang, self.rng), "COUNT")

    def slot_TR(self, b: Builder, ctx: Ctx) -> None:
        b.lit(self.rng.choice(LEX[ctx.lang]["troop"]))

    slot_T = slot_TR

    def slot_UNIT(self, b: Builder, ctx: Ctx) -> None:
        if self.rng.random() < 0.3:
            u = self.rng.choice(LEX[ctx.lang]["unit"]).format(k=self.rng.randint(2, 200))
            words = u.split(" ")
            i = 0
            while i < len(words) - 1 and words[i].lower() in _UNIT_LEAD:
                i += 1
            b.lit(" ".join(words[:i]) + (" " if i else ""))
            b.span(" ".join(words[i:]), "UNIT")
            b.lit(" ")

    def slot_TO(self, b: Builder, ctx: Ctx) -> None:
        b.lit(self.rng.choice(LEX[ctx.lang]["to"]))

    def slot_AT(self, b: Builder, ctx: Ctx) -> None:
        b.lit(self.rng.choice(LEX[ctx.lang]["at"]))

    def slot_DEST(self, b: Builder, ctx: Ctx) -> None:
        if self.rng.random() < 0.35:
            self.country(b, ctx.support if self.rng.random() < 0.5 else ctx.other, ctx.lang, "DEST")
        else:
            self.place(b, ctx.lang, "DEST")

    def slot_SUP(self, b: Builder, ctx: Ctx) -> None:
        if self.rng.random() < 0.4:
            t = self.rng.choice(LEX[ctx.lang]["support"])
            for piece in re.split(r"(\{S\}|\{X\})", t):
                if piece == "{S}":
                    self.country(b, ctx.support, ctx.lang, "SUPPORT")
                elif piece == "{X}":
                    self.country(b, ctx.other, ctx.lang)
                else:
                    b.lit(piece)
            b.lit(" ")

    def slot_S0(self, b: Builder, ctx: Ctx) -> None:
        self.country(b, ctx.support, ctx.lang, "SUPPORT")

    def _date(self, b: Builder, ctx: Ctx) -> None:
        L = LEX[ctx.lang]
        t = self.rng.choice(L["date"])
        d = self.rng.randint(1, 28)
        mo = self.rng.randint(1, 12)
        txt = t.format(d=d, m=L["months"][mo - 1], y=self.rng.choice([2022, 2023, 2024, 2025]), wd=self.rng.choice(L["weekdays"]),
                       d2=f"{d:02d}" if self.rng.random() < 0.5 else d, m2=f"{mo:02d}")
        lead = txt.split(" ")[0]
        if lead.lower() in {"pada", "on", "le", "am", "el", "in", "im", "en"} and " " in txt:
            b.lit(lead + " ")
            txt = txt[len(lead) + 1:]
        b.span(txt, "DATE")

    def slot_DATE(self, b: Builder, ctx: Ctx) -> None:
        if ctx.date:
            b.lit(" ")
            self._date(b, ctx)

    def slot_DATE0(self, b: Builder, ctx: Ctx) -> None:
        if ctx.date:
            self._date(b, ctx)
            b.lit(", ")
            ctx.date = False

    def slot_VDEP(self, b: Builder, ctx: Ctx) -> None:
        self._verb(b, self.rng.choice(LEX[ctx.lang]["dep"][ctx.modality]), "T_DEP", ctx.modality, ctx)

    def slot_VDEP0(self, b: Builder, ctx: Ctx) -> None:
        b.trigger(LEX[ctx.lang]["dep"]["Asserted"][1].split("|")[-1], "T_DEP", ctx.modality if ctx.modality != "Denied" else "Asserted")

    def slot_VREC(self, b: Builder, ctx: Ctx) -> None:
        b.trigger({"id": "menerima", "ms": "menerima", "en": "received"}.get(ctx.lang, "menerima"), "T_DEP", "Asserted")

    def slot_VPAS(self, b: Builder, ctx: Ctx) -> None:
        self._verb(b, self.rng.choice(LEX[ctx.lang]["pas"][ctx.modality]), "T_DEP", ctx.modality, ctx)

    def slot_VSTAY(self, b: Builder, ctx: Ctx) -> None:
        self._verb(b, self.rng.choice(LEX[ctx.lang]["stay"][ctx.modality]), "T_DEP", ctx.modality, ctx)

    def _claimant(self, b: Builder, ctx: Ctx, pattern: str) -> None:
        pre, post = pattern.split("{C}")
        if b.n > 0 and pre[:1].isupper() and not b.parts[-1].rstrip().endswith((".", "!", "?")):
            pre = pre[0].lower() + pre[1:]
        b.lit(pre)
        if ctx.lang == "id" and pre.endswith("pejabat "):
            self.country(b, self.rng.choice(self.countries), ctx.lang, "CLAIMANT")
        else:
            self.actor(b, ctx.lang, "CLAIMANT")
        b.lit(post)

    def slot_CLPRE(self, b: Builder, ctx: Ctx) -> None:
        if ctx.claim == "pre" and not ctx.nested:
            self._claimant(b, ctx, self.rng.choice(LEX[ctx.lang]["claim_pre"]))

    def slot_CLPOST(self, b: Builder, ctx: Ctx) -> None:
        if ctx.claim == "post" and not ctx.nested:
            self._claimant(b, ctx, self.rng.choice(LEX[ctx.lang]["claim_post"]))

    # generic slots
    def slot_CT(self, b: Builder, ctx: Ctx) -> None:
        self.country(b, self.rng.choice(self.countries), ctx.lang, metonym=True)

    slot_CT2 = slot_CT
    slot_CT2T = slot_CT

    def slot_L(self, b: Builder, ctx: Ctx) -> None:
        self.place(b, ctx.lang)

    def slot_ORG(self, b: Builder, ctx: Ctx) -> None:
        b.span(self.org(ctx.lang), mention="ORG")

    def slot_MEDIA(self, b: Builder, ctx: Ctx) -> None:
        b.span(self.rng.choice(sorted(N.MEDIA)), mention="ORG")

    def slot_PERT(self, b: Builder, ctx: Ctx) -> None:
        self.titled_person(b, ctx.lang)

    slot_PERT2 = slot_PERT

    def slot_m(self, b: Builder, ctx: Ctx) -> None:
        b.lit(self.rng.choice(LEX[ctx.lang]["months"]))

    def slot_y(self, b: Builder, ctx: Ctx) -> None:
        b.lit(str(self.rng.choice([2022, 2023, 2024])))

    # statement slots
    def slot_SPKT(self, b: Builder, ctx: Ctx) -> None:
        ctx.speaker_span = self.actor(b, ctx.lang, "SPEAKER")

    def slot_SPKC(self, b: Builder, ctx: Ctx) -> None:
        L = LEX[ctx.lang]
        if self.rng.random() < 0.5:
            b.lit({"id": "pejabat ", "ms": "pegawai ", "en": "officials in ", "fr": "des responsables de ", "de": "Beamten aus ", "es": "funcionarios de "}[ctx.lang])
            s = b.n
            self.country(b, self.rng.choice(self.countries), ctx.lang, "SPEAKER")
            ctx.speaker_span = (s, b.n)
        else:
            ctx.speaker_span = self.actor(b, ctx.lang, "SPEAKER")
        b.kinds[1] = 1

    def slot_VSTMT(self, b: Builder, ctx: Ctx) -> None:
        e = self.rng.choice(LEX[ctx.lang]["stmt"][ctx.smod])
        b.lit(e.split("|")[0])
        words = e.split("|")[1]
        b.trigger(words, "T_STMT", ctx.smod)

    def slot_SPOST(self, b: Builder, ctx: Ctx) -> None:
        b.trigger(self.rng.choice(LEX[ctx.lang]["stmt_post"]), "T_STMT", ctx.smod)

    def slot_THAT(self, b: Builder, ctx: Ctx) -> None:
        b.lit(self.rng.choice(LEX[ctx.lang]["that"]))

    def slot_PRONPOST(self, b: Builder, ctx: Ctx) -> None:
        p = self.rng.choice(LEX[ctx.lang]["pron_post"])
        if " " not in p:
            s = b.n
            b.trigger(p, "T_STMT", ctx.smod)
            b.roles.append((s, b.n, "SPEAKER"))
        elif ctx.lang == "en":
            who, _, verb = p.rpartition(" ")
            if who.split()[-1] in ("said", "told", "added"):  # "she told reporters"
                who, verb = p.split(" ", 1)
            b.span(who, "SPEAKER")
            b.lit(" ")
            b.trigger(verb, "T_STMT", ctx.smod)
        else:
            verb, _, who = p.partition(" ")
            b.trigger(verb, "T_STMT", ctx.smod)
            b.lit(" ")
            b.span(who, "SPEAKER")

    def slot_PRONPRE(self, b: Builder, ctx: Ctx) -> None:
        b.span(self.rng.choice(LEX[ctx.lang]["pron_pre"]), "SPEAKER")

    def slot_PRONREF(self, b: Builder, ctx: Ctx) -> None:
        p = self.rng.choice(LEX[ctx.lang]["pron_ref"])
        verb, _, who = p.partition(" ")
        b.trigger(verb, "T_STMT", ctx.smod)
        b.lit(" ")
        b.span(who, "SPEAKER")

    def _real_content(self, b: Builder) -> bool:
        """A real event-free NER sentence as the said content (real vocabulary, real names)."""
        real = self.rng.choice(self.ner)
        body = real.text.rstrip(" .")
        if len(body) > 160 or not body:
            return False
        k = b.n
        b.lit(body)
        b.mentions.extend((k + st, k + e, t) for st, e, t in real.mentions if e <= len(body))
        return True

    def _content(self, b: Builder, ctx: Ctx, quoted: bool) -> None:
        s = b.n
        if self.ner and ctx.lang in ("id", "ms") and self.rng.random() < 0.3 and self._real_content(b):
            pass
        elif self.rng.random() < 0.4 and not ctx.nested:
            sub = Ctx(self, ctx.lang)
            sub.nested = True
            sub.claim = None
            if ctx.smod == "Denied":
                sub.modality = "Denied" if self.rng.random() < 0.5 else sub.modality
                if sub.modality == "Denied":
                    sub.modality = "Asserted"  # the denial is carried by the statement verb
                    sub.modality = "Denied"
            tpl = self.rng.choice([t for t in LEX[ctx.lang]["tpl_dep"] if "{N}" in t])
            if sub.modality == "Denied" and ctx.smod == "Denied":
                sub.modality = "Denied"
            self.expand(tpl.replace("{CLPRE}", "").replace("{CLPOST}", ""), b, sub)
            ctx.nested = True
        else:
            self.expand(self.rng.choice(LEX[ctx.lang]["content"]), b, ctx)
        b.close(s, "CONTENT")

    def slot_CONTENT(self, b: Builder, ctx: Ctx) -> None:
        self._content(b, ctx, False)

    def slot_QCONTENT(self, b: Builder, ctx: Ctx) -> None:
        self._content(b, ctx, True)

    # agreement slots
    def slot_P1(self, b: Builder, ctx: Ctx) -> None:
        self.country(b, ctx.agent, ctx.lang, "PARTY", metonym=True)

    def slot_P2(self, b: Builder, ctx: Ctx) -> None:
        self.country(b, ctx.support, ctx.lang, "PARTY", metonym=True)

    def slot_AGRN(self, b: Builder, ctx: Ctx) -> None:
        n = self.rng.choice(LEX[ctx.lang]["agr"]["names"])
        art = n.split(" ")[0]
        if art.lower() in {"a", "the", "un", "une", "ein", "einen", "eine", "el"}:
            b.lit(art + " ")
            n = n[len(art) + 1:]
        b.span(n, "AGR_NAME")

    def slot_VAGR(self, b: Builder, ctx: Ctx) -> None:
        e = self.rng.choice(LEX[ctx.lang]["agr"]["verbs"])
        aux, _, v = e.rpartition("|")
        b.lit(aux)
        b.trigger(v, "T_AGR", "Planned" if aux.strip() in ("akan", "will", "bercadang") else "Asserted")

    # -------------------------------------------------------------- sentences
    def _neg(self, b: Builder, ctx: Ctx) -> None:
        L = LEX[ctx.lang]
        tpl = self.rng.choice(L["neg"])
        ctx.count = sample_count(self.rng)
        for tok in _TOKEN.split(tpl):
            if tok == "{N}":
                prev = "".join(b.parts[-2:]).strip().split(" ")[-1].lower() if b.parts else ""
                q = "" if prev in _QUAL_WORDS else self.rng.choice(L["qual"][ctx.qual])
                b.lit((q + " " if q else "") + format_count(ctx.count, ctx.lang, self.rng))
            elif tok:
                self.expand(tok, b, ctx)

    def sentence(self, lang: str) -> Example:
        """One annotated sentence of a random kind in ``lang``."""
        rng = self.rng
        L = LEX[lang]
        b = Builder()
        ctx = Ctx(self, lang)
        if rng.random() < 0.2:
            b.lit(rng.choice(FILLERS[lang][0]))
        r = rng.random()
        headline = False
        if rng.random() < self.variety:
            self.variety_sentence(b, ctx)
        elif r < 0.30:
            self.expand(rng.choice(L["tpl_dep"]), b, ctx)
        elif r < 0.52:
            tpl = rng.choice(L["tpl_stmt"])
            if "berita palsu" in tpl or "fake news" in tpl or rng.random() < 0.1:
                ctx.smod = "Denied"
            self.expand(tpl, b, ctx)
        elif r < 0.60:
            self.expand(rng.choice(L["agr"]["tpl"]), b, ctx)
        elif r < 0.76:
            if rng.random() < 0.3:
                self._claimant(b, ctx, rng.choice(L["claim_pre"]))
            self._neg(b, ctx)
        elif r < 0.86:
            self.expand(rng.choice(L["tpl_neutral"]), b, ctx)
            headline = rng.random() < 0.25
        else:
            first = rng.random() < 0.5
            if first:
                self.expand(rng.choice(L["tpl_dep"]), b, ctx)
            else:
                self._neg(b, ctx)
            b.lit(rng.choice(L["join"]))
            ctx2 = Ctx(self, lang)
            ctx2.claim = None
            if rng.random() < 0.6 or not first:
                self.expand(rng.choice(L["tpl_dep"]), b, ctx2)
            else:
                self._neg(b, ctx2)
        if rng.random() < 0.15 and not (b.parts and b.parts[-1].endswith(("”", "\"", "»", "“"))):
            b.lit(rng.choice(FILLERS[lang][1]))
        if ctx.agent_speaks and ctx.agent_span:
            b.roles.append((ctx.agent_span[0], ctx.agent_span[1], "SPEAKER"))
        if ctx.nested and ctx.speaker_span:
            b.roles.append((ctx.speaker_span[0], ctx.speaker_span[1], "CLAIMANT"))
        b.lit(rng.choice([".", ".", ".", "", "!"]) if not b.parts or not b.parts[-1].endswith(("”", "\"", "»", "“")) else "")
        ex = b.build(lang)
        if headline:
            ex.text = ex.text.rstrip(".!")
            return title_case(ex)
        ex = restyle_quotes(ex, rng) if rng.random() < 0.5 else ex
        if self.ner and rng.random() < 0.15:
            ex = with_real_context(ex, self.ner, rng) or ex
        return ex
