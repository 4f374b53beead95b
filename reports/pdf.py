"""Render the HTML report as a PDF, printed by Chromium (report.pdf).

Why Chromium: the report's print style (a page per section, charts never cut) is what a
browser prints; Playwright's ``page.pdf`` gives the same file a person gets from "Print →
Save as PDF", with the links kept. The report runs no scripts and loads nothing, so the
page is ready as soon as it has loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .html import REPORT_FILENAME, render_html

__all__ = ["PDF_FILENAME", "print_pdf", "render_pdf"]

PDF_FILENAME = "report.pdf"
#: A4 with room for a header line; the CSS keeps its own margins inside
PDF_OPTIONS: dict[str, Any] = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"},
}


def print_pdf(html_path: Path, pdf_path: Path, executable: str = "") -> Path:
    """Print ``html_path`` to ``pdf_path`` with Chromium; raise RuntimeError when no
    browser can be started (the other reports are written all the same)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from auditor.browser import find_chromium, launch_args

    with sync_playwright() as pw:
        try:
            path = find_chromium(executable, pw.chromium.executable_path)
            browser = pw.chromium.launch(executable_path=path, args=launch_args([]))
        except Exception as exc:  # no browser: say so in one line, keep the rest
            raise RuntimeError(f"cannot print the PDF: {exc}") from None
        try:
            page = browser.new_page()
            page.emulate_media(media="print")
            page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
            page.pdf(path=str(pdf_path), **PDF_OPTIONS)
        except PlaywrightError as exc:
            raise RuntimeError(f"cannot print the PDF: {exc}") from None
        finally:
            browser.close()
    return pdf_path


def render_pdf(results: dict, out_dir: Path) -> Path:
    """Write ``out_dir/report.pdf`` (and the report.html it is printed from)."""
    out = Path(out_dir)
    html_path = render_html(results, out)
    assert html_path.name == REPORT_FILENAME
    return print_pdf(html_path, out / PDF_FILENAME)
