"""The demo shop's page frame: head, header, menu, footer, breadcrumb, cards, pager, form fields."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from .base import (
    SHOP_NAME,
    Ctx,
    Field,
    Response,
    _html,
    _jsonld,
)
from .catalog import (
    CATEGORIES,
    Product,
    format_price,
)
from .resources import (
    _AUTOCOMPLETE_JS,
    _CONSENT_JS,
    _LOGO_MARK,
    _SEARCH_ICON,
)


class Layout:
    """Shared page parts; mixed into ShopApp (uses its ``d``, ``catalog``, ``css``)."""

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
                [
                    ("/contact", "Contact us"),
                    ("/shipping", "Shipping"),
                    ("/returns", "Delivery & returns"),
                ],
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
