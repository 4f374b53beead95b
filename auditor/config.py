"""Settings: one dataclass tree, built from defaults < TOML file < environment < CLI flags.

Why so strict: a typo such as ``max_pagez`` silently ignored means an audit that
does not do what its author thinks, and in CI nobody notices. So every unknown key,
wrong type or bad value stops with one line that names the key and the file.

Per-check sections (``[checks."navigation.broken-links"]``) are kept raw here and
validated by ``auditor.plugins`` against each check's own defaults, because only
the check knows its options.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = [
    "ROLES",
    "AuditSection",
    "BrowserSection",
    "ConsentSection",
    "CrawlSection",
    "GateSection",
    "HistorySection",
    "LoginSection",
    "MeasurementSection",
    "OutputSection",
    "RolesSection",
    "SampleSection",
    "ScaleSection",
    "Settings",
    "load_settings",
    "settings_to_dict",
]

#: query parameters that only sort, filter or change the view of a listing: every
#: combination shows the same products again, so a few are enough to judge the listing
DEFAULT_FACET_PARAMETERS = """sort sort_by sortby order orderby order_by dir direction view
mode display layout limit per_page perpage page_size pagesize show filter filters facet facets
selected_facets refine refinement price price_from price_to min_price max_price color colour
size brand material rating availability in_stock tag tags""".split()

DEFAULT_TRACKING_PARAMETERS = [
    "utm_*",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "fbclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "srsltid",
]
DEFAULT_SESSION_PARAMETERS = [
    "sid",
    "sessionid",
    "session_id",
    "phpsessid",
    "jsessionid",
    "aspsessionid",
    "cfid",
    "cftoken",
    "xtcsid",
    "oscsid",
]
CATEGORIES = ("performance", "navigation", "forms", "search", "accessibility", "journeys")
SEVERITIES = ("critical", "serious", "moderate", "minor")


def opt(default: Any, doc: str) -> Any:
    """A setting with its documentation (rendered into config.example.toml)."""
    if isinstance(default, list | dict):
        return field(default_factory=lambda: type(default)(default), metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass
class AuditSection:
    """What to audit with."""

    checks: list[str] = opt(
        [], "only these check ids (empty: every check enabled below or by default)"
    )
    site_step_timeout: float = opt(
        300.0,
        "seconds one check's site step (searches, form probes, keyboard walks) may take; "
        "past it the check is judged on what it had",
    )


@dataclass
class CrawlSection:
    """How the shop is walked."""

    start_urls: list[str] = opt([], "more start URLs besides the one on the command line")
    max_pages: int = opt(500, "stop after rendering this many pages")
    max_depth: int = opt(12, "do not follow links further than this many clicks from the start")
    max_pages_per_template: int = opt(
        25,
        "render at most this many pages of one URL pattern (e.g. /product/*) (0: no limit; "
        "--all-pages)",
    )
    follow_links: bool = opt(
        True,
        "follow the links of rendered pages (--urls and --sitemap-only switch it off: only "
        "the pages named are audited; --follow-links switches it on again)",
    )
    concurrency: int = opt(4, "browser tabs working in parallel (1-32)")
    page_timeout: float = opt(30.0, "seconds a page may take to load before it is an error")
    page_budget: float = opt(
        60.0,
        "seconds one page's whole visit may take (load, every check's data collection, "
        "screenshots), however many checks run; at least page_timeout + 5",
    )
    script_timeout: float = opt(
        5.0,
        "seconds a page's main thread may stay busy before the page counts as hung "
        "(SCRIPT_HUNG: its tab is closed, and it is not tried again)",
    )
    retries: int = opt(
        1, "how often a page that did not answer or whose browser crashed is tried again"
    )
    max_duration: float = opt(
        0.0,
        "seconds the whole audit may take (0: no limit; --max-duration 10m); when reached, "
        "no new page is started and the report is made from what was gathered",
    )
    include: list[str] = opt([], "regular expressions; if any, only matching URLs are audited")
    exclude: list[str] = opt([], "regular expressions of URLs never to audit")
    allow_subdomains: bool = opt(False, "also audit subdomains of the start URL's site")
    respect_robots: bool = opt(True, "obey robots.txt (switch off only for your own shop)")
    use_sitemap: bool = opt(
        True, "read sitemap.xml (from robots.txt or /sitemap.xml) for more pages"
    )
    requests_per_second: float = opt(
        4.0, "page loads per second and host at most (robots.txt Crawl-delay can slow it)"
    )
    max_retry_after: float = opt(60.0, "longest Retry-After (seconds) honoured on 429/503")
    tracking_parameters: list[str] = opt(
        DEFAULT_TRACKING_PARAMETERS, "query parameters removed from URLs (* is a wildcard)"
    )
    session_parameters: list[str] = opt(
        DEFAULT_SESSION_PARAMETERS, "session-id query parameters removed from URLs"
    )
    max_links_per_page: int = opt(1000, "links read from one page at most")
    max_urls: int = opt(
        20000,
        "pages beyond the rendered sample read over plain HTTP for their links (the link "
        "map: click depth, orphans, pagination and broken links cover the whole shop; "
        "0: only rendered pages)",
    )
    map_concurrency: int = opt(2, "link-map requests in parallel (1-16)")
    max_facet_variants: int = opt(
        5,
        "sort/filter variants followed at most per section of listings (the address's "
        "first segment, e.g. /catalogue: all category pages share one filter widget; see "
        "facet_parameters; 0: no limit); the page numbers of a variant followed are not "
        "new variants",
    )
    facet_parameters: list[str] = opt(
        DEFAULT_FACET_PARAMETERS,
        "query parameters that only sort, filter or change the view of a listing",
    )
    user_agent_token: str = opt(
        "ShopAuditor", "name added to the browser's user agent, and matched in robots.txt"
    )


@dataclass
class SampleSection:
    """How many rendered pages of each URL template the checks judge. One setting for
    every check: a check may lower it with its own per_template option (a probe that
    loads each page again in a tab of its own), never raise it or ignore it; results.json
    and the report say per check how many pages it judged of how many rendered."""

    per_template: int = opt(
        3,
        "pages of each URL template every check judges at most (0: every rendered page); "
        "the first ones rendered of each template",
    )
    all_pages: bool = opt(
        False,
        "every check judges every rendered page, whatever per_template and the checks' own "
        "per_template say (--all-pages, and --urls for the pages listed)",
    )


@dataclass
class BrowserSection:
    """Which Chromium, and how it looks to the shop."""

    executable: str = opt(
        "", "path to Chromium/Chrome (empty: AUDITOR_CHROMIUM, Playwright's, the system's)"
    )
    profile: str = opt("desktop", "desktop or mobile (viewport, touch and user agent of a phone)")
    headless: bool = opt(True, "run without a window")
    ignore_https_errors: bool = opt(False, "accept invalid TLS certificates (staging shops)")
    args: list[str] = opt([], "extra Chromium command-line flags")
    user_agent: str = opt("", "replace the whole user agent (empty: the browser's plus the token)")
    locale: str = opt("en-US", "browser language, e.g. de-DE for German shops")
    restart_context_every: int = opt(100, "pages per browser context before it is replaced")
    endpoint: str = opt(
        "",
        "a running browser to use instead of launching one (empty: launch Chromium here): "
        "ws://host:port/... of a Playwright server, or a Chromium's DevTools address "
        "(http://host:9222 or ws://host:9222/devtools/browser/...); executable, headless "
        "and args are then the remote browser's own",
    )


@dataclass
class MeasurementSection:
    """Timing loads for the performance checks: alone, cold, repeated, throttled on mobile."""

    runs: int = opt(
        1,
        "timing loads alone of a page whose crawl visit saw a figure near a band limit "
        "(others but the start page keep the crawl's figures, as do pages clear of every "
        "limit whose template's pages timed alone fell in the bands their visits saw); "
        "the median is reported",
    )
    template_runs: int = opt(
        3,
        "timing loads, at most, of a page whose timed figure lies on a band's edge "
        "(within 15% of a limit), and of the start page and the first page of each "
        "template where one load lacks a figure (else runs); taken one at a time until "
        "most of them agree on every band",
    )
    max_pages_per_template: int = opt(
        0, "timing loads for at most this many pages of one template (0: every audited page)"
    )
    quiet_ms: int = opt(
        1000,
        "a load is over when nothing loads, paints, shifts or blocks for this long "
        "after the load event (late banners count), or after 300 ms of that where the "
        "page has nothing scheduled (timer, animation frame) before this would end",
    )
    max_wait_ms: int = opt(10000, "wait at most this long after the load event for quiet")
    interaction: bool = opt(
        True, "click one safe element (a menu toggle, the heading) and time the next paint"
    )
    cpu_slowdown: float = opt(4.0, "mobile profile: CPU slowed down this many times")
    rtt_ms: float = opt(150.0, "mobile profile: added round-trip time in ms")
    download_kbps: float = opt(1600.0, "mobile profile: download speed in kbit/s")
    upload_kbps: float = opt(750.0, "mobile profile: upload speed in kbit/s")


@dataclass
class ConsentSection:
    """What to do with cookie-consent banners."""

    action: str = opt("accept", "accept, reject (only necessary cookies) or none (leave it)")
    selectors: list[str] = opt([], "CSS selectors of your banner's button, tried first")


@dataclass
class LoginSection:
    """How to log in before the crawl (a storage-state file, or form steps)."""

    storage_state: str = opt("", "a Playwright storage-state JSON file with a logged-in session")
    steps: list[dict] = opt(
        [],
        "form steps: [[login.steps]] tables with action = goto|fill|click|press|wait_for, "
        "selector, value (may use ${ENV_VAR}), url",
    )


@dataclass
class OutputSection:
    """What the audit writes."""

    dir: str = opt("audit", "folder for results.json, pages.jsonl and the reports")
    formats: list[str] = opt(
        ["html", "markdown"],
        "reports besides results.json: html (report.html), markdown (summary.md), junit "
        "(junit.xml), sarif (results.sarif), csv (findings.csv and pages.csv), pdf (report.pdf, "
        "printed by Chromium)",
    )
    progress: str = opt("auto", "auto (bar on a terminal, lines otherwise), bar, lines or none")
    lang: str = opt(
        "en", "language of the reports (report.html, summary.md, the CI formats' texts): en or de"
    )


@dataclass
class ScaleSection:
    """Where the work runs: here, or on a Dask cluster (pip install "shop-auditor[dask]").
    ``auditor batch`` sends each shop to a worker as one task; ``auditor run`` sends one
    shop's pages to the workers in batches (auditor.distributed)."""

    executor: str = opt(
        "local",
        "local (here) or dask (a batch's shops, or one shop's pages, on a Dask cluster) "
        "(--executor)",
    )
    scheduler: str = opt(
        "local:2",
        "with the dask executor: tcp://host:8786 (a running `dask scheduler`) or local:N "
        "(a cluster of N worker processes on this machine) (--scheduler)",
    )
    batch_pages: int = opt(
        4,
        "with the dask executor on one shop: pages per task (a worker loads them one after "
        "another in one browser; larger batches start fewer browsers, smaller ones spread "
        "better and lose less to a worker that dies)",
    )


