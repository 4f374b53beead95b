"""Which pages are audited and judged: --urls, --sitemap-only, --all-pages, the one
sampling setting ([sample] per_template) and its renamed predecessors, the WCAG level
options, and the "judged N of M pages" counts. Fast: no browser."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from auditor import cli as cli_module
from auditor.cli import cli, read_url_list
from auditor.config import load_settings
from auditor.coverage import check_coverage
from auditor.errors import AuditorError, ConfigError
from auditor.frontier import Frontier
from auditor.model import PageRecord
from auditor.plugins import load_checks, sample_limit
from auditor.urls import Scope, TemplateGrouper
from auditor.wcag import axe_tags, en_301_549, finding_criteria, parse_wcag, with_criteria
from tests.conftest import quick_settings

SHOP = "http://shop.example"


def write(tmp_path, text: str, name: str = "urls.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- the URL list ------------------------------------------------------------------------


def test_url_list_skips_comments_blank_lines_and_repeats(tmp_path):
    path = write(
        tmp_path,
        f"# pages to audit\n\n{SHOP}/a\n  {SHOP}/b   # the second\n{SHOP}/a\n{SHOP}/c#top\n",
    )
    assert read_url_list(path) == [f"{SHOP}/a", f"{SHOP}/b", f"{SHOP}/c#top"]


def test_url_list_from_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{SHOP}/x\n{SHOP}/y\n"))
    assert read_url_list("-") == [f"{SHOP}/x", f"{SHOP}/y"]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "no URL in it"),
        ("# only a comment\n\n", "no URL in it"),
        (f"{SHOP}/a\nshop.example/b\n", "line 2: 'shop.example/b' is not a full http"),
        (f"{SHOP}/a\nftp://shop.example/b\n", "line 2"),
        (
            f"{SHOP}/a\nhttp://other.example/b\n",
            "line 2: http://other.example/b is not on the site",
        ),
    ],
)
def test_bad_url_lists_name_file_and_line(tmp_path, text, needle):
    with pytest.raises(AuditorError) as err:
        read_url_list(write(tmp_path, text))
    assert needle in str(err.value)


def test_subdomains_pass_where_the_config_allows_them(tmp_path):
    path = write(tmp_path, "https://www.shop.example/\nhttps://shop.shop.example/a\n")
    with pytest.raises(AuditorError):
        read_url_list(path)
    assert len(read_url_list(path, allow_subdomains=True)) == 2


# -- the command line --------------------------------------------------------------------


def assert_one_line_error(result, needle):
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], lines
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--urls", "/no/such/file.txt"], "--urls /no/such/file.txt: no such file"),
        ([], "give the shop's URL, or the pages to audit with --urls FILE"),
        ([SHOP, "--follow-links"], "--follow-links goes with --urls or --sitemap-only"),
    ],
)
def test_run_usage_errors_are_one_line(args, needle):
    assert_one_line_error(CliRunner().invoke(cli, ["run", *args]), needle)


def test_url_and_list_together_is_an_error(tmp_path):
    path = write(tmp_path, f"{SHOP}/a\n")
    result = CliRunner().invoke(cli, ["run", SHOP, "--urls", path])
    assert_one_line_error(result, "either a URL or --urls FILE")
    result = CliRunner().invoke(cli, ["run", "--urls", path, "--sitemap-only"])
    assert_one_line_error(result, "either --urls FILE or --sitemap-only")


def test_off_site_url_in_list_from_stdin_is_one_line():
    result = CliRunner().invoke(
        cli, ["run", "--urls", "-"], input=f"{SHOP}/a\nhttps://evil.example/\n"
    )
    assert_one_line_error(result, "stdin line 2: https://evil.example/ is not on the site")


@pytest.fixture
def captured(monkeypatch):
    """The URL and settings ``run`` would audit with, without auditing."""
    seen: dict = {}

    def fake_audit(url, settings, explain_templates=False, **_more):
        seen.update(url=url, settings=settings)
        return 0

    monkeypatch.setattr(cli_module, "_audit", fake_audit)
    monkeypatch.setattr(cli_module, "load_settings", lambda path=None, o=None: load(o))
    return seen


def load(overrides=None):
    return load_settings(None, overrides, environ={})


def test_urls_audit_exactly_the_pages_listed_with_every_check_on_every_page(tmp_path, captured):
    path = write(tmp_path, f"{SHOP}/a\n{SHOP}/b\n{SHOP}/c\n")
    result = CliRunner().invoke(cli, ["run", "--urls", path])
    assert result.exit_code == 0, result.output
    s = captured["settings"]
    assert captured["url"] == f"{SHOP}/a"
    assert s.crawl.start_urls == [f"{SHOP}/b", f"{SHOP}/c"]
    assert (s.crawl.follow_links, s.crawl.use_sitemap, s.sample.all_pages) == (False, False, True)


def test_follow_links_and_sitemap_only(tmp_path, captured):
    path = write(tmp_path, f"{SHOP}/a\n")
    CliRunner().invoke(cli, ["run", "--urls", path, "--follow-links"])
    assert captured["settings"].crawl.follow_links is True
    CliRunner().invoke(cli, ["run", SHOP, "--sitemap-only"])
    s = captured["settings"]
    assert (s.crawl.follow_links, s.crawl.use_sitemap, s.sample.all_pages) == (False, True, False)
    CliRunner().invoke(cli, ["run", SHOP])
    assert captured["settings"].crawl.follow_links is True


def test_all_pages_switches_sampling_off_everywhere(captured):
    CliRunner().invoke(cli, ["run", SHOP, "--all-pages"])
    s = captured["settings"]
    assert s.sample.all_pages is True and s.crawl.max_pages_per_template == 0
    checks = {lc.id: lc for lc in load_checks(s)}
    assert {checks[c].instance.options["per_template"] for c in ACCESSIBILITY_SAMPLED} == {0}


# -- one sampling setting ------------------------------------------------------------------

ACCESSIBILITY_SAMPLED = ["accessibility.axe", "accessibility.keyboard", "accessibility.reflow"]


@pytest.mark.parametrize(
    ("sample", "own", "all_pages", "effective"),
    [
        (3, 0, False, 3),  # the check follows [sample]
        (3, 1, False, 1),  # a check may lower it
        (3, 5, False, 3),  # ... never raise it
        (0, 0, False, 0),  # 0: every page
        (0, 1, False, 1),
        (3, 1, True, 0),  # --all-pages, --urls: every page, whatever the checks say
    ],
)
def test_sample_limit(sample, own, all_pages, effective):
    s = load({"sample": {"per_template": sample, "all_pages": all_pages}})
    assert sample_limit(s, own) == effective


def test_checks_get_the_effective_sample_and_record_it():
    s = quick_settings(audit={"checks": ACCESSIBILITY_SAMPLED})
    s.checks["accessibility.reflow"] = {"per_template": 0}
    loaded = {lc.id: lc for lc in load_checks(s)}
    assert loaded["accessibility.axe"].instance.options["per_template"] == 3
    assert loaded["accessibility.keyboard"].instance.options["per_template"] == 1
    assert loaded["accessibility.reflow"].instance.options["per_template"] == 3
    assert loaded["accessibility.axe"].per_template == 3
    assert loaded["navigation.orphans"].per_template is None  # judges the whole site


@pytest.mark.parametrize(
    ("check", "old", "new"),
    [
        ("accessibility.axe", "max_pages_per_template", "per_template"),
        ("accessibility.image-alts", "max_pages_per_template", "per_template"),
        ("accessibility.keyboard", "pages_per_template", "per_template"),
        ("accessibility.text-resize", "pages_per_template", "per_template"),
        ("accessibility.axe", "standards", "wcag"),
    ],
)
def test_old_option_names_stop_with_their_new_name(tmp_path, check, old, new):
    config = write(tmp_path, f'[checks."{check}"]\n{old} = 2\n', "auditor.toml")
    settings = load_settings(config, environ={})
    with pytest.raises(ConfigError) as err:
        load_checks(settings)
    message = str(err.value)
    assert "\n" not in message and config in message
    assert f"'checks.\"{check}\".{old}' was renamed" in message
    assert f"'checks.\"{check}\".{new}'" in message


def test_old_names_through_the_cli_are_one_line(tmp_path):
    config = write(tmp_path, '[checks."accessibility.axe"]\nmax_pages_per_template = 1\n', "a.toml")
    result = CliRunner().invoke(cli, ["run", SHOP, "-c", config])
    assert_one_line_error(result, "use 'checks.\"accessibility.axe\".per_template'")


@pytest.mark.parametrize(
    ("section", "value", "ok"),
    [
        ({"crawl": {"max_pages_per_template": 0}}, 0, True),
        ({"crawl": {"max_pages_per_template": -1}}, None, False),
        ({"sample": {"per_template": 0}}, 0, True),
        ({"sample": {"per_template": -2}}, None, False),
    ],
)
def test_zero_means_no_limit_and_negatives_are_errors(section, value, ok):
    if ok:
        load(section)
        return
    with pytest.raises(ConfigError) as err:
        load(section)
    assert "must not be negative" in str(err.value)


def test_frontier_without_a_template_limit_queues_every_page():
    def frontier(limit):
        f = Frontier(Scope([SHOP + "/"]), TemplateGrouper(), lambda u: True, 100, 5, limit)
        return [f.offer(f"{SHOP}/p/item-{i}", 1) for i in range(8)]

    assert frontier(0) == [None] * 8
    assert frontier(3) == [None] * 3 + ["sampled"] * 5


# -- WCAG levels and EN 301 549 ------------------------------------------------------------


def test_wcag_levels_as_axe_tags():
    assert axe_tags("2.1 AA", best_practices=False) == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    assert axe_tags("2.2 AA")[-2:] == ["wcag22aa", "best-practice"]
    assert "wcag2aaa" in axe_tags("2.1 AAA") and "wcag22aa" not in axe_tags("2.1 AAA")
    assert {"wcag2aaa", "wcag22aa"} <= set(axe_tags("WCAG 2.2 AAA"))
    assert axe_tags("2.1 A", best_practices=False) == ["wcag2a", "wcag21a"]
    assert axe_tags("2.1 AA", experimental=True)[-1] == "experimental"
    assert parse_wcag("2.3 AA") is None and parse_wcag("AA") is None


def test_a_bad_wcag_level_names_the_key():
    s = quick_settings(audit={"checks": ["accessibility.axe"]})
    s.checks["accessibility.axe"] = {"wcag": "3.0 AA"}
    with pytest.raises(ConfigError) as err:
        load_checks(s)
    assert 'checks."accessibility.axe".wcag' in str(err.value)


def test_en_301_549_mirrors_wcag_21_a_and_aa_only():
    assert en_301_549(["1.1.1", "1.4.10", "2.5.8", "1.4.6", "4.1.2"]) == [
        "9.1.1.1",
        "9.1.4.10",
        "9.4.1.2",
    ]


def test_every_accessibility_finding_gets_its_criteria():
    axe = {"check": "accessibility.axe", "title": "x", "evidence": {"wcag": ["1.1.1"]}}
    assert with_criteria(axe) | {} == {**axe, "wcag": ["1.1.1"], "en_301_549": ["9.1.1.1"]}
    dup = {"check": "accessibility.duplicate-ids", "title": 'The id "a" is used', "evidence": {}}
    assert finding_criteria(dup) == ["4.1.1"]
    placeholder = {"check": "forms.labels", "title": "Placeholder used as the only label (x)"}
    assert finding_criteria(placeholder) == ["1.3.1", "3.3.2"]
    assert finding_criteria({"check": "performance.web-vitals", "title": "LCP"}) == []
    assert "wcag" not in with_criteria({"check": "navigation.orphans", "title": "t"})


# -- judged N of M -------------------------------------------------------------------------


def record(url, template, data=None, status=200):
    r = PageRecord(url=url, template=template, status=status, content_type="text/html")
    if data is not None:
        r.gathered["accessibility.axe"] = data
    return r


def test_coverage_counts_judged_of_rendered_pages_per_template():
    records = [
        record(f"{SHOP}/t/{i}", "/t/*", {"violations": []} if i < 3 else None) for i in range(25)
    ]
    records += [record(f"{SHOP}/", "/", {}), record(f"{SHOP}/gone", "/gone", None, status=404)]
    moved = record(f"{SHOP}/sale", "/sale")
    moved.final_url = f"{SHOP}/t/7"  # probed at its final address, with /t/7
    records.append(moved)
    site = {"accessibility.keyboard": {"pages": [{"url": f"{SHOP}/t/7"}, {"url": "elsewhere"}]}}
    cov = check_coverage(records, {"accessibility.axe": 3, "accessibility.keyboard": 1}, site)
    axe = cov["accessibility.axe"]
    assert (axe["pages_judged"], axe["pages_rendered"], axe["per_template"]) == (4, 27, 3)
    assert axe["templates"] == [
        {"template": "/t/*", "judged": 3, "rendered": 25},
        {"template": "/", "judged": 1, "rendered": 1},
        {"template": "/sale", "judged": 0, "rendered": 1},
    ]
    keyboard = cov["accessibility.keyboard"]
    assert keyboard["pages_judged"] == 2
    assert {"template": "/sale", "judged": 1, "rendered": 1} in keyboard["templates"]


def test_no_check_declares_a_renamed_sample_option():
    """Every check that samples pages says so with ``per_template``, the one name the
    engine lowers to [sample] and lifts for --all-pages and --urls; a check still
    declaring an old name would quietly keep its own sample."""
    from auditor.plugins import RENAMED_OPTIONS, discover_checks

    stale = [
        (cid, key)
        for cid, cls, _ in discover_checks()
        if cls is not None
        for key in cls.default_options
        if key in RENAMED_OPTIONS
    ]
    assert stale == []
