"""What the pages load: weight against a budget, and the resources that slow them.

The diagnostics here explain the web-vitals figures (Lighthouse calls them
opportunities): they weigh 0 in the score by default, so a page is not punished twice
for the same slowness; set a weight to make them count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import SEVERITY_ORDER, Finding
from auditor.plugins import Check, PageView, SiteView
from auditor.urls import url_key

from .common import fmt_bytes, pages_phrase, short, timed_pages

__all__ = ["Caching", "ImageSizes", "PageWeight", "RenderBlocking", "TextCompression"]


class PageWeight(Check):
    """Bytes and requests per page, against a budget per template.

    What: the transferred bytes and number of requests of each timed page, split by
    type, with the heaviest resources; the median page of each template against its
    budget.
    Why: every byte is waiting time on a phone's connection, and data the customer
    pays for. Lighthouse starts to warn at about 2.7 MB.
    Fix: the finding lists the heaviest resources: compress and resize them first.
    """

    id = "performance.page-weight"
    category = "performance"
    title = "Page weight budget"
    description = "Transferred bytes and requests per page, against a budget per template."
    requires = ("timing",)
    weight = 0.0
    default_options: ClassVar[dict[str, Any]] = {
        "max_kb": 2700,
        "max_requests": 150,
        "budgets": {},
    }
    option_docs: ClassVar[dict[str, str]] = {
        "max_kb": "kilobytes a page may transfer (Lighthouse warns from about 2,700 kB)",
        "max_requests": "requests a page may make",
        "budgets": 'per template, e.g. { "/product/*" = { max_kb = 1500, max_requests = 80 } }',
    }

    def configure(self, settings: Settings) -> None:
        for template, budget in self.options["budgets"].items():
            where = f'{settings.source}: \'checks."{self.id}".budgets."{template}"'
            if not isinstance(budget, dict):
                raise ConfigError(f"{where}' must be a table with max_kb and/or max_requests")
            for key, value in budget.items():
                if key not in ("max_kb", "max_requests"):
                    raise ConfigError(f"{where}.{key}' is unknown (max_kb, max_requests)")
                if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                    raise ConfigError(f"{where}.{key}' must be a number of at least 0")

    def _budget(self, template: str) -> tuple[float, float]:
        own = self.options["budgets"].get(template, {})
        return (
            float(own.get("max_kb", self.options["max_kb"])) * 1000,
            float(own.get("max_requests", self.options["max_requests"])),
        )

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        by_template = defaultdict(list)
        for tp in timed_pages(pages):
            by_template[tp.page.template].append(tp)
        findings = []
        for template, members in sorted(by_template.items()):
            max_bytes, max_requests = self._budget(template)
            for key, limit, label in (
                ("transfer_bytes", max_bytes, "bytes"),
                ("requests", max_requests, "requests"),
            ):
                over = [tp for tp in members if limit and tp.metrics.get(key, 0) > limit]
                if not over:
                    continue
                over.sort(key=lambda tp: -tp.metrics[key])
                worst = over[0]
                value = worst.metrics[key]
                net = worst.run.get("network", {})
                heaviest = [
                    f"{short(u)} ({kind}, {fmt_bytes(n)})"
                    for u, kind, n in net.get("heaviest", [])[:5]
                ]
                shown = fmt_bytes(value) if label == "bytes" else f"{value} requests"
                budget = fmt_bytes(limit) if label == "bytes" else f"{limit:.0f}"
                by_type = {
                    kind: fmt_bytes(n) if label == "bytes" else count
                    for kind, (count, n) in sorted(
                        net.get("by_type", {}).items(), key=lambda kv: -kv[1][1]
                    )
                }
                findings.append(
                    self.finding(
                        severity="serious" if value > 1.5 * limit else "moderate",
                        title=f"Page over its {label} budget on "
                        f"{pages_phrase([tp.path for tp in over], template)}",
                        message=f"{worst.path} transferred {shown}; the budget for {template} "
                        f"is {budget}. Heaviest: {', '.join(heaviest) or 'not recorded'}.",
                        recommendation="Start with the heaviest resources: images in a modern "
                        "format at the size they are shown, compressed text, and no "
                        "scripts the page does not need.",
                        url=worst.page.url,
                        urls=[tp.page.url for tp in over],
                        evidence={
                            "value": value,
                            "budget": limit,
                            "unit": "bytes" if label == "bytes" else "requests",
                            "by_type": by_type,
                            "heaviest": heaviest,
                        },
                        key=f"{template}|{label}",
                        message_id=f"{self.id}.{'bytes' if label == 'bytes' else 'requests'}",
                        params={
                            "page": worst.path,
                            "value_fmt": shown if label == "bytes" else str(value),
                            "budget_fmt": budget,
                            "heaviest": ", ".join(heaviest),
                            "count": len(over),
                            "template": template,
                        },
                    )
                )
        return findings


class _ResourceCheck(Check):
    """A diagnostic about resources: one finding per cause, with its pages.

    A resource several pages load (a stylesheet, a bundle) is its own cause. A resource
    that only one page loads (a product's photo, a page's HTML) is made by its template
    or the server: those are one finding per template and kind (``cause``), however
    many pages were timed, instead of one per page.
    """

    category = "performance"
    requires = ("timing",)
    weight = 0.0

    def problems(self, tp) -> Iterable[tuple[str, str, dict]]:
        """(resource URL, severity, facts) for each problem on one timed page."""
        raise NotImplementedError

    def describe(self, url: str, facts: dict, pages: list[str]) -> tuple[str, str, str]:
        """(title, message, recommendation)."""
        raise NotImplementedError

    def cause(self, facts: dict, template: str) -> str:
        """What one fix repairs for a resource only one page loads: how its template
        makes such resources."""
        return f"{template}|{facts.get('type', '')}"

    def group_title(self, facts: dict, template: str) -> str:
        """The title of a finding about resources of one kind, one per page."""
        return f"{self.title} on pages of {template}"

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        found: dict[str, dict] = {}
        for tp in timed_pages(pages):
            for url, severity, facts in self.problems(tp):
                entry = found.setdefault(
                    url_key(url),
                    {
                        "url": url,
                        "severity": severity,
                        "facts": facts,
                        "pages": [],
                        "template": tp.page.template,
                    },
                )
                entry["pages"].append(tp.page.url)
        groups: dict[str, list[dict]] = defaultdict(list)
        for key, entry in sorted(found.items()):
            groups[self.group_key(key, entry)].append(entry)
        return [self._finding(key, members) for key, members in sorted(groups.items())]

    def group_key(self, key: str, entry: dict) -> str:
        """The cause a resource's problem has: a resource many pages share is its own
        cause; one only one page loads is grouped with its kind on its template."""
        if len(set(entry["pages"])) > 1:
            return key
        return "per-page|" + self.cause(entry["facts"], entry["template"])

    def describe_group(self, members: list[dict], paths: list[str]) -> tuple[str, str, str] | None:
        """(title, message, fix) of a finding about several resources, or None for the
        default: the worst resource's words and how many more there are."""
        return None

    def _finding(self, key: str, members: list[dict]) -> Finding:
        """One finding for the resources of one cause, told by the worst of them."""
        members.sort(key=lambda e: (SEVERITY_ORDER[e["severity"]], -len(e["pages"]), e["url"]))
        rep = members[0]
        urls = list(dict.fromkeys(u for e in members for u in e["pages"]))
        paths = [url_key(u) for u in urls]
        title, message, fix = self.describe(rep["url"], rep["facts"], paths)
        evidence = {"resource": short(rep["url"], 300), **rep["facts"]}
        grouped = self.describe_group(members, paths) if len(members) > 1 else None
        if grouped:
            title, message, fix = grouped
            evidence["resources"] = [short(e["url"], 200) for e in members[:20]]
            evidence["resources_total"] = len(members)
        elif len(members) > 1:
            templates = {e["template"] for e in members}
            scope = rep["template"] if len(templates) == 1 else "the site"
            title = self.group_title(rep["facts"], rep["template"])
            message += (
                f" The same holds for {len(members) - 1} more resources of this kind, "
                f"one per page, on {pages_phrase(paths, scope)}."
            )
            evidence["resources"] = [short(e["url"], 200) for e in members[:20]]
            evidence["resources_total"] = len(members)
        return self.finding(
            severity=rep["severity"],
            title=title,
            message=message,
            recommendation=fix,
            url=rep["pages"][0],
            urls=urls,
            evidence=evidence,
            key=key,
            message_id=f"{self.id}.{self.variant(members if grouped else [rep])}",
            params=_params(members, paths, grouped is not None),
        )

    def variant(self, members: list[dict]) -> str:
        """Which text a finding has (its message id after the check's id)."""
        return "one"


