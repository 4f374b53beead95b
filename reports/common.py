"""Helpers every part of the HTML and Markdown reports shares: cutting, escaping-safe
text, links that may be made, number formats, score bands and metric ratings.

They live apart from the renderers so that each report section (reports/sections/) can
build its view model from results.json with the same rules: every string from the shop
is cut and cleaned by ``clip``, every link passes ``safe_href``.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from .i18n import check_title, current, localise_number, t

SEVERITIES = ("critical", "serious", "moderate", "minor")


class Labels(dict):
    """A table of English labels read in the report's current language (reports/i18n)."""

    def __getitem__(self, key: Any) -> str:
        return t(super().__getitem__(key))

    def get(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            return default
        return self[key]

    def values(self):  # type: ignore[override]
        return [self[k] for k in self]

    def items(self):  # type: ignore[override]
        return [(k, self[k]) for k in self]


SEVERITY_LABELS = Labels({s: s.capitalize() for s in SEVERITIES})

# Length limits for strings that may come from the shop (characters).
MAX_TITLE = 200
MAX_MESSAGE = 2000
MAX_SNIPPET = 1000
MAX_URL = 500
MAX_SELECTOR = 300
MAX_RECOMMENDATION = 2000
MAX_SUMMARY = 500
MAX_SHORT = 80  # codes, check ids, template names, category names, keys
MAX_EVIDENCE_VALUE = 300
MAX_HREF = 2048  # longer URLs are shown as text, not linked

# Count limits, so a huge site still gives a file a browser can open.
MAX_FINDING_URLS = 30  # a finding on 400 pages lists 30 and counts the rest
MAX_FINDING_CARDS = 50
MAX_FINDING_ROWS = 500
MAX_EVIDENCE_ROWS = 20
MAX_EVIDENCE_ITEMS = 10
MAX_PAGE_ROWS = 500
MAX_ERROR_ROWS = 200
MAX_SETTINGS_ROWS = 60
MAX_DEPTH_BUCKET = 30  # depths beyond this are grouped as "30+"

ELLIPSIS = "…"


# --------------------------------------------------------------------------- helpers


# Characters no report shows as they are: control characters but tab, newline and carriage
# return (NUL among them), bidi embeddings, overrides and isolates (one can reverse the text
# after it: a URL, the rest of a table row) and lone surrogates (not text, not encodable).
_UNSHOWABLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def clip(value: Any, limit: int) -> str:
    """Return ``value`` as text of at most ``limit`` characters, ending in an ellipsis if cut.

    Every string the reports show passes here: the cut comes first, so a megabyte costs no
    more than ``limit``; then each unshowable character becomes U+FFFD.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return _UNSHOWABLE.sub("\ufffd", text)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_NOT_IN_URLS = frozenset('"<>`')


def safe_href(url: Any) -> str | None:
    """The URL itself if it is a plain absolute http(s) URL that may be linked, else None."""
    if not isinstance(url, str) or not url or len(url) > MAX_HREF:
        return None
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F or ch in _NOT_IN_URLS for ch in url):
        return None
    if _UNSHOWABLE.search(url):  # e.g. a right-to-left override that disguises the address
        return None
    if not url[:8].lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def origin_of(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def url_view(url: Any, origin: str | None = None) -> dict[str, Any]:
    """A URL ready for the template: display text (cut, optionally origin-relative) and href."""
    if not isinstance(url, str) or not url:
        return {"text": "", "full": "", "href": None}
    full = clip(url, MAX_URL)
    text = full
    if origin and origin_of(url) == origin:
        rest = url[len(origin) :] if url.lower().startswith(origin) else ""
        if rest.startswith("/") or rest == "":
            text = clip(rest or "/", MAX_URL)
    return {"text": text, "full": full, "href": safe_href(url)}


#: words of evidence keys that are abbreviations, written as people write them
ACRONYMS = {
    w: w.upper() for w in ("wcag", "url", "lcp", "cls", "tbt", "inp", "fcp", "ttfb", "http", "html")
} | {"urls": "URLs", "css": "CSS", "id": "ID", "ids": "IDs", "px": "px", "ms": "ms", "kb": "KB"}


def humanise(key: Any) -> str:
    """An evidence key as a label in the report's language: 'wcag' → 'WCAG',
    'lcp_element' → 'LCP element' ('LCP-Element' in German)."""
    words = clip(key, MAX_SHORT).replace("_", " ").replace("-", " ").split()
    words = [ACRONYMS.get(w.lower(), w) for w in words]
    text = " ".join(words)
    return t(text[:1].upper() + text[1:]) if text else ""


def category_label(name: Any) -> str:
    text = clip(name, MAX_SHORT).replace("_", " ").replace("-", " ").strip()
    return t(text.title() if text.islower() else text)


def _fmt_int(value: Any) -> str:
    if not is_number(value):
        return "–"
    return f"{round(value):,}"


def fmt_int(value: Any) -> str:
    """``_fmt_int`` written the current report language's way (decimal comma in German)."""
    return localise_number(_fmt_int(value))


def _fmt_number(value: Any) -> str:
    if not is_number(value):
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:.3f}".rstrip("0").rstrip(".")


