"""The structure script in a real Chromium, on pages laid out as different shop systems do."""

import pytest_asyncio

from auditor.pagekinds import page_kind
from auditor.results import iter_records
from auditor.runner import run_audit
from auditor.structure import STRUCTURE_JS, clean_structure
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, page

START = "http://127.0.0.1/"

SHOPIFY_LIKE = page(
    "Trail Tent – Shop",
    """
    <header><a href="/">Shop</a>
      <nav class="site-nav"><ul>
        <li><a href="/collections/tents">Tents</a><ul><li><a href="/collections/dome">Dome</a></li></ul></li>
        <li><a href="/collections/bags">Bags</a></li>
      </ul></nav>
      <form action="/search"><input name="q"></form>
    </header>
    <nav class="breadcrumbs"><a href="/">Home</a> / <a href="/collections/tents">Tents</a> /
      <span aria-current="page">Trail Tent</span></nav>
    <h1>Trail   Tent</h1><form><button>In den Warenkorb</button></form>
    <footer><nav><a href="/impressum">Impressum</a><a href="/datenschutz">Datenschutz</a></nav></footer>
    """,
    head="""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Product","name":"Trail Tent"},
      {"@type":"BreadcrumbList","itemListElement":[
        {"@type":"ListItem","position":1,"name":"Home","item":"https://shop.example/"},
        {"@type":"ListItem","position":2,"name":"Tents","item":{"@id":"https://shop.example/t"}}]}]}
    </script><script type="application/ld+json">{ broken json</script>
    <meta property="og:type" content="product">""",
)

DIV_MENU = page(
    "Damen",
    """
    <div role="banner">
      <nav aria-label="Hauptmenü"><ul>
        <li><span class="toggle" onclick="void 0">Damen</span></li>
        <li><a href="/herren" tabindex="-1">Herren</a></li>
        <li><a href="/sale">Sale</a></li>
      </ul></nav>
    </div>
    <nav aria-label="Breadcrumb"><ol><li><a href="/">Start</a></li><li>Damen</li></ol></nav>
    <nav aria-label="Pagination"><a href="?seite=2">2</a><a href="?seite=7">7</a></nav>
    <button type="button">Mehr laden</button>
    """,
)

BARE = page("Page not found", "<h1>Page not found</h1><p>Nothing here.</p>")

HUGE = page(
    "x" * 5000,
    "<h1>"
    + "H" * 100_000
    + "</h1><nav aria-label='Main'><ul>"
    + "".join(f"<li><a href='/c/{i}'>{'n' * 500}</a></li>" for i in range(1000))
    + "</ul></nav>",
)
SCRIPT_BREAKER = page(
    "Broken",
    "<nav aria-label='Main'><a href='/a'>A</a><a href='/b'>B</a></nav>"
    "<script>window.getComputedStyle = () => { throw new Error('no'); };</script>",
)


@pytest_asyncio.fixture(loop_scope="session")
async def tab(browser):
    context = await browser.new_context()
    yield await context.new_page()
    await context.close()


async def structure_of(tab, html):
    with FixtureServer({"/p": html}) as server:
        await tab.goto(server.url("/p"))
        return clean_structure(await tab.evaluate(STRUCTURE_JS)), server.base_url


async def test_header_menu_breadcrumb_and_json_ld_of_a_shopify_like_page(tab):
    s, base = await structure_of(tab, SHOPIFY_LIKE)
    assert s["h1"] == "Trail Tent"
    assert {"Product", "BreadcrumbList"} <= set(s["types"]) and s["og_type"] == "product"
    nav = s["main_nav"]
    assert nav["in_header"] and nav["visible"] and nav["count"] == 2
    assert [i[0] for i in nav["items"]] == ["Tents", "Bags"]  # top level only, not "Dome"
    assert nav["items"][0][1] == base + "collections/tents"
    assert [c[0] for c in s["breadcrumb"]] == ["Home", "Tents", "Trail Tent"]
    assert s["breadcrumb"][0][1] == base
    assert s["breadcrumb_ld"] == [
        ["Home", "https://shop.example/"],
        ["Tents", "https://shop.example/t"],
    ]
    assert s["search"] and s["add_to_cart"] and s["header"]
    assert not s["load_more"]


