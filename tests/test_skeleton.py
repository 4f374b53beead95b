"""Layouts told from HTML (issue 21, item 3): pages that share a layout share a
skeleton whatever their words, pictures or number of items; pages that differ do not."""

from __future__ import annotations

import json

from auditor.crawl import timing_group
from auditor.frontier import CrawlTarget, Frontier
from auditor.results import validate_results
from auditor.runner import run_audit
from auditor.skeleton import parse_html, skeleton, skeleton_text
from auditor.urls import Scope, TemplateGrouper, url_key
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route, page

CHROME_TOP = (
    "<header><a href='/'><img src='/logo.png'></a>"
    "<form role='search'><input type='search' name='q'><button>Go</button></form></header>"
    "<nav><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></nav>"
)
CHROME_BOTTOM = "<footer><p>(c) Shop</p><ul><li><a href='/imprint'>Imprint</a></li></ul></footer>"


def shop_page(main: str, title: str = "Page") -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title><script>var x = 1;</script>"
        f"</head><body>{CHROME_TOP}<main>{main}</main>{CHROME_BOTTOM}</body></html>"
    ).encode()


def product(name: str, images: int, paragraphs: int, price: str) -> bytes:
    gallery = "".join(f"<img src='/{name}-{i}.jpg' alt='{name}'>" for i in range(images))
    text = "".join(f"<p>About {name}, part <b>{i}</b>.</p>" for i in range(paragraphs))
    return shop_page(
        f"<nav aria-label='breadcrumb' class='crumbs-{len(name)}'><a href='/'>Home</a></nav>"
        f"<div class='product' id='p-{name}-77'><div class='gallery'>{gallery}</div>"
        f"<div class='info'><h1>{name}</h1><span class='price'>{price}</span>"
        "<form action='/cart'><input type='hidden' name='id' value='7'>"
        "<input type='number' name='qty'><button>Add to cart</button></form>"
        f"<div class='description'>{text}<ul><li>Cotton</li><li>Blue</li></ul></div>"
        "</div></div>",
        name,
    )


def listing(items: int) -> bytes:
    cards = "".join(
        f"<li class='card-{i}'><a href='/p/{i}'><img src='/{i}.jpg'><h3>Item {i}</h3></a>"
        f"<span class='price'>{i} EUR</span></li>"
        for i in range(items)
    )
    return shop_page(f"<h1>Shoes</h1><p>{items} products</p><ul class='grid'>{cards}</ul>")


def text_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<h2>{p[:5]}</h2><p>{p}</p>" for p in paragraphs)
    return shop_page(f"<h1>{title}</h1><div class='cms'>{body}</div>", title)


def test_two_products_with_other_words_and_pictures_share_a_skeleton():
    a = product("Tent", images=1, paragraphs=2, price="99 EUR")
    b = product("Sleeping bag with a very long name", images=5, paragraphs=4, price="9 EUR")
    assert skeleton(a) == skeleton(b) != ""


def test_a_product_a_listing_a_text_page_and_a_form_page_differ():
    form = shop_page(
        "<h1>Contact</h1><form><label>Mail <input type='email' name='m'></label>"
        "<textarea name='t'></textarea><button>Send</button></form>"
    )
    ids = {
        skeleton(product("Tent", 2, 2, "1 EUR")),
        skeleton(listing(10)),
        skeleton(text_page("About", ["We sell tents."])),
        skeleton(form),
    }
    assert len(ids) == 4 and "" not in ids


def test_a_listing_of_10_or_50_items_has_one_skeleton():
    assert skeleton(listing(10)) == skeleton(listing(50))


def test_text_pages_of_any_length_with_or_without_bullet_points_share_one():
    short = text_page("About", ["We sell tents."])
    long = text_page("Shipping", ["Within 2 days.", "Free from 50 EUR.", "To DE, AT, CH."])
    bullets = shop_page(
        "<h1>FAQ</h1><div class='cms'><h2>Q</h2><p>A</p>"
        "<ul><li>one <a href='/x'>link</a></li><li>two</li></ul><p>More</p></div>"
    )
    assert skeleton(short) == skeleton(long) == skeleton(bullets)


