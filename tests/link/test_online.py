"""The online linker against a REAL local Oxigraph server standing in for Wikidata."""

import logging
import time

import pytest

from kg import registry
from kg.config import Config
from kg.link.online import USER_AGENT, OnlineLinker

from link_helpers import linked

pytestmark = pytest.mark.server


def cfg(endpoint: str, tmp_path, **kw) -> Config:
    return Config(wikidata_endpoint=endpoint, link_cache=str(tmp_path / "cache"),
                  link_timeout=kw.pop("timeout", 3.0), link_rate=kw.pop("rate", 100.0), **kw)


TEXT = ("Diplomat Ardian Wiratama tiba. Nusa Kencana bernyanyi, sementara Nusa Kencana mengirim kapal "
        "dari Republik Contoh. Putin diam.")
SPANS = [("Ardian Wiratama", "Person"), ("Nusa Kencana", "Person"), ("Nusa Kencana", "Organization"),
         ("Republik Contoh", "Country"), ("Putin", "Person")]


def test_links_unknown_names_with_type_constraints(wikidata_server, tmp_path):
    lk = registry.linkers.create("kg.linker.online.v1", config=cfg(wikidata_server, tmp_path))
    assert isinstance(lk, OnlineLinker)
    a, singer, company, country, putin = linked(TEXT, SPANS, lk)
    assert (a.qid, a.key, a.label) == ("Q990000001", "Q990000001", "Ardian Wiratama")
    assert singer.qid == "Q990000003"  # the human, not the company with the same name
    assert company.qid == "Q990000002"  # organisation through wdt:P31/wdt:P279*
    assert country.qid == "Q990000004"
    assert putin.qid == "Q7747"  # from the offline index: not asked online (4 requests, not 5)
    assert lk.client.requests_made == 4


def test_alias_other_language_and_case(wikidata_server, tmp_path):
    lk = OnlineLinker(config=cfg(wikidata_server, tmp_path))
    a, b, c = linked("Ardi Wiratama, ARDIAN WIRATAMA dan Exampleland.",
                     [("Ardi Wiratama", "Person"), ("ARDIAN WIRATAMA", "Person"), ("Exampleland", "Country")], lk)
    assert a.qid == b.qid == "Q990000001"
    assert c.qid == "Q990000004"
    (r,) = linked("Ардиан Виратама прибыл.", [("Ардиан Виратама", "Person")], lk, lang="ru")
    assert r.qid == "Q990000001"


def test_unknown_name_keeps_offline_key_and_answer_is_cached(wikidata_server, tmp_path):
    c = cfg(wikidata_server, tmp_path)
    first = OnlineLinker(config=c)
    l1 = linked(TEXT + " Budi Santoso hadir.", SPANS + [("Budi Santoso", "Person")], first)
    assert l1[-1].qid is None and l1[-1].key == "person/budi-santoso"
    assert first.client.requests_made == 5
    second = OnlineLinker(config=c)  # a new process would see the same sqlite file
    l2 = linked(TEXT + " Budi Santoso hadir.", SPANS + [("Budi Santoso", "Person")], second)
    assert second.client.requests_made == 0  # cache hit: no HTTP request at all
    assert [l.key for l in l1] == [l.key for l in l2]
    assert second.cache_hits == 5


def test_down_endpoint_falls_back_offline_with_one_warning(closed_port_url, tmp_path, caplog):
    lk = OnlineLinker(config=cfg(closed_port_url, tmp_path))
    with caplog.at_level(logging.WARNING, logger="kg.link.online"):
        links = linked(TEXT, SPANS, lk)
    assert [l.qid for l in links] == [None, None, None, None, "Q7747"]
    assert all(l.key for l in links)
    assert len([r for r in caplog.records if "unavailable" in r.message]) == 1
    assert lk.client.requests_made == 1  # gave up after the first refusal


def test_slow_endpoint_times_out_and_falls_back(scripted_server, tmp_path, caplog):
    srv, url = scripted_server
    srv.behaviour["sleep"] = 2.0
    lk = OnlineLinker(config=cfg(url, tmp_path, timeout=0.3))
    t0 = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="kg.link.online"):
        links = linked(TEXT, SPANS, lk)
    assert time.perf_counter() - t0 < 2.0
    assert links[0].qid is None and links[-1].qid == "Q7747"
    assert "Timeout" in lk.down
    assert len([r for r in caplog.records if "unavailable" in r.message]) == 1


def test_retries_on_429_and_503_then_succeeds_with_user_agent(scripted_server, tmp_path):
    srv, url = scripted_server
    srv.behaviour["codes"] = [429, 503]
    srv.behaviour["body"] = (
        b'{"head":{"vars":["item","how","en"]},"results":{"bindings":[{"item":{"type":"uri",'
        b'"value":"http://www.wikidata.org/entity/Q990000001"},"how":{"type":"literal","value":"label"},'
        b'"en":{"type":"literal","value":"Ardian Wiratama"}}]}}'
    )
    seen = {}
    orig = srv.RequestHandlerClass.do_GET

    def spy(self):
        seen["ua"] = self.headers.get("User-Agent")
        orig(self)

    srv.RequestHandlerClass.do_GET = spy
    try:
        lk = OnlineLinker(config=cfg(url, tmp_path))
        (l,) = linked("Ardian Wiratama tiba.", [("Ardian Wiratama", "Person")], lk)
    finally:
        srv.RequestHandlerClass.do_GET = orig
    assert l.qid == "Q990000001"
    assert srv.behaviour["hits"] == 3 and lk.client.requests_made == 3
    assert seen["ua"] == USER_AGENT and USER_AGENT.startswith("Warta/")


def test_rate_limit_spaces_requests(scripted_server, tmp_path):
    srv, url = scripted_server
    lk = OnlineLinker(config=cfg(url, tmp_path, rate=10.0))
    t0 = time.perf_counter()
    linked("Satu Dua. Tiga Empat. Lima Enam.", [("Satu Dua", "Person"), ("Tiga Empat", "Person"),
                                                ("Lima Enam", "Person")], lk)
    assert srv.behaviour["hits"] == 3
    assert time.perf_counter() - t0 >= 0.2  # 3 requests at 10/s: at least two gaps of 0.1 s