class RenderBlocking(_ResourceCheck):
    """Scripts and styles in the head that hold back the first paint.

    What: synchronous scripts (no async/defer/module) and stylesheets that the
    browser marks render-blocking; stylesheets only when they took a while.
    Why: nothing is painted until they have loaded and run: a white page.
    Fix: async/defer for scripts, inline the critical CSS, load the rest later.
    """

    id = "performance.render-blocking"
    title = "Render-blocking resources"
    description = "Scripts and styles in the head that hold back the first paint."
    default_options: ClassVar[dict[str, Any]] = {"min_style_ms": 200}
    option_docs: ClassVar[dict[str, str]] = {
        "min_style_ms": "report a blocking stylesheet only when it took at least this long"
    }

    def problems(self, tp):
        run = tp.run
        timings = {r[0]: r for r in run.get("resources", [])}
        seen = set()
        blocking = [
            (r[0], "script" if r[1] == "script" else "style")
            for r in run.get("resources", [])
            if r[2] == "blocking"
        ]
        for url, kind in blocking + [(u, k) for k, u in run.get("head_blocking", [])]:
            if url in seen:
                continue
            seen.add(url)
            t = timings.get(url)
            took = (t[4] - t[3]) if t else None
            if kind == "style" and (took is None or took < self.options["min_style_ms"]):
                continue
            yield url, "moderate" if kind == "script" else "minor", {"type": kind, "took_ms": took}

    def variant(self, members: list[dict]) -> str:
        return "script" if members[0]["facts"]["type"] == "script" else "stylesheet"

    def describe(self, url, facts, pages):
        kind = "script" if facts["type"] == "script" else "stylesheet"
        took = f", it took {facts['took_ms']:.0f} ms to load" if facts.get("took_ms") else ""
        fix = (
            "Add defer (or async for independent tags), or load it after the page."
            if kind == "script"
            else "Inline the CSS the first screen needs and load the rest without blocking."
        )
        return (
            f"Render-blocking {kind} {short(url, 60)}",
            f"The {kind} {short(url)} in the head blocks the first paint of "
            f"{pages_phrase(pages, 'the site')}{took}. Until it has loaded "
            + ("and run " if kind == "script" else "")
            + "the customer sees a blank page.",
            fix,
        )


