"""The decoder's rules: named, registered, switchable components beside the model.

The model (mention BIO, role spans, trigger modality, sentence kinds) does the extraction; the
decoder groups its spans into events. The rules below repair or back up what the model leaves
out, each under a name, like spaCy keeps ``span_ruler`` apart from the statistical NER. Their
word lists live in :mod:`kg.extract.cues` (per language); none reads the training generator's
name lists or the linker's alias index.

``kg build --rules none`` runs the model alone; ``--rules all`` (the default) every rule; a comma
list (``--rules speech-verb-trigger,mention-filters``) or ``all,-name`` a selection. Every event
records the rules that shaped it in ``kg:extractedBy``; an event whose trigger a rule made gets
no model confidence.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    # mentions
    "demonym-agent": "a lower-case nationality next to a troop noun names the deploying state ('500 deutsche Soldaten')",
    "role-as-mention": "a role span that looks like a name but was not tagged becomes a mention",
    "mention-filters": "drop common words, title affiliations, photo credits, mastheads and datelines as actors",
    "compound-names": "after linking, a name the index does not know whose parts (split at hyphens, dashes, slashes) are each a different state ('AS-Meksiko', 'U.S.-Mexico', 'Liban-Israël') is those states: an agreement's party becomes the parties, a single-actor role loses it",
    "german-nouns": "in German, a capitalised word after a determiner or with a noun suffix is no name (unless the model is sure of it)",
    # deployments
    "count-trigger": "a troop count with an agent but no trigger makes a deployment ('ada 5.000 tentara X di Y')",
    "agent-backstops": "genitive ('pasukan X'), passive ('oleh X'), subject and referring ('mereka') agents",
    "carry-over-agent": "a deployment whose sentence names no agent ('A further 300 soldiers arrived overnight') is by the agent of the article's deployment in the last few sentences (thresholds carry_over_sentences, carry_over_needs_count)",
    "claimant-agent": "a deployment whose sentence names no agent but an institution as its source ('nach Angaben des ugandischen Verteidigungsministeriums sollen 1.200 Soldaten abgezogen werden') is by that institution, after carry-over-agent (force-to-state then makes it its state)",
    "force-to-state": "after linking, an agent the alias index knows as a state's force or defence ministry ('TNI', 'Pentagon'), or a force or ministry named with its state or its nationality adjective ('Ejército libanés', 'des ugandischen Verteidigungsministeriums'), is that state, when the article names it",
    "force-context-state": "with force-to-state, a force the alias index cannot place ('Guardia Nacional', 'ANT' defined as 'Armée nationale tchadienne (ANT)') is the one state its sentence names, else the state the article names far most often",
    "host-not-agent": "after linking, a deployment whose agent is the very span of its destination ('Lettland' read as both in '85 albanische Soldaten dienen in Lettland') is dropped: the model took the host for the sender",
    "headline-restated": "a headline's deployment that the body restates is one claim",
    # agreements
    "mediator-not-party": "a name after 'brokered by', 'dimediasi', 'sous l'égide de', 'unter Vermittlung', 'con la mediación de' (and the like) is no party",
    # statements
    "speech-verb-trigger": "a speech verb next to a named actor makes a statement the trigger head missed",
    "pronoun-speaker": "'dia', 'he', 'the minister' resolve to the nearest named speaker",
    "claimant-statements": "'menurut X' / 'X said' also makes a statement by X",
    "claimant-cues": "claimants after 'menurut', 'according to', 'selon', 'laut' and their coordinated partners",
}


class RuleSet:
    """Which rules are on: ``"all"``, ``"none"``, ``"a,b"``, or ``"all,-a,-b"``.

    >>> r = RuleSet("all,-pronoun-speaker")
    >>> "pronoun-speaker" in r, "mention-filters" in r
    (False, True)
    >>> RuleSet("none").names
    ()
    """

    def __init__(self, spec: str = "all"):
        on: set[str] = set()
        for part in [p.strip() for p in (spec or "all").split(",") if p.strip()]:
            if part == "all":
                on |= set(RULES)
            elif part == "none":
                on.clear()
            elif part.startswith("-") and part[1:] in RULES:
                on.discard(part[1:])
            elif part in RULES:
                on.add(part)
            else:
                raise ValueError(f"unknown rule {part!r} (known: all, none, {', '.join(RULES)})")
        self.names = tuple(n for n in RULES if n in on)
        self.spec = spec

    def __contains__(self, name: str) -> bool:
        if name not in RULES:
            raise KeyError(name)
        return name in self.names

    def __repr__(self) -> str:
        return f"RuleSet({','.join(self.names) or 'none'})"
