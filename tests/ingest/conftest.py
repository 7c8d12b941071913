"""Fixtures for the ingest tests: a config and a folder mixing good articles with bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.config import Config

from ingest_samples import EN_TEXT, EXAMPLES, HTML_SOUP, ID_TEXT, RU_TEXT


@pytest.fixture
def cfg() -> Config:
    return Config()


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Good and bad inputs side by side, as a user's download folder would look."""
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "good_id.txt").write_text(ID_TEXT, encoding="utf-8")
    (d / "sub" / "good_en.txt").write_text(EN_TEXT, encoding="utf-8")
    (d / "page.html").write_text((EXAMPLES / "en_03_garuda_arrive_lebanon.html").read_text(encoding="utf-8"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("Pasukan tiba di Beirut. Café et thé.".encode("latin-1"))
    (d / "big.txt").write_text("Pasukan tiba. " * 1000, encoding="utf-8")  # 14 kB > max_bytes below
    (d / "soup.html").write_text(HTML_SOUP, encoding="utf-8")
    (d / "russian.txt").write_text(RU_TEXT, encoding="utf-8")
    lines = [
        json.dumps({"text": EN_TEXT, "url": "https://news.example/a", "title": "Japan drills", "published": "2024-11-11T08:00:00Z"}),
        '{"text": "broken',
        json.dumps({"text": ID_TEXT, "lang": "id"}),
    ]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")  # unknown extension: skipped in a folder
    (d / ".hidden.txt").write_text(EN_TEXT, encoding="utf-8")  # hidden: skipped
    return d
