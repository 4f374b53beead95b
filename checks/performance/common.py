"""What the performance checks share: the timed pages, bands, and readable figures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from auditor.errors import ConfigError
from auditor.measure import median_run
from auditor.plugins import PageView
from auditor.urls import url_key

__all__ = [
    "METRIC_NAMES",
    "TimedPage",
    "band",
    "fmt_bytes",
    "fmt_metric",
    "pages_phrase",
    "short",
    "timed_pages",
    "validate_pair",
]

METRIC_NAMES = {
    "lcp_ms": "Largest Contentful Paint",
    "cls": "Cumulative Layout Shift",
    "inp_ms": "Interaction to next paint",
    "fcp_ms": "First Contentful Paint",
    "ttfb_ms": "Time to first byte",
    "tbt_ms": "Total Blocking Time",
}
BAND_WORDS = {"needs-improvement": "needs improvement", "poor": "is poor"}


@dataclass
class TimedPage:
    """A page with its timing loads: the medians, and the load that explains them."""

    page: PageView
    metrics: dict[str, Any]
    run: dict[str, Any]
    loads: int
    profile: str

    @property
    def path(self) -> str:
        return url_key(self.page.url)


def timed_pages(pages: Iterable[PageView]) -> Iterator[TimedPage]:
    """Pages whose timing loads succeeded at least once."""
    for page in pages:
        timing = page.facts.get("timing") or {}
        medians, run = median_run(timing)
        if run is None:
            continue
        loads = sum(1 for r in timing.get("runs", []) if "metrics" in r)
        yield TimedPage(page, medians, run, loads, timing.get("profile") or "desktop")


def band(value: float, good: float, poor: float) -> str:
    """web.dev's bands: good up to ``good``, poor above ``poor``."""
    if value <= good:
        return "good"
    return "needs-improvement" if value <= poor else "poor"


def fmt_metric(key: str, value: float) -> str:
    if key == "cls":
        return f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
    if value >= 1000:
        return f"{value / 1000:.2f} s".replace(".00 s", " s")
    return f"{value:.0f} ms"


def fmt_bytes(n: float) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} kB"
    return f"{n:.0f} bytes"


def short(url: str, limit: int = 80) -> str:
    """A resource's address as a reader wants it: the path, cut to size."""
    text = url_key(url) if url.startswith(("http://", "https://")) else url
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pages_phrase(paths: list[str], template: str) -> str:
    if len(paths) == 1:
        return paths[0]
    return f"{len(paths)} pages of {template}"


def validate_pair(check_id: str, source: str, key: str, value: Any) -> None:
    """A threshold pair [good, poor]: two numbers, good not above poor."""
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] <= value[1]
    )
    if not ok:
        raise ConfigError(
            f"{source}: 'checks.\"{check_id}\".{key}' must be [good, poor]: two numbers "
            f"with good <= poor, not {value!r}"
        )
