"""Peak memory of a benchmark: this process and the processes it starts (the browser,
its driver and helpers), read from /proc while the benchmark runs."""

from __future__ import annotations

import contextlib
import threading

import psutil

__all__ = ["MemorySampler"]


class MemorySampler:
    """Peak RSS of this process and peak PSS of its children (shared pages counted
    once), sampled every ``interval`` seconds in a thread of its own."""

    def __init__(self, interval: float = 0.5) -> None:
        self.me = psutil.Process()
        self.interval = interval
        self.peak_python = 0
        self.peak_browser = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_python = max(self.peak_python, self.me.memory_info().rss)
            total = 0
            for child in self.me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_full_info().pss
            self.peak_browser = max(self.peak_browser, total)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
