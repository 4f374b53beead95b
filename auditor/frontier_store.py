"""The frontier's seen set and queue in SQLite, and the page log an audit resumes from.

Why SQLite: a shop of hundreds of thousands of addresses must not hold every address
it has seen, and every one it still has to render, in the driver's memory; a file in
the output folder keeps them at the cost of an indexed lookup each. The frontier
(auditor.frontier) takes ``SqliteSeen`` and ``SqliteQueue`` in place of its set and
heap; nothing else about it changes.

Why the logs are the truth for ``--resume``: the records of finished pages are in
``pages.jsonl``, and what the link map read of each page it fetched over HTTP is in
``mapped.jsonl`` (``MapLog``), both written and flushed one line at a time, so a kill of
the driver loses at most a half-written last line, which a resume cuts. SQLite here
runs without a journal (it would cost a sync per commit) and so may be torn by a kill:
nothing in it is trusted after one. A resumed audit instead replays both logs in the
order they were written (``journal``): each finished page goes through the crawl's
bookkeeping again, so the frontier, its seen set and queue, the link graph (its nodes
get the numbers they had) and the statuses are rebuilt as they stood when the driver
died, and only what was in flight then or still queued is fetched.

The link graph (``SqliteEdges``, auditor.graph) is here too: its edges are most of what
the driver keeps for the whole site on a big shop (scale_bench: 200,000 pages of 40
links each), and the depth search and the checks read them a page at a time; its nodes
and redirects are written beside them, so a finished audit's graph can be read back
(``read_graph``).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from .frontier import CrawlTarget
from .graph import LinkGraph
from .model import PageRecord

__all__ = [
    "CrawlStore",
    "MapLog",
    "PageLog",
    "SqliteEdges",
    "SqliteQueue",
    "SqliteSeen",
    "journal",
    "read_graph",
]

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
            DROP TABLE IF EXISTS nodes;
            DROP TABLE IF EXISTS redirects;
            CREATE TABLE seen (url TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE queue (
                rank INTEGER NOT NULL, seq INTEGER NOT NULL, target TEXT NOT NULL,
                url TEXT NOT NULL, PRIMARY KEY (rank, seq)
            ) WITHOUT ROWID;
            CREATE INDEX queue_url ON queue (url);
            CREATE TABLE done (url TEXT PRIMARY KEY, offset INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE edges (src INTEGER NOT NULL, dst INTEGER NOT NULL);
            CREATE INDEX edges_src ON edges (src);
            CREATE TABLE nodes (id INTEGER PRIMARY KEY, url TEXT NOT NULL);
            CREATE TABLE redirects (src INTEGER PRIMARY KEY, dst INTEGER NOT NULL);
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
        row = (rank, seq, data, target.url)
        self._store.db.execute("INSERT INTO queue VALUES (?, ?, ?, ?)", row)
        self._count += 1
        self._store.wrote()

    def take(self, url: str) -> CrawlTarget | None:
        """The queued target of ``url``, out of the queue (a resume's replay: the page
        was taken and finished before the kill); None where it is not queued."""
        return self._take_first("WHERE url = ?", (url,))

    def pop(self) -> CrawlTarget | None:
        return self._take_first("", ())

    def _take_first(self, where: str, args: tuple) -> CrawlTarget | None:
        """The first queued target (rank, then order queued) ``where`` holds, out of
        the queue; None where there is none."""
        db = self._store.db
        row = db.execute(
            f"SELECT rank, seq, target FROM queue {where} ORDER BY rank, seq LIMIT 1", args
        ).fetchone()
        if row is None:
            return None
        db.execute("DELETE FROM queue WHERE rank = ? AND seq = ?", (row[0], row[1]))
        self._count -= 1
        self._store.wrote()
        return CrawlTarget(*json.loads(row[2]))

    def __len__(self) -> int:
        return self._count


class SqliteEdges:
    """The link graph's out-links (auditor.graph.Edges) in the ``edges`` table, in the
    order they were added (rowid order within a source), and its nodes and redirects
    beside them (``read_graph``)."""

    def __init__(self, store: CrawlStore):
        self.store = store
        self.db = store.db

    def get(self, src: int) -> list[int]:
        rows = self.db.execute("SELECT dst FROM edges WHERE src = ? ORDER BY rowid", (src,))
        return [dst for (dst,) in rows]

    def extend(self, src: int, dsts: list[int]) -> None:
        self.db.executemany("INSERT INTO edges (src, dst) VALUES (?, ?)", ((src, d) for d in dsts))
        self.store.wrote()

    def named(self, node: int, url: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO nodes VALUES (?, ?)", (node, url))
        self.store.wrote()

    def aliased(self, src: int, dst: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (src, dst))
        self.store.wrote()


def read_graph(path: Path) -> LinkGraph:
    """The link graph a finished (or stopped) audit left in its ``crawl.sqlite``, in
    memory, with the node numbers it had: its depths and links can be searched again
    after the audit, or compared with another run's."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        graph = LinkGraph()
        for node, url in db.execute("SELECT id, url FROM nodes ORDER BY id"):
            if graph.node(url) != node:
                raise ValueError(f"{path}: the link graph's node numbers have a gap at {node}")
        src_dsts: dict[int, list[int]] = {}
        for src, dst in db.execute("SELECT src, dst FROM edges ORDER BY rowid"):
            src_dsts.setdefault(src, []).append(dst)
        graph.load(src_dsts, dict(db.execute("SELECT src, dst FROM redirects")))
        return graph
    finally:
        db.close()


