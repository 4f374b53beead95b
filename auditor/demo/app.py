"""Request handling and HTML rendering of the demo shop (no HTTP server code here).

``ShopApp.handle(Request) -> Response`` is a pure function of the request, the mode and the
product count (plus the in-memory login sessions), so pages are deterministic.
"""

from __future__ import annotations

import gzip
import threading
from html import escape
from urllib.parse import quote, unquote

from . import assets
from .base import (
    CUSTOMER_NAME,
    DELAY_HERO,
    HOME_LINK,
    INFO_PAGES,
    LASTMOD,
    LOGIN_EMAIL,
    LOGIN_PASSWORD,
    RECOMMENDATIONS_JS_PATH,
    Ctx,
    Request,
    Response,
    _html,
    _redirect,
)
from .catalog import (
    CATEGORIES,
    Catalog,
    Product,
)
from .defects import DEFECTS
from .layout import Layout
from .pages_catalogue import CataloguePages
from .pages_service import ServicePages
from .pages_shopping import ShoppingPages
from .resources import (
    _BASE_CSS,
    _CSS_FOCUS_CLEAN,
    _CSS_FOCUS_DEFECT,
    _CSS_FOOTER_CLEAN,
    _CSS_FOOTER_DEFECT,
    _CSS_SUGGEST,
    RECOMMENDATIONS_JS,
)

__all__ = [
    "CUSTOMER_NAME",
    "LOGIN_EMAIL",
    "LOGIN_PASSWORD",
    "Request",
    "Response",
    "ShopApp",
    "_html",
]


# --------------------------------------------------------------------------- the application
class ShopApp(Layout, CataloguePages, ShoppingPages, ServicePages):
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
            HOME_LINK: lambda ctx: _redirect("/", 301),
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
