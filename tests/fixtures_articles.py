"""Hand-built articles shared by the test suite (RDF mapping, queries, store, export ...).

Three small news texts written for the tests (not the seed articles), two Indonesian and one
English, that share actors across languages. Every offset is real: ``text[start:end] ==
mention.text`` and ``text[ev.start:ev.end] == ev.evidence``; ``check_offsets`` asserts it.

What they contain, so tests can rely on it:

- ``kursk_nis_id()`` (id): NIS says about 10,000 North Korean troops are in the Kursk region to
  help Russia (Deployment, About, claimant NIS); NIS director Cho Tae-yong is quoted (Statement,
  quote, dated 2024-10-31); Russia and North Korea signed a partnership treaty in June 2024
  (Agreement, date "2024-06"). Exactly three events (the golden TriG is built from it).
- ``pentagon_en()`` (en): the Pentagon says at least 11,000 (AtLeast, special forces, dated
  2024-11-04); Zelensky says up to 12,000 could join (UpTo, modality Possible) and that is also
  his reported Statement (about North Korea); "Pyongyang" (a Place mention linked as the Country
  Q423) denies sending soldiers to Russia (Deployment, modality Denied, no count).
- ``hur_id()`` (id, a local ``file:`` URL): Ukrainian military intelligence estimates more than
  12,000 (MoreThan, dated "2024-11"); Choe Son Hui is quoted meeting Sergei Lavrov in Moscow;
  Russia and North Korea agreed new military cooperation according to KCNA (Agreement with
  a claimant). Some of its mentions have NO link (the linker did not run on them), so a mapper
  must fall back to a name key.

Linked keys: North Korea Q423, Russia Q159, Kursk Oblast Q3178, Seoul Q8684, Kyiv Q1899,
Moscow Q649, Pentagon Q11209, Zelensky Q3874799. Unlinked keys:
"organization/national-intelligence-service" (shared by the Indonesian and English names),
"person/cho-tae-yong", "person/sergei-lavrov", "organization/kcna"; no link at all:
"Intelijen militer Ukraina" (Organization) and "Choe Son Hui" (Person).

>>> [a.lang for a in fixture_articles()]
['id', 'en', 'id']
>>> all(check_offsets(a) for a in fixture_articles())
True
"""

from __future__ import annotations

from typing import Callable, Optional

from kg.doc import Article, Event, Link, Mention, Sentence

PROVENANCE = {
    "software": "warta 0.1.0",
    "model": "hand-built fixture 1.0",
    "config_hash": "000000000000",
}
EXTRACTOR = "hand-built fixture 1.0"
LINKER = "hand-built fixture"


class _Builder:
    """Builds an Article from sentences; finds spans by their surface text so offsets are exact."""

    def __init__(self, sentences: list[str], **article_kw):
        self.text = " ".join(sentences)
        self.sentences: list[Sentence] = []
        pos = 0
        for i, s in enumerate(sentences):
            self.sentences.append(Sentence(index=i, start=pos, end=pos + len(s), text=s))
            pos += len(s) + 1
        self.kw = article_kw
        self.mentions: list[Mention] = []
        self.events: list[Event] = []

    def mention(
        self,
        sent: int,
        surface: str,
        type_: str,
        key: Optional[str] = None,
        *,
        qid: Optional[str] = None,
        link_type: Optional[str] = None,
        label: Optional[str] = None,
        nth: int = 0,
    ) -> Mention:
        """The ``nth`` occurrence of ``surface`` inside sentence ``sent``; ``key=None``: unlinked."""
        s = self.sentences[sent]
        at = -1
        for _ in range(nth + 1):
            at = s.text.index(surface, at + 1)
        start = s.start + at
        link = None
        if key is not None:
            link = Link(
                key=key, type=link_type or type_, qid=qid, label=label, score=1.0, linker=LINKER
            )
        m = Mention(
            start=start, end=start + len(surface), text=surface, type=type_, sentence=sent, link=link
        )
        self.mentions.append(m)
        return m

    def event(self, kind: str, sent: int, confidence: float, **kw) -> Event:
        """An event whose evidence is the whole sentence ``sent``."""
        s = self.sentences[sent]
        ev = Event(
            kind=kind,
            start=s.start,
            end=s.end,
            evidence=s.text,
            sentence=sent,
            confidence=confidence,
            extractor=EXTRACTOR,
            **kw,
        )
        self.events.append(ev)
        return ev

    def build(self) -> Article:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return Article(
            text=self.text,
            sentences=self.sentences,
            mentions=self.mentions,
            events=self.events,
            provenance=dict(PROVENANCE),
            **self.kw,
        )


