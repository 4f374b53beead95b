"""The category names the search is tried with come from the crawl: a category page's
heading, else its title without the shop's name. Shuup titles every page "Default Shop
– <page>"; its category overview has no heading, and the audit searched for "Default
Shop" and reported that the category name finds nothing."""

from __future__ import annotations

from types import SimpleNamespace

from checks.search.runs import derived_queries

_OPTS = {"derived_products": 5, "derived_categories": 5}
_START = "http://shop.test/"


def _record(path: str, title: str, h1: str | None = None, **structure) -> SimpleNamespace:
    url = _START.rstrip("/") + path
    return SimpleNamespace(
        url=url,
        final_url=url,
        status=200,
        error=None,
        content_type="text/html",
        title=title,
        structure={"h1": h1, **structure},
        gathered={},
    )


def _category_queries(titles: dict[str, str]) -> set[str]:
    records = [_record("/", titles.pop("/"), "Welcome")]
    records += [_record(path, title) for path, title in titles.items()]
    return {c["query"] for c in derived_queries(records, _START, _OPTS)["categories"]}


def test_the_shop_name_before_the_page_name_is_not_the_category_name():
    # Shuup: "Default Shop – Default" for the category "Default", no heading
    queries = _category_queries(
        {
            "/": "Default Shop – Home",
            "/category/lipsticks/": "Default Shop – Lipsticks",
            "/category/perfumes/": "Default Shop – Perfumes",
        }
    )
    assert queries == {"Lipsticks", "Perfumes"}


def test_the_overview_of_all_categories_is_no_category_to_search_for():
    # Shuup's /c/ ("Default Shop – Categories") lists every category; no customer
    # searches for "Categories"
    queries = _category_queries(
        {
            "/": "Default Shop – Home",
            "/category/index/": "Default Shop – Categories",
            "/category/all-products/": "Default Shop – All products",
            "/category/lipsticks/": "Default Shop – Lipsticks",
        }
    )
    assert queries == {"Lipsticks"}


def test_the_page_name_first_and_a_title_of_one_part_stay_as_they_were():
    queries = _category_queries(
        {
            "/": "Home | Beauty Store",
            "/category/lipsticks/": "Lipsticks | Beauty Store",
            "/category/perfumes/": "Perfumes",
        }
    )
    assert queries == {"Lipsticks", "Perfumes"}


def test_a_heading_names_the_category_whatever_the_title():
    records = [
        _record("/", "Default Shop – Home", "Welcome"),
        _record("/category/lipsticks/", "Default Shop – Lipsticks", "Red lipsticks"),
    ]
    (category,) = derived_queries(records, _START, _OPTS)["categories"]
    assert category == {"query": "Red lipsticks", "expected": "/category/lipsticks/"}


def _variant(kind: str, base: str):
    from checks.search.runs import _Item

    return _Item("variant", f"{base}~{kind}", {"kind": kind, "base": base})


def test_each_kind_of_variant_is_sent_first_for_so_many_products_in_order():
    from checks.search.runs import split_by_kind

    items = [_variant(k, b) for b in ("a", "b", "c") for k in ("swap", "case")]
    first, held = split_by_kind(items, 2)
    assert [i.query for i in first] == ["a~swap", "a~case", "b~swap", "b~case"]
    assert [i.query for i in held] == ["c~swap", "c~case"]
    assert split_by_kind(items, 0) == (items, [])


def test_only_kinds_whose_first_variants_disagree_or_went_unread_are_left_open():
    from checks.search.runs import undecided_kinds

    def run(zero):
        return {"read": {"zero": zero}}

    tried = [
        (_variant("swap", "a"), run(True)),
        (_variant("swap", "b"), run(True)),  # both find nothing: the kind fails
        (_variant("case", "a"), run(False)),
        (_variant("case", "b"), run(False)),  # both find: the kind passes
        (_variant("plural", "a"), run(True)),
        (_variant("plural", "b"), run(False)),  # one each: open
        (_variant("sku", "a"), run(False)),
        (_variant("sku", "b"), {"error": "no answer", "read": None}),  # unread: open
        (_variant("drop", "a"), None),  # not sent (budget): open
    ]
    assert undecided_kinds(tried) == {"plural", "sku", "drop"}


def test_the_most_variants_bound_what_any_outcome_of_the_first_batch_sends():
    """The categories go with the first batch only where the budget has room for the
    variants whatever the first batch finds (checks.search.runs._search_all)."""
    from itertools import product

    from checks.search.runs import _Item, _most_variants, _variant_items, split_by_kind

    opts = {"synonyms": {}, "variants_per_kind": 2}
    derived = {"lang": "en"}
    first = [
        _Item("product", "Alpine Daypack", {"sku": "NW-1"}),
        _Item("product", "Shell Jacket", {"sku": None}),
        _Item("configured", "Trail Shoes", {}),
        _Item("nonsense", "qxzvbwkj"),
    ]
    most = _most_variants(first, derived, opts)
    sent_counts = []
    for zeros in product((True, False), repeat=3):
        bases = [
            {"query": i.query, "sku": i.extra.get("sku"), "read": {"zero": z}}
            for i, z in zip(first, zeros, strict=False)
        ]
        sent, _ = split_by_kind(_variant_items(bases, derived, opts), 2)
        sent_counts.append(len(sent))
    # reached where all three find something; no outcome sends more
    assert max(sent_counts) == most == sent_counts[-1] and min(sent_counts) == 0
