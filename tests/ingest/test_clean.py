"""Boilerplate cleaning: prompts, teasers, widgets go; every body line stays verbatim."""

from __future__ import annotations

import pytest

from kg.ingest.clean import clean, clean_text, line_rule

BODY = [
    "JAKARTA (WNS) – Indonesia akan mengirim 1.090 prajurit ke Lebanon, kata Mabes TNI pada Kamis (17/10/2024).",
    "“Prajurit kami siap,” kata Kolonel Inf. Hendra Wibisana kepada wartawan.",
    "Menurut Kemlu, pengiriman itu bagian dari komitmen Indonesia.",
]


def _page(*junk_between: str, tail: tuple[str, ...] = ()) -> str:
    lines = [BODY[0], "", *junk_between, "", BODY[1], "", BODY[2], "", *tail]
    return "\n".join(lines)


def test_body_is_kept_verbatim_and_offsets_point_into_it():
    raw = _page("Baca Juga: Menhan Bertemu Mitra Australia di Canberra", "MEMBACA  Harga Cabai Naik Lagi di Pasar Induk, kata Pedagang.")
    out = clean_text(raw)
    assert out == "\n\n".join(BODY)
    for line in BODY:
        start = out.index(line)
        assert out[start : start + len(line)] == line


@pytest.mark.parametrize(
    "junk",
    [
        "Baca Juga: Menhan Bertemu Mitra Australia di Canberra",
        "Baca juga  Pemerintah Siapkan Anggaran Misi Perdamaian",
        "BACA JUGA: Pasukan Garuda Tiba di Naqoura",
        "MEMBACA  Mantan Menteri Akan Kembali ke Tanah Air, kata keluarganya.",
        "MEMBACA  Perusahaan teknologi akan menutup layanan VPN karena 'tidak banyak dipakai'",
        "LIHAT: Foto-foto Upacara Pelepasan Kontingen",
        "Read also: Japan and Philippines sign access pact",
        "Related: Storm hits coast",
        "Advertisement - Scroll to continue",
        "Bagikan: Facebook Twitter WhatsApp",
        "ALSO READ | Marles visits Jakarta",
        "Lire aussi : Le Japon et les Philippines signent un accord",
        "Advertisement",
        "ADVERTISEMENT",
        "Iklan",
        "Scroll to continue with content",
        "Scroll untuk melanjutkan",
        "Bagikan",
        "Share this article",
        "© 2024 Warta News Service. All rights reserved.",
        "Copyright 2024 PT Media Contoh. Hak cipta dilindungi undang-undang.",
        "Home > World > Asia",
        "Beranda | Nasional | Politik",
        "Diperbarui: 30 Oktober 2024   12:09",
        "(Nama Fotografer/Kantor Berita)",
        "Ikuti kanal WhatsApp kami untuk berita terbaru: https://whatsapp.example/channel/123",
        "Tinggalkan komentar",
        "Leave a comment",
    ],
)
def test_boilerplate_line_is_removed(junk):
    assert clean_text(_page(junk)) == "\n\n".join(BODY)


def test_caps_prompt_on_its_own_line_takes_the_teaser_headline_with_it():
    raw = _page("BACA JUGA", "Pasukan Garuda Tiba di Naqoura")
    assert clean_text(raw) == "\n\n".join(BODY)


def test_caps_prompt_alone_does_not_swallow_a_body_paragraph():
    raw = "\n".join([BODY[0], "BACA JUGA", BODY[1], BODY[2]])
    assert clean_text(raw) == "\n".join(BODY)


def test_trailing_comment_and_rating_widgets_are_removed():
    tail = ("BERI NILAI", "Bagaimana reaksi Anda tentang artikel ini?", "BERI KOMENTAR", "Kirim",
            "Konten Terkait", "Video Pilihan", "Terpopuler", "Pilihan Redaksi Hari Ini")
    assert clean_text(_page(tail=tail)) == "\n\n".join(BODY)


def test_comment_marker_in_the_middle_keeps_the_body_after_it():
    raw = "\n".join([BODY[0], "Komentar", BODY[1], BODY[2]])
    assert clean_text(raw) == "\n".join([BODY[0], BODY[1], BODY[2]])


@pytest.mark.parametrize(
    "sentence",
    [
        "Membaca situasi di lapangan, komandan memutuskan menunda patroli.",
        "Iklan rokok dilarang tayang di televisi sebelum pukul 21.30, kata menteri.",
        "Bagikan bantuan itu kepada warga yang mengungsi, perintah komandan kepada pasukannya.",
        "Komentar presiden itu memicu perdebatan di parlemen pada Selasa.",
        "JAKARTA, WNS – Menteri Luar Negeri bertemu mitranya dari Lebanon.",
        "READINESS of the contingent was checked on Monday, the army said.",
        "The copyright dispute between the two broadcasters went to court last week.",
        "Updated figures show at least 10,000 troops are now in the region, officials said.",
        "Related stories about the war were shared widely, the editor said.",
    ],
)
def test_body_sentences_that_resemble_boilerplate_are_kept(sentence):
    assert line_rule(sentence) is None
    assert clean_text(f"{BODY[0]}\n\n{sentence}") == f"{BODY[0]}\n\n{sentence}"


def test_removed_lines_are_reported_with_their_rule():
    r = clean(_page("Baca Juga: Judul Lain Di Sini", "Advertisement", tail=("Tinggalkan komentar",)))
    assert [(line, rule) for line, rule in r.removed if line] == [
        ("Baca Juga: Judul Lain Di Sini", "read-more"),
        ("Advertisement", "widget"),
        ("Tinggalkan komentar", "widget"),
    ]


def test_blank_line_runs_collapse_to_one_paragraph_break():
    assert clean_text(f"\n\n{BODY[0]}\n\n\n\n{BODY[1]}   \n\n") == f"{BODY[0]}\n\n{BODY[1]}"
