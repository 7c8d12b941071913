"""read_inputs on folders, globs and explicit files: every good document is an Article, every
bad one a Problem that names the file and says why."""

from __future__ import annotations

import hashlib
import tracemalloc
from pathlib import Path

from ingest_samples import EN_TEXT, EXAMPLES, ID_TEXT

from kg.doc import Article, Problem
from kg.ingest import read_inputs


def _split(items):
    arts = {Path(a.source.split(":")[0]).name + (":" + a.source.split(":")[1] if ":" in a.source else ""): a
            for a in items if isinstance(a, Article)}
    probs = {Path(p.source.split(":")[0]).name + (":" + p.source.split(":")[1] if ":" in p.source else ""): p
             for p in items if isinstance(p, Problem)}
    return arts, probs


def test_mixed_folder_good_articles_and_named_problems(mixed_folder, cfg):
    items = list(read_inputs([str(mixed_folder)], cfg.replace(max_bytes=10_000)))
    arts, probs = _split(items)

    assert set(arts) == {"good_id.txt", "good_en.txt", "page.html", "russian.txt", "batch.jsonl:1", "batch.jsonl:3"}
    assert set(probs) == {"empty.txt", "binary.txt", "latin1.txt", "big.txt", "soup.html", "batch.jsonl:2"}

    assert probs["empty.txt"].reason == "empty file"
    assert probs["binary.txt"].reason.startswith("binary file, not text")
    assert probs["latin1.txt"].reason == (
        "not valid UTF-8 (byte 0xE9 at offset 27, line 1); re-save the file as UTF-8"
    )
    assert probs["big.txt"].reason == (
        "file is 14.0 kB, over the 10 kB limit; split it, or raise the limit: kg --set max_bytes=14000 build ..."
    )
    assert probs["soup.html"].reason == "HTML page with no article text"
    assert probs["batch.jsonl:2"].reason.startswith("invalid JSON")
    assert all(p.stage in {"read", "clean"} for p in probs.values())

    assert arts["good_id.txt"].lang == "id" and arts["good_en.txt"].lang == "en"
    assert arts["russian.txt"].lang == "ru"
    assert arts["russian.txt"].provenance["warning"] == "language 'ru' is not supported; extraction may be poor"
    assert "warning" not in arts["good_id.txt"].provenance


def test_unknown_extension_skipped_in_folder_but_reported_when_named(mixed_folder, cfg):
    folder_sources = [x.source for x in read_inputs([str(mixed_folder)], cfg)]
    assert not any("notes.pdf" in s or ".hidden" in s for s in folder_sources)

    (item,) = list(read_inputs([str(mixed_folder / "notes.pdf")], cfg))
    assert isinstance(item, Problem)
    assert item.source.endswith("notes.pdf")
    assert item.reason == "unsupported file type '.pdf'; expected .txt, .html, .htm or .jsonl"


def test_missing_path_and_empty_glob_are_problems(tmp_path, cfg):
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.txt")], cfg))
    assert [(type(i).__name__, i.reason) for i in items] == [
        ("Problem", "no such file or folder"),
        ("Problem", "no files match this pattern"),
    ]


def test_glob_and_folder_overlap_read_once(mixed_folder, cfg):
    items = list(read_inputs([str(mixed_folder / "**" / "good_*.txt"), str(mixed_folder / "sub")], cfg))
    assert sorted(Path(a.source).name for a in items) == ["good_en.txt", "good_id.txt"]


def test_txt_article_fields(mixed_folder, cfg):
    path = mixed_folder / "good_id.txt"
    (a,) = list(read_inputs([str(path)], cfg))
    assert a.source == str(path)
    assert a.url == path.resolve().as_uri() and a.url.startswith("file:///")
    assert a.title is None and a.published is None  # never guessed for .txt
    assert a.text == ID_TEXT.strip()
    assert a.id == hashlib.sha256(a.text.encode()).hexdigest()[:16]


def test_bom_crlf_and_utf16_are_decoded(tmp_path, cfg):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + EN_TEXT.replace("\n", "\r\n").encode())
    (tmp_path / "u16.txt").write_bytes(EN_TEXT.encode("utf-16"))
    a, b = list(read_inputs([str(tmp_path)], cfg))
    assert a.text == b.text == EN_TEXT.strip()
    assert not a.text.startswith("\ufeff") and "\r" not in a.text


def test_whitespace_only_file(tmp_path, cfg):
    (tmp_path / "blank.txt").write_text(" \n\n\t\n")
    (p,) = list(read_inputs([str(tmp_path / "blank.txt")], cfg))
    assert isinstance(p, Problem) and p.reason == "empty file (only whitespace)"


def test_only_boilerplate_is_a_problem(tmp_path, cfg):
    (tmp_path / "junk.txt").write_text("Advertisement\nShare this\nLeave a comment\n")
    (p,) = list(read_inputs([str(tmp_path / "junk.txt")], cfg))
    assert isinstance(p, Problem)
    assert (p.stage, p.reason) == ("clean", "no article text left after removing boilerplate")


def test_huge_sparse_file_is_refused_without_reading_it(tmp_path, cfg):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50_000_000)  # sparse: costs nothing on disk
    tracemalloc.start()
    try:
        (p,) = list(read_inputs([str(big)], cfg))  # default max_bytes = 10 MB
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(p, Problem)
    assert p.reason == "file is 50.0 MB, over the 10 MB limit; split it, or raise the limit: kg --set max_bytes=50000000 build ..."
    assert peak < 2_000_000  # the 50 MB were never loaded


def test_examples_folder_reads_cleanly(cfg):
    items = list(read_inputs([str(EXAMPLES)], cfg))
    assert all(isinstance(a, Article) for a in items), [i for i in items if isinstance(i, Problem)]
    langs = sorted(a.lang for a in items)
    assert langs == ["en", "en", "en", "id", "id", "id"]
    html = next(a for a in items if a.source.endswith(".html"))
    assert html.title == "First Indonesian peacekeepers arrive in southern Lebanon"
    assert html.published == "2024-11-01"
    assert all("warning" not in a.provenance for a in items)


def test_bad_input_never_stops_the_batch(tmp_path, cfg):
    (tmp_path / "a_bad.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b_good.txt").write_text(EN_TEXT)
    kinds = [type(x).__name__ for x in read_inputs([str(tmp_path)], cfg)]
    assert kinds == ["Problem", "Article"]


def test_control_characters_without_nul_are_binary(tmp_path, cfg):
    (tmp_path / "ctl.txt").write_bytes(b"\x01\x02\x03\x1b abc " * 200)
    (p,) = list(read_inputs([str(tmp_path / "ctl.txt")], cfg))
    assert isinstance(p, Problem) and p.reason.startswith("binary file, not text")


def test_invalid_utf8_is_located_by_offset_and_line(tmp_path, cfg):
    raw = "Baris pertama baik.\nBaris kedua juga.\n".encode() + b"Ketiga: \xff rusak.\n"
    (tmp_path / "bad.txt").write_bytes(raw)
    (p,) = list(read_inputs([str(tmp_path / "bad.txt")], cfg))
    at = raw.index(b"\xff")
    assert p.reason == f"not valid UTF-8 (byte 0xFF at offset {at}, line 3); re-save the file as UTF-8"
