"""Constants, request/response and form-field types of the demo shop (no HTML pages here)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, unquote, urlsplit

from .catalog import (
    Product,
)

SHOP_NAME = "Nordwind Outfitters"
LOGIN_EMAIL = "demo@example.com"
LOGIN_PASSWORD = "demo-password"
CUSTOMER_NAME = "Demo Customer"
SEARCH_PER_PAGE = 24
#: at most this many entries in an answer of /search/suggest
SUGGEST_LIMIT = 8
LASTMOD = "2024-05-01"

# Deliberate server delays in seconds (multiplied by delay_scale).
DELAY_SLOW_PAGE = 1.5
DELAY_HERO = 2.5
DELAY_SEARCH = 2.0

#: The synchronous third-party-like script of the "blocking-script" defect.
RECOMMENDATIONS_JS_PATH = "/static/js/recommendations.js"

#: where breadcrumbs link "Home": an old address that redirects (301) to "/", as a shop
#: whose start page moved does; the audit must resolve it to the home page
HOME_LINK = "/index.html"

INFO_PAGES = ("/contact", "/shipping", "/returns", "/imprint", "/privacy", "/about", "/newsletter")


# --------------------------------------------------------------------------- request/response
@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    def __post_init__(self) -> None:
        target = self.target or "/"
        if target.startswith("/"):
            raw_path, _, query = target.partition("?")
            raw_path = raw_path.split("#", 1)[0]
            query = query.split("#", 1)[0]
        else:  # absolute-form request target
            parts = urlsplit(target)
            raw_path, query = parts.path or "/", parts.query
        self.path = unquote(raw_path, errors="replace") or "/"
        self.query = _parse_qs(query)
        self.cookies = _parse_cookies(self.headers.get("cookie", ""))
        self._form: dict[str, list[str]] | None = None

    @property
    def form(self) -> dict[str, list[str]]:
        if self._form is None:
            ctype = self.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype in ("", "application/x-www-form-urlencoded"):
                self._form = _parse_qs(self.body.decode("utf-8", errors="replace"))
            else:
                self._form = {}
        return self._form

    def arg(self, name: str, default: str = "") -> str:
        values = self.query.get(name)
        return values[0] if values else default

    def field(self, name: str, default: str = "") -> str:
        values = self.form.get(name)
        return values[0].strip() if values else default


def _parse_qs(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="replace", max_num_fields=200)
    except ValueError:
        return {}


def _parse_cookies(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in header.split(";"):
        name, sep, value = part.partition("=")
        name = name.strip()
        if sep and name and name not in out:
            out[name] = value.strip().strip('"')
    return out


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    delay: float = 0.0  # seconds to wait before answering


def _html(body: str, status: int = 200, **kw) -> Response:
    return Response(status=status, body=body.encode("utf-8"), **kw)


def _redirect(location: str, status: int = 302, headers: list | None = None) -> Response:
    loc = escape(location)
    body = f'<!doctype html><html lang="en"><title>Redirect</title><a href="{loc}">{loc}</a></html>'
    resp = _html(body, status)
    resp.headers.append(("Location", location))
    resp.headers.extend(headers or [])
    return resp


COUNTRIES = (
    ("", "Please choose"),
    ("NO", "Norway"),
    ("SE", "Sweden"),
    ("DK", "Denmark"),
    ("FI", "Finland"),
    ("DE", "Germany"),
    ("AT", "Austria"),
    ("CH", "Switzerland"),
    ("NL", "Netherlands"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
)
ORDERS = (
    ("NW-2024-0117", "12 Jan 2024", "Delivered", 24800),
    ("NW-2024-0342", "3 Mar 2024", "Delivered", 8900),
    ("NW-2024-0588", "21 Apr 2024", "Shipped", 41795),
)


@dataclass
class Ctx:
    """Per-request state that affects the page chrome."""

    req: Request
    cart: list[tuple[Product, int]]
    consent: bool
    logged_in: bool

    @property
    def cart_count(self) -> int:
        return sum(q for _, q in self.cart)


@dataclass
class Field:
    """One form control, rendered by ShopApp.field()."""

    id: str
    label: str
    name: str = ""
    type: str = "text"
    autocomplete: str | None = None
    required: bool = False
    mark: bool = True  # mark required fields (visible * and the required attribute)
    optional_note: bool = False
    value: str = ""
    error: str | None = None
    placeholder: str | None = None
    show_label: bool = True
    hint: str | None = None
    attrs: str = ""
    options: tuple[tuple[str, str], ...] | None = None  # <select>
    textarea: bool = False
    spoken: str = ""  # "your email address", used in error messages
    reveal: bool = False  # a "Show password" toggle after a password field
    alert: bool = True  # its error announced by role=alert; else the field takes the focus

    def __post_init__(self) -> None:
        self.name = self.name or self.id


def _jsonld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
