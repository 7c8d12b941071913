#!/usr/bin/env python3
"""Build ``kg/link/data/aliases.tsv``, the offline linker's multilingual alias index.

Sources (all read at build time, nothing downloaded):

* ``../shared/data/countries.tsv`` (see its ``countries.SOURCES.md``): country names in
  en/id/ms/fr/de/es/ru/ko/uk, capitals (as the country's government when a mention is typed
  Country, as the city when typed Place), demonym-based government forms.
* ``../shared/data/wikidata-qids.tsv``: verified ids for actors and places, with Indonesian forms.
* ``CURATED`` below: heads of state and government, ministers, spokespeople, international
  organisations, agencies, media, national armed forces and their branches, gendarmeries, coast
  guards and national police forces (role ``military`` / ``police`` and the state's ISO3). A Wikidata id appears ONLY where it comes from one of the two
  shared files or from a public data file cited in the row's provenance; everything else is
  listed without an id (it still gets a stable key and role information).
* ``COUNTRY_ALIASES`` below: general language facts (common spellings, abbreviations,
  translations, seats of government and governments' names as metonyms for the state), never
  strings copied from the seed or corpus articles. A metonym another entity of the index bears is
  dropped (and listed in ``ambiguous.tsv``).
* ``kg/link/data/sources/*.tsv``: tables transcribed by ``scripts/extract_link_sources.py`` from
  public data: names of states in id/ms/en/fr/de/es (CLDR, mledoze/countries, Debian iso-codes via
  pycountry), capitals (CLDR time-zone exemplar cities, GeoNames alternate names), demonyms, every
  international organisation of supraverden with a Wikidata code, every national armed force and
  police operator of the name-suggestion-index. State ids come from countries.tsv (joined on
  ISO3), organisation ids from the table; a form that would name two entities, or one the index
  already gives to another, is dropped. See ``kg/link/data/SOURCES.md``.

Every form dropped because it is ambiguous (it would name two entities, or the index already gives
it to another) is written to ``ambiguous.tsv`` beside the index (columns ``key``, ``alias``,
``qids``, ``labels``, ``why``), so ``kg link-check`` can say why a name is not in the index.

Deterministic: the same inputs give a byte-identical file (rows sorted, no timestamps).

Usage: ``python scripts/build_alias_index.py [--shared ../shared/data] [--out kg/link/data/aliases.tsv]
[--ambiguous-out kg/link/data/ambiguous.tsv]``
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "kg" / "link" / "data" / "aliases.tsv"
SOURCES = REPO / "kg" / "link" / "data" / "sources"
sys.path.insert(0, str(REPO))
from kg.link.demonyms import states as demonym_states  # noqa: E402 - the repo's own table
from kg.link.index import SHARED_SHORT_NAMES, SHARED_SHORT_WHY  # noqa: E402
from kg.link.keys import fold, is_acronym  # noqa: E402

COLUMNS = ("alias", "lang", "qid", "type", "canonical_en", "role", "country", "form", "provenance")
AMBIGUOUS_COLUMNS = ("key", "alias", "qids", "labels", "why")
LANGS = ("en", "id", "ms", "fr", "de", "es", "ru", "ko", "uk")

# --- citations for ids verified outside the shared files -------------------------------------
SRC_SPOC_RU = (
    "SpocWiki/_Standards Earth/Continent/Europe/Europe~East/Russia.md (commit 096a9ba2, "
    "CC BY-SA 4.0) member_of/diplomatic_relation: '[[_Standards/WikiData/WD~{label},{num}]]'"
)
SRC_FNK = (
    "Ahmet-Dedeler/free-north-korea data/entities/qids.json (commit b094dd6b): "
    "'\"{slug}\": \"{qid}\"' (SINGLE SOURCE)"
)
SRC_POLITICO_US = (
    "hearvox/wiki-media-cred data/wikipedia-us-newspapers.tsv line 6251 (cited in "
    "../shared/data/wikidata-qids.tsv, Politico Europe row): Politico Q3109740"
)
SRC_OS_INTL = (
    "SINGLE SOURCE: OpenSanctions registry of international bodies (search-index file id 57946607384, "
    "repository not named by the index; cited as in ../shared/data/wikidata-qids.tsv for European "
    "Commission): '\"{qid}\": IntlOrg(\"{name}\", country=\"un\")'"
)
SRC_SPOC_HEAD = (
    "SINGLE SOURCE: SpocWiki/_Standards Earth/Continent/{path} (commit {commit}, CC BY-SA 4.0) "
    "{field}: '[[_Standards/WikiData/WD~{label},{num}]]'"
)
SRC_SPOC_HEAD2 = (
    "SpocWiki/_Standards Earth/Continent/{path} (commit {commit}, CC BY-SA 4.0) {field}: "
    "'[[_Standards/WikiData/WD~{label},{num}]]'; second witness: {second}"
)
SRC_JAILNEWS = (
    "a person-link repair script's audited table QID_OVERRIDES (search-index file id 71315629309, "
    "repository not named by the index): '\"{key}\": \"{qid}\"'"
)
SRC_WHOAMI = (
    "an SQL seed of people by theme (search-index file id 70889902620, repository not named by the "
    "index): \"('politicians', 'pt', 'wd-{qid}', {pos}), -- {name}\""
)
SRC_US_EXEC = (
    "SINGLE SOURCE: unitedstates/congress-legislators executive.yaml (commit dfa96222, CC0): record "
    "'{name}' id.wikidata {qid} ({term})"
)
SRC_MACRON = (
    "two search-index files (repositories not named by the index): an entity-alias config "
    "''Emmanuel Macron': {'wikidata_qid': 'Q3052772', ...}' (file id 66540268668, also cited in "
    "../shared/data/wikidata-qids.tsv for Xi Jinping) and an OpenTapioca enricher test fixture "
    "''id': 'Q3052772', 'label': 'Emmanuel Macron'' (file id 70609936646)"
)
NO_QID = "curated {what}; no Wikidata id verified from a citable file, so none given"

# the army of either Congo: the DR Congo's FARDC, or the Republic of the Congo's "Forces armées
# congolaises"; left out of the index as ambiguous, as the Congo adjectives are (kg/link/demonyms.py)
_EITHER_CONGO = "names the army of either Congo (FARDC of the DR Congo, Forces armées congolaises of the Republic of the Congo)"
SHARED_FORCE_NAMES = {a: _EITHER_CONGO for a in ("Congolese army", "armée congolaise", "Tentara Kongo",
                                                   "kongolesische Armee", "ejército congoleño")}

# (canonical_en, type, role, country iso3, qid-or-"shared"-or-None, qid provenance, aliases)
# aliases: list of (alias, lang, form). form: name | short | surname | acronym | metonym.
CURATED: list[tuple[str, str, str, str, str | None, str, list[tuple[str, str, str]]]] = [
    # heads of state and government (ids from ../shared/data/wikidata-qids.tsv)
    ("Vladimir Putin", "Person", "head_of_state", "RUS", "shared", "", [
        ("Putin", "mul", "surname"), ("Vladimir Vladimirovich Putin", "en", "name"),
        ("Wladimir Putin", "de", "name"), ("Vladimir Poutine", "fr", "name"),
        ("Poutine", "fr", "surname"), ("Владимир Путин", "ru", "name"), ("Путин", "ru", "surname"),
        ("Володимир Путін", "uk", "name"), ("Путін", "uk", "surname"), ("블라디미르 푸틴", "ko", "name"),
    ]),
    ("Kim Jong Un", "Person", "head_of_state", "PRK", "shared", "", [
        ("Kim Jong-un", "en", "name"), ("Kim", "mul", "surname"), ("김정은", "ko", "name"),
        ("Ким Чен Ын", "ru", "name"),
    ]),
    ("Xi Jinping", "Person", "head_of_state", "CHN", "shared", "", [
        ("Xi", "mul", "surname"), ("习近平", "zh", "name"), ("Си Цзиньпин", "ru", "name"),
    ]),
    ("Olaf Scholz", "Person", "head_of_government", "DEU", "shared", "", [
        ("Scholz", "mul", "surname"), ("Олаф Шольц", "ru", "name"),
    ]),
    ("Joe Biden", "Person", "head_of_state", "USA", "shared", "", [
        ("Biden", "mul", "surname"), ("Joseph Biden", "en", "name"),
        ("Joseph R. Biden", "en", "name"), ("Джо Байден", "ru", "name"),
    ]),
    ("Donald Trump", "Person", "head_of_state", "USA", "shared", "", [
        ("Trump", "mul", "surname"), ("Donald J. Trump", "en", "name"),
        ("Дональд Трамп", "ru", "name"),
    ]),
    ("Kamala Harris", "Person", "vice_president", "USA", "shared", "", [
        ("Harris", "mul", "surname"),
    ]),
    ("Volodymyr Zelenskyy", "Person", "head_of_state", "UKR", "shared", "", [
        ("Zelenskyy", "mul", "surname"), ("Zelensky", "mul", "surname"),
        ("Volodymyr Zelensky", "en", "name"), ("Wolodymyr Selenskyj", "de", "name"),
        ("Selenskyj", "de", "surname"), ("Volodymyr Zelensky", "fr", "name"),
        ("Володимир Зеленський", "uk", "name"), ("Владимир Зеленский", "ru", "name"),
        ("Зеленский", "ru", "surname"), ("Зеленський", "uk", "surname"),
    ]),
    ("Yoon Suk Yeol", "Person", "head_of_state", "KOR", "shared", "", [
        ("Yoon Suk-yeol", "en", "name"), ("Yoon", "mul", "surname"), ("윤석열", "ko", "name"),
    ]),
    ("Keir Starmer", "Person", "head_of_government", "GBR", "shared", "", [
        ("Starmer", "mul", "surname"),
    ]),
    ("Mark Rutte", "Person", "secretary_general", "", "shared", "", [
        ("Rutte", "mul", "surname"),
    ]),
    ("Ursula von der Leyen", "Person", "president", "", "shared", "", [
        ("von der Leyen", "mul", "surname"),
    ]),
    ("Antonio Guterres", "Person", "secretary_general", "", "shared", "", [
        ("António Guterres", "pt", "name"), ("Guterres", "mul", "surname"),
    ]),
    # North Korean officials: one cited registry (single source)
    ("Choe Son Hui", "Person", "foreign_minister", "PRK", "Q30436217",
     SRC_FNK.format(slug="choe-son-hui", qid="Q30436217"), [
        ("Choe Son-hui", "en", "name"), ("최선희", "ko", "name"),
    ]),
    ("Kim Yo Jong", "Person", "official", "PRK", "Q4330912",
     SRC_FNK.format(slug="kim-yo-jong", qid="Q4330912"), [
        ("Kim Yo-jong", "en", "name"), ("Kim", "mul", "surname"), ("김여정", "ko", "name"),
    ]),
    # officials listed without an id (none verified): key + role still help
    ("Sergey Lavrov", "Person", "foreign_minister", "RUS", None, "", [
        ("Sergei Lavrov", "en", "name"), ("Lavrov", "mul", "surname"),
        ("Сергей Лавров", "ru", "name"), ("Лавров", "ru", "surname"),
    ]),
    ("Dmitry Peskov", "Person", "spokesperson", "RUS", None, "", [
        ("Dmitri Peskov", "en", "name"), ("Peskov", "mul", "surname"),
        ("Дмитрий Песков", "ru", "name"),
    ]),
    ("Maria Zakharova", "Person", "spokesperson", "RUS", None, "", [
        ("Zakharova", "mul", "surname"), ("Мария Захарова", "ru", "name"),
    ]),
    ("Andrey Belousov", "Person", "defence_minister", "RUS", None, "", [
        ("Andrei Belousov", "en", "name"), ("Belousov", "mul", "surname"),
    ]),
    ("Sergei Shoigu", "Person", "official", "RUS", None, "", [
        ("Sergey Shoigu", "en", "name"), ("Shoigu", "mul", "surname"),
    ]),
    ("Antony Blinken", "Person", "foreign_minister", "USA", None, "", [
        ("Tony Blinken", "en", "name"), ("Blinken", "mul", "surname"),
    ]),
    ("Lloyd Austin", "Person", "defence_minister", "USA", None, "", [
        ("Lloyd J. Austin", "en", "name"), ("Austin", "mul", "surname"),
    ]),
    ("Pat Ryder", "Person", "spokesperson", "USA", None, "", [
        ("Patrick Ryder", "en", "name"), ("Ryder", "mul", "surname"),
    ]),
    ("John Kirby", "Person", "spokesperson", "USA", None, "", [("Kirby", "mul", "surname")]),
    ("Andrii Sybiha", "Person", "foreign_minister", "UKR", None, "", [
        ("Andriy Sybiha", "en", "name"), ("Sybiha", "mul", "surname"),
    ]),
    ("Dmytro Kuleba", "Person", "foreign_minister", "UKR", None, "", [
        ("Kuleba", "mul", "surname"),
    ]),
    ("Rustem Umerov", "Person", "defence_minister", "UKR", None, "", [
        ("Umerov", "mul", "surname"),
    ]),
    ("Jens Stoltenberg", "Person", "secretary_general", "", None, "", [
        ("Stoltenberg", "mul", "surname"),
    ]),
    ("Emmanuel Macron", "Person", "head_of_state", "FRA", "Q3052772", SRC_MACRON, [
        ("Macron", "mul", "surname"),
    ]),
    ("Wang Yi", "Person", "foreign_minister", "CHN", None, "", []),
    ("Cho Tae-yul", "Person", "foreign_minister", "KOR", None, "", []),
    ("Prabowo Subianto", "Person", "head_of_state", "IDN", "Q2107268", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Malay_Archipelago/Indonesia.md", commit="06748ac7",
        field="head_of_state", label="Prabowo_Subianto", num=2107268), [
        ("Prabowo", "mul", "surname"), ("Presiden Prabowo", "id", "name"),
        ("Prabowo Subianto Djojohadikusumo", "id", "name"),
    ]),
    ("Joko Widodo", "Person", "head_of_state", "IDN", "Q3318231", SRC_SPOC_HEAD2.format(
        path="Asia/Asia~South~East/Malay_Archipelago/Indonesia.md", commit="06748ac7",
        field="head_of_government (president 2014-2024)", label="Joko_Widodo", num=3318231,
        second="a README example 'Q3318231,Joko Widodo,PERSON' (search-index file id 33141421456)"), [
        ("Jokowi", "mul", "short"), ("Widodo", "mul", "surname"), ("Presiden Jokowi", "id", "name"),
    ]),
    ("Anwar Ibrahim", "Person", "head_of_government", "MYS", "Q299574", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Malay_Archipelago/Malaysia.md", commit="096a9ba2",
        field="head_of_government", label="Anwar_Ibrahim", num=299574), [
        ("Anwar", "mul", "surname"), ("Datuk Seri Anwar Ibrahim", "ms", "name"),
    ]),
    ("Bongbong Marcos", "Person", "head_of_state", "PHL", "Q983324", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Malay_Archipelago/Philippines.md", commit="096a9ba2",
        field="head_of_state and head_of_government", label="Bongbong_Marcos", num=983324), [
        ("Ferdinand Marcos Jr.", "en", "name"), ("Ferdinand Marcos Jr", "en", "name"),
        ("Ferdinand Romualdez Marcos Jr.", "en", "name"), ("Marcos", "mul", "surname"),
    ]),
    ("Paetongtarn Shinawatra", "Person", "head_of_government", "THA", "Q13026319", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Thailand.md", commit="000f52e1", field="head_of_government",
        label="Paetongtarn_Shinawatra", num=13026319), [
        ("Paetongtarn", "mul", "short"),
    ]),
    ("Vajiralongkorn", "Person", "head_of_state", "THA", "Q548733", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Thailand.md", commit="000f52e1", field="head_of_state",
        label="Vajiralongkorn", num=548733), [
        ("Maha Vajiralongkorn", "en", "name"), ("King Vajiralongkorn", "en", "name"),
        ("Raja Vajiralongkorn", "id", "name"), ("Rama X", "mul", "name"),
    ]),
    ("Shigeru Ishiba", "Person", "head_of_government", "JPN", "Q1335527", SRC_SPOC_HEAD.format(
        path="Asia/Asia~East/Japan.md", commit="05a2da84", field="head_of_government",
        label="Shigeru_Ishiba", num=1335527), [
        ("Ishiba", "mul", "surname"), ("石破茂", "ja", "name"),
    ]),
    ("JD Vance", "Person", "vice_president", "USA", "Q28935729", SRC_US_EXEC.format(
        name="James David Vance", qid="Q28935729", term="viceprez 2025-01-20"), [
        ("J. D. Vance", "en", "name"), ("J.D. Vance", "en", "name"), ("James David Vance", "en", "name"),
        ("Vance", "mul", "surname"),
    ]),
    ("Mike Pence", "Person", "vice_president", "USA", "Q24313", SRC_US_EXEC.format(
        name="Mike Pence", qid="Q24313", term="viceprez 2017-01-20 to 2021-01-20"), [
        ("Michael Pence", "en", "name"), ("Pence", "mul", "surname"),
    ]),
    ("Narendra Modi", "Person", "head_of_government", "IND", "Q1058", SRC_SPOC_HEAD2.format(
        path="Asia/Asia~South/India.md", commit="2797c041", field="head_of_government",
        label="Narendra_Modi", num=1058,
        second="a test fixture 'Entity(qid=\"Q1058\", labels={\"en\": \"Narendra Modi\"})' "
        "(search-index file id 9734154630)"), [
        ("Modi", "mul", "surname"), ("Narendra Damodardas Modi", "en", "name"),
        ("नरेन्द्र मोदी", "hi", "name"), ("Нарендра Моди", "ru", "name"),
    ]),
    ("Recep Tayyip Erdoğan", "Person", "head_of_state", "TUR", "Q39259", SRC_SPOC_HEAD2.format(
        path="Europe/Europe~East/Turkey.md", commit="02765bb7",
        field="head_of_state and head_of_government", label="Recep_Tayyip_Erdoğan", num=39259,
        second="a name-to-id table '\"Recep Tayyip Erdogan\": \"Q39259\"' (search-index file id "
        "71315629309)"), [
        ("Erdogan", "mul", "surname"), ("Erdoğan", "tr", "surname"),
        ("Recep Tayyip Erdogan", "mul", "name"), ("Tayyip Erdogan", "mul", "name"),
        ("Tayyip Erdoğan", "mul", "name"), ("Реджеп Тайип Эрдоган", "ru", "name"),
    ]),
    ("Benjamin Netanyahu", "Person", "head_of_government", "ISR", "Q43723",
     SRC_JAILNEWS.format(key="Netanyahu", qid="Q43723") + "; second witness: a Knesset member table "
     "'WikidataMk(\"Q43723\", 90, \"בנימין נתניהו\", \"Benjamin Netanyahu\", ...)' (search-index file id "
     "70083516383)", [
        ("Netanyahu", "mul", "surname"), ("Bibi Netanyahu", "mul", "name"),
    ]),
    # heads of state and government from SpocWiki country pages (single source)
    ("Droupadi Murmu", "Person", "head_of_state", "IND", "Q19901232", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South/India.md", commit="2797c041", field="head_of_state",
        label="Droupadi_Murmu", num=19901232), [
        ("Murmu", "mul", "surname"),
        ("Presiden Droupadi Murmu", "id", "name"),
    ]),
    ("Tharman Shanmugaratnam", "Person", "head_of_state", "SGP", "Q983752", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Malay_Archipelago/Singapore.md", commit="000f52e1", field="head_of_state",
        label="Tharman_Shanmugaratnam", num=983752), [
        ("Tharman", "mul", "short"),
        ("Shanmugaratnam", "mul", "surname"),
    ]),
    ("Lawrence Wong", "Person", "head_of_government", "SGP", "Q6504758", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Malay_Archipelago/Singapore.md", commit="000f52e1", field="head_of_government",
        label="Lawrence_Wong", num=6504758), [
        ("Lawrence Wong Shyun Tsai", "en", "name"),
    ]),
    ("Hun Manet", "Person", "head_of_government", "KHM", "Q13024351", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Cambodia.md", commit="000f52e1", field="head_of_government",
        label="Hun_Manet", num=13024351), [
        ("Samdech Hun Manet", "mul", "name"),
    ]),
    ("Norodom Sihamoni", "Person", "head_of_state", "KHM", "Q57319", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Cambodia.md", commit="000f52e1", field="head_of_state",
        label="Norodom_Sihamoni", num=57319), [
        ("Sihamoni", "mul", "surname"),
        ("King Norodom Sihamoni", "en", "name"),
        ("Raja Norodom Sihamoni", "id", "name"),
        ("roi Norodom Sihamoni", "fr", "name"),
    ]),
    ("Thongloun Sisoulith", "Person", "head_of_state", "LAO", "Q58323", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Laos.md", commit="000f52e1", field="head_of_state",
        label="Thongloun_Sisoulith", num=58323), [
        ("Thongloun", "mul", "short"),
        ("Sisoulith", "mul", "surname"),
    ]),
    ("Phankham Viphavan", "Person", "head_of_government", "LAO", "Q7180477", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Laos.md", commit="000f52e1", field="head_of_government (prime minister 2021-2022)",
        label="Phankham_Viphavan", num=7180477), [
        ("Phankham", "mul", "short"),
        ("Viphavan", "mul", "surname"),
    ]),
    ("Phạm Minh Chính", "Person", "head_of_government", "VNM", "Q10806940", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Vietnam.md", commit="096a9ba2", field="head_of_government",
        label="Phạm_Minh_Chính", num=10806940), [
        ("Pham Minh Chinh", "mul", "name"),
        ("Phạm Minh Chính", "vi", "name"),
    ]),
    ("Tô Lâm", "Person", "head_of_state", "VNM", "Q10831196", SRC_SPOC_HEAD.format(
        path="Asia/Asia~South~East/Vietnam.md", commit="096a9ba2", field="head_of_state",
        label="Tô_Lâm", num=10831196), [
        ("To Lam", "mul", "name"),
        ("Tô Lâm", "vi", "name"),
    ]),
    ("Salman of Saudi Arabia", "Person", "head_of_state", "SAU", "Q367825", SRC_SPOC_HEAD.format(
        path="Asia/Asia~West/Saudi_Arabia.md", commit="000f52e1", field="head_of_state and head_of_government",
        label="Salman_bin_Abdulaziz_Al_Saud", num=367825), [
        ("Salman bin Abdulaziz Al Saud", "mul", "name"),
        ("Salman bin Abdulaziz", "mul", "name"),
        ("King Salman", "en", "name"),
        ("Raja Salman", "id", "name"),
        ("Raja Salman", "ms", "name"),
        ("roi Salmane", "fr", "name"),
        ("König Salman", "de", "name"),
        ("rey Salmán", "es", "name"),
    ]),
    # office-holders 2020-2025 with ids from a name-to-id table (and a second file where found)
    ("Jair Bolsonaro", "Person", "head_of_state", "BRA", "Q10304982",
     SRC_WHOAMI.format(qid="Q10304982", pos=2, name="Jair Bolsonaro") + "; second witness: "
     + SRC_JAILNEWS.format(key="Bolsonaro (given name not established in the text)", qid="Q10304982"), [
        ("Bolsonaro", "mul", "surname"), ("Jair Messias Bolsonaro", "mul", "name"),
    ]),
    ("Luiz Inácio Lula da Silva", "Person", "head_of_state", "BRA", "Q37181",
     "SINGLE SOURCE: " + SRC_WHOAMI.format(qid="Q37181", pos=1, name="Luiz Inácio Lula da Silva"), [
        ("Lula da Silva", "mul", "name"), ("Lula", "mul", "short"),
        ("Luiz Inacio Lula da Silva", "mul", "name"), ("Presiden Lula", "id", "name"),
    ]),
    ("Andrés Manuel López Obrador", "Person", "head_of_state", "MEX", "Q318508",
     SRC_JAILNEWS.format(key="López Obrador", qid="Q318508") + "; second witness: a schema.org "
     "note 'Andrés Manuel López Obrador — Wikidata Q318508' (search-index file id 67538143490)", [
        ("López Obrador", "mul", "surname"), ("Lopez Obrador", "mul", "surname"),
        ("Andres Manuel Lopez Obrador", "mul", "name"), ("AMLO", "mul", "acronym"),
    ]),
    ("Yoshihide Suga", "Person", "head_of_government", "JPN", "Q122465",
     "SINGLE SOURCE: " + SRC_JAILNEWS.format(key="Suga", qid="Q122465"), [
        ("Suga", "mul", "surname"), ("Suga Yoshihide", "mul", "name"), ("菅義偉", "ja", "name"),
    ]),
    ("Muhyiddin Yassin", "Person", "head_of_government", "MYS", "Q1060949",
     "SINGLE SOURCE: " + SRC_JAILNEWS.format(key="Tan Sri Muhyiddin", qid="Q1060949")
     + " (its QUERY_OVERRIDES: 'Tan Sri Muhyiddin' -> 'Muhyiddin Yassin')", [
        ("Muhyiddin", "mul", "short"), ("Tan Sri Muhyiddin", "ms", "name"),
        ("Tan Sri Muhyiddin Yassin", "ms", "name"),
    ]),
    ("Ismail Sabri Yaakob", "Person", "head_of_government", "MYS", "Q6084858",
     "SINGLE SOURCE: " + SRC_JAILNEWS.format(key="Ismail Sabri Yaakob", qid="Q6084858"), [
        ("Ismail Sabri", "mul", "short"), ("Datuk Seri Ismail Sabri Yaakob", "ms", "name"),
    ]),
    ("Heiko Maas", "Person", "foreign_minister", "DEU", "Q108447",
     "SINGLE SOURCE: " + SRC_JAILNEWS.format(key="Heiko Maas", qid="Q108447"), [
        ("Maas", "mul", "surname"), ("Außenminister Maas", "de", "name"),
    ]),
    ("Elizabeth II", "Person", "head_of_state", "GBR", "Q9682",
     "SINGLE SOURCE: " + SRC_JAILNEWS.format(key="Queen Elizabeth", qid="Q9682"), [
        ("Queen Elizabeth", "en", "name"), ("Queen Elizabeth II", "en", "name"),
        ("Ratu Elizabeth II", "id", "name"), ("Ratu Elizabeth", "id", "name"),
        ("reine Elizabeth II", "fr", "name"), ("Königin Elizabeth II.", "de", "name"),
        ("reina Isabel II de Inglaterra", "es", "name"),
    ]),
    ("Aung San Suu Kyi", "Person", "official", "MMR", "Q36740",
     "SINGLE SOURCE: " + SRC_JAILNEWS.format(key="Aung San Suu Kyi", qid="Q36740"), [
        ("Suu Kyi", "mul", "surname"), ("Daw Aung San Suu Kyi", "mul", "name"),
    ]),
    # international organisations
    ("NATO", "Organization", "alliance", "", "shared", "", [
        ("North Atlantic Treaty Organization", "en", "name"), ("OTAN", "fr", "acronym"),
        ("OTAN", "es", "acronym"), ("НАТО", "ru", "acronym"), ("НАТО", "uk", "acronym"),
        ("Pakta Pertahanan Atlantik Utara", "id", "name"), ("나토", "ko", "acronym"),
    ]),
    ("United Nations", "Organization", "intergovernmental", "", "shared", "", [
        ("UN", "en", "acronym"), ("PBB", "id", "acronym"),
        ("Perserikatan Bangsa-Bangsa", "id", "name"), ("Pertubuhan Bangsa-Bangsa Bersatu", "ms", "name"),
        ("Nations unies", "fr", "name"), ("ONU", "fr", "acronym"), ("ONU", "es", "acronym"),
        ("Vereinte Nationen", "de", "name"), ("Naciones Unidas", "es", "name"),
        ("Организация Объединённых Наций", "ru", "name"), ("ООН", "ru", "acronym"),
    ]),
    ("G20", "Organization", "intergovernmental", "", "shared", "", [
        ("Group of 20", "en", "name"), ("Group of Twenty", "en", "name"), ("G-20", "mul", "acronym"),
        ("Kelompok 20", "id", "name"),
    ]),
    ("APEC", "Organization", "intergovernmental", "", "shared", "", [
        ("Asia-Pacific Economic Cooperation", "en", "name"),
        ("Kerja Sama Ekonomi Asia-Pasifik", "id", "name"),
    ]),
    ("European Commission", "Organization", "executive", "", "shared", "", [
        ("Komisi Eropa", "id", "name"), ("Commission européenne", "fr", "name"),
        ("Europäische Kommission", "de", "name"), ("Comisión Europea", "es", "name"),
    ]),
    ("European Union", "Organization", "intergovernmental", "", "Q458",
     SRC_SPOC_RU.format(label="European_Union", num=458), [
        ("EU", "en", "acronym"), ("Uni Eropa", "id", "name"), ("Kesatuan Eropah", "ms", "name"),
        ("Union européenne", "fr", "name"), ("UE", "fr", "acronym"), ("UE", "es", "acronym"),
        ("Europäische Union", "de", "name"), ("Unión Europea", "es", "name"),
        ("Европейский союз", "ru", "name"), ("Євросоюз", "uk", "name"),
    ]),
    ("United Nations Security Council", "Organization", "intergovernmental", "", "Q37470",
     SRC_SPOC_RU.format(label="United_Nations_Security_Council", num=37470), [
        ("UN Security Council", "en", "name"), ("Dewan Keamanan PBB", "id", "name"),
        ("DK PBB", "id", "acronym"), ("Conseil de sécurité des Nations unies", "fr", "name"),
        ("UN-Sicherheitsrat", "de", "name"), ("Consejo de Seguridad de las Naciones Unidas", "es", "name"),
    ]),
    ("BRICS", "Organization", "intergovernmental", "", "Q243630",
     SRC_SPOC_RU.format(label="BRICS", num=243630), []),
    ("Collective Security Treaty Organization", "Organization", "alliance", "", "Q318693",
     SRC_SPOC_RU.format(label="Collective_Security_Treaty_Organization", num=318693), [
        ("CSTO", "en", "acronym"), ("Organisasi Perjanjian Keamanan Kolektif", "id", "name"),
    ]),
    ("Shanghai Cooperation Organisation", "Organization", "intergovernmental", "", "Q485207",
     SRC_SPOC_RU.format(label="Shanghai_Cooperation_Organisation", num=485207), [
        ("SCO", "en", "acronym"), ("Organisasi Kerja Sama Shanghai", "id", "name"),
    ]),
    ("Organization for Security and Co-operation in Europe", "Organization", "intergovernmental",
     "", "Q81299", SRC_SPOC_RU.format(label="Organization_for_Security_and_Co-operation_in_Europe", num=81299), [
        ("OSCE", "en", "acronym"), ("OSZE", "de", "acronym"), ("OSCE", "fr", "acronym"),
    ]),
    ("World Health Organization", "Organization", "intergovernmental", "", "Q7817",
     SRC_SPOC_RU.format(label="World_Health_Organization", num=7817), [
        ("WHO", "en", "acronym"), ("Organisasi Kesehatan Dunia", "id", "name"),
        ("OMS", "fr", "acronym"),
    ]),
    ("World Trade Organization", "Organization", "intergovernmental", "", "Q7825",
     SRC_SPOC_RU.format(label="World_Trade_Organization", num=7825), [
        ("WTO", "en", "acronym"), ("Organisasi Perdagangan Dunia", "id", "name"),
    ]),
    ("Interpol", "Organization", "intergovernmental", "", "Q8475",
     SRC_SPOC_RU.format(label="Interpol", num=8475), []),
    ("Arab League", "Organization", "intergovernmental", "", "Q7172",
     SRC_SPOC_RU.format(label="Arab_League", num=7172), [
        ("Liga Arab", "id", "name"), ("Ligue arabe", "fr", "name"),
    ]),
    ("ASEAN", "Organization", "intergovernmental", "", "src:Q7768", "", [
        ("Association of Southeast Asian Nations", "en", "name"),
        ("Perhimpunan Bangsa-Bangsa Asia Tenggara", "id", "name"),
    ]),
    # ministries, agencies, militaries
    ("United States Department of Defense", "Organization", "defence_ministry", "USA", "shared", "", [
        ("Pentagon", "mul", "metonym"), ("US Department of Defense", "en", "name"),
        ("Department of Defense", "en", "name"), ("Departemen Pertahanan AS", "id", "name"),
        ("Kementerian Pertahanan AS", "id", "name"), ("Departemen Pertahanan Amerika Serikat", "id", "name"),
        ("Kementerian Pertahanan Amerika Serikat", "id", "name"),
    ]),
    ("US Department of State", "Organization", "foreign_ministry", "USA", "shared", "", [
        ("State Department", "en", "name"), ("United States Department of State", "en", "name"),
        ("Departemen Luar Negeri AS", "id", "name"), ("Kementerian Luar Negeri AS", "id", "name"),
        ("Departemen Luar Negeri Amerika Serikat", "id", "name"),
        ("Jabatan Negara AS", "ms", "name"), ("Jabatan Negara Amerika Syarikat", "ms", "name"),
        ("département d'État", "fr", "name"), ("Département d'État américain", "fr", "name"),
        ("US-Außenministerium", "de", "name"), ("Departamento de Estado", "es", "name"),
    ]),
    ("National Intelligence Service", "Organization", "intelligence", "KOR", None, "", [
        ("NIS", "en", "acronym"), ("Badan Intelijen Nasional Korea Selatan", "id", "name"),
        ("Dinas Intelijen Nasional Korea Selatan", "id", "name"),
        ("South Korean intelligence", "en", "name"), ("South Korea's National Intelligence Service", "en", "name"),
        ("국가정보원", "ko", "name"), ("국정원", "ko", "short"),
    ]),
    ("Central Intelligence Agency", "Organization", "intelligence", "USA", "src:Q37230", "", [
        ("CIA", "mul", "acronym"), ("Badan Intelijen Pusat AS", "id", "name"),
    ]),
    ("Federal Security Service", "Organization", "intelligence", "RUS", None, "", [
        ("FSB", "mul", "acronym"), ("ФСБ", "ru", "acronym"), ("Dinas Keamanan Federal Rusia", "id", "name"),
    ]),
    ("Security Service of Ukraine", "Organization", "intelligence", "UKR", None, "", [
        ("SBU", "mul", "acronym"), ("Dinas Keamanan Ukraina", "id", "name"), ("СБУ", "uk", "acronym"),
    ]),
    ("Main Directorate of Intelligence of Ukraine", "Organization", "intelligence", "UKR", None, "", [
        ("HUR", "mul", "acronym"), ("GUR", "mul", "acronym"),
        ("Defence Intelligence of Ukraine", "en", "name"),
        ("Badan Intelijen Pertahanan Ukraina", "id", "name"),
    ]),
    ("Badan Intelijen Negara", "Organization", "intelligence", "IDN", None, "", [
        ("BIN", "id", "acronym"), ("State Intelligence Agency", "en", "name"),
    ]),
    ("Korean People's Army", "Organization", "military", "PRK", None, "", [
        ("KPA", "en", "acronym"), ("Tentara Rakyat Korea", "id", "name"),
    ]),
    ("Armed Forces of Ukraine", "Organization", "military", "UKR", None, "", [
        ("Angkatan Bersenjata Ukraina", "id", "name"), ("Ukrainian Armed Forces", "en", "name"),
    ]),
    ("Russian Armed Forces", "Organization", "military", "RUS", None, "", [
        ("Angkatan Bersenjata Rusia", "id", "name"), ("Armed Forces of the Russian Federation", "en", "name"),
    ]),
    ("Tentara Nasional Indonesia", "Organization", "military", "IDN", None, "", [
        ("TNI", "id", "acronym"), ("Indonesian National Armed Forces", "en", "name"),
    ]),
    # armed forces, ministries and services with ids from sources/nsi_operators.tsv ("src:")
    ("Bundeswehr", "Organization", "military", "DEU", "src:Q56010", "", [
        ("German Armed Forces", "en", "name"), ("Angkatan Bersenjata Jerman", "id", "name"),
        ("Angkatan Tentera Jerman", "ms", "name"), ("armée allemande", "fr", "name"),
        ("Fuerzas Armadas de Alemania", "es", "name"), ("Fuerzas Armadas alemanas", "es", "name"),
    ]),
    ("Bundesnachrichtendienst", "Organization", "intelligence", "DEU", "src:Q272969", "", [
        ("BND", "mul", "acronym"), ("Federal Intelligence Service", "en", "name"),
        ("Badan Intelijen Federal Jerman", "id", "name"),
    ]),
    ("British Army", "Organization", "military", "GBR", "src:Q222595", "", [
        ("Angkatan Darat Inggris", "id", "name"), ("Angkatan Darat Britania Raya", "id", "name"),
        ("Tentera Darat British", "ms", "name"), ("armée de terre britannique", "fr", "name"),
        ("Britische Armee", "de", "name"), ("Ejército británico", "es", "name"),
    ]),
    ("Royal Air Force", "Organization", "military", "GBR", "src:Q165862", "", [
        ("RAF", "mul", "acronym"), ("Angkatan Udara Kerajaan Inggris", "id", "name"),
    ]),
    ("United States Army", "Organization", "military", "USA", "src:Q9212", "", [
        ("US Army", "en", "name"), ("U.S. Army", "en", "name"), ("Angkatan Darat AS", "id", "name"),
        ("Angkatan Darat Amerika Serikat", "id", "name"), ("Tentera Darat AS", "ms", "name"),
        ("armée de terre américaine", "fr", "name"), ("US-Armee", "de", "name"),
        ("Ejército de los Estados Unidos", "es", "name"),
    ]),
    ("United States Navy", "Organization", "military", "USA", "src:Q11220", "", [
        ("US Navy", "en", "name"), ("U.S. Navy", "en", "name"), ("Angkatan Laut AS", "id", "name"),
        ("Angkatan Laut Amerika Serikat", "id", "name"), ("Tentera Laut AS", "ms", "name"),
        ("US Navy", "fr", "name"), ("US-Marine", "de", "name"), ("Armada de los Estados Unidos", "es", "name"),
    ]),
    ("United States Air Force", "Organization", "military", "USA", "src:Q11223", "", [
        ("US Air Force", "en", "name"), ("USAF", "mul", "acronym"), ("Angkatan Udara AS", "id", "name"),
        ("Angkatan Udara Amerika Serikat", "id", "name"), ("Tentera Udara AS", "ms", "name"),
        ("US Air Force", "de", "name"), ("Fuerza Aérea de los Estados Unidos", "es", "name"),
    ]),
    ("United States Marine Corps", "Organization", "military", "USA", "src:Q11218", "", [
        ("US Marine Corps", "en", "name"), ("USMC", "mul", "acronym"), ("Korps Marinir AS", "id", "name"),
        ("Korps Marinir Amerika Serikat", "id", "name"), ("US-Marineinfanterie", "de", "name"),
        ("Cuerpo de Marines de los Estados Unidos", "es", "name"),
    ]),
    ("United States Coast Guard", "Organization", "military", "USA", "src:Q11224", "", [
        ("US Coast Guard", "en", "name"), ("Penjaga Pantai AS", "id", "name"),
    ]),
    ("National Security Agency", "Organization", "intelligence", "USA", "src:Q121194", "", [
        ("NSA", "mul", "acronym"), ("Badan Keamanan Nasional AS", "id", "name"),
    ]),
    ("Federal Bureau of Investigation", "Organization", "intelligence", "USA", "src:Q8333", "", [
        ("FBI", "mul", "acronym"), ("Biro Investigasi Federal", "id", "name"),
    ]),
    ("United States Department of Homeland Security", "Organization", "ministry", "USA", "src:Q11231", "", [
        ("Department of Homeland Security", "en", "name"), ("DHS", "en", "acronym"),
        ("Departemen Keamanan Dalam Negeri AS", "id", "name"),
    ]),
    ("U.S. Customs and Border Protection", "Organization", "agency", "USA", "src:Q368804", "", [
        ("United States Customs and Border Protection", "en", "name"), ("CBP", "mul", "acronym"),
        ("US Customs and Border Protection", "en", "name"),
    ]),
    ("Indian Army", "Organization", "military", "IND", "src:Q355771", "", [
        ("Angkatan Darat India", "id", "name"), ("Tentera Darat India", "ms", "name"),
        ("armée indienne", "fr", "name"), ("indische Armee", "de", "name"), ("Ejército de la India", "es", "name"),
    ]),
    ("Indian Air Force", "Organization", "military", "IND", "src:Q330658", "", [
        ("Angkatan Udara India", "id", "name"), ("Tentera Udara India", "ms", "name"),
    ]),
    ("Indian Navy", "Organization", "military", "IND", "src:Q356359", "", [
        ("Angkatan Laut India", "id", "name"), ("Tentera Laut India", "ms", "name"),
    ]),
    ("Japan Ground Self-Defense Force", "Organization", "military", "JPN", "src:Q889751", "", [
        ("JGSDF", "en", "acronym"), ("Pasukan Bela Diri Darat Jepang", "id", "name"),
    ]),
    ("Japan Maritime Self-Defense Force", "Organization", "military", "JPN", "src:Q731647", "", [
        ("JMSDF", "en", "acronym"), ("Pasukan Bela Diri Maritim Jepang", "id", "name"),
    ]),
    ("Japan Air Self-Defense Force", "Organization", "military", "JPN", "src:Q830305", "", [
        ("JASDF", "en", "acronym"), ("Pasukan Bela Diri Udara Jepang", "id", "name"),
    ]),
    ("Australian Army", "Organization", "military", "AUS", "src:Q781360", "", [
        ("Angkatan Darat Australia", "id", "name"), ("Tentera Darat Australia", "ms", "name"),
    ]),
    ("Royal Australian Navy", "Organization", "military", "AUS", "src:Q741691", "", [
        ("Angkatan Laut Australia", "id", "name"), ("Tentera Laut Diraja Australia", "ms", "name"),
    ]),
    ("Royal Australian Air Force", "Organization", "military", "AUS", "src:Q823635", "", [
        ("RAAF", "mul", "acronym"), ("Angkatan Udara Australia", "id", "name"),
        ("Tentera Udara Diraja Australia", "ms", "name"),
    ]),
    ("Ministry of Defence of Russia", "Organization", "defence_ministry", "RUS", "src:Q1146492", "", [
        ("Russian Ministry of Defence", "en", "name"), ("Russian Defence Ministry", "en", "name"),
        ("Russian Defense Ministry", "en", "name"), ("Министерство обороны Российской Федерации", "ru", "name"),
        ("Минобороны России", "ru", "short"), ("Kementerian Pertahanan Rusia", "id", "name"),
        ("Kemhan Rusia", "id", "short"), ("Kementerian Pertahanan Rusia", "ms", "name"),
        ("ministère russe de la Défense", "fr", "name"), ("ministère de la Défense russe", "fr", "name"),
        ("russische Verteidigungsministerium", "de", "name"), ("russisches Verteidigungsministerium", "de", "name"),
        ("Ministerio de Defensa ruso", "es", "name"), ("Ministerio de Defensa de Rusia", "es", "name"),
    ]),
    ("Department of Foreign Affairs (Philippines)", "Organization", "foreign_ministry", "PHL", "src:Q3545663", "", [
        ("Philippine Department of Foreign Affairs", "en", "name"),
        ("Kementerian Luar Negeri Filipina", "id", "name"), ("Kementerian Luar Negeri Filipina", "ms", "name"),
    ]),
    ("United Nations Interim Force in Lebanon", "Organization", "un_mission", "", "Q160805", SRC_OS_INTL.format(
        qid="Q160805", name="United Nations Interim Force in Lebanon"), [
        ("UNIFIL", "mul", "acronym"), ("Force intérimaire des Nations unies au Liban", "fr", "name"),
        ("Pasukan Sementara PBB di Lebanon", "id", "name"), ("Interimstruppe der Vereinten Nationen im Libanon", "de", "name"),
        ("Fuerza Provisional de las Naciones Unidas para el Líbano", "es", "name"),
        ("Pasukan Interim Pertubuhan Bangsa-Bangsa Bersatu di Lubnan", "ms", "name"),
    ]),
    ("United Nations High Commissioner for Refugees", "Organization", "un_agency", "", "Q132551", SRC_OS_INTL.format(
        qid="Q132551", name="United Nations High Commissioner for Refugees"), [
        ("UNHCR", "mul", "acronym"), ("UN Refugee Agency", "en", "name"), ("Badan Pengungsi PBB", "id", "name"),
        ("Haut-Commissariat des Nations unies pour les réfugiés", "fr", "name"), ("HCR", "fr", "acronym"),
        ("UN-Flüchtlingshilfswerk", "de", "name"), ("Alto Comisionado de las Naciones Unidas para los Refugiados", "es", "name"),
        ("ACNUR", "es", "acronym"),
    ]),
    # missions, forces, services and governments listed without an id (none verified from a
    # citable file); the row still gives a stable key and the ISO3 of the state
    ("United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
     "Organization", "un_mission", "", None, "", [
        ("MINUSCA", "mul", "acronym"), ("UN mission in the Central African Republic", "en", "name"),
    ]),
    ("United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
     "Organization", "un_mission", "", None, "", [
        ("MONUSCO", "mul", "acronym"), ("Monusco", "mul", "acronym"),
    ]),
    ("United Nations Mission in South Sudan", "Organization", "un_mission", "", None, "", [
        ("UNMISS", "mul", "acronym"), ("Misi PBB di Sudan Selatan", "id", "name"),
    ]),
    ("Government of National Unity (Libya)", "Organization", "government", "LBY", None, "", [
        ("Government of National Unity", "en", "name"), ("GNU", "en", "acronym"),
        ("Pemerintah Persatuan Nasional", "id", "name"), ("Kerajaan Perpaduan Nasional", "ms", "name"),
        ("Gouvernement d'union nationale", "fr", "name"), ("GUN", "fr", "acronym"),
        ("Regierung der Nationalen Einheit", "de", "name"), ("Gobierno de Unidad Nacional", "es", "name"),
    ]),
    ("Libyan National Army", "Organization", "military", "LBY", None, "", [
        ("LNA", "en", "acronym"), ("Tentara Nasional Libya", "id", "name"),
        ("Armée nationale libyenne", "fr", "name"), ("ANL", "fr", "acronym"),
        ("Libysche Nationalarmee", "de", "name"), ("Ejército Nacional Libio", "es", "name"),
    ]),
    ("People's Liberation Army", "Organization", "military", "CHN", None, "", [
        ("PLA", "en", "acronym"), ("Tentara Pembebasan Rakyat", "id", "name"),
        ("Tentera Pembebasan Rakyat", "ms", "name"), ("Armée populaire de libération", "fr", "name"),
        ("APL", "fr", "acronym"), ("Volksbefreiungsarmee", "de", "name"),
        ("Ejército Popular de Liberación", "es", "name"),
    ]),
    ("Israel Defense Forces", "Organization", "military", "ISR", None, "", [
        ("IDF", "en", "acronym"), ("Israeli army", "en", "name"), ("Pasukan Pertahanan Israel", "id", "name"),
        ("Angkatan Pertahanan Israel", "id", "name"), ("Tsahal", "fr", "name"),
        ("armée israélienne", "fr", "name"), ("israelische Armee", "de", "name"),
        ("Fuerzas de Defensa de Israel", "es", "name"), ("ejército israelí", "es", "name"),
    ]),
    ("Malaysian Armed Forces", "Organization", "military", "MYS", None, "", [
        ("Angkatan Tentera Malaysia", "ms", "name"), ("ATM", "ms", "acronym"),
        ("Angkatan Bersenjata Malaysia", "id", "name"),
    ]),
    ("Armed Forces of the Philippines", "Organization", "military", "PHL", None, "", [
        ("AFP", "en", "acronym"), ("Angkatan Bersenjata Filipina", "id", "name"),
        ("Philippine military", "en", "name"),
    ]),
    ("Royal Thai Army", "Organization", "military", "THA", None, "", [
        ("Thai army", "en", "name"), ("Angkatan Darat Kerajaan Thailand", "id", "name"),
        ("Angkatan Darat Thailand", "id", "name"), ("Tentera Darat Diraja Thai", "ms", "name"),
        ("armée thaïlandaise", "fr", "name"), ("thailändische Armee", "de", "name"),
        ("Ejército Real Tailandés", "es", "name"),
    ]),
    ("Singapore Armed Forces", "Organization", "military", "SGP", None, "", [
        ("SAF", "en", "acronym"), ("Angkatan Bersenjata Singapura", "id", "name"),
    ]),
    ("Tatmadaw", "Organization", "military", "MMR", None, "", [
        ("Myanmar military", "en", "name"), ("Myanmar Armed Forces", "en", "name"), ("junta Myanmar", "id", "name"),
        ("militer Myanmar", "id", "name"),
    ]),
    # armed forces, their branches, gendarmeries, coast guards and national police forces of the
    # G20, ASEAN, Timor-Leste and states often in conflict news (issue 14, item 2): general usage of
    # the news languages; an id only where sources/nsi_operators.tsv gives it ("src:"), else none.
    # Left out: forms naming several states' bodies ("Guardia Nacional": Mexico's and Venezuela's;
    # bare "Heer", "Luftwaffe", "Angkatan Darat", "Marine"), "AFP" (a news agency), and acronyms
    # another force or body bears ("SAF": Singapore's and Sudan's; "RSAF", "RCAF", "PAF", "SPF").
    # Indonesia
    ("TNI Angkatan Darat", "Organization", "military", "IDN", None, "", [
        ("TNI AD", "id", "acronym"), ("TNI-AD", "id", "acronym"), ("Indonesian Army", "en", "name"),
        ("armée de terre indonésienne", "fr", "name"), ("indonesische Armee", "de", "name"),
        ("Ejército de Indonesia", "es", "name"),
    ]),
    ("TNI Angkatan Laut", "Organization", "military", "IDN", None, "", [
        ("TNI AL", "id", "acronym"), ("TNI-AL", "id", "acronym"), ("Indonesian Navy", "en", "name"),
        ("marine indonésienne", "fr", "name"), ("indonesische Marine", "de", "name"),
        ("Armada de Indonesia", "es", "name"), ("Tentera Laut Indonesia", "ms", "name"),
    ]),
    ("TNI Angkatan Udara", "Organization", "military", "IDN", None, "", [
        ("TNI AU", "id", "acronym"), ("TNI-AU", "id", "acronym"), ("Indonesian Air Force", "en", "name"),
        ("armée de l'air indonésienne", "fr", "name"), ("indonesische Luftwaffe", "de", "name"),
        ("Fuerza Aérea de Indonesia", "es", "name"), ("Tentera Udara Indonesia", "ms", "name"),
    ]),
    ("Komando Armada", "Organization", "military", "IDN", None, "", [
        ("Koarmada", "id", "short"), ("Koarmada I", "id", "short"), ("Koarmada II", "id", "short"),
        ("Koarmada III", "id", "short"), ("Indonesian Fleet Command", "en", "name"),
    ]),
    ("Komando Pasukan Khusus", "Organization", "military", "IDN", None, "", [
        ("Kopassus", "mul", "short"),
    ]),
    ("Komando Cadangan Strategis Angkatan Darat", "Organization", "military", "IDN", None, "", [
        ("Kostrad", "mul", "short"),
    ]),
    ("Korps Marinir TNI AL", "Organization", "military", "IDN", None, "", [
        ("Marinir TNI AL", "id", "short"), ("Korps Marinir Indonesia", "id", "name"),
        ("Indonesian Marine Corps", "en", "name"),
    ]),
    ("Badan Keamanan Laut", "Organization", "military", "IDN", None, "", [
        ("Bakamla", "mul", "short"), ("Indonesian Maritime Security Agency", "en", "name"),
        ("Indonesian Coast Guard", "en", "name"),
    ]),
    ("Indonesian National Police", "Organization", "police", "IDN", "src:Q3103954", "", [
        ("Polri", "id", "short"), ("Kepolisian Indonesia", "id", "name"), ("Indonesian police", "en", "name"),
        ("police indonésienne", "fr", "name"), ("indonesische Polizei", "de", "name"),
        ("Policía Nacional de Indonesia", "es", "name"), ("Polis Indonesia", "ms", "name"),
    ]),
    ("Korps Brigade Mobil", "Organization", "police", "IDN", None, "", [("Brimob", "mul", "short")]),
    # Malaysia
    ("Tentera Darat Malaysia", "Organization", "military", "MYS", None, "", [
        ("Malaysian Army", "en", "name"), ("Angkatan Darat Malaysia", "id", "name"),
        ("armée malaisienne", "fr", "name"),
    ]),
    ("Tentera Laut Diraja Malaysia", "Organization", "military", "MYS", None, "", [
        ("TLDM", "ms", "acronym"), ("Royal Malaysian Navy", "en", "name"), ("RMN", "en", "acronym"),
        ("Angkatan Laut Malaysia", "id", "name"), ("marine malaisienne", "fr", "name"),
    ]),
    ("Tentera Udara Diraja Malaysia", "Organization", "military", "MYS", None, "", [
        ("TUDM", "ms", "acronym"), ("Royal Malaysian Air Force", "en", "name"), ("RMAF", "en", "acronym"),
        ("Angkatan Udara Malaysia", "id", "name"),
    ]),
    ("Polis Diraja Malaysia", "Organization", "police", "MYS", "src:Q1664804", "", [
        ("PDRM", "mul", "acronym"), ("Royal Malaysia Police", "en", "name"), ("Kepolisian Malaysia", "id", "name"),
        ("Polis Malaysia", "ms", "name"), ("police malaisienne", "fr", "name"),
    ]),
    ("Agensi Penguatkuasaan Maritim Malaysia", "Organization", "military", "MYS", None, "", [
        ("APMM", "ms", "acronym"), ("Maritim Malaysia", "ms", "short"),
        ("Malaysian Maritime Enforcement Agency", "en", "name"), ("MMEA", "en", "acronym"),
        ("Malaysia Coast Guard", "en", "name"),
    ]),
    # Timor-Leste
    ("Falintil-Forças de Defesa de Timor-Leste", "Organization", "military", "TLS", None, "", [
        ("F-FDTL", "mul", "acronym"), ("FALINTIL-FDTL", "mul", "acronym"),
        ("Timor-Leste Defence Force", "en", "name"), ("Timor-Leste Defense Force", "en", "name"),
        ("Angkatan Bersenjata Timor Leste", "id", "name"), ("Angkatan Bersenjata Timor-Leste", "id", "name"),
        ("forces armées du Timor oriental", "fr", "name"),
    ]),
    ("Polícia Nacional de Timor-Leste", "Organization", "police", "TLS", None, "", [
        ("PNTL", "mul", "acronym"), ("National Police of Timor-Leste", "en", "name"),
        ("Kepolisian Nasional Timor Leste", "id", "name"),
    ]),
    # Philippines, Thailand, Singapore, Vietnam, Cambodia, Laos, Brunei
    ("Philippine Army", "Organization", "military", "PHL", None, "", [
        ("Angkatan Darat Filipina", "id", "name"), ("Tentera Darat Filipina", "ms", "name"),
        ("armée philippine", "fr", "name"), ("Ejército de Filipinas", "es", "name"),
    ]),
    ("Philippine Navy", "Organization", "military", "PHL", None, "", [
        ("Angkatan Laut Filipina", "id", "name"), ("Tentera Laut Filipina", "ms", "name"),
        ("marine philippine", "fr", "name"), ("philippinische Marine", "de", "name"), ("Armada de Filipinas", "es", "name"),
    ]),
    ("Philippine Air Force", "Organization", "military", "PHL", None, "", [
        ("Angkatan Udara Filipina", "id", "name"), ("Tentera Udara Filipina", "ms", "name"),
    ]),
    ("Philippine Coast Guard", "Organization", "military", "PHL", None, "", [
        ("PCG", "en", "acronym"), ("Penjaga Pantai Filipina", "id", "name"), ("Pengawal Pantai Filipina", "ms", "name"),
        ("garde-côtes philippins", "fr", "name"), ("philippinische Küstenwache", "de", "name"),
        ("Guardia Costera de Filipinas", "es", "name"),
    ]),
    ("Philippine National Police", "Organization", "police", "PHL", "src:Q963772", "", [
        ("Kepolisian Nasional Filipina", "id", "name"), ("Polis Filipina", "ms", "name"),
    ]),
    ("Royal Thai Navy", "Organization", "military", "THA", None, "", [
        ("Angkatan Laut Thailand", "id", "name"), ("Tentera Laut Diraja Thai", "ms", "name"),
        ("marine thaïlandaise", "fr", "name"), ("Armada Real Tailandesa", "es", "name"),
    ]),
    ("Royal Thai Air Force", "Organization", "military", "THA", None, "", [
        ("RTAF", "en", "acronym"), ("Angkatan Udara Thailand", "id", "name"), ("Tentera Udara Diraja Thai", "ms", "name"),
    ]),
    ("Royal Thai Armed Forces", "Organization", "military", "THA", None, "", [
        ("Thai military", "en", "name"), ("militer Thailand", "id", "name"), ("Angkatan Bersenjata Thailand", "id", "name"),
        ("Angkatan Tentera Thailand", "ms", "name"), ("forces armées thaïlandaises", "fr", "name"),
        ("Fuerzas Armadas de Tailandia", "es", "name"),
    ]),
    ("Royal Thai Police", "Organization", "police", "THA", "src:Q1831399", "", [
        ("Kepolisian Thailand", "id", "name"), ("Polis Diraja Thai", "ms", "name"),
    ]),
    ("Republic of Singapore Navy", "Organization", "military", "SGP", None, "", [
        ("RSN", "en", "acronym"), ("Angkatan Laut Singapura", "id", "name"), ("Tentera Laut Republik Singapura", "ms", "name"),
    ]),
    ("Republic of Singapore Air Force", "Organization", "military", "SGP", None, "", [
        ("Angkatan Udara Singapura", "id", "name"), ("Tentera Udara Republik Singapura", "ms", "name"),
    ]),
    ("Vietnam People's Army", "Organization", "military", "VNM", None, "", [
        ("Quân đội nhân dân Việt Nam", "vi", "name"), ("Vietnamese army", "en", "name"),
        ("Tentara Rakyat Vietnam", "id", "name"), ("militer Vietnam", "id", "name"),
        ("Armée populaire vietnamienne", "fr", "name"), ("armée vietnamienne", "fr", "name"),
        ("Vietnamesische Volksarmee", "de", "name"), ("Ejército Popular de Vietnam", "es", "name"),
    ]),
    ("Vietnam People's Navy", "Organization", "military", "VNM", None, "", [
        ("Vietnamese Navy", "en", "name"), ("Angkatan Laut Vietnam", "id", "name"), ("Tentera Laut Vietnam", "ms", "name"),
    ]),
    ("Vietnam Coast Guard", "Organization", "military", "VNM", None, "", [
        ("Penjaga Pantai Vietnam", "id", "name"), ("Pengawal Pantai Vietnam", "ms", "name"),
        ("garde-côtes vietnamiens", "fr", "name"),
    ]),
    ("Royal Cambodian Armed Forces", "Organization", "military", "KHM", None, "", [
        ("Cambodian army", "en", "name"), ("Cambodian military", "en", "name"),
        ("Angkatan Bersenjata Kerajaan Kamboja", "id", "name"), ("militer Kamboja", "id", "name"),
        ("Tentera Kemboja", "ms", "name"), ("Forces armées royales khmères", "fr", "name"),
        ("armée cambodgienne", "fr", "name"), ("kambodschanische Armee", "de", "name"),
        ("ejército camboyano", "es", "name"),
    ]),
    ("Lao People's Armed Forces", "Organization", "military", "LAO", None, "", [
        ("Lao People's Army", "en", "name"), ("Tentara Rakyat Laos", "id", "name"),
    ]),
    ("Royal Brunei Armed Forces", "Organization", "military", "BRN", None, "", [
        ("Angkatan Bersenjata Diraja Brunei", "ms", "name"), ("ABDB", "ms", "acronym"),
        ("Angkatan Bersenjata Brunei", "id", "name"),
    ]),
    # China, Taiwan, Japan, Korea
    ("People's Liberation Army Navy", "Organization", "military", "CHN", None, "", [
        ("PLA Navy", "en", "name"), ("PLAN", "en", "acronym"), ("Chinese Navy", "en", "name"),
        ("Angkatan Laut Tiongkok", "id", "name"), ("Angkatan Laut China", "id", "name"),
        ("Tentera Laut China", "ms", "name"), ("marine chinoise", "fr", "name"),
        ("chinesische Marine", "de", "name"), ("Armada china", "es", "name"),
    ]),
    ("People's Liberation Army Air Force", "Organization", "military", "CHN", None, "", [
        ("PLA Air Force", "en", "name"), ("PLAAF", "en", "acronym"), ("Chinese Air Force", "en", "name"),
        ("Angkatan Udara Tiongkok", "id", "name"), ("Tentera Udara China", "ms", "name"),
        ("armée de l'air chinoise", "fr", "name"), ("chinesische Luftwaffe", "de", "name"),
        ("Fuerza Aérea china", "es", "name"),
    ]),
    ("People's Liberation Army Ground Force", "Organization", "military", "CHN", None, "", [
        ("PLA Ground Force", "en", "name"), ("PLAGF", "en", "acronym"),
    ]),
    ("People's Liberation Army Rocket Force", "Organization", "military", "CHN", None, "", [
        ("PLA Rocket Force", "en", "name"), ("PLARF", "en", "acronym"),
    ]),
    ("China Coast Guard", "Organization", "military", "CHN", None, "", [
        ("Chinese Coast Guard", "en", "name"), ("CCG", "en", "acronym"), ("Penjaga Pantai Tiongkok", "id", "name"),
        ("Penjaga Pantai China", "id", "name"), ("Pengawal Pantai China", "ms", "name"),
        ("garde-côtes chinois", "fr", "name"), ("chinesische Küstenwache", "de", "name"),
        ("Guardia Costera china", "es", "name"), ("Guardia Costera de China", "es", "name"),
    ]),
    ("People's Armed Police", "Organization", "military", "CHN", None, "", [
        ("Chinese People's Armed Police", "en", "name"), ("Polisi Bersenjata Rakyat", "id", "name"),
        ("Police armée du peuple", "fr", "name"), ("Bewaffnete Volkspolizei", "de", "name"),
    ]),
    ("Republic of China Armed Forces", "Organization", "military", "TWN", None, "", [
        ("Taiwanese military", "en", "name"), ("Taiwan's military", "en", "name"), ("militer Taiwan", "id", "name"),
        ("armée taïwanaise", "fr", "name"), ("taiwanische Armee", "de", "name"), ("ejército taiwanés", "es", "name"),
    ]),
    ("Coast Guard Administration", "Organization", "military", "TWN", "src:Q698822", "", [
        ("Taiwan Coast Guard", "en", "name"), ("Taiwan's coast guard", "en", "name"),
        ("Penjaga Pantai Taiwan", "id", "name"), ("garde-côtes taïwanais", "fr", "name"),
    ]),
    ("Japan Self-Defense Forces", "Organization", "military", "JPN", None, "", [
        ("JSDF", "en", "acronym"), ("Japan Self-Defence Forces", "en", "name"),
        ("Pasukan Bela Diri Jepang", "id", "name"), ("Forces japonaises d'autodéfense", "fr", "name"),
        ("Japanische Selbstverteidigungsstreitkräfte", "de", "name"), ("Fuerzas de Autodefensa de Japón", "es", "name"),
    ]),
    ("Japan Coast Guard", "Organization", "military", "JPN", None, "", [
        ("Penjaga Pantai Jepang", "id", "name"), ("garde-côtes japonais", "fr", "name"),
        ("japanische Küstenwache", "de", "name"),
    ]),
    ("Republic of Korea Armed Forces", "Organization", "military", "KOR", None, "", [
        ("South Korean military", "en", "name"), ("militer Korea Selatan", "id", "name"),
        ("Angkatan Bersenjata Korea Selatan", "id", "name"), ("armée sud-coréenne", "fr", "name"),
        ("südkoreanische Armee", "de", "name"), ("ejército surcoreano", "es", "name"),
    ]),
    ("Republic of Korea Army", "Organization", "military", "KOR", None, "", [
        ("ROK Army", "en", "name"), ("South Korean Army", "en", "name"), ("Angkatan Darat Korea Selatan", "id", "name"),
    ]),
    ("Republic of Korea Navy", "Organization", "military", "KOR", None, "", [
        ("ROK Navy", "en", "name"), ("South Korean Navy", "en", "name"), ("Angkatan Laut Korea Selatan", "id", "name"),
        ("marine sud-coréenne", "fr", "name"),
    ]),
    ("Republic of Korea Air Force", "Organization", "military", "KOR", None, "", [
        ("ROKAF", "en", "acronym"), ("ROK Air Force", "en", "name"), ("South Korean Air Force", "en", "name"),
        ("Angkatan Udara Korea Selatan", "id", "name"),
    ]),
    ("Republic of Korea Marine Corps", "Organization", "military", "KOR", None, "", [
        ("ROK Marine Corps", "en", "name"), ("South Korean Marines", "en", "name"),
    ]),
    # South Asia
    ("Indian Coast Guard", "Organization", "military", "IND", None, "", [("Penjaga Pantai India", "id", "name")]),
    ("Indian Armed Forces", "Organization", "military", "IND", None, "", [
        ("Indian military", "en", "name"), ("militer India", "id", "name"), ("Angkatan Bersenjata India", "id", "name"),
        ("forces armées indiennes", "fr", "name"), ("indische Streitkräfte", "de", "name"),
        ("Fuerzas Armadas de la India", "es", "name"),
    ]),
    ("Pakistan Army", "Organization", "military", "PAK", None, "", [
        ("Pakistani army", "en", "name"), ("Pakistani military", "en", "name"), ("Angkatan Darat Pakistan", "id", "name"),
        ("militer Pakistan", "id", "name"), ("Tentera Pakistan", "ms", "name"), ("armée pakistanaise", "fr", "name"),
        ("pakistanische Armee", "de", "name"), ("ejército pakistaní", "es", "name"),
    ]),
    ("Pakistan Air Force", "Organization", "military", "PAK", None, "", [
        ("Angkatan Udara Pakistan", "id", "name"), ("armée de l'air pakistanaise", "fr", "name"),
        ("pakistanische Luftwaffe", "de", "name"),
    ]),
    ("Pakistan Navy", "Organization", "military", "PAK", None, "", [("Angkatan Laut Pakistan", "id", "name")]),
    # Russia, Ukraine
    ("Russian Ground Forces", "Organization", "military", "RUS", None, "", [
        ("Russian army", "en", "name"), ("Angkatan Darat Rusia", "id", "name"), ("tentara Rusia", "id", "name"),
        ("Tentera Rusia", "ms", "name"), ("armée russe", "fr", "name"), ("russische Armee", "de", "name"),
        ("ejército ruso", "es", "name"), ("Сухопутные войска России", "ru", "name"),
    ]),
    ("Russian Navy", "Organization", "military", "RUS", None, "", [
        ("Angkatan Laut Rusia", "id", "name"), ("Tentera Laut Rusia", "ms", "name"), ("marine russe", "fr", "name"),
        ("russische Marine", "de", "name"), ("Armada rusa", "es", "name"), ("Военно-морской флот России", "ru", "name"),
    ]),
    ("Russian Aerospace Forces", "Organization", "military", "RUS", None, "", [
        ("Russian Air Force", "en", "name"), ("VKS", "en", "acronym"), ("Angkatan Udara Rusia", "id", "name"),
        ("Tentera Udara Rusia", "ms", "name"), ("armée de l'air russe", "fr", "name"),
        ("Forces aérospatiales russes", "fr", "name"), ("russische Luftwaffe", "de", "name"),
        ("Luft- und Weltraumkräfte", "de", "name"), ("Fuerza Aérea rusa", "es", "name"),
        ("Fuerzas Aeroespaciales de Rusia", "es", "name"), ("Воздушно-космические силы", "ru", "name"),
    ]),
    ("Black Sea Fleet", "Organization", "military", "RUS", None, "", [
        ("Armada Laut Hitam", "id", "name"), ("Flotte de la mer Noire", "fr", "name"),
        ("Schwarzmeerflotte", "de", "name"), ("Flota del Mar Negro", "es", "name"), ("Черноморский флот", "ru", "name"),
    ]),
    ("National Guard of Russia", "Organization", "military", "RUS", None, "", [
        ("Rosgvardia", "mul", "short"), ("Rosgvardiya", "mul", "short"), ("Росгвардия", "ru", "short"),
        ("Garda Nasional Rusia", "id", "name"), ("Garde nationale russe", "fr", "name"),
        ("Russische Nationalgarde", "de", "name"), ("Guardia Nacional de Rusia", "es", "name"),
    ]),
    ("Ukrainian Ground Forces", "Organization", "military", "UKR", None, "", [
        ("Ukrainian army", "en", "name"), ("Angkatan Darat Ukraina", "id", "name"), ("tentara Ukraina", "id", "name"),
        ("Tentera Ukraine", "ms", "name"), ("armée ukrainienne", "fr", "name"), ("ukrainische Armee", "de", "name"),
        ("ejército ucraniano", "es", "name"),
    ]),
    ("Ukrainian Navy", "Organization", "military", "UKR", None, "", [
        ("Angkatan Laut Ukraina", "id", "name"), ("marine ukrainienne", "fr", "name"),
        ("ukrainische Marine", "de", "name"), ("Armada de Ucrania", "es", "name"),
    ]),
    ("Ukrainian Air Force", "Organization", "military", "UKR", None, "", [
        ("Angkatan Udara Ukraina", "id", "name"), ("Tentera Udara Ukraine", "ms", "name"),
        ("armée de l'air ukrainienne", "fr", "name"), ("ukrainische Luftwaffe", "de", "name"),
        ("Fuerza Aérea de Ucrania", "es", "name"), ("Fuerza Aérea ucraniana", "es", "name"),
    ]),
    ("National Guard of Ukraine", "Organization", "military", "UKR", None, "", [
        ("Garda Nasional Ukraina", "id", "name"), ("Garde nationale ukrainienne", "fr", "name"),
        ("Ukrainische Nationalgarde", "de", "name"), ("Guardia Nacional de Ucrania", "es", "name"),
    ]),
    # France, Germany, United Kingdom, Italy, Spain
    ("French Army", "Organization", "military", "FRA", None, "", [
        ("armée de Terre", "fr", "name"), ("armée de terre française", "fr", "name"),
        ("Angkatan Darat Prancis", "id", "name"), ("Tentera Darat Perancis", "ms", "name"),
        ("französisches Heer", "de", "name"), ("Ejército de Tierra francés", "es", "name"),
    ]),
    ("French Navy", "Organization", "military", "FRA", None, "", [
        ("Marine nationale", "fr", "name"), ("marine française", "fr", "name"), ("Angkatan Laut Prancis", "id", "name"),
        ("Tentera Laut Perancis", "ms", "name"), ("französische Marine", "de", "name"),
        ("Armada francesa", "es", "name"), ("Marina Nacional francesa", "es", "name"),
    ]),
    ("French Air and Space Force", "Organization", "military", "FRA", None, "", [
        ("Armée de l'air et de l'espace", "fr", "name"), ("armée de l'air française", "fr", "name"),
        ("French Air Force", "en", "name"), ("Angkatan Udara Prancis", "id", "name"),
        ("Tentera Udara Perancis", "ms", "name"), ("französische Luftwaffe", "de", "name"),
        ("Fuerza Aérea francesa", "es", "name"),
    ]),
    ("French Gendarmerie", "Organization", "police", "FRA", "src:Q1422336", "", [
        ("gendarmerie française", "fr", "name"), ("Gendarmerie Prancis", "id", "name"),
        ("französische Gendarmerie", "de", "name"), ("Gendarmería francesa", "es", "name"),
    ]),
    ("French Foreign Legion", "Organization", "military", "FRA", None, "", [
        ("Légion étrangère", "fr", "name"), ("Legiun Asing Prancis", "id", "name"),
        ("Fremdenlegion", "de", "name"), ("Legión Extranjera francesa", "es", "name"),
    ]),
    ("German Army", "Organization", "military", "DEU", None, "", [
        ("Heer der Bundeswehr", "de", "name"), ("deutsches Heer", "de", "name"), ("Deutsches Heer", "de", "name"),
        ("Angkatan Darat Jerman", "id", "name"), ("armée de terre allemande", "fr", "name"),
        ("Ejército alemán", "es", "name"),
    ]),
    ("German Navy", "Organization", "military", "DEU", None, "", [
        ("Deutsche Marine", "de", "name"), ("Angkatan Laut Jerman", "id", "name"), ("marine allemande", "fr", "name"),
        ("Armada alemana", "es", "name"),
    ]),
    ("German Air Force", "Organization", "military", "DEU", None, "", [
        ("Luftwaffe der Bundeswehr", "de", "name"), ("deutsche Luftwaffe", "de", "name"),
        ("Angkatan Udara Jerman", "id", "name"), ("armée de l'air allemande", "fr", "name"),
        ("Fuerza Aérea alemana", "es", "name"),
    ]),
    ("Royal Navy", "Organization", "military", "GBR", None, "", [
        ("British Navy", "en", "name"), ("Angkatan Laut Kerajaan Inggris", "id", "name"),
        ("Angkatan Laut Inggris", "id", "name"), ("Tentera Laut Diraja British", "ms", "name"),
        ("marine britannique", "fr", "name"), ("britische Marine", "de", "name"), ("Armada británica", "es", "name"),
    ]),
    ("Royal Marines", "Organization", "military", "GBR", None, "", [("Marinir Kerajaan Inggris", "id", "name")]),
    ("Italian Army", "Organization", "military", "ITA", "src:Q796411", "", [
        ("Angkatan Darat Italia", "id", "name"), ("armée italienne", "fr", "name"),
        ("italienische Armee", "de", "name"), ("Ejército italiano", "es", "name"),
    ]),
    ("Italian Navy", "Organization", "military", "ITA", None, "", [
        ("Marina Militare", "it", "name"), ("Angkatan Laut Italia", "id", "name"), ("marine italienne", "fr", "name"),
        ("italienische Marine", "de", "name"), ("Armada italiana", "es", "name"),
    ]),
    ("Italian Air Force", "Organization", "military", "ITA", None, "", [
        ("Aeronautica Militare", "it", "name"), ("Angkatan Udara Italia", "id", "name"),
    ]),
    ("Spanish Army", "Organization", "military", "ESP", None, "", [
        ("Ejército de Tierra", "es", "name"), ("Ejército español", "es", "name"), ("Angkatan Darat Spanyol", "id", "name"),
        ("armée de terre espagnole", "fr", "name"), ("spanisches Heer", "de", "name"),
    ]),
    ("Spanish Navy", "Organization", "military", "ESP", None, "", [
        ("Armada Española", "es", "name"), ("Angkatan Laut Spanyol", "id", "name"), ("marine espagnole", "fr", "name"),
        ("spanische Marine", "de", "name"),
    ]),
    ("Spanish Air and Space Force", "Organization", "military", "ESP", "src:Q833218", "", [
        ("Ejército del Aire", "es", "name"), ("Spanish Air Force", "en", "name"), ("Angkatan Udara Spanyol", "id", "name"),
    ]),
    ("Spanish Armed Forces", "Organization", "military", "ESP", None, "", [
        ("Fuerzas Armadas Españolas", "es", "name"), ("Fuerzas Armadas de España", "es", "name"),
        ("Angkatan Bersenjata Spanyol", "id", "name"), ("forces armées espagnoles", "fr", "name"),
        ("spanische Streitkräfte", "de", "name"),
    ]),
    ("Guardia Civil", "Organization", "police", "ESP", "src:Q932821", "", [
        ("Garda Sipil Spanyol", "id", "name"), ("Garde civile", "fr", "name"),
    ]),
    # Americas
    ("United States National Guard", "Organization", "military", "USA", None, "", [
        ("US National Guard", "en", "name"), ("U.S. National Guard", "en", "name"), ("Garda Nasional AS", "id", "name"),
        ("Garda Nasional Amerika Serikat", "id", "name"), ("Garde nationale américaine", "fr", "name"),
        ("US-Nationalgarde", "de", "name"), ("Guardia Nacional de Estados Unidos", "es", "name"),
    ]),
    ("United States Space Force", "Organization", "military", "USA", "src:Q55088961", "", [
        ("US Space Force", "en", "name"), ("USSF", "en", "acronym"), ("Angkatan Luar Angkasa AS", "id", "name"),
    ]),
    ("United States Armed Forces", "Organization", "military", "USA", None, "", [
        ("US military", "en", "name"), ("U.S. military", "en", "name"), ("US Armed Forces", "en", "name"),
        ("militer AS", "id", "name"), ("militer Amerika Serikat", "id", "name"), ("tentara AS", "id", "name"),
        ("tentera AS", "ms", "name"), ("armée américaine", "fr", "name"), ("US-Militär", "de", "name"),
        ("US-Streitkräfte", "de", "name"), ("ejército estadounidense", "es", "name"),
        ("Fuerzas Armadas de Estados Unidos", "es", "name"),
    ]),
    ("United States Marine Corps", "Organization", "military", "USA", "src:Q11218", "", [
        ("US Marines", "en", "name"), ("U.S. Marines", "en", "name"), ("Marinir AS", "id", "name"),
        ("Marines américains", "fr", "name"), ("US-Marines", "de", "name"), ("marines estadounidenses", "es", "name"),
    ]),
    ("Canadian Armed Forces", "Organization", "military", "CAN", None, "", [
        ("Canadian military", "en", "name"), ("Forces armées canadiennes", "fr", "name"),
        ("Angkatan Bersenjata Kanada", "id", "name"), ("kanadische Streitkräfte", "de", "name"),
        ("Fuerzas Armadas de Canadá", "es", "name"),
    ]),
    ("Royal Canadian Navy", "Organization", "military", "CAN", None, "", [("Marine royale canadienne", "fr", "name")]),
    ("Royal Canadian Air Force", "Organization", "military", "CAN", None, "", [
        ("Aviation royale canadienne", "fr", "name"),
    ]),
    ("Brazilian Army", "Organization", "military", "BRA", None, "", [
        ("Exército Brasileiro", "pt", "name"), ("Angkatan Darat Brasil", "id", "name"), ("armée brésilienne", "fr", "name"),
        ("brasilianische Armee", "de", "name"), ("Ejército Brasileño", "es", "name"),
    ]),
    ("Brazilian Navy", "Organization", "military", "BRA", "src:Q1750688", "", [
        ("Angkatan Laut Brasil", "id", "name"), ("marine brésilienne", "fr", "name"), ("Armada de Brasil", "es", "name"),
    ]),
    ("Brazilian Air Force", "Organization", "military", "BRA", "src:Q634542", "", [
        ("Angkatan Udara Brasil", "id", "name"), ("Fuerza Aérea Brasileña", "es", "name"),
    ]),
    ("Secretariat of National Defense (Mexico)", "Organization", "defence_ministry", "MEX", None, "", [
        ("Secretaría de la Defensa Nacional", "es", "name"), ("Sedena", "mul", "short"), ("SEDENA", "mul", "acronym"),
        ("Mexican Defense Ministry", "en", "name"), ("Kementerian Pertahanan Meksiko", "id", "name"),
    ]),
    ("Mexican Army", "Organization", "military", "MEX", None, "", [
        ("Ejército Mexicano", "es", "name"), ("Angkatan Darat Meksiko", "id", "name"), ("militer Meksiko", "id", "name"),
        ("armée mexicaine", "fr", "name"), ("mexikanische Armee", "de", "name"),
    ]),
    ("Mexican Navy", "Organization", "military", "MEX", None, "", [
        ("Secretaría de Marina", "es", "name"), ("Semar", "mul", "short"), ("SEMAR", "mul", "acronym"),
        ("Armada de México", "es", "name"), ("Angkatan Laut Meksiko", "id", "name"), ("marine mexicaine", "fr", "name"),
    ]),
    ("National Guard (Mexico)", "Organization", "military", "MEX", "src:Q61941046", "", [
        ("Mexican National Guard", "en", "name"), ("Guardia Nacional de México", "es", "name"),
        ("Garda Nasional Meksiko", "id", "name"), ("Garde nationale mexicaine", "fr", "name"),
        ("mexikanische Nationalgarde", "de", "name"),
    ]),
    ("Argentine Army", "Organization", "military", "ARG", None, "", [
        ("Ejército Argentino", "es", "name"), ("Angkatan Darat Argentina", "id", "name"), ("armée argentine", "fr", "name"),
    ]),
    ("Argentine Navy", "Organization", "military", "ARG", None, "", [
        ("Armada Argentina", "es", "name"), ("Angkatan Laut Argentina", "id", "name"),
    ]),
    ("Colombian Army", "Organization", "military", "COL", None, "", [
        ("Ejército Nacional de Colombia", "es", "name"), ("Ejército de Colombia", "es", "name"),
        ("ejército colombiano", "es", "name"), ("Angkatan Darat Kolombia", "id", "name"), ("armée colombienne", "fr", "name"),
        ("kolumbianische Armee", "de", "name"),
    ]),
    ("National Bolivarian Armed Forces of Venezuela", "Organization", "military", "VEN", None, "", [
        ("Fuerza Armada Nacional Bolivariana", "es", "name"), ("FANB", "mul", "acronym"),
        ("Venezuelan military", "en", "name"), ("militer Venezuela", "id", "name"),
        ("armée vénézuélienne", "fr", "name"), ("venezolanische Armee", "de", "name"),
    ]),
    # Middle East
    ("Israeli Air Force", "Organization", "military", "ISR", None, "", [
        ("Angkatan Udara Israel", "id", "name"), ("Tentera Udara Israel", "ms", "name"),
        ("armée de l'air israélienne", "fr", "name"), ("israelische Luftwaffe", "de", "name"),
        ("Fuerza Aérea israelí", "es", "name"),
    ]),
    ("Israeli Navy", "Organization", "military", "ISR", None, "", [
        ("Angkatan Laut Israel", "id", "name"), ("marine israélienne", "fr", "name"), ("israelische Marine", "de", "name"),
        ("Armada israelí", "es", "name"),
    ]),
    ("Israel Defense Forces", "Organization", "military", "ISR", None, "", [
        ("Tsahal", "mul", "name"), ("Tzahal", "mul", "name"), ("tentara Israel", "id", "name"), ("militer Israel", "id", "name"),
        ("Tentera Israel", "ms", "name"), ("Israeli military", "en", "name"), ("israelische Streitkräfte", "de", "name"),
        ("Israelische Verteidigungsstreitkräfte", "de", "name"), ("ejército de Israel", "es", "name"),
    ]),
    ("Lebanese Armed Forces", "Organization", "military", "LBN", None, "", [
        ("LAF", "en", "acronym"), ("Lebanese army", "en", "name"), ("Angkatan Bersenjata Lebanon", "id", "name"),
        ("tentara Lebanon", "id", "name"), ("Tentera Lubnan", "ms", "name"), ("armée libanaise", "fr", "name"),
        ("Forces armées libanaises", "fr", "name"), ("libanesische Armee", "de", "name"),
        ("Ejército libanés", "es", "name"), ("Fuerzas Armadas del Líbano", "es", "name"),
    ]),
    ("Syrian Arab Army", "Organization", "military", "SYR", None, "", [
        ("Syrian army", "en", "name"), ("Tentara Arab Suriah", "id", "name"), ("tentara Suriah", "id", "name"),
        ("Tentera Syria", "ms", "name"), ("armée syrienne", "fr", "name"), ("syrische Armee", "de", "name"),
        ("ejército sirio", "es", "name"),
    ]),
    ("Iraqi Armed Forces", "Organization", "military", "IRQ", None, "", [
        ("Iraqi army", "en", "name"), ("Iraqi security forces", "en", "name"), ("tentara Irak", "id", "name"),
        ("Tentera Iraq", "ms", "name"), ("armée irakienne", "fr", "name"), ("irakische Armee", "de", "name"),
        ("ejército iraquí", "es", "name"),
    ]),
    ("Islamic Revolutionary Guard Corps", "Organization", "military", "IRN", None, "", [
        ("IRGC", "en", "acronym"), ("Revolutionary Guards", "en", "name"), ("Iran's Revolutionary Guards", "en", "name"),
        ("Garda Revolusi Iran", "id", "name"), ("Korps Garda Revolusi Islam", "id", "name"),
        ("Pengawal Revolusi Iran", "ms", "name"), ("Gardiens de la révolution", "fr", "name"),
        ("Corps des Gardiens de la révolution islamique", "fr", "name"), ("Revolutionsgarden", "de", "name"),
        ("Iranische Revolutionsgarde", "de", "name"), ("Guardia Revolucionaria", "es", "name"),
        ("Cuerpo de la Guardia Revolucionaria Islámica", "es", "name"), ("Pasdaran", "mul", "name"),
    ]),
    ("Islamic Republic of Iran Army", "Organization", "military", "IRN", None, "", [
        ("Artesh", "mul", "name"), ("Iranian army", "en", "name"), ("tentara Iran", "id", "name"),
        ("armée iranienne", "fr", "name"), ("iranische Armee", "de", "name"), ("ejército iraní", "es", "name"),
    ]),
    ("Saudi Arabian Armed Forces", "Organization", "military", "SAU", None, "", [
        ("Saudi military", "en", "name"), ("militer Arab Saudi", "id", "name"), ("armée saoudienne", "fr", "name"),
        ("saudische Armee", "de", "name"), ("ejército saudí", "es", "name"),
    ]),
    ("Saudi Arabian National Guard", "Organization", "military", "SAU", "src:Q4120549", "", [
        ("Garda Nasional Arab Saudi", "id", "name"), ("Garde nationale saoudienne", "fr", "name"),
    ]),
    ("Turkish Armed Forces", "Organization", "military", "TUR", None, "", [
        ("TSK", "mul", "acronym"), ("Türk Silahlı Kuvvetleri", "tr", "name"), ("Turkish military", "en", "name"),
        ("Turkish army", "en", "name"), ("militer Turki", "id", "name"), ("Angkatan Bersenjata Turki", "id", "name"),
        ("Tentera Turki", "ms", "name"), ("armée turque", "fr", "name"), ("türkische Armee", "de", "name"),
        ("türkische Streitkräfte", "de", "name"), ("ejército turco", "es", "name"),
    ]),
    ("Egyptian Armed Forces", "Organization", "military", "EGY", None, "", [
        ("Egyptian army", "en", "name"), ("Egyptian military", "en", "name"), ("militer Mesir", "id", "name"),
        ("tentara Mesir", "id", "name"), ("Tentera Mesir", "ms", "name"), ("armée égyptienne", "fr", "name"),
        ("ägyptische Armee", "de", "name"), ("ejército egipcio", "es", "name"),
    ]),
    ("Jordan Armed Forces", "Organization", "military", "JOR", None, "", [
        ("Jordanian army", "en", "name"), ("Jordanian Armed Forces", "en", "name"), ("militer Yordania", "id", "name"),
        ("armée jordanienne", "fr", "name"), ("jordanische Armee", "de", "name"),
    ]),
    # Africa
    ("Armed Forces of the Democratic Republic of the Congo", "Organization", "military", "COD", None, "", [
        ("FARDC", "mul", "acronym"), ("Forces armées de la République démocratique du Congo", "fr", "name"),
    ]),
    ("Uganda People's Defence Force", "Organization", "military", "UGA", None, "", [
        ("UPDF", "mul", "acronym"), ("Uganda People's Defense Force", "en", "name"), ("Ugandan army", "en", "name"),
        ("Forces de défense populaires de l'Ouganda", "fr", "name"), ("armée ougandaise", "fr", "name"),
        ("Tentara Uganda", "id", "name"), ("ugandische Armee", "de", "name"),
    ]),
    ("South African National Defence Force", "Organization", "military", "ZAF", None, "", [
        ("SANDF", "mul", "acronym"), ("South African army", "en", "name"),
        ("Angkatan Bersenjata Afrika Selatan", "id", "name"), ("armée sud-africaine", "fr", "name"),
        ("südafrikanische Armee", "de", "name"), ("Fuerza de Defensa Nacional de Sudáfrica", "es", "name"),
    ]),
    ("Malian Armed Forces", "Organization", "military", "MLI", None, "", [
        ("FAMa", "mul", "acronym"), ("Forces armées maliennes", "fr", "name"), ("armée malienne", "fr", "name"),
        ("Malian army", "en", "name"), ("tentara Mali", "id", "name"), ("malische Armee", "de", "name"),
        ("ejército maliense", "es", "name"),
    ]),
    ("Sudanese Armed Forces", "Organization", "military", "SDN", None, "", [
        ("Sudanese army", "en", "name"), ("Angkatan Bersenjata Sudan", "id", "name"), ("tentara Sudan", "id", "name"),
        ("Tentera Sudan", "ms", "name"), ("Forces armées soudanaises", "fr", "name"), ("armée soudanaise", "fr", "name"),
        ("sudanesische Armee", "de", "name"), ("Fuerzas Armadas de Sudán", "es", "name"), ("ejército sudanés", "es", "name"),
    ]),
    ("South Sudan People's Defence Forces", "Organization", "military", "SSD", None, "", [
        ("SSPDF", "mul", "acronym"), ("South Sudanese army", "en", "name"), ("armée sud-soudanaise", "fr", "name"),
    ]),
    ("Ethiopian National Defense Force", "Organization", "military", "ETH", None, "", [
        ("ENDF", "mul", "acronym"), ("Ethiopian army", "en", "name"), ("Ethiopian military", "en", "name"),
        ("tentara Ethiopia", "id", "name"), ("armée éthiopienne", "fr", "name"), ("äthiopische Armee", "de", "name"),
        ("ejército etíope", "es", "name"),
    ]),
    ("Kenya Defence Forces", "Organization", "military", "KEN", None, "", [
        ("KDF", "mul", "acronym"), ("Kenyan army", "en", "name"), ("Kenyan military", "en", "name"),
        ("armée kényane", "fr", "name"), ("kenianische Armee", "de", "name"),
    ]),
    ("Nigerian Armed Forces", "Organization", "military", "NGA", None, "", [
        ("Nigerian army", "en", "name"), ("Nigerian military", "en", "name"), ("militer Nigeria", "id", "name"),
        ("armée nigériane", "fr", "name"), ("nigerianische Armee", "de", "name"), ("ejército nigeriano", "es", "name"),
    ]),
    ("Rwanda Defence Force", "Organization", "military", "RWA", None, "", [
        ("RDF", "mul", "acronym"), ("Rwandan army", "en", "name"), ("Forces rwandaises de défense", "fr", "name"),
        ("armée rwandaise", "fr", "name"), ("ruandische Armee", "de", "name"),
    ]),
    ("Somali National Army", "Organization", "military", "SOM", None, "", [
        ("Somali army", "en", "name"), ("armée somalienne", "fr", "name"), ("somalische Armee", "de", "name"),
    ]),
    ("Central African Armed Forces", "Organization", "military", "CAF", None, "", [
        ("FACA", "mul", "acronym"), ("Forces armées centrafricaines", "fr", "name"), ("armée centrafricaine", "fr", "name"),
    ]),
    ("Burkina Faso Armed Forces", "Organization", "military", "BFA", None, "", [
        ("Forces armées nationales du Burkina Faso", "fr", "name"), ("armée burkinabè", "fr", "name"),
        ("Burkinabe army", "en", "name"),
    ]),
    ("Niger Armed Forces", "Organization", "military", "NER", None, "", [
        ("Forces armées nigériennes", "fr", "name"), ("armée nigérienne", "fr", "name"), ("Nigerien army", "en", "name"),
    ]),
    ("Algerian People's National Army", "Organization", "military", "DZA", None, "", [
        ("Armée nationale populaire", "fr", "name"), ("armée algérienne", "fr", "name"), ("Algerian army", "en", "name"),
        ("algerische Armee", "de", "name"),
    ]),
    ("Mossad", "Organization", "intelligence", "ISR", None, "", []),
    ("Ministry of State Security (China)", "Organization", "intelligence", "CHN", None, "", [
        ("Ministry of State Security", "en", "name"), ("MSS", "en", "acronym"),
        ("Kementerian Keamanan Negara Tiongkok", "id", "name"),
    ]),
    ("Federal Ministry of Defence (Germany)", "Organization", "defence_ministry", "DEU", None, "", [
        ("Bundesministerium der Verteidigung", "de", "name"), ("BMVg", "de", "acronym"),
        ("German Defence Ministry", "en", "name"), ("Kementerian Pertahanan Jerman", "id", "name"),
    ]),
    ("Auswärtiges Amt", "Organization", "foreign_ministry", "DEU", None, "", [
        ("German Foreign Office", "en", "name"), ("Federal Foreign Office", "en", "name"),
        ("Kementerian Luar Negeri Jerman", "id", "name"),
    ]),
    ("Ministry of Defence (United Kingdom)", "Organization", "defence_ministry", "GBR", None, "", [
        ("UK Ministry of Defence", "en", "name"), ("British Ministry of Defence", "en", "name"),
        ("Kementerian Pertahanan Inggris", "id", "name"),
    ]),
    ("Foreign, Commonwealth and Development Office", "Organization", "foreign_ministry", "GBR", None, "", [
        ("FCDO", "en", "acronym"), ("UK Foreign Office", "en", "name"), ("British Foreign Office", "en", "name"),
    ]),
    ("Ministry of Foreign Affairs of Russia", "Organization", "foreign_ministry", "RUS", None, "", [
        ("Russian Foreign Ministry", "en", "name"), ("Russian Ministry of Foreign Affairs", "en", "name"),
        ("Kementerian Luar Negeri Rusia", "id", "name"), ("Kemlu Rusia", "id", "short"),
        ("ministère russe des Affaires étrangères", "fr", "name"),
        ("russische Außenministerium", "de", "name"), ("russisches Außenministerium", "de", "name"),
        ("Ministerio de Asuntos Exteriores de Rusia", "es", "name"), ("Cancillería rusa", "es", "name"),
        ("МИД России", "ru", "acronym"),
    ]),
    ("Ministry of Foreign Affairs of China", "Organization", "foreign_ministry", "CHN", None, "", [
        ("Chinese Foreign Ministry", "en", "name"), ("Kementerian Luar Negeri Tiongkok", "id", "name"),
        ("Kementerian Luar Negeri China", "ms", "name"), ("ministère chinois des Affaires étrangères", "fr", "name"),
        ("chinesische Außenministerium", "de", "name"), ("chinesisches Außenministerium", "de", "name"),
        ("Ministerio de Asuntos Exteriores de China", "es", "name"), ("Cancillería china", "es", "name"),
    ]),
    ("Ministry of National Defense (China)", "Organization", "defence_ministry", "CHN", None, "", [
        ("Chinese Defence Ministry", "en", "name"), ("Chinese Defense Ministry", "en", "name"),
        ("Kementerian Pertahanan Tiongkok", "id", "name"),
    ]),
    ("Ministry of Defence (Indonesia)", "Organization", "defence_ministry", "IDN", None, "", [
        ("Kementerian Pertahanan", "id", "name"), ("Kemhan", "id", "short"), ("Kemenhan", "id", "short"),
        ("Indonesian Defence Ministry", "en", "name"), ("Indonesian Ministry of Defence", "en", "name"),
    ]),
    ("Ministry of Foreign Affairs (Indonesia)", "Organization", "foreign_ministry", "IDN", None, "", [
        ("Kementerian Luar Negeri", "id", "name"), ("Kemlu", "id", "short"), ("Kemenlu", "id", "short"),
        ("Indonesian Foreign Ministry", "en", "name"), ("Kementerian Luar Negeri Indonesia", "id", "name"),
    ]),
    ("Ministry of Defence (Malaysia)", "Organization", "defence_ministry", "MYS", None, "", [
        ("Kementerian Pertahanan Malaysia", "ms", "name"), ("MINDEF", "ms", "acronym"),
        ("Malaysian Ministry of Defence", "en", "name"),
    ]),
    ("Ministry of Foreign Affairs (Malaysia)", "Organization", "foreign_ministry", "MYS", None, "", [
        ("Wisma Putra", "ms", "metonym"), ("Kementerian Luar Negeri Malaysia", "ms", "name"),
        ("Malaysian Foreign Ministry", "en", "name"),
    ]),
    ("Ministry of the Armed Forces (France)", "Organization", "defence_ministry", "FRA", None, "", [
        ("ministère des Armées", "fr", "name"), ("French Ministry of the Armed Forces", "en", "name"),
        ("Kementerian Pertahanan Prancis", "id", "name"),
    ]),
    ("Ministry for Europe and Foreign Affairs (France)", "Organization", "foreign_ministry", "FRA", None, "", [
        ("Quai d'Orsay", "fr", "metonym"), ("ministère des Affaires étrangères", "fr", "name"),
        ("French Foreign Ministry", "en", "name"),
    ]),
    ("French Armed Forces", "Organization", "military", "FRA", None, "", [
        ("armée française", "fr", "name"), ("forces armées françaises", "fr", "name"),
        ("Angkatan Bersenjata Prancis", "id", "name"), ("französische Armee", "de", "name"),
        ("Fuerzas Armadas de Francia", "es", "name"),
    ]),
    ("Ministry of Defence (Spain)", "Organization", "defence_ministry", "ESP", None, "", [
        ("Ministerio de Defensa", "es", "name"), ("Spanish Ministry of Defence", "en", "name"),
    ]),
    ("Ukrainian Ministry of Defence", "Organization", "defence_ministry", "UKR", None, "", [
        ("Ministry of Defence of Ukraine", "en", "name"), ("Kementerian Pertahanan Ukraina", "id", "name"),
    ]),
    ("Ministry of Foreign Affairs of Ukraine", "Organization", "foreign_ministry", "UKR", None, "", [
        ("Ukrainian Foreign Ministry", "en", "name"), ("Kementerian Luar Negeri Ukraina", "id", "name"),
    ]),
    ("Ministry of National Defense (South Korea)", "Organization", "defence_ministry", "KOR", None, "", [
        ("South Korean Defence Ministry", "en", "name"), ("Kementerian Pertahanan Korea Selatan", "id", "name"),
        ("국방부", "ko", "name"),
    ]),
    ("Ministry of Foreign Affairs (South Korea)", "Organization", "foreign_ministry", "KOR", None, "", [
        ("South Korean Foreign Ministry", "en", "name"), ("Kementerian Luar Negeri Korea Selatan", "id", "name"),
        ("외교부", "ko", "name"),
    ]),
    # think tanks and media (ids from ../shared/data/wikidata-qids.tsv unless cited here)
    ("Chatham House", "Organization", "think_tank", "GBR", "shared", "", [
        ("Royal Institute of International Affairs", "en", "name"),
    ]),
    ("Center for Strategic and International Studies", "Organization", "think_tank", "USA", "shared", "", [
        ("Centre for Strategic and International Studies", "en", "name"),
    ]),
    ("Reuters", "Organization", "news_agency", "GBR", "shared", "", [
        ("Kantor berita Reuters", "id", "name"), ("Рейтер", "ru", "name"),
    ]),
    ("Politico Europe", "Organization", "news_media", "", "shared", "", []),
    ("Politico", "Organization", "news_media", "USA", "Q3109740", SRC_POLITICO_US, []),
    ("The Washington Post", "Organization", "news_media", "USA", "shared", "", [
        ("Washington Post", "en", "name"),
    ]),
    ("CNN", "Organization", "news_media", "USA", "shared", "", [
        ("Cable News Network", "en", "name"),
    ]),
    ("Epoch Times", "Organization", "news_media", "USA", "shared", "", [
        ("The Epoch Times", "en", "name"),
    ]),
    ("Associated Press", "Organization", "news_agency", "USA", None, "", [
        ("AP", "en", "acronym"), ("The Associated Press", "en", "name"),
    ]),
    ("Agence France-Presse", "Organization", "news_agency", "FRA", None, "", [
        ("AFP", "mul", "acronym"),
    ]),
    ("BBC", "Organization", "news_media", "GBR", None, "", [
        ("British Broadcasting Corporation", "en", "name"),
    ]),
    ("Bloomberg News", "Organization", "news_media", "USA", None, "", [("Bloomberg", "mul", "short")]),
    ("Financial Times", "Organization", "news_media", "GBR", None, "", [("FT", "en", "acronym")]),
    ("The New York Times", "Organization", "news_media", "USA", None, "", [
        ("New York Times", "en", "name"), ("NYT", "en", "acronym"),
    ]),
    ("The Wall Street Journal", "Organization", "news_media", "USA", None, "", [
        ("Wall Street Journal", "en", "name"), ("WSJ", "en", "acronym"),
    ]),
    ("Al Jazeera", "Organization", "news_media", "QAT", None, "", []),
    ("Korean Central News Agency", "Organization", "news_agency", "PRK", None, "", [
        ("KCNA", "mul", "acronym"), ("Kantor Berita Pusat Korea", "id", "name"),
        ("조선중앙통신", "ko", "name"),
    ]),
    ("Yonhap News Agency", "Organization", "news_agency", "KOR", None, "", [
        ("Yonhap", "mul", "short"), ("Kantor berita Yonhap", "id", "name"), ("연합뉴스", "ko", "name"),
    ]),
    ("TASS", "Organization", "news_agency", "RUS", None, "", [("ТАСС", "ru", "acronym")]),
    ("RIA Novosti", "Organization", "news_agency", "RUS", None, "", [("РИА Новости", "ru", "name")]),
    ("Antara", "Organization", "news_agency", "IDN", None, "", [
        ("Kantor Berita Antara", "id", "name"), ("LKBN Antara", "id", "name"),
    ]),
    ("JoongAng Ilbo", "Organization", "news_media", "KOR", None, "", [("중앙일보", "ko", "name")]),
    ("The Korea Herald", "Organization", "news_media", "KOR", None, "", [("Korea Herald", "en", "name")]),
    ("The Kyiv Independent", "Organization", "news_media", "UKR", None, "", [("Kyiv Independent", "en", "name")]),
]

# A state's id where countries.tsv leaves it empty because its witnesses name two Wikidata items
# for one ISO code, settled by the rule countries.tsv itself follows for Denmark (the country
# item Q35, not the Kingdom of Denmark Q756617): the country item, given for the ISO code by two
# of the three witnesses. iso3 -> (qid, why).
STATE_QIDS_SETTLED: dict[str, tuple[str, str]] = {
    "NLD": ("Q55", "countries.tsv leaves NLD empty (dr5hn Q55, owid Q29999 'Kingdom of the Netherlands', "
                   "conzept both); Q55, the country item dr5hn and conzept give, as countries.tsv takes Q35 over "
                   "the Kingdom of Denmark"),
    "PSE": ("Q219060", "countries.tsv leaves PSE empty (dr5hn Q407199 'Palestinian territories', owid Q219060 "
                       "'State of Palestine', conzept absent); Q219060, which owid and a second file give: "
                       "andrewtavis/wikirepo src/wikirepo/data/lctn_utils.py @e5cde85b47611de6bf28c034a2fb8c7b1b54e652 "
                       "'\"State of Palestine\": \"Q219060\"' (the state, which news names as an actor; the "
                       "territories are a place)"),
}


# Metonyms and other general language facts about countries: (alias, lang, iso3, form, note).
COUNTRY_ALIASES: list[tuple[str, str, str, str, str]] = [
    ("Kremlin", "mul", "RUS", "metonym", "seat of the Russian presidency, used for its government"),
    ("Kremlin", "id", "RUS", "metonym", "seat of the Russian presidency, used for its government"),
    ("Gedung Putih", "id", "USA", "metonym", "Indonesian for the White House, the US presidency"),
    ("White House", "en", "USA", "metonym", "seat of the US presidency, used for its government"),
    ("Downing Street", "en", "GBR", "metonym", "seat of the UK prime minister"),
    ("Élysée", "fr", "FRA", "metonym", "seat of the French presidency"),
    ("Moskow", "id", "RUS", "capital", "common Indonesian spelling of Moscow"),
    ("Washington", "en", "USA", "capital", "capital name as given by dr5hn (countries.SOURCES.md, capital_en USA)"),
    ("Kiev", "en", "UKR", "capital", "older English spelling of Kyiv"),
    ("Peking", "mul", "CHN", "capital", "older name of Beijing"),
    ("Korut", "id", "PRK", "short", "Indonesian abbreviation of Korea Utara"),
    ("Korsel", "id", "KOR", "short", "Indonesian abbreviation of Korea Selatan"),
    ("DPRK", "en", "PRK", "acronym", "Democratic People's Republic of Korea"),
    ("Republik Rakyat Demokratik Korea", "id", "PRK", "name", "official name in Indonesian"),
    ("Democratic People's Republic of Korea", "en", "PRK", "name", "official name"),
    ("ROK", "en", "KOR", "acronym", "Republic of Korea"),
    ("Republic of Korea", "en", "KOR", "name", "official name"),
    ("Republik Korea", "id", "KOR", "name", "official name in Indonesian"),
    ("Federasi Rusia", "id", "RUS", "name", "official name in Indonesian"),
    ("Russian Federation", "en", "RUS", "name", "official name"),
    ("US", "en", "USA", "acronym", "United States"),
    ("USA", "en", "USA", "acronym", "United States of America"),
    ("U.S.", "en", "USA", "acronym", "United States"),
    ("United States of America", "en", "USA", "name", "official name"),
    ("America", "en", "USA", "short", "common English short name"),
    ("UK", "en", "GBR", "acronym", "United Kingdom"),
    ("Britain", "en", "GBR", "short", "common English short name"),
    ("Britania Raya", "id", "GBR", "name", "Indonesian name of the United Kingdom"),
    ("Cina", "id", "CHN", "short", "Indonesian spelling variant of China"),
    ("RRT", "id", "CHN", "acronym", "Republik Rakyat Tiongkok"),
    ("Republik Rakyat Tiongkok", "id", "CHN", "name", "official name in Indonesian"),
    ("People's Republic of China", "en", "CHN", "name", "official name"),
    ("RI", "id", "IDN", "acronym", "Republik Indonesia"),
    ("AS", "ms", "USA", "acronym", "Amerika Syarikat"),
    ("EEUU", "es", "USA", "acronym", "Estados Unidos"), ("EUA", "es", "USA", "acronym", "Estados Unidos de América"),
    ("KSA", "en", "SAU", "acronym", "Kingdom of Saudi Arabia"), ("Saudi", "en", "SAU", "short", "Saudi Arabia"),
    ("UEA", "id", "ARE", "acronym", "Uni Emirat Arab"), ("UEA", "ms", "ARE", "acronym", "Emiriah Arab Bersatu"),
    ("EAU", "fr", "ARE", "acronym", "Émirats arabes unis"), ("EAU", "es", "ARE", "acronym", "Emiratos Árabes Unidos"),
    ("VAE", "de", "ARE", "acronym", "Vereinigte Arabische Emirate"),
    ("RRC", "id", "CHN", "acronym", "Republik Rakyat China"), ("Republik Rakyat China", "id", "CHN", "name", "official name in Indonesian/Malay"),
    ("PRC", "en", "CHN", "acronym", "People's Republic of China"),
    ("RPC", "fr", "CHN", "acronym", "République populaire de Chine"), ("VR China", "de", "CHN", "short", "Volksrepublik China"),
    ("RPDC", "fr", "PRK", "acronym", "République populaire démocratique de Corée"),
    ("RPDC", "es", "PRK", "acronym", "República Popular Democrática de Corea"),
    ("KDVR", "de", "PRK", "acronym", "Koreanische Demokratische Volksrepublik"),
    ("PNG", "mul", "PNG", "acronym", "Papua New Guinea / Papua Nugini / Papua New Guinea (ms)"),
    ("RCA", "fr", "CAF", "acronym", "République centrafricaine"), ("Centrafrique", "fr", "CAF", "short", "common French short name"),
    ("Persekutuan Rusia", "ms", "RUS", "name", "official name in Malay"),
    ("UK", "mul", "GBR", "acronym", "United Kingdom"), ("Great Britain", "en", "GBR", "short", "common English name"),
    ("Grande-Bretagne", "fr", "GBR", "short", "common French name"), ("Großbritannien", "de", "GBR", "short", "common German name"),
    ("Gran Bretaña", "es", "GBR", "short", "common Spanish name"),
    ("RD Congo", "fr", "COD", "short", "République démocratique du Congo"), ("RD Congo", "es", "COD", "short", "República Democrática del Congo"),
    ("RDC", "fr", "COD", "acronym", "République démocratique du Congo"), ("RDC", "es", "COD", "acronym", "República Democrática del Congo"),
    ("DRC", "en", "COD", "acronym", "Democratic Republic of the Congo"), ("DR Kongo", "de", "COD", "short", "Demokratische Republik Kongo"),
    ("RDK", "id", "COD", "acronym", "Republik Demokratik Kongo"), ("Republik Demokratik Kongo", "id", "COD", "name", "official name in Indonesian"),
    ("Republik Indonesia", "id", "IDN", "name", "official name"),
    # seats of government, presidencies and prime ministers' offices, and the usual proper names of
    # national governments, in the languages whose news uses them (general usage; only forms that
    # name one state's government; a form another entity of the index bears is dropped at build)
    ("Kreml", "de", "RUS", "metonym", "German name of the Kremlin, seat of the Russian presidency"),
    ("Кремль", "ru", "RUS", "metonym", "Russian name of the Kremlin, seat of the Russian presidency"),
    ("Weißes Haus", "de", "USA", "metonym", "German name of the White House, the US presidency"),
    ("Weiße Haus", "de", "USA", "metonym", "German name of the White House after the article (das Weiße Haus)"),
    ("Maison-Blanche", "fr", "USA", "metonym", "French name of the White House, the US presidency"),
    ("Casa Blanca", "es", "USA", "metonym", "Spanish name of the White House, the US presidency"),
    ("Rumah Putih", "ms", "USA", "metonym", "Malay name of the White House, the US presidency"),
    ("Élysée Palace", "en", "FRA", "metonym", "seat of the French presidency"),
    ("Palais de l'Élysée", "fr", "FRA", "metonym", "seat of the French presidency"),
    ("Élysée-Palast", "de", "FRA", "metonym", "German name of the Élysée, seat of the French presidency"),
    ("Palacio del Elíseo", "es", "FRA", "metonym", "Spanish name of the Élysée, seat of the French presidency"),
    ("Istana Élysée", "id", "FRA", "metonym", "Indonesian/Malay name of the Élysée, seat of the French presidency"),
    ("Istana Élysée", "ms", "FRA", "metonym", "Indonesian/Malay name of the Élysée, seat of the French presidency"),
    ("Matignon", "fr", "FRA", "metonym", "Hôtel Matignon, seat of the French prime minister (also a small "
     "commune of Côtes-d'Armor, which the index does not list)"),
    ("Hôtel Matignon", "fr", "FRA", "metonym", "seat of the French prime minister"),
    ("10 Downing Street", "en", "GBR", "metonym", "seat of the UK prime minister"),
    ("HM Government", "en", "GBR", "metonym", "usual name of the UK government"),
    ("His Majesty's Government", "en", "GBR", "metonym", "usual name of the UK government (since 2022)"),
    ("Her Majesty's Government", "en", "GBR", "metonym", "usual name of the UK government (until 2022)"),
    ("Bundesregierung", "de", "DEU", "metonym", "usual German name of the German federal government (Austria's "
     "is also called so in Austrian news: the index gives the bare form to Germany)"),
    ("deutsche Bundesregierung", "de", "DEU", "metonym", "the German federal government"),
    ("Bundeskanzleramt", "de", "DEU", "metonym", "German Federal Chancellery, the chancellor's office (Austria's "
     "bears the same name in Austrian news)"),
    ("Kanzleramt", "de", "DEU", "metonym", "short German name of the Federal Chancellery, the chancellor's office"),
    ("German Chancellery", "en", "DEU", "metonym", "the German chancellor's office"),
    ("Zhongnanhai", "mul", "CHN", "metonym", "seat of the Chinese Communist Party leadership and State Council"),
    ("中南海", "zh", "CHN", "metonym", "Zhongnanhai, seat of the Chinese leadership"),
    ("Kantei", "mul", "JPN", "metonym", "the Japanese prime minister's official residence and office"),
    ("Blue House", "en", "KOR", "metonym", "Cheong Wa Dae, South Korea's presidential office 1948-May 2022 and "
     "again from 29 Dec 2025 (Korea Herald 2025-12-28, koreaherald.com/article/10644676)"),
    ("Cheong Wa Dae", "mul", "KOR", "metonym", "South Korea's presidential office 1948-May 2022 and again from "
     "29 Dec 2025 (Korea Herald 2025-12-28, koreaherald.com/article/10644676)"),
    ("Cheongwadae", "mul", "KOR", "metonym", "spelling of Cheong Wa Dae, South Korea's presidential office "
     "1948-2022 and from Dec 2025"),
    ("Chong Wa Dae", "mul", "KOR", "metonym", "older romanisation of Cheong Wa Dae, South Korea's presidential "
     "office 1948-2022"),
    ("청와대", "ko", "KOR", "metonym", "Cheong Wa Dae, South Korea's presidential office 1948-2022 and from Dec 2025"),
    ("Yongsan", "mul", "KOR", "metonym", "South Korea's presidential office in Yongsan, Seoul, May 2022-Dec 2025 "
     "(Korea Herald 2025-11-11, koreaherald.com/article/10613613); also the Seoul district, which the index "
     "does not list, so a Place mention stays unlinked"),
    ("Malacañang", "mul", "PHL", "metonym", "seat of the Philippine presidency"),
    ("Malacañang Palace", "en", "PHL", "metonym", "seat of the Philippine presidency"),
    ("Istana Malacañang", "id", "PHL", "metonym", "Indonesian name of Malacañang, seat of the Philippine presidency"),
    ("Istana Merdeka", "id", "IDN", "metonym", "seat of the Indonesian presidency in Jakarta"),
    ("Istana Merdeka", "ms", "IDN", "metonym", "Malay name of the Merdeka Palace, seat of the Indonesian presidency"),
    ("Merdeka Palace", "en", "IDN", "metonym", "seat of the Indonesian presidency in Jakarta"),
    ("Pemerintah RI", "id", "IDN", "metonym", "usual Indonesian name of the Indonesian government"),
    # an Indonesian embassy or consulate speaks for the state (docs/annotation.md: embassies speak
    # for their state); Indonesian and Malay news name them by these forms, with or without the city
    ("KBRI", "id", "IDN", "metonym", "Kedutaan Besar Republik Indonesia, an Indonesian embassy"),
    ("Kedutaan Besar Republik Indonesia", "id", "IDN", "metonym", "an Indonesian embassy"),
    ("KJRI", "id", "IDN", "metonym", "Konsulat Jenderal Republik Indonesia, an Indonesian consulate general"),
    ("Kedutaan Besar Indonesia", "ms", "IDN", "metonym", "Malay: the Indonesian embassy"),
    ("Kabinet Merah Putih", "id", "IDN", "metonym", "the Indonesian cabinet of Prabowo Subianto (from Oct 2024)"),
    ("Kabinet Indonesia Maju", "id", "IDN", "metonym", "the Indonesian cabinet of Joko Widodo (2019-2024)"),
    ("Perdana Putra", "mul", "MYS", "metonym", "the Malaysian prime minister's office complex in Putrajaya"),
    ("Seri Perdana", "mul", "MYS", "metonym", "the Malaysian prime minister's official residence"),
    ("Kerajaan Madani", "ms", "MYS", "metonym", "name of the Malaysian government of Anwar Ibrahim (from 2022)"),
    ("Casa Rosada", "mul", "ARG", "metonym", "seat of the Argentine presidency"),
    ("Palácio do Planalto", "mul", "BRA", "metonym", "seat of the Brazilian presidency"),
    ("Planalto", "mul", "BRA", "metonym", "Palácio do Planalto, seat of the Brazilian presidency"),
    ("Palacio del Planalto", "es", "BRA", "metonym", "Spanish name of the Palácio do Planalto, Brazilian presidency"),
    ("Moncloa", "mul", "ESP", "metonym", "Palacio de la Moncloa, seat of the Spanish prime minister (also a "
     "Madrid district, which the index does not list)"),
    ("La Moncloa", "es", "ESP", "metonym", "seat of the Spanish prime minister"),
    ("Palacio de la Moncloa", "es", "ESP", "metonym", "seat of the Spanish prime minister"),
    ("Gobierno de España", "es", "ESP", "metonym", "official name of the Spanish government"),
    ("Palazzo Chigi", "mul", "ITA", "metonym", "seat of the Italian prime minister"),
    ("Quirinale", "mul", "ITA", "metonym", "Palazzo del Quirinale, seat of the Italian presidency"),
    ("Palazzo del Quirinale", "mul", "ITA", "metonym", "seat of the Italian presidency"),
    ("Rashtrapati Bhavan", "en", "IND", "metonym", "seat of the Indian presidency"),
    ("Union Buildings", "en", "ZAF", "metonym", "seat of the South African government and presidency in Pretoria"),
]

# Capitals without a time zone of their own (so CLDR has no exemplar city for them), in the
# languages where the name differs (general usage): (alias, lang, iso3). Both rows are made: the
# state (capital acting as government) and the city with countries.tsv capital_qid.
CAPITAL_EXONYMS: list[tuple[str, str, str]] = [
    ("Pékin", "fr", "CHN"), ("Pekín", "es", "CHN"), ("Beijing", "id", "CHN"),
    ("New Delhi", "id", "IND"), ("Nueva Delhi", "es", "IND"), ("Neu-Delhi", "de", "IND"),
    ("New Delhi", "fr", "IND"), ("Brasilia", "mul", "BRA"), ("Hanói", "es", "VNM"),
    ("Washington", "fr", "USA"), ("Washington", "de", "USA"), ("Washington", "es", "USA"),
    ("Ottawa", "fr", "CAN"), ("Canberra", "fr", "AUS"), ("Ankara", "fr", "TUR"),
    ("Bangkok", "fr", "THA"), ("Phnom Penh", "fr", "KHM"), ("Nom Pen", "es", "KHM"),
]
# Seats of government that are not the capital (general usage): the state only, no city row.
SEATS_OF_GOVERNMENT: list[tuple[str, str, str, str]] = [
    ("Putrajaya", "mul", "MYS", "federal administrative centre of Malaysia"),
    ("The Hague", "en", "NLD", "seat of the Dutch government"),
    ("Den Haag", "mul", "NLD", "seat of the Dutch government"),
    ("La Haye", "fr", "NLD", "seat of the Dutch government"),
    ("La Haya", "es", "NLD", "seat of the Dutch government"),
    ("La Paz", "mul", "BOL", "seat of the Bolivian government"),
]

SHARED_LANG_FORM = re.compile(r"\s*\(([^)]*)\)\s*$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def shared_prov(r: dict[str, str]) -> str:
    """Cite a wikidata-qids.tsv row (its ``source`` column holds the full citation)."""
    first = " ".join(r["source"].split())[:80]
    return f"wikidata-qids.tsv row '{r['name']}' {r['qid']} (source column: {first}...)"


def read_source(name: str) -> tuple[str, list[dict[str, str]]]:
    """A transcribed source table: its first line is a ``# citation`` comment, then a TSV."""
    with (SOURCES / name).open(encoding="utf-8", newline="") as f:
        first = f.readline().lstrip("# ").strip()
        m = re.search(r"commit ([0-9a-f]{8})", first) or re.search(r"(\S+ [0-9][\w.]*) \S+ \(sha256 ([0-9a-f]{8})", first)
        at = (m.group(1) if m.lastindex == 1 else f"{m.group(1)} sha256 {m.group(2)}") if m else "?"
        cite = f"{first.split()[0]}@{at}, see SOURCES.md"
        return cite, list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def lookup_key(alias: str) -> str:
    """How the index looks an alias up: case-sensitive for acronyms, folded otherwise."""
    return "A:" + alias.replace(".", "") if is_acronym(alias) else "F:" + fold(alias)


