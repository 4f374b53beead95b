"""An audit's progress written into the history store while it runs, for the dashboard.

It listens to the engine's events (auditor.events) like the progress bar does: a row of
the ``live`` table per audit, updated as pages finish, at most every ``every`` seconds
(stage changes and the end at once), so that a fast crawl costs a few short writes a
second at most. A store that cannot be written (locked past its timeout, a full disk)
switches the recorder off with one warning: progress must never stop an audit.
"""

from __future__ import annotations

import logging
import os
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from ..events import EventBus
from .store import HistoryStore, open_store

__all__ = ["LiveRecorder", "attach_live"]

log = logging.getLogger("auditor")
MAX_LCP_KEPT = 2000


class LiveRecorder:
    """The live row of one audit."""

    def __init__(self, store: HistoryStore, site: str, target: str, every: float = 0.5):
        self.store, self.site, self.target, self.every = store, site, target, every
        self.key = uuid.uuid4().hex
        self.started = time.monotonic()
        self.last_write = 0.0
        self.pending = False
        self.broken = False
        self.done = self.failed = self.queued = 0
        self.last_url: str | None = None
        self.templates: set[str] = set()
        self.lcp: list[float] = []
        self._write({"site": site, "target": target, "pid": os.getpid(), "stage": "starting"})

    def _figures(self) -> dict[str, Any]:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return {
            "elapsed_s": round(elapsed, 1),
            "pages_per_minute": round(self.done / elapsed * 60, 1),
            "templates": len(self.templates),
            "lcp_ms_median": round(statistics.median(self.lcp)) if self.lcp else None,
        }

    def _write(self, values: dict[str, Any]) -> None:
        if self.broken:
            return
        try:
            self.store.live_update(self.key, values)
            self.last_write, self.pending = time.monotonic(), False
        except Exception as exc:  # never stop the audit for its progress
            self.broken = True
            log.warning("history: live progress switched off (%s)", exc)

    def _counters(self) -> dict[str, Any]:
        return {
            "pages_done": self.done,
            "pages_failed": self.failed,
            "queued": self.queued,
            "last_url": self.last_url,
            "figures": self._figures(),
        }

    # -- event listeners ---------------------------------------------------------------
    def page(self, record: Any, queued: int, done: int, failed: int) -> None:
        self.done, self.failed, self.queued = done, failed, queued
        self.last_url = str(getattr(record, "url", "") or "")[:500] or self.last_url
        template = getattr(record, "template", None)
        if template and len(self.templates) < 10_000:
            self.templates.add(str(template))
        metrics = getattr(record, "metrics", None) or {}
        lcp = metrics.get("lcp_ms") if isinstance(metrics, dict) else None
        if isinstance(lcp, int | float) and len(self.lcp) < MAX_LCP_KEPT:
            self.lcp.append(float(lcp))
        self.pending = True
        if time.monotonic() - self.last_write >= self.every:
            self._write(self._counters())

    def stage(self, name: str) -> None:
        self._write({**self._counters(), "stage": str(name)[:200]})

    def finished(self, results: dict) -> None:
        score = results.get("score") if isinstance(results, dict) else None
        self._write({**self._counters(), "stage": "writing reports", "score": score})

    def recorded(self, run_id: int | None, state: str = "finished") -> None:
        """The run is in the history (or could not be recorded): the row says so."""
        self._write({**self._counters(), "state": state, "run_id": run_id, "stage": state})

    def close(self) -> None:
        self.store.close()


def attach_live(
    events: EventBus, path: str | Path, site: str, target: str, every: float = 0.5
) -> LiveRecorder | None:
    """A LiveRecorder listening to ``events``; None (with a warning) where the history
    file cannot be opened: the audit goes on without live progress."""
    try:
        recorder = LiveRecorder(open_store(path), site, target, every)
    except Exception as exc:
        log.warning("history: no live progress (%s)", exc)
        return None
    events.subscribe("page_recorded", recorder.page)
    events.subscribe("stage_started", recorder.stage)
    events.subscribe("run_finished", recorder.finished)
    return recorder
