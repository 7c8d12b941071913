"""The decoder groups role spans into events without the model (hand-set token scores)."""

from __future__ import annotations

import re

import numpy as np

from kg.doc import Article, Sentence
from kg.extract.config import KINDS, MODALITIES, ROLES, mention_labels
from kg.extract.decoder import Decoder, SentencePrediction

LABELS = mention_labels()


def _pred(index: int, start: int, text: str, mentions: dict[str, str], roles: dict[str, list[str]],
          kinds=(0.0, 0.0, 0.0), modality: dict[str, str] | None = None) -> SentencePrediction:
    """Token = word; ``mentions``/``roles`` map a phrase to a type / list of roles."""
    toks = [(m.start(), m.end()) for m in re.finditer(r"\w+(?:[.,]\d+)*|[^\w\s]", text)]
    mp = np.zeros((len(toks), len(LABELS)), np.float32)
    mp[:, 0] = 1.0
    rp = np.zeros((len(toks), 2 * len(ROLES)), np.float32)
    mo = np.zeros((len(toks), len(MODALITIES)), np.float32)
    mo[:, 0] = 1.0

    def idx(phrase):
        s = text.index(phrase)
        return [k for k, (a, b) in enumerate(toks) if a >= s and b <= s + len(phrase)]

    for phrase, typ in mentions.items():
        for j, k in enumerate(idx(phrase)):
            mp[k, 0] = 0.0
            mp[k, LABELS.index(("B-" if j == 0 else "I-") + typ)] = 0.95
    for phrase, rs in roles.items():
        for r in rs:
            ri = ROLES.index(r)
            for j, k in enumerate(idx(phrase)):
                if j == 0:
                    rp[k, 2 * ri] = 0.95
                rp[k, 2 * ri + 1] = 0.95
    for phrase, m in (modality or {}).items():
        k = idx(phrase)[0]
        mo[k] = 0.0
        mo[k, MODALITIES.index(m)] = 0.9
    return SentencePrediction(index, start, text, toks, mp, rp, mo, np.array(kinds, np.float32))


def _decoder():
    return Decoder(LABELS, ROLES, MODALITIES, KINDS)


def test_two_deployments_in_one_sentence_keep_their_own_counts_and_destinations():
    text = "Prancis mengirim 800 tentara ke Estonia, sementara Inggris mengerahkan sekitar 1.000 tentara ke Polandia."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text,
              {"Prancis": "CTRY", "Estonia": "CTRY", "Inggris": "CTRY", "Polandia": "CTRY"},
              {"Prancis": ["AGENT"], "mengirim": ["T_DEP"], "800": ["COUNT"], "Estonia": ["DEST"],
               "Inggris": ["AGENT"], "mengerahkan": ["T_DEP"], "sekitar 1.000": ["COUNT"], "Polandia": ["DEST"]},
              kinds=(0.99, 0.01, 0.0))
    _decoder().decode(art, [p])
    deps = {e.agent.text: e for e in art.events}
    assert set(deps) == {"Prancis", "Inggris"}
    assert (deps["Prancis"].troop_count, deps["Prancis"].qualifier, deps["Prancis"].destination.text) == (800, "Exact", "Estonia")
    assert (deps["Inggris"].troop_count, deps["Inggris"].qualifier, deps["Inggris"].destination.text) == (1000, "About", "Polandia")
    for m in art.mentions:
        assert art.text[m.start:m.end] == m.text


def test_pronoun_speaker_points_at_the_previous_sentence_mention():
    s1 = "Menteri Luar Negeri Kanada Mélanie Joly mengatakan situasi memburuk."
    s2 = "“Kami khawatir,” ujarnya."
    text = s1 + " " + s2
    art = Article.from_text(text, source="mem")
    art.sentences = [Sentence(0, 0, len(s1), s1), Sentence(1, len(s1) + 1, len(text), s2)]
    p1 = _pred(0, 0, s1, {"Kanada": "CTRY", "Mélanie Joly": "PER"},
               {"Mélanie Joly": ["SPEAKER"], "mengatakan": ["T_STMT"], "situasi memburuk": ["CONTENT"]}, kinds=(0, 0.98, 0))
    p2 = _pred(1, len(s1) + 1, s2, {}, {"ujarnya": ["T_STMT", "SPEAKER"], "Kami khawatir": ["CONTENT"]}, kinds=(0, 0.97, 0))
    _decoder().decode(art, [p1, p2])
    first, second = sorted((e for e in art.events if e.kind == "Statement"), key=lambda e: e.start)
    assert first.speaker.text == "Mélanie Joly"
    assert second.speaker is first.speaker
    assert second.is_quote is True and first.is_quote is False
    assert second.text == "Kami khawatir"


