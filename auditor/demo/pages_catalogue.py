"""The demo shop's catalogue pages: home, categories, products, collections and the search."""

from __future__ import annotations

import json
import math
from html import escape
from urllib.parse import urlencode

from .base import (
    DELAY_SEARCH,
    DELAY_SLOW_PAGE,
    HOME_LINK,
    RECOMMENDATIONS_JS_PATH,
    SEARCH_PER_PAGE,
    SHOP_NAME,
    SUGGEST_LIMIT,
    Ctx,
    Response,
    _jsonld,
)
from .catalog import (
    CATEGORIES,
    CATEGORY_BY_SLUG,
    DISCONTINUED_PRODUCT_SLUG,
    PRICE_BANDS,
    SIZED_SLUG,
    SIZES,
    SORTS,
    Product,
    in_price_band,
    paginate,
    sort_products,
)
from .resources import (
    _LAYOUT_SHIFT_JS,
    _SIZE_ADVISOR_JS,
    _SIZE_ADVISOR_SLICED_JS,
)


class CataloguePages:
    """Pages a customer browses and searches; mixed into ShopApp."""

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
        listing = self.category_listing(slug)
        band = ctx.req.arg("price", "")
        if band not in {value for value, *_ in PRICE_BANDS}:
            band = ""
        items = sort_products(in_price_band(listing, band), sort)
        page = self.page_number(ctx)
        shown, pages = paginate(items, max(page, 1))
        teaser_page = 2 if self.d("deep-product") else 1
        if slug == "tents":
            pages = max(pages, teaser_page)
        if page < 1 or page > pages:
            return self.not_found(ctx, delay=delay)
        crumbs = [("Home", HOME_LINK), (cat.name, None)]
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
        parts.append(self.price_filters(slug, listing, band))
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
            f"/category/{slug}",
            page,
            pages,
            {"price": band, "sort": "" if sort == "relevance" else sort},
        )
        parts.append(nav)
        head = links + self.breadcrumb_jsonld(crumbs, f"/category/{slug}")
        if band or sort != "relevance":  # a filtered or re-ordered view of the listing
            head += f'<link rel="canonical" href="{self.abs_url(f"/category/{slug}")}">'
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

    @staticmethod
    def price_filters(slug: str, listing: list[Product], band: str) -> str:
        """Price filter links (a facet: each a narrowed view of the same listing), only for
        bands that hold products, so no filter leads to an empty page."""
        items = []
        for value, label, _low, _below in PRICE_BANDS:
            count = len(in_price_band(listing, value))
            if not count:
                continue
            if value == band:
                items.append(f'<li><span aria-current="true">{label} ({count})</span></li>')
            else:
                href = f"/category/{slug}?price={value}"
                items.append(f'<li><a href="{href}">{label} ({count})</a></li>')
        if band:
            items.append(f'<li><a href="/category/{slug}">All prices</a></li>')
        if len(items) < 2:
            return ""
        return (
            '<nav class="filters" aria-label="Filter by price"><h2>Price</h2>'
            f"<ul>{''.join(items)}</ul></nav>"
        )

    def page_product(self, ctx: Ctx, slug: str) -> Response:
        if slug == DISCONTINUED_PRODUCT_SLUG:
            return self.not_found(ctx, real=True)
        p = self.catalog.by_slug.get(slug)
        if p is None:
            return self.not_found(ctx)
        crumbs = [
            ("Home", HOME_LINK),
            (p.category.name, f"/category/{p.category.slug}"),
            (p.name, None),
        ]
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
            f"{self.size_picker(ctx, p)}"
            '<form class="qty-form" method="post" action="/cart/add">'
            f'<input type="hidden" name="slug" value="{p.slug}">'
            f"{self.size_select(p)}"
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
            scripts=_SILENT_ADD_JS
            if p.slug == SIZED_SLUG and self.d("add-no-confirmation")
            else "",
        )

    def size_picker(self, ctx: Ctx, p: Product) -> str:
        """The message a customer sees after 'Add to cart' without a size (clean twin)."""
        if p.slug != SIZED_SLUG or ctx.req.arg("missing", "") != "size":
            return ""
        return '<p class="notice" role="alert">Please choose a size.</p>'

    @staticmethod
    def size_select(p: Product) -> str:
        """The size the sized product needs before it can be added."""
        if p.slug != SIZED_SLUG:
            return ""
        options = "".join(f'<option value="{s}">{s}</option>' for s in SIZES)
        return (
            '<div><label for="size">Size</label><br><select id="size" name="size">'
            f'<option value="">Choose a size</option>{options}</select></div>'
        )

    def page_collection(self, ctx: Ctx) -> Response:
        path = ctx.req.path
        tents = ("Tents", "/category/tents")
        exped = ("Expedition collection", "/collections/expedition")
        arctic = ("Arctic series", "/collections/expedition/arctic")
        if path == "/collections/expedition":
            crumbs = [("Home", HOME_LINK), tents, (exped[0], None)]
            title = exped[0]
            body = (
                "<p>Shelter and gear for long trips beyond the last hut. The collection is "
                "organised by series.</p>"
                '<ul class="tiles"><li><a href="/collections/expedition/arctic">Arctic series</a>'
                "</li></ul>"
            )
        elif path == "/collections/expedition/arctic":
            crumbs = [("Home", HOME_LINK), tents, exped, (arctic[0], None)]
            title = arctic[0]
            body = (
                "<p>Built for polar winds and snow loads.</p>"
                '<ul class="tiles"><li><a href="/collections/expedition/arctic/limited">'
                "Limited edition</a></li></ul>"
            )
        else:
            crumbs = [("Home", HOME_LINK), tents, exped, arctic, ("Limited edition", None)]
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


#: the defects twin's add-to-cart: posted in the background, the page left as it was
_SILENT_ADD_JS = (
    "document.querySelector('.qty-form').addEventListener('submit', (e) => {"
    "e.preventDefault(); fetch('/cart/add', {method: 'POST', body: new URLSearchParams("
    "new FormData(e.target))});});"
)