async def test_german_menu_with_unreachable_items_pager_and_load_more(tab):
    s, _ = await structure_of(tab, DIV_MENU)
    nav = s["main_nav"]
    assert nav["label"] == "Hauptmenü" and nav["in_header"]
    assert [(i[0], i[2]) for i in nav["items"]] == [
        ("Damen", False),
        ("Herren", False),
        ("Sale", True),
    ]
    assert [c[0] for c in s["breadcrumb"]] == ["Start", "Damen"]
    assert s["pagination"] == {"max_page": 7, "next": False}
    assert s["load_more"] and not s["search"] and not s["add_to_cart"]


async def test_a_bare_page_has_no_menu_search_or_breadcrumb(tab):
    s, _ = await structure_of(tab, BARE)
    assert s["main_nav"] is None and s["breadcrumb"] is None
    assert not s["search"] and not s["header"]
    assert s["h1"] == "Page not found"


async def test_a_gigantic_page_is_cut_to_size(tab):
    s, _ = await structure_of(tab, HUGE)
    assert len(s["h1"]) == 200
    assert len(s["main_nav"]["items"]) == 60 and s["main_nav"]["count"] == 1000
    assert all(len(i[0]) <= 100 for i in s["main_nav"]["items"])


async def test_a_page_that_breaks_the_script_still_gives_a_record(browser, tmp_path):
    with FixtureServer({"/": SCRIPT_BREAKER, "/a": page("A", "a"), "/b": page("B", "b")}) as server:
        path = await run_audit(server.base_url, quick_settings(), tmp_path, browser=browser)
    records = {r.url: r for r in iter_records(tmp_path / "pages.jsonl")}
    home = records[server.base_url]
    assert home.error is None and home.structure == {}
    assert {link.url for link in home.links} >= {server.url("/a"), server.url("/b")}
    assert path.exists()


OSCAR_LIKE = page(
    "Fiction",
    "<main><h1>Fiction</h1><ol><li><a href='/p/1'>One</a><button>Add to basket</button></li>"
    "<li><a href='/p/2'>Two</a><button>Add to basket</button></li></ol>"
    "<ul class='pager'><li class='current'>Page 1 of 3</li>"
    "<li class='next'><a href='?page=2'>next</a></li></ul></main>",
)
ONE_PRODUCT = page(
    "Salt and Iron",
    "<main><h1>Salt and Iron</h1><p>£9.99</p><form><label>Quantity "
    "<input type='number' name='quantity' value='1'></label><button>Add to basket</button>"
    "</form><h2>Recently viewed</h2><ol><li><a href='/p/2'>Two</a><form>"
    "<input type='hidden' name='quantity' value='1'><button>Add to basket</button></form>"
    "</li></ol></main>",
)
#: django-oscar's product page: the quantity field is hidden, the cards below have buttons
HIDDEN_QUANTITY_PRODUCT = page(
    "Glass Orchard",
    "<main><h1>Glass Orchard</h1><p>£12.00</p><form><input type='hidden' name='quantity' "
    "value='1'><button>Add to basket</button></form><h2>Recently viewed</h2><ol>"
    + "".join(
        f"<li><a href='/p/{n}'>Book {n}</a><form><button>Add to basket</button></form></li>"
        for n in range(3)
    )
    + "</ol></main>",
)


async def test_a_buy_box_is_the_one_cart_button_under_the_heading(tab):
    product, _ = await structure_of(tab, HIDDEN_QUANTITY_PRODUCT)
    assert product["add_to_cart_count"] == 4 and product["quantity_fields"] == 0
    assert product["buy_box_controls"] == 1
    assert (
        page_kind("http://127.0.0.1/catalogue/glass-orchard_3/", None, product, START) == "product"
    )
    listing, _ = await structure_of(tab, OSCAR_LIKE)  # the listing's buttons: no buy box
    assert listing["buy_box_controls"] == 2
    assert page_kind("http://127.0.0.1/catalogue/fiction_1/", None, listing, START) != "product"


async def test_a_pager_in_words_counts_its_pages_and_its_next_link(tab):
    s, _ = await structure_of(tab, OSCAR_LIKE)
    assert s["pagination"] == {"max_page": 3, "next": True}
    assert s["add_to_cart_count"] == 2
    product, _ = await structure_of(tab, ONE_PRODUCT)
    assert product["add_to_cart_count"] == 2 and product["quantity_fields"] == 1
    assert product["pagination"]["max_page"] == 0 and s["quantity_fields"] == 0
