"""``link_check``: link a few names the way a build would, for ``kg link-check``.

>>> from kg.config import Config
>>> [(l.key, l.qid) for l in link_check(["Vladimir Putin", "Putin"], Config(), type_="Person")]
[('Q7747', 'Q7747'), ('Q7747', 'Q7747')]
>>> link_check(["Pyongyang"], Config(), type_="Place")[0].qid
'Q18808'
"""

from __future__ import annotations

from kg.config import Config
from kg.doc import ACTOR_TYPES, Article, Link, Mention, Sentence
from kg.errors import LinkingError


def link_check(
    names: list[str],
    cfg: Config,
    *,
    type_: str = "Person",
    lang: str = "id",
    context: str | None = None,
    online: bool = False,
    explain: bool = True,
) -> list[Link]:
    """Link ``names`` (in one article, so surnames corefer) and return one Link per name.

    With ``explain`` (the default) each Link carries why it was decided in ``link.why``
    (a :class:`kg.link.explain.Explanation`).

    A name found in ``context`` is linked where it stands there; otherwise it is appended on a
    line of its own after the context.
    """
    if type_ not in ACTOR_TYPES:
        raise LinkingError(f"unknown type {type_!r}", hint="use one of: " + ", ".join(ACTOR_TYPES))
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        raise LinkingError("no name given", hint='e.g. kg link-check "Korea Utara" --type Country')
    text = context or ""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for n in names:
        i = text.find(n, pos) if text else -1
        if i < 0:
            text = (text + "\n" if text else "") + n
            i = len(text) - len(n)
        spans.append((i, i + len(n), n))
        pos = i + 1
    art = Article.from_text(text, source="kg link-check", lang=lang)
    start = 0
    for idx, line in enumerate(text.split("\n")):
        art.sentences.append(Sentence(idx, start, start + len(line), line))
        start += len(line) + 1
    for s, e, n in spans:
        sent = art.sentence_of(s)
        art.mentions.append(Mention(s, e, n, type_, sentence=sent.index if sent else -1))
    from kg import registry

    linker = registry.linkers.create("kg.linker.online.v1" if online else cfg.linker, config=cfg)
    linker.explain = explain
    linker.link(art)
    return [m.link for m in art.mentions]  # type: ignore[misc]
