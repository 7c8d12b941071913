"""The linker repairs the extractor's type slips with document context, never across Person."""

from kg.config import Config
from kg.doc import Article, Mention
from kg.link.offline import OfflineLinker


def _article(text: str, spans: list[tuple[str, str]]) -> Article:
    a = Article.from_text(text, source="mem:t", lang="id")
    pos = 0
    for surface, typ in spans:
        i = text.index(surface, pos)
        a.mentions.append(Mention(i, i + len(surface), surface, typ))
        pos = i + len(surface)
    return a


def test_surname_mistyped_as_organisation_joins_the_person():
    a = _article("Presiden Vladimir Putin menerima tamu. Putin lalu berbicara.",
                 [("Vladimir Putin", "Person"), ("Putin", "Organization")])
    OfflineLinker(config=Config()).link(a)
    full, short = a.mentions
    assert short.link.key == full.link.key == "Q7747"
    assert short.link.type == "Person"


def test_state_name_typed_organisation_is_the_state_but_person_never_is():
    a = _article("Rusia mengatakan hal itu. Rusia tersenyum.",
                 [("Rusia", "Organization"), ("Rusia", "Person")])
    OfflineLinker(config=Config()).link(a)
    org, person = a.mentions
    assert (org.link.qid, org.link.type) == ("Q159", "Country")
    assert person.link.qid is None and person.link.type == "Person"


def test_a_nationality_adjective_typed_organisation_is_its_state_but_person_never_is():
    """"Die libanesische Armee hat ... stationiert": the adjective left as the acting body's whole
    name stands for the state; typed Person it stays a person's name."""
    a = _article("Die libanesische Armee hat 6.000 Soldaten stationiert. Le gouvernement mexicain envoie 1 800 gardes. mexicain",
                 [("libanesische", "Organization"), ("mexicain", "Organization"), ("mexicain", "Person")])
    OfflineLinker(config=Config()).link(a)
    lebanon, mexico, person = a.mentions
    assert (lebanon.link.qid, lebanon.link.type) == ("Q822", "Country")
    assert (mexico.link.qid, mexico.link.type) == ("Q96", "Country")
    assert person.link.qid is None and person.link.type == "Person"


def test_a_capitalised_nationality_word_typed_organisation_is_not_taken_for_the_state():
    """Newspapers ("The Australian", "El Colombiano") and a surname the extractor mistyped
    ("Alemán" after "Arnoldo Alemán") keep their own keys."""
    a = _article("The Australian melaporkan. El Colombiano menulis. Presiden Arnoldo Alemán tiba. Alemán berbicara.",
                 [("The Australian", "Organization"), ("El Colombiano", "Organization"),
                  ("Arnoldo Alemán", "Person"), ("Alemán", "Organization")])
    OfflineLinker(config=Config()).link(a)
    paper, diario, full, short = a.mentions
    assert paper.link.qid is None and diario.link.qid is None
    assert short.link.key == full.link.key and short.link.type == "Person"


def test_a_surname_alone_does_not_merge_two_unrelated_single_names():
    a = _article("Kim tiba. Kim pergi.", [("Kim", "Person"), ("Kim", "Organization")])
    OfflineLinker(config=Config()).link(a)
    assert a.mentions[1].link.type == "Organization"