def kursk_nis_id() -> Article:
    """Indonesian: NIS estimate (About 10,000), a quote by Cho Tae-yong, a treaty (3 events)."""
    b = _Builder(
        [
            "Badan Intelijen Nasional Korea Selatan (NIS) menyatakan sekitar 10.000 tentara "
            "Korea Utara telah dikirim ke wilayah Kursk untuk membantu Rusia.",
            '"Mereka sedang dilatih untuk operasi tempur," kata Direktur NIS Cho Tae-yong di '
            "hadapan parlemen di Seoul pada Kamis (31/10/2024).",
            "Rusia dan Korea Utara menandatangani Perjanjian Kemitraan Strategis Komprehensif "
            "pada Juni 2024.",
        ],
        source="https://example.org/berita/2024/11/01/kursk-nis",
        url="https://example.org/berita/2024/11/01/kursk-nis",
        lang="id",
        title="NIS: ribuan tentara Korea Utara dikirim ke Kursk",
        published="2024-11-01",
        publisher="Contoh Berita",
    )
    nis_key = "organization/national-intelligence-service"
    nis = b.mention(0, "Badan Intelijen Nasional Korea Selatan", "Organization", nis_key,
                    label="National Intelligence Service")
    b.mention(0, "NIS", "Organization", nis_key, label="National Intelligence Service")
    nk = b.mention(0, "Korea Utara", "Country", "Q423", qid="Q423", label="North Korea")
    kursk = b.mention(0, "wilayah Kursk", "Place", "Q3178", qid="Q3178", label="Kursk Oblast")
    ru = b.mention(0, "Rusia", "Country", "Q159", qid="Q159", label="Russia")
    b.mention(1, "NIS", "Organization", nis_key, label="National Intelligence Service")
    cho = b.mention(1, "Cho Tae-yong", "Person", "person/cho-tae-yong")
    b.mention(1, "Seoul", "Place", "Q8684", qid="Q8684", label="Seoul")
    ru2 = b.mention(2, "Rusia", "Country", "Q159", qid="Q159", label="Russia")
    nk2 = b.mention(2, "Korea Utara", "Country", "Q423", qid="Q423", label="North Korea")

    b.event("Deployment", 0, 0.91234, agent=nk, troop_count=10000, qualifier="About",
            destination=kursk, in_support_of=ru, claimant=nis)
    b.event("Statement", 1, 0.88, speaker=cho, text="Mereka sedang dilatih untuk operasi tempur",
            is_quote=True, date="2024-10-31")
    b.event("Agreement", 2, 0.95, parties=[ru2, nk2],
            name="Perjanjian Kemitraan Strategis Komprehensif", date="2024-06")
    return b.build()


def pentagon_en() -> Article:
    """English: Pentagon (AtLeast 11,000), Zelensky (UpTo 12,000, Possible) and a denial."""
    b = _Builder(
        [
            "The Pentagon said on Monday that at least 11,000 troops from North Korea are now in "
            "the Kursk region to fight for Russia, among them special forces.",
            "Ukrainian President Volodymyr Zelensky told reporters in Kyiv that up to 12,000 "
            "soldiers from North Korea could soon join the fighting in Kursk.",
            "Pyongyang denied sending any soldiers to Russia.",
        ],
        source="https://example.com/world/north-korea-troops-kursk",
        url="https://example.com/world/north-korea-troops-kursk",
        lang="en",
        title="Pentagon: at least 11,000 North Korean troops in Kursk",
        published="2024-11-05",
        publisher="Example Wire",
    )
    pentagon = b.mention(0, "Pentagon", "Organization", "Q11209", qid="Q11209",
                         label="United States Department of Defense")
    nk = b.mention(0, "North Korea", "Country", "Q423", qid="Q423", label="North Korea")
    kursk = b.mention(0, "Kursk region", "Place", "Q3178", qid="Q3178", label="Kursk Oblast")
    ru = b.mention(0, "Russia", "Country", "Q159", qid="Q159", label="Russia")
    zel = b.mention(1, "Volodymyr Zelensky", "Person", "Q3874799", qid="Q3874799",
                    label="Volodymyr Zelenskyy")
    b.mention(1, "Kyiv", "Place", "Q1899", qid="Q1899", label="Kyiv")
    nk2 = b.mention(1, "North Korea", "Country", "Q423", qid="Q423", label="North Korea")
    kursk2 = b.mention(1, "Kursk", "Place", "Q3178", qid="Q3178", label="Kursk Oblast")
    # A metonym: the capital's name standing for the state; the linker refines Place -> Country.
    pyongyang = b.mention(2, "Pyongyang", "Place", "Q423", qid="Q423", link_type="Country",
                          label="North Korea")
    ru3 = b.mention(2, "Russia", "Country", "Q159", qid="Q159", label="Russia")

    b.event("Deployment", 0, 0.87, agent=nk, troop_count=11000, qualifier="AtLeast",
            destination=kursk, in_support_of=ru, claimant=pentagon, unit="special forces",
            date="2024-11-04")
    b.event("Deployment", 1, 0.7, agent=nk2, troop_count=12000, qualifier="UpTo",
            destination=kursk2, claimant=zel, modality="Possible")
    b.event("Statement", 1, 0.8, speaker=zel, is_quote=False, about=nk2,
            text="up to 12,000 soldiers from North Korea could soon join the fighting in Kursk")
    b.event("Deployment", 2, 0.83, agent=pyongyang, destination=ru3, claimant=pyongyang,
            modality="Denied")
    return b.build()


