"""CSV of findings (findings.csv) and of pages (pages.csv), for spreadsheets.

One row per finding (its pages joined by spaces) and one per page (its metrics as
columns). Shop text is cut to size, and a cell that a spreadsheet would run as a
formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .common import (
    MAX_MESSAGE,
    MAX_RECOMMENDATION,
    MAX_SELECTOR,
    MAX_TITLE,
    MAX_URL,
    as_dict,
    clip,
    is_number,
)
from .html import write_atomic
from .i18n import finding_text
from .machine import finding_pages, findings, pages

__all__ = [
    "FINDINGS_FILENAME",
    "FINDING_COLUMNS",
    "PAGES_FILENAME",
    "PAGE_COLUMNS",
    "build_findings_csv",
    "build_pages_csv",
    "render_csv",
]

FINDINGS_FILENAME = "findings.csv"
PAGES_FILENAME = "pages.csv"
FINDING_COLUMNS = (
    "fingerprint", "severity", "category", "check", "title", "url", "pages", "page_count",
    "selector", "message", "recommendation", "primary",
)  # fmt: skip
METRICS = ("ttfb_ms", "fcp_ms", "lcp_ms", "cls", "tbt_ms", "inp_ms", "transfer_bytes", "requests")
PAGE_COLUMNS = (
    "url", "final_url", "status", "template", "kind", "depth", "title", *METRICS, "error",
)  # fmt: skip
MAX_PAGES_CELL = 30
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any, limit: int = 300) -> str | int | float:
    """A safe cell: numbers stay numbers, text is cut and never starts a formula."""
    if value is None:
        return ""
    if is_number(value):
        return value
    text = clip(value, limit)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _table(columns: tuple[str, ...], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build_findings_csv(results: Mapping[str, Any]) -> str:
    rows = []
    for f in findings(results):
        urls = finding_pages(f)
        total = as_dict(f.get("evidence")).get("pages_total")
        rows.append(
            {
                "fingerprint": cell(f.get("fingerprint"), 100),
                "severity": cell(f.get("severity"), 20),
                "category": cell(f.get("category"), 80),
                "check": cell(f.get("check"), 100),
                "title": cell(finding_text(f, "title"), MAX_TITLE),
                "url": cell(f.get("url"), MAX_URL),
                "pages": cell(" ".join(clip(u, MAX_URL) for u in urls[:MAX_PAGES_CELL]), 20000),
                "page_count": total if isinstance(total, int) else len(urls),
                "selector": cell(f.get("selector"), MAX_SELECTOR),
                "message": cell(finding_text(f, "message"), MAX_MESSAGE),
                "recommendation": cell(finding_text(f, "recommendation"), MAX_RECOMMENDATION),
                "primary": cell(f.get("primary"), 100),
            }
        )
    return _table(FINDING_COLUMNS, rows)


def build_pages_csv(results: Mapping[str, Any]) -> str:
    rows = []
    for p in pages(results):
        metrics = as_dict(p.get("metrics"))
        error = as_dict(p.get("error"))
        row = {
            "url": cell(p.get("url"), MAX_URL),
            "final_url": cell(p.get("final_url"), MAX_URL),
            "status": cell(p.get("status") if is_number(p.get("status")) else None),
            "template": cell(p.get("template"), 200),
            "kind": cell(p.get("kind"), 40),
            "depth": cell(p.get("depth") if is_number(p.get("depth")) else None),
            "title": cell(p.get("title"), MAX_TITLE),
            "error": cell(f"{error.get('code')}: {error.get('message')}" if error else None),
        }
        for key in METRICS:
            row[key] = cell(metrics.get(key) if is_number(metrics.get(key)) else None)
        rows.append(row)
    return _table(PAGE_COLUMNS, rows)


def render_csv(results: Mapping[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (
        (FINDINGS_FILENAME, build_findings_csv(results)),
        (PAGES_FILENAME, build_pages_csv(results)),
    ):
        path = out_dir / name
        write_atomic(path, text)
        written.append(path)
    return written
