"""End to end: a folder of small pages, each with one barrier, all of one URL template.

With the defaults a crawl judges a sample of such a folder (three pages of it with
axe, one with the probes); given with ``--urls`` (and no config) every page listed is
judged by every check, so each barrier is found on every page that has it, and the
clean page of the list gets none of them. The crawl's own sample is said per check:
"3 of 11 pages of /guides/*".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import TargetError
from auditor.results import validate_results
from auditor.runner import run_audit
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, Route

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

GOOD_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
#: the barrier on each page (page-0 is the clean one), and what finds it
BARRIERS = {
    "no-alt": '<img src="/shoe.png" width="80" height="80">',
    "vague-link": '<p>Our returns policy: <a href="/guides/page-0">click here</a>.</p>',
    "file-name-alt": '<img src="/shoe.png" alt="IMG_1234.JPG" width="80" height="80">',
    "duplicate-id": '<p id="size-note">Sizes run small.</p><p id="size-note">Wash cold.</p>',
    "no-zoom": '<meta name="viewport" content="width=device-width, user-scalable=no">',
}
ORDER = ["no-alt", "vague-link", "file-name-alt", "duplicate-id", "no-zoom"]
#: page number -> barrier: each barrier on two pages, one early and one late in the list
PAGES = (
    {0: None} | {i + 1: b for i, b in enumerate(ORDER)} | {i + 6: b for i, b in enumerate(ORDER)}
)


def _page(number: int, barrier: str | None) -> str:
    head = BARRIERS["no-zoom"] if barrier == "no-zoom" else GOOD_VIEWPORT
    body = BARRIERS[barrier] if barrier and barrier != "no-zoom" else ""
    others = "".join(
        f'<li><a href="/guides/page-{n}">Guide {n}</a></li>' for n in PAGES if n != number
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}'
        f"<title>Guide {number} - Test shop</title></head><body>"
        '<header><a href="/">Test shop</a></header>'
        f"<main><h1>Guide {number}</h1><p>Plain text about sizes and care.</p>{body}"
        f'<nav aria-label="Guides"><ul>{others}</ul></nav></main>'
        "<footer><p>Test shop</p></footer></body></html>"
    )


def _shop() -> FixtureServer:
    routes: dict = {f"/guides/page-{n}": _page(n, b) for n, b in PAGES.items()}
    routes["/"] = _page(99, None).replace("Guide 99", "Home")
    return FixtureServer(routes)


def _found(results: dict, base: str) -> dict[str, set[str]]:
    """Barrier -> the pages a finding names it on."""
    out: dict[str, set[str]] = {b: set() for b in BARRIERS}
    for f in results["findings"]:
        pages = {u.removeprefix(base) for u in f["urls"]}
        rule = f["evidence"].get("rule")
        if f["check"] == "accessibility.axe" and rule == "image-alt":
            out["no-alt"] |= pages
        elif f["check"] == "accessibility.link-texts" and "click here" in f["title"]:
            out["vague-link"] |= pages
        elif f["check"] == "accessibility.image-alts":
            out["file-name-alt"] |= pages
        elif f["check"] == "accessibility.duplicate-ids" and "size-note" in f["title"]:
            out["duplicate-id"] |= pages
        elif f["check"] == "accessibility.reflow" and f["title"] == "Pinch zoom is switched off":
            out["no-zoom"] |= pages
    return out


def _expected() -> dict[str, set[str]]:
    return {b: {f"/guides/page-{n}" for n, x in PAGES.items() if x == b} for b in BARRIERS}


@pytest.mark.slow
def test_urls_with_the_defaults_find_each_barrier_on_every_listed_page(tmp_path):
    with _shop() as shop:
        listed = "\n".join(shop.url(f"/guides/page-{n}") for n in PAGES)
        (tmp_path / "pages.txt").write_text(f"# the guides\n{listed}\n", encoding="utf-8")
        out = tmp_path / "audit"
        checks = [
            "accessibility.axe",
            "accessibility.link-texts",
            "accessibility.image-alts",
            "accessibility.duplicate-ids",
            "accessibility.reflow",
            "accessibility.keyboard",
        ]
        args = [f"--check={c}" for c in checks]
        pages = str(tmp_path / "pages.txt")
        command = [sys.executable, "-m", "auditor", "run", "--urls", pages, "--out", str(out)]
        run = subprocess.run(
            [*command, "--progress", "none", *args],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=Path(__file__).resolve().parents[1],
        )
        log = list(shop.log)
    assert run.returncode == 0, run.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    base = shop.base_url.rstrip("/")
    assert _found(results, base) == _expected()
    # exactly the pages listed: the home page they all link to is not rendered
    assert sorted(p["url"].removeprefix(base) for p in results["pages"]) == sorted(
        f"/guides/page-{n}" for n in PAGES
    )
    assert ("GET", "/") not in log
    coverage = {c["id"]: c.get("coverage") for c in results["checks"] if c["status"] == "ran"}
    for check in checks:
        cov = coverage[check]
        assert (cov["pages_judged"], cov["pages_rendered"], cov["per_template"]) == (11, 11, 0)
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "| accessibility.axe | 11 of 11 | every page | – |" in summary
    for finding in results["findings"]:
        if finding["category"] == "accessibility" and finding.get("wcag"):
            assert finding["en_301_549"] == [
                f"9.{sc}" for sc in finding["wcag"] if sc not in ("2.4.9", "2.5.8")
            ]


@pytest.mark.slow
async def test_a_crawl_says_how_many_pages_each_check_judged(browser, tmp_path):
    checks = ["accessibility.axe", "accessibility.keyboard", "accessibility.image-alts"]
    settings = quick_settings(audit={"checks": checks}, crawl={"use_sitemap": False})
    with _shop() as shop:
        path = await run_audit(shop.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text(encoding="utf-8"))
    assert validate_results(results) == []
    coverage = {c["id"]: c["coverage"] for c in results["checks"] if c["status"] == "ran"}
    folder = {"template": "/guides/*", "rendered": 11}
    assert {**folder, "judged": 3} in coverage["accessibility.axe"]["templates"]
    assert {**folder, "judged": 3} in coverage["accessibility.image-alts"]["templates"]
    # a probe's pages: one per layout (the guides share one, the home page has its own)
    assert {**folder, "judged": 1} in coverage["accessibility.keyboard"]["templates"]
    assert coverage["accessibility.axe"]["pages_rendered"] == 12  # and the home page
    from reports import render

    render(results, tmp_path, ["html", "markdown"])
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert (
        "| accessibility.axe | 4 of 12 | 3 per template | 3 of 11 pages of /guides/\\* |" in summary
    )
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (
        "accessibility.keyboard judged 2 of 12 rendered pages (1 of 11 pages of /guides/*)" in html
    )


@pytest.mark.slow
async def test_sitemap_only_audits_the_sitemaps_pages_and_follows_no_link(browser, tmp_path):
    settings = quick_settings(crawl={"follow_links": False, "use_sitemap": True})
    with _shop() as shop:
        listed = "".join(f"<url><loc>{shop.url(f'/guides/page-{n}')}</loc></url>" for n in (1, 2))
        shop.routes["/sitemap.xml"] = Route(
            f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}">{listed}</urlset>',
            content_type="application/xml",
        )
        path = await run_audit(shop.base_url, settings, tmp_path / "a", browser=browser)
        results = json.loads(path.read_text(encoding="utf-8"))
        assert sorted(
            p["url"].removeprefix(shop.base_url.rstrip("/")) for p in results["pages"]
        ) == [
            "/",
            "/guides/page-1",
            "/guides/page-2",
        ]
        del shop.routes["/sitemap.xml"]
        with pytest.raises(TargetError) as err:
            await run_audit(shop.base_url, settings, tmp_path / "b", browser=browser)
    assert "--sitemap-only has nothing to audit" in str(err.value)
