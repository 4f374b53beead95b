"""The history store: one SQLite file of past runs, opened by audits and the dashboard.

Why SQLite in WAL mode with short transactions: several audits may record into one file
while `auditor serve` reads it. WAL lets readers go on while one writer writes; each
write is one short transaction (a run's rows, or one live progress update), and a
writer that finds the file locked waits (``busy_timeout``) instead of failing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import HistoryError
from ..results import read_json
from .migrations import SCHEMA_VERSION, migrate
from .record import RunRows, run_rows

__all__ = ["BUSY_TIMEOUT_MS", "HistoryError", "HistoryStore", "open_store"]

BUSY_TIMEOUT_MS = 15_000
LIVE_KEPT_DAYS = 7


def _now(days_ago: float = 0) -> str:
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":  # e.g. a file system without shared memory
        db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def open_store(path: str | Path, create: bool = True) -> HistoryStore:
    """The store at ``path``, created and migrated as needed. HistoryError (one line)
    where it is not a history file, or one written by a newer auditor."""
    p = Path(path)
    if not create and not p.exists():
        raise HistoryError(f"history {p}: file not found")
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = _connect(p)
        found = migrate(db)
    except sqlite3.DatabaseError as exc:
        raise HistoryError(f"history {p}: not a history file ({exc})") from None
    if found > SCHEMA_VERSION:
        db.close()
        raise HistoryError(
            f"history {p}: written by a newer auditor (history schema {found}, this one "
            f"reads up to {SCHEMA_VERSION}); use that auditor or another --history file"
        )
    return HistoryStore(p, db)


class HistoryStore:
    """Runs in, trends out. Every method is one short transaction."""

    def __init__(self, path: Path, db: sqlite3.Connection):
        self.path, self.db = path, db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; IMMEDIATE so that two writers queue at the start
        (busy_timeout) instead of failing half way."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- recording ---------------------------------------------------------------------
    def add_results(
        self,
        results_path: str | Path,
        report_path: str | Path | None = None,
        site: str | None = None,
    ) -> tuple[int, bool]:
        """Record the run of a results.json file; (run id, whether it was new). A run
        recorded before (same target, start and end) is not recorded twice."""
        p = Path(results_path)
        results = read_json(p, str(p), HistoryError)
        if not isinstance(results, dict) or not results.get("target"):
            raise HistoryError(f"{p}: not a results file (no target)")
        if report_path is None and (p.parent / "report.html").exists():
            report_path = p.parent / "report.html"
        rows = run_rows(
            results,
            str(p.resolve()),
            str(Path(report_path).resolve()) if report_path else None,
            site,
        )
        return self.add_rows(rows)

    def add_rows(self, rows: RunRows) -> tuple[int, bool]:
        r = rows.run
        with self._write() as db:
            old = db.execute(
                "SELECT id FROM runs WHERE target = ? AND started_at = ? AND finished_at IS ?",
                (r["target"], r["started_at"], r["finished_at"]),
            ).fetchone()
            if old is not None:
                return int(old["id"]), False
            columns = [*r, "recorded_at"]
            cur = db.execute(
                f"INSERT INTO runs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [*r.values(), _now()],
            )
            run_id = int(cur.lastrowid or 0)
            db.executemany(
                "INSERT INTO category_scores VALUES (?, ?, ?, ?)",
                [(run_id, *c) for c in rows.categories],
            )
            db.executemany(
                "INSERT INTO journey_efforts VALUES (:run_id, :journey, :persona, :score, "
                ":completed, :effort_s, :steps, :fields, :waits, :stopped_at)",
                [{"run_id": run_id, **j} for j in rows.journeys],
            )
            db.executemany(
                "INSERT INTO template_metrics VALUES (?, ?, ?, ?, ?)",
                [(run_id, *m) for m in rows.metrics],
            )
            db.executemany("INSERT INTO run_pages VALUES (?, ?)", [(run_id, p) for p in rows.pages])
            db.executemany(
                "INSERT INTO findings VALUES (:run_id, :fingerprint, :check_id, :category, "
                ":severity, :title, :url, :pages, :page_count, :primary_fp)",
                [{"run_id": run_id, **f} for f in rows.findings],
            )
        return run_id, True

    # -- reading -----------------------------------------------------------------------
    def sites(self) -> list[dict[str, Any]]:
        """Every site with its number of runs and its latest run, latest first."""
        rows = self.db.execute(
            "SELECT site, COUNT(*) AS runs, MAX(started_at) AS last FROM runs GROUP BY site "
            "ORDER BY last DESC"
        ).fetchall()
        return [dict(r) for r in rows]

    def runs(self, site: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Runs oldest first (the last ``limit`` of them), of one site or of all; a site
        may also be given as a target URL."""
        where, args = "", []
        if site:
            where, args = "WHERE site = ? OR target = ?", [site, site]
        sql = f"SELECT * FROM runs {where} ORDER BY started_at DESC, id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in reversed(self.db.execute(sql, args).fetchall())]

    def run(self, run_id: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return dict(row) if row else None

    def category_scores(self, run_ids: list[int]) -> dict[int, dict[str, float | None]]:
        out: dict[int, dict[str, float | None]] = {i: {} for i in run_ids}
        sql = "SELECT * FROM category_scores WHERE run_id IN ({}) ORDER BY rowid"
        for r in self._in(sql, run_ids):
            out[r["run_id"]][r["category"]] = r["score"]
        return out

    def journeys(self, run_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {i: [] for i in run_ids}
        for r in self._in(
            "SELECT * FROM journey_efforts WHERE run_id IN ({}) ORDER BY journey, persona",
            run_ids,
        ):
            out[r["run_id"]].append(dict(r))
        return out

    def template_metrics(self, run_ids: list[int]) -> dict[int, dict[tuple[str, str], float]]:
        out: dict[int, dict[tuple[str, str], float]] = {i: {} for i in run_ids}
        for r in self._in("SELECT * FROM template_metrics WHERE run_id IN ({})", run_ids):
            out[r["run_id"]][(r["template"], r["metric"])] = r["median"]
        return out

    def findings(self, run_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT * FROM findings WHERE run_id = ? ORDER BY CASE severity WHEN 'critical' "
            "THEN 0 WHEN 'serious' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END, page_count DESC, "
            "title",
            (run_id,),
        ).fetchall()
        return [{**dict(r), "pages": json.loads(r["pages"] or "[]")} for r in rows]

    def pages(self, run_id: int) -> list[str]:
        rows = self.db.execute("SELECT path FROM run_pages WHERE run_id = ?", (run_id,))
        return [r["path"] for r in rows]

    def _in(self, sql: str, ids: list[int]) -> list[sqlite3.Row]:
        if not ids:
            return []
        return self.db.execute(sql.format(", ".join("?" * len(ids))), ids).fetchall()

    # -- live progress -----------------------------------------------------------------
    def live_update(self, key: str, values: Mapping[str, Any]) -> None:
        """Create or update a running audit's live row (one short transaction)."""
        data = dict(values)
        if isinstance(data.get("figures"), Mapping):
            data["figures"] = json.dumps(data["figures"], ensure_ascii=False)
        data["updated_at"] = _now()
        with self._write() as db:
            exists = db.execute("SELECT 1 FROM live WHERE key = ?", (key,)).fetchone()
            if exists:
                sets = ", ".join(f"{k} = :{k}" for k in data)
                db.execute(
                    f"UPDATE live SET {sets}, version = version + 1 WHERE key = :key",
                    {**data, "key": key},
                )
            else:
                # finished rows are kept a week: the dashboard shows the latest few
                db.execute(
                    "DELETE FROM live WHERE state != 'running' AND updated_at < ?",
                    (_now(days_ago=LIVE_KEPT_DAYS),),
                )
                data.setdefault("started_at", data["updated_at"])
                data.setdefault("state", "running")
                cols = ["key", *data]
                db.execute(
                    f"INSERT INTO live ({', '.join(cols)}) VALUES "
                    f"({', '.join(':' + c for c in cols)})",
                    {**data, "key": key},
                )

    def live(self, site: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
        """The live rows (running first, then the latest finished), of one site or all;
        ``since``: only rows updated at or after that time."""
        where, args = [], []
        if site:
            where.append("site = ?")
            args.append(site)
        if since:
            where.append("updated_at >= ?")
            args.append(since)
        sql = "SELECT * FROM live" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY state = 'running' DESC, started_at DESC LIMIT 50"
        return [
            {**dict(r), "figures": json.loads(r["figures"] or "{}")}
            for r in self.db.execute(sql, args).fetchall()
        ]
