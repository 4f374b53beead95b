"""Text built to break the report is shown as text, in both reports.

The audited shop is hostile: any string in results.json may be markup, template syntax,
Markdown, control or bidi characters, or a megabyte long. These tests take the sample
results, plant such strings in every string value (and every free-form key) a walker can
reach while keeping the file valid against the schema, render report.html and summary.md,
and check that the plants stayed inert text: no element, attribute, comment or link came
from them, template syntax was not evaluated, Markdown tables kept their shape, and long
strings were cut (HTML: at most 2,000 characters per text, the longest limit, for messages
and recommendations; Markdown: at most 200).
"""

from __future__ import annotations

import copy
import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt

from .test_html import (
    CSP_META,
    ROOT,
    SAMPLE,
    SCHEMA,
    a11y_results,
    deep_finding,
    load_reports,
)

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
common = sys.modules[reports.__name__ + ".common"]
structure_mod = sys.modules[reports.__name__ + ".sections.structure"]
a11y_mod = sys.modules[reports.__name__ + ".sections.accessibility"]
md_mod = sys.modules[reports.__name__ + ".markdown"]
TEMPLATES = ROOT / "reports" / "templates"

# Longest text either report shows of one string from results.json.
HTML_MAX_TEXT = max(common.MAX_MESSAGE, common.MAX_RECOMMENDATION)  # 2,000 characters
MD_MAX_TEXT = md_mod.MAX_TEXT  # 200 characters

# --------------------------------------------------------------------------- the plants

TEMPLATE_PLANT = "TPL:{{ 7*7 }}"
PLANTS = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    TEMPLATE_PLANT,
    "{% raw %}{{ config }}{% endraw %}",
    "a | b || c",
    "`tick` ``fence``",
    "[x](javascript:alert(1))",
    "![i](javascript:alert(1))",
    "<!-- comment",
    "-->",
    "<![CDATA[ x ]]>",
    "\u202eevil\u202c",
    "\u2066iso\u2069",
    "\ufffd",
    "nul\x00byte",
    "\ud800",
    "line\nbreak\r\nrow\u2028sep",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "&lt;script&gt;&amp;",
    "**bold** _em_ ~~strike~~",
    "\\",
    "<a href=javascript:alert(1)>link</a>",
    "<style>*{display:none}</style>",
]
BENIGN = [f"word{i}" for i in range(len(PLANTS))]

HOSTILE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(document.domain)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    'http://127.0.0.1:8123/"><script>alert(1)</script>',
    "http://127.0.0.1:8123/?q={{ 7*7 }}&x=<img src=x onerror=alert(1)>",
    "http://127.0.0.1:8123/\u202egnp.exe",
    "http://127.0.0.1:8123/" + "a" * 1_000_000,
]

# --------------------------------------------------------------------------- the walker

Poison = Callable[[str, str], str]  # (original, "text" | "key") -> planted

# Objects whose keys the schema fixes (their keys stay); every other object is free-form
# (settings, evidence, details, stats.stages, the category map) and its keys are planted.
FIXED_OBJECTS = [
    (),
    ("tool",),
    ("checks", "*"),
    ("pages", "*"),
    ("pages", "*", "redirects", "*"),
    ("pages", "*", "metrics"),
    ("pages", "*", "error"),
    ("findings", "*"),
    ("errors", "*"),
    ("stats",),
    ("cut_short",),
    ("categories", "*"),
    ("categories", "*", "breakdown"),
    ("categories", "*", "breakdown", "checks", "*"),
    ("categories", "*", "breakdown", "findings", "*"),
    ("categories", "*", "breakdown", "parts", "*"),
    ("categories", "*", "breakdown", "cap"),
]
# Strings the schema constrains (const, enum, date-time): they stay valid.
SCHEMA_BOUND = [
    ("schema_version",),
    ("profile",),
    ("started_at",),
    ("finished_at",),
    ("checks", "*", "status"),
    ("findings", "*", "severity"),
    ("categories", "*", "breakdown", "findings", "*", "severity"),
    ("cut_short", "reason"),
]
URLS = [
    ("target",),
    ("pages", "*", "url"),
    ("pages", "*", "final_url"),
    ("pages", "*", "redirects", "*", "url"),
    ("findings", "*", "url"),
    ("findings", "*", "urls", "*"),
    ("errors", "*", "url"),
    ("categories", "*", "breakdown", "cap", "page"),
]
# What the tool itself names (check ids, categories, evidence keys, WCAG criteria, the
# screenshot): kept in the "content" walk so the accessibility, click-depth and
# screenshot parts of the report are rendered with hostile text around them.
TOOL_NAMES = [
    ("checks", "*", "id"),
    ("checks", "*", "category"),
    ("findings", "*", "check"),
    ("findings", "*", "category"),
    ("categories", "*", "checks", "*"),
    ("categories", "*", "breakdown", "checks", "*", "check"),
    ("categories", "*", "breakdown", "findings", "*", "check"),
    ("categories", "*", "breakdown", "parts", "*", "check"),
    ("findings", "*", "evidence", "wcag", "*"),
    ("findings", "*", "evidence", "screenshot"),
    ("checks", "*", "details", "wcag", "*", "criterion"),
]


