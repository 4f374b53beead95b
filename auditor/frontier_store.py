"""The frontier's seen set and queue in SQLite, and the page log an audit resumes from.

Why SQLite: a shop of hundreds of thousands of addresses must not hold every address
it has seen, and every one it still has to render, in the driver's memory; a file in
the output folder keeps them at the cost of an indexed lookup each. The frontier
(auditor.frontier) takes ``SqliteSeen`` and ``SqliteQueue`` in place of its set and
heap; nothing else about it changes.

Why the page log is the truth for ``--resume``: the records of finished pages are in
``pages.jsonl``, written and flushed one by one. A resumed audit indexes that file
(URL → byte offset, in the same SQLite file) after cutting a last line a kill left half
written, and the crawl then unfolds as before, except that a page whose record is
already there is read back instead of being loaded again (``finished``). The seen set
and the queue are rebuilt by that replay, so they need not survive a kill.

The link graph's edges (``SqliteEdges``, auditor.graph) are here too: on a big shop they
are most of what the driver keeps for the whole site (scale_bench: 200,000 pages of
40 links each), and the depth search and the checks read them a page at a time.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from .frontier import CrawlTarget
from .model import PageRecord

__all__ = ["CrawlStore", "PageLog", "SqliteEdges", "SqliteQueue", "SqliteSeen"]

#: statements between commits: a commit per URL would cost a disk sync each
_BATCH = 2000


class CrawlStore:
    """One SQLite file of the audit's frontier state (``crawl.sqlite`` in the output
    folder). Single-threaded: the driver's event loop is its only user."""

    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        # nothing here must outlive a crash (a resume rebuilds it), so no journal sync
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA cache_size=-8000")  # 8 MB of pages at most
        self.db.executescript(
            """
            DROP TABLE IF EXISTS seen;
            DROP TABLE IF EXISTS queue;
            DROP TABLE IF EXISTS done;
            DROP TABLE IF EXISTS edges;
            CREATE TABLE seen (url TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE queue (
                rank INTEGER NOT NULL, seq INTEGER NOT NULL, target TEXT NOT NULL,
                PRIMARY KEY (rank, seq)
            ) WITHOUT ROWID;
            CREATE TABLE done (url TEXT PRIMARY KEY, offset INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE edges (src INTEGER NOT NULL, dst INTEGER NOT NULL);
            CREATE INDEX edges_src ON edges (src);
            """
        )
        self._pending = 0
        self.db.execute("BEGIN")
        self.seen = SqliteSeen(self)
        self.queue = SqliteQueue(self)
        self.edges = SqliteEdges(self)

    def wrote(self) -> None:
        """Commit every ``_BATCH`` statements."""
        self._pending += 1
        if self._pending >= _BATCH:
            self.db.execute("COMMIT")
            self.db.execute("BEGIN")
            self._pending = 0

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("COMMIT")
        self.db.close()


class SqliteSeen:
    """The frontier's set of URLs seen: ``in``, ``add`` and ``len`` only."""

    def __init__(self, store: CrawlStore):
        self._store = store
        self._count = 0

    def __contains__(self, url: object) -> bool:
        row = self._store.db.execute("SELECT 1 FROM seen WHERE url = ?", (url,)).fetchone()
        return row is not None

    def add(self, url: str) -> None:
        cursor = self._store.db.execute("INSERT OR IGNORE INTO seen (url) VALUES (?)", (url,))
        self._count += cursor.rowcount
        self._store.wrote()

    def __len__(self) -> int:
        return self._count


class SqliteQueue:
    """The frontier's queue: shallowest rank first, then first come first served."""

    def __init__(self, store: CrawlStore):
        self._store = store
        self._count = 0

    def push(self, rank: int, seq: int, target: CrawlTarget) -> None:
        data = json.dumps([target.url, target.depth, target.template, target.layout])
        self._store.db.execute("INSERT INTO queue VALUES (?, ?, ?)", (rank, seq, data))
        self._count += 1
        self._store.wrote()

    def pop(self) -> CrawlTarget | None:
        db = self._store.db
        row = db.execute(
            "SELECT rank, seq, target FROM queue ORDER BY rank, seq LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        db.execute("DELETE FROM queue WHERE rank = ? AND seq = ?", (row[0], row[1]))
        self._count -= 1
        self._store.wrote()
        url, depth, template, layout = json.loads(row[2])
        return CrawlTarget(url, depth, template, layout)

    def __len__(self) -> int:
        return self._count


class SqliteEdges:
    """The link graph's out-links (auditor.graph.Edges) in the ``edges`` table, in the
    order they were added (rowid order within a source)."""

    def __init__(self, store: CrawlStore):
        self.store = store
        self.db = store.db

    def get(self, src: int) -> list[int]:
        rows = self.db.execute("SELECT dst FROM edges WHERE src = ? ORDER BY rowid", (src,))
        return [dst for (dst,) in rows]

    def extend(self, src: int, dsts: list[int]) -> None:
        self.db.executemany("INSERT INTO edges (src, dst) VALUES (?, ?)", ((src, d) for d in dsts))
        self.store.wrote()


class PageLog:
    """``pages.jsonl`` with an index of the pages it holds (URL → byte offset), so that a
    resumed audit reads a finished page's record back instead of loading it again, and
    a record that arrives twice (a batch run again) is written once."""

    def __init__(self, path: Path, store: CrawlStore, resume: bool):
        self.path = path
        self._db = store.db
        self._store = store
        self.resumed = 0
        if resume and path.exists():
            self._index_existing()
        else:
            path.write_bytes(b"")
        self._file = open(path, "ab")  # noqa: SIM115 - open for the audit's whole crawl
        self._offset = self._file.tell()

    def _index_existing(self) -> None:
        """Index every whole record; cut a last line that a kill left half written."""
        good = 0
        with open(self.path, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                try:
                    url = json.loads(line)["url"]
                except (ValueError, KeyError, TypeError):
                    break
                self._db.execute("INSERT OR IGNORE INTO done VALUES (?, ?)", (url, good))
                self._store.wrote()
                good += len(line)
                self.resumed += 1
        with open(self.path, "r+b") as f:
            f.truncate(good)

    def has(self, url: str) -> bool:
        return self._db.execute("SELECT 1 FROM done WHERE url = ?", (url,)).fetchone() is not None

    def finished(self, url: str) -> PageRecord | None:
        """The record of ``url`` written before (by this audit or the one it resumes)."""
        row = self._db.execute("SELECT offset FROM done WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        self._file.flush()
        with open(self.path, "rb") as f:
            f.seek(row[0])
            return PageRecord.from_dict(json.loads(f.readline()))

    # the text-file interface the crawler writes through (auditor.crawl.Crawler.records)
    def write(self, line: str) -> int:
        data = line.encode("utf-8", errors="replace")
        url = _url_of(line)
        if url is not None:
            self._db.execute("INSERT OR IGNORE INTO done VALUES (?, ?)", (url, self._offset))
            self._store.wrote()
        self._file.write(data)
        self._offset += len(data)
        return len(line)

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PageLog:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _url_of(line: str) -> str | None:
    """The URL of a record line (``to_dict`` puts ``url`` first: no need to parse it all)."""
    head = line[: 8 + 4 * 2048]
    if not head.startswith('{"url": '):
        try:
            return json.loads(line)["url"]
        except (ValueError, KeyError, TypeError):
            return None
    decoder = json.JSONDecoder()
    try:
        url, _ = decoder.raw_decode(line, len('{"url": '))
    except ValueError:
        return None
    return url if isinstance(url, str) else None