class ImageSizes(_ResourceCheck):
    """Images much larger than they are shown.

    What: images whose pixels exceed the displayed size (times the screen's pixel
    ratio) by more than ``min_area_ratio``, and waste at least ``min_wasted_kb``.
    Why: the bytes are downloaded and then thrown away by the browser.
    Fix: serve the image at the size it is shown (srcset/sizes for several screens).
    """

    id = "performance.image-sizes"
    title = "Oversized images"
    description = "Images downloaded at far more pixels than they are displayed with."
    default_options: ClassVar[dict[str, Any]] = {"min_area_ratio": 2.0, "min_wasted_kb": 20}
    option_docs: ClassVar[dict[str, str]] = {
        "min_area_ratio": "natural pixels / displayed pixels above which an image is oversized",
        "min_wasted_kb": "report only images that waste at least this many kilobytes",
    }

    def problems(self, tp):
        run = tp.run
        dpr = run.get("dpr") or 1
        sizes = run.get("network", {}).get("images", {})
        for src, nw, nh, w, h, _alt in run.get("images", []):
            shown = max(w, 1) * max(h, 1) * dpr * dpr
            if w < 1 or h < 1:
                continue
            ratio = nw * nh / shown
            size = sizes.get(src, 0)
            wasted = size * (1 - 1 / ratio) if ratio > 1 else 0
            if (
                ratio > self.options["min_area_ratio"]
                and wasted >= self.options["min_wasted_kb"] * 1000
            ):
                severity = "moderate" if wasted >= 200_000 else "minor"
                yield (
                    src,
                    severity,
                    {
                        "natural": f"{nw}×{nh}",
                        "displayed": f"{w}×{h}",
                        "bytes": size,
                        "wasted_bytes": round(wasted),
                    },
                )

    def describe(self, url, facts, pages):
        return (
            f"Oversized image {short(url, 60)}",
            f"{short(url)} has {facts['natural']} pixels but is shown at {facts['displayed']} "
            f"on {pages_phrase(pages, 'the site')}: about {fmt_bytes(facts['wasted_bytes'])} of "
            f"its {fmt_bytes(facts['bytes'])} are downloaded for nothing.",
            "Serve it at the displayed size (srcset/sizes for several screens), in WebP or AVIF.",
        )


