"""The history's part in ``auditor run``: live progress while the audit runs, the trend
put into results.json before the reports are rendered, the run recorded at the end.

Why the trend goes into results.json: every report is a function of results.json alone,
so the report's trend chart reads the past runs' scores from there (``trend``), never
from the history file.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..events import EventBus
from .live import LiveRecorder, attach_live
from .record import site_of, status_of
from .store import HistoryError, open_store
from .trends import trend_points

__all__ = ["AuditHistory"]

log = logging.getLogger("auditor")


class AuditHistory:
    """One audit's link to the history file ``settings.history.path``."""

    def __init__(self, settings: Any, target: str):
        h = settings.history
        self.path = Path(h.path)
        self.site = h.site or site_of(target)
        self.trend_runs = int(h.trend_runs)
        self.live: LiveRecorder | None = None
        self.recorded: int | None = None
        # a history that cannot be used is one error line before the audit starts
        open_store(self.path).close()

    def watch(self, events: EventBus, target: str) -> None:
        self.live = attach_live(events, self.path, self.site, target)

    def add_trend(self, results: dict) -> None:
        """``trend`` in results.json: the scores of the last recorded runs of this site,
        oldest first, this run last (``current``)."""
        try:
            with open_store(self.path) as store:
                past = trend_points(store, self.site, self.trend_runs - 1)
        except HistoryError as exc:
            log.warning("history: no trend (%s)", exc)
            return
        current = {
            "started_at": results.get("started_at"),
            "status": status_of(results)[0],
            "score": results.get("score"),
            "categories": {
                name: c.get("score")
                for name, c in (results.get("categories") or {}).items()
                if isinstance(c, Mapping)
            },
            "current": True,
        }
        past = [p for p in past if p["started_at"] != current["started_at"]]
        results["trend"] = {"site": self.site, "runs": [*past, current]}

    def record(self, results_path: Path, reports: list[Path]) -> int:
        """Record the finished (or cut-short) run; the live row points to it."""
        report = next((p for p in reports if p.name == "report.html"), None)
        with open_store(self.path) as store:
            run_id, _ = store.add_results(results_path, report, self.site)
        self.recorded = run_id
        if self.live is not None:
            self.live.recorded(run_id)
        return run_id

    def close(self) -> None:
        """The live row of an audit that ended without a recorded run says it stopped."""
        if self.live is None:
            return
        if self.recorded is None:
            self.live.recorded(None, "stopped")
        self.live.close()
        self.live = None
