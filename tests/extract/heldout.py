"""Hand-written held-out sentences (not seed text, not generator templates) in id/en/ms/fr/de/es,
with the facts a reader expects. ``score(extractor)`` compares checkpoints:

    .venv/bin/python -m tests.extract.heldout [MODEL_DIR ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

# (kind, who, count, where): Deployment agent / Statement speaker / Agreement "A+B"; substrings of surfaces.
# As in the annotation guide (../shared/eval/README.md), a claimant that is not a news outlet ("menurut X",
# "selon X", "sagte ein Sprecher der X", "X membantah") also makes a Statement; session 2 added those
# seven facts the first batch had left out.
Fact = tuple[str, str, "int | None", "str | None"]


@dataclass
class Case:
    lang: str
    text: str
    facts: list[Fact] = field(default_factory=list)


CASES = [
    Case("id", "Pemerintah Nepal mengirim 850 tentara ke Lebanon selatan sebagai bagian dari misi UNIFIL, dengan sekitar 200 di antaranya ditempatkan di Naqoura.",
         [("Deployment", "Nepal", 850, "Lebanon"), ("Deployment", "Nepal", 200, "Naqoura")]),
    Case("id", "Menurut Kementerian Pertahanan Jepang, kehadiran sekitar 3.000 tentara Tiongkok di Pulau Hainan meningkat sejak Mei.",
         [("Deployment", "Tiongkok", 3000, "Hainan"), ("Statement", "Kementerian Pertahanan Jepang", None, None)]),
    Case("id", "Kini ada 1.200 tentara Prancis di Chad, kata juru bicara militer Pierre Morel.",
         [("Deployment", "Prancis", 1200, "Chad"), ("Statement", "Pierre Morel", None, None)]),
    Case("id", "Andi Wirawan, Direktur Lembaga Kajian Pertahanan Jakarta, pada Selasa mengatakan bahwa latihan itu berjalan lancar.",
         [("Statement", "Andi Wirawan", None, None)]),
    Case("id", "Kementerian Luar Negeri Malaysia mengatakan pihaknya akan memanggil duta besar Myanmar.",
         [("Statement", "Kementerian Luar Negeri Malaysia", None, None)]),
    Case("id", "“Kami tidak akan mundur,” kata Farida Nasution, juru bicara Partai Hijau.",
         [("Statement", "Farida Nasution", None, None)]),
    Case("id", "Filipina dan Jepang menandatangani pakta pertahanan timbal balik di Manila pada Juli.",
         [("Agreement", "Filipina+Jepang", None, None)]),
    Case("id", "Perang Dunia II berakhir pada 1945, dan Gedung Sate kini menjadi museum.", []),
    Case("id", "Sebanyak 500 personel TNI dikerahkan ke Kongo oleh Indonesia untuk misi perdamaian PBB.",
         [("Deployment", "Indonesia", 500, "Kongo")]),
    Case("en", "Britain has sent 900 troops to Estonia, about 300 of them to the town of Tapa.",
         [("Deployment", "Britain", 900, "Estonia"), ("Deployment", "Britain", 300, "Tapa")]),
    Case("en", "The presence of some 2,500 Rwandan troops in Mozambique was confirmed by the African Union.",
         [("Deployment", "Rwanda", 2500, "Mozambique"), ("Statement", "African Union", None, None)]),
    Case("en", "Maria Costa, the spokeswoman for the European Commission, said on Monday that talks would resume.",
         [("Statement", "Maria Costa", None, None)]),
    Case("en", "Japan's Defence Ministry warned that the exercise was a provocation.",
         [("Statement", "Defence Ministry", None, None)]),
    Case("en", "Reuters reported that Turkey had deployed 1,000 soldiers to northern Syria.",
         [("Deployment", "Turkey", 1000, "Syria")]),
    Case("en", "Subscribe to our newsletter. Follow us on Facebook and Instagram.", []),
    Case("ms", "Malaysia menghantar 850 anggota tentera ke Lubnan, dengan 120 daripadanya di Tyre.",
         [("Deployment", "Malaysia", 850, "Lubnan"), ("Deployment", "Malaysia", 120, "Tyre")]),
    Case("ms", "Menteri Pertahanan Mohamed Khaled Nordin berkata kerajaan akan menambah peruntukan.",
         [("Statement", "Khaled Nordin", None, None)]),
    Case("fr", "La France a déployé 1 500 soldats au Niger, dont 400 à Niamey.",
         [("Deployment", "France", 1500, "Niger"), ("Deployment", "France", 400, "Niamey")]),
    Case("fr", "« Nous restons vigilants », a déclaré Claire Fontaine, porte-parole de l'OTAN.",
         [("Statement", "Claire Fontaine", None, None)]),
    Case("de", "Deutschland hat 4.800 Soldaten nach Litauen entsandt, davon 500 in Rukla.",
         [("Deployment", "Deutschland", 4800, "Litauen"), ("Deployment", "Deutschland", 500, "Rukla")]),
    Case("de", "Verteidigungsminister Boris Pistorius sagte, die Brigade sei einsatzbereit.",
         [("Statement", "Pistorius", None, None)]),
    Case("es", "España envió 650 soldados a Letonia, de los cuales 200 en Riga.",
         [("Deployment", "España", 650, "Letonia"), ("Deployment", "España", 200, "Riga")]),
    Case("es", "El ministro Luis Ortega afirmó que la misión terminará en diciembre.",
         [("Statement", "Luis Ortega", None, None)]),
    # second batch, written before either checkpoint was run on it
    Case("id", "Bangladesh akan mengirim 1.300 personel penjaga perdamaian ke Sudan Selatan tahun depan, ujar Kepala Staf Angkatan Darat Bangladesh.",
         [("Deployment", "Bangladesh", 1300, "Sudan")]),
    Case("id", "Juru bicara Kementerian Luar Negeri Vietnam, Pham Thu Hang, menegaskan bahwa negaranya menolak klaim tersebut.",
         [("Statement", "Pham Thu Hang", None, None)]),
    Case("id", "Thailand membantah telah mengerahkan pasukan ke perbatasan Kamboja.",
         [("Deployment", "Thailand", None, "Kamboja"), ("Statement", "Thailand", None, None)]),
    Case("id", "Korea Selatan dan Jepang sepakat menandatangani perjanjian berbagi intelijen militer.",
         [("Agreement", "Korea Selatan+Jepang", None, None)]),
    Case("id", "Harga beras naik 5 persen pekan ini, menurut Badan Pusat Statistik.", [("Statement", "Badan Pusat", None, None)]),
    Case("id", "Ia mengatakan sekitar 2.000 tentara Ethiopia masih berada di Somalia.",
         [("Deployment", "Ethiopia", 2000, "Somalia")]),
    Case("en", "Poland will deploy up to 10,000 soldiers to its border with Belarus, Defence Minister Adam Nowak said.",
         [("Deployment", "Poland", 10000, "Belarus"), ("Statement", "Adam Nowak", None, None)]),
    Case("en", "Kenya and Haiti signed a security agreement in Nairobi on Friday.",
         [("Agreement", "Kenya+Haiti", None, None)]),
    Case("en", "More than 300 Fijian peacekeepers are now stationed in the Golan Heights, the UN said.",
         [("Deployment", "Fiji", 300, "Golan"), ("Statement", "UN", None, None)]),
    Case("en", "The Apple iPhone 16 went on sale in Jakarta on Friday.", []),
    Case("ms", "Sekurang-kurangnya 500 anggota tentera Indonesia telah dihantar ke Gaza, kata jurucakap TNI.",
         [("Deployment", "Indonesia", 500, "Gaza"), ("Statement", "TNI", None, None)]),
    Case("fr", "Le Tchad a envoyé environ 1 000 soldats au Mali, selon le ministère de la Défense.",
         [("Deployment", "Tchad", 1000, "Mali"), ("Statement", "ministère", None, None)]),
    Case("de", "Rund 3.000 Soldaten aus Frankreich sind in Rumänien stationiert, sagte ein Sprecher der NATO.",
         [("Deployment", "Frankreich", 3000, "Rumänien"), ("Statement", "NATO", None, None)]),
    Case("es", "Colombia y Ecuador firmaron un acuerdo de cooperación militar en Quito.",
         [("Agreement", "Colombia+Ecuador", None, None)]),
]


def _matches(ev, fact: Fact) -> bool:
    kind, who, count, where = fact
    if ev.kind != kind:
        return False
    if kind == "Deployment":
        stem = who[:5].lower()
        return (ev.agent is not None and stem in ev.agent.text.lower()) and ev.troop_count == count
    if kind == "Statement":
        return ev.speaker is not None and (who in ev.speaker.text or ev.speaker.text in who)
    a, b = who.split("+")
    names = {m.text for m in ev.parties}
    return any(a in n for n in names) and any(b in n for n in names)


def score(extractor) -> dict:
    """Recall over expected facts, precision over emitted events, destination hits."""
    from kg.doc import Article
    from kg.extract.extractor import fallback_sentences

    arts = []
    for c in CASES:
        art = Article.from_text(c.text, source="mem:heldout", lang=c.lang)
        art.sentences = fallback_sentences(c.text)
        arts.append(art)
    extractor.extract(arts)
    found = emitted = correct = dest_ok = 0
    n_facts = sum(len(c.facts) for c in CASES)
    misses = []
    for c, art in zip(CASES, arts):
        used: set[int] = set()
        for f in c.facts:
            hit = next((i for i, ev in enumerate(art.events) if i not in used and _matches(ev, f)), None)
            if hit is None:
                misses.append((c.text[:60], f))
                continue
            used.add(hit)
            found += 1
            ev = art.events[hit]
            if f[0] == "Deployment" and ev.destination is not None and f[3] and f[3][:4].lower() in ev.destination.text.lower():
                dest_ok += 1
        emitted += len(art.events)
        correct += len(used)
    p = correct / max(1, emitted)
    r = found / max(1, n_facts)
    return {"facts": n_facts, "found": found, "emitted": emitted, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / max(1e-9, p + r), 3), "destinations": dest_ok, "misses": misses}


if __name__ == "__main__":  # pragma: no cover
    from kg.config import Config
    from kg.extract.extractor import TransformerExtractor

    for path in sys.argv[1:] or [None]:
        res = score(TransformerExtractor(Config.resolve(file=None), model_path=path))
        misses = res.pop("misses")
        print(path or "shipped", res)
        for m in misses:
            print("   miss:", m)