@dataclass
class GateSection:
    """When the audit fails a build."""

    fail_under: float = opt(0.0, "exit with code 1 when the overall score is below this (0-100)")
    categories: dict[str, float] = opt(
        {}, "exit 1 when a category scores below its limit, e.g. { accessibility = 90 }"
    )
    max_findings: dict[str, int] = opt(
        {}, "exit 1 above this many findings of a severity, e.g. { critical = 0, serious = 3 }"
    )
    budgets: dict[str, dict] = opt(
        {},
        "performance budgets: exit 1 when the median of a URL template's pages exceeds one, "
        'e.g. { "/product/*" = { lcp_ms = 2500 }, "*" = { cls = 0.1 } } ("*": every template)',
    )
    journey_effort: dict[str, float] = opt(
        {},
        "exit 1 when a customer journey's predicted effort (seconds) exceeds its limit, or "
        "the journey did not finish: journey or journey:persona, e.g. "
        '{ checkout = 60, "cart:mobile" = 40 } (journeys: browse, search, cart, checkout, '
        "service; without :persona the desktop walk)",
    )
    baseline: str = opt(
        "", "results.json of an earlier audit (main's) to compare with (--baseline)"
    )
    fail_on_new: str = opt(
        "",
        "with a baseline: exit 1 on any new finding at or above this severity "
        '(critical, serious, moderate, minor; "": off)',
    )
    max_score_drop: float = opt(
        0.0, "with a baseline: exit 1 when a category drops more points than this (0: off)"
    )
    metric_margin: dict[str, float] = opt(
        {},
        "with a baseline: exit 1 when a URL template's median of a metric grows by more than "
        "this share over the baseline's (and more than its noise floor: 50 ms, cls 0.02, "
        "10 kB, 2 requests), e.g. { lcp_ms = 0.25, tbt_ms = 0.5 }",
    )
    junit_min_severity: str = opt(
        "serious", "findings at or above this severity fail their JUnit test case"
    )


