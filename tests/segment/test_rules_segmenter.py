"""The rule-based sentence splitter on the cases that break naive splitters."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import kg.segment.rules as rules
from kg.config import Config
from kg.doc import Article
from kg.registry import segmenters
from kg.segment.rules import MAX_SENTENCE_CHARS, RuleSegmenter, split_sentences

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def texts(text: str) -> list[str]:
    return [t for _, _, t in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Indonesian abbreviations and titles
        ("Kantor itu di Jl. Merdeka No. 5, Jakarta. Ia tiba pukul 09.00.",
         ["Kantor itu di Jl. Merdeka No. 5, Jakarta.", "Ia tiba pukul 09.00."]),
        ("Dr. Bayu dan Prof. Laras hadir. Bpk. Ahmad dan Tn. Lee juga.",
         ["Dr. Bayu dan Prof. Laras hadir.", "Bpk. Ahmad dan Tn. Lee juga."]),
        ("Surat a.n. Menteri dikirim ke Ny. Sari, S.H. Kemarin tiba.",
         ["Surat a.n. Menteri dikirim ke Ny. Sari, S.H. Kemarin tiba."]),
        ("Mereka membawa senjata, amunisi, dll. yang dikirim lewat laut.",
         ["Mereka membawa senjata, amunisi, dll. yang dikirim lewat laut."]),
        ("Mereka membawa senjata, amunisi, dsb. Semua tiba pekan lalu.",
         ["Mereka membawa senjata, amunisi, dsb.", "Semua tiba pekan lalu."]),
        ("Kolonel Inf. Hendra Wibisana dan H. Agus tiba.", ["Kolonel Inf. Hendra Wibisana dan H. Agus tiba."]),
        # English abbreviations, initials
        ("Mr. Lee met Gen. Park and Lt. Col. Kim. They spoke for an hour.",
         ["Mr. Lee met Gen. Park and Lt. Col. Kim.", "They spoke for an hour."]),
        ("U.S. and U.N. officials met on Jan. 5 in St. Louis. No. 10 said nothing.",
         ["U.S. and U.N. officials met on Jan. 5 in St. Louis.", "No. 10 said nothing."]),
        ("Allies, e.g. Japan, i.e. a close partner, agreed. J. Smith disagreed.",
         ["Allies, e.g. Japan, i.e. a close partner, agreed.", "J. Smith disagreed."]),
        ("It was Australia vs. Indonesia. Mrs. Tan watched.", ["It was Australia vs. Indonesia.", "Mrs. Tan watched."]),
        # numbers
        ("Sebanyak 1.500 tentara tiba. Sekitar 3.5 ton bantuan dikirim. 2.000 lainnya menyusul.",
         ["Sebanyak 1.500 tentara tiba.", "Sekitar 3.5 ton bantuan dikirim.", "2.000 lainnya menyusul."]),
        ("About 2,000 troops arrived. 1,400 more will follow.", ["About 2,000 troops arrived.", "1,400 more will follow."]),
        # quotes
        ("“Ini eskalasi serius.” kata dia. Pasukan tiba.", ["“Ini eskalasi serius.” kata dia.", "Pasukan tiba."]),
        ("“Kami siap. Kami terlatih,” kata Hendra. Pasukan tiba.",
         ["“Kami siap. Kami terlatih,” kata Hendra.", "Pasukan tiba."]),
        ("“Situasinya bisa berubah cepat... Pasukan harus siap,” ujar Bayu.",
         ["“Situasinya bisa berubah cepat... Pasukan harus siap,” ujar Bayu."]),
        ('"We are ready." Lee said. Troops left.', ['"We are ready." Lee said.', "Troops left."]),
        ('"We are ready," Defence Minister Richard Marles said. "Nothing changes."',
         ['"We are ready," Defence Minister Richard Marles said.', '"Nothing changes."']),
        ('He said: "No plan." Officials agreed the plan would be reviewed next year after a long consultation with allies.',
         ['He said: "No plan."', "Officials agreed the plan would be reviewed next year after a long consultation with allies."]),
        ("Apakah ini eskalasi? Ya! Menurut NIS, sekitar 10 ribu tentara tiba…  Mereka di Kursk.",
         ["Apakah ini eskalasi?", "Ya!", "Menurut NIS, sekitar 10 ribu tentara tiba…", "Mereka di Kursk."]),
        # brackets and lowercase continuations
        ("Pasukan tiba pada Kamis (17/10/2024). Mereka disambut.", ["Pasukan tiba pada Kamis (17/10/2024).", "Mereka disambut."]),
        ("Harga naik 5 persen. kemudian turun.", ["Harga naik 5 persen. kemudian turun."]),
        # other languages
        ("M. Dupont est arrivé. Il a parlé.", ["M. Dupont est arrivé.", "Il a parlé."]),
        ("Am 3. Oktober kamen z.B. Soldaten an. Sie blieben.", ["Am 3. Oktober kamen z.B. Soldaten an.", "Sie blieben."]),
        ("El Sr. Pérez llegó. ¿Vendrá mañana?", ["El Sr. Pérez llegó.", "¿Vendrá mañana?"]),
    ],
)
def test_tricky_cases(text, expected):
    assert texts(text) == expected


def test_paragraphs_headlines_and_hard_wrapped_lines():
    text = (
        "Indonesia Kirim Pasukan ke Lebanon\n\n"
        "Pasukan tiba pada Kamis\n"
        "Mereka disambut warga.\n"
        "This line was wrapped\nin the middle of a sentence, and\nso was this one.\n\n\n"
        "Last paragraph."
    )
    assert texts(text) == [
        "Indonesia Kirim Pasukan ke Lebanon",
        "Pasukan tiba pada Kamis",
        "Mereka disambut warga.",
        "This line was wrapped\nin the middle of a sentence, and\nso was this one.",
        "Last paragraph.",
    ]


def test_sentences_are_exact_stripped_ordered_slices():
    text = "  Pertama di sini.   Kedua?\n\n  “Ketiga!” kata dia.\t\n"
    spans = split_sentences(text)
    assert [t for _, _, t in spans] == ["Pertama di sini.", "Kedua?", "“Ketiga!” kata dia."]
    for s, e, t in spans:
        assert text[s:e] == t == t.strip()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_very_long_sentence_is_cut_at_semicolons_then_commas():
    clause = "pasukan dari negara sahabat tiba di pelabuhan dan langsung menuju pos masing-masing"
    text = "; ".join([clause] * 30) + "."
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e, _ in spans)
    assert all(t.endswith(";") for _, _, t in spans[:-1])
    assert "".join(t + " " for _, _, t in spans).strip() == text  # nothing lost

    commas = ", ".join([clause] * 30) + "."
    assert all(t.endswith(",") for _, _, t in split_sentences(commas)[:-1])
    unbroken = "x" * 2500
    assert [e - s for s, e, _ in split_sentences(unbroken)] == [1000, 1000, 500]


def test_segmenter_from_registry_sets_article_sentences():
    cfg = Config()
    seg = segmenters.create("kg.segmenter.rules.v1", config=cfg)
    assert isinstance(seg, RuleSegmenter)
    art = Article.from_text("Pasukan tiba. “Kami siap,” kata Hendra.", source="mem:1", lang="id")
    sents = seg.segment(art)
    assert art.sentences is sents
    assert [(s.index, s.start, s.end, s.text) for s in sents] == [
        (0, 0, 13, "Pasukan tiba."),
        (1, 14, 39, "“Kami siap,” kata Hendra."),
    ]
    assert art.sentence_of(20) is sents[1]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_example_articles_segment_sensibly(path):
    text = path.read_text(encoding="utf-8").strip()
    spans = split_sentences(text)
    covered = "".join(t for _, _, t in spans)
    assert "".join(covered.split()) == "".join(text.split())  # every visible character is in a sentence
    assert 10 <= len(spans) <= 30
    assert all(len(t) < 400 for _, _, t in spans)


def test_doctests():
    result = doctest.testmod(rules)
    assert result.attempted > 0 and result.failed == 0
