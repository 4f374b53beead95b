"""Tests for the Markdown summary (reports/markdown.py) and the renderer registry."""

from __future__ import annotations

import copy
import json
import re
import sys

import pytest

from .test_html import SAMPLE, finding, load_reports, minimal_results

reports = load_reports()
md_mod = sys.modules[reports.__name__ + ".markdown"]
render_markdown = reports.render_markdown


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def md(sample, tmp_path_factory) -> str:
    path = render_markdown(copy.deepcopy(sample), tmp_path_factory.mktemp("md"))
    return path.read_text(encoding="utf-8")


def table_rows(text: str, header_start: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def cells(row: str) -> list[str]:
    """Split a table row on unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


# --------------------------------------------------------------------------- summary.md


def test_writes_summary_md(sample, tmp_path):
    path = render_markdown(sample, tmp_path)
    assert path == tmp_path / "summary.md"
    assert path.is_file()


def test_overall_score_and_verdict(md):
    assert "Overall score: **64/100** (Needs improvement)" in md
    assert md.startswith("# Usability audit: http://127.0.0.1:8123/")
    assert "2 critical and 2 serious problems need fixing first." in md


def test_category_table(md, sample):
    rows = table_rows(md, "| Category |")
    assert len(rows) == len(sample["categories"])
    names = [cells(r)[0] for r in rows]
    assert set(names) == {n.title() for n in sample["categories"]}
    assert names[0] == "Navigation"  # weakest first
    assert names[-1] == "Search"  # not measured last
    search = cells(rows[-1])
    assert "not measured" in search[1]
    navigation = cells(rows[0])
    assert "**47**" in navigation[1]
    assert navigation[2] == "5"


def test_findings_table_is_ordered(md, sample):
    rows = table_rows(md, "| # | Severity |")
    assert len(rows) == len(sample["findings"])
    severities = [cells(r)[1] for r in rows]
    order = ["critical", "serious", "moderate", "minor"]
    assert [order.index(s) for s in severities] == sorted(order.index(s) for s in severities)
    titles = [cells(r)[2] for r in rows]
    assert titles.index("Product pages have no breadcrumb trail") < titles.index(
        "Checkout fields use placeholders instead of labels"
    )
    breadcrumbs = next(r for r in rows if "breadcrumb" in r)
    assert cells(breadcrumbs)[4] == "30"
    sitemap = next(r for r in rows if "sitemap" in r)
    assert cells(sitemap)[4] == "site-wide"


def test_hostile_text_is_escaped_and_cut(md):
    assert "<script" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "Z" * 200 not in md
    assert len(md) < 10_000


def test_crawl_stats(md):
    rows = {cells(r)[0]: cells(r)[1] for r in table_rows(md, "| Figure |")}
    assert rows["Pages crawled"] == "13"
    assert rows["Pages failed"] == "1"
    assert rows["URLs discovered"] == "58"
    assert rows["Skipped by robots.txt"] == "4"
    assert rows["Skipped by sampling"] == "37"
    assert rows["Outside the scope"] == "3"
    assert rows["Duration"] == "5 min 12 s"
    assert rows["Pages per minute"] == "2.5"


def test_audit_problems(md):
    assert "## Problems the audit met" in md
    assert "forms.autocomplete error: TimeoutError" in md
    assert "search.site-search disabled" in md
    assert "CHECK\\_FAILED" in md
    assert "1 page could not be audited" in md


def test_all_tables_keep_their_shape(md):
    lines = md.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|-"):
            width = len(cells(lines[i]))
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                assert len(cells(lines[i])) == width, lines[i]
                i += 1
        i += 1


def test_pipes_newlines_and_markup_in_shop_text(tmp_path):
    title = "Broken | table\nrow [click](javascript:alert(1)) `code` **bold** <b>x</b>"
    results = minimal_results(
        findings=[finding(title=title, category="nav|igation")],
        categories={"nav|igation": {"score": 40, "weight": 1, "summary": "a\nb|c", "checks": []}},
    )
    text = render_markdown(results, tmp_path).read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert len(cells(row)) == 5
    assert "Broken \\| table row" in row
    assert "\\[click\\](javascript:alert(1))" in row
    assert "\\`code\\`" in row and "\\*\\*bold\\*\\*" in row
    assert "&lt;b&gt;x&lt;/b&gt;" in row
    category_row = table_rows(text, "| Category |")[0]
    assert len(cells(category_row)) == 4
    assert "a b\\|c" in category_row


def test_md_escape():
    assert md_mod.md_escape("a|b", 10) == "a\\|b"
    assert md_mod.md_escape("line\r\nnext\tx", 50) == "line next x"
    assert md_mod.md_escape("x" * 500, 20) == "x" * 19 + "…"
    assert md_mod.md_escape(None, 10) == ""
    assert md_mod.md_escape("\\|", 10) == "\\\\\\|"


def test_top_20_findings_only(tmp_path):
    findings = [finding(title=f"Finding {i:02d}", fingerprint=str(i)) for i in range(30)]
    text = render_markdown(minimal_results(findings=findings), tmp_path).read_text("utf-8")
    assert len(table_rows(text, "| # | Severity |")) == 20
    assert "…and 10 more in the HTML report." in text


def test_renders_without_score_findings_or_pages(tmp_path):
    text = render_markdown(minimal_results(), tmp_path).read_text(encoding="utf-8")
    assert "Overall score: **not measured**" in text
    assert "No problems were found." in text
    assert "No categories were scored." in text
    assert "## Problems the audit met" not in text


def test_renders_an_empty_dict(tmp_path):
    text = render_markdown({}, tmp_path).read_text(encoding="utf-8")
    assert "unknown shop" in text


# --------------------------------------------------------------------------- registry


def test_registry():
    assert {"html": reports.render_html, "markdown": render_markdown}.items() <= (
        reports.RENDERERS.items()
    )
    assert {"junit", "sarif", "csv"} <= set(reports.RENDERERS)


def test_render_writes_each_format(sample, tmp_path):
    paths = reports.render(sample, tmp_path / "out", ["html", "markdown", "html"])
    assert paths == [tmp_path / "out" / "report.html", tmp_path / "out" / "summary.md"]
    assert all(p.is_file() for p in paths)


def test_render_accepts_a_single_format_string(sample, tmp_path):
    assert reports.render(sample, tmp_path, "markdown") == [tmp_path / "summary.md"]


def test_render_unknown_format_names_it_and_writes_nothing(sample, tmp_path):
    with pytest.raises(ValueError, match="'docx'"):
        reports.render(sample, tmp_path, ["html", "docx"])
    assert list(tmp_path.iterdir()) == []


def test_render_no_formats(sample, tmp_path):
    assert reports.render(sample, tmp_path, []) == []


def test_failed_wcag_criteria_are_listed(tmp_path):
    from .test_html import a11y_results

    text = render_markdown(a11y_results(), tmp_path).read_text(encoding="utf-8")
    assert "WCAG success criteria tested: 2 failed, 1 passed." in text
    rows = [cells(r) for r in table_rows(text, "| Criterion |")]
    assert rows == [
        ["1.1.1 Non-text Content", "A", "9.1.1.1", "2"],
        ["2.1.2 No Keyboard Trap", "A", "9.2.1.2", "1"],
    ]


def test_no_accessibility_part_without_accessibility_checks(tmp_path):
    text = render_markdown(minimal_results(findings=[finding()]), tmp_path).read_text("utf-8")
    assert "## Accessibility" not in text