def hur_id() -> Article:
    """Indonesian, local file: Ukrainian intelligence (MoreThan 12,000), a quote, a KCNA deal."""
    b = _Builder(
        [
            "Intelijen militer Ukraina memperkirakan lebih dari 12.000 personel Korea Utara "
            "berada di Kursk sejak November 2024.",
            "Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Sergei Lavrov di Moskwa dan "
            'menyebut hubungan kedua negara "tak terkalahkan".',
            "Rusia dan Korea Utara juga menyepakati kerja sama militer baru, menurut kantor "
            "berita KCNA.",
        ],
        source="/data/berita/kursk-hur.txt",
        url="file:///data/berita/kursk-hur.txt",
        lang="id",
        title=None,
        published="2024-11-12",
    )
    hur = b.mention(0, "Intelijen militer Ukraina", "Organization")  # no link: linker not run
    nk = b.mention(0, "Korea Utara", "Country", "Q423", qid="Q423", label="North Korea")
    kursk = b.mention(0, "Kursk", "Place", "Q3178", qid="Q3178", label="Kursk Oblast")
    b.mention(1, "Korea Utara", "Country", "Q423", qid="Q423", label="North Korea")
    choe = b.mention(1, "Choe Son Hui", "Person")  # no link
    lavrov = b.mention(1, "Sergei Lavrov", "Person", "person/sergei-lavrov")
    b.mention(1, "Moskwa", "Place", "Q649", qid="Q649", label="Moscow")
    ru = b.mention(2, "Rusia", "Country", "Q159", qid="Q159", label="Russia")
    nk3 = b.mention(2, "Korea Utara", "Country", "Q423", qid="Q423", label="North Korea")
    kcna = b.mention(2, "KCNA", "Organization", "organization/kcna")

    b.event("Deployment", 0, 0.79, agent=nk, troop_count=12000, qualifier="MoreThan",
            destination=kursk, claimant=hur, date="2024-11")
    b.event("Statement", 1, 0.66, speaker=choe, text="tak terkalahkan", is_quote=True,
            about=lavrov)
    b.event("Agreement", 2, 0.74, parties=[ru, nk3], claimant=kcna)
    return b.build()


FIXTURE_BUILDERS: dict[str, Callable[[], Article]] = {
    "kursk_nis_id": kursk_nis_id,
    "pentagon_en": pentagon_en,
    "hur_id": hur_id,
}


def fixture_articles() -> list[Article]:
    """All hand-built articles, freshly built (callers may mutate them)."""
    return [build() for build in FIXTURE_BUILDERS.values()]


def check_offsets(article: Article) -> bool:
    """Assert every sentence, mention and event offset points at its text; return True."""
    t = article.text
    for s in article.sentences:
        assert t[s.start : s.end] == s.text, s
    for m in article.mentions:
        assert t[m.start : m.end] == m.text, m
    for e in article.events:
        assert t[e.start : e.end] == e.evidence, e
        for _, m in e.roles():
            assert m in article.mentions, (e.kind, m)
    return True
