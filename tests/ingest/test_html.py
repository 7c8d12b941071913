"""HTML pages: trafilatura keeps the story and drops navigation, ads, share bars, comments and
footers; title, date and site name come from the page metadata."""

from __future__ import annotations

from ingest_samples import EXAMPLES, HTML_SOUP

from kg.doc import Article, Problem
from kg.ingest import read_inputs

PAGE = EXAMPLES / "en_03_garuda_arrive_lebanon.html"


def test_realistic_page_body_without_page_furniture(cfg):
    (a,) = list(read_inputs([str(PAGE)], cfg))
    assert isinstance(a, Article)
    assert a.text.startswith("First Indonesian peacekeepers arrive in southern Lebanon\n")
    assert "About 450 Indonesian soldiers arrived in southern Lebanon on Thursday" in a.text
    assert '"There is no plan to withdraw," she said.' in a.text
    assert a.text.endswith("shipped from Jakarta.")
    for junk in ("Asia-Pacific", "Advertisement", "ADVERTISEMENT", "Scroll to continue", "Share this",
                 "WhatsApp", "Leave a comment", "proud of our troops", "Most read", "Rupiah steady",
                 "All rights reserved", "Privacy policy", "Read also"):
        assert junk not in a.text, junk


def test_page_metadata(cfg):
    (a,) = list(read_inputs([str(PAGE)], cfg))
    assert a.title == "First Indonesian peacekeepers arrive in southern Lebanon"
    assert a.published == "2024-11-01"
    assert a.publisher == "Warta News Service"
    assert a.lang == "en"
    assert a.url == PAGE.resolve().as_uri()  # no canonical link on the page
    assert a.provenance["reader"] == "html"


def test_canonical_url_becomes_article_url(tmp_path, cfg):
    html = PAGE.read_text(encoding="utf-8").replace(
        "<title>", '<link rel="canonical" href="https://news.example/world/garuda-lebanon"><title>'
    )
    p = tmp_path / "saved.htm"
    p.write_text(html, encoding="utf-8")
    (a,) = list(read_inputs([str(p)], cfg))
    assert a.url == "https://news.example/world/garuda-lebanon"
    assert a.provenance["file"] == p.resolve().as_uri()


def test_html_soup_without_article_is_a_problem(tmp_path, cfg):
    p = tmp_path / "login.html"
    p.write_text(HTML_SOUP, encoding="utf-8")
    (item,) = list(read_inputs([str(p)], cfg))
    assert isinstance(item, Problem)
    assert (item.source, item.reason) == (str(p), "HTML page with no article text")


def test_declared_legacy_charset_is_honoured(tmp_path, cfg):
    html = PAGE.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    html = html.replace("caretaker government", "caretaker government (café talks aside)")
    p = tmp_path / "legacy.html"
    p.write_bytes(html.encode("cp1252"))
    (a,) = list(read_inputs([str(p)], cfg))
    assert "(café talks aside)" in a.text


def test_undeclared_non_utf8_html_is_reported(tmp_path, cfg):
    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "").replace("Thursday", "Thürsday")
    p = tmp_path / "bad.html"
    p.write_bytes(html.encode("latin-1"))
    (item,) = list(read_inputs([str(p)], cfg))
    assert isinstance(item, Problem)
    assert item.reason.startswith("not valid UTF-8 (byte 0xFC at offset ")
    assert item.reason.endswith("re-save the file as UTF-8")