def test_claimant_modality_and_a_sentence_without_agent():
    text = "Menurut CNN, Iran mungkin mengirim 2.000 tentara ke Yaman. Sebanyak 500 tentara tewas."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text[:58], {"CNN": "ORG", "Iran": "CTRY", "Yaman": "CTRY"},
              {"CNN": ["CLAIMANT"], "Iran": ["AGENT"], "mengirim": ["T_DEP"], "2.000": ["COUNT"], "Yaman": ["DEST"]},
              kinds=(0.95, 0, 0), modality={"mengirim": "Possible"})
    q = _pred(1, 59, text[59:], {}, {}, kinds=(0.05, 0, 0))
    _decoder().decode(art, [p, q])
    (dep,) = art.events
    assert dep.claimant.text == "CNN" and dep.modality == "Possible" and dep.troop_count == 2000


def test_partitive_count_is_its_own_deployment_with_inherited_agent_and_claimant():
    text = ("Menurut PBB, 4.500 tentara Nepal ditempatkan di Lebanon, dengan sekitar 1.200 di antaranya "
            "berada di Naqoura.")
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text, {"PBB": "ORG", "Nepal": "CTRY", "Lebanon": "CTRY", "Naqoura": "LOC"},
              {"PBB": ["CLAIMANT"], "4.500": ["COUNT"], "Nepal": ["AGENT"], "ditempatkan": ["T_DEP"],
               "Lebanon": ["DEST"], "sekitar 1.200": ["COUNT"], "Naqoura": ["DEST"]}, kinds=(0.97, 0, 0))
    _decoder().decode(art, [p])
    deps = sorted((e for e in art.events if e.kind == "Deployment"), key=lambda e: e.troop_count)
    assert [(e.agent.text, e.troop_count, e.qualifier, e.destination.text, e.claimant.text) for e in deps] == [
        ("Nepal", 1200, "About", "Naqoura", "PBB"), ("Nepal", 4500, "Exact", "Lebanon", "PBB")]


def test_english_partitive_and_a_casualty_number_is_not_a_deployment():
    text = "Ghana has sent 900 troops to Mali, 300 of them in Gao, and 12 soldiers were killed."
    art = Article.from_text(text, source="mem", lang="en")
    p = _pred(0, 0, text, {"Ghana": "CTRY", "Mali": "CTRY", "Gao": "LOC"},
              {"Ghana": ["AGENT"], "sent": ["T_DEP"], "900": ["COUNT"], "Mali": ["DEST"], "300": ["COUNT"],
               "Gao": ["DEST"], "12": ["COUNT"]}, kinds=(0.97, 0, 0))
    _decoder().decode(art, [p])
    got = sorted((e.troop_count, e.destination.text if e.destination else None) for e in art.events)
    assert got == [(300, "Gao"), (900, "Mali")]


def test_appositive_speaker_far_from_the_verb():
    text = "Amara Okafor, Menteri Luar Negeri Nigeria, pada 3 Mei mengatakan bahwa perundingan berjalan baik."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text, {"Amara Okafor": "PER", "Nigeria": "CTRY"},
              {"mengatakan": ["T_STMT"], "perundingan berjalan baik": ["CONTENT"]}, kinds=(0, 0.95, 0))
    _decoder().decode(art, [p])
    (st,) = [e for e in art.events if e.kind == "Statement"]
    assert st.speaker.text == "Amara Okafor"


def test_an_outlet_that_reports_is_not_a_speaker():
    text = "Bloomberg melaporkan bahwa Chad mengirim 700 tentara ke Niger."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text, {"Bloomberg": "ORG", "Chad": "CTRY", "Niger": "CTRY"},
              {"Bloomberg": ["SPEAKER"], "melaporkan": ["T_STMT"], "Chad": ["AGENT"], "mengirim": ["T_DEP"],
               "700": ["COUNT"], "Niger": ["DEST"]}, kinds=(0.9, 0.6, 0))
    _decoder().decode(art, [p])
    assert [e.kind for e in art.events] == ["Deployment"]
    assert art.events[0].troop_count == 700