def fmt_number(value: Any) -> str:
    """``_fmt_number`` written the current report language's way (decimal comma in German)."""
    return localise_number(_fmt_number(value))


def _fmt_ms(value: Any) -> str:
    if not is_number(value):
        return "–"
    if abs(value) < 1000:
        return f"{round(value):,} ms"
    return f"{value / 1000:.1f} s"


def fmt_ms(value: Any) -> str:
    """``_fmt_ms`` written the current report language's way (decimal comma in German)."""
    return localise_number(_fmt_ms(value))


def _fmt_cls(value: Any) -> str:
    if not is_number(value):
        return "–"
    return f"{value:.2f}"


def fmt_cls(value: Any) -> str:
    """``_fmt_cls`` written the current report language's way (decimal comma in German)."""
    return localise_number(_fmt_cls(value))


def _fmt_bytes(value: Any) -> str:
    if not is_number(value):
        return "–"
    if abs(value) < 1000:
        return f"{round(value)} B"
    if abs(value) < 1_000_000:
        return f"{value / 1000:.0f} kB"
    return f"{value / 1_000_000:.1f} MB"


def fmt_bytes(value: Any) -> str:
    """``_fmt_bytes`` written the current report language's way (decimal comma in German)."""
    return localise_number(_fmt_bytes(value))


def _fmt_duration(seconds: Any) -> str:
    if not is_number(seconds) or seconds < 0:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def fmt_duration(value: Any) -> str:
    """``_fmt_duration`` written the current report language's way (decimal comma in German)."""
    return localise_number(_fmt_duration(value))


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


_MONTHS_DE = (
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
)


def fmt_datetime(value: Any) -> str:
    parsed = parse_time(value)
    if parsed is None:
        return clip(value, MAX_SHORT) or "–"
    if current() == "de":
        text = f"{parsed.day}. {_MONTHS_DE[parsed.month - 1]} {parsed:%Y, %H:%M}"
    else:
        text = f"{parsed.day} {parsed:%b %Y, %H:%M}"
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset()
        if offset is not None and not offset:
            text += " UTC"
        elif offset is not None:
            minutes = round(offset.total_seconds() / 60)
            sign = "+" if minutes >= 0 else "−"
            hours, mins = divmod(abs(minutes), 60)
            text += f" UTC{sign}{hours:02d}:{mins:02d}"
    return text


def plural(count: int, word: str, words: str | None = None) -> str:
    """``count`` and the noun, translated as a whole ("3 pages" → "3 Seiten")."""
    other = words or word + "s"
    return t("{n} " + (word if count == 1 else other), n=localise_number(f"{count:,}"))


def score_value(value: Any) -> int | None:
    """A displayable 0–100 integer score, or None when not measured."""
    if not is_number(value):
        return None
    return round(min(max(value, 0), 100))


def band(score: int | None) -> str:
    """Score band as in Lighthouse: ≥90 good (green), 50–89 average (orange), <50 poor (red)."""
    if score is None:
        return "na"
    if score >= 90:
        return "good"
    if score >= 50:
        return "average"
    return "poor"


