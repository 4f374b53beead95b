"""How many pages each check judged, of how many the browser rendered, per template.

Why: a sample is only honest when it is said. "axe ran on 3 of 25 pages of /tests/*"
tells a reader what a clean result is worth; results.json (``checks[].coverage``), the
report and summary.md show it per check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .model import PageRecord
from .page import HTML_TYPES

__all__ = ["check_coverage"]

MAX_TEMPLATES = 50


def _rendered(r: PageRecord) -> bool:
    """A page a check could judge: an HTML page the browser rendered without an error."""
    return (
        r.error is None
        and r.content_type in HTML_TYPES
        and r.status is not None
        and 200 <= r.status < 300
    )


def _probed_urls(site_data: Any) -> list[str]:
    """The pages a site step probed, where it reports them as ``{"pages": [{"url"}]}``
    (the accessibility probes, auditor.probe)."""
    pages = site_data.get("pages") if isinstance(site_data, dict) else None
    if not isinstance(pages, list):
        return []
    return [p["url"] for p in pages if isinstance(p, dict) and isinstance(p.get("url"), str)]


def check_coverage(
    records: Iterable[PageRecord], checks: dict[str, int | None], site_data: dict[str, Any]
) -> dict[str, dict]:
    """``checks``: check id -> its effective per-template limit (0: every page; None: no
    sample option of its own). A page counts as judged by a check where the check's
    gatherer returned data for it or its site step probed it."""
    rendered: Counter[str] = Counter()
    template_of: dict[str, str] = {}
    #: a probe loads a page at its final address: the pages that end there (``/sale``
    #: redirected to ``/category/sale``) were judged by it
    ending_at: dict[str, set[str]] = {}
    judged: dict[str, set[str]] = {cid: set() for cid in checks}
    for r in records:
        if not _rendered(r):
            continue
        rendered[r.template] += 1
        template_of[r.url] = r.template
        ending_at.setdefault(r.url, set()).add(r.url)
        if r.final_url:
            ending_at.setdefault(r.final_url, set()).add(r.url)
        for cid in checks:
            if r.gathered.get(cid) is not None:
                judged[cid].add(r.url)
    out: dict[str, dict] = {}
    for cid, limit in checks.items():
        for url in _probed_urls(site_data.get(cid)):
            judged[cid] |= ending_at.get(url, set())
        per_template: Counter[str] = Counter(template_of[u] for u in judged[cid])
        templates = [
            {"template": t, "judged": per_template[t], "rendered": n}
            for t, n in sorted(rendered.items(), key=lambda tn: (-tn[1], tn[0]))
        ]
        out[cid] = {
            "pages_judged": sum(per_template.values()),
            "pages_rendered": sum(rendered.values()),
            "per_template": limit,
            "templates": templates[:MAX_TEMPLATES],
        }
    return out