def test_partitive_count_the_model_missed_is_recovered_with_its_place():
    text = "Kini 3.000 tentara Turki berada di Siprus, dengan sekitar 900 di antaranya di wilayah Famagusta."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text, {"Turki": "CTRY", "Siprus": "CTRY", "Famagusta": "LOC"},
              {"3.000": ["COUNT"], "Turki": ["AGENT"], "berada": ["T_DEP"], "Siprus": ["DEST"]}, kinds=(0.96, 0, 0))
    _decoder().decode(art, [p])
    got = sorted((e.troop_count, e.qualifier, e.agent.text, e.destination.text) for e in art.events)
    assert got == [(900, "About", "Turki", "Famagusta"), (3000, "Exact", "Turki", "Siprus")]


def test_postposed_speaker_with_a_title_and_an_english_appositive():
    s1 = "Kini ada 600 tentara Italia di Libya, kata juru bicara militer Paolo Greco."
    s2 = "Ana Silva, the spokeswoman for the World Bank, said on Friday that the loan was approved."
    text = s1 + " " + s2
    art = Article.from_text(text, source="mem")
    art.sentences = [Sentence(0, 0, len(s1), s1), Sentence(1, len(s1) + 1, len(text), s2)]
    p1 = _pred(0, 0, s1, {"Italia": "CTRY", "Libya": "CTRY", "Paolo Greco": "PER"},
               {"600": ["COUNT"], "Italia": ["AGENT"], "Libya": ["DEST"]}, kinds=(0.95, 0.2, 0))
    p2 = _pred(1, len(s1) + 1, s2, {"Ana Silva": "PER", "World Bank": "ORG"}, {}, kinds=(0, 0.1, 0))
    _decoder().decode(art, [p1, p2])
    speakers = [e.speaker.text for e in sorted(art.events, key=lambda e: e.start) if e.kind == "Statement"]
    assert speakers == ["Paolo Greco", "Ana Silva"]


def test_materiel_is_not_a_troop_deployment_and_common_words_are_not_names():
    text = "Sumber mengatakan Iran mengirim ratusan rudal ke Yaman. Menurut sumber itu, pengiriman berlanjut."
    art = Article.from_text(text, source="mem")
    s1, s2 = text[:55], text[56:]
    art.sentences = [Sentence(0, 0, 55, s1), Sentence(1, 56, len(text), s2)]
    p1 = _pred(0, 0, s1, {"Sumber": "PER", "Iran": "CTRY", "Yaman": "CTRY"},
               {"Sumber": ["SPEAKER"], "mengatakan": ["T_STMT"], "Iran": ["AGENT"], "mengirim": ["T_DEP"], "Yaman": ["DEST"]},
               kinds=(0.9, 0.9, 0))
    p2 = _pred(1, 56, s2, {}, {}, kinds=(0, 0, 0))
    _decoder().decode(art, [p1, p2])
    assert not any(e.kind == "Deployment" for e in art.events)
    assert "Sumber" not in {m.text for m in art.mentions}


def test_pact_parties_are_the_states_and_name_fragments_are_dropped():
    text = ("Presiden Chile Gabriel Boric dan pemimpin Peru Dina Boluarte menandatangani pakta keamanan di Gedung Putih. "
            "Menteri Pertahanan Australia tiba kemudian.")
    cut = text.index(" Menteri")
    s1, s2 = text[:cut], text[cut + 1:]
    art = Article.from_text(text, source="mem")
    art.sentences = [Sentence(0, 0, cut, s1), Sentence(1, cut + 1, len(text), s2)]
    p1 = _pred(0, 0, s1, {"Chile": "CTRY", "Gabriel Boric": "PER", "Peru": "CTRY", "Dina Boluarte": "PER", "Putih": "ORG"},
               {"Chile": ["PARTY"], "Gabriel Boric": ["PARTY"], "Peru": ["PARTY"], "Dina Boluarte": ["PARTY"],
                "menandatangani": ["T_AGR"], "pakta keamanan": ["AGR_NAME"]}, kinds=(0, 0, 0.97))
    p2 = _pred(1, cut + 1, s2, {"Australia": "CTRY"}, {}, kinds=(0, 0, 0))
    _decoder().decode(art, [p1, p2])
    (pact,) = [e for e in art.events if e.kind == "Agreement"]
    assert sorted(m.text for m in pact.parties) == ["Chile", "Peru"]
    names = {m.text for m in art.mentions}
    assert "Putih" not in names and "Australia" in names and "Gabriel Boric" in names  # "Gedung Putih" is mended whole


