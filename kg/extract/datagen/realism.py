"""Iteration-3 generator realism: news prose as German, French, English and Malay outlets write it.

The v1/v2 templates for German and French were few and short, and real text broke the model there:
German capitalises every noun ("Einsatz", "Entscheidung", "Soldatinnen"), so a model that learned
"capitalised = name" tags them all; French names carry lower-case words ("Conseil de sécurité de
l'ONU", "ministère des Armées"); both languages name the deploying state by a lower-case adjective
("500 deutsche Soldaten", "soldats rwandais"); and articles open with a dateline ("BERLIN (WNS) -").
These templates are longer sentences full of capitalised common nouns that stay untagged, demonym
agents, titles before and after names, and datelines.

Template language: ``{SLOT}`` slots of ``assemble``/``variety`` and the ones below, ``[a|b]``
choices, and ``{T_DEP:word}`` / ``{T_STMT:word}`` / ``{T_AGR:word}`` triggers (modality from the
template's entry). Each entry is ``(modality, template)``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.datagen.builder import Builder
from kg.link.demonyms import BASE

if TYPE_CHECKING:  # pragma: no cover
    from kg.extract.datagen.assemble import Ctx

_TRIG = re.compile(r"\{(T_DEP|T_STMT|T_AGR):([^}]+)\}")

R: dict[str, dict[str, list[tuple[str, str]]]] = {
    "de": {
        "dep": [
            ("Asserted", "{DATELINE}{AG} hat am {WD} in {L} die {UNITDE} offiziell in Dienst gestellt und {N} Soldaten nach {DEST} {T_DEP:verlegt}"),
            ("Asserted", "Derzeit sind laut {CLAIM} {N} {DEM_E} Soldaten in {DEST} im {T_DEP:Einsatz}, die meisten davon in {L}"),
            ("Planned", "Bis Ende {Y} {T_DEP:sollen} {N} Soldatinnen und Soldaten {DEM_EN_GEN} in {DEST} stationiert werden"),
            ("Asserted", "{AG} beteiligt sich weiterhin mit {N} Soldaten an der Mission in {DEST}, wie die Regierung am {WD} {T_STMT:mitteilte}"),
            ("Possible", "Auch {AG} {T_DEP:könnten} ein Bataillon von {N} Soldaten zur Brigade in {DEST} beisteuern, sagte {SPKT}"),
            ("Asserted", "Nach Angaben {CLAIMGEN} {T_DEP:kämpfen} {N} {DEM_E} Soldaten an der Seite {SUPGEN} in {DEST}"),
            ("Denied", "{SPKT} wies Berichte zurück, wonach {AG} zusätzliche Truppen nach {DEST} {T_DEP:verlegen} wolle"),
            ("Asserted", "Die {DEM_EN} Streitkräfte haben nach eigenen Angaben {N} Soldaten in {DEST} {T_DEP:stationiert}"),
            ("Planned", "{DATELINE}{AG} will bis zu {NUMC} Soldaten nach {DEST} {T_DEP:entsenden}, um die Mission der Vereinten Nationen zu unterstützen"),
        ],
        "stmt": [
            ("Asserted", "„{QCONTENT}“, {T_STMT:sagte} {SPKN} vor {NUM} Gästen auf dem [Marktplatz|Kathedralenplatz|Flughafen]"),
            ("Asserted", "{SPKN} {T_STMT:sprach} von einem „[historischen Tag|wichtigen Signal|klaren Zeichen]“ für ihr Land"),
            ("Asserted", "In {L} {T_STMT:erklärte} das {DEM_E_SG} Außenministerium, die Entscheidung sei ein „weiterer Schritt zur Eskalation“"),
            ("Asserted", "{TITLEDE} {SPKN} {T_STMT:betonte} am {WD}, die Sicherheit der Verbündeten habe Vorrang"),
            ("Denied", "Regierungssprecher {SPKN} {T_STMT:dementierte} Berichte, wonach die Regierung weitere Kampfpanzer liefern wolle"),
            ("Asserted", "Die Kosten des Einsatzes belaufen sich nach Angaben {SPKGEN} auf rund {NUM} Millionen Euro, {T_STMT:teilte} das Ministerium mit"),
        ],
        "neg": [
            "Die Entscheidung des Bundestags fiel mit großer Mehrheit: {NUM} Abgeordnete stimmten für die Verlängerung des Mandats",
            "Die Brigade soll bis zu {NUM} Kampfpanzer vom Typ Leopard 2 erhalten",
            "Vor dem Gebäude versammelten sich am Abend rund {NUM} Demonstranten, die Sicherheitslage blieb ruhig",
            "Die Freiheit der Seewege ist für ein Exportland keine Nebensache, hieß es in einer Erklärung",
            "Seit Beginn der Angriffe wurden mehr als {NUM} Handelsschiffe umgeleitet, die Versicherungsprämien stiegen deutlich",
            "Künftig soll die Truppe schneller auf Krisen reagieren können, die Ausbildung beginnt im Frühjahr",
        ],
        "agr": [
            ("Asserted", "{P1} und {P2} {T_AGR:unterzeichneten} bei der Zeremonie ein Regierungsabkommen, das den rechtlichen Status der Truppen regelt"),
            ("Asserted", "Die Verteidigungsminister {PERGEN_P1} und {PERGEN_P2} {T_AGR:unterzeichneten} in {L} ein Abkommen über militärische Zusammenarbeit"),
        ],
    },
    "fr": {
        "dep": [
            ("Planned", "{DATELINE}{AG} {T_DEP:enverra} jusqu'à {NUMC} militaires supplémentaires dans l'est {DESTDE} pour renforcer la mission de l'ONU, a annoncé {WD} {SPKTFR}"),
            ("Asserted", "Le contingent {DEM_MS_AG}, qui compte déjà {N} soldats, est principalement {T_DEP:basé} autour de {DEST}"),
            ("Asserted", "Selon {CLAIM}, {N} soldats {DEM_MP} {T_DEP:combattent} aux côtés {SUPDE} dans l'est du pays"),
            ("Asserted", "{N} militaires {DEM_MP} étaient {T_DEP:stationnés} au {DEST} jusqu'à l'automne dernier"),
            ("Asserted", "Selon l'état-major des armées, {N} soldats {DEM_MP} restent {T_DEP:déployés} au {DEST}"),
            ("Possible", "{AG} {T_DEP:pourrait} également déployer à {DEST} un bataillon {NUMBAT} hommes, selon des sources diplomatiques"),
            ("Denied", "{SPKT} a démenti la présence d'instructeurs militaires {T_DEP:envoyés} par {AG} dans le pays"),
            ("Asserted", "Les troupes {DEM_FP} {T_DEP:déployées} à {DEST} comptent désormais {N} hommes, selon le ministère des Armées"),
        ],
        "stmt": [
            ("Asserted", "« {QCONTENT} », a {T_STMT:déclaré} {SPKN} à {L}"),
            ("Asserted", "« {QCONTENT} », a {T_STMT:affirmé} le porte-parole du gouvernement {DEM_MS}, {SPKN}"),
            ("Asserted", "Le ministre {DEM_MS} de la Communication, {SPKN}, a {T_STMT:estimé} que le Conseil de sécurité de l'ONU devait « aller plus loin »"),
            ("Asserted", "{SPKN} a {T_STMT:précisé} que la mission « reste pleinement opérationnelle »"),
            ("Denied", "{SPKN} a {T_STMT:démenti} ces accusations lors d'une conférence de presse à {L}"),
        ],
        "neg": [
            "Le Conseil de sécurité de l'ONU doit se réunir jeudi pour examiner l'avenir de la mission, dont le budget annuel avoisine {NUM} millions de dollars",
            "Au moins {NUM} soldats de la paix ont été tués dans les combats depuis janvier",
            "La cérémonie s'est déroulée en présence de l'ambassadeur et de représentants de l'état-major des armées",
            "Le ministère des Armées a publié un communiqué sur la réorganisation du dispositif au Sahel",
        ],
        "agr": [
            ("Asserted", "{P1} et {P2} ont {T_AGR:signé} à {L} le protocole de rétrocession de la base aérienne"),
            ("Asserted", "Les ministres {PERGEN_P1} et {PERGEN_P2} ont {T_AGR:signé} un accord de coopération militaire à {L}"),
        ],
    },
    "en": {
        "dep": [
            ("Planned", "{DATELINE}{AG} will {T_DEP:send} {N} additional soldiers to {DEST} next month for NATO exercises, officials said"),
            ("Asserted", "The reinforcements will join {N} {AGD} troops already {T_DEP:based} at {DEST}, some 120 kilometres east of the capital"),
            ("Asserted", "{N} {AGD} Marines are {T_DEP:rotating} through bases in {DEST}, according to {CLAIM}"),
            ("Denied", "{SPKT} denied a newspaper report that {AG} planned to {T_DEP:station} a permanent brigade of {N} troops in {DEST}"),
        ],
        "stmt": [
            ("Asserted", "\"{QCONTENT},\" {SPKN} {T_STMT:told} reporters in {L}"),
            ("Asserted", "{TITLEEN} {SPKN} {T_STMT:said} the pact \"gives our soldiers a clear legal basis to train side by side\""),
        ],
        "neg": ["The frigate, with a crew of about {NUM}, will make a port call next week",
                "The exercises involve {NUM} aircraft and more than 40 ships, the largest such drills in decades"],
        "agr": [("Asserted", "{DATELINE}{P1} and {P2} {T_AGR:signed} a visiting forces agreement in {L} on {WD}")],
    },
    "ms": {
        "dep": [
            ("Planned", "{DATELINE}{AG} akan {T_DEP:menghantar} seramai {N} anggota tentera ke {DEST} bagi menyertai pasukan pengaman PBB"),
            ("Asserted", "Menurut {CLAIM}, {N} anggota yang {T_DEP:berada} di {DEST} sekarang akan pulang ke tanah air"),
            ("Possible", "{AG} mungkin {T_DEP:menghantar} sehingga {N} anggota tambahan tahun depan, kata {SPKT}"),
        ],
        "stmt": [("Asserted", "Beliau {T_STMT:menyifatkan} sumbangan itu sebagai “amat bernilai”"),
                 ("Asserted", "Kerajaan {CTNAME} dalam satu kenyataan {T_STMT:mengucapkan} terima kasih kepada semua anggota")],
        "neg": ["Sekurang-kurangnya {NUM} anggota pengaman cedera dalam serangan roket bulan lalu"],
        "agr": [],
    },
}

_UNITS_DE = ["Panzerbrigade {n}", "Gebirgsjägerbrigade {n}", "Luftlandebrigade {n}", "Fregatte „Hessen“"]
_TITLES = {"de": ["Verteidigungsminister", "Außenminister", "Bundeskanzler", "Generalinspekteur", "Regierungssprecher"],
           "en": ["Defense Secretary", "Foreign Minister", "Defence Minister", "Army chief"]}
_DATELINE_OUTLETS = ["WNS", "dpa", "AFP", "Reuters", "AP", "ANP", "Bernama"]


class RealismSlots:
    """Mixin of ``assemble.Generator``: the slots the realism templates add."""

    def realism_sentence(self, b: Builder, ctx: "Ctx") -> bool:
        """Expand one realism template into ``b``; False when the language has none."""
        T = R.get(ctx.lang)
        if not T:
            return False
        fam = self.rng.choices(["dep", "stmt", "neg", "agr"], [0.4, 0.3, 0.2, 0.1])[0]
        if not T.get(fam):
            fam = "dep"
        ctx.claim = None
        if fam == "neg":
            self._expand_realism(self.rng.choice(T["neg"]), "Asserted", b, ctx)
            return True
        mod, tpl = self.rng.choice(T[fam])
        if fam == "stmt":
            ctx.smod = mod
        self._expand_realism(tpl, mod, b, ctx)
        return True

    def _expand_realism(self, tpl: str, modality: str, b: Builder, ctx: "Ctx") -> None:
        pos = 0
        for m in _TRIG.finditer(tpl):
            self.expand(tpl[pos:m.start()], b, ctx)
            b.trigger(m.group(2), m.group(1), modality)
            pos = m.end()
        self.expand(tpl[pos:], b, ctx)

    # ------------------------------------------------------------ slots
    def _demonym(self, ctx: "Ctx") -> tuple[str, str]:
        """A country with a demonym in the table, made the sentence's agent; its base forms."""
        by_iso = {c.iso3: c for c in self.countries}
        iso = self.rng.choice([i for i in BASE if i in by_iso])
        ctx.agent = by_iso[iso]
        de, fr, _ = BASE[iso]
        return de, fr

    def _dem_span(self, b: Builder, ctx: "Ctx", form: str) -> None:
        b.span(form, "AGENT", mention="CTRY")

    def slot_DEM_E(self, b: Builder, ctx: "Ctx") -> None:
        self._dem_span(b, ctx, self._demonym(ctx)[0] + "e")

    def slot_DEM_EN(self, b: Builder, ctx: "Ctx") -> None:
        self._dem_span(b, ctx, self._demonym(ctx)[0] + "en")

    def slot_DEM_E_SG(self, b: Builder, ctx: "Ctx") -> None:  # "das russische Außenministerium": part of an org name, no agent
        b.lit(self._demonym(ctx)[0] + "e")

    def slot_DEM_EN_GEN(self, b: Builder, ctx: "Ctx") -> None:  # "der deutschen Streitkräfte"
        b.lit("der ")
        self._dem_span(b, ctx, self._demonym(ctx)[0] + "en")
        b.lit(" Streitkräfte")

    def slot_DEM_MS(self, b: Builder, ctx: "Ctx") -> None:  # "le porte-parole du gouvernement rwandais"
        b.span(self._demonym(ctx)[1], mention="CTRY")

    def slot_DEM_MS_AG(self, b: Builder, ctx: "Ctx") -> None:  # "le contingent uruguayen, qui compte 800 soldats"
        self._dem_span(b, ctx, self._demonym(ctx)[1])

    def slot_DEM_MP(self, b: Builder, ctx: "Ctx") -> None:
        from kg.link.demonyms import _fr

        forms = _fr(self._demonym(ctx)[1])
        self._dem_span(b, ctx, forms[2] if len(forms) > 3 else forms[-1])

    def slot_DEM_FP(self, b: Builder, ctx: "Ctx") -> None:
        from kg.link.demonyms import _fr

        self._dem_span(b, ctx, _fr(self._demonym(ctx)[1])[-1])

    def slot_DATELINE(self, b: Builder, ctx: "Ctx") -> None:
        if self.rng.random() < 0.5:
            return
        city = self.rng.choice([x for c in self.rng.sample(self.countries, 5) for x in c.capitals.get("en", [])] or ["BERLIN"])
        b.span(city.upper(), mention="LOC")
        b.lit(" (")
        b.span(self.rng.choice(_DATELINE_OUTLETS), mention="ORG")
        b.lit(") " + self.rng.choice(["-", "–", "—"]) + " ")

    def slot_WD(self, b: Builder, ctx: "Ctx") -> None:
        from kg.extract.datagen.assemble import LEX

        b.lit(self.rng.choice(LEX[ctx.lang]["weekdays"]))

    def slot_Y(self, b: Builder, ctx: "Ctx") -> None:
        b.lit(str(self.rng.randint(2025, 2030)))

    def slot_NUM(self, b: Builder, ctx: "Ctx") -> None:  # a number that is no troop count
        from kg.extract.datagen.numbers import format_count

        b.lit(format_count(self.rng.choice([12, 40, 105, 300, 450, 640, 1000, 2400, 56]), ctx.lang, self.rng))

    def slot_NUMC(self, b: Builder, ctx: "Ctx") -> None:  # the count after a qualifier already in the template
        from kg.extract.datagen.numbers import format_count

        b.span(format_count(ctx.count, ctx.lang, self.rng), "COUNT")

    def slot_NUMBAT(self, b: Builder, ctx: "Ctx") -> None:
        from kg.extract.datagen.numbers import format_count

        b.lit("d'environ ")
        b.span(format_count(ctx.count, ctx.lang, self.rng), "COUNT")

    def slot_UNITDE(self, b: Builder, ctx: "Ctx") -> None:
        b.span(self.rng.choice(_UNITS_DE).format(n=self.rng.randint(10, 45)), mention="ORG")

    def slot_CLAIM(self, b: Builder, ctx: "Ctx") -> None:
        if self.rng.random() < 0.5:
            b.span(self.org(ctx.lang), "CLAIMANT", mention="ORG")
        else:
            self.actor(b, ctx.lang, "CLAIMANT")

    def slot_CLAIMGEN(self, b: Builder, ctx: "Ctx") -> None:
        b.lit(self.rng.choice(["der ", "des "]))
        b.span(self.org(ctx.lang), "CLAIMANT", mention="ORG")

    def slot_SPKGEN(self, b: Builder, ctx: "Ctx") -> None:
        b.lit("der ")
        b.span(self.org(ctx.lang), "SPEAKER", mention="ORG")

    def slot_SUPGEN(self, b: Builder, ctx: "Ctx") -> None:
        b.lit("der ")
        b.span(self.org(ctx.lang), "SUPPORT", mention="ORG")

    def slot_SUPDE(self, b: Builder, ctx: "Ctx") -> None:
        b.lit("du ")
        b.span(self.org(ctx.lang), "SUPPORT", mention="ORG")

    def slot_DESTDE(self, b: Builder, ctx: "Ctx") -> None:
        b.lit("du ")
        self.place(b, ctx.lang, "DEST")

    def slot_SPKTFR(self, b: Builder, ctx: "Ctx") -> None:
        b.lit("le ministre " + self._demonym_of_agent_fr(ctx) + " de la Défense, ")
        self.slot_SPKN(b, ctx)

    def _demonym_of_agent_fr(self, ctx: "Ctx") -> str:
        base = BASE.get(ctx.agent.iso3)
        return base[1] if base else "national"

    def slot_TITLEDE(self, b: Builder, ctx: "Ctx") -> None:
        b.lit(self.rng.choice(_TITLES["de"]))

    def slot_TITLEEN(self, b: Builder, ctx: "Ctx") -> None:
        self.country(b, self.rng.choice(self.countries), "en")
        b.lit(" " + self.rng.choice(_TITLES["en"]))

    def slot_CTNAME(self, b: Builder, ctx: "Ctx") -> None:
        self.country(b, self.rng.choice(self.countries), ctx.lang, "SPEAKER")

    def slot_PERGEN_P1(self, b: Builder, ctx: "Ctx") -> None:  # the ministers sign; their states are the parties
        b.span(self._person_name(), mention="PER")
        b.lit(" (")
        self.country(b, ctx.agent, ctx.lang, "PARTY")
        b.lit(")")

    def slot_PERGEN_P2(self, b: Builder, ctx: "Ctx") -> None:
        b.span(self._person_name(), mention="PER")
        b.lit(" (")
        self.country(b, ctx.support, ctx.lang, "PARTY")
        b.lit(")")
