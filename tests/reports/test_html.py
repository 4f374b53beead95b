"""Tests for the HTML report (reports/html.py)."""

from __future__ import annotations

import copy
import importlib.util
import itertools
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest
from markupsafe import escape

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample_results.json"
SCHEMA = ROOT / "auditor" / "schema" / "results.schema.json"
CSP_META = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
)
SEVERITY_ORDER = ["critical", "serious", "moderate", "minor"]


def load_reports() -> ModuleType:
    """The project's ``reports`` package.

    Under pytest's default import mode, tests/reports/__init__.py turns this directory into
    a package named ``reports`` when tests/ itself is not a package, which shadows the real
    one. In that case the real package is loaded from its path under a private name.
    """
    real_dir = ROOT / "reports"
    try:
        import reports

        if Path(reports.__file__).resolve().parent == real_dir:
            import reports.html
            import reports.markdown

            return reports
    except ImportError:
        pass
    name = "_auditor_reports_under_test"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, real_dir / "__init__.py", submodule_search_locations=[str(real_dir)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
common = sys.modules[reports.__name__ + ".common"]
structure_mod = sys.modules[reports.__name__ + ".sections.structure"]
a11y_mod = sys.modules[reports.__name__ + ".sections.accessibility"]
render_html = reports.render_html


# --------------------------------------------------------------------------- helpers


class Collector(HTMLParser):
    """Collects the tags with their attributes, the heading levels and each svg's first child."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.svgs: list[dict] = []
        self._expect_first_child = False
        self._in_svg_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if self._expect_first_child:
            self.svgs[-1]["first_child"] = tag
            self._expect_first_child = False
            self._in_svg_title = tag == "title"
        if tag == "svg":
            self.svgs.append({"attrs": dict(attrs), "first_child": None, "title": ""})
            self._expect_first_child = True

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if self._expect_first_child:
            self.svgs[-1]["first_child"] = tag
            self._expect_first_child = False

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_svg_title = False

    def handle_data(self, data):
        if self._in_svg_title:
            self.svgs[-1]["title"] += data


def parse(document: str) -> Collector:
    collector = Collector()
    collector.feed(document)
    collector.close()
    return collector


def section(document: str, section_id: str) -> str:
    start = document.index(f'<section id="{section_id}"')
    end = document.index("</section>", start)
    return document[start:end]


def minimal_results(**overrides) -> dict:
    results = {
        "schema_version": "1.0",
        "tool": {"name": "shop-auditor", "version": "0.1.0"},
        "target": "http://127.0.0.1:8123/",
        "started_at": "2025-12-01T10:00:00Z",
        "finished_at": "2025-12-01T10:00:05Z",
        "profile": "mobile",
        "settings": {},
        "score": None,
        "categories": {},
        "checks": [],
        "pages": [],
        "findings": [],
        "errors": [],
        "stats": {
            "pages_crawled": 0,
            "pages_failed": 0,
            "urls_discovered": 0,
            "skipped_robots": 0,
            "skipped_sampled": 0,
            "skipped_scope": 0,
            "duration_s": 5,
            "pages_per_minute": 0,
        },
    }
    results.update(overrides)
    return results


def finding(**overrides) -> dict:
    base = {
        "fingerprint": "f",
        "check": "navigation.test",
        "category": "navigation",
        "severity": "moderate",
        "title": "A finding",
        "message": "Something is off.",
        "url": "http://127.0.0.1:8123/a",
        "urls": ["http://127.0.0.1:8123/a"],
        "selector": None,
        "snippet": None,
        "evidence": {},
        "recommendation": "Fix it.",
    }
    base.update(overrides)
    return base


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rendered(sample, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("html")
    path = render_html(copy.deepcopy(sample), out)
    return path, path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc(rendered) -> str:
    return rendered[1]


# --------------------------------------------------------------------------- the sample


def test_sample_validates_against_schema(sample):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        sample
    )


def test_sample_covers_the_cases_the_report_must_handle(sample):
    pages = sample["pages"]
    assert 10 <= len(pages) <= 15
    assert {p["depth"] for p in pages} == set(range(7))
    assert any(p["status"] == 404 and p["error"] is None for p in pages)
    assert any(p["error"] and p["error"]["code"] == "PAGE_HUNG" for p in pages)
    assert len(sample["categories"]) == 5
    assert any(c["score"] is None for c in sample["categories"].values())
    assert {f["severity"] for f in sample["findings"]} == set(SEVERITY_ORDER)
    assert any(len(f["urls"]) == 30 for f in sample["findings"])
    assert any(len(f["message"]) > 50_000 for f in sample["findings"])
    assert any("<script>alert(1)</script>" in f["title"] for f in sample["findings"])
    assert any(e.get("check") for e in sample["errors"])
    assert {c["status"] for c in sample["checks"]} == {"ran", "disabled", "error"}


# --------------------------------------------------------------------------- basics


def test_writes_report_html_and_returns_its_path(rendered, tmp_path):
    path, document = rendered
    assert path.name == "report.html"
    assert path.is_file()
    assert document.startswith("<!doctype html>")
    assert document.rstrip().endswith("</html>")


def test_creates_missing_output_directory_and_accepts_str(sample, tmp_path):
    out = tmp_path / "a" / "b"
    path = render_html(sample, str(out))
    assert path == out / "report.html"
    assert path.is_file()


def test_does_not_modify_the_results(sample, tmp_path):
    before = copy.deepcopy(sample)
    render_html(sample, tmp_path)
    assert sample == before


def test_all_is_declared():
    assert "render_html" in html_mod.__all__


def test_jinja_autoescape_is_on():
    assert html_mod._environment().autoescape is True


def test_header_shows_score_target_and_metadata(doc):
    header = doc[doc.index('<header class="hero">') : doc.index("</header>")]
    assert "Overall score: 64 out of 100, Needs improvement" in header
    assert re.search(r'<text class="num"[^>]*>64</text>', header)
    assert "gauge gauge-lg band-average" in header
    assert 'href="http://127.0.0.1:8123/"' in header
    assert "1 Dec 2025, 14:03 UTC" in header
    assert "Desktop" in header
    assert "5 min 12 s" in header
    assert "shop-auditor 0.1.0" in header
    assert "2 critical and 2 serious problems need fixing first." in header


def test_gauge_arc_length_matches_score(doc):
    match = re.search(
        r'<circle class="arc"[^>]*r="64"[^>]*stroke-dasharray="([\d.]+) ([\d.]+)"', doc
    )
    assert match, "overall gauge arc missing"
    filled, circumference = map(float, match.groups())
    assert filled / circumference == pytest.approx(0.64, abs=0.001)


def test_every_category_has_a_card(doc, sample):
    cards = section(doc, "categories")
    for name, category in sample["categories"].items():
        assert f"<h3>{name.title()}</h3>" in cards
        if category["score"] is None:
            assert "Not measured" in cards
        else:
            assert f">{round(category['score'])}</text>" in cards
    # weakest first: navigation (47) before accessibility (92); unmeasured search last
    assert cards.index("<h3>Navigation</h3>") < cards.index("<h3>Accessibility</h3>")
    assert cards.index("<h3>Accessibility</h3>") < cards.index("<h3>Search</h3>")


def test_category_bands(doc):
    cards = section(doc, "categories")
    assert 'class="card cat band-poor"' in cards  # navigation 47
    assert 'class="card cat band-average"' in cards  # performance 61, forms 73
    assert 'class="card cat band-good"' in cards  # accessibility 92
    assert 'class="card cat band-na"' in cards  # search null


def test_findings_are_ordered_by_severity_then_pages(doc, sample):
    problems = section(doc, "problems")
    badges = re.findall(r'<span class="badge sev-(\w+)">', problems)
    assert len(badges) == len(sample["findings"])
    ranks = [SEVERITY_ORDER.index(b) for b in badges]
    assert ranks == sorted(ranks)
    # critical before minor anywhere in the document
    assert doc.index("Links lead to a page that does not exist") < doc.index("No sitemap.xml found")
    # within "serious", the finding on 30 pages comes before the one on 1 page
    assert problems.index("Product pages have no breadcrumb trail") < problems.index(
        "Checkout fields use placeholders instead of labels"
    )


def test_finding_card_content(doc):
    problems = section(doc, "problems")
    assert "On 30 pages" in problems
    assert "Show the 30 pages" in problems
    assert "Site-wide" in problems  # the sitemap finding has no url
    assert "How to fix" in problems
    assert "Remove the link or point it at the product&#39;s replacement" in problems
    # measured value vs threshold
    assert "<strong>4.8 s</strong>" in problems and "<strong>2.5 s</strong>" in problems
    assert "1.9× the threshold" in problems
    # selector and snippet in <code>
    assert '<code class="selector">img.product-hero</code>' in problems
    assert "&lt;img class=&#34;product-hero&#34;" in problems or (
        "&lt;img class=&quot;product-hero&quot;" in problems
    )


def test_page_list_of_a_finding_is_in_details(doc):
    problems = section(doc, "problems")
    block = problems[problems.index("Show the 30 pages") :]
    block = block[: block.index("</details>")]
    assert block.count("<li>") == 30
    assert 'href="http://127.0.0.1:8123/product/item-030"' in block


# --------------------------------------------------------------------------- safety


def test_csp_meta_is_present_and_first_in_head(doc):
    assert CSP_META in doc
    head = doc[doc.index("<head>") : doc.index("</head>")]
    assert head.index(CSP_META) < head.index("<title>")
    assert html_mod.CSP in CSP_META


def test_hostile_strings_are_escaped(doc):
    assert "<script" not in doc.lower()
    assert "<img" not in doc.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc
    assert not re.search(r"<[^>]*\sonerror\s*=", doc, re.IGNORECASE)
    # the snippet tried to close the <code>, <pre> and <details> around it
    assert "&lt;/code&gt;&lt;/pre&gt;&lt;/details&gt;" in doc


def test_no_executable_or_loading_markup(doc):
    parsed = parse(doc)
    forbidden = {"script", "img", "iframe", "object", "embed", "link", "base", "form", "frame"}
    assert not {tag for tag, _ in parsed.tags} & forbidden
    for tag, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "background")
            if name == "style":
                assert "url(" not in (value or "")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            pytest.fail("meta refresh")


def test_no_remote_src_or_css_resources(doc):
    assert not re.search(r"src\s*=\s*[\"']?\s*https?://", doc, re.IGNORECASE)
    style = doc[doc.index("<style>") : doc.index("</style>")]
    assert "@import" not in style
    assert "url(" not in style
    assert "@font-face" not in style


def test_links_only_for_http_urls(doc):
    parsed = parse(doc)
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a" and "href" in attrs]
    assert hrefs
    for href in hrefs:
        assert href.startswith(("#", "http://", "https://")), href
        assert '"' not in href and "<" not in href
    # the javascript: and data: URLs are shown, as text only
    assert "javascript:alert(1)" in doc
    assert "data:text/html,&lt;script&gt;" in doc


def test_long_strings_are_cut(doc, sample, tmp_path):
    assert "Z" * 2001 not in doc
    assert "Z" * 1500 in doc  # cut, not dropped
    assert "Z…" in doc
    assert "Y" * 1001 not in doc
    # the 50,000-character message costs the file no more than its cut (and escaped) length
    short = copy.deepcopy(sample)
    for f in short["findings"]:
        if len(f["message"]) > 50_000:
            f["message"] = ""
    baseline = render_html(short, tmp_path).read_text(encoding="utf-8")
    # (an accessibility finding shows again, shorter, in the accessibility section)
    assert len(doc) - len(baseline) <= common.MAX_MESSAGE + a11y_mod.MAX_A11Y_MESSAGE + 100


def test_clip():
    assert common.clip("abcdef", 4) == "abc…"
    assert common.clip("abcd", 4) == "abcd"
    assert common.clip(None, 4) == ""
    assert len(common.clip("x" * 50_000, 200)) == 200


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("http://shop.example/a", True),
        ("HTTPS://shop.example/a", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("http://shop.example/a b", False),
        ('http://shop.example/a"><script>', False),
        ("http:///nohost", False),
        ("//shop.example/a", False),
        ("/relative", False),
        ("http://shop.example/" + "a" * 5000, False),
        (None, False),
    ],
)
def test_safe_href(url, linked):
    assert (common.safe_href(url) is not None) is linked


def test_many_urls_are_capped_with_and_n_more(tmp_path):
    urls = [f"http://127.0.0.1:8123/p/{i}" for i in range(120)]
    results = minimal_results(
        findings=[finding(urls=urls, url=urls[0], evidence={"pages_total": 400})]
    )
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    block = document[document.index('<details class="pages-list">') :]
    block = block[: block.index("</details>")]
    assert block.count("<li>") == common.MAX_FINDING_URLS
    assert f"and {400 - common.MAX_FINDING_URLS} more" in block
    assert "On 400 pages" in document


def test_many_findings_are_capped(tmp_path):
    findings = [finding(title=f"Finding number {i}", fingerprint=str(i)) for i in range(600)]
    document = render_html(minimal_results(findings=findings), tmp_path).read_text("utf-8")
    assert document.count('<article class="card finding') == common.MAX_FINDING_CARDS
    assert "More problems" in document
    assert "and 50 more in results.json" in document


# --------------------------------------------------------------------------- structure


def test_depth_histogram(doc):
    structure = section(doc, "structure")
    assert '<svg class="chart"' in structure
    assert '<title id="depth-title">Pages by click depth</title>' in structure
    bars = re.findall(r'<rect class="bar"[^>]*height="([\d.]+)"', structure)
    assert len(bars) == 7  # depths 0..6
    heights = [float(h) for h in bars]
    # depths 1 and 2 have 4 pages each, the others 1: the two tallest bars are equal
    assert heights[1] == heights[2] == max(heights)
    assert heights[0] == pytest.approx(heights[1] / 4)
    assert "Depth 6: 1 page" in structure


def test_pages_table(doc, sample):
    pages = section(doc, "pages")
    rows = re.findall(r"<tr( class=\"failed\")?>\s*<td class=\"page-url\">", pages)
    assert len(rows) == len(sample["pages"])
    failed = [r for r in rows if r]
    assert len(failed) == 2  # the 404 and the hung page
    for table in pages.split('<table class="data pages">')[1:]:
        flags = [bool(r) for r in re.findall(r"<tr( class=\"failed\")?>\s*<td", table)]
        assert flags == sorted(flags, reverse=True)  # failing pages first in their template
    assert '<span class="status status-bad">404</span>' in pages
    assert "PAGE_HUNG" in pages
    assert "4.8 s" in pages and "0.31" in pages and "420 ms" in pages
    assert "4.1 MB" in pages
    assert "Trail Runner 2 &lt;/title&gt;&lt;script&gt;" in pages
    assert "after 2 redirects" in pages


# --------------------------------------------------------------------------- site tree

BASE = "http://127.0.0.1:8123"
POLAR_PATH = [
    "Home",
    "Tents",
    "Page 2",
    "Expedition collection",
    "Arctic series",
    "Limited edition",
    "Polar Expedition Tent",
]


def page(path: str, depth: int | None, **overrides) -> dict:
    """A page entry as auditor.results.page_entry writes it."""
    base = {
        "url": BASE + path,
        "final_url": None,
        "status": 200,
        "depth": depth,
        "redirects": [],
        "template": "page",
        "content_type": "text/html",
        "title": f"Title of {path}",
        "metrics": {},
        "error": None,
    }
    base.update(overrides)
    return base


def deep_finding(where: str, depth: int | None, limit: int = 4, **evidence) -> dict:
    """A navigation.click-depth finding for one page, in the shape the check writes."""
    ev = {"depth": depth, "limit": limit, "kind": "product", "path": ["Home", "Deep"]}
    ev.update(evidence)
    return finding(
        check="navigation.click-depth",
        fingerprint=where,
        url=BASE + where,
        urls=[BASE + where],
        evidence=ev,
    )


SHOP_PAGES = [
    page("/", 0),
    page("/category/tents", 1),
    page("/category/tents/page-2", 2),
    page("/category/tents/expedition/arctic", 4),
    page("/category/bags", 1),
    page("/product/polar-tent", 6),
    page("/product/city-sneaker", 2),
    page("/cart", None),
    page("/search?q=tent", 1),
]


def tree_nodes(tree: dict) -> dict[str, dict]:
    """Every node of a site tree by its label."""
    nodes = {tree["root"]["label"]: tree["root"]}
    for sec in tree["sections"]:
        nodes[sec["label"]] = sec
        nodes.update((child["label"], child) for child in sec["children"])
    return nodes


def test_site_tree_groups_pages_by_first_and_second_segment():
    tree = structure_mod.site_tree(SHOP_PAGES, {})
    assert tree["root"] == {"label": "/", "pages": 9, "depths": "0–6", "deep": 0}
    # biggest sections first, ties by name; the query string is not a section
    assert [s["label"] for s in tree["sections"]] == ["/category", "/product", "/cart", "/search"]
    category, product, cart, search = tree["sections"]
    assert (category["pages"], category["depths"]) == (4, "1–4")
    # /category/tents has pages below it, /category/bags and the product slugs do not
    assert category["children"] == [
        {"label": "/category/tents", "pages": 3, "depths": "1–4", "deep": 0}
    ]
    assert product["children"] == [] and product["depths"] == "2–6"
    assert cart["depths"] == "–"  # no known depth
    assert search["depths"] == "1"
    assert tree["sections_more"] == 0


def test_site_tree_counts_the_pages_the_click_depth_check_flagged(tmp_path):
    findings = [
        deep_finding("/product/polar-tent", 6),
        deep_finding("/category/tents/expedition/arctic", 4),
        deep_finding("/sale/archive/item-77", 7),  # flagged, but not rendered (sampled)
        finding(url=BASE + "/cart", urls=[BASE + "/cart"]),  # another check: not deep
    ]
    marks = structure_mod.click_depth_marks(findings)
    assert set(marks) == {
        BASE + p
        for p in (
            "/product/polar-tent",
            "/category/tents/expedition/arctic",
            "/sale/archive/item-77",
        )
    }
    nodes = tree_nodes(structure_mod.site_tree(SHOP_PAGES, marks))
    assert nodes["/"]["deep"] == 3 and nodes["/"]["pages"] == 10
    assert nodes["/category"]["deep"] == nodes["/category/tents"]["deep"] == 1
    assert nodes["/product"]["deep"] == 1
    assert nodes["/sale"] == {
        "label": "/sale",
        "pages": 1,
        "depths": "7",
        "deep": 1,
        "children": [{"label": "/sale/archive", "pages": 1, "depths": "7", "deep": 1}],
        "children_more": 0,
        "open": True,
    }
    assert nodes["/cart"]["deep"] == 0

    results = minimal_results(pages=SHOP_PAGES, findings=findings)
    structure = section(render_html(results, tmp_path).read_text(encoding="utf-8"), "structure")
    assert (
        '<span class="node-label">/</span> <span class="node-meta">10 pages · depth 0–7</span>'
        ' <span class="deep-badge">3 too deep</span>'
    ) in structure
    assert '<details class="tree-branch" open><summary><span class="node-label">/sale' in structure


def test_a_click_depth_finding_for_many_pages_marks_each_of_them():
    # the check sums up the deep pages beyond its limit in one finding without a path
    urls = [BASE + "/product/polar-tent", BASE + "/category/tents/expedition/arctic"]
    summary = finding(
        check="navigation.click-depth",
        url=urls[0],
        urls=urls,
        evidence={"pages": 2, "deepest": 6},
    )
    marks = structure_mod.click_depth_marks([summary])
    assert set(marks) == set(urls)
    assert all(m["depth"] is None and m["path"] == "" for m in marks.values())
    assert structure_mod.site_tree(SHOP_PAGES, marks)["root"]["deep"] == 2
    rows = structure_mod.deepest_pages(SHOP_PAGES, marks, BASE)["rows"]
    assert [(r["depth"], r["limit"]) for r in rows] == [("6", "–"), ("4", "–")]  # from the pages


def test_site_tree_caps_nodes_and_collapses_big_sections(tmp_path):
    # 60 sections of 60 down to 1 pages (1,830 pages), each with three sub-sections
    pages = [page("/", 0)]
    for s in range(60):
        for i in range(60 - s):
            pages.append(page(f"/s{s:02d}/sub{i % 3}/p{i}", 2 + i % 5))
    tree = structure_mod.site_tree(pages, {})
    shown = len(tree["sections"]) + sum(len(s["children"]) for s in tree["sections"])
    assert shown == structure_mod.MAX_TREE_NODES
    assert len(tree["sections"]) == structure_mod.MAX_TREE_NODES
    assert tree["sections"][0]["label"] == "/s00"  # the biggest first
    assert tree["sections_more"] == 20
    assert tree["sections_more_pages"] == sum(range(1, 21))
    assert tree["sections"][0]["children_more"] == 3
    assert tree["sections"][0]["open"] is False  # 60 pages: collapsed
    assert tree["sections"][-1]["open"] is True

    few = structure_mod.site_tree(pages[:100], {})  # room left for sub-sections
    assert [c["label"] for c in few["sections"][0]["children"]] == [
        "/s00/sub0",
        "/s00/sub1",
        "/s00/sub2",
    ]

    document = render_html(minimal_results(pages=pages), tmp_path).read_text(encoding="utf-8")
    structure = section(document, "structure")
    assert "and 20 more sections with 210 pages" in structure
    assert '<details class="tree-branch">' not in structure  # no sub-sections left to show
    assert "(3 sub-sections not shown)" in structure


def test_deepest_pages_show_depth_limit_and_click_path(tmp_path):
    findings = [deep_finding(f"/product/p{i}", 5 + i % 4, limit=4) for i in range(14)]
    findings.append(
        deep_finding("/product/polar-tent", 12, limit=4, kind="product", path=POLAR_PATH)
    )
    pages = [*SHOP_PAGES, *(page(f"/product/p{i}", 5 + i % 4) for i in range(14))]
    deepest = structure_mod.deepest_pages(pages, structure_mod.click_depth_marks(findings), BASE)
    assert deepest["flagged"] is True
    assert len(deepest["rows"]) == structure_mod.MAX_DEEPEST and deepest["more"] == 5
    depths = [int(r["depth"]) for r in deepest["rows"]]
    assert depths == sorted(depths, reverse=True) and depths[0] == 12
    polar = deepest["rows"][0]
    assert polar["path"] == " → ".join(POLAR_PATH)
    assert (polar["limit"], polar["kind"], polar["title"]) == (
        "4",
        "product",
        "Title of /product/polar-tent",
    )

    results = minimal_results(pages=pages, findings=findings)
    structure = section(render_html(results, tmp_path).read_text(encoding="utf-8"), "structure")
    assert '<h3 class="subhead">Deepest pages</h3>' in structure
    assert "Home → Tents → Page 2 → Expedition collection" in structure
    assert '<th scope="col">Click path</th>' in structure
    assert "and 5 more in results.json" in structure
    assert "15 too deep" in structure  # the root's badge


def test_deepest_pages_without_findings_are_the_largest_depths(tmp_path):
    deepest = structure_mod.deepest_pages(SHOP_PAGES, {}, BASE)
    assert deepest["flagged"] is False
    assert [r["depth"] for r in deepest["rows"]] == ["6", "4", "2", "2", "1", "1", "1", "0"]
    assert deepest["rows"][0]["url"]["text"] == "/product/polar-tent"
    assert deepest["rows"][0]["path"] == ""

    document = render_html(minimal_results(pages=SHOP_PAGES), tmp_path).read_text("utf-8")
    structure = section(document, "structure")
    assert "No page was found too deep" in structure
    assert "Click path" not in structure
    assert "too deep</span>" not in structure


def test_structure_renders_when_no_page_has_a_depth(tmp_path):
    pages = [page("/", None), page("/shop/a", None, title=None), page("/shop/a/b", None)]
    assert structure_mod.deepest_pages(pages, {}, BASE) is None
    document = render_html(minimal_results(pages=pages), tmp_path).read_text(encoding="utf-8")
    structure = section(document, "structure")
    assert "3 pages · depth –" in structure
    assert '<span class="node-label">/shop/a</span>' in structure
    assert "Deepest pages" not in structure
    # a flagged page without any depth still gets a row
    marks = structure_mod.click_depth_marks([deep_finding("/shop/a/b", None)])
    assert structure_mod.deepest_pages(pages, marks, BASE)["rows"][0]["depth"] == "–"


def test_no_pages_no_tree():
    assert structure_mod.site_tree([], {}) is None
    assert structure_mod.deepest_pages([], {}, None) is None
    context = html_mod.build_context(minimal_results())
    view = context["structure"]
    assert view["site_tree"] is None and view["deepest_pages"] is None
    assert context["pages"] is None  # no Pages section without pages


def test_click_path_is_cleaned_and_shortened():
    steps = [f"Step {i}" for i in range(40)]
    text = structure_mod._click_path(steps)
    parts = text.split(" → ")
    assert len(parts) == structure_mod.MAX_PATH_STEPS
    assert parts[0] == "Step 0" and parts[-1] == "Step 39" and "…" in parts
    assert structure_mod._click_path(["  Home \n", "", 7, None, "x" * 500]) == (
        "Home → (no text) → " + "x" * (structure_mod.MAX_PATH_STEP - 1) + "…"
    )
    assert structure_mod._click_path("not a list") == ""


def test_hostile_tree_and_click_path_strings_are_escaped(tmp_path):
    evil = "<script>alert(1)</script>"
    pages = [
        page("/", 0),
        page("/%3Cscript%3Ealert(1)%3C%2Fscript%3E/x/y", 5, title=evil),
        page('/a"><script>alert(1)</script>/b', 3, title=evil),
    ]
    findings = [
        deep_finding("/%3Cscript%3Ealert(1)%3C%2Fscript%3E/x/y", 5, kind=evil, path=["Home", evil]),
        finding(
            check="navigation.click-depth",
            url="javascript:alert(1)",
            urls=["javascript:alert(1)"],
            evidence={"depth": 9, "limit": 4, "kind": evil, "path": [evil]},
        ),
    ]
    document = render_html(minimal_results(pages=pages, findings=findings), tmp_path).read_text(
        encoding="utf-8"
    )
    structure = section(document, "structure")
    assert "<script" not in document.lower()
    assert str(escape(evil)) in structure
    # the percent-decoded path segment is a section label, escaped
    assert f'<span class="node-label">/{escape(evil)}</span>' in structure
    assert "Home → " + str(escape(evil)) in structure
    parsed = parse(structure)
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs and all(h.startswith(BASE + "/") for h in hrefs)
    assert '<span class="url nolink">javascript:alert(1)</span>' in structure


def test_audit_problems_section(doc):
    audit = section(doc, "audit")
    assert "CHECK_FAILED" in audit
    assert "forms.autocomplete" in audit
    assert "TimeoutError: locator(&#39;form#checkout&#39;) not visible after 30000 ms" in audit
    assert "Disabled in settings" in audit
    assert "st-error" in audit and "st-disabled" in audit
    assert "Pages that could not be audited" in audit
    assert "/sale/clearance/archive/2019/item-77" in audit


def test_crawl_summary(doc):
    crawl = section(doc, "crawl")
    for label, value in [
        ("Pages crawled", "13"),
        ("Pages failed", "1"),
        ("URLs discovered", "58"),
        ("Skipped by robots.txt", "4"),
        ("Skipped by sampling", "37"),
        ("Outside the scope", "3"),
        ("Pages per minute", "2.5"),
    ]:
        assert re.search(
            rf'<span class="tile-value">{re.escape(value)}</span>'
            rf'<span class="tile-label">{re.escape(label)}</span>',
            crawl,
        ), label


# --------------------------------------------------------------------------- accessibility


def test_document_language_and_title(doc):
    assert '<html lang="en">' in doc
    assert "<title>Usability report · 127.0.0.1:8123</title>" in doc
    assert '<meta name="viewport"' in doc


def test_headings_are_in_order(doc):
    levels = parse(doc).headings
    assert levels[0] == 1
    assert levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_every_svg_is_labelled(doc):
    svgs = parse(doc).svgs
    assert len(svgs) >= 7  # overall gauge, 5 category gauges, depth chart
    for svg in svgs:
        assert svg["attrs"].get("role") == "img"
        assert svg["attrs"].get("aria-labelledby")
        assert svg["first_child"] == "title"
        assert svg["title"].strip()


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colour_contrast_of_text_pairs():
    css = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    # the severity colours asked for are used
    assert (var["crit"], var["serious"], var["moderate"], var["minor"]) == (
        "#b91c1c",
        "#ea580c",
        "#ca8a04",
        "#2563eb",
    )
    pairs = [("text", "bg"), ("text", "card"), ("muted", "card"), ("muted", "bg")]
    pairs += [(f"{k}-text", f"{k}-soft") for k in ("crit", "serious", "moderate", "minor")]
    pairs += [(f"{k}-text", "card") for k in ("good", "average", "poor", "na")]
    pairs += [(f"{k}-text", f"{k}-soft") for k in ("good", "average", "poor", "na")]
    for fg, bg in pairs:
        assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg)
    # ring arcs are graphics: 3:1 against the card
    for k in ("good", "average", "poor"):
        assert _contrast(var[k], var["card"]) >= 3, k


# --------------------------------------------------------------------------- sparse results


def test_renders_without_score_findings_or_pages(tmp_path):
    document = render_html(minimal_results(), tmp_path).read_text(encoding="utf-8")
    assert "Overall score: not measured" in document
    assert "No problems were found." in document
    assert "No pages were audited." in document
    assert "No categories were scored." in document
    assert "The audit ran cleanly" in document
    assert '<svg class="chart"' not in document
    assert CSP_META in document


def test_renders_null_category_scores_and_unknown_category(tmp_path):
    results = minimal_results(
        score=12.4,
        categories={"speed-ish": {"score": None, "weight": 1, "summary": "", "checks": []}},
        findings=[finding(category="checkout-flow", severity="critical")],
        pages=[
            {
                "url": "http://127.0.0.1:8123/",
                "final_url": None,
                "status": None,
                "depth": None,
                "redirects": [],
                "template": "",
                "content_type": None,
                "title": None,
                "metrics": {},
                "error": None,
            }
        ],
        interrupted=True,
    )
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    assert "<h3>Speed Ish</h3>" in document
    assert "<h3>Checkout Flow</h3>" in document
    assert "band-poor" in document
    assert "The audit was interrupted." in document
    assert "Depth ?: 1 page" in document


def test_renders_an_empty_dict(tmp_path):
    document = render_html({}, tmp_path).read_text(encoding="utf-8")
    assert "unknown shop" in document
    assert CSP_META in document


def test_rejects_a_non_dict(tmp_path):
    with pytest.raises(TypeError):
        render_html(["not", "a", "dict"], tmp_path)  # type: ignore[arg-type]
    assert not (tmp_path / "report.html").exists()


def test_hostile_category_and_check_names_are_escaped(tmp_path):
    evil = '"><script>alert(2)</script>'
    results = minimal_results(
        categories={evil: {"score": 10, "weight": 1, "summary": evil, "checks": [evil]}},
        checks=[
            {
                "id": evil,
                "category": evil,
                "title": evil,
                "status": "error",
                "reason": evil,
                "score": None,
                "weight": 1,
                "findings": 0,
            }
        ],
        findings=[finding(category=evil, check=evil, severity="serious", selector=evil)],
        errors=[{"code": evil, "message": evil, "check": evil, "url": evil}],
        settings={evil: evil},
    )
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    assert "<script" not in document
    assert str(escape(evil)) in document


# --------------------------------------------------------------------------- screenshots

TINY_JPEG = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//"


def test_a_screenshot_in_the_evidence_is_shown_as_a_picture(tmp_path):
    results = minimal_results(findings=[finding(evidence={"screenshot": TINY_JPEG, "x": 1})])
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    assert f'<img src="{TINY_JPEG}"' in document
    assert "/9j/4AAQ" not in document.replace(TINY_JPEG, "")  # not repeated as text


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        'data:image/jpeg;base64,AAAA" onerror="alert(1)',
        "https://evil.example/x.png",
        42,
    ],
)
def test_anything_but_an_image_data_uri_is_not_shown(tmp_path, value):
    results = minimal_results(findings=[finding(evidence={"screenshot": value})])
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    assert "<img" not in document


# --------------------------------------------------------------------------- accessibility


def a11y_results() -> dict:
    axe = {
        "id": "accessibility.axe",
        "category": "accessibility",
        "title": "axe",
        "status": "ran",
        "score": 80,
        "weight": 1,
        "findings": 1,
        "details": {
            "pages_checked": 3,
            "axe_seconds": 2.1,
            "wcag": [
                {
                    "criterion": "1.1.1",
                    "rules_passed": [],
                    "rules_failed": ["image-alt"],
                    "pages_failed": 2,
                },
                {
                    "criterion": "4.1.2",
                    "rules_passed": ["label", "link-name"],
                    "rules_failed": [],
                    "pages_failed": 0,
                },
                {
                    "criterion": "<script>",
                    "rules_passed": ["x"],
                    "rules_failed": [],
                    "pages_failed": 0,
                },
            ],
            "needs_review": [
                {
                    "rule": "color-contrast",
                    "help": "Check <b>contrast</b>",
                    "pages": 2,
                    "elements": 5,
                    "urls": ["http://127.0.0.1:8123/p/<1>"],
                }
            ],
        },
    }
    keyboard = {**axe, "id": "accessibility.keyboard", "details": {"pages_probed": 2}}
    findings = [
        finding(
            check="accessibility.axe",
            category="accessibility",
            severity="critical",
            title="Images must have alternative text",
            evidence={"rule": "image-alt", "wcag": ["1.1.1"], "screenshot": TINY_JPEG},
            selector=".card > img",
        ),
        finding(
            check="accessibility.keyboard",
            category="accessibility",
            severity="critical",
            title="Keyboard focus is trapped <img src=x onerror=alert(1)>",
            evidence={"wcag": ["2.1.2", "javascript:"]},
            urls=["http://127.0.0.1:8123/n"],
        ),
        finding(title="Not an accessibility finding"),
    ]
    return minimal_results(checks=[axe, keyboard], findings=findings)


def test_accessibility_section_lists_criteria_and_grouped_findings(tmp_path):
    document = render_html(a11y_results(), tmp_path).read_text(encoding="utf-8")
    section = document[document.index('<section id="accessibility"') :]
    section = section[: section.index("</section>")]
    rows = re.findall(r'<tr class="wcag-(\w+)"><th scope="row">([\d.]+)', section)
    assert rows == [("fail", "1.1.1"), ("fail", "2.1.2"), ("pass", "4.1.2")]
    assert "No Keyboard Trap" in section and "Non-text Content" in section
    assert "<strong>2</strong> failed, <strong>1</strong> passed" in section
    assert section.count('<article class="card finding a11y') == 2
    assert "Not an accessibility finding" not in section
    assert f'<img src="{TINY_JPEG}"' in section
    assert "WCAG 2.1.2" in section and "javascript:" not in section
    assert "<img src=x" not in document and "&lt;img src=x" in section
    assert "Check &lt;b&gt;contrast&lt;/b&gt;" in section
    review = section[section.index("Check &lt;b&gt;contrast") :]
    assert "/p/&lt;1&gt;" in review[: review.index("</li>")]  # its pages, escaped
    assert ", …)" in review[: review.index("</li>")]  # 1 of its 2 pages listed


def test_accessibility_lede_says_how_many_pages_axe_judged_and_ran_on_in_full(tmp_path):
    results = a11y_results()
    details = results["checks"][0]["details"]
    per_page = render_html(results, tmp_path).read_text(encoding="utf-8")
    assert "axe-core on 3 pages," in per_page and "in full on" not in per_page
    details.update(pages_checked=17, pages_judged=30)  # one full run per structural template
    per_template = render_html(results, tmp_path).read_text(encoding="utf-8")
    assert "axe-core on 30 pages, in full on 17 (one per structural template)" in per_template


def test_no_accessibility_section_without_accessibility_checks(tmp_path):
    document = render_html(minimal_results(findings=[finding()]), tmp_path).read_text("utf-8")
    assert 'id="accessibility"' not in document
