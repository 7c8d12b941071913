"""JSONL: one article per line; a bad line is a Problem named file.jsonl:LINE and the rest go on."""

from __future__ import annotations

import json

from ingest_samples import EN_TEXT, ID_TEXT

from kg.doc import Article, Problem
from kg.ingest import read_inputs


def _write(tmp_path, lines: list[bytes | str]):
    p = tmp_path / "batch.jsonl"
    p.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n")
    return p


def test_each_line_is_an_article_or_a_named_problem(tmp_path, cfg):
    p = _write(
        tmp_path,
        [
            json.dumps({"text": EN_TEXT, "url": "https://news.example/a", "title": "Japan drills",
                        "published": "Mon, 11 Nov 2024 08:00:00 GMT", "publisher": "WNS"}),
            "",
            json.dumps({"text": ID_TEXT, "lang": "id-ID", "published": "11/11/2024"}),
            "{not json",
            json.dumps(["a", "list"]),
            json.dumps({"title": "no text"}),
            json.dumps({"text": 42}),
            json.dumps({"text": "   "}),
            b'{"text": "caf\xe9"}',
            json.dumps({"text": EN_TEXT.replace("Japan", "Australia")}),
        ],
    )
    items = list(read_inputs([str(p)], cfg))
    got = [(i.source.rsplit(":", 1)[1], type(i).__name__, getattr(i, "reason", "")) for i in items]
    assert got == [
        ("1", "Article", ""),
        ("3", "Article", ""),
        ("4", "Problem", "invalid JSON: Expecting property name enclosed in double quotes at column 2"),
        ("5", "Problem", 'expected a JSON object with a "text" field, got list'),
        ("6", "Problem", 'missing "text" field'),
        ("7", "Problem", '"text" must be a string, got int'),
        ("8", "Problem", 'empty "text"'),
        ("9", "Problem", "not valid UTF-8 (byte 0xE9 at column 14); re-save the file as UTF-8"),
        ("10", "Article", ""),
    ]
    a1, a3, a10 = (i for i in items if isinstance(i, Article))
    assert a1.source == f"{p}:1"
    assert (a1.url, a1.title, a1.published, a1.publisher, a1.lang) == (
        "https://news.example/a", "Japan drills", "2024-11-11", "WNS", "en")
    assert a3.lang == "id" and a3.provenance["lang_source"] == "given"
    assert a3.published == "2024-11-11"
    assert a3.url == f"{p.resolve().as_uri()}#line=3"
    assert a10.url.endswith("#line=10")


def test_oversized_record_is_skipped_and_the_next_line_is_read(tmp_path, cfg):
    p = _write(tmp_path, [json.dumps({"text": "Pasukan tiba di Beirut. " * 500}), json.dumps({"text": EN_TEXT})])
    items = list(read_inputs([str(p)], cfg.replace(max_bytes=5000)))
    assert isinstance(items[0], Problem) and items[0].source == f"{p}:1"
    assert items[0].reason == "record is 12.0 kB, over the 5 kB limit; split it, or raise the limit: kg --set max_bytes=12013 build ..."
    assert isinstance(items[1], Article) and items[1].source == f"{p}:2"


def test_empty_and_binary_jsonl(tmp_path, cfg):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n")
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01" * 100)
    got = {i.source.rsplit("/", 1)[1]: i.reason for i in read_inputs([str(tmp_path)], cfg)}
    assert got == {
        "blank.jsonl": "empty file (no JSON lines)",
        "bin.jsonl": "binary file, not text; give a .txt, .html or .jsonl article",
        "empty.jsonl": "empty file",
    }


def test_a_file_of_one_oversized_record_is_not_called_empty(tmp_path, cfg):
    p = _write(tmp_path, [json.dumps({"text": "Pasukan tiba di Beirut. " * 500})])
    items = list(read_inputs([str(p)], cfg.replace(max_bytes=5000)))
    assert [(i.source, i.reason.split(";")[0]) for i in items] == [(f"{p}:1", "record is 12.0 kB, over the 5 kB limit")]


def test_an_unexpected_failure_in_one_record_names_its_line_and_the_rest_go_on(tmp_path, cfg, monkeypatch):
    import kg.ingest.readers as readers

    real = readers.make_article

    def flaky(text, **kw):
        if "Australia" in text:
            raise RuntimeError("boom")
        return real(text, **kw)

    monkeypatch.setattr(readers, "make_article", flaky)
    p = _write(tmp_path, [json.dumps({"text": EN_TEXT.replace("Japan", "Australia")}), json.dumps({"text": EN_TEXT})])
    items = list(read_inputs([str(p)], cfg))
    assert isinstance(items[0], Problem) and items[0].source == f"{p}:1" and "boom" in items[0].reason
    assert isinstance(items[1], Article) and items[1].source == f"{p}:2"
