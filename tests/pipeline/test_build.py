"""The build pipeline end to end on real parts (ingest, segment, link, RDF, pyoxigraph store),
driven by a hand-built extractor output so it does not depend on the trained model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgrun import BOOT, HERE, run_kg

from kg.pipeline import build

EXTRACTOR = ["--set", "extractor=tests.extractor.fixture.v1"]


def quads(store: Path) -> list[str]:
    """The store's quads as sorted N-Quads lines; blank nodes (only the ontology's OWL lists have
    them) are renamed per load, so they are compared by count, not by label."""
    s = ox.Store.read_only(str(store))
    out = []
    for q in s:
        line = str(q)
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            line = "<blank-node quad in " + str(q.graph_name) + ">"
        out.append(line)
    return sorted(out)


def count_articles(store: Path) -> int:
    s = ox.Store.read_only(str(store))
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/warta/ontology#Article> }"
    return int(next(iter(s.query(q, use_default_graph_as_union=True)))["n"].value)


def test_build_writes_every_article_with_its_facts(articles_dir, fixture_config, tmp_path):
    report = build([str(articles_dir)], fixture_config, store=str(tmp_path / "store"))
    assert report.ok, report.problems
    assert len(report.articles) == 2
    s = ox.Store.read_only(str(tmp_path / "store"))
    rows = list(s.query(
        """PREFIX kg: <https://w3id.org/warta/ontology#>
        SELECT ?n ?q WHERE { ?d a kg:Deployment ; kg:troopCount ?n ; kg:countQualifier ?q } ORDER BY ?n""",
        use_default_graph_as_union=True,
    ))
    assert [(int(r["n"].value), r["q"].value.rsplit("#", 1)[1]) for r in rows] == [(1500, "About"), (10000, "AtLeast")]
    # one named graph per article, plus the ontology graph
    graphs = {g.value for g in s.named_graphs()}
    assert sum(g.startswith("https://w3id.org/warta/resource/graph/") for g in graphs) == 2
    assert "https://w3id.org/warta/ontology" in graphs


def test_rebuild_is_idempotent(articles_dir, fixture_config, tmp_path):
    store = tmp_path / "store"
    first = build([str(articles_dir)], fixture_config, store=str(store))
    before = quads(store)
    second = build([str(articles_dir)], fixture_config, store=str(store))
    assert len(first.articles) == 2 and len(second.articles) == 0 and len(second.unchanged) == 2
    assert quads(store) == before


def test_changed_article_replaces_its_graph(articles_dir, fixture_config, tmp_path):
    store = tmp_path / "store"
    build([str(articles_dir)], fixture_config, store=str(store))
    f = articles_dir / "kursk-en.txt"
    old = f.read_text(encoding="utf-8")
    f.write_text(old.replace("US says", "Washington says"), encoding="utf-8")
    report = build([str(articles_dir)], fixture_config, store=str(store))
    assert report.replaced == 1 and len(report.unchanged) == 1
    assert count_articles(store) == 2  # the old version is gone, not kept beside the new one
    s = ox.Store.read_only(str(store))
    q = f"""PREFIX kg: <https://w3id.org/warta/ontology#> PREFIX schema: <http://schema.org/>
    SELECT ?sha WHERE {{ ?a kg:sha256 ?sha ; schema:url <{f.resolve().as_uri()}> }}"""
    shas = [r["sha"].value for r in s.query(q, use_default_graph_as_union=True)]
    assert shas == [report.articles[0].sha256]


def test_bad_inputs_are_named_and_the_batch_goes_on(articles_dir, tmp_path):
    (articles_dir / "empty.txt").write_bytes(b"")
    (articles_dir / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (articles_dir / "latin1.txt").write_bytes("Le ministre a déclaré que les troupes sont arrivées à Beyrouth jeudi.".encode("latin-1"))
    (articles_dir / "soup.html").write_text("<html><body><nav><a href='/'>Home</a></nav><div></div></body></html>")
    huge = articles_dir / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    r = run_kg(*EXTRACTOR, "build", str(articles_dir), "--store", str(tmp_path / "store"), "--no-progress")
    assert r.returncode == 1, r.stderr
    err = r.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "soup.html", "huge.txt"):
        assert name in err, f"{name} not reported:\n{err}"
    assert "2 article(s) written" in r.stdout
    assert count_articles(tmp_path / "store") == 2


def many_articles(tmp_path: Path, n: int = 40) -> Path:
    """``n`` distinct copies of one fixture article (a build long enough to be interrupted)."""
    src = tmp_path / "many"
    src.mkdir()
    base = (HERE / "data" / "kursk-id.txt").read_text(encoding="utf-8")
    for i in range(n):
        (src / f"a{i:02d}.txt").write_text(base + f"\nCatatan redaksi nomor {i}.\n", encoding="utf-8")
    return src


def test_sigkill_mid_build_then_rerun_equals_uninterrupted_build(tmp_path):
    src = many_articles(tmp_path)

    ref = tmp_path / "ref"
    r = run_kg(*EXTRACTOR, "build", str(src), "--store", str(ref), "--no-progress")
    assert r.returncode == 0, r.stderr

    killed = tmp_path / "killed"
    boot = [sys.executable, "-c", BOOT.format(here=str(HERE))]
    p = subprocess.Popen(
        boot + [*EXTRACTOR, "build", str(src), "--store", str(killed), "--no-progress"],
        env={**os.environ, "WARTA_TEST_EXTRACT_DELAY": "0.15"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    time.sleep(5.0)  # startup ~1-2 s, then 2.4 s per batch of 16 articles: dies inside the 2nd or 3rd batch
    assert p.poll() is None, "build finished before it could be killed; raise the delay"
    p.send_signal(signal.SIGKILL)
    p.wait()
    partial = count_articles(killed)
    assert 0 <= partial < 40
    r = run_kg(*EXTRACTOR, "build", str(src), "--store", str(killed), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert quads(killed) == quads(ref)


def test_unsupported_language_is_ingested_with_a_warning(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ru.txt").write_text(
        "Министр обороны заявил в четверг, что войска прибыли в город. Он добавил, что переговоры продолжаются.\n",
        encoding="utf-8",
    )
    r = run_kg(*EXTRACTOR, "build", str(src), "--store", str(tmp_path / "store"), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert "ru.txt" in r.stderr and "language 'ru' is not supported" in r.stderr
    assert count_articles(tmp_path / "store") == 1


def test_problem_lines_show_file_names_as_they_are(articles_dir, tmp_path):
    """Rich markup in a file name is printed, not interpreted; control characters are shown escaped."""
    (articles_dir / "laporan [draft] v2.txt").write_bytes(b"")
    (articles_dir / "missing[").mkdir()
    (articles_dir / "missing[" / "]x.txt").write_bytes(b"")
    (articles_dir / "bell\x07.txt").write_bytes(b"")
    (articles_dir / "red\x1b[31m.txt").write_bytes(b"")  # an ANSI colour escape
    (articles_dir / "two\nlines.txt").write_bytes(b"")  # a newline: one problem, one line
    r = run_kg(*EXTRACTOR, "build", str(articles_dir), "--store", str(tmp_path / "store"), "--no-progress")
    assert r.returncode == 1, r.stderr
    assert "laporan [draft] v2.txt" in r.stderr
    assert "missing[/]x.txt" in r.stderr
    assert "bell\\x07.txt" in r.stderr and "\x07" not in r.stderr
    assert "red\\x1b[31m.txt" in r.stderr and "\x1b" not in r.stderr
    assert any(line.endswith("two\\nlines.txt [read]: empty file") for line in r.stderr.splitlines()), r.stderr
    assert "MarkupError" not in r.stderr


def test_config_file_problems_name_the_file(tmp_path):
    r = run_kg("--config", str(tmp_path / "missing.toml"), "build", str(tmp_path), "--store", str(tmp_path / "s"))
    assert r.returncode == 2 and "missing.toml" in r.stderr and "does not exist" in r.stderr
    bad = tmp_path / "warta.toml"
    bad.write_text('stor = "x"\n', encoding="utf-8")
    r = run_kg("--config", str(bad), "build", str(tmp_path), "--store", str(tmp_path / "s"))
    assert r.returncode == 2 and "warta.toml" in r.stderr and "'stor'" in r.stderr


def test_ctrl_c_mid_build_says_what_happened(tmp_path):
    src = many_articles(tmp_path)
    boot = [sys.executable, "-c", BOOT.format(here=str(HERE))]
    p = subprocess.Popen(
        boot + [*EXTRACTOR, "build", str(src), "--store", str(tmp_path / "s"), "--no-progress"],
        env={**os.environ, "WARTA_TEST_EXTRACT_DELAY": "0.15"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(4.0)
    assert p.poll() is None, "build finished before it could be interrupted; raise the delay"
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130
    assert "interrupted" in err and "run the same command again to resume" in err
    assert "Traceback" not in err
    # it says how many articles were committed, and that number is what the store holds
    import re

    m = re.search(r"interrupted: (\d+) article\(s\) committed, each complete(?:; (\d+) still to build)?", " ".join(err.split()))
    assert m, err
    committed = int(m.group(1))
    assert committed == (count_articles(tmp_path / "s") if (tmp_path / "s").exists() else 0)
    if m.group(2):  # counted once the work was planned (a very early Ctrl-C comes before that)
        assert committed + int(m.group(2)) == 40
    r = run_kg(*EXTRACTOR, "build", str(src), "--store", str(tmp_path / "s"), "--no-progress")
    assert r.returncode == 0 and f"{40 - committed} article(s) written" in r.stdout and f"{committed} unchanged" in r.stdout


def test_a_build_of_nothing_readable_creates_no_store(tmp_path):
    r = run_kg(*EXTRACTOR, "build", str(tmp_path / "no-such-folder"), "--store", str(tmp_path / "store"), "--no-progress")
    assert r.returncode == 1 and "no-such-folder" in r.stderr
    assert not (tmp_path / "store").exists()


def test_a_rebuild_with_other_settings_extracts_again(articles_dir, fixture_config, tmp_path):
    """Only the text's sha256 used to decide: a retrained model or changed rules kept every old
    article. Now an article built with another model or settings is extracted again."""
    store = tmp_path / "store"
    first = build([str(articles_dir)], fixture_config, store=str(store))
    n = len(first.articles)
    assert n > 0 and first.stale == 0
    again = build([str(articles_dir)], fixture_config, store=str(store))
    assert len(again.articles) == 0 and len(again.unchanged) == n and again.stale == 0
    other = build([str(articles_dir)], fixture_config.replace(rules="none"), store=str(store))
    assert other.stale == n and len(other.articles) == n
    assert count_articles(store) == n  # replaced, never duplicated
    settled = build([str(articles_dir)], fixture_config.replace(rules="none"), store=str(store))
    assert len(settled.articles) == 0 and settled.stale == 0


def test_a_new_mapping_version_extracts_stored_articles_again(articles_dir, fixture_config, tmp_path,
                                                            monkeypatch):
    """The RDF mapping is part of the build signature (kg:configHash): a store written by an
    older mapping (e.g. before skos:prefLabel) is extracted again, not kept."""
    import kg.config

    store = tmp_path / "store"
    monkeypatch.setattr(kg.config, "MAPPING_VERSION", kg.config.MAPPING_VERSION - 1)
    old_hash = fixture_config.hash
    n = len(build([str(articles_dir)], fixture_config, store=str(store)).articles)
    monkeypatch.undo()
    assert fixture_config.hash != old_hash
    again = build([str(articles_dir)], fixture_config, store=str(store))
    assert n > 0 and again.stale == n and len(again.articles) == n


def test_a_syndicated_copy_is_recorded_on_the_stored_article(articles_dir, fixture_config, tmp_path):
    """The same text from another source is not silently dropped: its URL goes on the article
    already stored (schema:sameAs) and the report names it; re-running adds nothing twice."""
    store = tmp_path / "store"
    src = sorted(articles_dir.glob("*.txt"))[0]
    copy_dir = tmp_path / "wire"
    copy_dir.mkdir()
    (copy_dir / "copy-of-story.txt").write_bytes(src.read_bytes())
    first = build([str(articles_dir), str(copy_dir)], fixture_config, store=str(store))
    assert [d.source for d in first.duplicates] == [str(copy_dir / "copy-of-story.txt")]
    assert first.unchanged == []  # a fresh store: the copy is a duplicate, not an "unchanged" article
    again = build([str(articles_dir), str(copy_dir)], fixture_config, store=str(store))
    assert again.duplicates == [] and len(again.articles) == 0
    assert len(again.unchanged) == len(first.articles) + 1  # its source is known now: nothing new
    s = ox.Store.read_only(str(store))
    q = "SELECT ?u WHERE { ?a <http://schema.org/sameAs> ?u }"
    urls = [r["u"].value for r in s.query(q, use_default_graph_as_union=True)]
    assert len(urls) == 1 and urls[0].endswith("copy-of-story.txt")


def test_the_summary_counts_a_syndicated_copy_as_a_duplicate_not_as_unchanged(articles_dir, tmp_path):
    """Issue 13: copies of a text from another source counted as "unchanged" even in a fresh store."""
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "copy.txt").write_bytes((articles_dir / "kursk-en.txt").read_bytes())
    r = run_kg(*EXTRACTOR, "build", str(articles_dir / "kursk-en.txt"), str(wire), "--store", str(tmp_path / "s"),
               "--no-progress")
    assert r.returncode == 0, r.stderr
    out = " ".join(r.stdout.split())
    assert "1 article(s) written (0 replaced), 0 unchanged, 1 duplicate(s) of a stored text" in out, out
    assert "copy.txt" in r.stderr and "schema:sameAs" in r.stderr


def test_the_max_bytes_hint_works_as_printed(tmp_path):
    """The size hint used to say `--set max_bytes=N`, which fails after the command name: the
    printed command now runs as it is written."""
    import re
    import shlex

    src = tmp_path / "in"
    src.mkdir()
    (src / "long.txt").write_bytes((HERE / "data" / "kursk-id.txt").read_bytes())
    r = run_kg(*EXTRACTOR, "--set", "max_bytes=200", "build", str(src), "--store", str(tmp_path / "s"), "--no-progress")
    assert r.returncode == 1 and "long.txt" in r.stderr
    hint = re.search(r"raise the limit: (kg .*?) build \.\.\.", r.stderr.replace("\n", " "))
    assert hint, r.stderr
    args = shlex.split(hint.group(1))[1:]  # drop "kg"
    r2 = run_kg(*EXTRACTOR, *args, "build", str(src), "--store", str(tmp_path / "s"), "--no-progress")
    assert r2.returncode == 0, r2.stderr
    assert "1 article(s) written" in r2.stdout


def _long_article(tmp_path: Path, copies: int = 40) -> Path:
    src = tmp_path / "long"
    src.mkdir(exist_ok=True)
    base = (HERE / "data" / "kursk-id.txt").read_text(encoding="utf-8").strip()
    paras = [f"{base} Catatan redaksi nomor {i}." for i in range(copies)]
    (src / "long.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return src


def test_a_long_article_is_extracted_in_sections_with_the_same_facts(tmp_path, fixture_config):
    """An article over section_chars is extracted a section at a time (bounded memory), with a
    progress note per section, and yields the same graph as in one pass."""
    src = _long_article(tmp_path)
    whole = build([str(src)], fixture_config.replace(store=str(tmp_path / "one")), store=str(tmp_path / "one"))
    notes: list[tuple[str, str]] = []
    cut = fixture_config.replace(section_chars=2000)
    parts = build([str(src)], cut, store=str(tmp_path / "cut"), on_note=lambda s, w: notes.append((s, w)))
    assert parts.ok and len(parts.articles) == 1
    assert len(notes) > 5 and all(s.endswith("long.txt") for s, _ in notes)
    assert notes[0][1].startswith("section 1 of ") and notes[-1][1].startswith(f"section {len(notes)} of {len(notes)} ")
    assert len(whole.articles[0].events) == len(parts.articles[0].events) > 40
    art = parts.articles[0]
    assert all(art.text[e.start:e.end] == e.evidence for e in art.events)
    assert all(art.text[m.start:m.end] == m.text for m in art.mentions)
    assert quads(tmp_path / "one") == quads(tmp_path / "cut")


def test_an_article_over_the_time_budget_is_reported_and_the_batch_goes_on(tmp_path, articles_dir):
    src = _long_article(tmp_path)
    store = tmp_path / "s"
    r = run_kg(*EXTRACTOR, "--set", "section_chars=2000", "--set", "doc_seconds=0", "build", str(src),
               str(articles_dir / "kursk-en.txt"), "--store", str(store), "--no-progress")
    assert r.returncode == 1, r.stderr
    err = " ".join(r.stderr.split())
    assert "long.txt [extract]: stopped after section 1 of" in err and "per-document budget of 0s" in err
    assert "kg --set doc_seconds=" in err
    assert "1 article(s) written" in r.stdout and count_articles(store) == 1


@pytest.mark.server
def test_a_build_into_a_read_only_server_is_refused_before_any_extraction(tmp_path, articles_dir):
    """The ontology being on the server already used to mean no write until the first article:
    every article was extracted, then each refused. Now the refusal comes first, once."""
    sys.path.insert(0, str(HERE.parent / "store"))
    from store_helpers import KgServe

    store = tmp_path / "s"
    r = run_kg(*EXTRACTOR, "build", str(articles_dir / "kursk-id.txt"), "--store", str(store), "--no-progress")
    assert r.returncode == 0, r.stderr
    server = KgServe(store)  # read-only by default
    try:
        r = run_kg(*EXTRACTOR, "build", str(articles_dir / "kursk-en.txt"), "--endpoint", server.base, "--no-progress")
    finally:
        server.stop()
    assert r.returncode == 2, r.stdout + r.stderr
    assert "refused" in r.stderr and "--writable" in r.stderr
    assert "[store]" not in r.stderr and "article(s) written" not in r.stdout


def test_the_summary_shows_the_store_path_as_typed(tmp_path, articles_dir):
    store = tmp_path / "store [v2] [bold]x"
    r = run_kg(*EXTRACTOR, "build", str(articles_dir / "kursk-en.txt"), "--store", str(store), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert str(store) in r.stdout.replace("\n", "")
