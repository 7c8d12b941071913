"""What the words around a mention say: office (role) words and the countries named nearby.

>>> roles_in("kata Menteri Luar Negeri Rusia")
{'foreign_minister'}
>>> sorted(roles_in("pemimpin Korea Utara"))
['head_of_state', 'leader']
"""

from __future__ import annotations

from kg.link.keys import fold

# folded phrase -> roles it signals (multilingual). "leader"-like words match heads of state.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    # heads of state / government
    "presiden": ("head_of_state",), "president": ("head_of_state",),
    "prasident": ("head_of_state",),
    "presidente": ("head_of_state",), "президент": ("head_of_state",),
    "pemimpin": ("head_of_state", "leader"), "leader": ("head_of_state", "leader"),
    "pemimpin tertinggi": ("head_of_state", "leader"), "supreme leader": ("head_of_state", "leader"),
    "ketua": ("head_of_state", "leader"), "chairman": ("head_of_state", "leader"),
    "diktator": ("head_of_state",), "dictator": ("head_of_state",),
    "perdana menteri": ("head_of_government",), "prime minister": ("head_of_government",),
    "pm": ("head_of_government",), "kanselir": ("head_of_government",),
    "chancellor": ("head_of_government",), "kanzler": ("head_of_government",),
    "premier": ("head_of_government",), "premier ministre": ("head_of_government",),
    "wakil presiden": ("vice_president",), "vice president": ("vice_president",),
    # ministers
    "menteri luar negeri": ("foreign_minister",), "menlu": ("foreign_minister",),
    "foreign minister": ("foreign_minister",), "secretary of state": ("foreign_minister",),
    "menteri pertahanan": ("defence_minister",), "menhan": ("defence_minister",),
    "defence minister": ("defence_minister",), "defense minister": ("defence_minister",),
    "defense secretary": ("defence_minister",), "defence secretary": ("defence_minister",),
    "secretary of defense": ("defence_minister",),
    "ministre des affaires etrangeres": ("foreign_minister",),
    "aussenminister": ("foreign_minister",), "verteidigungsminister": ("defence_minister",),
    # spokespeople
    "juru bicara": ("spokesperson",), "jubir": ("spokesperson",), "spokesman": ("spokesperson",),
    "spokeswoman": ("spokesperson",), "spokesperson": ("spokesperson",),
    "press secretary": ("spokesperson",), "sekretaris pers": ("spokesperson",),
    "porte parole": ("spokesperson",), "sprecher": ("spokesperson",), "portavoz": ("spokesperson",),
    # organisations' heads
    "sekretaris jenderal": ("secretary_general",), "sekjen": ("secretary_general",),
    "secretary general": ("secretary_general",),
    "adik": ("official",), "sister": ("official",), "saudara perempuan": ("official",),
}
_MAX = max(len(k.split()) for k in ROLE_WORDS)


def _ngrams(toks: list[str], n_max: int):
    for i in range(len(toks)):
        for n in range(1, n_max + 1):
            if i + n <= len(toks):
                yield " ".join(toks[i : i + n])


def roles_in(text: str) -> set[str]:
    """Roles signalled by office words in ``text``."""
    out: set[str] = set()
    for g in _ngrams(fold(text).split(), _MAX):
        out.update(ROLE_WORDS.get(g, ()))
    return out


def countries_in(text: str, country_words: dict[str, str], max_n: int = 4) -> set[str]:
    """ISO3 codes of the countries named in ``text`` (names, short forms, capitals).

    >>> countries_in("pemimpin Korea Utara", {"korea utara": "PRK", "rusia": "RUS"})
    {'PRK'}
    """
    out: set[str] = set()
    for g in _ngrams(fold(text).split(), max_n):
        iso = country_words.get(g)
        if iso:
            out.add(iso)
    return out
