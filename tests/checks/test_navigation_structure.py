"""The navigation checks beyond link health, on recorded page data (no browser).

Each check gets a page set with the defect and its twin without it, so that a finding
is shown to come from the defect and not from the page set.
"""

import pytest

from auditor.config import load_settings
from auditor.errors import ConfigError
from auditor.model import Link
from auditor.plugins import PageView, SiteView, load_checks
from checks.navigation import (
    Breadcrumbs,
    ClickDepth,
    DeadEnds,
    KeyPages,
    MainMenu,
    Orphans,
    Pagination,
    Soft404,
)

S = "http://127.0.0.1:9"
MENU = {
    "label": "Main",
    "in_header": True,
    "visible": True,
    "items": [["Jackets", f"{S}/c/jackets", True], ["Tents", f"{S}/c/tents", True]],
    "count": 2,
}
FOOTER = [
    ("/cart", "Cart (0)", "header"),
    ("/contact", "Contact us", "footer"),
    ("/shipping", "Shipping", "footer"),
    ("/returns", "Returns", "footer"),
    ("/privacy", "Privacy policy", "footer"),
]


def structure(**kw):
    base = {
        "lang": "en",
        "h1": "",
        "types": [],
        "og_type": "",
        "breadcrumb": None,
        "breadcrumb_ld": None,
        "main_nav": MENU,
        "search": True,
        "pagination": {"max_page": 0, "next": False},
        "load_more": False,
        "add_to_cart": False,
        "header": True,
    }
    base.update(kw)
    return base


def view(path, *, links=(), depth=0, status=200, title="t", template=None, final=None, **struct):
    url = S + path
    return PageView(
        url=url,
        final_url=S + final if final else url,
        status=status,
        template=template or path,
        depth=depth,
        content_type="text/html",
        title=title,
        error=None,
        facts={
            "links": [Link(S + u, t, p, True) for u, t, p in links],
            "structure": structure(**struct),
        },
    )


def site(pages=(), parents=None, sitemap=(), unrendered=None, data=None, start="/"):
    depths = {p.url: p.depth for p in pages if p.depth is not None}
    return SiteView(
        S + start,
        depths,
        {},
        [S + u for u in sitemap],
        unrendered or {},
        site_data=data,
        parents={S + k: (None if v is None else S + v) for k, v in (parents or {}).items()},
    )


PRODUCT = {"types": ["Product"], "add_to_cart": True}

# ------------------------------------------------------------------ click depth


def deep_shop(product_depth):
    """Home → Tents → Page 2 → ... → product; each page links to the next."""
    chain = ["/", "/c/tents", "/c/tents?page=2", "/col/exp", "/col/exp/arctic", "/col/exp/lim"]
    chain = [*chain[:product_depth], "/product/polar-tent"]
    texts = ["Tents", "Page 2", "Expedition", "Arctic", "Limited", "Polar Tent"]
    pages = []
    for i, path in enumerate(chain):
        nxt = [(chain[i + 1], texts[i], "body")] if i + 1 < len(chain) else []
        extra = PRODUCT if path.startswith("/product/") else {}
        pages.append(view(path, links=nxt, depth=i, **extra))
    parents = {chain[0]: None, **{c: chain[i] for i, c in enumerate(chain[1:])}}
    return pages, site(pages, parents)


def test_product_six_clicks_deep_is_found_with_its_path_of_link_texts():
    pages, s = deep_shop(6)
    findings = ClickDepth().evaluate(pages, s)
    product = [f for f in findings if f.url.endswith("/product/polar-tent")]
    assert len(product) == 1
    f = product[0]
    assert f.severity == "minor"
    assert f.evidence["depth"] == 6 and f.evidence["limit"] == 3
    assert f.evidence["path"] == [
        "Home",
        "Tents",
        "Page 2",
        "Expedition",
        "Arctic",
        "Limited",
        "Polar Tent",
    ]
    assert "Home → Tents → Page 2" in f.message
    # the category at depth 5 is beyond the limit for other pages (4) too
    assert any(f.url.endswith("/col/exp/lim") for f in findings)


