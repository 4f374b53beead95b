"""The history of audits: a SQLite store of past runs, their trends, live progress.

``open_store(path)`` opens (creates, migrates) a history file; ``store.add_results``
records a results.json; ``site_trend`` reads the trend back; ``LiveRecorder`` writes an
audit's progress for the dashboard (``auditor serve``) while it runs.
"""

from __future__ import annotations

from .live import LiveRecorder, attach_live
from .migrations import SCHEMA_VERSION
from .record import run_rows, settings_hash, site_of, status_of
from .store import HistoryError, HistoryStore, open_store
from .trends import run_as_results, site_trend, trend_points

__all__ = [
    "SCHEMA_VERSION",
    "HistoryError",
    "HistoryStore",
    "LiveRecorder",
    "attach_live",
    "open_store",
    "run_as_results",
    "run_rows",
    "settings_hash",
    "site_of",
    "site_trend",
    "status_of",
    "trend_points",
]
