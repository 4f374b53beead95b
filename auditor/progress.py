"""Progress: a live bar on a terminal, plain periodic lines in CI logs.

Both listen to engine events only; neither can slow the crawl down.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .events import EventBus

__all__ = ["attach_progress"]


class _Lines:
    """One line every ``every`` seconds (and at the end): pages done, queued, errors, rate."""

    def __init__(self, stream: TextIO, every: float = 10.0):
        self.stream, self.every = stream, every
        self.started = time.monotonic()
        self.last = self.started
        self.done = self.failed = self.queued = self.mapped = 0

    def page(self, record: Any, queued: int, done: int, failed: int) -> None:
        self.done, self.failed, self.queued = done, failed, queued
        self._maybe_line()

    def mapped_page(self, page: Any, mapped: int) -> None:
        """The link map reads pages over HTTP after the rendered sample is done, often
        thousands: without this the log would stay silent for minutes."""
        self.mapped = mapped
        self._maybe_line()

    def _maybe_line(self) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line()

    def _line(self, prefix: str = "") -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed * 60
        mapped = f", {self.mapped} read for the link map" if self.mapped else ""
        print(
            f"[auditor] {prefix}{self.done} pages done, {self.queued} queued, "
            f"{self.failed} errors, {rate:.0f} pages/min{mapped}",
            file=self.stream,
            flush=True,
        )

    def stage(self, name: str) -> None:
        print(f"[auditor] {name}", file=self.stream, flush=True)

    def finish(self, results: dict) -> None:
        self.queued = 0
        self._line("finished: ")


class _Bar:
    def __init__(self, stream: TextIO):
        self.console = Console(file=stream)
        self.progress = Progress(
            TextColumn("[bold]Auditing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("queued {task.fields[queued]} · errors {task.fields[failed]}"),
            TextColumn("· {task.fields[rate]:.0f} pages/min"),
            TextColumn("{task.fields[mapped]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self.task = None
        self.started = time.monotonic()

    def start(self, **_: Any) -> None:
        self.progress.start()
        self.task = self.progress.add_task(
            "crawl", total=None, queued=0, failed=0, rate=0.0, mapped=""
        )

    def page(self, record: Any, queued: int, done: int, failed: int) -> None:
        if self.task is None:
            self.start()
        rate = done / max(time.monotonic() - self.started, 1e-6) * 60
        self.progress.update(
            self.task, completed=done, total=done + queued, queued=queued, failed=failed, rate=rate
        )

    def mapped_page(self, page: Any, mapped: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, mapped=f"· {mapped} read for the link map")

    def stage(self, name: str) -> None:
        self.progress.console.print(f"[dim]{name}")

    def finish(self, results: dict) -> None:
        self.progress.stop()


def attach_progress(events: EventBus, mode: str = "auto", stream: TextIO | None = None) -> None:
    """``mode``: auto (bar on a terminal, lines elsewhere), bar, lines or none."""
    stream = stream or sys.stderr
    if mode == "none":
        return
    if mode == "auto":
        mode = "bar" if stream.isatty() else "lines"
    view: Any = _Bar(stream) if mode == "bar" else _Lines(stream)
    if isinstance(view, _Bar):
        events.subscribe("crawl_started", view.start)
    events.subscribe("page_recorded", view.page)
    events.subscribe("page_mapped", view.mapped_page)
    events.subscribe("stage_started", view.stage)
    events.subscribe("run_finished", view.finish)