_STATIC_TYPES = {"script", "style", "font", "image"}
_MAX_AGE = re.compile(r"(?:s-)?max-age\s*=\s*(\d+)", re.I)


class TextCompression(_ResourceCheck):
    """Text resources sent without compression.

    What: HTML, CSS, JavaScript, JSON and SVG of at least ``min_bytes`` sent without
    Content-Encoding (gzip, br, zstd).
    Why: text shrinks to a third or less; uncompressed it costs load time on every visit.
    Fix: switch on gzip or Brotli on the server or CDN for text types.
    """

    id = "performance.compression"
    title = "Uncompressed text resources"
    description = "HTML, CSS, JavaScript and SVG sent without gzip or Brotli."
    default_options: ClassVar[dict[str, Any]] = {"min_bytes": 2000}
    option_docs: ClassVar[dict[str, str]] = {
        "min_bytes": "report text resources of at least this many bytes on the wire"
    }

    def problems(self, tp):
        for url, kind, size, headers in tp.run.get("network", {}).get("text", []):
            encoding = headers.get("content-encoding", "").strip().lower()
            if encoding in ("", "identity") and size >= self.options["min_bytes"]:
                yield url, "moderate" if size >= 50_000 else "minor", {"type": kind, "bytes": size}

    def group_key(self, key: str, entry: dict) -> str:
        """Compression is the server's setting: every text it sends uncompressed, the
        pages' HTML and the files they share, is one cause per host."""
        return "server|" + urlsplit(entry["url"]).netloc

    def variant(self, members: list[dict]) -> str:
        files = [e for e in members if e["facts"].get("type") != "document"]
        if len(members) == 1:
            return "file" if files else "document"
        return (
            "group-pages"
            if not files
            else "group-files"
            if len(files) == len(members)
            else "group-both"
        )

    def describe_group(self, members: list[dict], paths: list[str]) -> tuple[str, str, str] | None:
        files = [e for e in members if e["facts"].get("type") != "document"]
        pages = len(members) - len(files)
        if not files:
            title = "HTML pages sent without compression"
        elif not pages:
            title = "Scripts and styles sent without compression"
        else:
            title = "HTML, scripts and styles sent without compression"
        files.sort(key=lambda e: -e["facts"].get("bytes", 0))
        examples = ", ".join(
            f"{short(e['url'], 60)} ({fmt_bytes(e['facts'].get('bytes', 0))})" for e in files[:3]
        )
        what = []
        if pages:
            what.append(f"the HTML of {pages_phrase(paths, 'the site')}")
        if files:
            what.append(f"{len(files)} text files the pages load (e.g. {examples})")
        host = urlsplit(members[0]["url"]).netloc
        return (
            title,
            f"The server {host} sends {' and '.join(what)} without compression; gzip or "
            "Brotli would typically cut them to a third.",
            "Enable gzip or Brotli for text types (HTML, CSS, JS, JSON, SVG) on the server "
            "or CDN: one setting repairs them all.",
        )

    def describe(self, url, facts, pages):
        if facts.get("type") == "document":
            return (
                "HTML pages sent without compression",
                f"The server sends the HTML of {pages_phrase(pages, 'the site')} without "
                f"compression (e.g. {short(url)}, {fmt_bytes(facts['bytes'])}); gzip or "
                "Brotli would typically cut it to a third.",
                "Enable gzip or Brotli for text types (HTML, CSS, JS, JSON, SVG) on the "
                "server or CDN.",
            )
        return (
            f"Not compressed: {short(url, 60)}",
            f"{short(url)} ({facts['type']}, {fmt_bytes(facts['bytes'])}) is sent without "
            f"compression on {pages_phrase(pages, 'the site')}; gzip or Brotli would "
            "typically cut it to a third.",
            "Enable gzip or Brotli for text types (HTML, CSS, JS, JSON, SVG) on the server or CDN.",
        )


