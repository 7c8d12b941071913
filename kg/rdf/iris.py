"""Instance IRIs that every part of Warta agrees on (see ONTOLOGY.md and the identity rules).

>>> iris = Iris("https://w3id.org/warta/resource/")
>>> iris.article("28e50903b207a360").value
'https://w3id.org/warta/resource/article/28e50903b207a360'
>>> iris.graph("28e50903b207a360").value
'https://w3id.org/warta/resource/graph/28e50903b207a360'
>>> iris.node("Country", "Q423").value
'https://w3id.org/warta/resource/actor/Q423'
>>> iris.node("Place", "Q3178").value
'https://w3id.org/warta/resource/place/Q3178'
>>> iris.event("28e50903b207a360", "Deployment", 0).value
'https://w3id.org/warta/resource/event/28e50903b207a360-deployment-0'
>>> slugify("Choe Son Hui"), slugify("Zelenskyy, Volodymyr"), slugify("Ким Чен Ын")
('choe-son-hui', 'zelenskyy-volodymyr', 'ким-чен-ын')
>>> shorten("https://w3id.org/warta/resource/event/x-statement-1")
'kgr:event/x-statement-1'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from pyoxigraph import NamedNode

from kg.rdf.namespaces import PREFIXES

ACTOR_NODE_TYPES = ("Person", "Organization", "Country")
PLACE_NODE_TYPES = ("Place",)

# Characters that may not appear raw in an IRI (RFC 3987) or would change its meaning.
_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`#?%\x7f]')


def slugify(text: str) -> str:
    """A stable, IRI-safe name key: accents dropped, lower case, words joined by ``-``.

    Letters of any script are kept (IRIs allow them); an empty result falls back to a short hash.
    """
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(c for c in norm if not unicodedata.combining(c))
    slug = re.sub(r"[\W_]+", "-", norm.casefold()).strip("-")
    if not slug:
        slug = "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return slug


def fallback_key(type_: str, text: str) -> str:
    """The key of a mention no linker has seen, e.g. ``person/choe-son-hui``: the linkers' own
    unlinked key (:func:`kg.link.keys.fallback_key`), so both paths name an actor alike."""
    from kg.link.keys import fallback_key as linker_key

    return linker_key(type_, text)


def _safe(part: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), part)


class Iris:
    """Mints the IRIs under one base (``Config.base_iri``)."""

    def __init__(self, base: str):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, path: str) -> NamedNode:
        return NamedNode(self.base + _safe(path))

    def article(self, article_id: str) -> NamedNode:
        return self._iri(f"article/{article_id}")

    def graph(self, article_id: str) -> NamedNode:
        """The named graph holding everything extracted from one article."""
        return self._iri(f"graph/{article_id}")

    def activity(self, article_id: str) -> NamedNode:
        """The prov:Activity (the build) that wrote the article's graph."""
        return self._iri(f"activity/{article_id}")

    def actor(self, key: str) -> NamedNode:
        return self._iri(f"actor/{key}")

    def place(self, key: str) -> NamedNode:
        return self._iri(f"place/{key}")

    def node(self, type_: str, key: str) -> NamedNode:
        """``kgr:place/<key>`` for a Place, ``kgr:actor/<key>`` for Person/Organization/Country."""
        return self.place(key) if type_ in PLACE_NODE_TYPES else self.actor(key)

    def event(self, article_id: str, kind: str, n: int) -> NamedNode:
        """``kgr:event/<article id>-<kind lower>-<n>``, n = index among the article's sorted events."""
        return self._iri(f"event/{article_id}-{kind.lower()}-{n}")


def shorten(iri: str, base: str | None = None) -> str:
    """``kgr:event/...`` / ``kg:speaker`` style CURIE for messages; the IRI in <> if no prefix fits."""
    prefixes = dict(PREFIXES)
    if base:
        prefixes["kgr"] = base
    for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"