_PAREN = re.compile(r"^(.*?)\s*\(([^)]*)\)$")
_REPUBLIK = re.compile(r"^Republik (?!Demokratik|Rakyat|Persatuan|Federal|Islam|Arab)(.{4,})$")


def _fr_plural(w: str) -> str:
    return w if w.endswith(("s", "x")) else w + "s"


def source_candidates(by_iso: dict[str, dict[str, str]]) -> list[tuple[str, str, str, str, str, str]]:
    """(alias, lang, iso3, form, role, provenance) of state names and capitals from the
    transcribed CLDR and mledoze tables."""
    out: list[tuple[str, str, str, str, str, str]] = []
    cite, terr = read_source("cldr_territories.tsv")
    for r in terr:
        iso, lang, alt, name = r["iso3"], r["lang"], r["cldr_form"], r["name"]
        prov = f"sources/cldr_territories.tsv ({cite}) {iso} {lang} {alt}"
        form = {"name": "name", "short": "short", "variant": "name"}.get(alt)
        if form is None:
            continue
        out.append((name, lang, iso, "acronym" if is_acronym(name) else form, "state", prov))
        m = _PAREN.match(name)
        if m and is_acronym(m.group(2)):  # "Congo (RDC)": the abbreviation in brackets
            out.append((m.group(2), lang, iso, "acronym", "state", prov + "; bracketed abbreviation"))
        m = _REPUBLIK.match(name)
        if m and lang in {"id", "ms"}:  # "Republik Afrika Tengah" -> "Afrika Tengah"
            out.append((m.group(1), lang, iso, "short", "state", prov + "; 'Republik' dropped"))
    cite, caps = read_source("cldr_capitals.tsv")
    for r in caps:
        out.append((r["exemplar_city"], r["lang"], r["iso3"], "capital", "capital_as_government",
                    f"sources/cldr_capitals.tsv ({cite}) {r['iso3']} {r['zone']} {r['lang']}"))
    cite, iso_names = read_source("isocodes_names.tsv")
    for r in iso_names:
        iso, lang, field, name = r["iso3"], r["lang"], r["isocodes_field"], r["name"]
        if "," in name or "(" in name:
            continue  # "Congo, The Democratic Republic of the": catalogue forms
        out.append((name, lang, iso, "acronym" if is_acronym(name) else ("short" if field == "common_name" else "name"),
                    "state", f"sources/isocodes_names.tsv ({cite}) {iso} {lang} {field}"))
    cite, gn = read_source("geonames_capitals.tsv")
    for r in gn:
        iso, alt = r["iso3"], r["alternate_name"]
        stem = {fold(by_iso[iso]["capital_en"])[:3], fold(r["city"])[:3]}
        if r["other_places_cities5000"] != "0":
            continue  # also names another place ("Ammon", "Asmar")
        if len(alt) < 4 or fold(alt)[:3] not in stem:
            continue  # historical names, epithets, names of other places ("Lutetia", "Ville-Lumiere")
        out.append((alt, "mul", iso, "capital", "capital_as_government",
                    f"sources/geonames_capitals.tsv ({cite}) {iso} geonameid {r['geonameid']} {r['city']} alternate name"))
    cite, ml = read_source("mledoze_names.tsv")
    for r in ml:
        iso, lang, field, name = r["iso3"], r["lang"], r["mledoze_field"], r["name"]
        prov = f"sources/mledoze_names.tsv ({cite}) {iso} {lang} {field}"
        if "," in name or "(" in name:
            continue  # "Congo, the Democratic Republic of the", "Kongo (Dem. Rep.)": catalogue forms
        if field == "altSpelling":
            if len(name.replace(".", "")) <= 2:
                continue  # ISO 3166 alpha-2 codes ("CD", "IN", "TO") are not news names
            out.append((name, "mul", iso, "acronym" if is_acronym(name) else "name", "state", prov))
        elif field in {"official", "common"}:
            out.append((name, lang, iso, "name" if field == "official" else "short", "state", prov))
        elif field.startswith("demonym_"):
            forms = {name}
            if lang == "fr":  # the adjective is the lower-case noun; plurals add -s
                forms |= {name.lower(), _fr_plural(name), _fr_plural(name.lower())}
            for f in sorted(forms):
                out.append((f, lang, iso, "demonym", "state",
                            prov + ("" if f == name else "; inflected (lower case / plural)")))
    return out