class Caching(_ResourceCheck):
    """Static resources the browser may not keep.

    What: scripts, styles, fonts and images (of at least ``min_bytes``) sent with
    ``no-store``, or with no caching header at all (no max-age, Expires, ETag or
    Last-Modified).
    Why: the customer downloads them again on every page of the visit.
    Fix: a long max-age with versioned file names.
    """

    id = "performance.caching"
    title = "Static resources without caching"
    description = "Scripts, styles, fonts and images the browser is not allowed to keep."
    default_options: ClassVar[dict[str, Any]] = {"min_bytes": 1000}
    option_docs: ClassVar[dict[str, str]] = {
        "min_bytes": "report resources of at least this many bytes on the wire"
    }

    def problems(self, tp):
        net = tp.run.get("network", {})
        for url, kind, size, headers in net.get("static", []):
            if kind not in _STATIC_TYPES or size < self.options["min_bytes"]:
                continue
            problem = _cache_problem(headers)
            if problem:
                yield url, "minor", {"type": kind, "bytes": size, "problem": problem}

    def describe(self, url, facts, pages):
        return (
            f"Not cacheable: {short(url, 60)}",
            f"{short(url)} ({facts['type']}, {fmt_bytes(facts['bytes'])}) {facts['problem']}, "
            f"so it is downloaded again on every page of a visit "
            f"({pages_phrase(pages, 'the site')}).",
            "Send Cache-Control: public, max-age=31536000 with versioned file names "
            "(app.3f9a.js), or at least a max-age and an ETag.",
        )


def _cache_problem(headers: dict[str, str]) -> str | None:
    cc = headers.get("cache-control", "").lower()
    if "no-store" in cc:
        return "is sent with Cache-Control: no-store"
    match = _MAX_AGE.search(cc)
    if match and int(match.group(1)) > 0:
        return None
    if headers.get("expires") or headers.get("etag") or headers.get("last-modified"):
        return None
    if "no-cache" in cc:
        return None  # revalidated on each use: a choice, not an omission
    return "has no caching header (no max-age, Expires, ETag or Last-Modified)"


def _params(members: list[dict], paths: list[str], grouped: bool) -> dict[str, Any]:
    """The values a resource finding's texts are made of, so that a report can say them
    in another language (reports/i18n): the worst resource's facts, the pages, and for
    a finding of several resources how many more there are."""
    rep, facts = members[0], members[0]["facts"]
    templates = {e["template"] for e in members}
    files = [e for e in members if e["facts"].get("type") != "document"]
    files.sort(key=lambda e: -e["facts"].get("bytes", 0))
    return {
        "resource": short(rep["url"]),
        "resource_short": short(rep["url"], 60),
        "type": facts.get("type"),
        "bytes_fmt": fmt_bytes(facts.get("bytes", 0)),
        "took_ms": round(facts["took_ms"]) if facts.get("took_ms") else None,
        "problem": facts.get("problem"),
        "natural": facts.get("natural"),
        "displayed": facts.get("displayed"),
        "wasted_fmt": fmt_bytes(facts.get("wasted_bytes", 0)),
        "page": paths[0] if len(paths) == 1 else "",
        "pages": len(paths) if len(paths) > 1 else None,
        "scope": rep["template"] if len(templates) == 1 else "the site",
        "more": len(members) - 1 if len(members) > 1 and not grouped else None,
        "host": urlsplit(rep["url"]).netloc,
        "files": len(files) or None,
        "examples": ", ".join(
            f"{short(e['url'], 60)} ({fmt_bytes(e['facts'].get('bytes', 0))})" for e in files[:3]
        ),
    }
