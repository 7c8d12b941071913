"""Publication dates from JSONL / HTML metadata are normalised to YYYY-MM-DD or dropped."""

from __future__ import annotations

import pytest

from kg.ingest.dates import normalise_date


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("2024-10-31", "2024-10-31"),
        ("2024-10-31T23:15:00+07:00", "2024-10-31"),
        ("2024/10/31", "2024-10-31"),
        ("31/10/2024", "2024-10-31"),
        ("5/11/2024", "2024-11-05"),  # day first, the convention of the languages we read
        ("10/31/2024", "2024-10-31"),  # only valid month first
        ("31 Oktober 2024", "2024-10-31"),
        ("Kamis, 31 Oktober 2024", "2024-10-31"),
        ("7 Nov 2024", "2024-11-07"),
        ("November 7, 2024", "2024-11-07"),
        ("3. Oktober 2024", "2024-10-03"),
        ("12 août 2024", "2024-08-12"),
        ("Thu, 07 Nov 2024 08:30:00 GMT", "2024-11-07"),
        ("2024-02-30", None),
        ("2024-10", None),
        ("pekan lalu", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(raw, iso):
    assert normalise_date(raw) == iso