def index_key(alias: str) -> str:
    """The key the alias index stores a form under (``kg.link.index.AliasIndex.key_of``): the
    acronym with dots removed, or the folded form."""
    return alias.replace(".", "") if is_acronym(alias) else fold(alias)


class Ambiguous:
    """Forms dropped because they are ambiguous: key -> (surface forms, ids, labels, reasons)."""

    def __init__(self) -> None:
        self.forms: dict[str, set[str]] = {}
        self.ids: dict[str, set[str]] = {}
        self.why: dict[str, set[str]] = {}
        self.labels: dict[str, str] = {}  # id -> readable name

    def drop(self, alias: str, ids: set[str], why: str) -> None:
        alias = " ".join(alias.split())
        k = index_key(alias)
        if not alias or not k:
            return
        self.forms.setdefault(k, set()).add(alias)
        self.ids.setdefault(k, set()).update(ids)
        self.why.setdefault(k, set()).add(why)

    def label(self, qid: str, name: str) -> None:
        if qid and name:
            self.labels.setdefault(qid, name.replace(";", ","))

    def rows(self) -> list[dict[str, str]]:
        out = []
        for k in sorted(self.forms):
            ids = sorted(self.ids[k], key=lambda q: (not re.fullmatch(r"Q\d+", q), int(q[1:]) if re.fullmatch(r"Q\d+", q) else 0, q))
            if len(ids) < 2:
                continue
            out.append(dict(key=k, alias=min(self.forms[k], key=lambda a: (a.casefold(), a)),
                            qids=";".join(ids), labels=";".join(self.labels.get(q, "") for q in ids),
                            why="; ".join(sorted(self.why[k]))))
        return out