def test_passive_by_phrase_and_coordinated_claimants_after_a_cue():
    """"dikutip oleh X dan Y": both claim the number; "oleh Indonesia" after a passive verb deploys."""
    text = "Sebanyak 500 personel dikerahkan ke Kongo oleh Indonesia, jumlah yang dikutip oleh PBB dan Reuters."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text, {"Kongo": "CTRY", "Indonesia": "CTRY", "PBB": "ORG", "Reuters": "ORG"},
              {"dikerahkan": ["T_DEP"], "Sebanyak 500": ["COUNT"], "Kongo": ["DEST"]}, kinds=(0.95, 0, 0))
    _decoder().decode(art, [p])
    deps = sorted((e for e in art.events if e.kind == "Deployment"), key=lambda e: e.claimant.text)
    assert [(e.agent.text, e.troop_count, e.destination.text, e.claimant.text) for e in deps] == [
        ("Indonesia", 500, "Kongo", "PBB"), ("Indonesia", 500, "Kongo", "Reuters")]
    # the UN, cited for the number, speaks; Reuters, an outlet, only reports
    assert [e.speaker.text for e in art.events if e.kind == "Statement"] == ["PBB"]


def test_a_referring_subject_takes_the_latest_deployments_agent_and_an_untagged_troop_count():
    text = "Iran mengirim 2.000 tentara ke Yaman. Media lokal melaporkan pihak Teheran akan mengirim sebanyak 5.000 pasukan lagi."
    cut = text.index(" Media")
    art = Article.from_text(text, source="mem")
    art.sentences = [Sentence(0, 0, cut, text[:cut]), Sentence(1, cut + 1, len(text), text[cut + 1:])]
    p = _pred(0, 0, text[:cut], {"Iran": "CTRY", "Yaman": "CTRY"},
              {"Iran": ["AGENT"], "mengirim": ["T_DEP"], "2.000": ["COUNT"], "Yaman": ["DEST"]}, kinds=(0.95, 0, 0))
    q = _pred(1, cut + 1, text[cut + 1:], {}, {"mengirim": ["T_DEP"]}, kinds=(0.9, 0, 0), modality={"mengirim": "Planned"})
    _decoder().decode(art, [p, q])
    later = [e for e in art.events if e.sentence == 1]
    assert [(e.agent.text, e.troop_count, e.modality) for e in later] == [("Iran", 5000, "Planned")]


def test_a_title_affiliation_is_no_actor_but_a_cut_name_is_mended():
    text = "Di Korea Selatan, Sekretaris Jenderal NATO, Mark Rutte, bertemu Korean Central News Agency."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text, {"NATO": "ORG", "Mark Rutte": "PER", "Central News Agency": "ORG", "Korea": "CTRY", "Selatan": "CTRY"}, {})
    _decoder().decode(art, [p])
    assert sorted(m.text for m in art.mentions) == ["Korea Selatan", "Korean Central News Agency", "Mark Rutte"]


def test_a_headline_restated_by_the_body_is_one_deployment():
    text = "Iran to send 2,000 troops to Yemen\n\nIran will send 2,000 soldiers to Yemen, officials said."
    cut = text.index("\n")
    art = Article.from_text(text, source="mem")
    body = text.index("Iran will")
    spans = {"Iran": ["AGENT"], "send": ["T_DEP"], "2,000": ["COUNT"], "Yemen": ["DEST"]}
    p = _pred(0, 0, text[:cut], {"Iran": "CTRY", "Yemen": "CTRY"}, spans, kinds=(0.95, 0, 0))
    q = _pred(1, body, text[body:], {"Iran": "CTRY", "Yemen": "CTRY"}, spans, kinds=(0.95, 0, 0))
    _decoder().decode(art, [p, q])
    assert [(e.sentence, e.agent.text, e.troop_count) for e in art.events if e.kind == "Deployment"] == [(1, "Iran", 2000)]


def test_an_agent_force_that_carries_a_states_name_is_that_state():
    from kg.doc import Event, Mention
    from kg.extract.decoder import _agents_to_states

    text = "Malaysia bersiap. Angkatan Tentera Malaysia menghantar 200 anggota ke Sabah."
    state = Mention(0, 8, "Malaysia", "Country")
    force = Mention(18, 43, "Angkatan Tentera Malaysia", "Organization")
    ev = Event(kind="Deployment", start=18, end=len(text), evidence=text[18:], agent=force, troop_count=200)
    made = _agents_to_states(text, [state, force], [ev])
    assert [m.text for m in made] == ["Malaysia"] and ev.agent is made[0]
    assert text[ev.agent.start:ev.agent.end] == "Malaysia" and ev.agent.start == 35
    assert "agent-state" in ev.rules
    alone = Event(kind="Deployment", start=0, end=10, evidence="x", agent=Mention(0, 3, "TNI", "Organization"))
    assert _agents_to_states("TNI mengirim", [Mention(0, 3, "TNI", "Organization")], [alone]) == []
