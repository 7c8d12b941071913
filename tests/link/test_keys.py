from kg.link.keys import fallback_key, name_key


def test_spelling_variants_merge():
    for variants in (
        ["Zelensky", "Zelenskyy", "Zelenski", "ZELENSKY"],
        ["Choe Son Hui", "Choe Son-hui", "choe son hui"],
        ["Sergey Lavrov", "Sergei Lavrov", "Menteri Luar Negeri Sergey Lavrov"],
        ["Kim Jong Un", "Kim Jong-un", "Presiden Kim Jong-Un"],
        ["Orysia Lutsevych", "Orisya Lutsevich", "Dr. Orysia Lutsevych"],
        ["Chișinău", "Chisinau"],
    ):
        keys = {fallback_key("Person", v, frozenset({"rusia"})) for v in variants}
        assert len(keys) == 1, (variants, keys)


def test_titles_stripped_in_many_languages():
    skip = frozenset({"rusia", "russian"})
    for surface in ("Presiden Vladimir Putin", "Mr. Vladimir Putin", "President Vladimir Putin",
                    "Jenderal Vladimir Putin", "Vladimir Putin"):
        assert fallback_key("Person", surface, skip) == "person/vladimir-putin"
    assert name_key("Menteri Luar Negeri Rusia Sergey Lavrov", skip) == "sergei-lavrov"
    assert name_key("Russian Foreign Minister Sergey Lavrov", skip) == "sergei-lavrov"


def test_different_people_sharing_a_surname_do_not_merge():
    assert fallback_key("Person", "Kim Jong Un") != fallback_key("Person", "Kim Yo Jong")
    assert fallback_key("Person", "Kim Jong Un") != fallback_key("Person", "Kim")
    assert fallback_key("Person", "Lloyd Austin") != fallback_key("Person", "Austin")


def test_type_is_part_of_the_key():
    assert fallback_key("Person", "Washington") != fallback_key("Place", "Washington")
    assert fallback_key("Organization", "Korps Teknik").startswith("organization/")
