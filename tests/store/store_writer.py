"""Child process for the SIGKILL test: writes synthetic articles the way a build does.

    python store_writer.py STORE N EVENTS [PAUSE_AT [BATCH]]

Phase 1 writes version 1 of articles 0..N-1; phase 2 rewrites the even ones with version 2 (a
changed text under the same URL, replacing the old graph). Each write is skipped when the store
already holds that text, so re-running after a crash finishes the job. Prints one line per commit.
With PAUSE_AT=k it prints "pause" before its first write at or after step k of the plan (0-based)
and waits for a line on stdin, so the test can SIGKILL it a chosen delay after that write started.
With BATCH > 1, new articles go in groups of BATCH through ``write_articles`` (one transaction
per group), as ``kg build`` writes them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_synthetic import article  # noqa: E402

from kg.store.embedded import EmbeddedStore  # noqa: E402


def plan(n: int) -> list[tuple[int, int]]:
    return [(i, 1) for i in range(n)] + [(i, 2) for i in range(0, n, 2)]


def main(store_dir: str, n: int, events: int, pause_at: int = -1, batch: int = 1) -> None:
    store = EmbeddedStore(store_dir)
    paused = False
    pending: list[tuple[str, list, list]] = []

    def flush() -> None:
        if pending:
            store.write_articles(list(pending))
            print(f"wrote {len(pending)} in one transaction", flush=True)
            pending.clear()

    for step, (i, version) in enumerate(plan(n)):
        graph, sha, url, quads = article(i, version, events)
        state = store.article_state(sha, url)
        if state == "same":
            continue
        replaces = store.graphs_for_url(url) if state == "changed" else []
        if 0 <= pause_at <= step and not paused:
            print("pause", flush=True)
            sys.stdin.readline()
            paused = True
        if batch > 1 and not replaces:
            pending.append((graph, quads, []))
            if len(pending) >= batch:
                flush()
            continue
        flush()
        store.write_article(graph, quads, replaces)
        print(f"wrote {i} v{version}", flush=True)
    flush()
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else -1,
         int(sys.argv[5]) if len(sys.argv) > 5 else 1)
