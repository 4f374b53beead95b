"""The history file's tables, as an ordered list of migrations.

Why versioned: a history file outlives the auditor that wrote it. Each migration is a
function that takes the file from version N-1 to N; a file is brought up to date when it
is opened, inside one transaction, so a crash never leaves it half migrated. A file
written by a newer auditor (a version this code does not know) is refused with one line
rather than read wrongly or "repaired".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "stored_version"]


def _v1(db: sqlite3.Connection) -> None:
    """Runs, their scores per category and journey, metrics per template, findings, and
    the live progress of audits still running."""
    _script(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,            -- what runs are grouped by (the target's origin)
            target TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            recorded_at TEXT NOT NULL,
            tool_version TEXT,
            schema_version TEXT,
            profile TEXT,
            settings_hash TEXT,
            status TEXT NOT NULL CHECK (status IN ('complete', 'cut_short', 'crashed')),
            cut_reason TEXT,
            score REAL,
            pages INTEGER NOT NULL DEFAULT 0,
            pages_failed INTEGER NOT NULL DEFAULT 0,
            findings INTEGER NOT NULL DEFAULT 0,
            duration_s REAL,
            results_path TEXT,
            report_path TEXT,
            UNIQUE (target, started_at, finished_at)
        );
        CREATE INDEX runs_by_site ON runs (site, started_at);
        CREATE TABLE category_scores (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            score REAL,
            weight REAL,
            PRIMARY KEY (run_id, category)
        );
        CREATE TABLE journey_efforts (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            journey TEXT NOT NULL,
            persona TEXT NOT NULL DEFAULT '',
            score REAL,
            completed INTEGER,
            effort_s REAL,
            steps INTEGER,
            fields INTEGER,
            waits INTEGER,
            stopped_at TEXT,
            PRIMARY KEY (run_id, journey, persona)
        );
        CREATE TABLE template_metrics (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            template TEXT NOT NULL,
            metric TEXT NOT NULL,
            median REAL NOT NULL,
            pages INTEGER NOT NULL,
            PRIMARY KEY (run_id, template, metric)
        );
        CREATE TABLE run_pages (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            PRIMARY KEY (run_id, path)
        );
        CREATE TABLE findings (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            check_id TEXT,
            category TEXT,
            severity TEXT,
            title TEXT,
            url TEXT,                      -- path and query, never the host
            pages TEXT NOT NULL DEFAULT '[]',  -- JSON list of paths
            page_count INTEGER NOT NULL DEFAULT 0,
            primary_fp TEXT,
            PRIMARY KEY (run_id, fingerprint)
        );
        CREATE TABLE live (
            key TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            target TEXT NOT NULL,
            pid INTEGER,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            state TEXT NOT NULL,           -- running, finished, stopped
            stage TEXT,
            pages_done INTEGER NOT NULL DEFAULT 0,
            pages_failed INTEGER NOT NULL DEFAULT 0,
            queued INTEGER NOT NULL DEFAULT 0,
            last_url TEXT,
            figures TEXT NOT NULL DEFAULT '{}', -- JSON: the figures so far
            score REAL,
            run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
            version INTEGER NOT NULL DEFAULT 0
        );
        """,
    )


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Each statement on its own: ``executescript`` would commit the migration's
    transaction half way."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


#: migration N (1-based) takes a file from version N-1 to N; append, never edit
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)


def stored_version(db: sqlite3.Connection) -> int:
    """The file's schema version; 0 for a new, empty file."""
    has = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has:
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite3.Connection) -> int:
    """Bring the file up to SCHEMA_VERSION in one immediate transaction (another
    process migrating at the same moment waits, then finds nothing left to do).
    Returns the version found; a caller refuses one above SCHEMA_VERSION."""
    if stored_version(db) == SCHEMA_VERSION:  # the common case: no write lock taken
        return SCHEMA_VERSION
    db.execute("BEGIN IMMEDIATE")
    try:
        found = stored_version(db)
        if found > SCHEMA_VERSION:
            db.execute("ROLLBACK")
            return found
        if found == 0:
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for number in range(found + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[number - 1](db)
            db.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return found