def test_product_within_three_clicks_gives_no_finding():
    pages, s = deep_shop(2)
    assert ClickDepth().evaluate(pages, s) == []


def test_click_depth_limits_are_options_and_the_score_is_the_share_within_reach():
    pages, s = deep_shop(6)
    check = ClickDepth({"max_product_depth": 6, "max_depth": 5})
    assert check.evaluate(pages, s) == []
    strict = ClickDepth()
    findings = strict.evaluate(pages, s)
    assert strict.score(findings, len(pages)) == round(100 * (1 - 2 / 7), 1)


def test_a_redirect_on_the_path_adds_no_step():
    home = view("/", links=[("/sale", "Sale", "nav")], depth=0)
    final = view("/c/sale", links=[("/p/x", "X", "body")], depth=1)
    prod = view("/p/x", depth=5, **PRODUCT)
    s = site([home, final, prod], {"/": None, "/sale": "/", "/c/sale": "/sale", "/p/x": "/c/sale"})
    (f,) = ClickDepth({"max_product_depth": 1}).evaluate([home, final, prod], s)
    assert f.evidence["path"] == ["Home", "Sale", "X"]


# ------------------------------------------------------------------ pagination


def test_products_only_on_a_late_listing_page_are_found():
    listing = view("/c/jackets?page=5", links=[("/p/a", "A", "body")], depth=5)
    prod = view("/p/a", depth=6, **PRODUCT)
    s = site(
        [listing, prod], {"/c/jackets?page=5": "/c/jackets?page=4", "/p/a": "/c/jackets?page=5"}
    )
    (f,) = Pagination().evaluate([listing, prod], s)
    assert f.evidence["from_page"] == 5 and f.evidence["listing"] == S + "/c/jackets"
    assert f.urls == [S + "/p/a"]


def test_products_on_page_two_are_fine():
    listing = view("/c/jackets?page=2", links=[("/p/a", "A", "body")], depth=2)
    prod = view("/p/a", depth=3, **PRODUCT)
    s = site([listing, prod], {"/p/a": "/c/jackets?page=2"})
    assert Pagination().evaluate([listing, prod], s) == []


def test_load_more_without_a_next_page_link_is_found_and_with_one_is_not():
    script_only = view("/c/a", load_more=True)
    backed = view("/c/b", load_more=True, pagination={"max_page": 3, "next": True})
    findings = Pagination().evaluate([script_only, backed], site())
    assert len(findings) == 1 and findings[0].urls == [S + "/c/a"]


# ------------------------------------------------------------------ key pages


def key_shop(*, footer=FOOTER, lang="en", cart_page=True):
    pages = [
        view("/", links=footer, depth=0, lang=lang),
        view("/c/tents", links=footer, depth=1, lang=lang),
        view("/contact", links=footer, depth=1, lang=lang, h1="Contact"),
    ]
    if cart_page:
        pages.append(view("/cart", links=footer, depth=1, lang=lang))
    return pages


def test_complete_key_pages_give_no_finding():
    pages = key_shop()
    assert KeyPages().evaluate(pages, site(pages)) == []


def test_key_page_missing_from_some_pages_lists_those_pages():
    pages = key_shop()
    pages.append(view("/about", links=FOOTER[:1], depth=1))
    findings = KeyPages().evaluate(pages, site(pages))
    by_kind = {f.evidence["kind"]: f for f in findings}
    assert set(by_kind) == {"contact", "shipping", "returns", "privacy"}
    assert by_kind["contact"].urls == [S + "/about"]
    assert by_kind["contact"].severity == "moderate"
    assert by_kind["shipping"].severity == "minor"


def test_a_missing_cart_is_serious_and_a_german_shop_needs_an_imprint():
    german = [(u, t, p) for u, t, p in FOOTER if u != "/cart"]
    pages = key_shop(footer=german, lang="de", cart_page=False)
    kinds = {f.evidence["kind"]: f for f in KeyPages().evaluate(pages, site(pages))}
    assert kinds["cart"].severity == "serious"
    assert "imprint" in kinds
    english = key_shop(footer=FOOTER, lang="en")
    assert "imprint" not in {
        f.evidence["kind"] for f in KeyPages().evaluate(english, site(english))
    }