def _table(prov: str) -> str:
    """The transcribed table a candidate's provenance starts with ("sources/cldr_territories.tsv")."""
    return prov.split(" ", 1)[0]


def build_rows(shared: Path, ambiguous: Ambiguous | None = None) -> list[dict[str, str]]:
    """The index rows; forms dropped as ambiguous are recorded in ``ambiguous`` when given."""
    amb = ambiguous if ambiguous is not None else Ambiguous()
    countries = read_tsv(shared / "countries.tsv")
    settled: set[str] = set()
    for c in countries:
        if not c["wikidata_qid"] and c["iso3"] in STATE_QIDS_SETTLED:
            c["wikidata_qid"] = STATE_QIDS_SETTLED[c["iso3"]][0]
            settled.add(c["wikidata_qid"])
    verified = read_tsv(shared / "wikidata-qids.tsv")
    rows: list[dict[str, str]] = []

    def add(alias, lang, qid, type_, canonical, role, country, form, prov):
        alias = " ".join(str(alias).split())
        if not alias:
            return
        rows.append(
            dict(alias=alias, lang=lang, qid=qid or "", type=type_, canonical_en=canonical,
                 role=role, country=country, form=form, provenance=prov)
        )

    # verified ids by (English name, type): the shared file's names, parentheses dropped
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    for r in verified:
        prov = shared_prov(r)
        for part in r["name"].split(" / "):
            by_name[(SHARED_LANG_FORM.sub("", part).strip(), r["type"])] = (r["qid"], prov)

    # 1. countries.tsv
    by_iso: dict[str, dict[str, str]] = {}
    qid_of_iso = {c["iso3"]: c["wikidata_qid"] or f"Country/{c['name_en']}" for c in countries}
    for c in countries:
        iso, qid, name = c["iso3"], c["wikidata_qid"], c["name_en"]
        by_iso[iso] = c
        src = f"countries.tsv iso3={iso}"
        for lang in LANGS:
            add(c[f"name_{lang}"], lang, qid, "Country", name, "state", iso, "name",
                f"{src} name_{lang}; qid: wikidata_qid")
        dem = c["demonym_en"]
        gov = f"{src}; general phrase pattern"
        if c["name_en"]:
            add(f"{c['name_en']} government", "en", qid, "Country", name, "government", iso, "government", gov)
            add(f"government of {c['name_en']}", "en", qid, "Country", name, "government", iso, "government", gov)
        if dem:
            add(f"{dem} government", "en", qid, "Country", name, "government", iso, "government",
                f"{src} demonym_en; general phrase pattern")
            # "North Korean troops", "Russian officials": the demonym names the state as actor
            add(dem, "en", qid, "Country", name, "state", iso, "demonym", f"{src} demonym_en")
        for lang in ("de", "fr", "es"):  # "deutsche Soldaten", "soldats nord-coréens", "tropas norcoreanas"
            for form, codes in demonym_states(lang).items():
                if iso not in codes or not form.islower():
                    continue
                if len(codes) > 1:  # an adjective two states share ("congolais"): neither gets it
                    amb.drop(form, {qid_of_iso[i] for i in codes},
                             f"names {len(codes)} states ({', '.join(sorted(codes))}) in kg/link/demonyms.py")
                    continue
                add(form, lang, qid, "Country", name, "state", iso, "demonym",
                    f"{src}; qid: wikidata_qid; form: kg/link/demonyms.py (hand-written {lang} demonym table)")
        if c["name_id"]:
            for w in ("pemerintah", "pemerintahan"):
                add(f"{w} {c['name_id']}", "id", qid, "Country", name, "government", iso, "government", gov)
        if c["name_ms"]:
            add(f"kerajaan {c['name_ms']}", "ms", qid, "Country", name, "government", iso, "government", gov)
        # capitals: the government when typed Country, the city when typed Place
        cap_en, cap_id = c["capital_en"], c["capital_id"]
        cap_qid, cap_prov = c["capital_qid"], f"{src} capital_qid"
        if not cap_qid and (cap_en, "Place") in by_name:
            cap_qid, cap_prov = by_name[(cap_en, "Place")]
        for cap, lang, col in ((cap_en, "en", "capital_en"), (cap_id, "id", "capital_id")):
            if not cap:
                continue
            add(cap, lang, qid, "Country", name, "capital_as_government", iso, "capital",
                f"{src} {col}; qid: wikidata_qid (the state)")
            add(cap, lang, cap_qid, "Place", cap_en, "capital_city", iso, "city",
                (f"{src} {col}; qid: " + cap_prov) if cap_qid else f"{src} {col}; capital_qid empty")
        # "<country> intelligence": the country's intelligence services, unlinked; an adjective
        # several states share ("Congolese": both Congos) names no state, so its row has none
        if iso != "KOR" and c["name_id"]:
            intel = f"{dem or name} intelligence"
            add(f"intelijen {c['name_id']}", "id", "", "Organization", intel, "intelligence", iso,
                "name", f"{src} name_id; general phrase pattern; no id (several agencies)")
            sharing = sorted(o["iso3"] for o in countries if dem and o["demonym_en"] == dem)
            if len(sharing) > 1:
                add(intel, "en", "", "Organization", intel, "intelligence", "", "name",
                    f"countries.tsv iso3={','.join(sharing)} demonym_en (shared); general phrase pattern; "
                    "no id (several agencies); no state (the adjective names several)")
            else:
                add(intel, "en", "", "Organization", intel, "intelligence", iso, "name",
                    f"{src} demonym_en; general phrase pattern; no id (several agencies)")
    add("intelijen Korea Selatan", "id", "", "Organization", "National Intelligence Service",
        "intelligence", "KOR", "name", "general usage: South Korea's intelligence service is the NIS")

    for alias, lang, iso, form, note in COUNTRY_ALIASES:
        c = by_iso[iso]
        add(alias, lang, c["wikidata_qid"], "Country", c["name_en"],
            "government" if form == "metonym" else "state", iso, form,
            f"general usage: {note}; qid: countries.tsv iso3={iso}")
        if form == "capital":
            add(alias, lang, c["capital_qid"], "Place", c["capital_en"], "capital_city", iso, "city",
                f"general usage: {note}; qid: countries.tsv iso3={iso} capital_qid")

    # 1b. CLDR / mledoze names, abbreviations, capitals and demonyms of every state, kept only
    # where the form names one state and does not contradict a row built above
    known: dict[str, set[str]] = {}
    seen_forms: set[tuple[str, str, str, str]] = set()
    for r in rows:
        if r["type"] == "Country":
            known.setdefault(lookup_key(r["alias"]), set()).add(r["country"])
            seen_forms.add((lookup_key(r["alias"]), r["qid"], r["type"], r["role"]))
    cands = source_candidates(by_iso)
    new_states: dict[str, set[str]] = {}
    state_tables: dict[str, set[str]] = {}
    for alias, _lang, iso, _f, _role, prov in cands:
        new_states.setdefault(lookup_key(alias), set()).add(iso)
        state_tables.setdefault(lookup_key(alias), set()).add(_table(prov))
    qid_of = {c["iso3"]: c["wikidata_qid"] or f"Country/{c['name_en']}" for c in countries}
    for c in countries:
        amb.label(c["wikidata_qid"], c["name_en"])
    # a capital's alternate name must not be a state's name, nor name anything else in the index
    state_names = {lookup_key(r["alias"]) for r in rows if r["type"] == "Country" and r["form"] not in {"capital", "metonym"}}
    state_names |= {lookup_key(a) for a, _l, _i, f, _r, _p in cands if f != "capital"}
    others: dict[str, set[str]] = {}
    for r in rows:
        others.setdefault(lookup_key(r["alias"]), set()).add(r["qid"] or f"{r['type']}/{r['canonical_en']}")
    for alias, lang, iso, form, role, prov in cands:
        k = lookup_key(alias)
        if len(new_states[k]) > 1:  # names two states ("Congolais")
            amb.drop(alias, {qid_of[i] for i in new_states[k]},
                     f"names {len(new_states[k])} states ({', '.join(sorted(new_states[k]))}) in "
                     + ", ".join(sorted(state_tables[k])))
            continue
        if known.get(k, {iso}) != {iso}:  # another state already has it
            amb.drop(alias, {qid_of[iso]} | {qid_of[i] for i in known[k] if i in qid_of},
                     f"{_table(prov)} gives it to {iso}, the index already to {', '.join(sorted(known[k] - {iso}))}")
            continue
        c = by_iso[iso]
        if not c["wikidata_qid"]:
            continue
        if prov.startswith("sources/geonames_capitals.tsv") and (
                k in state_names or not others.get(k, set()) <= {c["wikidata_qid"], c["capital_qid"]}):
            cap = c["capital_qid"] or by_name.get((c["capital_en"], "Place"), ("",))[0]
            rest = others.get(k, set()) - {c["wikidata_qid"], cap, f"Place/{c['capital_en']}"}
            if rest:  # the index gives it to another entity (a state's name alone is not listed)
                amb.drop(alias, {cap or f"Place/{c['capital_en']}"} | rest,
                         f"GeoNames alternate name of {c['capital_en']}; the index gives it to another entity")
            continue
        cap_qid, cap_prov = c["capital_qid"], f"countries.tsv iso3={iso} capital_qid"
        if not cap_qid and (c["capital_en"], "Place") in by_name:
            cap_qid, cap_prov = by_name[(c["capital_en"], "Place")]
        qprov = f"{prov}; qid: countries.tsv iso3={iso}"
        if (k, c["wikidata_qid"], "Country", role) not in seen_forms:
            seen_forms.add((k, c["wikidata_qid"], "Country", role))
            add(alias, lang, c["wikidata_qid"], "Country", c["name_en"], role, iso, form, qprov)
        if form == "capital" and (k, cap_qid, "Place", "capital_city") not in seen_forms:
            seen_forms.add((k, cap_qid, "Place", "capital_city"))
            add(alias, lang, cap_qid, "Place", c["capital_en"], "capital_city", iso, "city",
                prov + (f"; qid: {cap_prov}" if cap_qid else "; no verified capital id"))

    for alias, lang, iso in CAPITAL_EXONYMS:
        c = by_iso[iso]
        add(alias, lang, c["wikidata_qid"], "Country", c["name_en"], "capital_as_government", iso, "capital",
            f"general usage: {lang} name of {c['capital_en']}; qid: countries.tsv iso3={iso} (the state)")
        add(alias, lang, c["capital_qid"], "Place", c["capital_en"], "capital_city", iso, "city",
            f"general usage: {lang} name of {c['capital_en']}; qid: countries.tsv iso3={iso} capital_qid"
            if c["capital_qid"] else f"general usage: {lang} name of {c['capital_en']}; capital_qid empty")
    for alias, lang, iso, note in SEATS_OF_GOVERNMENT:
        c = by_iso[iso]
        if c["wikidata_qid"]:
            add(alias, lang, c["wikidata_qid"], "Country", c["name_en"], "capital_as_government", iso,
                "capital", f"general usage: {note}; qid: countries.tsv iso3={iso} (the state)")

    # 2. wikidata-qids.tsv: every verified row, with its Indonesian forms
    for r in verified:
        prov = shared_prov(r)
        parts = [SHARED_LANG_FORM.sub("", p).strip() for p in r["name"].split(" / ")]
        canonical = max(parts, key=len)
        for p in parts:
            add(p, "en", r["qid"], r["type"], canonical, "", "", "name", prov)
        for form in filter(None, (x.strip() for x in r["indonesian_surface_forms"].split(";"))):
            add(form, "id", r["qid"], r["type"], canonical, "", "", "name", prov)

    # 3. curated entities ("src:Q.." ids must be in a transcribed source table); a curated person
    # with no id takes the one sources/politicians.tsv gives the same name
    org_ids = org_witnesses()
    pols = politicians()
    amb.label("Organization/Armed Forces of the Democratic Republic of the Congo", "FARDC (DR Congo)")
    amb.label("Organization/Forces armées congolaises", "Forces armées congolaises (Congo)")
    for alias, why in SHARED_FORCE_NAMES.items():  # "armée congolaise": either Congo's army
        amb.drop(alias, {"Organization/Armed Forces of the Democratic Republic of the Congo",
                         "Organization/Forces armées congolaises"}, why)
    for canonical, type_, role, iso, qid, qprov, aliases in CURATED:
        from_table = qid is None and type_ == "Person" and fold(canonical) in pols
        if from_table:
            qid, qprov = pols[fold(canonical)]["qid"], pols[fold(canonical)]["prov"]
        if qid == "shared":
            if (canonical, type_) not in by_name:
                raise SystemExit(f"{canonical!r} ({type_}) not found in wikidata-qids.tsv")
            qid, qprov = by_name[(canonical, type_)]
        elif qid and qid.startswith("src:"):
            qid = qid[4:]
            if qid not in org_ids:
                raise SystemExit(f"{canonical!r}: {qid} is not in any table under {SOURCES}")
            qprov = org_ids[qid]
        what = f"{type_.lower()} ({role or 'entity'})"
        prov = qprov if qid else NO_QID.format(what=what)
        add(canonical, "en", qid, type_, canonical, role, iso, "name", prov)
        for alias, lang, form in aliases:
            if from_table and form == "surname":  # "Austin", "Blinken": a surname alone gets no table id
                add(alias, lang, None, type_, canonical, role, iso, form, NO_QID.format(what=what) + "; alias form: surname")
                continue
            add(alias, lang, qid, type_, canonical, role, iso, form,
                prov + ("" if form == "name" else f"; alias form: {form}"))

    # 3b. heads of state and government, defence and foreign ministers of sources/politicians.tsv
    # (ids from Wikidata-derived public files, every row cited); a person the index already has
    # (same id, or a curated name) is not added twice, and a form the index gives to anyone else
    # is left out
    have_ids = {r["qid"] for r in rows if r["qid"]}
    have_keys = {lookup_key(r["alias"]) for r in rows}
    for key, pr in sorted(pols.items(), key=lambda kv: kv[1]["name"]):
        if pr["qid"] in have_ids or key != fold(pr["name"]):
            continue
        names = [pr["name"]] + [n for n in pr["other_names"] if fold(n) in pols and pols[fold(n)]["qid"] == pr["qid"]]
        for n in dict.fromkeys(names):
            if lookup_key(n) in have_keys:
                continue
            add(n, "mul", pr["qid"], "Person", pr["name"], pr["role"], pr["iso3"], "name", pr["prov"])
        have_ids.add(pr["qid"])

    # 4. whole source slices of institutions: every international organisation of supraverden
    # with a Wikidata code, and every national armed force and police operator of NSI; a form is
    # kept only where it names one entity (see org_source_candidates)
    taken: dict[str, set[str]] = {}
    for r in rows:
        if r["type"] == "Organization":
            taken.setdefault(lookup_key(r["alias"]), set()).add(r["qid"] or r["canonical_en"])
    anything: dict[str, set[str]] = {}
    for r in rows:
        anything.setdefault(lookup_key(r["alias"]), set()).add(r["qid"] or f"{r['type']}/{r['canonical_en']}")
    for r in rows:
        amb.label(r["qid"], r["canonical_en"])
    cands, by_key, tables = org_source_candidates(rows, amb)
    # an entity one of whose full names the index already gives to another organisation's id: the
    # witnesses disagree on the id ("Office of the United Nations High Commissioner for Refugees":
    # supraverden Q28606331, the index's UNHCR Q132551), so none of its forms is used
    ids_of: dict[str, set[str]] = {}
    for r in rows:
        if r["type"] == "Organization" and r["qid"]:
            ids_of.setdefault(lookup_key(r["alias"]), set()).add(r["qid"])
    disputed = {qid for alias, _l, qid, _c, _r, _i, form, _p in cands
                if form == "name" and ids_of.get(lookup_key(alias), {qid}) != {qid}}
    disputed_by: dict[str, tuple[str, set[str]]] = {}  # qid -> (its name, the index's other ids)
    for alias, _l, qid, _c, _r, _i, form, _p in cands:
        if qid in disputed and form == "name" and ids_of.get(lookup_key(alias), {qid}) != {qid}:
            disputed_by.setdefault(qid, (alias, ids_of[lookup_key(alias)] - {qid}))
    for alias, lang, qid, canonical, role, iso, form, prov in cands:
        k = lookup_key(alias)
        if len(by_key[k]) > 1:  # names two organisations in the sources
            amb.drop(alias, by_key[k], f"{len(by_key[k])} entities of {', '.join(sorted(tables[k]))} bear it")
            continue
        if anything.get(k, {qid}) != {qid}:  # the index gives it to another entity
            amb.drop(alias, {qid} | anything[k], f"{_table(prov)} gives it to {qid}, the index to another entity")
            continue
        if qid in disputed:
            name, other = disputed_by[qid]
            amb.drop(alias, {qid} | other, f"{_table(prov)} gives {qid} the name {name!r}, "
                                           f"which the index gives to {', '.join(sorted(other))}")
            continue
        taken.setdefault(k, set()).add(qid)
        add(alias, lang, qid, "Organization", canonical, role, iso, form, prov)
    cite, orgs = read_source("supraverden_orgs.tsv")
    names_en = {r["qid"]: r["name_en"] for r in orgs}
    for alias, lang, qid, form in ORG_ALIASES:
        if qid not in names_en:
            raise SystemExit(f"ORG_ALIASES: {qid} is not in sources/supraverden_orgs.tsv")
        k = lookup_key(alias)
        if taken.get(k, {qid}) != {qid}:
            amb.drop(alias, {qid} | taken[k], f"ORG_ALIASES gives it to {qid}, the index to another entity")
            continue
        taken.setdefault(k, set()).add(qid)
        add(alias, lang, qid, "Organization", names_en[qid], "alliance" if qid in ALLIANCES else "intergovernmental",
            "", form, f"general usage: name of {names_en[qid]} in {lang}; qid: {org_ids[qid]}")
    # 5. a curated metonym (seat of government, government's name) is kept only where nothing else
    # in the index bears its form ("Casa Blanca" must name only the US government)
    metonym_keys = {lookup_key(a) for a, _l, _i, f, _n in COUNTRY_ALIASES if f == "metonym"}
    bearers: dict[str, set[str]] = {}
    for r in rows:
        k = lookup_key(r["alias"])
        if k in metonym_keys:
            bearers.setdefault(k, set()).add(r["qid"] or f"{r['type']}/{r['canonical_en']}")
    clashing = {k for k, ids in bearers.items() if len(ids) > 1}
    for r in rows:
        if lookup_key(r["alias"]) in clashing and r["form"] == "metonym":
            amb.drop(r["alias"], bearers[lookup_key(r["alias"])],
                     f"COUNTRY_ALIASES gives it to {r['country']} as its government, the index to another entity")
    rows = [r for r in rows if not (lookup_key(r["alias"]) in clashing and r["form"] == "metonym")]
    # 6. a state's short name that news uses as often for a neighbour of the same name ("Congo")
    # (kg.link.index.SHARED_SHORT_NAMES: the long forms, "DR Congo", "Republik Kongo", stay)
    for r in rows:
        isos = SHARED_SHORT_NAMES.get(index_key(r["alias"]))
        if isos and r["type"] == "Country":
            amb.drop(r["alias"], {by_iso[i]["wikidata_qid"] or f"Country/{by_iso[i]['name_en']}" for i in isos},
                     SHARED_SHORT_WHY)
    rows = [r for r in rows if not (r["type"] == "Country" and index_key(r["alias"]) in SHARED_SHORT_NAMES)]
    for r in rows:
        if r["qid"] in settled and r["type"] == "Country" and r["country"] in STATE_QIDS_SETTLED:
            r["provenance"] += f"; qid {r['qid']} settled in STATE_QIDS_SETTLED: {STATE_QIDS_SETTLED[r['country']][1]}"
    shared_forces = {index_key(a) for a in SHARED_FORCE_NAMES}  # never in the index, whatever a list above says
    return _merge([r for r in rows if index_key(r["alias"]) not in shared_forces])


