"""What the DevTools protocol sees of a load's requests, and its summary for the checks.

Why DevTools and not Resource Timing: it sees the real bytes on the wire of every
request (cross-origin ones included, which Resource Timing hides), the types and
headers, and the throttled network's latency (the mobile profile's TTFB); and whether
a request is still in flight, for the "page is quiet" wait.
"""

from __future__ import annotations

import time

from playwright.async_api import Page

from ..model import clip
from .scripts import MAX_ITEMS

__all__ = ["LoadNetwork", "TabNetwork", "network_summary"]

#: the response types whose compression a check may judge
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/x-javascript",
    "application/ld+json",
)

_CDP_TYPES = {
    "Document": "document",
    "Script": "script",
    "Stylesheet": "style",
    "Image": "image",
    "Font": "font",
    "Media": "media",
    "XHR": "xhr",
    "Fetch": "xhr",
}
_KEPT_HEADERS = ("content-encoding", "cache-control", "expires", "etag", "last-modified")


class LoadNetwork:
    """What the DevTools protocol saw of every request: the real bytes on the wire
    (cross-origin resources included, which Resource Timing hides), types, headers."""

    def __init__(self) -> None:
        self.requests: dict[str, dict] = {}
        self.inflight: set[str] = set()
        self.last = time.monotonic()
        #: ms from sending the page's request to its response headers, as the
        #: (throttled) network delivered them; Navigation Timing does not see the
        #: DevTools latency, so the mobile profile's TTFB comes from here
        self.document_ttfb_ms: float | None = None
        self._document_sent: dict[str, float] = {}

    def attach(self, cdp) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def _touch(self) -> None:
        self.last = time.monotonic()

    def _sent(self, e: dict) -> None:
        self._touch()
        url = e.get("request", {}).get("url", "")
        if not url.startswith(("http://", "https://")):
            return
        rid = e["requestId"]
        self.inflight.add(rid)
        if e.get("type") == "Document" and not self._document_sent and "timestamp" in e:
            self._document_sent[rid] = float(e["timestamp"])
        self.requests[rid] = {
            "url": url[:2000],
            "type": _CDP_TYPES.get(e.get("type", ""), "other"),
            "status": None,
            "mime": "",
            "headers": {},
            "bytes": 0,
        }

    def _response(self, e: dict) -> None:
        self._touch()
        req = self.requests.get(e["requestId"])
        if req is None:
            return
        resp = e.get("response", {})
        headers = {k.lower(): str(v)[:200] for k, v in (resp.get("headers") or {}).items()}
        req["status"] = resp.get("status")
        req["mime"] = (resp.get("mimeType") or "")[:100]
        req["headers"] = {k: headers[k] for k in _KEPT_HEADERS if k in headers}
        sent = self._document_sent.get(e["requestId"])
        timing = resp.get("timing") or {}
        if sent is not None and self.document_ttfb_ms is None and "requestTime" in timing:
            waited = (float(timing["requestTime"]) - sent) * 1000
            self.document_ttfb_ms = max(0.0, waited + float(timing.get("receiveHeadersEnd", 0)))

    def _finished(self, e: dict) -> None:
        self._touch()
        self.inflight.discard(e["requestId"])
        req = self.requests.get(e["requestId"])
        if req is not None:
            req["bytes"] = int(e.get("encodedDataLength") or 0)

    def _failed(self, e: dict) -> None:
        self._touch()
        self.inflight.discard(e["requestId"])
        req = self.requests.get(e["requestId"])
        if req is not None:
            req["failed"] = clip(e.get("errorText") or "failed", 100)

    def quiet_for(self) -> float:
        return 0.0 if self.inflight else time.monotonic() - self.last


class TabNetwork:
    """The DevTools view of a crawl tab's requests, started afresh for each visit, with
    the tab's HTTP cache off: the crawl visit then loads the page as a timing load
    does (cold), so its figures can screen the page (``Measurer.screen``)."""

    def __init__(self) -> None:
        self.current = LoadNetwork()

    async def attach(self, context, page: Page) -> None:
        cdp = await context.new_cdp_session(page)
        for event, name in (
            ("Network.requestWillBeSent", "_sent"),
            ("Network.responseReceived", "_response"),
            ("Network.loadingFinished", "_finished"),
            ("Network.loadingFailed", "_failed"),
        ):
            cdp.on(event, lambda e, name=name: getattr(self.current, name)(e))
        await cdp.send("Network.enable")
        await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def fresh(self) -> None:
        """Forget the last visit's requests (called before each visit)."""
        self.current = LoadNetwork()


def network_summary(net: LoadNetwork) -> dict:
    """Bytes and requests by type, and the requests a check may want to name."""
    by_type: dict[str, list[int]] = {}
    rows = []
    for req in net.requests.values():
        counts = by_type.setdefault(req["type"], [0, 0])
        counts[0] += 1
        counts[1] += req["bytes"]
        rows.append(req)
    rows.sort(key=lambda r: -r["bytes"])
    text = [
        [r["url"], r["type"], r["bytes"], r["headers"]]
        for r in rows
        if r["status"] == 200 and r["mime"].startswith(TEXT_TYPES)
    ]
    static = [
        [r["url"], r["type"], r["bytes"], r["headers"]]
        for r in rows
        if r["status"] == 200 and r["type"] in ("script", "style", "font", "image")
    ]
    return {
        "requests": len(rows),
        "bytes": sum(r["bytes"] for r in rows),
        "by_type": by_type,
        "heaviest": [[r["url"], r["type"], r["bytes"]] for r in rows[:10]],
        "text": text[:MAX_ITEMS],
        "static": static[:MAX_ITEMS],
        "images": {r["url"]: r["bytes"] for r in rows if r["type"] == "image"},
    }
