"""URLs as a shop produces them, made comparable: normalisation, scope and templates.

Why this matters for shops: the same product page is reachable as ``/p/1``,
``/p/1?utm_source=mail``, ``/p/1#reviews`` and ``/p/1;jsessionid=…``; without
normalisation the crawler audits it four times. And a shop has thousands of pages
built from a handful of templates, so URLs are grouped by pattern and only a sample
of each pattern is rendered.
"""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from .config import DEFAULT_FACET_PARAMETERS

__all__ = [
    "NON_HTML_EXTENSIONS",
    "Scope",
    "TemplateGrouper",
    "UrlNormalizer",
    "looks_like_html",
    "url_key",
]

NON_HTML_EXTENSIONS = frozenset(
    """pdf jpg jpeg png gif webp avif svg ico bmp tif tiff heic zip gz tgz bz2 xz rar 7z
    mp3 mp4 m4a m4v webm mov avi wav ogg flac doc docx xls xlsx ppt pptx odt ods csv txt
    xml json js mjs css map woff woff2 ttf otf eot exe dmg apk msi rss atom ics vcf epub""".split()
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.I)
_SECTION_WORDS = frozenset(
    """product products produkt produkte p item items artikel category categories kategorie
    kategorien c collections collection shop store catalog katalog catalogue en de fr it es
    nl at ch us uk pages page blog news magazin brand brands marke marken""".split()
)
_COLLAPSE_AFTER = 12


def url_key(url: str) -> str:
    """Path and query only: stable across hosts and ports, for fingerprints and display."""
    try:
        parts = urlsplit(url)
    except ValueError:  # unreadable (e.g. a broken IPv6 host): the text itself is its key
        return url
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def looks_like_html(url: str) -> bool:
    """Whether a link is worth rendering, judged by its file extension alone."""
    path = urlsplit(url).path.lower()
    last = path.rsplit("/", 1)[-1]
    if "." not in last:
        return True
    return last.rsplit(".", 1)[-1] not in NON_HTML_EXTENSIONS


#: query parameters that number the pages of a listing: each page has other products
PAGE_PARAMETERS = frozenset(
    {"page", "p", "pg", "seite", "pagenum", "page_number", "offset", "start"}
)
#: the default facet parameters (sort, filter, view), in lower case
FACET_NAMES = frozenset(n.lower() for n in DEFAULT_FACET_PARAMETERS)


def bare_parameter(name: str) -> str:
    """``filter[color]`` and ``f.size`` are filters too: the name before the bracket or dot."""
    return name.lower().split("[", 1)[0].split(".", 1)[0]


#: those that count pages (1, 2, 3), not products skipped (offset, start)
PAGE_NUMBER_PARAMETERS = PAGE_PARAMETERS - {"offset", "start"}
#: the value of each that means the first page, the listing itself
_FIRST_PAGE = {"offset": "0", "start": "0"}


def _first_page(name: str, value: str) -> bool:
    """``page=1`` (or ``offset=0``): the listing without the parameter, which a pager's
    "Previous" and "1" links often spell out; one address, one page."""
    name = name.lower()
    return name in PAGE_PARAMETERS and value.strip() == _FIRST_PAGE.get(name, "1")


class UrlNormalizer:
    """One URL per page: drop fragments, default ports, tracking and session ids, and
    the page number of a listing's first page."""

    def __init__(self, tracking_parameters: Iterable[str], session_parameters: Iterable[str]):
        patterns = [p.lower() for p in [*tracking_parameters, *session_parameters]]
        self._exact = {p for p in patterns if not any(ch in p for ch in "*?[")}
        self._globs = [p for p in patterns if p not in self._exact]

    def _drop(self, name: str) -> bool:
        name = name.lower()
        return name in self._exact or any(fnmatch.fnmatchcase(name, g) for g in self._globs)

    def normalize(self, url: str, base: str | None = None) -> str | None:
        """The canonical form of ``url`` (resolved against ``base``), or None if not http(s)."""
        url = url.strip()
        if base:
            try:
                url = urljoin(base, url)
            except ValueError:
                return None
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            return None
        host = parts.hostname.lower().rstrip(".")
        if ":" in host:  # IPv6 literal
            host = f"[{host}]"
        netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
        path = _SESSION_IN_PATH.sub("", parts.path) or "/"
        query = urlencode(
            [
                (k, v)
                for k, v in parse_qsl(parts.query, keep_blank_values=True)
                if not self._drop(k) and not _first_page(k, v)
            ]
        )
        return canonicalize_url(urlunsplit((scheme, netloc, path, query, "")))


