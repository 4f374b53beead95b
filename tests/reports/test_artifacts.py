"""The demo's report as a person sees it: screenshots at desktop (1300 px) and phone
(390 px) width and the PDF Chromium prints, kept in test-artifacts/report/ (git-ignored;
the path is printed) to be looked at. The test itself checks what a picture would show
wrong: nothing wider than the phone's screen, no chart cut by its box, a PDF with a page
per section and pictures in it.
"""

from __future__ import annotations

import copy
import json
import re
import sys

import pytest

from tests.axe_check import ARGS
from tests.axe_check import browser_and_axe as _browser_and_axe

from .test_html import ROOT, load_reports

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
pdf_mod = sys.modules[reports.__name__ + ".pdf"]

DEMO = ROOT / "tests" / "data" / "demo_results.json"
ARTIFACTS = ROOT / "test-artifacts" / "report"

#: what sticks out of the page or its own box, in CSS pixels (1 px of rounding allowed)
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('main *, header *, nav *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || getComputedStyle(el).position === 'absolute') continue;
    if (el.closest('.table-wrap, .toc, pre, details:not([open])')) continue;
    if (r.right > width + 1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
  }
  const svgs = [];
  for (const svg of document.querySelectorAll('main svg')) {
    const r = svg.getBoundingClientRect(), box = svg.parentElement.getBoundingClientRect();
    if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) svgs.push(svg.className.baseVal);
  }
  const spill = [];  // text wider than its own box (a long word that does not wrap)
  for (const el of document.querySelectorAll('main p, main h2, main h3, main h4, main dd, main li, main .card')) {
    if (el.closest('.table-wrap, pre, details:not([open])')) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
      spill.push(el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 40));
  }
  return {page: document.documentElement.scrollWidth, width, out: out.slice(0, 10), svgs,
          spill: spill.slice(0, 10)};
}"""


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
def test_screenshots_and_pdf_of_the_demo_report(lang):
    found = _browser_and_axe()
    if found is None:
        pytest.skip("Chromium or Playwright is not installed")
    chromium, _axe, sync_playwright = found
    out = ARTIFACTS / lang
    out.mkdir(parents=True, exist_ok=True)
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    report = html_mod.render_html(copy.deepcopy(demo), out, lang=lang)
    print(f"\nreport artifacts: {out}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            for name, width in (("desktop", 1300), ("phone", 390)):
                page = browser.new_page(viewport={"width": width, "height": 900})
                # a long report on a machine another audit keeps busy: a screenshot took
                # more than Playwright's default 30 s there
                page.set_default_timeout(120_000)
                page.goto(report.as_uri())
                page.screenshot(path=str(out / f"{name}-top.png"), animations="disabled")
                boxes = page.evaluate(
                    "() => [...document.querySelectorAll('main > section')].map(s => {"
                    " const r = s.getBoundingClientRect();"
                    " return [s.id, r.x, r.y + window.scrollY, r.width, r.height]; })"
                )
                for sid, _x, y, _w, h in boxes:  # each section, its first 2,000 px
                    # a window as tall as the section, scrolled to it: a full-page capture
                    # of a 40,000 px report is too slow on a busy machine
                    page.set_viewport_size(
                        {"width": width, "height": max(200, min(round(h) + 60, 2000))}
                    )
                    page.evaluate(f"window.scrollTo(0, {y} - 60)")  # below the sticky menu
                    page.screenshot(path=str(out / f"{name}-{sid}.png"), animations="disabled")
                page.set_viewport_size({"width": width, "height": 900})
                seen = page.evaluate(OVERFLOW_JS)
                page.close()
                assert seen["page"] <= width, (name, seen)
                assert seen["out"] == [], (name, seen)
                assert seen["svgs"] == [], (name, seen)
                assert seen["spill"] == [], (name, seen["spill"])
        finally:
            browser.close()
    pdf = pdf_mod.print_pdf(report, out / "report.pdf", chromium)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    sections = len(re.findall(r'<section id="', report.read_text(encoding="utf-8")))
    assert pages >= sections  # a page break before each section
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data  # the pictures came along
    assert (out / "desktop-performance.png").stat().st_size > 10_000


@pytest.mark.slow
def test_the_pdf_format_is_rendered_like_any_other(tmp_path):
    if _browser_and_axe() is None:
        pytest.skip("Chromium or Playwright is not installed")
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    written = reports.render(demo, tmp_path, ["pdf,markdown"], lang="de")
    assert [p.name for p in written] == ["report.pdf", "summary.md"]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
