"""Nationality adjectives in German, French and Spanish, with their inflected forms.

News in these languages names the deploying state by an adjective ("500 deutsche Soldaten",
"soldats nord-coréens", "tropas norcoreanas"), written in lower case. English demonyms come from
``../shared/data/countries.tsv`` (``demonym_en``); the shared data has none for other languages, so
this hand-written table holds the base form (masculine singular) for the states news names most;
``states`` derives the inflections. Keys are ISO 3166-1 alpha-3 codes; the Wikidata id comes from
``countries.tsv`` when the alias index is built. An adjective two states share ("congolais": the
DR Congo or the Republic of the Congo) is listed under both; ``states`` gives every state a form
names, ``forms`` only the forms that name one.

>>> f = forms("de"); f["nordkoreanischen"], f["deutsche"]
('PRK', 'DEU')
>>> f = forms("fr"); f["nord-coréennes"], f["rwandais"], f["russes"]
('PRK', 'RWA', 'RUS')
>>> forms("es")["norcoreanos"]
'PRK'
>>> states("de")["kongolesischen"], "congolais" in forms("fr")
(('COD', 'COG'), False)
"""

from __future__ import annotations

from functools import lru_cache

# iso3: (de, fr, es)
BASE = {
    "DEU": ("deutsch", "allemand", "alemán"), "FRA": ("französisch", "français", "francés"),
    "GBR": ("britisch", "britannique", "británico"), "USA": ("amerikanisch", "américain", "estadounidense"),
    "RUS": ("russisch", "russe", "ruso"), "UKR": ("ukrainisch", "ukrainien", "ucraniano"),
    "PRK": ("nordkoreanisch", "nord-coréen", "norcoreano"), "KOR": ("südkoreanisch", "sud-coréen", "surcoreano"),
    "CHN": ("chinesisch", "chinois", "chino"), "JPN": ("japanisch", "japonais", "japonés"),
    "IND": ("indisch", "indien", "indio"), "PAK": ("pakistanisch", "pakistanais", "pakistaní"),
    "IRN": ("iranisch", "iranien", "iraní"), "IRQ": ("irakisch", "irakien", "iraquí"),
    "ISR": ("israelisch", "israélien", "israelí"), "SYR": ("syrisch", "syrien", "sirio"),
    "LBN": ("libanesisch", "libanais", "libanés"), "TUR": ("türkisch", "turc", "turco"),
    "SAU": ("saudi-arabisch", "saoudien", "saudí"), "YEM": ("jemenitisch", "yéménite", "yemení"),
    "EGY": ("ägyptisch", "égyptien", "egipcio"), "POL": ("polnisch", "polonais", "polaco"),
    "LTU": ("litauisch", "lituanien", "lituano"), "LVA": ("lettisch", "letton", "letón"),
    "EST": ("estnisch", "estonien", "estonio"), "FIN": ("finnisch", "finlandais", "finlandés"),
    "SWE": ("schwedisch", "suédois", "sueco"), "NOR": ("norwegisch", "norvégien", "noruego"),
    "DNK": ("dänisch", "danois", "danés"), "NLD": ("niederländisch", "néerlandais", "neerlandés"),
    "BEL": ("belgisch", "belge", "belga"), "AUT": ("österreichisch", "autrichien", "austriaco"),
    "CHE": ("schweizerisch", "suisse", "suizo"), "ITA": ("italienisch", "italien", "italiano"),
    "ESP": ("spanisch", "espagnol", "español"), "PRT": ("portugiesisch", "portugais", "portugués"),
    "GRC": ("griechisch", "grec", "griego"), "ROU": ("rumänisch", "roumain", "rumano"),
    "HUN": ("ungarisch", "hongrois", "húngaro"), "CZE": ("tschechisch", "tchèque", "checo"),
    "SVK": ("slowakisch", "slovaque", "eslovaco"), "BGR": ("bulgarisch", "bulgare", "búlgaro"),
    "SRB": ("serbisch", "serbe", "serbio"), "HRV": ("kroatisch", "croate", "croata"),
    "BLR": ("belarussisch", "biélorusse", "bielorruso"), "GEO": ("georgisch", "géorgien", "georgiano"),
    "ARM": ("armenisch", "arménien", "armenio"), "AZE": ("aserbaidschanisch", "azerbaïdjanais", "azerbaiyano"),
    "KAZ": ("kasachisch", "kazakh", "kazajo"), "AFG": ("afghanisch", "afghan", "afgano"),
    "IDN": ("indonesisch", "indonésien", "indonesio"), "MYS": ("malaysisch", "malaisien", "malasio"),
    "PHL": ("philippinisch", "philippin", "filipino"), "VNM": ("vietnamesisch", "vietnamien", "vietnamita"),
    "THA": ("thailändisch", "thaïlandais", "tailandés"), "SGP": ("singapurisch", "singapourien", "singapurense"),
    "MMR": ("myanmarisch", "birman", "birmano"), "BGD": ("bangladeschisch", "bangladais", "bangladesí"),
    "NPL": ("nepalesisch", "népalais", "nepalí"), "AUS": ("australisch", "australien", "australiano"),
    "NZL": ("neuseeländisch", "néo-zélandais", "neozelandés"), "CAN": ("kanadisch", "canadien", "canadiense"),
    "MEX": ("mexikanisch", "mexicain", "mexicano"), "BRA": ("brasilianisch", "brésilien", "brasileño"),
    "ARG": ("argentinisch", "argentin", "argentino"), "URY": ("uruguayisch", "uruguayen", "uruguayo"),
    "COL": ("kolumbianisch", "colombien", "colombiano"), "VEN": ("venezolanisch", "vénézuélien", "venezolano"),
    "CUB": ("kubanisch", "cubain", "cubano"), "ZAF": ("südafrikanisch", "sud-africain", "sudafricano"),
    "NGA": ("nigerianisch", "nigérian", "nigeriano"), "ETH": ("äthiopisch", "éthiopien", "etíope"),
    "SOM": ("somalisch", "somalien", "somalí"), "SDN": ("sudanesisch", "soudanais", "sudanés"),
    "KEN": ("kenianisch", "kényan", "keniano"), "RWA": ("ruandisch", "rwandais", "ruandés"),
    "COD": ("kongolesisch", "congolais", "congoleño"), "COG": ("kongolesisch", "congolais", "congoleño"), "MLI": ("malisch", "malien", "maliense"),
    "TCD": ("tschadisch", "tchadien", "chadiano"), "NER": ("nigrisch", "nigérien", "nigerino"),
    "SEN": ("senegalesisch", "sénégalais", "senegalés"), "BFA": ("burkinisch", "burkinabè", "burkinés"),
    "CIV": ("ivorisch", "ivoirien", "marfileño"), "DZA": ("algerisch", "algérien", "argelino"),
    "MAR": ("marokkanisch", "marocain", "marroquí"), "LBY": ("libysch", "libyen", "libio"),
    "TUN": ("tunesisch", "tunisien", "tunecino"), "JOR": ("jordanisch", "jordanien", "jordano"),
    "QAT": ("katarisch", "qatari", "catarí"), "ARE": ("emiratisch", "émirati", "emiratí"),
    "UGA": ("ugandisch", "ougandais", "ugandés"), "BDI": ("burundisch", "burundais", "burundés"),
    "TZA": ("tansanisch", "tanzanien", "tanzano"), "CAF": ("zentralafrikanisch", "centrafricain", "centroafricano"),
    "CMR": ("kamerunisch", "camerounais", "camerunés"), "GHA": ("ghanaisch", "ghanéen", "ghanés"),
    "BEN": ("beninisch", "béninois", "beninés"), "TGO": ("togoisch", "togolais", "togolés"),
    "MOZ": ("mosambikanisch", "mozambicain", "mozambiqueño"), "ZWE": ("simbabwisch", "zimbabwéen", "zimbabuense"),
    "ZMB": ("sambisch", "zambien", "zambiano"), "AGO": ("angolanisch", "angolais", "angoleño"),
    "SSD": ("südsudanesisch", "sud-soudanais", "sursudanés"), "ERI": ("eritreisch", "érythréen", "eritreo"),
    "DJI": ("dschibutisch", "djiboutien", "yibutiano"), "MRT": ("mauretanisch", "mauritanien", "mauritano"),
    "GAB": ("gabunisch", "gabonais", "gabonés"), "KGZ": ("kirgisisch", "kirghize", "kirguís"),
    "TJK": ("tadschikisch", "tadjik", "tayiko"), "UZB": ("usbekisch", "ouzbek", "uzbeko"),
    "TKM": ("turkmenisch", "turkmène", "turkmeno"), "MNG": ("mongolisch", "mongol", "mongol"),
    "KHM": ("kambodschanisch", "cambodgien", "camboyano"), "LAO": ("laotisch", "laotien", "laosiano"),
    "LKA": ("sri-lankisch", "sri-lankais", "esrilanqués"), "BRN": ("bruneiisch", "brunéien", "bruneano"),
    "TLS": ("osttimoresisch", "est-timorais", "timorense"), "OMN": ("omanisch", "omanais", "omaní"),
    "KWT": ("kuwaitisch", "koweïtien", "kuwaití"), "BHR": ("bahrainisch", "bahreïni", "bareiní"),
    "IRL": ("irisch", "irlandais", "irlandés"), "SVN": ("slowenisch", "slovène", "esloveno"),
    "ALB": ("albanisch", "albanais", "albanés"), "MKD": ("nordmazedonisch", "macédonien", "macedonio"),
    "MNE": ("montenegrinisch", "monténégrin", "montenegrino"), "MDA": ("moldauisch", "moldave", "moldavo"),
    "CYP": ("zyprisch", "chypriote", "chipriota"), "LUX": ("luxemburgisch", "luxembourgeois", "luxemburgués"),
    "ISL": ("isländisch", "islandais", "islandés"), "CHL": ("chilenisch", "chilien", "chileno"),
    "PER": ("peruanisch", "péruvien", "peruano"), "BOL": ("bolivianisch", "bolivien", "boliviano"),
    "ECU": ("ecuadorianisch", "équatorien", "ecuatoriano"), "PRY": ("paraguayisch", "paraguayen", "paraguayo"),
    "HTI": ("haitianisch", "haïtien", "haitiano"), "GTM": ("guatemaltekisch", "guatémaltèque", "guatemalteco"),
    "HND": ("honduranisch", "hondurien", "hondureño"), "NIC": ("nicaraguanisch", "nicaraguayen", "nicaragüense"),
    "SLV": ("salvadorianisch", "salvadorien", "salvadoreño"), "PAN": ("panamaisch", "panaméen", "panameño"),
}

