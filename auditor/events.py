"""Past-tense events the engine emits, so progress, storage and history can listen.

Names: ``crawl_started`` (total=None), ``page_recorded`` (record, queued, done, failed),
``page_mapped`` (page, mapped: a page read over HTTP for the link map),
``stage_started`` (name), ``check_failed`` (check, message), ``run_finished`` (results).
A listener that raises is dropped from that event with a warning: progress output
must never stop an audit.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

__all__ = ["EVENTS", "EventBus"]

EVENTS = (
    "crawl_started",
    "page_recorded",
    "page_mapped",
    "stage_started",
    "check_failed",
    "run_finished",
)
log = logging.getLogger("auditor")


class EventBus:
    def __init__(self) -> None:
        self._listeners: dict[str, list[Callable[..., Any]]] = defaultdict(list)

    def subscribe(self, event: str, listener: Callable[..., Any]) -> None:
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")
        self._listeners[event].append(listener)

    def emit(self, event: str, **payload: Any) -> None:
        for listener in list(self._listeners[event]):
            try:
                listener(**payload)
            except Exception as exc:
                log.warning("listener %r failed on %s: %s", listener, event, exc)