ALLIANCES = {"Q7184", "Q318693"}  # NATO, CSTO
# Names of those organisations in languages supraverden lacks (general usage; the id is the
# organisation's Wikidata_code in supraverden): (alias, lang, qid, form)
ORG_ALIASES = [
    ("Uni Afrika", "id", "Q7159", "name"), ("Kesatuan Afrika", "ms", "Q7159", "name"),
    ("UA", "fr", "Q7159", "acronym"), ("UA", "es", "Q7159", "acronym"),
    ("Komunitas Ekonomi Negara-Negara Afrika Barat", "id", "Q193272", "name"),
    ("CEDEAO", "fr", "Q193272", "acronym"), ("CEDEAO", "es", "Q193272", "acronym"),
    ("ECOWAS", "mul", "Q193272", "acronym"), ("SADC", "mul", "Q816706", "acronym"),
    ("Perhimpunan Bangsa-Bangsa Asia Tenggara", "id", "Q7768", "name"),
    ("Persatuan Negara-Negara Asia Tenggara", "ms", "Q7768", "name"),
    ("ASEAN", "mul", "Q7768", "acronym"), ("ANASE", "fr", "Q7768", "acronym"),
    ("Dewan Keamanan PBB", "id", "Q37470", "name"), ("DK PBB", "id", "Q37470", "acronym"),
    ("Majlis Keselamatan PBB", "ms", "Q37470", "name"),
    ("Conseil de sécurité de l'ONU", "fr", "Q37470", "name"), ("Conseil de sécurité", "fr", "Q37470", "short"),
    ("UN-Sicherheitsrat", "de", "Q37470", "name"), ("Weltsicherheitsrat", "de", "Q37470", "name"),
    ("Consejo de Seguridad de la ONU", "es", "Q37470", "name"),
    ("Majelis Umum PBB", "id", "Q47423", "name"), ("UN General Assembly", "en", "Q47423", "name"),
    ("Assemblée générale de l'ONU", "fr", "Q47423", "name"), ("UN-Vollversammlung", "de", "Q47423", "name"),
    ("Asamblea General de la ONU", "es", "Q47423", "name"),
    ("Uni Eropa", "id", "Q458", "name"), ("Kesatuan Eropah", "ms", "Q458", "name"),
    ("Komisi Eropa", "id", "Q8880", "name"), ("Parlemen Eropa", "id", "Q8889", "name"),
    ("Mahkamah Pidana Internasional", "id", "Q47488", "name"), ("Cour pénale internationale", "fr", "Q47488", "name"),
    ("CPI", "fr", "Q47488", "acronym"), ("Internationaler Strafgerichtshof", "de", "Q47488", "name"),
    ("IStGH", "de", "Q47488", "acronym"), ("Corte Penal Internacional", "es", "Q47488", "name"),
    ("Mahkamah Internasional", "id", "Q7801", "name"), ("Cour internationale de justice", "fr", "Q7801", "name"),
    ("CIJ", "fr", "Q7801", "acronym"), ("Internationaler Gerichtshof", "de", "Q7801", "name"),
    ("IGH", "de", "Q7801", "acronym"), ("Corte Internacional de Justicia", "es", "Q7801", "name"),
    ("Badan Energi Atom Internasional", "id", "Q41984", "name"), ("IAEA", "mul", "Q41984", "acronym"),
    ("AIEA", "fr", "Q41984", "acronym"), ("IAEO", "de", "Q41984", "acronym"), ("OIEA", "es", "Q41984", "acronym"),
    ("Palang Merah Internasional", "id", "Q5987345", "name"), ("ICRC", "en", "Q5987345", "acronym"),
    ("CICR", "fr", "Q5987345", "acronym"), ("IKRK", "de", "Q5987345", "acronym"),
    ("Program Pangan Dunia", "id", "Q204344", "name"), ("WFP", "mul", "Q204344", "acronym"),
    ("PAM", "fr", "Q204344", "acronym"), ("Dana Moneter Internasional", "id", "Q7804", "name"),
    ("IMF", "mul", "Q7804", "acronym"), ("FMI", "fr", "Q7804", "acronym"), ("FMI", "es", "Q7804", "acronym"),
    ("IWF", "de", "Q7804", "acronym"), ("Dewan Kerja Sama Teluk", "id", "Q217172", "name"),
    ("Gulf Cooperation Council", "en", "Q217172", "name"), ("GCC", "en", "Q217172", "acronym"),
    ("Organisasi Kerja Sama Islam", "id", "Q47543", "name"), ("OKI", "id", "Q47543", "acronym"),
    ("OIC", "en", "Q47543", "acronym"), ("OCI", "fr", "Q47543", "acronym"),
    ("Komunitas Afrika Timur", "id", "Q337456", "name"), ("EAC", "en", "Q337456", "acronym"),
    ("Organisasi Negara-Negara Amerika", "id", "Q123759", "name"), ("OAS", "en", "Q123759", "acronym"),
    ("OEA", "es", "Q123759", "acronym"), ("OEA", "fr", "Q123759", "acronym"),
    ("Persemakmuran Negara-Negara Merdeka", "id", "Q7779", "name"), ("CIS", "en", "Q7779", "acronym"),
    ("OPEC", "mul", "Q7795", "acronym"), ("OPEP", "fr", "Q7795", "acronym"), ("OPEP", "es", "Q7795", "acronym"),
]
# second, independent witnesses for ids of the source tables
_SPOC = "SpocWiki/_Standards Earth/Continent/{path} (commit {commit}) member_of '[[_Standards/WikiData/WD~{label},{num}]]'"
SECOND_WITNESS = {
    "Q7768": _SPOC.format(path="Asia/Asia~South~East/Malay_Archipelago/Indonesia.md", commit="06748ac7",
                          label="Association_of_South-East_Asian_Nations", num=7768),
    "Q7159": _SPOC.format(path="Africa/Africa~Central/Nigeria.md", commit="0629ad79", label="African Union", num=7159),
    "Q193272": _SPOC.format(path="Africa/Africa~Central/Nigeria.md", commit="0629ad79",
                            label="Economic Community of West African States", num=193272),
    "Q47543": _SPOC.format(path="Africa/Africa~Central/Nigeria.md", commit="0629ad79",
                           label="Organisation of Islamic Cooperation", num=47543),
    "Q7795": _SPOC.format(path="Africa/Africa~Central/Nigeria.md", commit="0629ad79",
                          label="Organization of the Petroleum Exporting Countries", num=7795),
    "Q7817": _SPOC.format(path="Asia/Asia~South~East/Malay_Archipelago/Indonesia.md", commit="06748ac7",
                          label="World_Health_Organization", num=7817),
    "Q7825": _SPOC.format(path="Asia/Asia~South~East/Malay_Archipelago/Indonesia.md", commit="06748ac7",
                          label="World_Trade_Organization", num=7825),
    "Q1065": _SPOC.format(path="Africa/Africa~Central/Nigeria.md", commit="0629ad79", label="United Nations", num=1065),
}


