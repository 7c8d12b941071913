"""A force as a deployment's agent stands for its state (guide rule 13): ``force-to-state`` for
forces the alias index knows, ``force-context-state`` for those it cannot place."""

from __future__ import annotations

from kg.config import Config
from kg.doc import Article, Event
from kg.link.offline import OfflineLinker

from link_helpers import article


def _article(text: str, spans: list[tuple[str, str]], lang: str = "es") -> Article:
    return article(text, spans, lang)


def _deploy(a: Article, agent: str, sentence: str, count: int | None = None) -> Event:
    m = next(m for m in a.mentions if m.text == agent)
    s = a.text.index(sentence)
    ev = Event("Deployment", s, s + len(sentence), sentence, agent=m, troop_count=count, extractor="m (model only)")
    a.events.append(ev)
    return ev


TEXT = ("México reforzó su frontera norte. El gobierno de México confirmó el envío. "
        "Un contingente de 1.200 elementos de la Guardia Nacional arribó el domingo a Culiacán. "
        "Estados Unidos no comentó la medida.")
SPANS = [("México", "Country"), ("México", "Country"), ("Guardia Nacional", "Organization"),
         ("Culiacán", "Place"), ("Estados Unidos", "Country")]


def test_a_force_the_index_cannot_place_is_the_state_the_article_is_about():
    a = _article(TEXT, SPANS)
    ev = _deploy(a, "Guardia Nacional", "Un contingente de 1.200 elementos de la Guardia Nacional arribó el domingo a Culiacán.", 1200)
    OfflineLinker(config=Config()).link(a)
    assert ev.agent.link.qid == "Q96"  # Mexico: named twice, the United States once
    assert ev.unit == "Guardia Nacional"
    assert ev.rules == ["force-context-state"] and ev.extractor == "m + rules: force-context-state"


def test_without_the_rule_or_with_no_clear_state_the_force_stays_the_agent():
    a = _article(TEXT, SPANS)
    ev = _deploy(a, "Guardia Nacional", "Un contingente de 1.200 elementos de la Guardia Nacional arribó el domingo a Culiacán.")
    OfflineLinker(config=Config().replace(rules="all,-force-context-state")).link(a)
    assert ev.agent.text == "Guardia Nacional" and ev.rules == []

    even = ("México y Estados Unidos discuten. Un contingente de la Guardia Nacional arribó a Culiacán. "
            "México y Estados Unidos firmarán.")
    b = _article(even, [("México", "Country"), ("Estados Unidos", "Country"), ("Guardia Nacional", "Organization"),
                        ("Culiacán", "Place"), ("México", "Country"), ("Estados Unidos", "Country")])
    ev = _deploy(b, "Guardia Nacional", "Un contingente de la Guardia Nacional arribó a Culiacán.")
    OfflineLinker(config=Config()).link(b)
    assert ev.agent.text == "Guardia Nacional"  # two states named equally often: no guess


def test_an_organisation_that_is_no_force_is_left_alone():
    text = "México habló. México insistió. La Cruz Roja envió 40 voluntarios a Culiacán."
    a = _article(text, [("México", "Country"), ("México", "Country"), ("Cruz Roja", "Organization"), ("Culiacán", "Place")])
    ev = _deploy(a, "Cruz Roja", "La Cruz Roja envió 40 voluntarios a Culiacán.", 40)
    OfflineLinker(config=Config()).link(a)
    assert ev.agent.text == "Cruz Roja" and ev.rules == []


def test_an_acronym_defined_with_its_state_is_that_state():
    text = ("Angkatan Bersenjata Lebanon (LAF) menyambut kesepakatan itu. Israel menarik pasukan. "
            "LAF akan menambah sekitar 4.000 tentara di wilayah selatan.")
    a = _article(text, [("Lebanon", "Country"), ("LAF", "Organization"), ("Israel", "Country"), ("LAF", "Organization")],
                 lang="id")
    ev = _deploy(a, "LAF", "LAF akan menambah sekitar 4.000 tentara di wilayah selatan.", 4000)
    ev.agent = a.mentions[3]
    OfflineLinker(config=Config()).link(a)
    assert ev.agent.link.qid == "Q822"
    # the alias index now knows "LAF" as Lebanon's armed forces, so force-to-state places it; an
    # acronym it does not know is placed by the long form it was defined with
    assert ev.rules == ["force-to-state"]
    text = ("L'Armée nationale tchadienne (ANT) a salué l'accord. Le Tchad et le Soudan ont retiré des troupes. "
            "L'ANT déploiera environ 4 000 soldats dans l'est.")
    b = _article(text, [("ANT", "Organization"), ("Tchad", "Country"), ("Soudan", "Country"), ("ANT", "Organization")], lang="fr")
    ev = _deploy(b, "ANT", "L'ANT déploiera environ 4 000 soldats dans l'est.", 4000)
    ev.agent = b.mentions[3]
    OfflineLinker(config=Config()).link(b)
    assert ev.agent.link.qid == "Q657" and ev.rules == ["force-context-state"]