def test_roles_count_but_classes_ids_and_attributes_do_not():
    plain = shop_page("<h1>X</h1><div><div><img src='/a.png'></div></div>")
    decorated = shop_page(
        "<h1 class='big'>X</h1><div id='c-123' class='wrap' data-x='1'>"
        "<div style='color:red'><img src='/b.png' alt='b' width='3'></div></div>"
    )
    assert skeleton(plain) == skeleton(decorated)
    with_role = shop_page("<h1>X</h1><div role='region'><div><img src='/a.png'></div></div>")
    assert skeleton(with_role) != skeleton(plain)


def test_an_empty_shell_or_garbage_has_no_skeleton():
    shell = b"<html><head><script src='/app.js'></script></head><body><div id='app'></div></body></html>"
    assert skeleton(shell) == ""
    assert skeleton(b"") == ""
    assert skeleton(b"\x00\xff\xfe garbage <a") == ""
    assert parse_html(b"") is None


def test_deep_nesting_and_huge_listings_stay_cheap_and_stable():
    deep = shop_page("<div>" * 3000 + "<img src='/x.png'>" + "</div>" * 3000)
    assert skeleton(deep)  # no RecursionError
    assert skeleton(listing(2000)) == skeleton(listing(10))
    text = skeleton_text(parse_html(product("Tent", 1, 1, "1 EUR")))
    assert text.startswith("L:header>") and "F:" in text
    assert len(text) < 2000


def test_bullet_points_deep_in_a_description_do_not_count():
    a = product("Tent", 1, 2, "1 EUR")
    b = a.replace(b"<ul><li>Cotton</li><li>Blue</li></ul>", b"")
    assert skeleton(a) == skeleton(b)


# -- the frontier: a layout new to its URL template is rendered --------------------------

S = "https://s.example"


def _frontier(**kw) -> Frontier:
    opts = {"max_pages": 100, "max_depth": 5, "max_per_template": 2, "max_urls": 100}
    opts.update(kw)
    return Frontier(Scope([S + "/"]), TemplateGrouper(), lambda _u: True, **opts)


def test_a_mapped_page_of_a_new_layout_is_promoted_once_per_layout_within_the_cap():
    f = _frontier(max_layouts=3)
    for i in range(8):
        f.offer(f"{S}/info/page-{i}", 1)
    for target in [f.pop(), f.pop()]:
        assert f.rendered(target, "form") == []
    mapped = [f.pop_to_map() for _ in range(6)]
    assert f.skipped["sampled"] == 6 and len(f.unrendered) == 6
    assert not f.promote(mapped[0], "form")  # the sample has that layout
    assert not f.promote(mapped[0], "")  # a layout that could not be told
    assert f.promote(mapped[1], "listing")
    assert not f.promote(mapped[2], "listing")  # promoted already
    assert f.promote(mapped[3], "text")
    assert not f.promote(mapped[4], "gallery")  # three layouts of /info/* at most
    assert f.promoted == 2 and f.accepted == 4
    assert f.skipped["sampled"] == 4 and mapped[1].url not in f.unrendered
    again = [f.pop(), f.pop()]
    assert [(t.url, t.template, t.layout) for t in again] == [
        (mapped[1].url, "/info/*", "listing"),
        (mapped[3].url, "/info/*", "text"),
    ]
    assert f.rendered(again[0], "listing") == []
    assert f.pop() is None


def test_a_page_read_while_its_templates_sample_renders_waits_for_the_sample():
    """Which layouts the sample has is known only once it is rendered: a mapped page
    read before then waits (one per layout), and is promoted only if still new."""
    f = _frontier()
    for i in range(6):
        f.offer(f"{S}/product/item-{i}", 1)
    sample = [f.pop(), f.pop()]
    same, other, other_too = (f.pop_to_map() for _ in range(3))
    assert not f.promote(same, "product")  # the sample is still rendering
    assert not f.promote(other, "bundle")
    assert not f.promote(other_too, "bundle")
    assert f.rendered(sample[0], "product") == []  # one page of the sample still out
    promoted = f.rendered(sample[1], "product")
    assert [(t.url, t.layout) for t in promoted] == [(other.url, "bundle")]
    assert f.promoted == 1 and f.pop().url == other.url and f.pop() is None


def test_promotion_keeps_to_max_pages():
    f = _frontier(max_pages=2)
    for i in range(4):
        f.offer(f"{S}/info/page-{i}", 1)
    assert f.accepted == 2
    target = CrawlTarget(f"{S}/info/page-3", 1, "/info/*")
    assert not f.promote(target, "listing")