def test_a_cart_toggle_that_links_to_the_page_itself_is_no_link_to_the_cart():
    # Shuup: "Cart (0)" is a dropdown toggle to "#", i.e. the page's own address; the
    # audit took the home page for the cart and reported the pages not linking to it
    others = [link for link in FOOTER if link[0] != "/cart"]
    pages = [
        view(path, links=[(path, "Cart (0)", "header"), *others], depth=depth, h1=h1)
        for path, depth, h1 in (("/", 0, ""), ("/c/tents", 1, ""), ("/contact", 1, "Contact"))
    ]
    (missing,) = KeyPages().evaluate(pages, site(pages))
    assert missing.title == "No cart found" and missing.evidence["kind"] == "cart"
    # the twin: the same toggle beside a real link to the cart
    linked = [
        view(
            p.url.removeprefix(S),
            links=[(p.url.removeprefix(S), "Cart (0)", "header"), *FOOTER],
            depth=p.depth,
            h1=p.facts["structure"]["h1"],
        )
        for p in pages
    ]
    assert KeyPages().evaluate(linked, site(linked)) == []


def test_german_link_texts_are_recognised():
    footer = [
        ("/warenkorb", "Warenkorb", "header"),
        ("/kontakt", "Kontakt", "footer"),
        ("/info/versand", "Versand & Lieferung", "footer"),
        ("/widerrufsbelehrung", "Widerruf", "footer"),
        ("/impressum", "Impressum", "footer"),
        ("/datenschutz", "Datenschutz", "footer"),
    ]
    pages = [view(p, links=footer, depth=1, lang="de") for p in ("/", "/c/zelte", "/p/zelt-x")]
    assert KeyPages().evaluate(pages, site(pages)) == []


def test_a_key_page_deeper_than_two_clicks_is_found():
    pages = key_shop()
    s = site(pages)
    s.depths[S + "/returns"] = 3
    findings = KeyPages().evaluate(pages, s)
    assert [(f.evidence["kind"], f.evidence["depth"]) for f in findings] == [("returns", 3)]


def test_a_focused_checkout_without_footer_is_not_held_against_the_shop():
    pages = key_shop()
    pages.append(view("/checkout", links=[], depth=2))
    assert KeyPages().evaluate(pages, site(pages)) == []


# ------------------------------------------------------------------ orphans and dead ends


def test_sitemap_page_that_no_page_links_to_is_an_orphan():
    pages = [view("/", links=[("/p/a", "A", "body")]), view("/p/a", depth=1)]
    s = site(pages, sitemap=["/p/a", "/p/lantern"])
    (f,) = Orphans().evaluate(pages, s)
    assert f.url == S + "/p/lantern" and f.severity == "moderate"


def test_linked_sitemap_pages_are_no_orphans_and_a_partial_crawl_hedges():
    pages = [view("/", links=[("/p/a", "A", "body")]), view("/p/a", depth=1)]
    assert Orphans().evaluate(pages, site(pages, sitemap=["/p/a", "/"])) == []
    partial = site(pages, sitemap=["/p/lantern"], unrendered={S + "/p/b": "sampled"})
    (f,) = Orphans().evaluate(pages, partial)
    assert f.severity == "minor" and "left some pages out" in f.message


def test_page_without_onward_links_is_a_dead_end():
    pages = [
        view("/", links=[("/landing", "Offer", "body")]),
        view("/landing", links=[("/landing", "Self", "body")]),
    ]
    (f,) = DeadEnds().evaluate(pages, site(pages))
    assert f.urls == [S + "/landing"]
    assert DeadEnds().evaluate(pages[:1], site(pages[:1])) == []


# ------------------------------------------------------------------ main menu


def test_page_without_the_menu_is_found_and_the_others_are_not():
    pages = [view("/"), view("/c/tents"), view("/shipping", main_nav=None)]
    (f,) = MainMenu().evaluate(pages, site(pages))
    assert f.urls == [S + "/shipping"] and f.severity == "moderate"
    assert MainMenu().evaluate(pages[:2], site(pages[:2])) == []