def test_a_deployment_whose_agent_is_its_own_destination_is_dropped():
    text = "Albanien ist Mitglied der NATO; derzeit dienen 85 albanische Soldaten in Lettland. Lettland dankte."
    spans = [("Albanien", "Country"), ("NATO", "Organization"), ("Lettland", "Country"), ("Lettland", "Country")]
    for rules, kept in (("all", 0), ("all,-host-not-agent", 1)):
        a = _article(text, spans, "de")
        host = [m for m in a.mentions if m.text == "Lettland"]
        ev = _deploy(a, "Lettland", "derzeit dienen 85 albanische Soldaten in Lettland.", 85)
        ev.destination = host[0]
        sent = _deploy(a, "Albanien", "derzeit dienen 85 albanische Soldaten in Lettland.", 85)
        sent.destination = host[0]
        OfflineLinker(config=Config().replace(rules=rules)).link(a)
        assert host[0].link.qid == "Q211"
        assert sent in a.events  # Albania to Latvia stays
        assert sum(e is ev for e in a.events) == kept
    home = "Benin hat 3.000 Soldaten in den Norden verlegt. Benin bleibt dort."
    b = _article(home, [("Benin", "Country"), ("Benin", "Country")], "de")
    dom = _deploy(b, "Benin", "Benin hat 3.000 Soldaten in den Norden verlegt.", 3000)
    dom.destination = b.mentions[1]  # the state named again as the destination: a domestic deployment
    OfflineLinker(config=Config()).link(b)
    assert dom in b.events


def test_an_unknown_ministry_or_army_named_with_a_nationality_adjective_is_that_state():
    # German and Spanish inflected adjectives of states the index has no force or ministry row for
    text = ("Uganda zieht Truppen ab. Nach Angaben des ugandischen Verteidigungsministeriums sollen "
            "rund 1.200 Soldaten abgezogen werden. Kenia schweigt.")
    a = _article(text, [("Uganda", "Country"), ("ugandischen Verteidigungsministeriums", "Organization"),
                        ("Kenia", "Country")], lang="de")
    ev = _deploy(a, "ugandischen Verteidigungsministeriums",
                 "Nach Angaben des ugandischen Verteidigungsministeriums sollen rund 1.200 Soldaten abgezogen werden.", 1200)
    OfflineLinker(config=Config()).link(a)
    assert ev.agent.text == "Uganda" and ev.agent.link.qid == "Q1036"
    assert ev.rules == ["force-to-state"]

    text = "Honduras responde. El Ejército hondureño desplegó 500 soldados en la frontera con Nicaragua."
    a = _article(text, [("Honduras", "Country"), ("Ejército hondureño", "Organization"), ("Nicaragua", "Country")])
    ev = _deploy(a, "Ejército hondureño", "El Ejército hondureño desplegó 500 soldados en la frontera con Nicaragua.", 500)
    OfflineLinker(config=Config()).link(a)
    assert ev.agent.link.qid == "Q783"  # Honduras, not Nicaragua


def test_a_body_naming_two_states_is_no_single_state():
    text = "Uganda y Kenia. El mando conjunto ugandés y keniano anunció el envío de 300 soldados."
    a = _article(text, [("Uganda", "Country"), ("Kenia", "Country"), ("mando conjunto ugandés y keniano", "Organization")])
    ev = _deploy(a, "mando conjunto ugandés y keniano",
                 "El mando conjunto ugandés y keniano anunció el envío de 300 soldados.", 300)
    OfflineLinker(config=Config()).link(a)
    assert ev.agent.text == "mando conjunto ugandés y keniano" and ev.rules == []


def test_an_army_either_congo_may_own_is_the_congo_the_article_names_never_the_article_s_main_state():
    """"l'armée congolaise", "Congolese army": the army of the DR Congo or of the Republic of the
    Congo, out of the alias index; the agent is the one Congo the article names, else the force
    stays the agent, even where another state dominates the article (Rwanda here)."""
    text = ("Rwanda accused Kinshasa. Rwanda said the Congolese army sent 500 troops to Goma. Rwanda protested.")
    spans = [("Rwanda", "Country"), ("Kinshasa", "Country"), ("Rwanda", "Country"), ("Congolese army", "Organization"),
             ("Goma", "Place"), ("Rwanda", "Country")]
    a = _article(text, spans, "en")
    ev = _deploy(a, "Congolese army", "Rwanda said the Congolese army sent 500 troops to Goma.", 500)
    OfflineLinker(config=Config()).link(a)
    assert (ev.agent.text, ev.agent.link.qid, ev.rules) == ("Kinshasa", "Q974", ["force-context-state"])

    fr = "La France a salué la mission. La France a promis une aide. L'armée congolaise a envoyé 500 soldats à Goma."
    b = _article(fr, [("France", "Country"), ("France", "Country"), ("armée congolaise", "Organization"),
                      ("Goma", "Place")], "fr")
    ev = _deploy(b, "armée congolaise", "L'armée congolaise a envoyé 500 soldats à Goma.", 500)
    OfflineLinker(config=Config()).link(b)
    assert ev.agent.text == "armée congolaise" and ev.rules == []  # not France
    from kg.link.index import load_ambiguous, load_index

    for name in ("armée congolaise", "Congolese army", "kongolesische Armee", "ejército congoleño", "Tentara Kongo"):
        assert not load_index().lookup(name) and name.lower().replace("é", "e").replace("ñ", "n") in load_ambiguous()
