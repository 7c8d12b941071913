"""Lexical cues beside the model: speech verbs, pronouns, modality cues, name repair and filters.

Pure functions of text (no model scores). The decoder uses them as backstops and repairs; every
list here is generic news vocabulary in the six supported languages, never strings of a test text.
"""

from __future__ import annotations

import re

from kg.doc import Mention

_QUOTES = "\"“”«»„‟'‘’"


_SPEAKER_CAPABLE = ("Person", "Organization", "Country")


_SPEECH_VERB = re.compile(
    r"(?i)(?<!\w)(?:mengatakan|menyatakan|menambahkan|menegaskan|mengungkapkan|menjelaskan|menyebut(?:kan)?|memperingatkan|"
    r"mengumumkan|membantah|menepis|menuturkan|berkata|kata|ujar|tutur|ucap|imbuh|menekankan|menyampaikan|mengklaim|"
    r"berkomentar|mengakui|menilai|menulis|tulis|mengecam|menuding|memastikan|menyebutkan|katanya|ujarnya|"
    r"mengonfirmasi|mengkonfirmasi|mengutuk|menyebut|mengungkap|memperingatkan|berkata|menegaskan|mengesahkan|memberitahu|"
    r"said|says|told|added|warned|stated|announced|denied|wrote|stressed|confirmed|condemned|insisted|emphasi[sz]ed|"
    r"a déclaré|a affirmé|a ajouté|a souligné|a averti|a annoncé|a confirmé|a écrit|a condamné|a démenti|"
    r"sagte|erklärte|betonte|warnte|bestätigte|schrieb|verurteilte|bestritt|dijo|afirmó|declaró|subrayó|advirtió|anunció|confirmó|escribió|condenó|negó)(?!\w)")


_PLURAL_REFERENCE = re.compile(r"(?i)\b(?:orang-orang|mereka|para|pihak-pihak|they|them|officials|ils|elles|sie|ellos|ellas)\b")


_PRONOUN = re.compile(r"(?i)^(?:dia|ia|beliau|he|she|il|elle|er|sie|él|ella)$|(?:nya)$|\b(?:tersebut|itu|the official|the minister|the spokes\w*|le ministre|le porte-parole|der minister|der sprecher|el ministro|el portavoz|pegawai itu|menteri itu)\b")


# ---------------------------------------------------------------------- helpers
_EDGE = set(",;:([{'\"“”‘’«»„-–—/")