@dataclass
class HistorySection:
    """The history of audits (`auditor history`, `auditor serve`)."""

    path: str = opt(
        "", 'SQLite file every audit is recorded in, with its live progress (--history); "": none'
    )
    site: str = opt("", 'the name runs are grouped under ("": the target\'s scheme, host and port)')
    trend_runs: int = opt(
        10, "recorded runs (this one included) in the report's trend chart (results.json trend)"
    )


#: finding severities, worst first (as auditor.model.SEVERITY_ORDER)
SEVERITIES = ("critical", "serious", "moderate", "minor")

#: the roles a page can have in the customer's path (auditor.pagekinds), those weighed
ROLES = ("home", "category", "product", "search", "cart", "checkout")


@dataclass
class RolesSection:
    """Pages by their role in the customer's path. Where a check scores templates
    (performance), each role weighs as set here and the templates of a role share its
    weight by their number of pages; a home page is one page but most visits start
    there. A serious or critical finding on a key page keeps its category below good."""

    home: float = opt(3.0, "weight of the home page")
    category: float = opt(2.0, "weight of the category (listing) pages together")
    product: float = opt(3.0, "weight of the product pages together")
    search: float = opt(1.5, "weight of the search result pages together")
    cart: float = opt(1.5, "weight of the cart")
    checkout: float = opt(1.5, "weight of the checkout pages together")
    other: float = opt(1.0, "weight of all other pages together (about, contact, legal, blog)")
    key_pages: list[str] = opt(
        list(ROLES),
        "roles whose pages are key pages: home, category, product, search, cart, checkout",
    )
    key_page_cap: float = opt(
        89.0,
        "the highest score a category keeps while a key page has a serious or critical "
        "finding in it (90 and above reads as good)",
    )

    def weight(self, role: str) -> float:
        """The weight of a role; a page of no key role weighs as ``other``."""
        return float(getattr(self, role)) if role in ROLES else float(self.other)