def test_timing_groups_split_a_folder_by_layout_and_join_fixed_pages_that_share_one():
    assert timing_group("/product/*", "") == "/product/*"
    assert timing_group("/info/*", "ab") == "/info/*#ab" != timing_group("/info/*", "cd")
    assert timing_group("/about", "ab") == timing_group("/faq", "ab") == "#ab"
    assert timing_group("/about", "") != timing_group("/faq", "")


# -- a shop with one folder of three layouts and three fixed pages of one ----------------


def _chrome(main: str) -> str:
    return (
        "<header><a href='/'>Shop</a><nav><a href='/about'>About</a><a href='/faq'>FAQ</a>"
        "<a href='/shipping'>Shipping</a></nav></header>"
        f"<main>{main}</main><footer><a href='/about'>About us</a></footer>"
    )


def info_shop() -> dict:
    """/info/* holds contact forms, store lists and stories (three of each, the forms
    linked first); /about, /faq and /shipping are text pages of one layout."""
    kinds = {
        "contact": lambda i: (
            f"<h1>Contact {i}</h1><form action='/send' method='post'>"
            "<input type='email' name='mail'><textarea name='text'></textarea>"
            "<button>Send</button></form>"
        ),
        "stores": lambda i: (
            f"<h1>Stores {i}</h1><ul>"
            + "".join(
                f"<li><img src='/s{n}.png' alt=''><a href='/'>Store {n}</a></li>"
                for n in range(i + 2)
            )
            + "</ul>"
        ),
        "story": lambda i: f"<h1>Story {i}</h1><div><h2>Once</h2><p>{'Text. ' * i}</p></div>",
    }
    routes = {}
    links = ""
    for kind, body in kinds.items():
        for i in range(1, 4):
            path = f"/info/{kind}-{i}"
            routes[path] = page(f"{kind} {i}", _chrome(body(i)))
            links += f"<a href='{path}'>{kind} {i}</a>"
    routes["/"] = page(
        "Shop",
        _chrome(
            f"<section><article><img src='/hero.png' alt=''></article></section><div>{links}</div>"
        ),
    )
    for name, words in (("about", "We sell."), ("faq", "Ask us. " * 9), ("shipping", "Fast.")):
        routes[f"/{name}"] = page(
            name, _chrome(f"<h1>{name}</h1><div><h2>{name}</h2><p>{words}</p></div>")
        )
    routes["/robots.txt"] = Route("User-agent: *\nAllow: /\n", content_type="text/plain")
    return routes


async def test_each_layout_of_a_folder_is_rendered_and_fixed_pages_of_one_layout_timed_once(
    browser, tmp_path
):
    with FixtureServer(info_shop()) as srv:
        settings = quick_settings(
            audit={"checks": ["performance.web-vitals"]},
            crawl={"max_pages_per_template": 2, "use_sitemap": False},
            measurement={"template_runs": 1, "max_pages_per_template": 1},
        )
        path = await run_audit(srv.base_url, settings, tmp_path, browser=browser)
        fixed_requests = sum(srv.requests_to(p) for p in ("/about", "/faq", "/shipping"))
    results = json.loads(path.read_text())
    assert validate_results(results) == []
    pages = {url_key(p["url"]): p for p in results["pages"]}
    info = {k: p for k, p in pages.items() if k.startswith("/info/")}
    assert {p["template"] for p in info.values()} == {"/info/*"}
    kinds_rendered = {k.split("/")[2].split("-")[0] for k in info}
    assert kinds_rendered == {"contact", "stores", "story"}  # today: contact only
    layouts = {p["layout"] for p in info.values()}
    assert len(layouts) == 3 and None not in layouts
    assert len(info) == 2 + 2  # the sample (two forms) and one page of each new layout
    fixed = [pages[p] for p in ("/about", "/faq", "/shipping")]
    assert len({p["layout"] for p in fixed}) == 1
    assert {p["template"] for p in fixed} == {"/about", "/faq", "/shipping"}
    timed = [p for p in fixed if p["metrics"].get("timed_loads")]
    assert len(timed) == 1  # one page's figures for the three, not one each
    # three crawl visits and at most one timing load (none where the first page's
    # screened figures lie well within every band)
    assert 3 <= fixed_requests <= 3 + 1
    stats = results["stats"]
    assert stats["urls_promoted"] == 2
    by_layout = [g for g in stats["layouts"] if g["template"] == "/info/*"]
    assert len(by_layout) == 3
    assert sum(g["rendered"] + g["mapped"] for g in by_layout) == 9
    assert all(g["rendered"] >= 1 for g in by_layout)
