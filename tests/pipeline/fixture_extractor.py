"""A hand-built extractor output for pipeline tests: NEVER shipped as a default.

It replays annotations written by hand in ``annotations.json`` (surface strings with types, and
events located by an evidence substring), so the pipeline, store and RDF tests do not depend on
the trained model. Registered under ``tests.extractor.fixture.v1`` by ``register()``.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

from kg.doc import Article, Event, Mention

ANNOTATIONS = Path(__file__).with_name("annotations.json")
NAME = "tests.extractor.fixture.v1"


class FixtureExtractor:
    name = NAME
    version = "fixture 1"

    def __init__(self, config=None, model_path=None):
        self.ann = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
        # A per-article delay lets the SIGKILL test stop a build in the middle.
        self.delay = float(os.environ.get("WARTA_TEST_EXTRACT_DELAY", "0"))

    def extract(self, articles: list[Article]) -> None:
        names = sorted(self.ann["mentions"], key=lambda m: -len(m["text"]))
        for art in articles:
            if self.delay:
                time.sleep(self.delay)
            art.mentions, art.events = [], []
            for s in art.sentences:
                taken: list[tuple[int, int]] = []
                for m in names:
                    for hit in re.finditer(r"\b" + re.escape(m["text"]) + r"\b", s.text):
                        a, b = s.start + hit.start(), s.start + hit.end()
                        if any(a < y and x < b for x, y in taken):
                            continue
                        taken.append((a, b))
                        art.mentions.append(Mention(a, b, m["text"], m["type"], 0.99, s.index))
                art.mentions.sort(key=lambda m: m.start)
                in_sentence = [m for m in art.mentions if m.sentence == s.index]
                for ev in self.ann["events"]:
                    pos = s.text.find(ev["evidence"])
                    if pos < 0:
                        continue

                    def role(text):
                        return next((m for m in in_sentence if m.text == text), None) if text else None

                    a = s.start + pos
                    art.events.append(
                        Event(
                            kind=ev["kind"], start=a, end=a + len(ev["evidence"]), evidence=ev["evidence"],
                            sentence=s.index, confidence=0.9, extractor=f"{NAME} ({self.version})",
                            modality=ev.get("modality", "Asserted"), claimant=role(ev.get("claimant")),
                            date=ev.get("date"), agent=role(ev.get("agent")), troop_count=ev.get("troop_count"),
                            qualifier=ev.get("qualifier"), destination=role(ev.get("destination")),
                            in_support_of=role(ev.get("in_support_of")), speaker=role(ev.get("speaker")),
                            text=ev.get("text"), is_quote=ev.get("is_quote"),
                            parties=[p for p in (role(x) for x in ev.get("parties", [])) if p],
                            name=ev.get("name"),
                        )
                    )


def register() -> None:
    from kg.registry import extractors

    extractors.register(NAME, FixtureExtractor)