def _matches(path: tuple[str, ...], patterns: list[tuple[str, ...]]) -> bool:
    return any(
        len(p) == len(path) and all(a == "*" or a == b for a, b in zip(p, path, strict=True))
        for p in patterns
    )


def plant_everywhere(
    results: Any,
    poison: Poison,
    *,
    urls: Poison | None = None,
    keep: list[tuple[str, ...]] = (),
    keep_keys: bool = False,
    path: tuple[str, ...] = (),
) -> Any:
    """A copy of ``results`` with ``poison`` applied to every string it can reach.

    Strings the schema constrains stay, as do those matching ``keep``. URL fields get
    ``urls`` (unchanged when None). Keys of free-form objects are planted too unless
    ``keep_keys``. The result is still valid against the schema.
    """
    if isinstance(results, dict):
        free = not _matches(path, FIXED_OBJECTS)
        out = {}
        for key, value in results.items():
            new_key = poison(key, "key") if free and not keep_keys else key
            out[new_key] = plant_everywhere(
                value, poison, urls=urls, keep=keep, keep_keys=keep_keys, path=(*path, key)
            )
        return out
    if isinstance(results, list):
        return [
            plant_everywhere(
                v, poison, urls=urls, keep=keep, keep_keys=keep_keys, path=(*path, str(i))
            )
            for i, v in enumerate(results)
        ]
    if isinstance(results, str):
        if _matches(path, SCHEMA_BOUND) or _matches(path, list(keep)):
            return results
        if _matches(path, URLS):
            return urls(results, "url") if urls else results
        return poison(results, "text")
    return results


def planter(words: list[str], placement: str) -> Poison:
    """Put all ``words`` before or after each string, starting at a place that depends on
    the string, so each plant comes first somewhere and survives the cut of short fields."""

    def poison(original: str, kind: str) -> str:
        start = zlib.crc32(original.encode("utf-8", "surrogatepass")) % len(words)
        payload = " ".join(words[start:] + words[:start])
        return f"{payload} {original}" if placement == "prefix" else f"{original} {payload}"

    return poison


def base_results() -> dict:
    """The sample, plus accessibility details, a click path, cut_short and the new stats,
    so every part of the report has text to plant in."""
    results = json.loads(SAMPLE.read_text(encoding="utf-8"))
    extra = a11y_results()
    results["checks"] += extra["checks"]
    results["findings"] += extra["findings"]
    results["findings"].append(
        deep_finding("/product/deep", 7, kind="product", path=["Home", "Sale", "Archive"])
    )
    results["errors"].append(
        {"code": "PAGE_FAILED", "message": "net::ERR", "check": None, "url": results["target"]}
    )
    results["interrupted"] = True
    results["cut_short"] = {
        "reason": "error",
        "message": "RuntimeError: the browser closed",
        "after_s": 75.0,
    }
    results["stats"]["pages_unvisited"] = 40
    results["stats"]["stages"] = {"crawl": 60.5, "site stage": 10.0, "evaluate": 4.5}
    return results


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def render(results: dict, tmp_path: Path) -> tuple[str, str]:
    """report.html and summary.md for ``results``, read back as strict UTF-8."""
    before = copy.deepcopy(results)
    paths = reports.render(results, tmp_path, ["html", "markdown"])
    assert results == before
    html_path, md_path = paths
    return html_path.read_text(encoding="utf-8"), md_path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- HTML checks


