"""The plain data that flows through an audit: links, page records and findings.

Everything here is JSON-able on purpose: a PageRecord is written to disk the moment a
page is done (JSONL), read back by checks that were not even loaded during the crawl,
and may one day travel between machines. So: dataclasses of str/int/float/list/dict,
with ``to_dict``/``from_dict`` and nothing else.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "PLACES",
    "SEVERITY_ORDER",
    "Finding",
    "Link",
    "PageError",
    "PageRecord",
    "clip",
    "merge_findings",
]

#: Where a link stands on the page; the order is the order of precedence.
PLACES = ("breadcrumb", "nav", "header", "footer", "body")
SEVERITY_ORDER = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}

MAX_TEXT = 300
MAX_SNIPPET = 1000
MAX_URLS_PER_FINDING = 500


def clip(value: str | None, limit: int = MAX_TEXT) -> str | None:
    """Cut untrusted text to a sane size (the shop decides how long its strings are)."""
    if value is None:
        return None
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class Link:
    """A link as the page shows it. ``url`` is normalised where it is http(s);
    ``internal`` says whether it stays on the audited site."""

    url: str
    text: str = ""
    place: str = "body"
    internal: bool = False


@dataclass
class PageError:
    code: str
    message: str


@dataclass
class PageRecord:
    """What one visit to one URL saw. The per-page unit of work returns exactly this."""

    url: str
    template: str = ""
    discovered_depth: int = 0
    #: the page's layout (auditor.skeleton): pages that share it share a layout
    layout: str = ""
    final_url: str | None = None
    status: int | None = None
    redirects: list[dict] = field(default_factory=list)
    content_type: str | None = None
    title: str | None = None
    links: list[Link] = field(default_factory=list)
    failed_resources: list[dict] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    #: landmarks for navigation and page kinds (auditor.structure)
    structure: dict[str, Any] = field(default_factory=dict)
    #: the measurement lane's timing loads (auditor.measure), when a check asked for them
    timing: dict[str, Any] = field(default_factory=dict)
    gathered: dict[str, Any] = field(default_factory=dict)
    gather_errors: dict[str, str] = field(default_factory=dict)
    error: PageError | None = None
    attempts: int = 1
    duration_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> PageRecord:
        data = dict(data)
        data["links"] = [Link(**link) for link in data.get("links", [])]
        if data.get("error"):
            data["error"] = PageError(**data["error"])
        return cls(**data)


@dataclass
class Finding:
    """One thing to fix, on one or many pages.

    ``key`` says what makes two findings the same thing across pages and runs: for a
    template-level defect the template, for a broken link its target. The fingerprint
    (check id + key + selector) is what a baseline comparison matches on, so it must
    not contain anything that changes from run to run: build keys from paths
    (``auditor.urls.url_key``), not from full URLs with host and port.
    """

    check: str
    category: str
    severity: str
    title: str
    message: str
    recommendation: str
    url: str | None = None
    urls: list[str] = field(default_factory=list)
    selector: str | None = None
    snippet: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    key: str = ""

    @property
    def fingerprint(self) -> str:
        raw = f"{self.check}|{self.key}|{self.selector or ''}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        urls = list(dict.fromkeys(self.urls or ([self.url] if self.url else [])))
        evidence = dict(self.evidence)
        if len(urls) > MAX_URLS_PER_FINDING:
            evidence.setdefault("pages_total", len(urls))
            urls = urls[:MAX_URLS_PER_FINDING]
        return {
            "fingerprint": self.fingerprint,
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "title": clip(self.title),
            "message": clip(self.message, 2000),
            "url": self.url,
            "urls": urls,
            "selector": clip(self.selector, MAX_SNIPPET),
            "snippet": clip(self.snippet, MAX_SNIPPET),
            "evidence": evidence,
            "recommendation": clip(self.recommendation, 2000),
        }


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per fingerprint, with the union of its pages, worst first.

    Why: a defect in a shared template shows on every page built from it; a team
    fixes it once, so it is reported once, "on 300 pages".
    """
    merged: dict[str, Finding] = {}
    for f in findings:
        fp = f.fingerprint
        if fp not in merged:
            merged[fp] = f
            if not f.urls and f.url:
                f.urls = [f.url]
            continue
        target = merged[fp]
        for u in f.urls or ([f.url] if f.url else []):
            if u not in target.urls:
                target.urls.append(u)
        if SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[target.severity]:
            target.severity = f.severity
    return sorted(
        merged.values(),
        key=lambda f: (SEVERITY_ORDER[f.severity], -len(f.urls), f.check, f.title, f.key),
    )