BAND_LABELS = Labels(
    {
        "good": "Good",
        "average": "Needs improvement",
        "poor": "Poor",
        "na": "Not measured",
    }
)


def ring(score: int | None, radius: float, stroke: float) -> dict[str, Any]:
    """Geometry of an SVG ring gauge."""
    size = 2 * (radius + stroke)
    circumference = 2 * math.pi * radius
    filled = circumference * (score or 0) / 100
    return {
        "size": round(size, 2),
        "c": round(size / 2, 2),
        "r": radius,
        "stroke": stroke,
        "circumference": round(circumference, 2),
        "dash": f"{filled:.2f} {circumference:.2f}",
    }


# Metric rating bands for the pages table (good ≤ first, poor > second): the defaults of
# performance.web-vitals, so the table and the findings agree. LCP, FCP, CLS, TTFB, INP:
# web.dev's thresholds; TBT: Lighthouse's mobile control points (web.dev has no TBT band).
METRIC_BANDS = {
    "lcp_ms": (2500, 4000),
    "fcp_ms": (1800, 3000),
    "cls": (0.1, 0.25),
    "ttfb_ms": (800, 1800),
    "tbt_ms": (200, 600),
    "inp_ms": (200, 500),
}


def rate(metric: str, value: Any, profile: str = "desktop") -> str:
    if not is_number(value):
        return "na"
    if metric not in METRIC_BANDS:
        return "none"
    good, poor = METRIC_BANDS[metric]
    if value <= good:
        return "good"
    if value <= poor:
        return "average"
    return "poor"


IMAGE_DATA_URI = re.compile(r"^data:image/(jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$")
MAX_IMAGE_URI = 400_000


def image_uri(value: Any) -> str | None:
    """``value`` if it is a JPEG or PNG data URI of sane size, else None."""
    if isinstance(value, str) and len(value) < MAX_IMAGE_URI and IMAGE_DATA_URI.match(value):
        return value
    return None


def page_failed(page: Any) -> bool:
    """Whether a page record is a failure: an error, no status, or a 4xx/5xx status."""
    status = int_or_none(page.get("status"))
    return page.get("error") is not None or status is None or status >= 400


def coverage_rows(results: Any, category: str | None = None) -> list[dict[str, Any]]:
    """Per check that judges pages (results.json's ``checks[].coverage``): how many of
    the rendered pages it judged, its sample per template, and the templates where it
    left pages out ("3 of 25 pages of /tests/*"). A sample is honest only when said."""
    rows = []
    for check in as_list(as_dict(results).get("checks")):
        check = as_dict(check)
        cov = as_dict(check.get("coverage"))
        if not cov or (category and check.get("category") != category):
            continue
        judged, rendered = (
            int_or_none(cov.get("pages_judged")),
            int_or_none(cov.get("pages_rendered")),
        )
        if judged is None or rendered is None:
            continue
        short = []
        for entry in as_list(cov.get("templates")):
            entry = as_dict(entry)
            j, r = int_or_none(entry.get("judged")), int_or_none(entry.get("rendered"))
            if j is not None and r is not None and j < r:
                short.append(
                    t(
                        "{judged} of {rendered} pages of {template}",
                        judged=fmt_int(j),
                        rendered=fmt_int(r),
                        template=clip(entry.get("template"), 80),
                    )
                )
        limit = int_or_none(cov.get("per_template"))
        rows.append(
            {
                "id": clip(check.get("id"), 80),
                "title": clip(check_title(check), MAX_TITLE),
                "judged": fmt_int(judged),
                "rendered": fmt_int(rendered),
                "sample": t("every page")
                if limit == 0
                else (t("{n} per template", n=fmt_int(limit)) if limit else t("as gathered")),
                "left_out": "; ".join(short[:4])
                + ("; " + t("{n} more", n=len(short) - 4) if len(short) > 4 else ""),
                "sentence": t(
                    "{check} judged {judged} of {rendered} rendered pages",
                    check=clip(check.get("id"), 80),
                    judged=fmt_int(judged),
                    rendered=fmt_int(rendered),
                )
                + (f" ({'; '.join(short[:3])})" if short else t(", all of them")),
            }
        )
    return rows
