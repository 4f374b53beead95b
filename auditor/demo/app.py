"""Request handling and HTML rendering of the demo shop (no HTTP server code here).

``ShopApp.handle(Request) -> Response`` is a pure function of the request, the mode and the
product count (plus the in-memory login sessions), so pages are deterministic.
"""

from __future__ import annotations

import gzip
import json
import math
import secrets
import threading
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from . import assets
from .catalog import (
    CATEGORIES,
    CATEGORY_BY_SLUG,
    DISCONTINUED_PRODUCT_SLUG,
    SORTS,
    Catalog,
    Product,
    format_price,
    paginate,
    sort_products,
)
from .defects import DEFECTS
from .resources import (
    _AUTOCOMPLETE_JS,
    _BASE_CSS,
    _CONSENT_JS,
    _CSS_FOCUS_CLEAN,
    _CSS_FOCUS_DEFECT,
    _CSS_FOOTER_CLEAN,
    _CSS_FOOTER_DEFECT,
    _CSS_SUGGEST,
    _LAYOUT_SHIFT_JS,
    _LOGO_MARK,
    _REGISTER_DEFECT_JS,
    _REVEAL_JS,
    _SEARCH_ICON,
    _SIZE_ADVISOR_JS,
    _SIZE_ADVISOR_SLICED_JS,
    _TRAP_JS,
    _VALIDATE_JS,
    RECOMMENDATIONS_JS,
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


# --------------------------------------------------------------------------- the application
class ShopApp:
    def __init__(
        self,
        mode: str,
        products: int,
        delay_scale: float,
        defects: frozenset[str] | None = None,
    ) -> None:
        self.mode = mode
        self.catalog = Catalog(products)
        self.delay_scale = delay_scale
        if defects is None:
            defects = frozenset(DEFECTS) if mode == "defects" else frozenset()
        self.active = defects
        self.base_url = "http://127.0.0.1/"
        self.sessions: set[str] = set()
        self._lock = threading.Lock()
        css = _BASE_CSS.strip().replace("\n", "")
        css += _CSS_FOOTER_DEFECT if self.d("low-contrast") else _CSS_FOOTER_CLEAN
        css += _CSS_FOCUS_DEFECT if self.d("focus-removed") else _CSS_FOCUS_CLEAN
        if not self.d("no-autocomplete"):
            css += _CSS_SUGGEST
        self.css = css
        self._static_cache: dict[str, Response] = {}
        self.routes = {
            "/": self.page_home,
            "/search": self.page_search,
            "/search/suggest": self.search_suggest,
            "/cart": self.page_cart,
            "/cart/add": self.action_cart_add,
            "/cart/remove": self.action_cart_remove,
            "/checkout": self.page_checkout,
            "/login": self.page_login,
            "/logout": self.action_logout,
            "/register": self.page_register,
            "/account": self.page_account,
            "/contact": self.page_contact,
            "/newsletter": self.page_newsletter,
            "/shipping": self.page_shipping,
            "/returns": self.page_returns,
            "/imprint": self.page_imprint,
            "/privacy": self.page_privacy,
            "/about": self.page_about,
            "/private/staff": self.page_staff,
            "/collections/expedition": self.page_collection,
            "/collections/expedition/arctic": self.page_collection,
            "/collections/expedition/arctic/limited": self.page_collection,
            "/robots.txt": self.robots,
            "/sitemap.xml": self.sitemap_index,
            "/sitemap-pages.xml": self.sitemap_pages,
            "/sitemap-products.xml.gz": self.sitemap_products,
            "/sale": lambda ctx: _redirect("/promo", 301),
            "/promo": lambda ctx: _redirect("/promo/winter", 302),
            "/promo/winter": lambda ctx: _redirect("/category/sale", 301),
        }

    def d(self, defect_id: str) -> bool:
        """Is this deliberate defect active?"""
        return defect_id in self.active

    def delay(self, seconds: float) -> float:
        return max(0.0, seconds * self.delay_scale)

    def abs_url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    # ------------------------------------------------------------------ dispatch
    def handle(self, req: Request) -> Response:
        method = "GET" if req.method == "HEAD" else req.method
        if method not in ("GET", "POST"):
            resp = Response(405, b"Method not allowed\n", "text/plain; charset=utf-8")
            resp.headers.append(("Allow", "GET, HEAD, POST"))
            return resp
        ctx = self.context(req)
        path = req.path
        handler = self.routes.get(path)
        if handler is not None:
            return handler(ctx)
        if path.startswith("/category/"):
            return self.page_category(ctx, path[len("/category/") :])
        if path.startswith("/product/"):
            return self.page_product(ctx, path[len("/product/") :])
        if path.startswith("/static/") or path in ("/favicon.ico", "/favicon.svg"):
            return self.static(ctx, path)
        if path == "/files/size-guide.pdf":
            return Response(
                200,
                assets.size_guide_pdf(),
                "application/pdf",
                [("Cache-Control", "public, max-age=3600")],
            )
        if path.startswith(("/files/", "/downloads/")):
            return self.not_found(ctx, real=True)
        return self.not_found(ctx)

    def context(self, req: Request) -> Ctx:
        cart = self.parse_cart(req.cookies.get("cart", ""))
        with self._lock:
            logged_in = req.cookies.get("session", "") in self.sessions
        return Ctx(req, cart, "consent" in req.cookies, logged_in)

    def parse_cart(self, value: str) -> list[tuple[Product, int]]:
        out: dict[str, int] = {}
        for item in unquote(value).split("|"):
            slug, _, qty = item.partition(":")
            product = self.catalog.by_slug.get(slug)
            if product is None:
                continue
            try:
                n = int(qty)
            except ValueError:
                continue
            if n > 0:
                out[slug] = min(99, out.get(slug, 0) + n)
        return [(self.catalog.by_slug[s], q) for s, q in out.items()]

    @staticmethod
    def cart_cookie(items: list[tuple[Product, int]]) -> str:
        value = "|".join(f"{p.slug}:{q}" for p, q in items)
        return f"cart={quote(value, safe='')}; Path=/; SameSite=Lax"

    # ------------------------------------------------------------------ layout
    def page(
        self,
        ctx: Ctx,
        *,
        title: str,
        main: str,
        status: int = 200,
        description: str = "",
        head: str = "",
        lang: bool = True,
        zoom_disabled: bool = False,
        nav: bool = True,
        chrome: bool = True,
        search_value: str = "",
        scripts: str = "",
        current: str = "",
        delay: float = 0.0,
        headers: list[tuple[str, str]] | None = None,
    ) -> Response:
        viewport = "width=device-width, initial-scale=1"
        if zoom_disabled:
            viewport += ", maximum-scale=1, user-scalable=no"
        desc = description or f"{SHOP_NAME}: outdoor clothing and gear for the far north."
        parts = [
            "<!doctype html>\n",
            '<html lang="en">' if lang else "<html>",
            '<head><meta charset="utf-8">',
            f'<meta name="viewport" content="{viewport}">',
            f"<title>{escape(title)}</title>",
            f'<meta name="description" content="{escape(desc)}">',
            '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
            f"<style>{self.css}</style>",
            head,
            "</head><body>",
        ]
        if chrome:
            parts.append('<a class="skip" href="#main">Skip to main content</a>')
            parts.append(self.header(ctx, nav=nav, search_value=search_value, current=current))
        parts.append(f'<main id="main">{main}</main>')
        if chrome:
            parts.append(self.footer())
            if not self.d("no-autocomplete"):
                parts.append(f"<script>{_AUTOCOMPLETE_JS}</script>")
        if not ctx.consent:
            parts.append(
                '<div id="cookie-banner" role="dialog" aria-label="Cookie consent">'
                "<p>We use cookies to keep your cart and, with your consent, to improve the "
                'shop. See our <a href="/privacy">privacy policy</a>.</p>'
                '<button type="button" data-consent="all">Accept all</button>'
                '<button type="button" data-consent="necessary">Only necessary</button></div>'
                f"<script>{_CONSENT_JS}</script>"
            )
        if scripts:
            parts.append(f"<script>{scripts}</script>")
        parts.append("</body></html>\n")
        resp = _html("".join(parts), status)
        resp.headers.append(("Cache-Control", "no-cache"))
        resp.headers.extend(headers or [])
        resp.delay = delay
        return resp

    def search_form(self, value: str) -> str:
        v = escape(value)
        if self.d("search-no-label"):
            form_open = '<form class="search" action="/search" method="get">'
            field = f'<input type="search" name="q" placeholder="Search products…" value="{v}">'
        else:
            form_open = '<form class="search" role="search" action="/search" method="get">'
            field = (
                '<input type="search" id="site-search" name="q" aria-label="Search products" '
                f'placeholder="Search products…" value="{v}">'
            )
        if not self.d("no-autocomplete"):
            # an ARIA 1.2 combobox; the list stays empty and hidden until the customer types
            field = field[:-1] + (
                ' role="combobox" aria-autocomplete="list" aria-expanded="false" '
                'aria-controls="site-search-list" autocomplete="off">'
                '<ul id="site-search-list" class="suggest" role="listbox" '
                'aria-label="Search suggestions" hidden></ul>'
            )
        if self.d("icon-only-submit"):
            button = f'<button type="submit">{_SEARCH_ICON}</button>'
        else:
            button = '<button type="submit">Search</button>'
        return f"{form_open}{field}{button}</form>"

    def main_nav(self, current: str = "") -> str:
        items = []
        for c in CATEGORIES:
            href = f"/category/{c.slug}"
            if c.slug == "sale" and self.d("redirect-chain"):
                href = "/sale"
            cur = ' aria-current="page"' if c.slug == current else ""
            items.append(f'<li><a href="{href}"{cur}>{c.name}</a></li>')
        return f'<nav class="main" aria-label="Main"><ul>{"".join(items)}</ul></nav>'

    def header(self, ctx: Ctx, *, nav: bool, search_value: str, current: str) -> str:
        account = (
            '<a href="/account">My account</a>' if ctx.logged_in else '<a href="/login">Sign in</a>'
        )
        return (
            '<header class="site">'
            f'<a class="logo" href="/">{_LOGO_MARK}{SHOP_NAME}</a>'
            f"{self.search_form(search_value)}"
            f"{self.main_nav(current) if nav else ''}"
            f'<div class="header-links">{account}'
            f'<a href="/cart">Cart ({ctx.cart_count})</a></div>'
            "</header>"
        )

    def footer(self) -> str:
        company = [
            ("/about", "About us"),
            ("/newsletter", "Newsletter"),
            ("/private/staff", "Staff area"),
        ]
        if self.d("broken-link"):
            company.append(("/downloads/catalog-2019.pdf", "Catalogue 2019 (PDF)"))
        cols = [
            (
                "Customer service",
                [("/contact", "Contact us"), ("/shipping", "Shipping"), ("/returns", "Returns")],
            ),
            ("Company", company),
            ("Your account", [("/login", "Sign in"), ("/register", "Create an account")]),
            ("Legal", [("/imprint", "Imprint"), ("/privacy", "Privacy policy")]),
        ]
        html_cols = "".join(
            f"<section><h2>{title}</h2><ul>"
            + "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
            + "</ul></section>"
            for title, links in cols
        )
        return (
            '<footer class="site"><nav aria-label="Footer"><div class="cols">'
            f"{html_cols}</div></nav>"
            f"<p>© 2024 {SHOP_NAME} AS · Bergen, Norway · This is a demo shop: "
            "nothing here can be bought.</p></footer>"
        )

    @staticmethod
    def breadcrumb(items: list[tuple[str, str | None]]) -> str:
        lis = []
        for label, href in items:
            if href is None:
                lis.append(f'<li><span aria-current="page">{escape(label)}</span></li>')
            else:
                lis.append(f'<li><a href="{href}">{escape(label)}</a></li>')
        return f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{"".join(lis)}</ol></nav>'

    def breadcrumb_jsonld(self, items: list[tuple[str, str | None]], here: str) -> str:
        data = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": i + 1,
                    "name": label,
                    "item": self.abs_url(href or here),
                }
                for i, (label, href) in enumerate(items)
            ],
        }
        return _jsonld(data)

    def price_html(self, p: Product) -> str:
        if p.old_price:
            return (
                f'<span class="old">Was {format_price(p.old_price)}</span>'
                f'<span class="sale-price">Now {p.price_text}</span>'
            )
        return p.price_text

    def card(self, p: Product, heading: str = "h3") -> str:
        alt = "" if self.d("img-no-alt") else f' alt="{escape(p.name)}"'
        return (
            f'<li class="card"><img src="{p.image_url}"{alt} width="300" height="225" '
            f'loading="lazy"><{heading}><a href="{p.url}">{escape(p.name)}</a></{heading}>'
            f'<p class="price">{self.price_html(p)}</p></li>'
        )

    def grid(self, products: list[Product], heading: str = "h3") -> str:
        return '<ul class="grid">' + "".join(self.card(p, heading) for p in products) + "</ul>"

    @staticmethod
    def pagination(base: str, page: int, pages: int, params: dict[str, str]) -> tuple[str, str]:
        """(nav html, <link rel> tags for the head)."""
        if pages <= 1:
            return "", ""

        def href(n: int) -> str:
            q = {k: v for k, v in params.items() if v}
            if n > 1:
                q["page"] = str(n)
            return escape(base + ("?" + urlencode(q) if q else ""))

        items = []
        links = []
        if page > 1:
            items.append(f'<li><a href="{href(page - 1)}" rel="prev">Previous</a></li>')
            links.append(f'<link rel="prev" href="{href(page - 1)}">')
        for n in range(1, pages + 1):
            if n == page:
                items.append(f'<li><span aria-current="page">{n}</span></li>')
            else:
                items.append(f'<li><a href="{href(n)}" aria-label="Page {n}">{n}</a></li>')
        if page < pages:
            items.append(f'<li><a href="{href(page + 1)}" rel="next">Next</a></li>')
            links.append(f'<link rel="next" href="{href(page + 1)}">')
        nav = f'<nav class="pagination" aria-label="Pagination"><ul>{"".join(items)}</ul></nav>'
        return nav, "".join(links)

    @staticmethod
    def page_number(ctx: Ctx) -> int:
        try:
            n = int(ctx.req.arg("page", "1"))
        except ValueError:
            return 1
        return n

    # ------------------------------------------------------------------ forms
    def field(self, f: Field) -> str:
        need = f.required and f.mark
        star = ' <span class="req" aria-hidden="true">*</span>' if need else ""
        opt = ' <span class="hint">(optional)</span>' if f.optional_note else ""
        attrs = [f'id="{f.id}"', f'name="{f.name}"']
        if not f.textarea and f.options is None:
            attrs.append(f'type="{f.type}"')
        if f.autocomplete:
            attrs.append(f'autocomplete="{f.autocomplete}"')
        if need:
            attrs.append("required")
        if f.placeholder:
            attrs.append(f'placeholder="{escape(f.placeholder)}"')
        if f.spoken:
            attrs.append(f'data-label="{escape(f.spoken)}"')
        described = []
        if f.hint:
            described.append(f"{f.id}-hint")
        if f.error:
            described.append(f"{f.id}-error")
            attrs.append('aria-invalid="true"')
            if not f.alert:
                attrs.append("autofocus")  # read out with its error, as on the client
        if described:
            attrs.append(f'aria-describedby="{" ".join(described)}"')
        if f.attrs:
            attrs.append(f.attrs)
        a = " ".join(attrs)
        if f.textarea:
            control = f"<textarea {a}>{escape(f.value)}</textarea>"
        elif f.options is not None:
            opts = "".join(
                f'<option value="{escape(v)}"{" selected" if v == f.value else ""}>'
                f"{escape(t)}</option>"
                for v, t in f.options
            )
            control = f"<select {a}>{opts}</select>"
        else:
            control = f'<input {a} value="{escape(f.value)}">'
        label = f'<label for="{f.id}">{escape(f.label)}{star}{opt}</label>' if f.show_label else ""
        hint = f'<p class="hint" id="{f.id}-hint">{escape(f.hint)}</p>' if f.hint else ""
        role = ' role="alert"' if f.alert else ""
        error = f'<p class="error" id="{f.id}-error"{role}>{escape(f.error)}</p>' if f.error else ""
        reveal = (
            f'<button type="button" class="reveal" aria-controls="{f.id}" '
            'aria-pressed="false">Show password</button>'
            if f.reveal
            else ""
        )
        return f"<div>{label}{hint}{control}{error}{reveal}</div>"

    @staticmethod
    def required_note() -> str:
        return (
            '<p class="hint">Fields marked <span aria-hidden="true">*</span>'
            '<span class="visually-hidden">with an asterisk</span> are required.</p>'
        )

    @staticmethod
    def email_ok(value: str) -> bool:
        local, at, domain = value.partition("@")
        return bool(at and local and "." in domain and " " not in value)

    # ------------------------------------------------------------------ pages
    def page_home(self, ctx: Ctx) -> Response:
        featured = list(self.catalog.generated[:8])
        tiles = "".join(f'<li><a href="/category/{c.slug}">{c.name}</a></li>' for c in CATEGORIES)
        if self.d("vague-links"):
            ship_link = '<a href="/shipping">Read more</a>'
            contact_link = 'Questions about sizing or gear? <a href="/contact">click here</a>'
        else:
            ship_link = '<a href="/shipping">Read about shipping and delivery times</a>'
            contact_link = (
                'Questions about sizing or gear? <a href="/contact">Contact our outdoor experts</a>'
            )
        back_soon = ""
        if self.d("broken-link"):
            back_soon = (
                "<section><h2>Last winter's favourites</h2><ul>"
                f'<li><a href="/product/{DISCONTINUED_PRODUCT_SLUG}">Heritage Down Parka</a> '
                "– our bestseller from last season</li></ul></section>"
            )
        main = (
            '<section class="hero">'
            '<img src="/static/img/hero.png" width="1200" height="480" fetchpriority="high" '
            'alt="A hiker on a mountain ridge above the fjord at sunrise">'
            '<div class="hero-text"><h1>Gear for the wild north</h1>'
            "<p>Jackets, shoes, backpacks and tents tested on Norwegian trails.</p>"
            '<a class="btn" href="/category/jackets">Shop jackets</a></div></section>'
            f'<section><h2>Shop by category</h2><ul class="tiles">{tiles}</ul></section>'
            f"<section><h2>Featured products</h2>{self.grid(featured)}</section>"
            '<section><h2>Why shop with us</h2><div class="info">'
            "<div><h3>Free shipping from €50</h3><p>Orders over €50 ship free within the "
            f"Nordic countries. {ship_link}</p></div>"
            f"<div><h3>Expert advice</h3><p>{contact_link}</p></div>"
            "<div><h3>30-day returns</h3><p>Changed your mind? "
            '<a href="/returns">See how returns work</a></p></div>'
            f"</div></section>{back_soon}"
        )
        return self.page(
            ctx,
            title=f"{SHOP_NAME} – outdoor clothing and gear",
            main=main,
            head='<link rel="preload" as="image" href="/static/img/hero.png">',
        )

    def category_listing(self, slug: str) -> list[Product]:
        items = list(self.catalog.by_category.get(slug, ()))
        if slug == "tents" and not self.d("deep-product"):
            items.insert(0, self.catalog.deep)
        if slug == "sale" and not self.d("orphan-page"):
            items.insert(0, self.catalog.orphan)
        return items

    def page_category(self, ctx: Ctx, slug: str) -> Response:
        cat = CATEGORY_BY_SLUG.get(slug)
        if cat is None:
            return self.not_found(ctx)
        delay = self.delay(DELAY_SLOW_PAGE) if slug == "sale" and self.d("slow-page") else 0.0
        sort = ctx.req.arg("sort", "relevance")
        if sort not in SORTS:
            sort = "relevance"
        items = sort_products(self.category_listing(slug), sort)
        page = self.page_number(ctx)
        shown, pages = paginate(items, max(page, 1))
        teaser_page = 2 if self.d("deep-product") else 1
        if slug == "tents":
            pages = max(pages, teaser_page)
        if page < 1 or page > pages:
            return self.not_found(ctx, delay=delay)
        crumbs = [("Home", "/"), (cat.name, None)]
        parts = []
        scripts = ""
        if slug == "jackets":
            if self.d("layout-shift"):
                scripts = _LAYOUT_SHIFT_JS
            else:
                parts.append(
                    '<div class="promo"><strong>Winter sale</strong> 20% off all down jackets '
                    "with the code WARM20</div>"
                )
        if slug == "backpacks":
            scripts = _SIZE_ADVISOR_JS if self.d("paint-task") else _SIZE_ADVISOR_SLICED_JS
        parts.append(self.breadcrumb(crumbs))
        title_suffix = f" – page {page}" if page > 1 else ""
        parts.append(f"<h1>{cat.name}{title_suffix}</h1><p>{cat.blurb}</p>")
        if slug == "shoes":
            src = (
                "/static/img/missing-banner.jpg"
                if self.d("broken-image")
                else "/static/img/shoes-banner.svg"
            )
            parts.append(
                f'<img class="banner" src="{src}" width="1100" height="160" '
                'alt="Trail running season: new shoes for spring">'
            )
        if slug == "tents" and page == teaser_page:
            parts.append(
                '<aside class="teaser" aria-label="Expedition collection">'
                "<h2>Heading somewhere cold?</h2><p>Four-season shelters for serious trips: "
                '<a href="/collections/expedition">explore the Expedition collection</a>.</p>'
                "</aside>"
            )
        opts = "".join(
            f'<option value="{k}"{" selected" if k == sort else ""}>'
            f"{'Featured' if k == 'relevance' else label}</option>"
            for k, label in SORTS.items()
        )
        parts.append(
            f'<form class="toolbar" method="get" action="/category/{slug}">'
            '<label for="sort">Sort by</label>'
            f'<select id="sort" name="sort">{opts}</select>'
            '<button type="submit">Apply</button>'
            f'<span class="count">{len(items)} products</span></form>'
        )
        if shown:
            parts.append(self.grid(shown, "h2"))
        else:
            parts.append("<p>More products are on their way.</p>")
        nav, links = self.pagination(
            f"/category/{slug}", page, pages, {"sort": "" if sort == "relevance" else sort}
        )
        parts.append(nav)
        head = links + self.breadcrumb_jsonld(crumbs, f"/category/{slug}")
        return self.page(
            ctx,
            title=f"{cat.name}{title_suffix} – {SHOP_NAME}",
            main="".join(parts),
            description=cat.blurb,
            head=head,
            scripts=scripts,
            current=slug,
            delay=delay,
        )

    def page_product(self, ctx: Ctx, slug: str) -> Response:
        if slug == DISCONTINUED_PRODUCT_SLUG:
            return self.not_found(ctx, real=True)
        p = self.catalog.by_slug.get(slug)
        if p is None:
            return self.not_found(ctx)
        crumbs = [("Home", "/"), (p.category.name, f"/category/{p.category.slug}"), (p.name, None)]
        show_crumbs = not (p.category.slug == "backpacks" and self.d("no-breadcrumb"))
        head = ""
        if p is self.catalog.first and self.d("blocking-script"):
            head += f'<script src="{RECOMMENDATIONS_JS_PATH}"></script>'
        product_ld = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": p.name,
            "sku": p.sku,
            "image": self.abs_url(p.image_url),
            "description": p.description,
            "brand": {"@type": "Brand", "name": SHOP_NAME},
            "offers": {
                "@type": "Offer",
                "price": f"{p.price / 100:.2f}",
                "priceCurrency": "EUR",
                "availability": "https://schema.org/InStock",
                "url": self.abs_url(p.url),
            },
        }
        head += _jsonld(product_ld)
        if show_crumbs:
            head += self.breadcrumb_jsonld(crumbs, p.url)
        related = self.catalog.related(p)
        main = (
            (self.breadcrumb(crumbs) if show_crumbs else "") + '<div class="product">'
            f'<img src="{p.image_url}" alt="{escape(p.name)}" width="600" height="450">'
            f"<div><h1>{escape(p.name)}</h1>"
            f'<p class="sku">SKU {p.sku}</p>'
            f'<p class="price">{self.price_html(p)}</p>'
            f"<p>{escape(p.description)}</p>"
            '<form class="qty-form" method="post" action="/cart/add">'
            f'<input type="hidden" name="slug" value="{p.slug}">'
            '<div><label for="qty">Quantity</label><br>'
            '<input id="qty" name="qty" type="number" inputmode="numeric" min="1" max="99" '
            'value="1"></div><button type="submit">Add to cart</button></form>'
            '<p><a href="/files/size-guide.pdf">Size guide (PDF, 1 KB)</a></p>'
            "<p>Free shipping from €50 · 30-day returns</p></div></div>"
        )
        if related:
            main += f"<section><h2>You might also like</h2>{self.grid(related)}</section>"
        return self.page(
            ctx,
            title=f"{p.name} – {SHOP_NAME}",
            main=main,
            description=p.description,
            head=head,
            current=p.category.slug,
        )

    def page_collection(self, ctx: Ctx) -> Response:
        path = ctx.req.path
        tents = ("Tents", "/category/tents")
        exped = ("Expedition collection", "/collections/expedition")
        arctic = ("Arctic series", "/collections/expedition/arctic")
        if path == "/collections/expedition":
            crumbs = [("Home", "/"), tents, (exped[0], None)]
            title = exped[0]
            body = (
                "<p>Shelter and gear for long trips beyond the last hut. The collection is "
                "organised by series.</p>"
                '<ul class="tiles"><li><a href="/collections/expedition/arctic">Arctic series</a>'
                "</li></ul>"
            )
        elif path == "/collections/expedition/arctic":
            crumbs = [("Home", "/"), tents, exped, (arctic[0], None)]
            title = arctic[0]
            body = (
                "<p>Built for polar winds and snow loads.</p>"
                '<ul class="tiles"><li><a href="/collections/expedition/arctic/limited">'
                "Limited edition</a></li></ul>"
            )
        else:
            crumbs = [("Home", "/"), tents, exped, arctic, ("Limited edition", None)]
            title = "Limited edition"
            body = "<p>Only a few pieces are made each season.</p>" + self.grid(
                [self.catalog.deep], "h2"
            )
        main = self.breadcrumb(crumbs) + f"<h1>{title}</h1>" + body
        return self.page(ctx, title=f"{title} – {SHOP_NAME}", main=main, current="tents")

    # ------------------------------------------------------------------ search
    def page_search(self, ctx: Ctx) -> Response:
        req = ctx.req
        q = req.arg("q").strip()[:200]
        delay = self.delay(DELAY_SEARCH) if self.d("slow-search") else 0.0
        sort = req.arg("sort", "relevance")
        if sort not in SORTS:
            sort = "relevance"
        cat = req.arg("category")
        if cat not in CATEGORY_BY_SLUG:
            cat = ""
        results = self.search_products(q)
        if cat:
            results = [p for p in results if p.category.slug == cat]
        results = sort_products(results, sort)
        shown_q = "" if self.d("query-hidden") else q
        if not results:
            return self.search_no_results(ctx, q, delay)
        page = max(1, self.page_number(ctx))
        pages = max(1, math.ceil(len(results) / SEARCH_PER_PAGE))
        page = min(page, pages)
        shown = results[(page - 1) * SEARCH_PER_PAGE : page * SEARCH_PER_PAGE]
        n = len(results)
        noun = "result" if n == 1 else "results"
        count = f"{n} {noun}" if self.d("query-hidden") else f"{n} {noun} for “{escape(q)}”"
        sort_opts = "".join(
            f'<option value="{k}"{" selected" if k == sort else ""}>{label}</option>'
            for k, label in SORTS.items()
        )
        cat_opts = '<option value="">All categories</option>' + "".join(
            f'<option value="{c.slug}"{" selected" if c.slug == cat else ""}>{c.name}</option>'
            for c in CATEGORIES
        )
        nav, links = self.pagination(
            "/search",
            page,
            pages,
            {"q": q, "category": cat, "sort": "" if sort == "relevance" else sort},
        )
        main = (
            "<h1>Search results</h1>"
            f'<p class="count" role="status">{count}</p>'
            '<form class="toolbar" method="get" action="/search">'
            f'<input type="hidden" name="q" value="{escape(q)}">'
            f'<label for="filter-category">Category</label>'
            f'<select id="filter-category" name="category">{cat_opts}</select>'
            '<label for="sort">Sort by</label>'
            f'<select id="sort" name="sort">{sort_opts}</select>'
            '<button type="submit">Apply</button></form>'
            f"{self.grid(shown, 'h2')}{nav}"
        )
        title = "Search results" if self.d("query-hidden") else f"Search: {q}"
        return self.page(
            ctx,
            title=f"{title} – {SHOP_NAME}",
            main=main,
            head=links + '<meta name="robots" content="noindex">',
            search_value=shown_q,
            delay=delay,
        )

    def search_products(self, q: str) -> list[Product]:
        """The products the shop's search finds for ``q`` (tolerant in the clean twin)."""
        if self.d("search-typo-intolerant"):
            return self.catalog.search_exact(q, include_orphan=not self.d("orphan-page"))
        return self.catalog.search_tolerant(q)

    def search_suggest(self, ctx: Ctx) -> Response:
        """GET /search/suggest?q=...: what the header's autocomplete lists while typing,
        as JSON: up to SUGGEST_LIMIT category and product names, found as the search finds
        them (categories first). Only where the autocomplete exists (not "no-autocomplete")."""
        if self.d("no-autocomplete"):
            return self.not_found(ctx)
        if ctx.req.method not in ("GET", "HEAD"):
            resp = Response(405, b"Use GET.\n", "text/plain; charset=utf-8")
            resp.headers.append(("Allow", "GET, HEAD"))
            return resp
        q = " ".join(ctx.req.arg("q").split())[:100]
        found: list[dict[str, str]] = []
        if len(q) >= 2:
            tolerant = not self.d("search-typo-intolerant")
            for c in self.catalog.search_categories(q, tolerant=tolerant):
                found.append({"label": c.name, "kind": "category", "url": f"/category/{c.slug}"})
            for p in self.search_products(q):
                found.append({"label": p.name, "kind": "product", "url": p.url})
        body = json.dumps({"query": q, "suggestions": found[:SUGGEST_LIMIT]}, ensure_ascii=False)
        return Response(
            200,
            body.encode("utf-8"),
            "application/json; charset=utf-8",
            [("Cache-Control", "public, max-age=300"), ("X-Robots-Tag", "noindex")],
        )

    def search_no_results(self, ctx: Ctx, q: str, delay: float) -> Response:
        if self.d("zero-results-dead-end"):
            return self.page(
                ctx,
                title="Search results",
                main="<h1>Search results</h1><p>0 results</p>",
                chrome=False,
                head='<meta name="robots" content="noindex">',
                delay=delay,
            )
        eq = escape(q)
        cats = "".join(f'<li><a href="/category/{c.slug}">{c.name}</a></li>' for c in CATEGORIES)
        popular = self.grid(list(self.catalog.generated[:4]))
        if q:
            heading = f"No results for “{eq}”"
            intro = (
                f"<p>We couldn't find any products matching “{eq}”. Check the spelling, use "
                "fewer words or try a more general term such as “jacket” or “tent”.</p>"
            )
            suggestion = self.catalog.suggest(q)
            if suggestion and suggestion != q.lower():
                intro += (
                    f'<p>Did you mean <a href="/search?{urlencode({"q": suggestion})}">'
                    f"{escape(suggestion)}</a>?</p>"
                )
        else:
            heading = "Search our shop"
            intro = "<p>Type a product name, a category or a SKU such as NW-1001.</p>"
        main = (
            f"<h1>{heading}</h1>{intro}"
            '<form class="search" role="search" aria-label="Search again" action="/search" '
            'method="get"><label for="search-again">Search again</label>'
            f'<input type="search" id="search-again" name="q" value="{eq}">'
            '<button type="submit">Search</button></form>'
            f'<h2>Browse our categories</h2><ul class="tiles">{cats}</ul>'
            f"<h2>Popular products</h2>{popular}"
        )
        return self.page(
            ctx,
            title=f"{heading} – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
            search_value=q,
            delay=delay,
        )

    # ------------------------------------------------------------------ cart & checkout
    def action_cart_add(self, ctx: Ctx) -> Response:
        if ctx.req.method != "POST":
            resp = Response(405, b"Use POST to add to the cart.\n", "text/plain; charset=utf-8")
            resp.headers.append(("Allow", "POST"))
            return resp
        slug = ctx.req.field("slug")
        try:
            qty = max(1, min(99, int(ctx.req.field("qty", "1") or "1")))
        except ValueError:
            qty = 1
        items = dict((p.slug, q) for p, q in ctx.cart)
        if slug in self.catalog.by_slug:
            items[slug] = min(99, items.get(slug, 0) + qty)
        cart = [(self.catalog.by_slug[s], q) for s, q in items.items()]
        return _redirect("/cart", 303, [("Set-Cookie", self.cart_cookie(cart))])

    def action_cart_remove(self, ctx: Ctx) -> Response:
        if ctx.req.method != "POST":
            return _redirect("/cart", 303)
        slug = ctx.req.field("slug")
        cart = [(p, q) for p, q in ctx.cart if p.slug != slug]
        return _redirect("/cart", 303, [("Set-Cookie", self.cart_cookie(cart))])

    def page_cart(self, ctx: Ctx) -> Response:
        if not ctx.cart:
            main = (
                "<h1>Your cart</h1><p>Your cart is empty.</p>"
                '<p><a href="/category/jackets">Continue shopping</a></p>'
            )
        else:
            rows = "".join(
                f'<tr><td><a href="{p.url}">{escape(p.name)}</a><br><span class="sku">SKU '
                f"{p.sku}</span></td><td>{q}</td><td>{format_price(p.price * q)}</td>"
                '<td><form method="post" action="/cart/remove">'
                f'<input type="hidden" name="slug" value="{p.slug}">'
                f'<button type="submit" aria-label="Remove {escape(p.name)}">Remove</button>'
                "</form></td></tr>"
                for p, q in ctx.cart
            )
            total = sum(p.price * q for p, q in ctx.cart)
            main = (
                '<h1>Your cart</h1><table><caption class="visually-hidden">Items in your cart'
                '</caption><thead><tr><th scope="col">Product</th><th scope="col">Quantity</th>'
                '<th scope="col">Price</th><th scope="col"><span class="visually-hidden">Actions'
                f"</span></th></tr></thead><tbody>{rows}</tbody></table>"
                f'<p class="price">Total: {format_price(total)}</p>'
                '<p><a class="btn" href="/checkout">Proceed to checkout</a></p>'
            )
        return self.page(
            ctx,
            title=f"Your cart – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
        )

    def checkout_fields(self, values: dict[str, str], errors: dict[str, str]) -> list[Field]:
        ac = not self.d("address-no-autocomplete")
        mark = not self.d("required-unmarked")
        tel = "text" if self.d("phone-type-text") else "tel"

        def f(fid, label, token, spoken, *, required=True, **kw) -> Field:
            return Field(
                id=fid,
                label=label,
                autocomplete=token if ac else None,
                required=required,
                mark=mark,
                value=values.get(fid, ""),
                error=errors.get(fid),
                spoken=spoken,
                **kw,
            )

        if self.d("split-name-fields"):
            names = [
                f("first-name", "First name", "given-name", "your first name"),
                f("last-name", "Last name", "family-name", "your last name"),
            ]
        else:
            names = [f("full-name", "Full name", "name", "your full name", name="name")]
        return [
            *names,
            f(
                "email",
                "Email address",
                "email",
                "your email address",
                type="email",
                hint="We send the order confirmation here.",
            ),
            f(
                "phone",
                "Phone",
                "tel",
                "your phone number",
                required=False,
                type=tel,
                optional_note=mark,
                hint="Only used by the carrier if there is a delivery problem.",
            ),
            f(
                "street",
                "Street and house number",
                "street-address",
                "your street and house number",
            ),
            f("postcode", "Postcode", "postal-code", "your postcode"),
            f("city", "City", "address-level2", "your city"),
            f("country", "Country", "country", "your country", options=COUNTRIES),
        ]

    def page_checkout(self, ctx: Ctx) -> Response:
        req = ctx.req
        values: dict[str, str] = {}
        errors: dict[str, str] = {}
        if req.method == "POST":
            fields = self.checkout_fields({}, {})
            values = {f.id: req.field(f.name) for f in fields}
            if not self.d("required-unmarked"):
                for f in fields:
                    if f.required and not values[f.id]:
                        errors[f.id] = f"Please enter {f.spoken}."
                if values.get("email") and not self.email_ok(values["email"]):
                    errors["email"] = (
                        "Please enter a valid email address, for example name@example.com."
                    )
                if values.get("country") and values["country"] not in dict(COUNTRIES):
                    errors["country"] = "Please choose your country."
            if not errors:
                main = (
                    '<h1>Thank you</h1><p class="notice">This is a demo – no order was placed.'
                    "</p><p>Nothing was charged and no data was stored.</p>"
                    '<p><a href="/">Back to the home page</a></p>'
                )
                return self.page(
                    ctx,
                    title=f"Order received (demo) – {SHOP_NAME}",
                    main=main,
                    head='<meta name="robots" content="noindex">',
                )
        fields = self.checkout_fields(values, errors)
        validate = "" if self.d("required-unmarked") else " data-validate"
        note = "" if self.d("required-unmarked") else self.required_note()
        summary = ""
        if ctx.cart:
            total = sum(p.price * q for p, q in ctx.cart)
            summary = f"<p>{ctx.cart_count} item(s) in your cart, total {format_price(total)}.</p>"
        intro = (
            "<p>Check out as a guest – no account needed. "
            '<a href="/login?next=/checkout">Already a customer? Sign in</a></p>'
        )
        main = (
            f"<h1>Checkout</h1>{intro}{summary}{note}"
            f'<form class="stack" method="post" action="/checkout"{validate}>'
            "<fieldset><legend>Delivery address</legend>"
            + "".join(self.field(f) for f in fields)
            + '</fieldset><button type="submit">Place order</button></form>'
        )
        return self.page(
            ctx,
            title=f"Checkout – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
            scripts=_VALIDATE_JS if validate else "",
        )

    # ------------------------------------------------------------------ account
    @staticmethod
    def safe_next(value: str) -> str:
        if value.startswith("/") and not value.startswith("//") and "\\" not in value:
            return value
        return "/account"

    def page_login(self, ctx: Ctx) -> Response:
        req = ctx.req
        nxt = self.safe_next(req.field("next") if req.method == "POST" else req.arg("next"))
        error = ""
        email = ""
        if req.method == "POST":
            email = req.field("email")
            password = req.form.get("password", [""])[0]
            if email.lower() == LOGIN_EMAIL and password == LOGIN_PASSWORD:
                token = secrets.token_hex(16)
                with self._lock:
                    self.sessions.add(token)
                cookie = f"session={token}; Path=/; HttpOnly; SameSite=Lax"
                return _redirect(nxt, 303, [("Set-Cookie", cookie)])
            error = (
                '<div class="error-box" role="alert" id="login-error">The email address or '
                "password is incorrect. Please try again.</div>"
            )
        described = ' aria-describedby="login-error"' if error else ""
        main = (
            f"<h1>Sign in</h1>{error}"
            f'<form class="stack" method="post" action="/login"{described}>'
            f'<input type="hidden" name="next" value="{escape(nxt)}">'
            + self.field(
                Field(
                    "login-email",
                    "Email address",
                    name="email",
                    type="email",
                    autocomplete="username",
                    value=email,
                )
            )
            + self.field(
                Field(
                    "login-password",
                    "Password",
                    name="password",
                    type="password",
                    autocomplete="current-password",
                    reveal=not self.d("no-show-password"),
                )
            )
            + '<button type="submit">Sign in</button></form>'
            f'<p class="notice">Demo account: {LOGIN_EMAIL} / {LOGIN_PASSWORD}</p>'
            '<p>New here? <a href="/register">Create an account</a></p>'
        )
        return self.page(
            ctx,
            title=f"Sign in – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
            scripts="" if self.d("no-show-password") else _REVEAL_JS,
        )

    def action_logout(self, ctx: Ctx) -> Response:
        if ctx.req.method == "POST":
            token = ctx.req.cookies.get("session", "")
            with self._lock:
                self.sessions.discard(token)
        cookie = "session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        return _redirect("/", 303, [("Set-Cookie", cookie)])

    def page_account(self, ctx: Ctx) -> Response:
        if not ctx.logged_in:
            return _redirect("/login?next=/account", 302)
        rows = "".join(
            f"<tr><td>{no}</td><td>{date}</td><td>{status}</td><td>{format_price(total)}</td></tr>"
            for no, date, status, total in ORDERS
        )
        main = (
            f"<h1>Welcome back, {CUSTOMER_NAME}</h1>"
            f"<p>Signed in as {LOGIN_EMAIL}.</p>"
            "<h2>Order history</h2>"
            '<table><thead><tr><th scope="col">Order</th><th scope="col">Date</th>'
            f'<th scope="col">Status</th><th scope="col">Total</th></tr></thead><tbody>{rows}'
            "</tbody></table>"
            '<form method="post" action="/logout"><p><button type="submit">Sign out</button></p>'
            "</form>"
        )
        return self.page(
            ctx,
            title=f"Your account – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
        )

    def page_register(self, ctx: Ctx) -> Response:
        req = ctx.req
        tied = not self.d("errors-not-tied")
        values = {"reg-name": "", "reg-email": ""}
        errors: dict[str, str] = {}
        if req.method == "POST":
            values = {"reg-name": req.field("name"), "reg-email": req.field("email")}
            password = req.form.get("password", [""])[0]
            if not values["reg-name"]:
                errors["reg-name"] = "Please enter your name."
            if not values["reg-email"]:
                errors["reg-email"] = "Please enter your email address."
            elif not self.email_ok(values["reg-email"]):
                errors["reg-email"] = (
                    "Please enter a valid email address, for example name@example.com."
                )
            if len(password) < 8:
                errors["reg-password"] = "Please use a password with at least 8 characters."
            if not errors:
                main = (
                    '<h1>Account created</h1><p class="notice">This is a demo – no account was '
                    f"created. Sign in with the demo account {LOGIN_EMAIL} / {LOGIN_PASSWORD}."
                    '</p><p><a href="/login">Go to sign in</a></p>'
                )
                return self.page(ctx, title=f"Account created – {SHOP_NAME}", main=main)
        field_errors = errors if tied else {}
        email_type = "text" if self.d("email-type-text") else "email"
        fields = [
            Field(
                "reg-name",
                "Full name",
                name="name",
                autocomplete="name",
                required=True,
                value=values["reg-name"],
                error=field_errors.get("reg-name"),
                spoken="your name",
            ),
            Field(
                "reg-email",
                "Email address",
                name="email",
                type=email_type,
                autocomplete="email",
                required=True,
                value=values["reg-email"],
                error=field_errors.get("reg-email"),
                spoken="your email address",
            ),
            Field(
                "reg-password",
                "Password",
                name="password",
                type="password",
                autocomplete="new-password",
                required=True,
                hint="At least 8 characters.",
                attrs='minlength="8"',
                error=field_errors.get("reg-password"),
                spoken="a password",
                reveal=not self.d("no-show-password"),
            ),
        ]
        if tied:
            box = ""
            form_attrs = " data-validate"
            scripts = _VALIDATE_JS
        else:
            hidden = "" if errors else " hidden"
            text = "Please correct the errors in the form." if errors else ""
            box = f'<div id="form-errors" class="error-box" role="alert"{hidden}>{text}</div>'
            form_attrs = " novalidate"
            scripts = _REGISTER_DEFECT_JS
        main = (
            f"<h1>Create an account</h1>{box}{self.required_note()}"
            f'<form id="register-form" class="stack" method="post" action="/register"{form_attrs}>'
            + "".join(self.field(f) for f in fields)
            + '<button type="submit">Create account</button></form>'
            '<p>Already registered? <a href="/login">Sign in</a></p>'
        )
        if not self.d("no-show-password"):
            scripts += _REVEAL_JS
        return self.page(ctx, title=f"Create an account – {SHOP_NAME}", main=main, scripts=scripts)

    # ------------------------------------------------------------------ contact & newsletter
    def page_contact(self, ctx: Ctx) -> Response:
        req = ctx.req
        long_form = self.d("long-contact-form")
        validate = not self.d("no-error-on-empty")
        if long_form:
            salutations = (("", "Please choose"), ("ms", "Ms"), ("mr", "Mr"), ("mx", "Mx"))
            fields = [
                Field("c-salutation", "Salutation", name="salutation", options=salutations),
                Field("c-title", "Title", name="title", autocomplete="honorific-prefix"),
                Field(
                    "c-first",
                    "First name",
                    name="first_name",
                    autocomplete="given-name",
                    required=True,
                    spoken="your first name",
                ),
                Field(
                    "c-last",
                    "Last name",
                    name="last_name",
                    autocomplete="family-name",
                    required=True,
                    spoken="your last name",
                ),
                Field("c-company", "Company", name="company", autocomplete="organization"),
                Field("c-department", "Department", name="department"),
                Field(
                    "c-email",
                    "Email address",
                    name="email",
                    type="email",
                    autocomplete="email",
                    required=True,
                    spoken="your email address",
                ),
                Field(
                    "c-email2",
                    "Confirm email address",
                    name="email_confirm",
                    type="email",
                    autocomplete="email",
                    required=True,
                    spoken="your email address again",
                ),
                Field("c-phone", "Phone", name="phone", type="tel", autocomplete="tel"),
                Field("c-mobile", "Mobile phone", name="mobile", type="tel", autocomplete="tel"),
                Field("c-fax", "Fax", name="fax", type="tel"),
                Field("c-street", "Street", name="street", autocomplete="address-line1"),
                Field("c-city", "City", name="city", autocomplete="address-level2"),
                Field(
                    "c-message",
                    "Message",
                    name="message",
                    textarea=True,
                    required=True,
                    spoken="your message",
                ),
            ]
        else:
            fields = [
                Field(
                    "c-name",
                    "Name",
                    name="name",
                    autocomplete="name",
                    required=True,
                    spoken="your name",
                ),
                Field(
                    "c-email",
                    "Email address",
                    name="email",
                    type="email",
                    autocomplete="email",
                    required=True,
                    spoken="your email address",
                    hint="We reply within one working day.",
                ),
                Field(
                    "c-message",
                    "Message",
                    name="message",
                    textarea=True,
                    required=True,
                    spoken="your message",
                ),
            ]
        if not validate:
            for f in fields:
                f.mark = False
        if req.method == "POST":
            errors: dict[str, str] = {}
            for f in fields:
                f.value = req.field(f.name)
                if validate and f.required and not f.value:
                    errors[f.id] = f"Please enter {f.spoken}."
            email = req.field("email")
            if validate and email and not self.email_ok(email):
                errors["c-email"] = (
                    "Please enter a valid email address, for example name@example.com."
                )
            if not errors:
                main = (
                    '<h1>Thank you</h1><p class="notice">Thanks for your message – our team '
                    "will get back to you within one working day. (This is a demo: nothing was "
                    'sent.)</p><p><a href="/">Back to the home page</a></p>'
                )
                return self.page(ctx, title=f"Message sent – {SHOP_NAME}", main=main)
            for f in fields:
                f.error = errors.get(f.id)
        form_attrs = " data-validate" if validate else " novalidate"
        main = (
            "<h1>Contact us</h1><p>Questions about an order, sizing or gear? Write to us.</p>"
            + (self.required_note() if validate else "")
            + f'<form class="stack" method="post" action="/contact"{form_attrs}>'
            + "".join(self.field(f) for f in fields)
            + '<button type="submit">Send message</button></form>'
            "<p>Customer service: Monday to Friday, 9:00–17:00 CET.</p>"
        )
        return self.page(
            ctx,
            title=f"Contact us – {SHOP_NAME}",
            main=main,
            scripts=_VALIDATE_JS if validate else "",
        )

    def page_newsletter(self, ctx: Ctx) -> Response:
        req = ctx.req
        placeholder_only = self.d("newsletter-placeholder-only")
        error = None
        email = ""
        first = ""
        if req.method == "POST":
            email = req.field("email")
            first = req.field("first_name")
            if not placeholder_only and not self.email_ok(email):
                error = (
                    "Please enter your email address."
                    if not email
                    else "Please enter a valid email address, for example name@example.com."
                )
            if error is None:
                main = (
                    '<h1>Thanks for subscribing</h1><p class="notice">This is a demo – no email '
                    'address was stored.</p><p><a href="/">Back to the home page</a></p>'
                )
                return self.page(ctx, title=f"Subscribed – {SHOP_NAME}", main=main)
        email_field = Field(
            "newsletter-email",
            "Email address",
            name="email",
            type="email",
            autocomplete="email",
            required=not placeholder_only,
            value=email,
            error=error,
            placeholder="Your email address" if placeholder_only else "name@example.com",
            show_label=not placeholder_only,
            spoken="your email address",
            alert=False,  # the field takes the focus and is read out with its error
        )
        first_field = Field(
            "newsletter-first",
            "First name",
            name="first_name",
            autocomplete="given-name",
            optional_note=True,
            value=first,
        )
        scripts = _TRAP_JS if self.d("keyboard-trap") else ""
        validate = ""
        if not placeholder_only:
            scripts += _VALIDATE_JS
            validate = ' data-validate="focus"'  # no live region: the focus announces
        main = (
            "<h1>Newsletter</h1><p>Trip reports, gear tips and early access to the sale – "
            "once a month, unsubscribe at any time.</p>"
            f'<form class="stack" method="post" action="/newsletter"{validate}>'
            + self.field(email_field)
            + self.field(first_field)
            + '<button type="submit">Subscribe</button></form>'
        )
        return self.page(ctx, title=f"Newsletter – {SHOP_NAME}", main=main, scripts=scripts)

    # ------------------------------------------------------------------ information pages
    def page_shipping(self, ctx: Ctx) -> Response:
        main = (
            "<h1>Shipping</h1><p>We ship from our warehouse in Bergen, Monday to Friday.</p>"
            '<table><caption class="visually-hidden">Shipping rates</caption><thead><tr>'
            '<th scope="col">Destination</th><th scope="col">Delivery time</th>'
            '<th scope="col">Cost</th></tr></thead><tbody>'
            "<tr><td>Norway</td><td>1–2 working days</td><td>€4.90, free from €50</td></tr>"
            "<tr><td>Nordic countries</td><td>2–4 working days</td><td>€6.90, free from €50</td>"
            "</tr><tr><td>Rest of Europe</td><td>3–6 working days</td><td>€9.90</td></tr>"
            "</tbody></table><h2>Tracking</h2><p>You receive a tracking link by email as soon "
            "as your parcel leaves the warehouse.</p>"
        )
        return self.page(ctx, title=f"Shipping – {SHOP_NAME}", main=main, nav=not self.d("no-menu"))

    def page_returns(self, ctx: Ctx) -> Response:
        main = (
            "<h1>Returns</h1><p>You can return unused items within 30 days of delivery.</p>"
            "<h2>How to return an item</h2><ol><li>Sign in and open your order history.</li>"
            "<li>Choose the items and print the prepaid label.</li>"
            "<li>Drop the parcel at any post office.</li></ol>"
            "<p>Refunds are made to the original payment method within 5 working days.</p>"
        )
        return self.page(ctx, title=f"Returns – {SHOP_NAME}", main=main, lang=not self.d("no-lang"))

    def page_imprint(self, ctx: Ctx) -> Response:
        main = (
            f"<h1>Imprint</h1><p>{SHOP_NAME} AS<br>Bryggen 7<br>5003 Bergen<br>Norway</p>"
            "<p>Managing director: Ingrid Nordvik<br>Organisation number: 999 999 999 "
            "(demo)<br>Email: service@nordwind.example</p>"
            "<p>This shop is a demonstration for usability testing. It sells nothing.</p>"
        )
        return self.page(
            ctx,
            title=f"Imprint – {SHOP_NAME}",
            main=main,
            zoom_disabled=self.d("zoom-disabled"),
        )

    def page_privacy(self, ctx: Ctx) -> Response:
        dup = self.d("duplicate-ids")
        second_id = "data-we-collect" if dup else "how-we-use-data"
        main = (
            "<h1>Privacy policy</h1><p>We collect only what we need to run the shop.</p>"
            '<h2 id="data-we-collect">Data we collect</h2><p>Your name, address and email when '
            "you order; your cart in a cookie.</p>"
            f'<h2 id="{second_id}">How we use your data</h2><p>To deliver your order and, if you '
            "subscribe, to send the newsletter.</p>"
            '<h2 id="cookies">Cookies</h2><p>The cookies <code>cart</code>, '
            "<code>session</code> and <code>consent</code> are necessary for the shop to work."
            '</p><h2 id="your-rights">Your rights</h2><p>You can ask for a copy of your data '
            'or its deletion at any time: <a href="/contact">contact us</a>.</p>'
        )
        title = "" if self.d("empty-title") else f"Privacy policy – {SHOP_NAME}"
        return self.page(ctx, title=title, main=main)

    def page_about(self, ctx: Ctx) -> Response:
        if self.d("heavy-page"):
            img = (
                '<img src="/static/img/about-team-full.png" width="1024" height="1000" '
                'alt="The Nordwind team on a glacier hike">'
            )
        else:
            img = (
                '<img src="/static/img/about-team.svg" width="640" height="360" '
                'alt="The Nordwind team on a glacier hike">'
            )
        main = (
            f"<h1>About us</h1><p>{SHOP_NAME} was founded in Bergen in 1998 by three friends "
            "who wanted gear that survives Norwegian weather.</p>"
            f"{img}<h2>What we believe in</h2><p>Durable products, honest advice and repairs "
            "before replacement.</p>"
        )
        return self.page(ctx, title=f"About us – {SHOP_NAME}", main=main)

    def page_staff(self, ctx: Ctx) -> Response:
        main = (
            "<h1>Staff area</h1><p>Internal tools for the Nordwind team. This area is excluded "
            "by robots.txt; well-behaved crawlers never come here.</p>"
        )
        return self.page(
            ctx,
            title=f"Staff area – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex, nofollow">',
        )

    def not_found(self, ctx: Ctx, *, real: bool = False, delay: float = 0.0) -> Response:
        if self.d("soft-404") and not real:
            return self.page(
                ctx,
                title="Page not found",
                main="<h1>Page not found</h1><p>The page you requested could not be found.</p>",
                chrome=False,
                delay=delay,
            )
        cats = "".join(f'<li><a href="/category/{c.slug}">{c.name}</a></li>' for c in CATEGORIES)
        main = (
            "<h1>Page not found</h1><p>Sorry, we couldn't find the page "
            f"<code>{escape(ctx.req.path[:200])}</code>. It may have moved or no longer exist."
            "</p><p>Try the search above, go to the "
            '<a href="/">home page</a>, or browse a category:</p>'
            f'<ul class="tiles">{cats}</ul>'
        )
        return self.page(
            ctx,
            title=f"Page not found – {SHOP_NAME}",
            main=main,
            status=404,
            head='<meta name="robots" content="noindex">',
            delay=delay,
        )

    # ------------------------------------------------------------------ machine-readable
    def robots(self, ctx: Ctx) -> Response:
        text = (
            "User-agent: *\n"
            "Disallow: /private/\n"
            "Disallow: /cart/add\n"
            "\n"
            f"Sitemap: {self.abs_url('/sitemap.xml')}\n"
        )
        return Response(200, text.encode(), "text/plain; charset=utf-8")

    def sitemap_index(self, ctx: Ctx) -> Response:
        entries = "".join(
            f"<sitemap><loc>{escape(self.abs_url(p))}</loc><lastmod>{LASTMOD}</lastmod></sitemap>"
            for p in ("/sitemap-pages.xml", "/sitemap-products.xml.gz")
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</sitemapindex>\n"
        )
        return Response(200, xml.encode(), "application/xml; charset=utf-8")

    def _urlset(self, paths: list[str]) -> bytes:
        entries = "".join(
            f"<url><loc>{escape(self.abs_url(p))}</loc><lastmod>{LASTMOD}</lastmod></url>"
            for p in paths
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</urlset>\n"
        ).encode()

    def sitemap_pages(self, ctx: Ctx) -> Response:
        paths = ["/"] + [f"/category/{c.slug}" for c in CATEGORIES]
        paths += [*INFO_PAGES, "/login", "/register"]
        return Response(200, self._urlset(paths), "application/xml; charset=utf-8")

    def sitemap_products(self, ctx: Ctx) -> Response:
        cached = self._static_cache.get("sitemap-products")
        if cached is None:
            body = gzip.compress(self._urlset([p.url for p in self.catalog.products]), mtime=0)
            cached = Response(200, body, "application/gzip")
            self._static_cache["sitemap-products"] = cached
        return Response(cached.status, cached.body, cached.content_type)

    # ------------------------------------------------------------------ static assets
    def static(self, ctx: Ctx, path: str) -> Response:
        cache = [("Cache-Control", "public, max-age=3600")]
        no_store = [("Cache-Control", "no-store")]
        if path == "/static/img/hero.png":
            if self.d("slow-hero"):
                return Response(
                    200, assets.hero_png(), "image/png", no_store, self.delay(DELAY_HERO)
                )
            return Response(200, assets.hero_png(), "image/png", cache)
        if path == "/static/img/about-team-full.png":
            return Response(200, assets.heavy_png(), "image/png", no_store)
        if path == "/static/img/about-team.svg":
            return Response(200, assets.team_svg().encode(), "image/svg+xml", cache)
        if path == "/static/img/shoes-banner.svg":
            body = assets.banner_svg("Trail running season", 150).encode()
            return Response(200, body, "image/svg+xml", cache)
        if path == RECOMMENDATIONS_JS_PATH:
            body = RECOMMENDATIONS_JS.encode()
            return Response(200, body, "application/javascript", cache)
        if path == "/favicon.svg":
            return Response(200, assets.FAVICON_SVG.encode(), "image/svg+xml", cache)
        if path == "/favicon.ico":
            return Response(200, assets.favicon_png(), "image/png", cache)
        prefix = "/static/img/products/"
        if path.startswith(prefix) and path.endswith(".svg"):
            p = self.catalog.by_slug.get(path[len(prefix) : -len(".svg")])
            if p is not None:
                body = assets.product_svg(p.name, p.category.slug, p.hue).encode()
                return Response(200, body, "image/svg+xml", cache)
        return Response(404, b"Not found\n", "text/plain; charset=utf-8")


def _jsonld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
