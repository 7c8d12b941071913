"""Fixtures for the eval tests: our own tiny gold folder and a hand-written system store."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
GOLD_DIR = DATA / "gold"
SYSTEM_TRIG = DATA / "system.trig"


@pytest.fixture()
def gold_dir() -> Path:
    return GOLD_DIR


@pytest.fixture()
def system_store():
    """An in-memory pyoxigraph store holding tests/eval/data/system.trig."""
    import pyoxigraph as ox

    st = ox.Store()
    st.load(path=str(SYSTEM_TRIG), format=ox.RdfFormat.TRIG)
    return st


@pytest.fixture()
def system_store_dir(tmp_path: Path) -> Path:
    """The same store on disk (what ``kg eval --store DIR --no-build`` reads)."""
    import pyoxigraph as ox

    path = tmp_path / "store"
    st = ox.Store(str(path))
    st.load(path=str(SYSTEM_TRIG), format=ox.RdfFormat.TRIG)
    st.flush()
    del st
    return path


@pytest.fixture()
def kursk_places():
    """A one-entry gazetteer so destination tests do not depend on the linker's alias index."""
    from kg.eval.places import Gazetteer

    return Gazetteer.from_rows(
        [{"alias": "wilayah Kursk", "qid": "Q3178", "canonical_en": "Kursk Oblast"}]
    )