_LANG = {"de": 0, "fr": 1, "es": 2}
# inflections the rules below would get wrong
_IRREGULAR = {
    "ouzbek": ["ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes"],
    "kirguís": ["kirguís", "kirguisa", "kirguises", "kirguisas"],
}


def _de(base: str) -> list[str]:
    return [base + e for e in ("", "e", "en", "er", "es", "em")]


def _fr(base: str) -> list[str]:
    if base.endswith("e") and not base.endswith("é"):
        return [base, base + "s"]
    if base.endswith(("s", "x")):
        return [base, base + "e", base + "es"]
    if base.endswith(("en", "on")):
        return [base, base + "ne", base + "s", base + "nes"]
    if base.endswith("è"):
        return [base, base + "s"]
    return [base, base + "e", base + "s", base + "es"]


def _es(base: str) -> list[str]:
    if base.endswith("o"):
        return [base, base[:-1] + "a", base + "s", base[:-1] + "as"]
    if base.endswith(("e", "a")):
        return [base, base + "s"]
    if base.endswith(("í", "ú")):
        return [base, base + "es"]
    for acc, plain in (("án", "an"), ("és", "es"), ("ón", "on")):
        if base.endswith(acc):
            stem = base[: -len(acc)] + plain
            return [base, stem + "a", stem + "es", stem + "as"]
    return [base, base + "a", base + "es", base + "as"]


