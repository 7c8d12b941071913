"""Mention repair and actor filters beside the model (pure functions of the article text).

The model tags name spans; this module mends their edges where the text is unambiguous and says
which unused mentions are no actor in the article. A mention an event uses (agent, speaker,
party, claimant, ...) is kept, except a German common noun, which is no name at all. The rules
follow the annotation guide: an actor is a named person, organization or state that the article
names as taking part in events or speaking, so a name that only serves as a person's affiliation
in a title ("Sekretaris Jenderal NATO, Mark Rutte"), a photo credit ("foto/KCNA/EPA"), a dateline
("VILNIUS (WNS) -"), a masthead line or a capitalised common word is not one.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from kg.doc import Mention
from kg.extract.cues import _TITLE_WORD, NEWS_OUTLETS

_GENERIC_UPPER = {"TV", "CEO", "VIDEO", "FOTO", "BACA", "NEWS", "HOT", "UPDATE", "LIVE"}

# title words after which a name is the title holder's affiliation ("Perdana Menteri Inggris, X",
# "kepala Forum Ukraina", "Secretary General of NATO"); "pemerintah X" is the state itself
_AFFILIATION = re.compile(
    r"(?i)(?<![\w-])(?:presiden|wakil presiden|menteri|perdana menteri|sekretaris|jenderal|sekjen|kepala|ketua|juru bicara|jubir|"
    r"direktur|duta besar|dubes|panglima|komandan|kanselir|editor|redaksi|pemimpin redaksi|pers|"
    r"(?:menteri|minister|secretary|ministre|ministro|minister)(?:\s+(?:luar negeri|dalam negeri|pertahanan|keuangan|"
    r"foreign|defen[cs]e|interior|des affaires étrangères|des armées|de defensa|de asuntos exteriores))|"
    r"president|prime minister|secretary|general|secretary[- ]general|spokes(?:man|woman|person)|chairman|chairwoman|"
    r"head|chief|director|ambassador|chancellor|commander|editor|"
    r"président|ministre|porte-parole|secrétaire général|präsident|minister|sprecher(?:in)?|kanzler|generalsekretär|"
    r"presidente|ministro|portavoz|secretario general)"
    r"(?:\s+(?:majalah|harian|koran|surat kabar|magazine|newspaper))?(?:\s+(?:of|for|at|de|du|de la|des|der|del))?(?:\s+the)?\s+$"
    r"|(?:secrétaire général|porte-parole|ministre|président|chef|directeur)(?:\s+[\w-]+){0,3}\s+(?:de l'|d')$")

# the English/German order: the affiliation before the title ("NATO Secretary General Mark Rutte",
# "Pentagon spokesman Pat Ryder", "UK Prime Minister Keir Starmer", "NATO-Generalsekretär Mark Rutte")
_TITLE_AFTER = re.compile(
    r"(?i)^(?:\s+|-)(?:(?:deputy|vice|acting|former|chief|top|senior)\s+)?(?:secretary[- ]general|prime minister|"
    r"(?:foreign|defen[cs]e|interior|finance|home)\s+(?:minister|secretary)|minister(?:\s+of\s+\w+)?|secretary|"
    r"spokes(?:man|woman|person)|president|chief|head|director|ambassador|envoy|commander|chairman|chairwoman|"
    r"press secretary|generalsekretär|außenminister|verteidigungsminister|minister(?:in)?|sprecher(?:in)?|chef|präsident(?:in)?|kanzler(?:in)?)"
    r"\s*,?\s*$")

_CREDIT = re.compile(r"(?i)(?:foto|photo|image|gambar|sumber|source|credit|kredit|ilustrasi|dok|getty)\s*[:/]\s*(?:[\w.&-]+\s*/\s*)*$")


def dropped_mentions(text: str, mentions: Sequence[Mention], used: set[int], short_sentences: Iterable[int],
                     sentence_text: dict[int, str], lang: str = "", german_nouns: bool = True,
                     german_sure: float = 1.0) -> set[int]:
    """The ids of mentions that are no actor: unused by any event and a title's affiliation, a
    photo credit, a dateline, a masthead/footer outlet or a piece of a longer name; and, in German,
    a capitalised common noun whatever uses it (``german_noun``)."""
    short = set(short_sentences)
    out: set[int] = set()
    for m in mentions:
        if german_nouns and lang == "de" and german_noun(text, m, german_sure):
            out.add(id(m))
            continue
        if id(m) in used or m.type == "Place":
            continue
        if (affiliation(text, m, mentions) or credit(text, m) or dateline(text, m) or masthead(sentence_text.get(m.sentence, ""), m)
                or _fragment(text, m, mentions)
                or (m.type == "Organization" and is_outlet(m.text) and (m.sentence in short or "." in m.text))):
            out.add(id(m))
    return out


def affiliation(text: str, m: Mention, others: Sequence[Mention] = ()) -> bool:
    """An organization or state named right after a title word whose holder is named next to it
    ("Sekretaris Jenderal NATO, Mark Rutte", "Peskov, Sekretaris Pers Kremlin"): the holder's
    affiliation. With no holder named, the title stands for its institution ("Menteri Pertahanan
    Australia tiba") and the name stays an actor.

    >>> t = "Sekretaris Jenderal NATO, Mark Rutte, dan pemerintah Korea. Menteri Pertahanan Australia tiba."
    >>> rutte = Mention(26, 36, "Mark Rutte", "Person", sentence=0)
    >>> [affiliation(t, Mention(a, b, t[a:b], k, sentence=i), [rutte]) for a, b, k, i in
    ...  [(20, 24, "Organization", 0), (53, 58, "Country", 0), (79, 88, "Country", 1)]]
    [True, False, False]
    >>> t = "NATO Secretary General Mark Rutte met the secrétaire général de l'OTAN, Jean Dupont."
    >>> people = [Mention(23, 33, "Mark Rutte", "Person", sentence=0), Mention(72, 83, "Jean Dupont", "Person", sentence=0)]
    >>> affiliation(t, Mention(0, 4, "NATO", "Organization", sentence=0), people), affiliation(t, Mention(66, 70, "OTAN", "Organization", sentence=0), people)
    (True, True)
    """
    if m.type not in ("Organization", "Country"):
        return False
    if _AFFILIATION.search(text[max(0, m.start - 60):m.start]):
        return any(o.type == "Person" and o.sentence == m.sentence and (0 <= o.start - m.end <= 60 or 0 <= m.start - o.end <= 80)
                   for o in others)
    # "NATO Secretary General Mark Rutte": the title, then its holder, right after the name
    return any(o.type == "Person" and o.sentence == m.sentence and o.start > m.end and _TITLE_AFTER.match(text[m.end:o.start])
               for o in others)


_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:"
    r"[A-ZÀ-Ý][A-ZÀ-Ý .'’/-]{2,40}(?:,[ \t]*[\w .]{2,30})?[ \t]*\([\w .&/-]{1,30}\)"  # VILNIUS (WNS), BERLIN, 3 Mai (dpa)
    r"|[A-ZÀ-Ý][A-ZÀ-Ý.'’/-]+(?:[ \t][A-ZÀ-Ý.'’/-]+){0,3}(?:,[ \t]*[^\n\-–—:(]{2,40})?"  # KUALA LUMPUR, JAKARTA, Harian.com
    r"|[A-ZÀ-Ý][\w.'’-]+(?:/[A-ZÀ-Ý][\w.'’-]+)*(?:[ \t][A-ZÀ-Ý][\w.'’-]+){0,2}(?:,[ \t]*[^\n\-–—:(]{2,30})?[ \t]*\([\w .&/-]{1,30}\)"  # Jakarta (ANTARA), Eriwan/Moskau (dpa)
    r")[ \t]*[-–—:][ \t]+")


def dateline(text: str, m: Mention) -> bool:
    r"""A name in a dateline ("VILNIUS (WNS) - ", "BERLIN (dpa) –"): the place and the agency of the
    dispatch, not actors of the story.

    >>> t = "Headline\n\nKINSHASA (WNS) - L'Uruguay enverra 200 militaires."
    >>> dateline(t, Mention(10, 18, "KINSHASA", "Organization")), dateline(t, Mention(20, 23, "WNS", "Organization"))
    (True, True)
    >>> dateline(t, Mention(29, 36, "Uruguay", "Country"))
    False
    >>> t2 = "KUALA LUMPUR - Indonesia mengirim 200 prajurit."
    >>> dateline(t2, Mention(0, 12, "KUALA LUMPUR", "Country")), dateline(t2, Mention(15, 24, "Indonesia", "Country"))
    (True, False)
    >>> t3 = "Jakarta (Berita Kini) - TNI mengirim pasukan."
    >>> dateline(t3, Mention(0, 7, "Jakarta", "Place")), dateline(t3, Mention(24, 27, "TNI", "Organization"))
    (True, False)
    >>> t4 = "Eriwan/Moskau (Ostexpress) - Russland will Truppen abziehen."
    >>> dateline(t4, Mention(0, 6, "Eriwan", "Person")), dateline(t4, Mention(7, 13, "Moskau", "Place"))
    (True, True)
    >>> dateline(t4, Mention(29, 37, "Russland", "Country"))
    False
    """
    line_start = text.rfind("\n", 0, m.start) + 1
    d = _DATELINE.match(text, line_start)
    return bool(d) and m.end <= d.end()


# German capitalises every noun; these shapes are nouns, never names (checked only for names the
# model is not sure of): a determiner or "im/zum/..." right before, or a noun suffix
_DE_DETERMINER = re.compile(r"(?<![\w-])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keiner|"
                            r"im|am|zum|zur|vom|beim|ins|ihr|ihre|ihrem|ihren|sein|seine|seinem|seinen|unser|unsere|dieser|diese|"
                            r"dieses|diesem|jeder|jede|alle|mehrere|viele|rund \d[\d.]*|\d[\d.]*)\s+$", re.I)
_DE_NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|innen|nis|tum|ment|sache|kommen|lage|gäste|gästen|zeit)$")
_DE_ADVERBS = {"dafür", "derzeit", "künftig", "zudem", "allerdings", "deshalb", "trotzdem", "bisher", "damit", "dabei", "daher",
               "außerdem", "inzwischen", "zunächst", "parallel", "laut", "nach", "seit", "bis", "auch", "doch", "jedoch", "wonach"}


def german_noun(text: str, m: Mention, sure: float = 1.0) -> bool:
    """A capitalised German common noun or adverb the model read as a name without being sure of
    it ("im Einsatz", "Soldatinnen", "Entscheidung", "Dafür"). A name the model tags with a score
    of at least ``sure`` stays ("die Ukraine", "der Bundeswehr"): no word list of names is read.

    >>> t = "Derzeit sind 500 Soldatinnen im Einsatz, sagte die Ukraine."
    >>> ms = [Mention(a, b, t[a:b], "Organization", score=0.8) for a, b in [(0, 7), (17, 28), (32, 39)]]
    >>> ms.append(Mention(51, 58, "Ukraine", "Country", score=0.99))
    >>> [german_noun(t, m, sure=0.95) for m in ms]
    [True, True, True, False]
    """
    word = m.text.strip()
    if " " in word or not word[:1].isupper() or word.isupper() or (m.score is not None and m.score >= sure):
        return False
    if word.lower() in _DE_ADVERBS:
        return True
    return bool(_DE_DETERMINER.search(text[max(0, m.start - 20):m.start]) or _DE_NOUN_SUFFIX.search(word.lower()))


def credit(text: str, m: Mention) -> bool:
    """A name in a photo or source credit ("foto/KCNA/EPA", "Foto: AP", "Sumber : Epochtimes.com").

    >>> t = "Parade di Pyongyang 2022. foto/KCNA/EPA"
    >>> credit(t, Mention(31, 35, "KCNA", "Organization")), credit(t, Mention(36, 39, "EPA", "Organization"))
    (True, True)
    """
    return bool(_CREDIT.search(text[max(0, m.start - 40):m.start]))


def masthead(sentence: str, m: Mention) -> bool:
    """A line that is nothing but the name ("BeritaKini.", "Harianpost.com"): a masthead or byline.

    >>> masthead("BeritaKini.", Mention(0, 10, "BeritaKini", "Organization")), masthead("Harianpost.com", Mention(0, 10, "Harianpost", "Person"))
    (True, True)
    """
    def bare(s: str) -> str:
        return re.sub(r"[\W_]+", "", re.sub(r"(?i)\.(?:com|co\.id|id|net|org|co\.uk|tv)\b", "", s))

    return bool(sentence) and bare(sentence) == bare(m.text)


def _fragment(text: str, m: Mention, others: Sequence[Mention] = ()) -> bool:
    """A one-word mention glued to a capitalised word no mention covers: a piece of a longer name
    the model cut ("Gedung Putih" -> "Putih", "Samudra Pasifik" -> "Pasifik"); titles do not count.

    >>> t = "Mereka di Gedung Putih. Presiden Biden tiba."
    >>> _fragment(t, Mention(17, 22, "Putih", "Organization")), _fragment(t, Mention(33, 38, "Biden", "Person"))
    (True, False)
    """
    if " " in m.text.strip() or m.text.isupper() or m.type == "Country":
        return False  # countries follow capitalised titles all the time ("Menteri Pertahanan Australia")
    before = re.search(r"([A-ZÀ-Ý][\w'’-]*)\s+$", text[max(0, m.start - 30):m.start])
    if before and any(o.start <= m.start - len(before.group(0)) < o.end for o in others):
        return False  # the word before belongs to another name ("Menteri Australia Marles")
    if before and not _TITLE_WORD.match(before.group(1)):
        prev = text[:m.start - len(before.group(0))].rstrip()
        if prev and prev[-1] not in ".!?\n“\"”:":  # not the first word of a sentence
            return True
    return False


def language_name(text: str, m: Mention) -> bool:
    """"bahasa Korea", "in Korean language": a language, not the country.

    >>> language_name("berbicara dalam bahasa Korea", Mention(23, 28, "Korea", "Country"))
    True
    """
    return m.type == "Country" and bool(re.search(r"(?i)(?:bahasa|language|langue|Sprache|idioma)\s+$", text[max(0, m.start - 12):m.start]))


def is_outlet(name: str) -> bool:
    """A news outlet or a web domain ("Reuters", "Kompas.com").

    >>> is_outlet("Kompas.com"), is_outlet("Reuters"), is_outlet("NATO")
    (True, True, False)
    """
    return name in NEWS_OUTLETS or bool(re.search(r"(?i)\.(?:com|co\.id|id|net|org|co\.uk|tv)$", name))


