"""Numbers, qualifiers and dates as the press writes them, in every supported language."""

import pytest

from kg.extract.normalize import normalize_date, parse_number, qualifier_of


@pytest.mark.parametrize(
    "text,value",
    [
        ("100.000", 100_000), ("10 ribu", 10_000), ("sepuluh ribu", 10_000), ("1,5 juta", 1_500_000),
        ("10,000", 10_000), ("ten thousand", 10_000), ("1.5 million", 1_500_000), ("12 000", 12_000),
        ("dix mille", 10_000), ("zehntausend", 10_000), ("diez mil", 10_000), ("dua belas ribu", 12_000),
        ("seribu", 1000), ("10.900", 10_900), ("3,000 troops", 3000), ("sebanyak 100.000 tentara", 100_000),
    ],
)
def test_parse_number_local_formats(text, value):
    assert parse_number(text) == value


def test_parse_number_without_number_is_none():
    assert parse_number("pasukan khusus") is None


@pytest.mark.parametrize(
    "text,value",
    [
        ("une centaine d'hommes", 100), ("une trentaine de soldats", 30), ("un millier de militaires", 1000),
        ("rund zwei Dutzend Polizisten", 24), ("ein Dutzend Ausbilder", 12), ("a dozen advisers", 12),
        ("three dozen military advisers", 36), ("un centenar de policías", 100), ("una veintena de efectivos", 20),
        ("un millar de soldados", 1000), ("selusin prajurit", 12),
    ],
)
def test_approximate_numbers_name_a_number_about(text, value):
    # annotation guide, decision 5: "une trentaine", "rund zwei Dutzend", "a dozen" -> about 30 / 24 / 12
    assert (parse_number(text), qualifier_of(text)) == (value, "About")


@pytest.mark.parametrize(
    "text", ["des centaines de soldats", "plusieurs milliers", "Dutzende Soldaten", "dozens of troops",
             "centenares de agentes", "ratusan prajurit"])
def test_plural_amounts_name_no_number(text):
    assert parse_number(text) is None and qualifier_of(text) is None


def test_a_qualifier_before_an_approximate_number_wins():
    assert qualifier_of("plus d'une centaine") == "MoreThan"
    assert qualifier_of("jusqu'à une centaine") == "UpTo"


@pytest.mark.parametrize(
    "text,q",
    [
        ("sekitar 10.900", "About"), ("setidaknya 3.000", "AtLeast"), ("hingga 15.000", "UpTo"),
        ("lebih dari 10.000", "MoreThan"), ("about 500", "About"), ("at least 500", "AtLeast"),
        ("up to 500", "UpTo"), ("more than 500", "MoreThan"), ("3.000", "Exact"), ("environ 1 500", "About"),
        ("mindestens 200", "AtLeast"),
    ],
)
def test_qualifiers(text, q):
    assert qualifier_of(text) == q


@pytest.mark.parametrize(
    "text,published,iso",
    [
        ("31 Oktober 2024", None, "2024-10-31"),
        ("(19/10/2024)", None, "2024-10-19"),
        ("1 November", "2024-11-20", "2024-11-01"),
        ("1 November", None, None),
        ("pada hari Kamis", "2024-11-20", "2024-11-14"),
        ("pada hari Kamis", None, None),
        ("pekan lalu", "2024-11-20", "2024-11-13"),
        ("October 31, 2024", None, "2024-10-31"),
        ("le 3 mars 2024", None, "2024-03-03"),
        ("am 5. Mai 2023", None, "2023-05-05"),
        ("el 12 de enero de 2024", None, "2024-01-12"),
        ("Desember", "2025-01-10", None),
        ("28 Desember", "2025-01-10", "2024-12-28"),
    ],
)
def test_dates_resolved_against_publication(text, published, iso):
    assert normalize_date(text, published) == iso


@pytest.mark.parametrize(
    "text,value",
    [
        # annotation guide, ranges: the lower bound, qualifier at_least; a lower end with no
        # magnitude word of its own takes the upper end's
        ("three to four thousand", 3000), ("zwei- bis dreitausend", 2000), ("dua hingga tiga ribu", 2000),
        ("de dos a tres mil", 2000), ("trois à quatre mille", 3000), ("deux à trois cents", 200),
        ("2.000 hingga 3.000 prajurit", 2000), ("entre 3 500 et 4 500", 3500), ("between 800 and 1,000", 800),
        ("2,500–3,000", 2500), ("2.000-3.000 tentara", 2000), ("roughly 500 to 600", 500),
        # lower ends of several words, dozens, hyphens between number words, decimals, thousands
        ("two thousand five hundred to three thousand", 2500), ("two hundred and fifty to three hundred", 250),
        ("entre treinta y cinco y cuarenta", 35), ("between two hundred and fifty and three hundred", 250),
        ("two or three dozen", 24), ("zwei bis drei Dutzend", 24), ("dua-tiga ribu tentara", 2000),
        ("1,5 hingga 2 juta", 1_500_000), ("1.5 to 2 million", 1_500_000), ("10 to 15,000 troops", 10_000),
    ],
)
def test_a_range_counts_from_its_lower_bound_at_least(text, value):
    assert (parse_number(text), qualifier_of(text)) == (value, "AtLeast")


@pytest.mark.parametrize(
    "text,value,q",
    [
        # not ranges: "and" outside "between", a number followed by a place, a compound number
        ("40 police and 600 soldiers", 40, "Exact"), ("500 soldiers to Kursk", 500, "Exact"),
        ("two hundred and fifty", 250, "Exact"), ("veinte y cinco", 25, "Exact"), ("hingga 3.000", 3000, "UpTo"),
        # Spanish "a" after a verb, a year as the upper end, a change, small counts of units
        ("Se enviaron a unos 1.000 soldados", 1000, "About"), ("se enviarán a más de 1.000", 1000, "MoreThan"),
        ("500 bis 2025", 500, "Exact"), ("eine Einheit bis zu 500 Soldaten", 500, "UpTo"),
        ("one or two brigades of 5,000 troops", 5000, "Exact"), ("increased its troops from 300 to 500", 300, "Exact"),
        ("2024-2025", 2024, "Exact"), ("twenty-five", 25, "Exact"),
    ],
)
def test_what_is_not_a_range(text, value, q):
    assert (parse_number(text), qualifier_of(text)) == (value, q)


def test_a_count_span_cut_at_the_lower_end_takes_the_range():
    from kg.extract.arguments import _count_of, _Span

    def count(text, sub):
        i = text.index(sub)
        return _count_of(text, _Span(i, i + len(sub), 1.0))

    assert count("put the figure at three to four thousand by spring", "three") == (3000, "AtLeast")
    assert count("Kenya will deploy between 800 and 1,000 police officers", "800") == (800, "AtLeast")
    assert count("sekitar dua-tiga ribu tentara", "dua") == (2000, "AtLeast")
    assert count("deployed 300 troops to 12 bases", "300") == (300, "Exact")
    assert count("500 Soldaten bis 2025", "500") == (500, "Exact")

