"""Issue 14's table: >= 300 surface forms in six languages, each linked through the real offline
linker, with no wrong id (a missing id is better than a wrong one). The issue's target accuracy is
0.97; the index reaches 681/697 = 0.977 today, and this test holds that floor against regressions
(the misses are listed by the script below).

The expected ids come from public files other than the ones the alias index is built from (see
``tests/link/data/README.md``). For the per-category / per-language figures run
``python tests/link/forms_table.py --misses``.
"""

from __future__ import annotations

import pytest

from forms_table import accuracy, load, report, run
from kg.link.keys import is_qid

MIN_ACCURACY = 0.97  # measured 0.977 (681/697) on the index of this commit; issue 14 asks 0.97


@pytest.fixture(scope="module")
def outcomes():
    return run(load())


def test_table_is_well_formed():
    rows = load()
    assert len(rows) >= 300
    assert {r.lang for r in rows} == {"id", "ms", "en", "fr", "de", "es"}
    assert all(is_qid(r.expected_qid) and r.source for r in rows)
    assert {r.type for r in rows} <= {"Person", "Organization", "Country", "Place"}
    keys = [(r.form, r.lang, r.type) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate (form, lang, type) rows"


def test_no_form_links_to_a_wrong_id(outcomes):
    wrong = [o for o in outcomes if o.wrong]
    assert not wrong, "\n" + report(wrong)


def test_accuracy_does_not_fall_below_todays(outcomes):
    acc = accuracy(outcomes)
    assert acc >= MIN_ACCURACY, "\n" + report(outcomes)