def _site_of(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


class Scope:
    """Which URLs belong to the audit: the shop's own site, filtered by patterns."""

    def __init__(
        self,
        start_urls: Iterable[str],
        allow_subdomains: bool = False,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
    ):
        self._sites = {_site_of(urlsplit(u).hostname or "") for u in start_urls}
        self._allow_subdomains = allow_subdomains
        self._include = [re.compile(p) for p in include]
        self._exclude = [re.compile(p) for p in exclude]

    def same_site(self, url: str) -> bool:
        host = _site_of((urlsplit(url).hostname or "").lower())
        if host in self._sites:
            return True
        return self._allow_subdomains and any(host.endswith("." + s) for s in self._sites)

    def allows(self, url: str) -> bool:
        """Same site, matches an include pattern (if any), and no exclude pattern."""
        if not self.same_site(url):
            return False
        if self._include and not any(p.search(url) for p in self._include):
            return False
        return not any(p.search(url) for p in self._exclude)


def _variable_segment(segment: str) -> bool:
    """Whether a path segment looks like an id or a slug rather than a fixed section name."""
    s = unquote(segment).lower()
    if s in _SECTION_WORDS:
        return False
    stem = s.rsplit(".", 1)[0] if "." in s else s
    return bool(re.search(r"\d", stem)) or len(stem) > 24 or bool(re.search(r"[-_+ ]", stem))


class TemplateGrouper:
    """Groups URLs into templates by their pattern, e.g. ``/product/*`` or ``/c/*?page=*``.

    Two rules: a segment that looks like a slug or an id is a wildcard; and where more
    than a dozen different fixed names follow the same prefix (``/outdoor/jackets``,
    ``/outdoor/shoes``, ...), later ones are wildcards too. The first segment is never
    collapsed by count, so that ``/cart`` and ``/login`` stay templates of their own.
    A sorted or filtered view of a listing (``?sort=``, ``?color=``: ``facet_parameters``)
    has the listing's template: the same page, other products.
    """

    def __init__(self, facet_parameters: Iterable[str] | None = None) -> None:
        self._children: dict[str, set[str]] = defaultdict(set)
        self._facets = (
            FACET_NAMES
            if facet_parameters is None
            else frozenset(p.lower() for p in facet_parameters)
        )

    def template_of(self, url: str) -> str:
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        out: list[str] = []
        for i, seg in enumerate(segments):
            prefix = "/" + "/".join(out)
            ext = ""
            if "." in seg and not seg.startswith("."):
                ext = "." + seg.rsplit(".", 1)[1].lower()
                if not re.fullmatch(r"\.[a-z0-9]{1,5}", ext):
                    ext = ""
            if _variable_segment(seg):
                out.append("*" + ext)
                continue
            literal = seg.lower()
            if i > 0:
                seen = self._children[prefix]
                if literal not in seen and len(seen) >= _COLLAPSE_AFTER:
                    out.append("*" + ext)
                    continue
                seen.add(literal)
            out.append(literal)
        path = "/" + "/".join(out)
        if parts.path.endswith("/") and segments:
            path += "/"
        query = parse_qsl(parts.query, keep_blank_values=True)
        keys = sorted({k for k, _ in query if bare_parameter(k) not in self._facets})
        return path + ("?" + "&".join(f"{k}=*" for k in keys) if keys else "")
