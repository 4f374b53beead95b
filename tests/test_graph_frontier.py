from auditor.frontier import Frontier
from auditor.graph import LinkGraph
from auditor.urls import Scope, TemplateGrouper

S = "https://s.example"


def test_click_depth_is_the_shortest_path_and_redirects_cost_nothing():
    g = LinkGraph()
    g.add_links(f"{S}/", [f"{S}/a", f"{S}/b", f"{S}/old"])
    g.add_links(f"{S}/a", [f"{S}/a1"])
    g.add_links(f"{S}/a1", [f"{S}/deep"])
    g.add_links(f"{S}/b", [f"{S}/deep2"])
    g.add_redirect(f"{S}/old", f"{S}/deep")
    g.add_links(f"{S}/deep", [f"{S}/deeper"])
    d = g.depths([f"{S}/"])
    assert d[f"{S}/"] == 0 and d[f"{S}/a"] == 1 and d[f"{S}/a1"] == 2
    assert d[f"{S}/deep"] == 1  # through the redirect, not through /a/a1
    assert d[f"{S}/deeper"] == 2
    assert f"{S}/orphan" not in d
    assert g.paths([f"{S}/"])[f"{S}/deeper"] == f"{S}/deep"
    both = g.depths_and_parents([f"{S}/"])
    assert both == (d, g.paths([f"{S}/"]))
    assert both[1][f"{S}/deep"] == f"{S}/old"  # the click that led to the redirect


def _frontier(**kw):
    opts = {"max_pages": 100, "max_depth": 3, "max_per_template": 2}
    opts.update(kw)
    return Frontier(Scope([S + "/"]), TemplateGrouper(), lambda u: "/private" not in u, **opts)


def test_frontier_dedupes_filters_and_explains():
    f = _frontier()
    assert f.offer(f"{S}/", 0, force=True) is None
    assert f.offer(f"{S}/", 1) == "seen"
    assert f.offer("https://other.example/", 1) == "scope"
    assert f.offer(f"{S}/private/x", 1) == "robots"
    assert f.offer(f"{S}/files/a.pdf", 1) == "file"
    assert f.offer(f"{S}/too/deep", 4) == "depth"
    assert f.unrendered == {f"{S}/files/a.pdf": "file", f"{S}/too/deep": "depth"}


def test_frontier_samples_each_template_and_caps_pages():
    f = _frontier()
    results = [f.offer(f"{S}/product/item-{i}", 1) for i in range(5)]
    assert results == [None, None, "sampled", "sampled", "sampled"]
    assert f.skipped["sampled"] == 3
    capped = _frontier(max_pages=3, max_per_template=10)
    assert [capped.offer(f"{S}/p{i}", 1) for i in range(5)] == [
        None,
        None,
        None,
        "max_pages",
        "max_pages",
    ]


def test_frontier_pops_breadth_first_and_sitemap_urls_last():
    f = _frontier(max_per_template=10)
    f.offer(f"{S}/sitemap-only", None)
    f.offer(f"{S}/two", 2)
    f.offer(f"{S}/one", 1)
    order = [f.pop().url for _ in range(3)]
    assert order == [f"{S}/one", f"{S}/two", f"{S}/sitemap-only"]
    assert f.pop() is None