NSI_SLICE = {"data/operators/landuse/military.json": "military", "data/operators/amenity/police.json": "police"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def descriptive(name: str) -> bool:
    """An English phrase with one capitalised word ("Council of ministers", "Army Police" is two):
    a description, not a proper name, so it could name any state's body."""
    words = _WORD.findall(name)
    return len(words) > 1 and sum(w[0].isupper() for w in words) <= 1


def org_source_candidates(rows: list[dict[str, str]], amb: Ambiguous | None = None) -> tuple[
        list[tuple[str, str, str, str, str, str, str, str]], dict[str, set[str]], dict[str, set[str]]]:
    """(alias, lang, qid, canonical_en, role, iso3, form, provenance) of institutions from the
    whole source tables: every supraverden organisation with a Wikidata code, and every national
    operator of NSI's military and police files. Dropped here: English descriptions with a
    single capitalised word; NSI acronyms of two or three letters; NSI English names that do not
    name their state (e.g. "Ministry of Internal Affairs", "Patrol Police"); a police force's
    several-word name that does not name its state ("Police nationale", "Guardia Nacional"),
    whereas a one-word name is kept ("Policja", "Carabinieri").

    Also returns, for every name of every entity of those tables (before any of the drops above,
    NSI's government file included), the ids it names: a name two entities share is ambiguous
    ("Gendarmerie nationale": France's and Algeria's) even where one of them was dropped, and the
    tables each name comes from; ``amb`` receives a readable label for every id."""
    out: list[tuple[str, str, str, str, str, str, str, str]] = []
    names: dict[str, set[str]] = {}
    tables: dict[str, set[str]] = {}
    amb = amb if amb is not None else Ambiguous()
    cite, orgs = read_source("supraverden_orgs.tsv")
    for r in orgs:
        qid, name = r["qid"], r["name"]
        names.setdefault(lookup_key(name), set()).add(qid)
        tables.setdefault(lookup_key(name), set()).add("sources/supraverden_orgs.tsv")
        amb.label(qid, r["name_en"])
        if r["lang"] == "en" and descriptive(name):
            continue
        form = "acronym" if r["field"].startswith("Abbreviation") or is_acronym(name) else "name"
        role = "alliance" if qid in ALLIANCES else "intergovernmental"
        out.append((name, r["lang"], qid, r["name_en"], role, "", form,
                    f"sources/supraverden_orgs.tsv ({cite}) {r['name_en']} {r['field']}; qid: Wikidata_code {qid}"
                    + (f"; also {SECOND_WITNESS[qid]}" if qid in SECOND_WITNESS else "")))
    # the state words of each ISO3 (names, short names, demonyms in every language of the index)
    words: dict[str, set[str]] = {}
    for r in rows:
        if r["type"] == "Country" and r["country"] and r["form"] in {"name", "short", "demonym"}:
            words.setdefault(r["country"], set()).add(fold(r["alias"]))
    curated_iso = {qid: iso for _c, _t, _r, iso, qid, _p, _a in CURATED if qid and qid.startswith("src:") and iso}
    curated_name = {qid[4:]: c for c, _t, _r, _i, qid, _p, _a in CURATED if qid and qid.startswith("src:")}

    def names_state(name: str, iso: str) -> bool:
        f = f" {fold(name)} "
        return any(f" {w} " in f for w in words.get(iso, ()))

    cite, nsi = read_source("nsi_operators.tsv")
    english = {r["qid"]: r["name"] for r in nsi if r["field"] == "operator:en"}
    for r in nsi:
        names.setdefault(lookup_key(r["name"]), set()).add(r["qid"])
        tables.setdefault(lookup_key(r["name"]), set()).add("sources/nsi_operators.tsv")
        amb.label(r["qid"], f"{curated_name.get(r['qid']) or english.get(r['qid']) or r['operator']}"
                            + (f", {r['iso3']}" if r["iso3"] else ""))
        role = NSI_SLICE.get(r["file"])
        if r["service"] == "intelligence":
            role = "intelligence"  # services listed among military land users (CIA, BND, NSA)
        if role is None:
            continue
        qid, name, field = r["qid"], r["name"], r["field"]
        iso = r["iso3"] or curated_iso.get(f"src:{qid}", "")
        if not iso:  # world-wide location set ("001"): the one state its name names, if any
            named = [i for i in sorted(words) if names_state(r["operator"], i)]
            iso = named[0] if len(named) == 1 else ""
        if not iso:
            continue
        short = field.startswith("operator:short")
        lang = field.rsplit(":", 1)[1] if field.count(":") == (2 if short else 1) else "mul"
        acronym = is_acronym(name)
        if short and acronym and len(name.replace(".", "")) <= 3:
            continue  # two- and three-letter acronyms name many bodies ("PSP", "RTP", "PNR")
        if not acronym and lang == "en" and not names_state(name, iso):
            continue  # a translation such as "Ministry of Internal Affairs" or "Patrol Police"
        if role == "police" and not acronym and " " in name.strip() and not names_state(name, iso):
            continue  # "Police nationale", "Guardia Nacional", "Cuerpo Nacional de Policía"
        form = "acronym" if acronym else ("short" if short else "name")
        canonical = curated_name.get(qid) or english.get(qid) or r["operator"]
        out.append((name, lang, qid, canonical, role, iso, form,
                    f"sources/nsi_operators.tsv ({cite}) {r['file']}: operator '{r['operator']}' {field} "
                    f"'{name}' operator:wikidata {qid} (SINGLE SOURCE)"))
    return out, names, tables


# forms of sources/politicians.tsv that name someone or something else as often in news
POLITICIAN_FORMS_LEFT_OUT = {
    "Carlos III", "Rey Carlos III",  # Spain's 18th-century king, Universidad / Instituto de Salud Carlos III
    "Chris Miller", "Christopher Miller",  # the historian of "Chip War", often quoted
    "William Blair",  # also an investment bank
    "Teodoro Locsin",  # also his father; "Teodoro Locsin Jr." stays
    "Kim Min-seok", "Park Jin",  # common Korean names of several public figures
}
OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3}