def test_a_page_whose_structure_was_not_read_is_not_held_to_miss_the_menu():
    pages = [view("/"), view("/c/tents"), view("/shipping", main_nav=None), view("/faq")]
    pages[3].facts["structure"] = {}  # the read failed (a busy or hostile page)
    (f,) = MainMenu().evaluate(pages, site(pages))
    assert f.urls == [S + "/shipping"]


def test_no_menu_anywhere_is_one_serious_finding():
    pages = [view("/", main_nav=None), view("/c", main_nav=None)]
    (f,) = MainMenu().evaluate(pages, site(pages))
    assert f.severity == "serious" and f.title == "No main menu found"


def test_menu_that_differs_within_a_template_is_found():
    other = {**MENU, "items": [["Jackets", f"{S}/c/jackets", True]]}
    pages = [
        view("/p/a", template="/p/*"),
        view("/p/b", template="/p/*"),
        view("/p/c", template="/p/*", main_nav=other),
    ]
    (f,) = MainMenu().evaluate(pages, site(pages))
    assert f.urls == [S + "/p/c"] and f.evidence["usual"] == ["jackets", "tents"]


def test_overloaded_and_keyboard_unreachable_menus_are_found():
    items = [[f"Item {i}", f"{S}/c/{i}", i != 3] for i in range(12)]
    big = {**MENU, "items": items, "count": 12}
    pages = [view("/", main_nav=big), view("/c", main_nav=big)]
    titles = {f.title: f for f in MainMenu().evaluate(pages, site(pages))}
    assert titles["The main menu has 12 top-level items"].evidence["count"] == 12
    assert titles["Main menu items cannot be reached with the keyboard"].evidence["items"] == [
        "Item 3"
    ]
    assert (
        MainMenu({"max_top_items": 12}).evaluate(
            [view("/", main_nav={**big, "items": [[*i[:2], True] for i in items]})], site()
        )
        == []
    )


# ------------------------------------------------------------------ breadcrumbs

CRUMBS = [["Home", S + "/"], ["Tents", S + "/c/tents"], ["Polar Tent", None]]


def test_product_pages_without_breadcrumb_are_grouped_in_one_finding():
    pages = [
        view("/p/a", template="/p/*", breadcrumb=CRUMBS, **PRODUCT),
        view("/p/b", template="/p/*", **PRODUCT),
        view("/p/c", template="/p/*", **PRODUCT),
    ]
    (f,) = Breadcrumbs().evaluate(pages, site(pages))
    assert f.evidence["pages_without"] == 2 and f.evidence["pages"] == 3
    assert f.urls == [S + "/p/b", S + "/p/c"]


def test_breadcrumbs_everywhere_give_no_finding_and_other_pages_need_none():
    pages = [
        view("/p/a", breadcrumb=CRUMBS, **PRODUCT),
        view(
            "/c/tents",
            breadcrumb=CRUMBS[:2],
            types=["CollectionPage"],
            links=[("/p/a", "Polar Tent", "body")],
        ),
        view("/about"),
    ]
    assert Breadcrumbs().evaluate(pages, site(pages)) == []


def test_breadcrumb_parent_that_does_not_list_the_page_is_found():
    """The demo's deep tent: filed under Tents, but only a collection lists it."""
    top = {"types": ["CollectionPage"], "breadcrumb": CRUMBS[:2]}
    listing = [
        view("/c/tents", links=[("/p/b", "Dome", "body")], **top),
        view("/c/tents?page=2", links=[("/col/exp", "Exp", "body")], **top),
    ]
    pages = [
        *listing,
        view("/p/a", breadcrumb=CRUMBS, **PRODUCT),
        view("/p/b", breadcrumb=[*CRUMBS[:2], ["Dome", None]], **PRODUCT),
    ]
    orphan = view("/p/lost", breadcrumb=[*CRUMBS[:2], ["Lost", None]], depth=None, **PRODUCT)
    pages.append(orphan)  # reached by no link: the orphans check reports it, not this one
    (f,) = Breadcrumbs().evaluate(pages, site(pages))
    assert f.urls == [S + "/p/a"]  # /p/b is listed on page 1 of the same listing
    assert f.evidence["parent_text"] == "Tents"
    # with a page of the listing left out, the crawl cannot tell
    unsure = site(pages, unrendered={S + "/c/tents?page=3": "sampled"})
    assert Breadcrumbs().evaluate(pages, unsure) == []


