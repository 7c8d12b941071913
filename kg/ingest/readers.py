"""Read .txt, .html/.htm and .jsonl inputs into cleaned :class:`~kg.doc.Article` objects.

A document that cannot be used becomes a :class:`~kg.doc.Problem` naming the file (or
``file.jsonl:LINE``) and the reason; the batch goes on.

Decisions worth knowing:

- ``Article.url`` is the JSONL ``url`` if given; for HTML the page's canonical http(s) URL if it
  declares one (``<link rel=canonical>`` / ``og:url``); otherwise the ``file:`` URI of the
  absolute path, with ``#line=N`` for a JSONL record. ``provenance["file"]`` always holds the
  ``file:`` URI.
- ``max_bytes`` limits each .txt/.html file, and each JSONL *record* (a JSONL file is a
  collection of articles and is streamed line by line, so a large corpus file is fine).
- ``title``: JSONL ``title`` / HTML metadata; for .txt it stays None (never guessed).
- ``lang``: a JSONL ``lang`` is trusted; otherwise py3langid decides (see
  :mod:`kg.ingest.language`). Unsupported or unidentified languages are ingested with
  ``provenance["warning"]``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from kg.config import Config
from kg.doc import Article, Problem
from kg.errors import InputError
from kg.ingest.clean import clean
from kg.ingest.dates import normalise_date
from kg.ingest.decode import check_binary, check_size, decode_html, decode_text, problem_reason, read_bounded
from kg.ingest.language import detect_language, language_warning, normalise_tag
from kg.ingest.paths import expand_paths, reader_kind

MIN_HTML_WORDS = 15  # an HTML page needs at least this many words of prose to count as an article
_JSONL_FIELDS = ("text", "url", "title", "published", "lang", "publisher")


def read_inputs(paths: Iterable[str], config: Config) -> Iterator[Article | Problem]:
    """Expand ``paths`` (files, folders, globs) and yield one Article or Problem per document."""
    for item in expand_paths(paths):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_file(item, config)


def read_file(path: Path, config: Config) -> Iterator[Article | Problem]:
    """Read one input file (its extension picks the reader)."""
    kind = reader_kind(path)
    source = str(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, config)
            return
        raw = read_bounded(path, config.max_bytes)
        if kind == "html":
            yield _from_html(raw, path, config)
        elif kind == "txt":
            text = decode_text(raw)
            yield make_article(text, source=source, url=_file_uri(path), config=config, reader="txt")
        else:
            yield Problem(source, "read", f"unsupported file type '{path.suffix}'")
    except InputError as e:
        yield Problem(source, "read", problem_reason(e))
    except OSError as e:
        yield Problem(source, "read", f"cannot read the file: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 - one odd document must never stop the batch
        why = f"unexpected error while reading ({type(e).__name__}: {e}); please report it"
        yield Problem(source, "read", why)


def make_article(
    text: str,
    *,
    source: str,
    url: str,
    config: Config,
    reader: str,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    lang: str | None = None,
    min_words: int = 0,
) -> Article | Problem:
    """Clean ``text``, identify its language and wrap it as an Article (or a Problem)."""
    cleaned = clean(text)
    if not cleaned.text:
        return Problem(source, "clean", "no article text left after removing boilerplate")
    if min_words and not _has_prose(cleaned.text, min_words):
        return Problem(source, "clean", "HTML page with no article text")
    dropped = sum(1 for line, _ in cleaned.removed if line.strip())
    prov = {"reader": reader, "boilerplate_lines_removed": str(dropped)}
    if lang:
        prov["lang_source"] = "given"
    else:
        lang, conf = detect_language(cleaned.text, config.languages)
        prov["lang_source"] = "py3langid"
        prov["lang_confidence"] = f"{conf:.2f}"
    warning = language_warning(lang, config.languages)
    if warning:
        prov["warning"] = warning
    if url.startswith("file:"):
        prov["file"] = url.split("#", 1)[0]
    return Article(
        text=cleaned.text,
        source=source,
        url=url,
        lang=lang,
        title=title or None,
        published=published,
        publisher=publisher or None,
        provenance=prov,
    )


def _from_html(raw: bytes, path: Path, config: Config) -> Article | Problem:
    import trafilatura

    html = decode_html(raw)
    source = str(path)
    try:
        body = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False)
        meta = trafilatura.extract_metadata(html, extensive=False)  # extensive=True invents dates
    except Exception as e:  # noqa: BLE001 - a parser failure on one page must not stop the batch
        return Problem(source, "read", f"cannot parse HTML: {e}")
    if not body or not body.strip():
        return Problem(source, "clean", "HTML page with no article text")
    file_uri = _file_uri(path)
    web = getattr(meta, "url", None) if meta else None
    url = web if isinstance(web, str) and web.startswith(("http://", "https://")) else file_uri
    art = make_article(
        body,
        source=source,
        url=url,
        config=config,
        reader="html",
        title=getattr(meta, "title", None) if meta else None,
        published=normalise_date(getattr(meta, "date", None)) if meta else None,
        publisher=getattr(meta, "sitename", None) if meta else None,
        min_words=MIN_HTML_WORDS,
    )
    if isinstance(art, Article):
        art.provenance["file"] = file_uri
    return art


def read_jsonl(path: Path, config: Config) -> Iterator[Article | Problem]:
    """One article per line; a bad line is a Problem ``file.jsonl:LINE`` and the rest go on."""
    source = str(path)
    if path.stat().st_size == 0:
        yield Problem(source, "read", "empty file")
        return
    base = _file_uri(path)
    with path.open("rb") as f:
        check_binary(f.read(65536))
        f.seek(0)
        any_record = False
        n = 0
        try:
            for n, line, size in _bounded_lines(f, config.max_bytes):
                where = f"{source}:{n}"
                if line is None:
                    any_record = True  # a record was there, only too big: the file is not "empty"
                    yield Problem(where, "read", problem_reason(_too_big(size, config.max_bytes)))
                    continue
                if not line.strip():
                    continue
                any_record = True
                try:
                    yield _jsonl_record(line, n, where, base, config)
                except Exception as e:  # noqa: BLE001 - one odd record must not cost the rest of the file
                    yield Problem(where, "read", f"unexpected error while reading ({type(e).__name__}: {e}); please report it")
        except OSError as e:  # the file failed mid-way: say after which line
            yield Problem(f"{source}:{n + 1}", "read", f"cannot read the file: {e.strerror or e}")
            return
    if not any_record:
        yield Problem(source, "read", "empty file (no JSON lines)")


def _jsonl_record(line: bytes, n: int, where: str, base: str, config: Config) -> Article | Problem:
    try:
        text = line.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as e:
        bad = f"byte 0x{line[e.start]:02X} at column {e.start + 1}"
        return Problem(where, "read", f"not valid UTF-8 ({bad}); re-save the file as UTF-8")
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as e:
        return Problem(where, "read", f"invalid JSON: {e.msg} at column {e.colno}")
    if not isinstance(rec, dict):
        return Problem(where, "read", f'expected a JSON object with a "text" field, got {type(rec).__name__}')
    body = rec.get("text")
    if body is None:
        return Problem(where, "read", 'missing "text" field')
    if not isinstance(body, str):
        return Problem(where, "read", f'"text" must be a string, got {type(body).__name__}')
    if not body.strip():
        return Problem(where, "read", 'empty "text"')
    url = _str(rec.get("url"))
    lang = _str(rec.get("lang"))
    return make_article(
        body,
        source=where,
        url=url or f"{base}#line={n}",
        config=config,
        reader="jsonl",
        title=_str(rec.get("title")),
        published=normalise_date(rec.get("published")),
        publisher=_str(rec.get("publisher")),
        lang=normalise_tag(lang) if lang else None,
    )


def _bounded_lines(f, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield ``(line_number, line, size)``; ``line`` is None for a line over ``limit`` bytes,
    which is skipped without ever holding more than ``limit`` bytes of it in memory."""
    n = 0
    while True:
        chunk = f.readline(limit + 1)
        if not chunk:
            return
        n += 1
        if len(chunk) <= limit or chunk.endswith(b"\n"):
            yield n, chunk, len(chunk)
            continue
        size = len(chunk)
        while chunk and not chunk.endswith(b"\n"):
            chunk = f.readline(1 << 20)
            size += len(chunk)
        yield n, None, size


def _too_big(size: int, limit: int) -> InputError:
    try:
        check_size(size, limit)
    except InputError as e:
        return InputError("record" + e.message[4:], hint=e.hint)
    return InputError("record too big")


def _str(v: Any) -> str | None:
    if v is None or isinstance(v, (dict, list)):
        return None
    s = str(v).strip()
    return s or None


def _has_prose(text: str, min_words: int) -> bool:
    words = text.split()
    if len(words) < min_words:
        return False
    return any(
        len(ln.split()) >= 8 and (ln.rstrip().endswith((".", "!", "?", '"', "”", "»")) or len(ln) >= 80)
        for ln in text.splitlines()
    )


def _file_uri(path: Path) -> str:
    return path.resolve().as_uri()