class Parsed(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.decls: list[str] = []
        self.texts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.texts.append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_decl(self, decl):
        self.decls.append(decl)

    def unknown_decl(self, data):
        self.decls.append(data)

    def handle_pi(self, data):
        self.decls.append(data)


def parse(document: str) -> Parsed:
    parsed = Parsed()
    parsed.feed(document)
    parsed.close()
    return parsed


def template_vocabulary() -> tuple[set[str], set[str]]:
    """Every tag and attribute name the templates (the report and its partials) can write."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.rglob("*.j2")))
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", source))
    attrs = {a.lower() for a in re.findall(r"\s([a-zA-Z][\w:-]*)=\"", source)} | {"open"}
    return {t.lower() for t in tags}, attrs


TAGS, ATTRS = template_vocabulary()
BIDI_AND_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_html_inert(document: str) -> Parsed:
    parsed = parse(document)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names  # the report has no scripts at all
    assert set(names) <= TAGS, set(names) - TAGS
    assert parsed.comments == []
    assert parsed.decls == ["doctype html"]
    for tag, attrs in parsed.tags:
        assert set(attrs) <= ATTRS, (tag, set(attrs) - ATTRS)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert value and value.startswith(("#", "http://", "https://")), value
            if name == "src":
                assert tag == "img" and value and common.IMAGE_DATA_URI.match(value), value
    # (outside quoted attribute values, where escaped text may read " onload=")
    tag_with_handler = r"<[a-zA-Z]+(?:\s+[\w:-]+(?:=\"[^\"]*\")?)*\s+on\w+\s*="
    assert not re.search(tag_with_handler, document, re.IGNORECASE)
    live_url = r"<[^>]*\s(href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data:text)"
    assert not re.search(live_url, document, re.IGNORECASE)
    head = document[document.index("<head>") : document.index("</head>")]
    assert head.index(CSP_META) < head.index("<title>")
    assert document.count("<meta ") == 5 and document.count("<style>") == 1
    assert "TPL:49" not in document
    assert not BIDI_AND_CONTROLS.search(document)
    return parsed


def shape(parsed: Parsed) -> Counter:
    return Counter((tag, tuple(sorted(attrs))) for tag, attrs in parsed.tags)


# --------------------------------------------------------------------------- Markdown checks

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def md_cells(row: str) -> int:
    """Cells of a table row: pipes not escaped by an odd number of backslashes, minus one."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) - 1


def md_tables(text: str) -> list[list[str]]:
    lines = text.splitlines()
    tables = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|-"):
            table = [lines[i]]
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                table.append(lines[i])
                i += 1
            tables.append(table)
        i += 1
    return tables


def md_structure(text: str) -> list:
    """Block tokens, and for each inline run the tokens that are more than text."""
    out = []
    for token in MD.parse(text):
        if token.type == "inline":
            kinds = [c.type for c in token.children or [] if c.type not in ("text", "text_special")]
            out.append(("inline", tuple(kinds)))
        else:
            out.append(token.type)
    return out


def assert_markdown_inert(text: str) -> None:
    assert "<" not in text  # no raw HTML: every < from the shop is &lt;
    assert not re.search(r"(?<!\\)(?:\\\\)*\]\(", text)  # no link or image syntax
    assert "TPL:49" not in text
    assert not BIDI_AND_CONTROLS.search(text)
    for table in md_tables(text):
        width = md_cells(table[0])
        for row in table[1:]:
            assert row.endswith("|"), row
            assert md_cells(row) == width, row
    tokens = [t for block in MD.parse(text) for t in [block, *(block.children or [])]]
    types = {t.type for t in tokens}
    assert not types & {"link_open", "image", "html_inline", "html_block", "code_inline", "s_open"}
    rendered = MD.render(text)
    assert "<script" not in rendered and "javascript:" not in re.findall(r'href="[^"]*"', rendered)


# --------------------------------------------------------------------------- the tests


def test_the_walker_reaches_every_string_and_keeps_the_file_valid(validator):
    base = base_results()
    validator.validate(base)
    marker = planter(["MARK"], "prefix")
    planted = plant_everywhere(base, marker, urls=marker)
    validator.validate(planted)

    def strings(node: Any, path=()) -> list[tuple[tuple, str]]:
        if isinstance(node, dict):
            keys = [] if _matches(path, FIXED_OBJECTS) else [(path, k) for k in node]
            return keys + [s for k, v in node.items() for s in strings(v, (*path, k))]
        if isinstance(node, list):
            return [s for i, v in enumerate(node) for s in strings(v, (*path, str(i)))]
        return [(path, node)] if isinstance(node, str) else []

    found = strings(planted)
    assert len(found) > 300
    missed = [
        (p, s) for p, s in found if not s.startswith("MARK") and not _matches(p, SCHEMA_BOUND)
    ]
    assert missed == []


WALKS = {
    # every string and free-form key, the tool's own names too
    "everything": {},
    # the text around the tool's names, so the accessibility and click-depth parts render
    "content": {"keep": TOOL_NAMES, "keep_keys": True},
}


@pytest.mark.parametrize("placement", ["prefix", "suffix"])
@pytest.mark.parametrize("walk", list(WALKS))
def test_planted_text_stays_text(tmp_path, validator, walk, placement):
    base = base_results()
    hostile = plant_everywhere(base, planter(PLANTS, placement), **WALKS[walk])
    benign = plant_everywhere(base, planter(BENIGN, placement), **WALKS[walk])
    validator.validate(hostile)
    html, md = render(hostile, tmp_path / "hostile")
    calm_html, calm_md = render(benign, tmp_path / "benign")

    parsed = assert_html_inert(html)
    # the plants added no element or attribute: the page has the same elements as with
    # harmless words in the same places
    assert shape(parsed) == shape(parse(calm_html))
    assert TEMPLATE_PLANT in html  # shown, not evaluated
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;!-- comment" in html
    if walk == "content":
        assert 'id="accessibility"' in html and "Click path" in html

    assert_markdown_inert(md)
    assert md_structure(md) == md_structure(calm_md)
    assert len(md.splitlines()) == len(calm_md.splitlines())
    assert [len(t) for t in md_tables(md)] == [len(t) for t in md_tables(calm_md)]
    assert "TPL:{{ 7\\*7 }}" in md
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_a_poisoned_title_keeps_its_table_row(tmp_path):
    results = base_results()
    title = "Broken | row\n| 1 | critical | fake | row |\r\n`x` [y](javascript:alert(1)) \\| end"
    for f in results["findings"]:
        f["title"] = title
    for cat in results["categories"].values():
        cat["summary"] = title
    _, md = render(results, tmp_path)
    assert_markdown_inert(md)
    rows = next(t for t in md_tables(md) if t[0].startswith("| # |"))
    assert len(rows) == 1 + min(len(results["findings"]), md_mod.MAX_FINDINGS)
    assert all(md_cells(row) == 5 for row in rows)
    assert "Broken \\| row \\| 1 \\| critical" in rows[1]
    assert "\\\\\\| end" in rows[1]


@pytest.mark.parametrize("url", HOSTILE_URLS, ids=lambda u: repr(u[:40]))
def test_hostile_urls_are_never_links(tmp_path, validator, url):
    results = plant_everywhere(base_results(), lambda s, kind: s, urls=lambda s, kind: url)
    validator.validate(results)
    html, md = render(results, tmp_path)
    parsed = assert_html_inert(html)
    hrefs = [a.get("href") for tag, a in parsed.tags if tag == "a" and a.get("href")]
    assert all(h.startswith("#") for h in hrefs), hrefs  # no page URL was linkable
    assert max(map(len, re.findall("a{100,}", html)), default=0) <= common.MAX_URL
    assert_markdown_inert(md)


@pytest.mark.parametrize("walk", list(WALKS))
def test_a_megabyte_string_is_cut_to_a_sane_size(tmp_path, validator, walk):
    big = "Q" * 1_000_000  # one object, shared: every string value becomes 1 MB

    def poison(original: str, kind: str) -> str:
        return f"{original} {PLANTS[2]}" if kind == "key" else big

    results = plant_everywhere(base_results(), poison, urls=lambda s, kind: big, **WALKS[walk])
    lines = "line\n" * 200_000  # a 1 MB snippet with newlines, for the <pre>
    for f in results["findings"]:
        f["snippet"] = lines
    validator.validate(results)
    html, md = render(results, tmp_path)

    parsed = assert_html_inert(html)
    longest = max(len(m) for m in re.findall("Q+", html))
    assert 0 < longest <= HTML_MAX_TEXT
    assert max(len(t.strip()) for t in parsed.texts) <= HTML_MAX_TEXT
    assert all(len(v or "") <= HTML_MAX_TEXT for _, a in parsed.tags for v in a.values())
    assert html.count("line\n") <= common.MAX_SNIPPET // 5 * (html.count("<pre") or 1)
    assert len(html) < 1_000_000  # the whole report is smaller than one planted string

    assert_markdown_inert(md)
    assert 0 < max(len(m) for m in re.findall("Q+", md)) <= MD_MAX_TEXT
    assert len(md) < 50_000


def test_nul_bidi_and_lone_surrogates_are_neutralised(tmp_path):
    results = base_results()
    nasty = "a\x00b\u202ec\u2066d\u2069e\ud800f\x1bg\x85h"
    results["findings"][0]["title"] = nasty
    results["findings"][0]["snippet"] = nasty
    results["pages"][0]["title"] = nasty
    html, md = render(results, tmp_path)
    assert_html_inert(html)
    assert_markdown_inert(md)
    assert "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh" in html
    assert "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh" in md


DEMO = ROOT / "tests" / "data" / "demo_results.json"


@pytest.mark.parametrize("walk", list(WALKS))
def test_planted_text_in_the_demo_stays_text_in_every_section(tmp_path, validator, walk):
    """The recorded demo has data for the Performance, Forms, Search and scoring
    sections (check details, evidence with query pairs, probes, pictures): planted
    there too, the text stays text and adds no element."""
    base = json.loads(DEMO.read_text(encoding="utf-8"))
    hostile = plant_everywhere(base, planter(PLANTS, "suffix"), **WALKS[walk])
    benign = plant_everywhere(base, planter(BENIGN, "suffix"), **WALKS[walk])
    validator.validate(hostile)
    html, md = render(hostile, tmp_path / "hostile")
    calm_html, _ = render(benign, tmp_path / "benign")
    parsed = assert_html_inert(html)
    assert shape(parsed) == shape(parse(calm_html))
    if walk == "content":  # the tool's own names kept: every section is drawn
        for section_id in ("performance", "forms", "search", "scoring", "pages"):
            assert f'<section id="{section_id}"' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert_markdown_inert(md)


@pytest.mark.parametrize("walk", list(WALKS))
def test_planted_text_in_the_breakdown_and_the_links_stays_text(tmp_path, validator, walk):
    """The demo with what each category's score is made of and a finding counted with
    its primary (tests/data/demo_breakdown.json): the breakdown's titles, measurements,
    the cap's page and role, and the fingerprints that link findings stay text."""
    from .test_breakdown import with_breakdown

    base = with_breakdown(json.loads(DEMO.read_text(encoding="utf-8")))
    hostile = plant_everywhere(
        base, planter(PLANTS, "prefix"), urls=planter(PLANTS, "prefix"), **WALKS[walk]
    )
    benign = plant_everywhere(
        base, planter(BENIGN, "prefix"), urls=planter(BENIGN, "prefix"), **WALKS[walk]
    )
    validator.validate(hostile)
    html, md = render(hostile, tmp_path / "hostile")
    calm_html, _ = render(benign, tmp_path / "benign")
    parsed = assert_html_inert(html)
    assert shape(parsed) == shape(parse(calm_html))
    scoring = html[html.index('<section id="scoring"') :]
    scoring = scoring[: scoring.index("</section>")]
    assert "Capped at 89" in scoring and "Same defect as" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in scoring
    assert_markdown_inert(md)
