"""One fact per claim: the annotation guide counts one Deployment per (agent, troop count, claimant)
and one Agreement per set of parties in an article; a claim shared by coordinated claimants
("jumlah yang dikutip oleh X dan Y") is one claim each.

``one_per_claim`` runs twice: in the decoder on surface names, and after linking on actor identity.
"""

from __future__ import annotations

from typing import Callable, Optional

from kg.doc import Event, Mention


def one_per_claim(events: list[Event], ident: Callable[[Mention], str]) -> list[Event]:
    """One Deployment per (agent, troop count, claimant) and one Agreement per set of parties in an
    article: the same claim or pact told again in later sentences is kept once, the most complete copy.
    ``ident`` names an actor: its lower-cased text in the decoder, its link key once linked (so
    "Pyongyang" and "Korea Utara" are one agent).

    >>> nk, py = Mention(0, 11, "Korea Utara", "Country"), Mention(20, 29, "Pyongyang", "Country")
    >>> evs = [Event("Deployment", 0, 1, "a", agent=nk), Event("Deployment", 2, 3, "b", agent=py)]
    >>> len(one_per_claim(evs, lambda m: m.text)), len(one_per_claim(evs, lambda m: "Q423"))
    (2, 1)
    """
    def name(m: Optional[Mention]) -> Optional[str]:
        return ident(m) if m is not None else None

    def key(ev: Event) -> tuple:
        return (name(ev.agent), ev.troop_count, name(ev.claimant))

    best: dict[tuple, Event] = {}
    for ev in events:
        if ev.kind != "Deployment":
            continue
        k = key(ev)
        cur = best.get(k)
        fill = lambda e: (e.destination is not None) + (e.in_support_of is not None) + (e.date is not None)  # noqa: E731
        if cur is None or fill(ev) > fill(cur):
            best[k] = ev
    pacts: dict[frozenset, Event] = {}  # the same pact told again is one Agreement
    for ev in events:
        if ev.kind == "Agreement":
            k = frozenset(name(m) for m in ev.parties)
            cur = pacts.get(k)
            if cur is None or (ev.name is not None) + (ev.date is not None) > (cur.name is not None) + (cur.date is not None):
                pacts[k] = ev
    keep = {id(e) for e in list(best.values()) + list(pacts.values())}
    return [e for e in events if e.kind == "Statement" or id(e) in keep]
