"""Store-side truths the export tests compare against: SPARQL written independently of kg/export."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.export.source import StoreSource

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'

PFX = "PREFIX kg: <https://w3id.org/warta/ontology#>\n"
EVENTS = PFX + """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?c { kg:Deployment kg:Statement kg:Agreement } ?e a ?c }"""
ACTORS = PFX + """SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
  VALUES ?c { kg:Person kg:Organization kg:Country kg:Place } ?a a ?c }"""
ROLES = PFX + """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?e ?p ?t WHERE {
  VALUES ?p { kg:deployingActor kg:destination kg:inSupportOf kg:speaker kg:about kg:party
              kg:claimedBy } ?e ?p ?t } }"""


def count(source: StoreSource, q: str) -> int:
    return int(source.select(q)[0]["n"])


def chrome_driver(chrome: str, driver: str, profile_dir: str, size: str = "1400,900"):
    """Headless Debian Chromium driven by Selenium, with the flags the project agreed on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", f"--user-data-dir={profile_dir}", f"--window-size={size}"):
        opts.add_argument(flag)
    opts.binary_location = chrome
    return webdriver.Chrome(service=Service(driver), options=opts)


def wait_ready(drv, timeout: float = 20.0) -> float:
    """Wait until the explorer signals ``window.__wartaReady``; return that time (ms)."""
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready = drv.execute_script("return window.__wartaReady || null")
        if ready:
            err = drv.execute_script("return window.__wartaError || null")
            assert err is None, f"the page failed to load its data: {err}"
            return float(ready)
        time.sleep(0.05)
    raise AssertionError("explorer page never signalled window.__wartaReady")


def chromium_or_skip() -> tuple[str, str]:
    """Paths of chromium and chromedriver; skip (fail in CI) when they are absent."""
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chrome).exists() and Path(driver).exists()):
        msg = "Debian chromium + chromium-driver not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return chrome, driver
