"""A writer killed with SIGKILL in the middle of a write leaves whole articles only, and re-running
the writes yields exactly the store an uninterrupted run builds."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_synthetic import article
from store_writer import plan

from kg.store.embedded import EmbeddedStore

WRITER = Path(__file__).with_name("store_writer.py")
N = 16  # articles: 16 new writes, then 8 replaces
EVENTS = 400  # 2405 quads per article: a write takes long enough to be killed inside it


def writer(store: Path, *extra: str) -> list[str]:
    return [sys.executable, str(WRITER), str(store), str(N), str(EVENTS), *extra]


def run_writer(store: Path) -> str:
    out = subprocess.run(writer(store), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def sorted_dump(store: Path, tmp: Path) -> list[str]:
    with EmbeddedStore(store) as s:
        s.dump(tmp, "nq")
    return sorted(x for x in tmp.read_text(encoding="utf-8").splitlines() if x)


def kill_during_write(store: Path, step: int, delay_s: float, batch: int = 1) -> None:
    """Run the writer; ``delay_s`` after its first write at or after plan ``step`` starts, SIGKILL it."""
    p = subprocess.Popen(writer(store, str(step), str(batch)), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in p.stdout:
        if line == "pause\n":
            break
        assert line != "done\n", "writer finished before it could be killed"
    p.stdin.write("\n")
    p.stdin.flush()
    time.sleep(delay_s)
    p.send_signal(signal.SIGKILL)
    p.wait(30)
    p.stdin.close()
    p.stdout.close()
    assert p.returncode == -signal.SIGKILL


def assert_only_whole_articles(store: Path, before: set[str]) -> set[str]:
    """Every graph is complete, one version per URL, and no URL stored before the run was lost."""
    expected = {}
    for i, version in plan(N):
        g, _sha, url, quads = article(i, version, EVENTS)
        expected[g] = (url, len(quads))
    with EmbeddedStore(store) as s:
        urls = []
        for g in s.named_graphs():
            assert g in expected, f"unknown graph {g}"
            url, n = expected[g]
            assert len(s.graph_quads(g)) == n, f"half-written graph {g}"
            urls.append(url)
        assert len(urls) == len(set(urls)), "two versions of one article side by side"
        assert before <= set(urls), f"articles lost: {sorted(before - set(urls))}"
        return set(urls)


@pytest.mark.slow
def test_sigkill_mid_write_then_rerun_equals_uninterrupted_run(tmp_path):
    clean = tmp_path / "clean"
    assert run_writer(clean).endswith("done\n")
    reference = sorted_dump(clean, tmp_path / "clean.nq")
    assert len(reference) == N * (5 + 6 * EVENTS)  # one whole graph per article, the latest version

    killed = tmp_path / "killed"
    present: set[str] = set()
    # Each run resumes where the last one stopped and is killed inside a write: five kills among
    # new-article writes (plan steps 0-15), four among replacing writes (drop old version + insert
    # new version, steps 16-23), at delays from 2 to 15 ms into a write that takes tens of ms.
    schedule = ((2, 0.002), (5, 0.01), (8, 0.006), (11, 0.015), (14, 0.004),
                (16, 0.003), (18, 0.008), (20, 0.012), (22, 0.005))
    for step, delay in schedule:
        kill_during_write(killed, step, delay)
        present = assert_only_whole_articles(killed, present)
    assert "done" in run_writer(killed)
    assert sorted_dump(killed, tmp_path / "killed.nq") == reference


@pytest.mark.slow
def test_sigkill_inside_a_batched_write_leaves_whole_articles(tmp_path):
    """kg build writes a batch of new articles in one transaction (write_articles): a kill inside
    it leaves all of the batch or none, and a re-run finishes the job."""
    clean = tmp_path / "clean"
    assert run_writer(clean).endswith("done\n")
    reference = sorted_dump(clean, tmp_path / "clean.nq")
    killed = tmp_path / "killed"
    present: set[str] = set()
    for step, delay in ((0, 0.01), (4, 0.03), (8, 0.005)):
        kill_during_write(killed, step, delay, batch=4)
        present = assert_only_whole_articles(killed, present)
        assert len(present) % 4 == 0, "a batch landed in part"
    assert "done" in subprocess.run(writer(killed, "-1", "4"), capture_output=True, text=True, timeout=120).stdout
    assert sorted_dump(killed, tmp_path / "killed.nq") == reference