@lru_cache(maxsize=None)
def states(lang: str) -> dict[str, tuple[str, ...]]:
    """Every inflected form of every demonym in ``lang`` ("de", "fr", "es") -> the ISO3 codes of the
    states it names (two for an adjective states share), in the table's order."""
    k = _LANG.get(lang)
    if k is None:
        return {}
    make = {"de": _de, "fr": _fr, "es": _es}[lang]
    out: dict[str, tuple[str, ...]] = {}
    for iso3, bases in BASE.items():
        for f in _IRREGULAR.get(bases[k]) or make(bases[k]):
            for g in (f, f[:1].upper() + f[1:]):  # and sentence-initial
                if iso3 not in out.get(g, ()):
                    out[g] = out.get(g, ()) + (iso3,)
    return out


@lru_cache(maxsize=None)
def forms(lang: str) -> dict[str, str]:
    """The forms in ``lang`` that name one state -> its ISO3 code."""
    return {f: codes[0] for f, codes in states(lang).items() if len(codes) == 1}


@lru_cache(maxsize=None)
def all_forms() -> dict[str, tuple[str, ...]]:
    """Forms of all three languages together (a German article may quote a French one) -> the
    states each names."""
    out: dict[str, tuple[str, ...]] = {}
    for lang in _LANG:
        for f, codes in states(lang).items():
            out[f] = out.get(f, ()) + tuple(c for c in codes if c not in out.get(f, ()))
    return out