class _AppendLog:
    """An append-only JSONL log open for the audit's whole crawl: closed once, usable in
    ``with``. Why its own class: both logs a resume replays close the same way."""

    _file: Any

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class PageLog(_AppendLog):
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
        #: records in the file (those resumed from included): where a map entry falls
        self.count = self.resumed

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
        self.count += 1
        return len(line)


class MapLog(_AppendLog):
    """``mapped.jsonl``: what the link map read of each page it fetched over HTTP (its
    status, redirects, links: ``auditor.crawl.Crawler`` writes and replays the
    entries), one line each, flushed as it is written. Each entry notes how many page
    records ``pages`` held then (``after``), so that a resume replays the two logs in
    the order they were written (``journal``)."""

    def __init__(self, path: Path, pages: PageLog, resume: bool):
        self.path = path
        self._pages = pages
        self.resumed = 0
        if resume and path.exists():
            good = 0
            for size, _ in _whole_lines(path):
                good += size
                self.resumed += 1
            with open(path, "r+b") as f:
                f.truncate(good)
        else:
            path.write_bytes(b"")
        self._file = open(path, "ab")  # noqa: SIM115 - open for the audit's whole crawl

    def write(self, entry: dict) -> None:
        line = json.dumps({"after": self._pages.count, **entry}, ensure_ascii=False) + "\n"
        self._file.write(line.encode("utf-8", errors="replace"))
        self._file.flush()


def journal(pages: Path, maps: Path, skip_pages: int = 0) -> Iterator[tuple[str, Any]]:
    """The finished work of the audit a resume continues, in the order it was done:
    ``("page", PageRecord)`` for each record of ``pages`` (after the first
    ``skip_pages``) and ``("map", entry)`` for each entry of ``maps``, read a line at a
    time (a big shop's logs are not held in memory). Call it before either log is
    written to again (both were cut to whole lines when they were opened)."""
    entries = (e for _, e in _whole_lines(maps)) if maps.exists() else iter(())
    entry = next(entries, None)
    for index, (_, data) in enumerate(_whole_lines(pages) if pages.exists() else ()):
        while entry is not None and entry["after"] <= index:
            yield "map", entry
            entry = next(entries, None)
        if index >= skip_pages:
            yield "page", PageRecord.from_dict(data)
    while entry is not None:
        yield "map", entry
        entry = next(entries, None)


def _whole_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(bytes, parsed) of each line of a log, up to the first one a kill left half
    written (or garbled)."""
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                return
            try:
                data = json.loads(line)
            except ValueError:
                return
            yield len(line), data


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