@dataclass
class Settings:
    """The whole effective configuration."""

    audit: AuditSection = field(default_factory=AuditSection)
    crawl: CrawlSection = field(default_factory=CrawlSection)
    sample: SampleSection = field(default_factory=SampleSection)
    browser: BrowserSection = field(default_factory=BrowserSection)
    consent: ConsentSection = field(default_factory=ConsentSection)
    measurement: MeasurementSection = field(default_factory=MeasurementSection)
    login: LoginSection = field(default_factory=LoginSection)
    output: OutputSection = field(default_factory=OutputSection)
    gate: GateSection = field(default_factory=GateSection)
    scale: ScaleSection = field(default_factory=ScaleSection)
    roles: RolesSection = field(default_factory=RolesSection)
    history: HistorySection = field(default_factory=HistorySection)
    scoring: dict[str, float] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 1.0))
    checks: dict[str, dict] = field(default_factory=dict)
    source: str = "defaults"


_LOGIN_STEP_KEYS = {"action", "selector", "value", "url", "timeout"}
_LOGIN_ACTIONS = {"goto", "fill", "click", "press", "wait_for"}


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin is list:
        (inner,) = typing.get_args(tp)
        return f"a list of {_type_name(inner)}s"
    return {int: "integer", float: "number", bool: "true/false", str: "string", dict: "table"}.get(
        tp, str(tp)
    )


