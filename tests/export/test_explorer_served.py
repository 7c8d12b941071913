"""The explorer as `kg serve` serves it (same origin, CSP, ?endpoint= ignored) in real headless Chromium."""

from __future__ import annotations

import json
import sys
import urllib.parse
from pathlib import Path

import pytest

from export_helpers import chrome_driver, chromium_or_skip, wait_ready
from kg.export.viz import explorer_data
from kg.export.source import StoreSource

pytestmark = [pytest.mark.browser, pytest.mark.server]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))


def test_served_explorer_draws_the_store_from_its_own_origin_only(fixture_store_dir, tmp_path):
    from store_helpers import KgServe

    expected = explorer_data(StoreSource.open(fixture_store_dir))
    for a in expected["articles"].values():  # texts come when an article is opened, not in the bulk load
        a.pop("text", None)
        a.pop("lang", None)
    chrome, driver = chromium_or_skip()
    drv = chrome_driver(chrome, driver, str(tmp_path / "chrome-profile"))
    server = KgServe(fixture_store_dir, explorer=True)
    try:
        # a link that tries to point the page at another endpoint: ignored
        drv.get(server.base + "/explorer?endpoint=" + urllib.parse.quote("http://127.0.0.1:9/query"))
        wait_ready(drv)
        assert drv.execute_script("return window.__warta.source") == "/query"
        got = json.loads(drv.execute_script("return JSON.stringify(window.__warta.data)"))
        assert got == expected  # the live data, read through the gateway under its CSP
        in_events = {x for e in expected["edges"] for x in (e["source"], e["target"])}
        # every node in an event is drawn (actors in none are listed in the panel)
        assert drv.execute_script("return window.__warta.cy.nodes().length") == len(in_events)
    finally:
        drv.quit()
        assert server.stop() == 0
