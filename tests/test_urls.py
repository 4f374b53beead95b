from auditor.config import DEFAULT_SESSION_PARAMETERS, DEFAULT_TRACKING_PARAMETERS
from auditor.urls import Scope, TemplateGrouper, UrlNormalizer, looks_like_html, url_key

N = UrlNormalizer(DEFAULT_TRACKING_PARAMETERS, DEFAULT_SESSION_PARAMETERS)


def test_fragment_default_port_and_case_are_normalised():
    assert N.normalize("HTTP://Shop.Example:80/Jackets#reviews") == "http://shop.example/Jackets"
    assert N.normalize("https://shop.example:443/") == "https://shop.example/"
    assert N.normalize("https://shop.example:8443/x") == "https://shop.example:8443/x"


def test_tracking_and_session_parameters_are_removed_and_query_sorted():
    url = "https://s.example/p?b=2&utm_source=mail&a=1&gclid=X&fbclid=Y&PHPSESSID=abc&utm_medium=x"
    assert N.normalize(url) == "https://s.example/p?a=1&b=2"


def test_custom_tracking_list_with_wildcard():
    n = UrlNormalizer(["ref_*", "campaign"], [])
    assert (
        n.normalize("https://s.example/?ref_x=1&campaign=2&q=shoe") == "https://s.example/?q=shoe"
    )
    assert n.normalize("https://s.example/?utm_source=1") == "https://s.example/?utm_source=1"


def test_session_id_in_path_is_removed():
    assert (
        N.normalize("https://s.example/cart;jsessionid=ABC123?x=1") == "https://s.example/cart?x=1"
    )


def test_relative_links_resolve_and_non_http_is_refused():
    assert N.normalize("../b?x=1", base="https://s.example/a/c") == "https://s.example/b?x=1"
    for bad in ("mailto:a@b.example", "tel:+4912345", "javascript:void(0)", "ftp://s.example/x"):
        assert N.normalize(bad, base="https://s.example/") is None
    assert N.normalize("http://[::1]:8080/x") == "http://[::1]:8080/x"
    assert N.normalize("http://exa mple.com:99999/") is None


def test_empty_path_becomes_slash():
    assert N.normalize("https://s.example") == "https://s.example/"


def test_scope_same_site_www_subdomains_and_patterns():
    s = Scope(["https://www.shop.example/"])
    assert s.allows("https://shop.example/a")
    assert not s.allows("https://cdn.shop.example/a")
    assert not s.allows("https://other.example/")
    sub = Scope(["https://shop.example/"], allow_subdomains=True, exclude=[r"/account"])
    assert sub.allows("https://de.shop.example/x")
    assert not sub.allows("https://shop.example/account/orders")
    inc = Scope(["https://shop.example/"], include=[r"/de/"])
    assert inc.allows("https://shop.example/de/jacken")
    assert not inc.allows("https://shop.example/en/jackets")


def test_non_html_links_are_recognised_by_extension():
    assert looks_like_html("https://s.example/product/alpine-jacket")
    assert looks_like_html("https://s.example/jacket.html")
    assert not looks_like_html("https://s.example/files/size-guide.PDF")
    assert not looks_like_html("https://s.example/img/x.webp?w=200")


def test_templates_group_slugs_ids_and_query_keys():
    g = TemplateGrouper()
    assert g.template_of("https://s.example/") == "/"
    assert g.template_of("https://s.example/product/alpine-shell-jacket") == "/product/*"
    assert g.template_of("https://s.example/product/trail-runner") == "/product/*"
    assert g.template_of("https://s.example/category/jackets?page=2") == "/category/jackets?page=*"
    assert g.template_of("https://s.example/p/12345") == "/p/*"
    assert g.template_of("https://s.example/red-rain-jacket.html") == "/*.html"
    assert g.template_of("https://s.example/cart") == "/cart"
    assert g.template_of("https://s.example/login") == "/login"


def test_templates_collapse_many_fixed_names_under_one_prefix():
    g = TemplateGrouper()
    names = [
        "jackets",
        "shoes",
        "tents",
        "boots",
        "gloves",
        "hats",
        "socks",
        "scarves",
        "bags",
        "belts",
        "caps",
        "vests",
        "ponchos",
        "mittens",
        "helmets",
    ]
    templates = [g.template_of(f"https://s.example/outdoor/{n}") for n in names]
    assert templates[:12] == [f"/outdoor/{n}" for n in names[:12]]
    assert set(templates[12:]) == {"/outdoor/*"}
    # the first segment never collapses by count: key pages stay apart
    tops = [g.template_of(f"https://s.example/{n}") for n in names]
    assert tops == [f"/{n}" for n in names]


def test_url_key_drops_scheme_host_and_port():
    assert url_key("http://127.0.0.1:8123/a/b?x=1") == "/a/b?x=1"
    assert url_key("https://s.example") == "/"


def test_the_first_page_of_a_listing_is_the_listing_itself():
    n = UrlNormalizer([], [])
    assert n.normalize("https://shop.example/c/books/?page=1") == "https://shop.example/c/books/"
    assert (
        n.normalize("https://shop.example/c?sort=price&page=1")
        == "https://shop.example/c?sort=price"
    )
    assert n.normalize("https://shop.example/c?offset=0") == "https://shop.example/c"
    # the second page, and a parameter that merely shares the name, stay
    assert n.normalize("https://shop.example/c?page=2") == "https://shop.example/c?page=2"
    assert n.normalize("https://shop.example/c?start=1") == "https://shop.example/c?start=1"


def test_a_sorted_or_filtered_listing_has_the_listings_template():
    g = TemplateGrouper()
    assert g.template_of("https://s.example/c/tents?price=over-300") == "/c/tents"
    assert g.template_of("https://s.example/c/tents?sort=price&page=2") == "/c/tents?page=*"
    assert g.template_of("https://s.example/search?q=tent") == "/search?q=*"
    # the shop's own filter names, where configured
    assert TemplateGrouper(["marke"]).template_of("https://s.example/c?marke=x") == "/c"