def _coerce(value: Any, tp: Any, key: str, where: str) -> Any:
    """Check ``value`` against the annotation ``tp``; return it (ints widened to floats)."""
    origin = typing.get_origin(tp)
    if origin is list:
        (inner,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ConfigError(f"{where}: '{key}' must be {_type_name(tp)}, not {value!r}")
        return [_coerce(v, inner, key, where) for v in value]
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: '{key}' must be a table, not {value!r}")
        return value
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp is int and isinstance(value, bool):
        raise ConfigError(f"{where}: '{key}' must be an integer, not {value!r}")
    if isinstance(tp, type) and not isinstance(value, tp):
        raise ConfigError(f"{where}: '{key}' must be {_type_name(tp)}, not {value!r}")
    return value


def _apply_section(section: Any, data: dict, prefix: str, where: str) -> None:
    hints = typing.get_type_hints(type(section))
    names = {f.name for f in dataclasses.fields(section)}
    for key, value in data.items():
        full = f"{prefix}.{key}"
        if key not in names:
            raise ConfigError(f"{where}: unknown key '{full}'")
        setattr(section, key, _coerce(value, hints[key], full, where))


def _apply(settings: Settings, data: dict, where: str) -> None:
    """Merge one layer (file, environment or flags) into ``settings``."""
    for name, value in data.items():
        if name in {"scoring"}:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '[scoring]' must be a table of category weights")
            for cat, weight in value.items():
                settings.scoring[cat] = _coerce(weight, float, f"scoring.{cat}", where)
            continue
        if name == "checks":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '[checks]' must be a table of check sections")
            for check_id, options in value.items():
                if not isinstance(options, dict):
                    raise ConfigError(f"{where}: 'checks.\"{check_id}\"' must be a table")
                settings.checks.setdefault(check_id, {}).update(options)
            continue
        section = getattr(settings, name, None) if name != "source" else None
        if section is None or not dataclasses.is_dataclass(section):
            raise ConfigError(f"{where}: unknown section '[{name}]'")
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: '[{name}]' must be a table")
        _apply_section(section, value, name, where)


def _validate(s: Settings, where: str) -> None:
    """Values that have the right type but make no sense."""

    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{where}: '{key}' {why}")

    c = s.crawl
    for key in ("max_pages", "concurrency", "max_links_per_page"):
        if getattr(c, key) < 1:
            raise bad(f"crawl.{key}", "must be at least 1")
    if c.max_pages_per_template < 0:
        raise bad("crawl.max_pages_per_template", "must not be negative (0: no limit)")
    if s.history.trend_runs < 2:
        raise bad("history.trend_runs", "must be at least 2 (a trend needs two runs)")
    if s.sample.per_template < 0:
        raise bad("sample.per_template", "must not be negative (0: every page)")
    if not 1 <= c.map_concurrency <= 16:
        raise bad("crawl.map_concurrency", "must be between 1 and 16")
    for key in ("max_depth", "retries", "max_urls", "max_facet_variants"):
        if getattr(c, key) < 0:
            raise bad(f"crawl.{key}", "must not be negative")
    if c.concurrency > 32:
        raise bad("crawl.concurrency", "must be at most 32 (be kind to the shop)")
    if c.page_timeout <= 0:
        raise bad("crawl.page_timeout", "must be more than 0 seconds")
    if c.page_budget <= 0:
        raise bad("crawl.page_budget", "must be more than 0 seconds")
    if c.script_timeout < 0.5:
        raise bad("crawl.script_timeout", "must be at least 0.5 seconds")
    if c.max_duration < 0:
        raise bad("crawl.max_duration", "must not be negative (0: no limit)")
    if s.audit.site_step_timeout <= 0:
        raise bad("audit.site_step_timeout", "must be more than 0 seconds")
    if c.requests_per_second <= 0:
        raise bad("crawl.requests_per_second", "must be more than 0")
    if c.max_retry_after < 0:
        raise bad("crawl.max_retry_after", "must not be negative")
    for key in ("include", "exclude"):
        for pattern in getattr(c, key):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise bad(
                    f"crawl.{key}", f"has an invalid regular expression {pattern!r}: {exc}"
                ) from None
    if not re.fullmatch(r"[A-Za-z0-9._-]+", c.user_agent_token):
        raise bad("crawl.user_agent_token", "must be a single word such as 'ShopAuditor'")
    if s.browser.profile not in ("desktop", "mobile"):
        raise bad("browser.profile", f"must be 'desktop' or 'mobile', not {s.browser.profile!r}")
    if s.browser.restart_context_every < 1:
        raise bad("browser.restart_context_every", "must be at least 1")
    endpoint = s.browser.endpoint
    if endpoint and not re.fullmatch(r"(wss?|https?)://[^\s/]+(/\S*)?", endpoint):
        raise bad(
            "browser.endpoint",
            "must be a ws://, wss://, http:// or https:// address of a running browser",
        )
    _validate_scale(s, bad)
    m = s.measurement
    for key in ("runs", "template_runs"):
        if not 1 <= getattr(m, key) <= 9:
            raise bad(f"measurement.{key}", "must be between 1 and 9")
    for key in ("max_pages_per_template", "quiet_ms", "max_wait_ms"):
        if getattr(m, key) < 0:
            raise bad(f"measurement.{key}", "must not be negative")
    if m.cpu_slowdown < 1:
        raise bad("measurement.cpu_slowdown", "must be at least 1 (1: no slowdown)")
    for key in ("rtt_ms", "download_kbps", "upload_kbps"):
        if getattr(m, key) < 0:
            raise bad(f"measurement.{key}", "must not be negative (0: not throttled)")
    if s.consent.action not in ("accept", "reject", "none"):
        raise bad(
            "consent.action", f"must be 'accept', 'reject' or 'none', not {s.consent.action!r}"
        )
    if s.output.progress not in ("auto", "bar", "lines", "none"):
        raise bad("output.progress", "must be 'auto', 'bar', 'lines' or 'none'")
    if s.output.lang not in ("en", "de"):
        raise bad("output.lang", f"must be 'en' or 'de', not {s.output.lang!r}")
    if not 0 <= s.gate.fail_under <= 100:
        raise bad("gate.fail_under", "must be between 0 and 100")
    _validate_gate(s, bad)
    for cat, weight in s.scoring.items():
        if weight < 0:
            raise bad(f"scoring.{cat}", "must not be negative")
    for role in (*ROLES, "other"):
        if getattr(s.roles, role) < 0:
            raise bad(f"roles.{role}", "must not be negative")
    unknown = [r for r in s.roles.key_pages if r not in ROLES]
    if unknown:
        raise bad(
            "roles.key_pages", f"must name roles among {', '.join(ROLES)}, not {unknown[0]!r}"
        )
    if not 0 <= s.roles.key_page_cap <= 100:
        raise bad("roles.key_page_cap", "must be between 0 and 100")
    for i, step in enumerate(s.login.steps):
        key = f"login.steps[{i}]"
        unknown = set(step) - _LOGIN_STEP_KEYS
        if unknown:
            raise bad(f"{key}.{sorted(unknown)[0]}", "is not a login step key")
        if step.get("action") not in _LOGIN_ACTIONS:
            raise bad(f"{key}.action", f"must be one of {', '.join(sorted(_LOGIN_ACTIONS))}")
        if step["action"] == "goto" and not step.get("url"):
            raise bad(f"{key}.url", "is needed for a 'goto' step")
        if step["action"] in {"fill", "click", "press", "wait_for"} and not step.get("selector"):
            raise bad(f"{key}.selector", f"is needed for a '{step['action']}' step")


SCHEDULER_PATTERN = re.compile(r"local:[1-9][0-9]*|(tcp|tls)://[^\s/:]+(:[0-9]+)?/?")


def _validate_scale(s: Settings, bad: typing.Callable[[str, str], ConfigError]) -> None:
    """The executor and, for Dask, a scheduler address or local:N."""
    if s.scale.batch_pages < 1:
        raise bad("scale.batch_pages", "must be at least 1")
    if s.scale.executor not in ("local", "dask"):
        raise bad("scale.executor", f"must be 'local' or 'dask', not {s.scale.executor!r}")
    if not SCHEDULER_PATTERN.fullmatch(s.scale.scheduler):
        raise bad(
            "scale.scheduler",
            f"must be tcp://host:port or local:N (N workers here), not {s.scale.scheduler!r}",
        )


#: the customer journeys and personas (checks/journeys) the gate may name
JOURNEY_NAMES = ("browse", "search", "cart", "checkout", "service")
PERSONA_NAMES = ("desktop", "mobile", "keyboard", "zoom", "zoom-text")


def _validate_gate(s: Settings, bad: typing.Callable[[str, str], ConfigError]) -> None:
    """The gate's thresholds: scores 0-100, counts and budgets not negative, known
    severities and metrics."""
    from .results import METRIC_KEYS

    g = s.gate
    names = ", ".join(SEVERITIES)
    if g.junit_min_severity not in SEVERITIES:
        raise bad("gate.junit_min_severity", f"must be one of {names}")
    if g.fail_on_new not in ("", *SEVERITIES):
        raise bad("gate.fail_on_new", f'must be one of {names} or "" (off)')
    if g.max_score_drop < 0:
        raise bad("gate.max_score_drop", "must not be negative (0: off)")
    for cat, limit in g.categories.items():
        if not _is_number(limit) or not 0 <= limit <= 100:
            raise bad(f"gate.categories.{cat}", "must be a score between 0 and 100")
    for severity, limit in g.max_findings.items():
        if severity not in SEVERITIES:
            raise bad(f"gate.max_findings.{severity}", f"is not a severity ({names})")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
            raise bad(f"gate.max_findings.{severity}", "must be a whole number, 0 or more")
    for template, metrics in g.budgets.items():
        if not isinstance(metrics, dict):
            raise bad(f"gate.budgets.{template}", "must be a table of metric = limit")
        for metric, limit in metrics.items():
            if metric not in METRIC_KEYS:
                raise bad(
                    f"gate.budgets.{template}.{metric}",
                    f"is not a metric ({', '.join(METRIC_KEYS)})",
                )
            if not _is_number(limit) or limit < 0:
                raise bad(f"gate.budgets.{template}.{metric}", "must be a number, 0 or more")
    for name, limit in g.journey_effort.items():
        journey, _, persona = name.partition(":")
        if journey not in JOURNEY_NAMES or (persona and persona not in PERSONA_NAMES):
            raise bad(
                f"gate.journey_effort.{name}",
                f"is not a journey ({', '.join(JOURNEY_NAMES)}), optionally with "
                f":persona ({', '.join(PERSONA_NAMES)})",
            )
        if not _is_number(limit) or limit <= 0:
            raise bad(f"gate.journey_effort.{name}", "must be a number of seconds above 0")
    for metric, margin in g.metric_margin.items():
        if metric not in METRIC_KEYS:
            raise bad(f"gate.metric_margin.{metric}", f"is not a metric ({', '.join(METRIC_KEYS)})")
        if not _is_number(margin) or margin < 0:
            raise bad(f"gate.metric_margin.{metric}", "must be a share, 0 or more (0.25: 25 %)")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _parse_env_value(raw: str) -> Any:
    """Read an environment value as a TOML value where it is one, else as a string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _env_layer(environ: typing.Mapping[str, str]) -> dict:
    """``AUDITOR_CRAWL__MAX_PAGES=50`` -> {"crawl": {"max_pages": 50}}; AUDITOR_CHROMIUM too."""
    layer: dict[str, dict] = {}
    for name, raw in environ.items():
        if not name.startswith("AUDITOR_") or "__" not in name:
            continue
        section, _, key = name[len("AUDITOR_") :].partition("__")
        layer.setdefault(section.lower(), {})[key.lower()] = _parse_env_value(raw)
    if environ.get("AUDITOR_CHROMIUM"):
        layer.setdefault("browser", {})["executable"] = environ["AUDITOR_CHROMIUM"]
    return layer


def load_settings(
    path: str | Path | None = None,
    overrides: dict | None = None,
    environ: typing.Mapping[str, str] | None = None,
    layers: typing.Sequence[tuple[dict, str]] = (),
) -> Settings:
    """Build the effective settings; raises ConfigError with one line naming key and file.

    ``layers``: more (table, where) layers between the environment and ``overrides``,
    each validated on its own (a shop's table in ``auditor batch``'s shops file)."""
    settings = Settings()
    if path is not None:
        p = Path(path)
        where = str(p)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{where}: config file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: cannot read the config file ({exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{where}: not valid TOML ({exc})") from None
        _apply(settings, data, where)
        _validate(settings, where)
        settings.source = where
    env = _env_layer(os.environ if environ is None else environ)
    if env:
        _apply(settings, env, "environment")
        _validate(settings, "environment")
    for data, where in layers:
        _apply(settings, data, where)
        _validate(settings, where)
    if overrides:
        _apply(settings, overrides, "command line")
        _validate(settings, "command line")
    return settings


_SECRET_KEYS = re.compile(r"pass|secret|token|cookie|auth|key", re.I)


def _redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (
                "***"
                if _SECRET_KEYS.search(str(k)) and v
                else _redact_test_data(v)
                if k == "test_data"
                else _redact(v)
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


def _redact_test_data(value: Any) -> Any:
    """The journeys' test customer (checks."journeys.discovery".test_data): which hosts
    may receive it is kept, the values themselves are not written out."""
    if not isinstance(value, dict):
        return value
    return {k: v if k == "allowed_hosts" or not v else "***" for k, v in value.items()}


def settings_to_dict(settings: Settings) -> dict:
    """The effective settings for results.json, with secrets removed."""
    data = dataclasses.asdict(settings)
    data["login"]["steps"] = [
        {**step, "value": "***"} if step.get("action") == "fill" else step
        for step in data["login"]["steps"]
    ]
    data["checks"] = _redact(data["checks"])
    # a hosted browser's address may carry its access token in the query
    data["browser"]["endpoint"] = data["browser"]["endpoint"].split("?")[0]
    return data
