"""The accessibility probes sample one page per layout (and, for reflow, per viewport
meta), and their findings list every page of the layout: pure, on hand-made records."""

from __future__ import annotations

from types import SimpleNamespace

from auditor.model import PageRecord
from auditor.plugins import PageView
from auditor.probe import TemplateSample
from checks.accessibility.common import layout_samples
from checks.accessibility.keyboard import Keyboard
from checks.accessibility.reflow import Reflow

OPEN = "width=device-width, initial-scale=1"
LOCKED = "width=device-width, maximum-scale=1, user-scalable=no"


def _site(pages: list[tuple[str, str, str, str | None]], site_data: dict | None = None):
    """pages: (path, URL template, layout, viewport meta) in crawl order."""
    records = [
        PageRecord(
            url=f"http://s{path}",
            template=template,
            layout=layout,
            status=200,
            content_type="text/html",
            gathered={"accessibility.reflow": {"viewport_meta": meta}},
        )
        for path, template, layout, meta in pages
    ]
    samples = [TemplateSample(r.url, r.template, "", None) for r in records]
    return SimpleNamespace(
        records=lambda: iter(records),
        samples=lambda per=0: samples,
        site_data=site_data,
        records_list=records,
    )


SHOP = [
    ("/", "/", "home", OPEN),
    ("/cart", "/cart", "text", OPEN),
    ("/imprint", "/imprint", "text", LOCKED),
    ("/privacy", "/privacy", "text", OPEN),
    ("/p/a", "/p/*", "product", OPEN),
    ("/p/b", "/p/*", "product", OPEN),
    ("/x", "/x", "", OPEN),  # no layout told: grouped by its URL template alone
]


def test_one_page_per_layout_the_others_share_its_probe():
    site = _site(SHOP)
    samples, shares = layout_samples(site, 1, Keyboard().group_key)
    probed = {s.url.removeprefix("http://s"): [u.removeprefix("http://s") for u in sh]
              for s, sh in zip(samples, shares, strict=True)}  # fmt: skip
    assert probed == {"/": [], "/cart": ["/imprint", "/privacy"], "/p/a": ["/p/b"], "/x": []}


def test_reflow_probes_a_page_with_another_viewport_meta_apart():
    site = _site(SHOP)
    samples, shares = layout_samples(site, 1, Reflow().group_key)
    probed = {
        s.url.removeprefix("http://s"): len(sh) for s, sh in zip(samples, shares, strict=True)
    }
    assert probed == {"/": 0, "/cart": 1, "/imprint": 0, "/p/a": 1, "/x": 0}
    # per_template 0: every page probed, none shared
    samples, shares = layout_samples(site, 0, Reflow().group_key)
    assert len(samples) == len(SHOP) and not any(shares)


def _views(site) -> list[PageView]:
    return [
        PageView(r.url, r.final_url, r.status, r.template, 0, r.content_type, None, None,
                 data=r.gathered["accessibility.reflow"])
        for r in site.records_list
    ]  # fmt: skip


def test_a_probed_pages_finding_lists_the_pages_sharing_its_layout():
    probe = {"no_focus_indicator": [{"desc": "a.logo", "html": "<a>", "kind": "a"}],
             "skip": {"found": True, "works": True}, "elements": 3}  # fmt: skip
    pages = [
        {"url": "http://s/cart", "template": "/cart", **probe,
         "shares": ["http://s/imprint", "http://s/privacy"]},
        {"url": "http://s/", "template": "/", "skip": {"found": True, "works": True}},
    ]  # fmt: skip
    site = _site(SHOP, {"pages": pages})
    (finding,) = Keyboard().evaluate([], site)
    assert finding.urls == ["http://s/cart", "http://s/imprint", "http://s/privacy"]
    assert finding.evidence["pages_probed"] == ["http://s/cart"]
    assert finding.evidence["pages_sharing_layout"] == 2


def test_zoom_is_judged_on_every_page_read_in_the_crawl_not_only_those_probed():
    site = _site(SHOP, {"pages": [{"url": "http://s/", "template": "/", "viewport_meta": OPEN}]})
    findings = Reflow().evaluate(_views(site), site)
    assert [(f.title, f.urls) for f in findings] == [
        ("Pinch zoom is switched off", ["http://s/imprint"])
    ]
    clean = _site([(p, t, lay, OPEN) for p, t, lay, _ in SHOP], {"pages": []})
    assert Reflow().evaluate(_views(clean), clean) == []