def test_a_trail_that_leaves_out_the_page_files_it_under_its_last_crumb():
    """ "Home › Tents" above the product (no crumb for the page itself) files the page
    under Tents, as "Home › Tents › Polar Tent" does: a listing that lists it is fine."""
    short = CRUMBS[:2]
    top = {"types": ["CollectionPage"], "breadcrumb": short}
    tents = view("/c/tents", links=[("/p/a", "Polar Tent", "body")], **top)
    pages = [tents, view("/p/a", breadcrumb=short, **PRODUCT)]
    assert Breadcrumbs().evaluate(pages, site(pages)) == []
    unlisting = view("/c/tents", **top)
    pages = [unlisting, view("/p/a", breadcrumb=short, **PRODUCT)]
    (f,) = Breadcrumbs().evaluate(pages, site(pages))
    assert f.evidence["parent_text"] == "Tents" and f.urls == [S + "/p/a"]


def test_pages_of_one_kind_without_breadcrumb_are_one_finding_over_their_templates():
    cats = [view(f"/c/{c}", types=["CollectionPage"]) for c in ("tents", "stoves", "lamps")]
    (f,) = Breadcrumbs().evaluate(cats, site(cats))
    assert f.title == "Category pages without a breadcrumb" and len(f.urls) == 3
    assert f.evidence["templates"] == ["/c/lamps", "/c/stoves", "/c/tents"]


def test_a_products_own_sub_page_is_listed_where_the_product_is():
    """django-oscar's review form (/p/a/reviews/add) shows the product's breadcrumb and
    its buy box; the listing lists the product, which links to the form."""
    top = {"types": ["CollectionPage"], "breadcrumb": CRUMBS[:2]}
    pages = [
        view("/c/tents", links=[("/p/a", "Polar Tent", "body")], **top),
        view("/p/a", breadcrumb=CRUMBS, **PRODUCT),
        view("/p/a/reviews/add", breadcrumb=CRUMBS, **PRODUCT),
    ]
    assert Breadcrumbs().evaluate(pages, site(pages)) == []
    # the listing's link to itself or to the home page lists nothing below it
    stray = view("/c/tents/extra/p9", breadcrumb=CRUMBS, **PRODUCT)
    listing = view("/c/tents", links=[("/c/tents", "1", "body"), ("/", "Home", "nav")], **top)
    (f,) = Breadcrumbs().evaluate([listing, stray], site([listing, stray]))
    assert f.urls == [S + "/c/tents/extra/p9"]


def test_breadcrumb_that_does_not_start_at_home_is_found():
    crumbs = [["Tents", S + "/c/tents"], ["Polar Tent", None]]
    pages = [view("/p/a", breadcrumb=crumbs, **PRODUCT)]
    (f,) = Breadcrumbs().evaluate(pages, site(pages))
    assert f.title == "Breadcrumb does not start at the home page"


# ------------------------------------------------------------------ soft 404


def probe(status, **struct):
    return {
        "url": S + "/auditor-probe",
        "final_url": S + "/auditor-probe",
        "status": status,
        "redirected": False,
        "content_type": "text/html",
        "title": "Page not found",
        "structure": structure(**struct),
        "error": None,
    }


def test_probe_answered_200_without_chrome_is_a_soft_404_and_a_dead_end():
    data = probe(200, main_nav=None, search=False, h1="Page not found")
    findings = {f.title: f for f in Soft404().evaluate([], site(data=data))}
    soft = findings["Missing pages answer with success (soft 404)"]
    assert soft.severity == "serious" and "not found" in soft.message
    assert "Error page offers no way back" in findings


def test_a_real_404_with_menu_and_search_is_fine():
    assert Soft404().evaluate([], site(data=probe(404, h1="Page not found"))) == []


def test_crawled_not_found_page_with_status_200_is_found():
    pages = [view("/gone", title="Page not found – Shop", h1="Sorry"), view("/ok", title="Tents")]
    (f,) = Soft404().evaluate(pages, site(pages))
    assert f.urls == [S + "/gone"]


