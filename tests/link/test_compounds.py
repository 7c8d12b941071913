"""``compound-names``: a hyphenated compound of states is those states, not one actor."""

from __future__ import annotations

from kg.config import Config
from kg.doc import Article, Event, Mention
from kg.link.offline import OfflineLinker


def _link(text: str, names: list[tuple[str, str]], events, rules: str = "all") -> Article:
    art = Article.from_text(text, source="mem", lang="en")
    art.mentions = [Mention(text.index(n), text.index(n) + len(n), n, t) for n, t in names]
    by = {m.text: m for m in art.mentions}
    art.events = [ev(by) for ev in events]
    OfflineLinker(config=Config().replace(rules=rules)).link(art)
    return art


TEXT = "Mexico and the United States signed the U.S.-Mexico border pact. The U.S.-Mexico team sent 300 troops."


def _events():
    return [lambda by: Event("Agreement", 0, 64, TEXT[:64], parties=[by["U.S.-Mexico"]], extractor="m (model only)"),
            lambda by: Event("Deployment", 65, len(TEXT), TEXT[65:], agent=by["U.S.-Mexico"], troop_count=300,
                             extractor="m (model only)")]


def test_a_compound_of_two_states_becomes_both_and_leaves_single_actor_roles():
    art = _link(TEXT, [("Mexico", "Country"), ("U.S.-Mexico", "Country")], _events())
    assert [(m.text, m.link.qid) for m in art.mentions] == [("Mexico", "Q96"), ("U.S.", "Q30"), ("Mexico", "Q96")]
    (agr,) = art.events  # the deployment had nobody left to deploy
    assert [p.link.qid for p in agr.parties] == ["Q30", "Q96"] and "compound-names" in agr.extractor


def test_switched_off_the_compound_stays_one_unlinked_actor():
    art = _link(TEXT, [("Mexico", "Country"), ("U.S.-Mexico", "Country")], _events(), rules="all,-compound-names")
    assert [m.text for m in art.mentions] == ["Mexico", "U.S.-Mexico"] and len(art.events) == 2


def test_a_hyphenated_state_name_is_one_state():
    art = _link("Guinea-Bissau sent 300 troops.", [("Guinea-Bissau", "Country")], [])
    assert [(m.text, m.link.qid) for m in art.mentions] == [("Guinea-Bissau", "Q1007")]


def test_a_compound_whose_parts_are_not_all_states_stays():
    art = _link("The Franco-Nordic Society met.", [("Franco-Nordic Society", "Organization")], [])
    assert [m.text for m in art.mentions] == ["Franco-Nordic Society"]