def _office_order(r: dict[str, str]) -> tuple:
    """Which of a person's rows names them in the index: the highest office, then the latest
    (an open term first), then the row with the most names (Charles III: the United Kingdom's,
    not Australia's or Canada's)."""
    end = r["years"].partition("-")[2].strip()
    end_year = int(end) if end.isdigit() else 9999
    return (OFFICE_RANK.get(r["role"], 9), -end_year, -len(r["other_names"].split(";")), r["iso3"])


def politicians() -> dict[str, dict]:
    """sources/politicians.tsv by folded name (its ``name`` and each of its ``other_names``): the
    person's id, name, other names, latest office, state and provenance (the row's witnesses).
    One-word names other than a reigning monarch's or a well-known nickname's are left out."""
    with (SOURCES / "politicians.tsv").open(encoding="utf-8", newline="") as f:
        f.readline()  # the citation line
        table = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_qid: dict[str, list[dict[str, str]]] = {}
    for r in table:
        by_qid.setdefault(r["qid"], []).append(r)
    out: dict[str, dict] = {}
    for qid, rs in by_qid.items():
        latest = min(rs, key=_office_order)
        witnesses = "; second witness: ".join(w for w in (latest["witness1"], latest["witness2"]) if w)
        prov = (f"sources/politicians.tsv ({latest['status']}) {latest['name']} {latest['role']} {latest['iso3']} "
                f"{latest['years']}: {witnesses}")
        others = [n.strip() for r in rs for n in r["other_names"].split(";") if n.strip() and n.strip() not in POLITICIAN_FORMS_LEFT_OUT]
        role = latest["role"]
        if latest["iso3"] in ("NATO", "UN") and role == "head_of_state":
            role = "secretary_general"  # the table's office column has no such role
        elif latest["iso3"] == "EU" and role == "head_of_state":
            role = "president"
        entry = {"qid": qid, "name": latest["name"], "other_names": others, "role": role,
                 "iso3": latest["iso3"] if len(latest["iso3"]) == 3 else "", "prov": prov}
        for n in [latest["name"]] + others:
            if n in POLITICIAN_FORMS_LEFT_OUT:
                continue
            if len(n.split()) > 1 or "-" in n or n in {"Naruhito"}:
                out.setdefault(fold(n), entry)
    return out