_NUMBER_RUN = re.compile(r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")


def whole_numbers(text: str, spans: list) -> list:
    """Snap COUNT spans to whole numbers: a span that cuts a number written with group separators
    ("1" | ",500" of "1,500", "10" | ".000") covers the whole number, and spans that end up on the
    same number merge (the higher score stays). Spans are objects with ``s``, ``e``, ``score``.

    >>> class S:
    ...     def __init__(self, s, e, score): self.s, self.e, self.score = s, e, score
    >>> t = "send another 1,500 soldiers and 20 trucks"
    >>> [(t[x.s:x.e], x.score) for x in whole_numbers(t, [S(13, 14, 0.3), S(15, 18, 0.4), S(32, 34, 0.9)])]
    [('1,500', 0.4), ('20', 0.9)]
    """
    runs = [(m.start(), m.end()) for m in _NUMBER_RUN.finditer(text)]
    out: list = []
    for sp in spans:
        for a, b in runs:
            if a < sp.e and sp.s < b and (sp.s > a or sp.e < b):
                sp.s, sp.e = min(sp.s, a), max(sp.e, b)
        same = next((o for o in out if o.s < sp.e and sp.s < o.e), None)
        if same is None:
            out.append(sp)
        else:
            same.s, same.e = min(same.s, sp.s), max(same.e, sp.e)
            same.score = max(same.score, sp.score)
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and stray punctuation from a span's edges (balanced brackets stay).

    >>> t = "Badan Intelijen Nasional ( NIS"
    >>> _trim(t, 0, 26), _trim("the U.S. said", 4, 8)
    ((0, 24), (4, 8))
    >>> t = "Cecilia Ortega Lanz of the Tec said"
    >>> t[slice(*_trim(t, 0, 22))], _trim("Bank of", 0, 7), _trim("Ministry of Defence", 0, 19)
    ('Cecilia Ortega Lanz', (0, 4), (0, 19))
    """
    while True:
        s0, e0 = s, e
        while s < e and (text[s].isspace() or text[s] in _EDGE or (text[s] == ")")):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE
                         or (text[e - 1] == "." and not re.search(r"(?:\b[A-Z]\.){2,}$", text[s:e]))  # "U.S." keeps its dot
                         or (text[e - 1] == ")" and "(" not in text[s:e - 1])):
            e -= 1
        tail = _TRAILING_FUNCTION_WORD.search(text, s, e)
        if tail is not None and tail.end() == e and tail.start() > s:  # "Cecilia Ortega Lanz of": no name ends so
            e = tail.start()
        if (s, e) == (s0, e0):
            return s, e


# a lower-case function word that ends a span is the start of what follows, not part of a name
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:of|the|and|de|du|des|del|della|la|le|von|vom|der|und|y|et|dan|dari)$")


_GENERIC_NOUNS = set("""sumber pemerintah pemerintahan pihak pejabat warga laporan media analis analisis pengamat rilis arsip
kekhawatiran strategi konflik segera webinar video foto berita kabar intelijen pasukan tentara militer perang kantor grup
utara selatan barat timur
source sources officials government report analysts video photo""".split())


def _common_words(text: str) -> set[str]:
    """Words the article writes in lower case somewhere (a name is capitalised everywhere), plus
    generic news nouns that are never a name on their own.

    >>> sorted(_common_words("Sumber itu berkata. Ada sumber lain.") & {"sumber", "itu"})
    ['itu', 'sumber']
    """
    return set(re.findall(r"(?<![\w-])([a-zà-ÿ][\w-]*)", text)) | _GENERIC_NOUNS


def _looks_named(s: str) -> bool:
    """A role span that reads as a name: it starts with a capital ("stasiun TV" does not).

    >>> _looks_named("Korea Utara"), _looks_named("stasiun TV")
    (True, False)
    """
    return bool(s) and s[:1].isupper()


_LOCATIVE = re.compile(r"(?i)(?<!\w)(?:di|ke|in|into|to|at|à|en|au|aux|dans|vers|nach|im|bei|hacia|a|al|del|antaranya|them|dont|davon)(?!\w)")


_NUM = r"\d{1,3}(?:[.,\u202f ]\d{3})+|\d+(?:[.,]\d+)?(?:\s+(?:ribu|juta|thousand|million|mille|tausend|mil))?"


_REPORT_VERB = re.compile(r"(?i)^(?:melaporkan|melapor|lapor|memberitakan|dilaporkan|reported|reports|reporting|a rapporté|rapporte|berichtete|berichtet|informó|informa)$")


_PERSONAL = re.compile(r"(?i)^(?:dia|ia|beliau|he|she|il|elle|er|sie|él|ella)$|nya$|\b(?:he|she)\s")


_TITLE_WORD = re.compile(r"(?i)^(?:presiden|menteri|pemerintah|pemerintahan|perdana|wakil|juru|kepala|panglima|jenderal|sekretaris|"
                         r"duta|dubes|direktur|ketua|kanselir|president|minister|prime|secretary|general|spokes\w*|chancellor|ambassador|"
                         r"le|la|der|die|el|ministre|président|präsident|ministro|presidente|menlu|menhan|jubir|sekjen|wapres|pak|bu|"
                         r"mr|mrs|ms|dr|sir|raja|ratu|pangeran|paus|syekh|ayatollah|letjen|mayjen|kolonel|kapten|laksamana|marsekal|"
                         r"senator|gubernur|bupati|pemimpin|komandan|analis|profesor|prof|jurnalis|wartawan|kanzler|general|gen|col|lt|"
                         r"anggota|mantan|former|pm|pertahanan|luar|negeri|dalam|keuangan|staf|besar|senior|defence|defense|foreign|affairs|"
                         r"interior|finance|staff|state|armed|forces)$")


_PRONOUN_SUBJECT = re.compile(r"(?i)^\W*(?:(?:namun|tetapi|sementara itu|kemudian|lalu|however|but|mais|aber|pero),?\s+)?"
                              r"(dia|ia|beliau|he|she|il|elle|er|sie|él|ella)(?:\s+\w+){0,2}\s*,?\s*$")


# verbs that only follow what was said ("..., kata X"); English "said" etc. go either way
_POSTPOSED = re.compile(r"(?i)^(?:kata|ujar|tutur|ucap|imbuh|tulis|jelas|tegas|lapor)$")
_EITHER_WAY = re.compile(r"(?i)^(?:said|says|added|wrote|told|a déclaré|a affirmé|a ajouté|sagte|erklärte|dijo|afirmó|añadió)$")


# news outlets and agencies (the decoder's own list; the training generator reads it from here)
NEWS_OUTLETS = frozenset("Reuters|AFP|AP|Associated Press|Bloomberg|CNN|BBC|Al Jazeera|Yonhap|KCNA|TASS|RIA Novosti|Interfax|Ukrinform|Antara|Kompas|Tempo|Detik|CNA|Bernama|The Guardian|The New York Times|The Washington Post|Le Monde|Der Spiegel|El País|Politico|Financial Times|NHK|Xinhua|Kyodo|Voice of America|VOA|Radio Free Asia|Epoch Times".split("|"))


_OUTLETS_FOLDED = frozenset(o.casefold() for o in NEWS_OUTLETS)  # "Tass" as well as "TASS"


def is_outlet(m: Mention) -> bool:
    """A news outlet or agency by its name ("Reuters", "Radio Ituri Libre", "Harian Nusantara").

    >>> is_outlet(Mention(0, 16, "Radio Ituri Libre", "Organization")), is_outlet(Mention(0, 3, "TNI", "Organization"))
    (True, False)
    """
    return (m.text.casefold() in _OUTLETS_FOLDED or any(w.casefold() in _OUTLETS_FOLDED for w in m.text.split())
            or bool(_OUTLET_WORD.search(m.text)))


def _is_outlet_report(m: Mention, verb: str) -> bool:
    """A news outlet with a reporting verb ("Reuters melaporkan") reports; it does not speak.

    >>> _is_outlet_report(Mention(0, 7, "Reuters", "Organization"), "melaporkan")
    True
    """
    return m.type == "Organization" and is_outlet(m) and bool(_REPORT_VERB.match(verb.strip()))


_OUTLET_WORD = re.compile(r"(?i)(?<!\w)(?:news|agency|kantor berita|agence|agencia|agensi|\w*agentur|tv|televisi|television|times|post|daily|radio|journal|"
                          r"press|media|harian|koran|ilbo|shimbun|gazette|tribune|herald|channel|zeitung|diario|\w+\.com)(?!\w)")


# a mediator, guarantor, witness or host of a signing is no party (annotation guide, decision 16)
_MEDIATION_CUE = re.compile(
    r"(?i)(?:brokered|mediated|facilitated|witnessed|hosted|guaranteed)\s+by|with the mediation of|under the auspices of|"
    r"in the presence of|(?:di)?mediasi(?:kan)?(?:\s+oleh)?|ditengahi(?:\s+oleh)?|disaksikan(?:\s+oleh)?|difasilitasi(?:\s+oleh)?|"
    r"dengan\s+perantaraan|diantarai(?:\s+oleh)?|sous l'égide|avec la médiation|grâce à la médiation|en présence|"
    r"(?:négocié|parrainé|facilité)e?s?\s+par|vermittelt\s+(?:von|durch)|unter\s+(?:der\s+)?vermittlung|auf\s+vermittlung|"
    r"im\s+beisein|in\s+anwesenheit|unter\s+der\s+schirmherrschaft|con la mediación|gracias a la mediación|mediad[oa]s?\s+por|"
    r"bajo (?:los|el) auspicios?|en presencia|auspiciad[oa]s?\s+por")
# the venue of a signing: "at the headquarters of", "au siège de", "im Hauptquartier der", "di markas",
# "en la sede de"; only the owner's name may follow (not "... by Ethiopia and the TPLF")
_VENUE_CUE = re.compile(
    r"(?i)(?:at|in)\s+the\s+headquarters\s+of|au\s+siège\s+(?:de|du|des)|im\s+hauptquartier|in\s+der\s+zentrale|"
    r"di\s+(?:markas(?:\s+besar)?|kantor\s+pusat|ibu\s+pejabat)|en\s+la\s+sede\s+(?:de|del)")
_BY = {"by", "oleh", "par", "von", "durch", "por"}
# "at UNIFIL headquarters", "at NATO's HQ", "at the ASEAN Secretariat": the owner named before the noun
_VENUE_NOUN = r"(?:headquarters|HQ|secretariat|Sekretariat|secrétariat|secretaría)"
_VENUE_AFTER = re.compile(r"(?i)^(?:['’]s)?\s+" + _VENUE_NOUN + r"\b")
_VENUE_BEFORE = re.compile(r"(?i)\b(?:at|in)\s+(?:the\s+)?$")
def mediated(text: str, start: int) -> bool:
    """Whether the name at ``start`` is inside a mediation phrase: a cue ("brokered by", "dimediasi",
    "sous l'égide de", "unter Vermittlung", "con la mediación de") and then only names, articles
    and "and" up to it, within the clause (no comma, no full stop).

    >>> t = "The deal, brokered by the United States and France, binds Israel and Lebanon."
    >>> [mediated(t, t.index(n)) for n in ("United States", "France", "Israel")]
    [True, True, False]
    >>> t = "Sous l'égide des États-Unis et de la France, le Liban et Israël ont signé."
    >>> [mediated(t, t.index(n)) for n in ("États-Unis", "France", "Liban")]
    [True, True, False]
    >>> t = "Lebanon and Israel signed an agreement at UNIFIL headquarters in Naqoura."
    >>> [mediated(t, t.index(n)) for n in ("UNIFIL", "Lebanon", "Israel")]
    [True, False, False]
    >>> t = "Kesepakatan ditandatangani Malaysia dan Indonesia di markas ASEAN di Jakarta."
    >>> [mediated(t, t.index(n)) for n in ("ASEAN", "Malaysia")]
    [True, False]
    >>> t = "They signed at NATO HQ and at the ASEAN Secretariat."
    >>> [mediated(t, t.index(n)) for n in ("NATO", "ASEAN")]
    [True, True]
    >>> t = "The accord was signed at the headquarters of the African Union by Ethiopia and the TPLF."
    >>> [mediated(t, t.index(n)) for n in ("African Union", "Ethiopia", "TPLF")]
    [True, False, False]
    """
    name = re.match(r"[^\W\d_][\w'’.-]*(?:\s+(?!(?i:" + _VENUE_NOUN + r")\b)[A-Z][\w'’.-]*)*", text[start:])
    if name and _VENUE_BEFORE.search(text[max(0, start - 16):start]) and _VENUE_AFTER.match(text[start + name.end():]):
        return True  # the host of the signing ("signed at UNIFIL headquarters in Naqoura")
    left = text[max(0, start - 80):start]
    cut = max(left.rfind(c) for c in ",;:.!?()\"“”«»")
    left = left[cut + 1:]
    for cue, glue in ((_MEDIATION_CUE, _MEDIATOR_GLUE), (_VENUE_CUE, _MEDIATOR_GLUE - _BY)):
        for m in cue.finditer(left):
            between = left[m.end():]
            if all(w[:1].isupper() or w.lower() in glue for w in re.findall(r"[^\W\d_][\w'’-]*", between)):
                return True
    return False


_MEDIATOR_GLUE = set("""the and dan serta et und y e de des du la le les l' der die dem den los las el del pihak kerajaan
pemerintah government gouvernement regierung gobierno oleh by par von durch por of""".split())