def test_german_not_found_text_is_recognised():
    pages = [view("/weg", title="Shop", h1="Seite nicht gefunden", main_nav=None, search=False)]
    titles = {f.title for f in Soft404().evaluate(pages, site(pages))}
    assert titles == {
        "\u201cNot found\u201d page answers with success",
        "Error page offers no way back",
    }


def test_a_bad_key_pages_option_names_the_key(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[checks."navigation.key-pages"]\nrequired = ["cart", "basket"]\n')
    with pytest.raises(ConfigError, match=r"navigation.key-pages\".required' has unknown .*basket"):
        load_checks(load_settings(path, {}, environ={}))


def test_a_negative_check_option_names_the_key(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[checks."navigation.pagination"]\nscroll_wait_ms = -5\n')
    with pytest.raises(ConfigError, match=r"pagination\".scroll_wait_ms' must be at least 0"):
        load_checks(load_settings(path, {}, environ={}))


# ------------------------------------------------------------------ issue 21: accuracy

ACCOUNT = {
    "label": "Account",
    "in_header": True,
    "items": [["Sign in", f"{S}/login"], ["Cart (0)", f"{S}/cart"]],
    "count": 2,
}
MAIN = {**MENU, "items": [[t, h] for t, h, _ in MENU["items"]]}


def test_a_page_that_kept_only_the_account_bar_has_no_main_menu():
    """The structure named the account bar the page's menu; the site's menu decides."""
    bar_only = {"main_nav": {**ACCOUNT, "items": [[*i, True] for i in ACCOUNT["items"]]}}
    pages = [
        view("/", navs=[ACCOUNT, MAIN]),
        view("/c/jackets", template="/c/*", navs=[ACCOUNT, MAIN]),
        view("/c/tents", template="/c/*", navs=[ACCOUNT], **bar_only),
        view("/shipping", navs=[], main_nav=None),
    ]
    (f,) = MainMenu().evaluate(pages, site(pages))
    assert f.title == "Pages without the main menu" and f.severity == "moderate"
    assert f.urls == [S + "/c/tents", S + "/shipping"]  # one finding with all its pages
    assert f.evidence["menu"] == ["jackets", "tents"]
    assert f.evidence["templates"] == {"/c/*": 1, "/shipping": 1}
    # the repaired twin: the menu is back beside the account bar
    twin = [*pages[:2], view("/c/tents", template="/c/*", navs=[ACCOUNT, MAIN])]
    assert MainMenu().evaluate(twin, site(twin)) == []


def test_the_same_menu_in_another_place_differs():
    pages = [view("/"), view("/a"), view("/b", navs=[{**MAIN, "in_header": False}])]
    (f,) = MainMenu().evaluate(pages, site(pages))
    assert f.title == "The main menu differs on some pages" and f.urls == [S + "/b"]
    assert "not in the header" in f.message


def test_a_breadcrumb_home_that_redirects_to_the_start_page_starts_at_home():
    """The shop's "/" redirects to "/catalogue/", the audit started at "/catalogue/"."""
    home = view(
        "/", final="/catalogue/", links=[("/c/tents", "Tents", "nav"), ("/c/jackets", "J", "nav")]
    )
    crumbs = [["Home", S + "/"], ["Tents", None]]
    cats = [
        view(f"/c/{n}", types=["CollectionPage"], breadcrumb=crumbs, redirects=[])
        for n in ("tents", "jackets")
    ]
    pages = [home, *cats]
    assert Breadcrumbs().evaluate(pages, site(pages, start="/catalogue/")) == []
    # the defect twin: a trail that starts at the shop's "all products" listing
    wrong = view(
        "/c/sale", types=["CollectionPage"], breadcrumb=[["All", S + "/c/all"], ["Sale", None]]
    )
    (f,) = Breadcrumbs().evaluate([*pages, wrong], site(pages, start="/catalogue/"))
    assert f.title == "Breadcrumb does not start at the home page" and f.urls == [S + "/c/sale"]


def test_a_listing_that_links_to_a_product_s_old_address_lists_it():
    top = {"types": ["CollectionPage"], "breadcrumb": CRUMBS[:2]}
    listing = view("/c/tents", links=[("/p/old-name", "Polar Tent", "body")], **top)
    moved = view("/p/old-name", final="/p/a", breadcrumb=CRUMBS, **PRODUCT)  # a link followed
    product = view("/p/a", breadcrumb=CRUMBS, **PRODUCT)  # and found it in the sitemap
    pages = [listing, moved, product]
    assert Breadcrumbs().evaluate(pages, site(pages)) == []
    unlisted = view("/c/tents", links=[("/p/b", "Dome", "body")], **top)
    (f,) = Breadcrumbs().evaluate([unlisted, product], site([unlisted, product]))
    assert f.urls == [S + "/p/a"]


def test_a_link_that_redirects_back_to_the_page_leads_nowhere():
    pages = [
        view("/", links=[("/landing", "Offer", "body")]),
        view("/landing", links=[("/offer", "Again", "body")]),
        view("/offer", final="/landing", links=[("/offer", "Again", "body")]),
    ]
    found = DeadEnds().evaluate(pages, site(pages))
    assert sorted(u for f in found for u in f.urls) == [S + "/landing", S + "/offer"]


def test_a_sitemap_address_that_redirects_to_a_linked_page_is_no_orphan():
    pages = [view("/", links=[("/p/a", "A", "body")]), view("/p/a", depth=1)]
    old = view("/p/old", depth=None, final="/p/a")
    s = site(pages, sitemap=["/p/old"])
    assert Orphans().evaluate([*pages, old], s) == []
    (f,) = Orphans().evaluate(pages, site(pages, sitemap=["/p/lantern"]))
    assert f.url == S + "/p/lantern"


def test_a_delivery_and_returns_page_is_the_returns_page_too():
    footer = [(u, t, p) for u, t, p in FOOTER if u not in ("/shipping", "/returns")]
    combined = [*footer, ("/help/delivery-returns", "Delivery & returns", "footer")]
    pages = key_shop(footer=combined)
    pages.append(view("/help/delivery-returns", links=combined, depth=1, h1="Delivery & returns"))
    assert KeyPages().evaluate(pages, site(pages)) == []
    # the defect twin: a delivery page only, no word on returns anywhere
    delivery = [*footer, ("/help/delivery", "Delivery", "footer")]
    pages = key_shop(footer=delivery)
    pages.append(view("/help/delivery", links=delivery, depth=1, h1="Delivery"))
    (f,) = KeyPages().evaluate(pages, site(pages))
    assert f.title == "No returns information found"


def test_a_combined_page_need_not_link_to_itself_for_either_role():
    footer = [(u, t, p) for u, t, p in FOOTER if u not in ("/shipping", "/returns")]
    link = ("/versand-und-rueckgabe", "Versand", "footer")  # the address names both
    pages = key_shop(footer=[*footer, link])
    pages.append(view("/versand-und-rueckgabe", links=footer, depth=1, h1="Versand"))
    assert KeyPages().evaluate(pages, site(pages)) == []


def test_a_listing_with_pages_the_crawl_could_not_open_is_not_judged():
    # Shuup: "Category ujzPde" numbers pages 1-3, but "2" and "3" are links to "#" that
    # a script follows; the product the breadcrumb files there is on page 2 or 3
    top = {"types": ["CollectionPage"], "breadcrumb": CRUMBS[:2]}
    product = view("/p/a", breadcrumb=CRUMBS, **PRODUCT)
    paged = view("/c/tents", links=[("/p/b", "Dome", "body")], pagination={"max_page": 3}, **top)
    assert Breadcrumbs().evaluate([paged, product], site([paged, product])) == []
    # the twin: every numbered page crawled, none lists the product
    second = view(
        "/c/tents?page=2", links=[("/p/c", "Tunnel", "body")], pagination={"max_page": 2}, **top
    )
    first = view("/c/tents", links=[("/p/b", "Dome", "body")], pagination={"max_page": 2}, **top)
    pages = [first, second, product]
    (f,) = Breadcrumbs().evaluate(pages, site(pages))
    assert f.title == "Breadcrumb names a parent that does not list the page"
    assert f.urls == [S + "/p/a"]