def org_witnesses() -> dict[str, str]:
    """Citations of the organisation ids in the transcribed source tables, by QID."""
    out: dict[str, str] = {}
    cite, nsi = read_source("nsi_operators.tsv")
    for r in nsi:
        out[r["qid"]] = (f"sources/nsi_operators.tsv ({cite}) {r['file']}: operator '{r['operator']}' "
                         f"operator:wikidata {r['qid']} (SINGLE SOURCE)")
    cite, orgs = read_source("supraverden_orgs.tsv")
    for r in orgs:
        if r["field"] == "Name" or r["field"] == "Name_en" or r["lang"] == "en":
            text = f"sources/supraverden_orgs.tsv ({cite}) '{r['name_en']}' Wikidata_code {r['qid']}"
            if r["qid"] in SECOND_WITNESS:
                text += f"; {SECOND_WITNESS[r['qid']]}"
            out.setdefault(r["qid"], text)
    return out


def _merge(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Fill role/country of shared-file rows from curated rows of the same entity; dedupe; sort."""
    info: dict[tuple[str, str], tuple[str, str]] = {}
    for r in rows:
        if r["qid"] and r["role"] and r["form"] == "name":
            info.setdefault((r["qid"], r["type"]), (r["role"], r["country"]))
    seen: dict[tuple, dict[str, str]] = {}
    for r in rows:
        if r["qid"] and not r["role"] and (r["qid"], r["type"]) in info:
            r["role"], r["country"] = info[(r["qid"], r["type"])]
        k = (r["alias"], r["lang"], r["qid"], r["type"], r["canonical_en"], r["form"])
        if k not in seen:
            seen[k] = r
    return sorted(seen.values(), key=lambda r: (r["alias"].casefold(), r["alias"], r["type"],
                                                r["lang"], r["qid"], r["canonical_en"], r["form"]))


def render(rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> str:
    buf = io.StringIO()
    buf.write("\t".join(columns) + "\n")
    for r in rows:
        buf.write("\t".join(r[c].replace("\t", " ") for c in columns) + "\n")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write aliases.tsv")
    ap.add_argument("--ambiguous-out", type=Path, default=None,
                    help="where to write the forms dropped as ambiguous (default: ambiguous.tsv beside --out)")
    args = ap.parse_args(argv)
    for name in ("countries.tsv", "wikidata-qids.tsv"):
        if not (args.shared / name).is_file():
            print(f"error: {args.shared / name} not found (pass --shared)", file=sys.stderr)
            return 2
    amb = Ambiguous()
    rows = build_rows(args.shared, amb)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(rows), encoding="utf-8")
    side = args.ambiguous_out or args.out.with_name("ambiguous.tsv")
    dropped = amb.rows()
    side.write_text(render(dropped, AMBIGUOUS_COLUMNS), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {args.out} and {len(dropped)} ambiguous forms to {side}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
