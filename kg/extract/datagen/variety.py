"""Iteration-2 generator variety: forms real news uses that the v1 templates lacked.

* several troop counts in one sentence, partitives included ("..., dengan sekitar M di antaranya
  di Z", "dont M à Z", "davon M in Z"): every count is a COUNT, each destination a DEST;
* deployments without a deployment verb: nominal triggers ("kehadiran", "penempatan", "the
  presence of"), existential "ada N tentara X di Y", passives with "oleh X" / "by X", genitive agents;
* statements worded unlike v1: appositive speakers ("X, Menteri Luar Negeri Y, pada ... mengatakan"),
  speaker far from the verb, "kata X, <title> <org>" after a quote, organisation and country
  speakers, interviews, "menulis di Telegram", more speech verbs;
* a news outlet that reports ("Reuters melaporkan bahwa ...") is a CLAIMANT, never a SPEAKER;
* negatives: named wars, weapons, products, platforms, page boilerplate, Title-Case headlines;
* realism: quotes of several styles, real NER sentences glued around synthetic clauses.

The templates use the slot language of ``assemble`` (``{SLOT}``, ``[a|b]``); the slots they add
live in ``VarietySlots``, a mixin of ``assemble.Generator``.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Optional

from kg.extract.datagen import names as N
from kg.extract.datagen.builder import Builder, Example
from kg.extract.datagen.numbers import format_count, sample_count

if TYPE_CHECKING:  # pragma: no cover
    from kg.extract.datagen.assemble import Ctx

V: dict[str, dict[str, list[str]]] = {
    "id": {
        "multi": [
            "{CLPRE}{N} {TR} {AGG} {VSTAY} di {DEST}, dengan {N2} di antaranya [sudah berada |berada |kini berada |]di {DEST2}{CLPOST}",
            "{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST}, [termasuk|dan] {N2} di antaranya [di|ke] {DEST2}{CLPOST}",
            "{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST} dan {N2} {TR} lainnya {TO} {DEST2}{CLPOST}",
            "{CLPRE}Dari {N} {TR} {AGG} yang {VPAS} {TO} {DEST}, {N2} [kini berada|berada|ditempatkan] di {DEST2}{CLPOST}",
            "{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST} — {N2} di antaranya [sudah |]di {DEST2} —{DATE}{CLPOST}",
        ],
        "nom": [
            "{CLPRE}{NOM} {N} {TR} {AGG} {TO} {DEST} [menimbulkan kekhawatiran|menjadi sorotan|memicu reaksi keras dari {CT}|telah dikonfirmasi]{CLPOST}",
            "{CLPRE}{NOM} {TR} {AGG} di {DEST} [menandai eskalasi baru|belum dikonfirmasi secara resmi|mengubah situasi di lapangan]{CLPOST}",
            "{CLPRE}[Saat ini|Kini|Diperkirakan] {NOMX} {N} {TR} {AGG} di {DEST}{CLPOST}",
            "{CLPRE}{N} {TR} {VPAS} {TO} {DEST} oleh {AG}{DATE}{CLPOST}",
            "{CLPRE}[Pasukan khusus|Unit elite|Pasukan|Tentara] {AGG} {VPAS} {TO} {DEST}{DATE}{CLPOST}",
            "{CLPRE}{AGG} [memiliki|mempertahankan] kekuatan {N} {TR} yang {VSTAY} di {DEST}{CLPOST}",
            "{CLPRE}Dengan kekuatan {N} {TR}, pasukan {AGG} {VSTAY} di {DEST}{CLPOST}",
        ],
        "nom_trig": {"Asserted": ["|Kehadiran", "|Penempatan", "|Pengerahan", "|Pengiriman"], "Planned": ["Rencana |pengiriman", "Rencana |pengerahan"],
                     "Possible": ["Dugaan |pengiriman", "Kemungkinan |pengerahan"], "Denied": ["|Pengiriman"]},
        "nomx": ["|ada", "|terdapat"],
        "stmt": [
            "{SPKA} {DATEM}{VSTMT2} {THAT} {CONTENT}",
            "“{QCONTENT},” {SPOST} {SPKN}, {TITLEAFTER}",
            "{SPKT} {VSTMT2} dalam wawancara dengan {MEDIA} [bahwa|,] {CONTENT}",
            "{SPKT}, yang berbicara di {L}{DATE}, {VSTMT2} {THAT} {CONTENT}",
            "{SPKORG} {VSTMT2} {THAT} {CONTENT}",
            "{SPKORG} telah {VSTMT2} {THAT} {CONTENT}",
            "{SPKT} {VSTMT2}: “{QCONTENT}”",
            "{SPKT} [menulis|mengunggah pernyataan] di [media sosial|Telegram|platform X] bahwa {CONTENT}",
            "“{QCONTENT},” {TULIS} {SPKT} di [Telegram|media sosial|akun resminya]",
            "{SPKT} {DATEM}{VSTMT2} ‘{QCONTENT}’",
            "Dalam konferensi pers di {L}, {SPKT} {VSTMT2} {THAT} {CONTENT}",
        ],
        "stmt_verbs": ["|mengatakan", "|menekankan", "|memperingatkan", "|mengumumkan", "|memastikan", "|menyebut", "|mengonfirmasi", "|mengkonfirmasi",
                       "|mengutuk", "|berkomentar", "|menegaskan", "|menyampaikan", "|mengklaim", "|menuturkan", "|mengakui", "|menilai"],
        "tulis": ["tulis", "kata", "ujar"],
        "media_claim": ["{MEDIACL} melaporkan bahwa {DEPCL}", "Menurut laporan {MEDIACL}, {DEPCL}", "{DEPCL}, demikian dilaporkan {MEDIACL}",
                        "Seperti dikutip dari {MEDIACL}, {DEPCL}", "{DEPCL}, menurut laporan {MEDIACL}"],
        "neg": [
            "{CT} [pernah|juga] [terlibat dalam|kalah dalam|menang dalam] [Perang Dunia II|Perang Korea|Perang Dingin|Perang Teluk|Perang Dunia I] [puluhan tahun lalu|sebelumnya]",
            "Sejak [Perang Dunia II|Perang Dingin|Perang Korea], hubungan {CT} dan {CT2} [naik turun|terus berubah]",
            "{CT} [menggunakan|menerima|membeli] [rudal HIMARS|jet tempur F-16|tank Leopard 2|sistem Patriot|drone Shahed|rudal ATACMS|rudal Hwasong|terminal Starlink] [di|untuk] {L}",
            "[Baca Juga|Simak Juga|Berita Terkait|Lihat Juga]: {CT} dan {CT2} [Gelar Pembicaraan|Bahas Kerja Sama|Saling Tuding]",
            "[Ikuti berita terkini|Dapatkan update berita pilihan|Simak berita lainnya] di [Google News|WhatsApp Channel|Instagram|YouTube|TikTok]",
            "[Operasi Militer Khusus|Program Nuklir|Rencana Kemenangan] yang diumumkan {CT} [menuai kritik|dipantau oleh {CT2}]",
            "[Gedung|Istana|Markas] [Parlemen|Kepresidenan|Besar] di {L} [dijaga ketat|ditutup untuk umum]",
            "Video yang beredar di [Telegram|TikTok|YouTube|Facebook] memperlihatkan kendaraan militer di {L}",
            "[Kekhawatiran|Ketegangan|Eskalasi|Pertanyaan] [meningkat|muncul|berkembang] setelah pertemuan di {L}",
        ],
    },
    "en": {
        "multi": [
            "{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST}, with {N2} of them [already |now |]in {DEST2}{CLPOST}",
            "{CLPRE}{N} {AGD} {TR} {VSTAY} in {DEST}, {N2} of them in {DEST2}{CLPOST}",
            "{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST} and another {N2} {TO} {DEST2}{CLPOST}",
            "{CLPRE}Of the {N} {AGD} {TR} {VPAS} {TO} {DEST}, {N2} are [now |]in {DEST2}{CLPOST}",
            "{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST} — {N2} of them in {DEST2} —{DATE}{CLPOST}",
        ],
        "nom": [
            "{CLPRE}{NOM} {N} {AGD} {TR} {TO} {DEST} [has raised concern|drew sharp criticism from {CT}|has been confirmed]{CLPOST}",
            "{CLPRE}{NOM} {AGD} {TR} in {DEST} [marks a new escalation|has not been officially confirmed]{CLPOST}",
            "{CLPRE}There {NOMX} {N} {AGD} {TR} in {DEST}{CLPOST}",
            "{CLPRE}{N} {TR} {VPAS} {TO} {DEST} by {AG}{DATE}{CLPOST}",
            "{CLPRE}{AGG}'s [special forces|troops|soldiers|forces] {VSTAY} in {DEST}{CLPOST}",
            "{CLPRE}A force of {N} {AGD} {TR} {VSTAY} in {DEST}{CLPOST}",
        ],
        "nom_trig": {"Asserted": ["The |presence of", "The |deployment of", "The |arrival of"], "Planned": ["The planned |deployment of"],
                     "Possible": ["The possible |deployment of", "The suspected |presence of"], "Denied": ["The |deployment of"]},
        "nomx": ["|are", "|are now"],
        "stmt": [
            "{SPKA} {DATEM}{VSTMT2} {THAT} {CONTENT}",
            "“{QCONTENT},” {SPOST} {SPKN}, {TITLEAFTER}",
            "{SPKT} {VSTMT2} in an interview with {MEDIA} that {CONTENT}",
            "{SPKT}, speaking in {L}{DATE}, {VSTMT2} {THAT} {CONTENT}",
            "{SPKORG} {VSTMT2} {THAT} {CONTENT}",
            "{SPKT} wrote on [Telegram|social media|X] that {CONTENT}",
            "{SPKT} {VSTMT2}: ‘{QCONTENT}’",
        ],
        "stmt_verbs": ["|said", "|stressed", "|warned", "|announced", "|confirmed", "|wrote", "|condemned", "|insisted", "|told reporters", "|emphasized", "|noted"],
        "tulis": ["wrote", "said"],
        "media_claim": ["{MEDIACL} reported that {DEPCL}", "According to a report by {MEDIACL}, {DEPCL}", "{DEPCL}, {MEDIACL} reported", "{DEPCL}, according to {MEDIACL}"],
        "neg": [
            "{CT} [fought in|lost|won] [World War II|the Korean War|the Cold War|the Gulf War] [decades ago|long before]",
            "{CT} [uses|received|bought] [HIMARS launchers|F-16 jets|Leopard 2 tanks|Patriot systems|Shahed drones|ATACMS missiles|Starlink terminals] [in|for] {L}",
            "[Read More|Related|See Also]: {CT} And {CT2} [Hold Talks|Trade Accusations]",
            "[Follow us on|Get the latest news on|Subscribe on] [Google News|WhatsApp|Instagram|YouTube|Facebook]",
            "The [Special Military Operation|Victory Plan|nuclear programme] announced by {CT} [drew criticism|is being watched by {CT2}]",
            "[Concern|Tension|Speculation] [grew|mounted] after the meeting in {L}",
        ],
    },
    "ms": {
        "multi": ["{CLPRE}{N} {TR} {AGG} {VSTAY} di {DEST}, dengan {N2} daripadanya di {DEST2}{CLPOST}",
                  "{CLPRE}{AG} {VDEP} {N} {TR} ke {DEST}, termasuk {N2} di {DEST2}{CLPOST}"],
        "nom": ["{CLPRE}{NOM} {N} {TR} {AGG} ke {DEST} [menimbulkan kebimbangan|telah disahkan]{CLPOST}", "{CLPRE}Terdapat {N} {TR} {AGG} di {DEST}{CLPOST}",
                "{CLPRE}{N} {TR} {VPAS} ke {DEST} oleh {AG}{CLPOST}"],
        "nom_trig": {"Asserted": ["|Kehadiran", "|Penempatan", "|Penghantaran"], "Planned": ["Rancangan |penghantaran"], "Possible": ["Kemungkinan |penghantaran"], "Denied": ["|Penghantaran"]},
        "nomx": ["|terdapat"],
        "stmt": ["{SPKA} {VSTMT2} {THAT} {CONTENT}", "“{QCONTENT},” {SPOST} {SPKN}, {TITLEAFTER}", "{SPKORG} {VSTMT2} {THAT} {CONTENT}",
                 "{SPKT} {VSTMT2} dalam temu bual dengan {MEDIA} bahawa {CONTENT}"],
        "stmt_verbs": ["|berkata", "|menegaskan", "|memberi amaran", "|mengumumkan", "|mengesahkan", "|menyatakan", "|mengutuk"],
        "tulis": ["tulis", "kata"],
        "media_claim": ["{MEDIACL} melaporkan bahawa {DEPCL}", "Menurut laporan {MEDIACL}, {DEPCL}"],
        "neg": ["{CT} [terlibat dalam|kalah dalam] [Perang Dunia Kedua|Perang Korea|Perang Dingin]", "[Ikuti kami di|Dapatkan berita terkini di] [Telegram|Facebook|Google News]"],
    },
    "fr": {
        "multi": ["{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST}, dont {N2} {AT} {DEST2}{CLPOST}",
                  "{CLPRE}{N} {TR} de {AG} {VSTAY} {AT} {DEST}, dont {N2} [déjà |]{AT} {DEST2}{CLPOST}"],
        "nom": ["{CLPRE}{NOM} {N} {TR} de {AG} {AT} {DEST} [inquiète {CT}|a été confirmé]{CLPOST}", "{CLPRE}Il y {NOMX} {N} {TR} de {AG} {AT} {DEST}{CLPOST}",
                "{CLPRE}{N} {TR} {VPAS} {TO} {DEST} par {AG}{CLPOST}"],
        "nom_trig": {"Asserted": ["La |présence de", "Le |déploiement de"], "Planned": ["Le |déploiement prévu de"], "Possible": ["Le |déploiement possible de"], "Denied": ["Le |déploiement de"]},
        "nomx": ["|aurait", "|a"],
        "stmt": ["{SPKA} {VSTMT2} {THAT} {CONTENT}", "« {QCONTENT} », {SPOST} {SPKN}, {TITLEAFTER}", "{SPKORG} {VSTMT2} {THAT} {CONTENT}",
                 "{SPKT} {VSTMT2} dans un entretien avec {MEDIA} que {CONTENT}"],
        "stmt_verbs": ["a |déclaré", "a |souligné", "a |averti", "a |annoncé", "a |confirmé", "a |écrit", "a |condamné", "a |affirmé"],
        "tulis": ["a écrit", "a déclaré"],
        "media_claim": ["{MEDIACL} a rapporté que {DEPCL}", "Selon {MEDIACL}, {DEPCL}"],
        "neg": ["{CT} a combattu pendant la [Seconde Guerre mondiale|guerre de Corée|guerre froide]", "[Suivez-nous sur|Lire aussi :] [Google Actualités|Instagram|Facebook]"],
    },
    "de": {
        "multi": ["{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST}, davon {N2} in {DEST2}{CLPOST}",
                  "{CLPRE}{N} {TR} aus {AG} {VSTAY} in {DEST}, davon [bereits |]{N2} in {DEST2}{CLPOST}"],
        "nom": ["{CLPRE}{NOM} {N} {TR} aus {AG} in {DEST} [beunruhigt {CT}|wurde bestätigt]{CLPOST}", "{CLPRE}In {DEST} {NOMX} {N} {TR} aus {AG}{CLPOST}",
                "{CLPRE}{N} {TR} {VPAS} nach {DEST} von {AG}{CLPOST}"],
        "nom_trig": {"Asserted": ["Die |Stationierung von", "Die |Präsenz von", "Die |Entsendung von"], "Planned": ["Die geplante |Entsendung von"],
                     "Possible": ["Die mögliche |Entsendung von"], "Denied": ["Die |Entsendung von"]},
        "nomx": ["|sind", "|befinden sich"],
        "stmt": ["{SPKA} {VSTMT2}, {THAT} {CONTENT}", "„{QCONTENT}“, {SPOST} {SPKN}, {TITLEAFTER}", "{SPKORG} {VSTMT2}, {THAT} {CONTENT}",
                 "{SPKT} {VSTMT2} in einem Interview mit {MEDIA}, {THAT} {CONTENT}"],
        "stmt_verbs": ["|sagte", "|betonte", "|warnte", "|kündigte an", "|bestätigte", "|schrieb", "|verurteilte", "|erklärte"],
        "tulis": ["schrieb", "sagte"],
        "media_claim": ["{MEDIACL} berichtete, {DEPCL}", "Laut {MEDIACL} {DEPCL}"],
        "neg": ["{CT} kämpfte im [Zweiten Weltkrieg|Koreakrieg|Kalten Krieg]", "[Folgen Sie uns auf|Mehr zum Thema:] [Google News|Instagram|Facebook]"],
    },
    "es": {
        "multi": ["{CLPRE}{AG} {VDEP} {N} {TR} {TO} {DEST}, de los cuales {N2} en {DEST2}{CLPOST}",
                  "{CLPRE}{N} {TR} de {AG} {VSTAY} en {DEST}, [unos |]{N2} de ellos en {DEST2}{CLPOST}"],
        "nom": ["{CLPRE}{NOM} {N} {TR} de {AG} en {DEST} [preocupa a {CT}|fue confirmada]{CLPOST}", "{CLPRE}{NOMX} {N} {TR} de {AG} en {DEST}{CLPOST}",
                "{CLPRE}{N} {TR} {VPAS} a {DEST} por {AG}{CLPOST}"],
        "nom_trig": {"Asserted": ["La |presencia de", "El |despliegue de"], "Planned": ["El |despliegue previsto de"], "Possible": ["El posible |despliegue de"], "Denied": ["El |despliegue de"]},
        "nomx": ["|Hay"],
        "stmt": ["{SPKA} {VSTMT2} {THAT} {CONTENT}", "«{QCONTENT}», {SPOST} {SPKN}, {TITLEAFTER}", "{SPKORG} {VSTMT2} {THAT} {CONTENT}",
                 "{SPKT} {VSTMT2} en una entrevista con {MEDIA} que {CONTENT}"],
        "stmt_verbs": ["|dijo", "|subrayó", "|advirtió", "|anunció", "|confirmó", "|escribió", "|condenó", "|afirmó"],
        "tulis": ["escribió", "dijo"],
        "media_claim": ["{MEDIACL} informó que {DEPCL}", "Según {MEDIACL}, {DEPCL}"],
        "neg": ["{CT} luchó en la [Segunda Guerra Mundial|guerra de Corea|Guerra Fría]", "[Síguenos en|Lee también:] [Google Noticias|Instagram|Facebook]"],
    },
}

# appositive titles: after a name ("X, Menteri Luar Negeri Y,") and after a postposed speaker
TITLE_AFTER = {
    "id": ["Menteri Luar Negeri {c}", "juru bicara Kementerian Pertahanan {c}", "Kepala Intelijen {c}", "Duta Besar {c} untuk PBB", "anggota parlemen {c}",
           "juru bicara {o}", "Direktur {o}", "penasihat senior {o}", "analis di {o}", "Sekretaris Jenderal {o}"],
    "en": ["{c} Foreign Minister", "a spokesperson for the {c} Defence Ministry", "{c}'s ambassador to the UN", "a {c} lawmaker", "spokesperson for {o}",
           "director of {o}", "a senior analyst at {o}", "Secretary-General of {o}"],
    "ms": ["Menteri Luar Negeri {c}", "jurucakap {o}", "Duta Besar {c}"],
    "fr": ["ministre des Affaires étrangères de {c}", "porte-parole de {o}", "ambassadeur de {c}"],
    "de": ["Außenminister von {c}", "Sprecher von {o}", "Botschafter von {c}"],
    "es": ["ministro de Exteriores de {c}", "portavoz de {o}", "embajador de {c}"],
}
QUOTE_PAIRS = [("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»"), ("„", "“"), ("'", "'")]
_KO_SYL = "son hui jong un yo il chol nam kwang hyok yong su min ho sung jin myong chun gil ryong".split()


def invented_person_v2(rng: random.Random) -> str:
    """Name shapes v1 missed: hyphenated / three-part Korean and Chinese names, particles.

    >>> import random
    >>> all(len(invented_person_v2(random.Random(i)).split()) >= 2 for i in range(30))
    True
    """
    r = rng.random()
    if r < 0.35:
        fam = rng.choice(N.FIRST["ko"])
        a, b = rng.choice(_KO_SYL).capitalize(), rng.choice(_KO_SYL)
        return rng.choice([f"{fam} {a}-{b}", f"{fam} {a} {b.capitalize()}", f"{fam} {a}{b}"])
    if r < 0.5:
        return f"{rng.choice(N.FIRST['zh'])} {rng.choice(N.FIRST['zh_given'])}"
    if r < 0.62:
        return f"{rng.choice(N.FIRST['ms'])} {rng.choice(['bin', 'binti'])} {rng.choice(N.FIRST['ar'] + N.FIRST['ms'])}"
    if r < 0.72:
        return f"{rng.choice(N.FIRST['ar'])} al-{rng.choice(['Assad', 'Sudani', 'Thani', 'Maliki', 'Hakim', 'Jubeir', 'Burhan'])}"
    if r < 0.82:
        return f"{rng.choice(N.FIRST['de'])} {rng.choice(['von der', 'von', 'van der', 'de'])} {rng.choice(N.FIRST['de_last'])}"
    if r < 0.9:
        return f"{rng.choice(N.FIRST['en'])} {rng.choice(N.FIRST['en_last'])} Jr."
    return f"{rng.choice(N.FIRST['en'])} {rng.choice(N.FIRST['en'])[0]}. {rng.choice(N.FIRST['en_last'])}"


class VarietySlots:
    """Slots used by the ``V`` templates (mixed into ``assemble.Generator``)."""

    rng: random.Random

    def _second_count(self, ctx: "Ctx") -> int:
        c = ctx.count
        if c >= 20:
            return max(1, int(c * self.rng.choice([0.2, 0.3, 0.5, 0.6, 0.75, 0.8]) // 100 * 100) or c // 2)
        return sample_count(self.rng)

    def slot_N2(self, b: Builder, ctx: "Ctx") -> None:
        from kg.extract.datagen.assemble import LEX

        n = self._second_count(ctx)
        qual = self.rng.choices(["Exact", "About", "AtLeast", "UpTo", "MoreThan"], [0.35, 0.35, 0.1, 0.1, 0.1])[0]
        q = self.rng.choice(LEX[ctx.lang]["qual"][qual])
        b.span((q + " " if q else "") + format_count(n, ctx.lang, self.rng), "COUNT")

    def slot_DEST2(self, b: Builder, ctx: "Ctx") -> None:
        self.place(b, ctx.lang, "DEST")

    def slot_NOM(self, b: Builder, ctx: "Ctx") -> None:
        e = self.rng.choice(V[ctx.lang]["nom_trig"][ctx.modality])
        aux, _, word = e.rpartition("|")
        b.lit(aux)
        b.trigger(word, "T_DEP", ctx.modality if ctx.modality != "Denied" else "Asserted")

    def slot_NOMX(self, b: Builder, ctx: "Ctx") -> None:
        aux, _, word = self.rng.choice(V[ctx.lang]["nomx"]).rpartition("|")
        b.lit(aux)
        b.trigger(word, "T_DEP", "Asserted")

    def slot_VSTMT2(self, b: Builder, ctx: "Ctx") -> None:
        if ctx.smod == "Denied":
            self.slot_VSTMT(b, ctx)
            return
        aux, _, verb = self.rng.choice(V[ctx.lang]["stmt_verbs"]).rpartition("|")
        b.lit(aux)
        b.trigger(verb, "T_STMT", ctx.smod)

    def slot_TULIS(self, b: Builder, ctx: "Ctx") -> None:
        b.trigger(self.rng.choice(V[ctx.lang]["tulis"]), "T_STMT", ctx.smod)

    def _title(self, b: Builder, ctx: "Ctx", pattern: str) -> None:
        for piece in re.split(r"(\{c\}|\{o\})", pattern):
            if piece == "{c}":
                self.country(b, self.rng.choice(self.countries), ctx.lang)
            elif piece == "{o}":
                b.span(self.org(ctx.lang), mention="ORG")
            else:
                b.lit(piece)

    def _person_name(self) -> str:
        return invented_person_v2(self.rng) if self.rng.random() < 0.35 else self.person()

    def slot_SPKA(self, b: Builder, ctx: "Ctx") -> None:
        """``Name, <title>,`` with SPEAKER on the name only."""
        s = b.n
        b.span(self._person_name(), "SPEAKER", mention="PER")
        ctx.speaker_span = (s, b.n)
        b.lit(", ")
        self._title(b, ctx, self.rng.choice(TITLE_AFTER[ctx.lang]))
        b.lit(", ")

    def slot_SPKN(self, b: Builder, ctx: "Ctx") -> None:
        s = b.n
        b.span(self._person_name(), "SPEAKER", mention="PER")
        ctx.speaker_span = (s, b.n)

    def slot_TITLEAFTER(self, b: Builder, ctx: "Ctx") -> None:
        self._title(b, ctx, self.rng.choice(TITLE_AFTER[ctx.lang]))

    def slot_SPKORG(self, b: Builder, ctx: "Ctx") -> None:
        s = b.n
        if self.rng.random() < 0.5:
            b.span(self.rng.choice(N.ORG_PATTERNS[ctx.lang]).format(c=self.country_name(self.rng.choice(self.countries), ctx.lang)), "SPEAKER", mention="ORG")
        else:
            self.country(b, self.rng.choice(self.countries), ctx.lang, "SPEAKER", metonym=True)
        ctx.speaker_span = (s, b.n)

    def slot_DATEM(self, b: Builder, ctx: "Ctx") -> None:
        if self.rng.random() < 0.4:
            self._date(b, ctx)
            b.lit(" ")

    def slot_MEDIACL(self, b: Builder, ctx: "Ctx") -> None:
        b.span(self.rng.choice(sorted(N.MEDIA)), "CLAIMANT", mention="ORG")

    def slot_DEPCL(self, b: Builder, ctx: "Ctx") -> None:
        from kg.extract.datagen.assemble import LEX

        ctx.claim = None
        ctx.nested = True
        tpls = LEX[ctx.lang]["tpl_dep"] + V[ctx.lang]["multi"]
        tpl = self.rng.choice(tpls).replace("{CLPRE}", "").replace("{CLPOST}", "")
        self.expand(tpl, b, ctx)

    def variety_sentence(self, b: Builder, ctx: "Ctx") -> None:
        """Expand one iteration-2 template of a random family into ``b``."""
        rng = self.rng
        T = V[ctx.lang]
        fam = rng.choices(["multi", "nom", "stmt", "media_claim", "neg"], [0.25, 0.22, 0.28, 0.08, 0.17])[0]
        if fam == "stmt":
            if rng.random() < 0.08:
                ctx.smod = "Denied"
        if fam == "neg":
            ctx.claim = None
        if fam in ("multi", "nom") and ctx.modality == "Denied":
            ctx.modality = "Asserted"  # a partitive or nominal denial reads unnaturally
        self.expand(rng.choice(T[fam]), b, ctx)


# ---------------------------------------------------------------------- whole-example transforms

def restyle_quotes(ex: Example, rng: random.Random) -> Example:
    """Swap curly double quotes for another style of the same length (offsets stay valid)."""
    if "“" not in ex.text and "”" not in ex.text:
        return ex
    o, c = rng.choice(QUOTE_PAIRS)
    ex.text = ex.text.replace("“", o).replace("”", c)
    return ex


def title_case(ex: Example) -> Example:
    """A Title-Case headline version of a sentence (capitalising keeps offsets)."""
    ex.text = re.sub(r"(?<![\w'’-])([a-zà-ÿ])", lambda m: m.group(1).upper(), ex.text)
    return ex


def glue(first: Example, sep: str, second: Example) -> Example:
    """``first + sep + second`` as one Example, spans shifted; ``full`` only if both are."""
    k = len(first.text) + len(sep)
    shift = lambda spans: [(s + k, e + k, x) for s, e, x in spans]  # noqa: E731
    return Example(
        text=first.text + sep + second.text,
        mentions=first.mentions + shift(second.mentions),
        roles=first.roles + shift(second.roles),
        triggers=first.triggers + shift(second.triggers),
        kinds=tuple(max(a, b) for a, b in zip(first.kinds, second.kinds)),
        full=first.full and second.full,
        lang=second.lang if first.lang == "id" and not first.roles else first.lang,
    )


def with_real_context(ex: Example, ner: list[Example], rng: random.Random) -> Optional[Example]:
    """Glue a real NER sentence (an event-free one) before or after a synthetic sentence."""
    if not ner:
        return None
    real = rng.choice(ner)
    if not real.full or len(real.text) > 220:
        return None
    real_body = real.text.rstrip(" .")
    real_ex = Example(real_body, list(real.mentions), [], [], (0, 0, 0), True, real.lang)
    real_ex.mentions = [(s, e, t) for s, e, t in real_ex.mentions if e <= len(real_body)]
    body = ex.text.rstrip(" .!")
    ex2 = Example(body, [m for m in ex.mentions if m[1] <= len(body)], [r for r in ex.roles if r[1] <= len(body)],
                  [t for t in ex.triggers if t[1] <= len(body)], ex.kinds, ex.full, ex.lang)
    if rng.random() < 0.5:
        out = glue(real_ex, rng.choice(["; ", " — ", ". ", ", sementara "]), _lower_first(ex2))
    else:
        out = glue(ex2, rng.choice(["; ", " – ", ". ", ", sedangkan "]), _lower_first(real_ex))
    out.lang = ex.lang
    out.text += "."
    return out


def _lower_first(ex: Example) -> Example:
    """Lower-case a sentence-initial common word (names keep their capital)."""
    starts_name = any(s == 0 for s, _, _ in ex.mentions)
    if ex.text and not starts_name and ex.text[:2] != ex.text[:2].upper():
        ex = Example(ex.text[0].lower() + ex.text[1:], ex.mentions, ex.roles, ex.triggers, ex.kinds, ex.full, ex.lang)
    return ex
