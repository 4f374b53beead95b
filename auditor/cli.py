"""The command line: ``auditor run URL``, ``batch``, ``demo``, ``checks``, ``report``,
``diff``, ``history``, ``serve``, ``init``.

Exit codes: 0 passed, 1 the gate failed (a rule of ``[gate]`` broken: one line each
on stderr), 2 usage, config, target or baseline error (one line on stderr, never a
traceback),
130 interrupted (partial results are still written). ``auditor batch``: 1 when a shop
broke its gate, 2 when a shop could not be audited (or a usage or config error).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from . import __version__
from .config import Settings, load_settings
from .errors import AuditorError
from .events import EventBus
from .plugins import discover_checks
from .progress import attach_progress
from .results import load_results, write_results
from .urls import Scope, url_key

__all__ = ["main"]

EXIT_GATE_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def friendly(fn):
    """One line and exit 2 for every error the user can fix; no tracebacks."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AuditorError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:  # an internal bug still gets one line
            if os.environ.get("AUDITOR_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (AUDITOR_DEBUG=1 shows details)")

    return wrapper


_SECONDS_PER_UNIT = {"h": 3600.0, "m": 60.0, "s": 1.0, "": 1.0}


class Duration(click.ParamType):
    """A length of time: ``600``, ``90s``, ``10m``, ``1h30m`` (seconds without a unit)."""

    name = "duration"
    _PART = re.compile(r"(\d+(?:\.\d+)?)([hms]?)")

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip().lower().replace(" ", "")
        parts = self._PART.findall(text)
        if (
            not text
            or "".join(n + u for n, u in parts) != text
            or (len(parts) > 1 and any(u == "" for _, u in parts))
        ):
            self.fail(f"{value!r} is not a duration such as 600, 90s, 10m or 1h30m", param, ctx)
        return sum(float(n) * _SECONDS_PER_UNIT[u] for n, u in parts)


_SEVERITY = click.Choice(["critical", "serious", "moderate", "minor"])


def _history_file_options(fn):
    """``--history`` and ``--config`` of the commands that read a history file."""
    fn = click.option(
        "--config",
        "-c",
        "config_path",
        type=click.Path(dir_okay=False),
        help="TOML config file whose [history] applies.",
    )(fn)
    return click.option(
        "--history",
        "history_path",
        type=click.Path(dir_okay=False),
        help="The history file [history.path].",
    )(fn)


def _scheduler_option(fn):
    """``--scheduler`` of ``auditor run`` and ``auditor batch`` (their ``--executor``
    help differs: pages or shops go to the workers)."""
    return click.option(
        "--scheduler",
        metavar="tcp://HOST:PORT|local:N",
        help="The Dask scheduler, or local:N for N worker processes here [scale.scheduler].",
    )(fn)


def _gate_options(fn):
    """The gate's thresholds as flags (``auditor run``, ``demo`` and ``diff``)."""
    options = [
        click.option("--fail-under", type=float, help="Exit 1 below this score [gate.fail_under]."),
        click.option(
            "--min-category",
            "min_categories",
            multiple=True,
            metavar="CATEGORY=SCORE",
            help="Exit 1 when a category scores below SCORE (repeatable) [gate.categories].",
        ),
        click.option(
            "--max-findings",
            multiple=True,
            metavar="SEVERITY=N",
            help="Exit 1 above N findings of a severity (repeatable) [gate.max_findings].",
        ),
        click.option(
            "--budget",
            "budgets",
            multiple=True,
            metavar="TEMPLATE:METRIC=LIMIT",
            help="Exit 1 when the median METRIC of TEMPLATE's pages exceeds LIMIT, e.g. "
            "'/product/*:lcp_ms=2500' (* every template; repeatable) [gate.budgets].",
        ),
        click.option(
            "--journey-effort",
            "journey_efforts",
            multiple=True,
            metavar="JOURNEY[:PERSONA]=SECONDS",
            help="Exit 1 when a customer journey's predicted effort exceeds SECONDS or it "
            "does not finish, e.g. checkout=60 (repeatable) [gate.journey_effort].",
        ),
        click.option(
            "--fail-on-new",
            type=_SEVERITY,
            is_flag=False,
            flag_value="minor",
            help="With a baseline: exit 1 on a new finding at or above this severity "
            "(alone: any new finding) [gate.fail_on_new].",
        ),
        click.option(
            "--max-score-drop",
            type=float,
            help="With a baseline: exit 1 when a category drops more points [gate.max_score_drop].",
        ),
        click.option(
            "--metric-margin",
            "metric_margins",
            multiple=True,
            metavar="METRIC=SHARE",
            help="With a baseline: exit 1 when a template's median METRIC grows by more than "
            "SHARE (0.25: 25 %) and its noise floor (repeatable) [gate.metric_margin].",
        ),
        click.option(
            "--junit-min-severity",
            type=_SEVERITY,
            help="Findings at or above this fail their JUnit case [gate.junit_min_severity].",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _pairs(values: tuple[str, ...], flag: str, number: type) -> dict[str, Any]:
    """``KEY=VALUE`` flags as a table; AuditorError naming the flag where one is not."""
    table: dict[str, Any] = {}
    for item in values:
        key, sep, value = item.rpartition("=")
        try:
            table[key.strip()] = number(value)
        except ValueError:
            sep = ""
        if not sep or not key.strip():
            raise AuditorError(f"{flag} {item!r}: expected KEY=VALUE with a number")
    return table


def _gate_layer(flags: dict) -> dict:
    """The table-valued gate flags as a [gate] layer."""
    layer: dict[str, Any] = {}
    if flags.get("min_categories"):
        layer["categories"] = _pairs(flags["min_categories"], "--min-category", float)
    if flags.get("max_findings"):
        layer["max_findings"] = _pairs(flags["max_findings"], "--max-findings", int)
    if flags.get("journey_efforts"):
        layer["journey_effort"] = _pairs(flags["journey_efforts"], "--journey-effort", float)
    if flags.get("metric_margins"):
        layer["metric_margin"] = _pairs(flags["metric_margins"], "--metric-margin", float)
    for item in flags.get("budgets") or ():
        template, sep, rest = item.rpartition(":")
        if not sep or not template:
            raise AuditorError(f"--budget {item!r}: expected TEMPLATE:METRIC=LIMIT")
        for metric, limit in _pairs((rest,), "--budget", float).items():
            layer.setdefault("budgets", {}).setdefault(template, {})[metric] = limit
    return layer


def _audit_options(fn):
    options = [
        click.option(
            "--config",
            "-c",
            "config_path",
            type=click.Path(dir_okay=False),
            help="TOML config file (see `auditor init`).",
        ),
        click.option(
            "--out",
            "-o",
            "out_dir",
            type=click.Path(file_okay=False),
            help="Folder for results and reports [output.dir].",
        ),
        click.option("--max-pages", type=int, help="Pages to render at most [crawl.max_pages]."),
        click.option("--concurrency", type=int, help="Parallel tabs [crawl.concurrency]."),
        click.option(
            "--profile",
            type=click.Choice(["desktop", "mobile"]),
            help="Device profile [browser.profile].",
        ),
        click.option(
            "--timeout", "page_timeout", type=float, help="Seconds per page [crawl.page_timeout]."
        ),
        click.option(
            "--ignore-robots",
            is_flag=True,
            default=None,
            help="Do not obey robots.txt (your own shop only).",
        ),
        click.option(
            "--check",
            "checks",
            multiple=True,
            help="Run only this check (repeatable) [audit.checks].",
        ),
        click.option(
            "--format",
            "formats",
            multiple=True,
            help="Report formats (repeatable or comma-separated): html, markdown, junit, "
            "sarif, csv, pdf [output.formats].",
        ),
        click.option(
            "--lang",
            type=click.Choice(["en", "de"]),
            help="Language of the reports [output.lang].",
        ),
        click.option(
            "--max-duration",
            type=Duration(),
            help="Stop starting new pages after this long, e.g. 10m, and report what was "
            "gathered [crawl.max_duration].",
        ),
        click.option(
            "--progress",
            type=click.Choice(["auto", "bar", "lines", "none"]),
            help="Progress display [output.progress].",
        ),
        click.option(
            "--all-pages",
            is_flag=True,
            default=None,
            help="No sampling: render every page found and judge each with every check "
            "[sample.all_pages, crawl.max_pages_per_template = 0].",
        ),
        click.option(
            "--history",
            "history_path",
            type=click.Path(dir_okay=False),
            help="SQLite history file to record the run in (with its live progress for "
            "`auditor serve`) and to draw the report's trend from [history.path].",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False),
            help="results.json of an earlier audit (e.g. main's) to compare with: new, "
            "fixed and unchanged findings, score changes [gate.baseline].",
        ),
        _gate_options,
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _overrides(**flags: Any) -> dict:
    mapping = {
        "out_dir": ("output", "dir"),
        "max_pages": ("crawl", "max_pages"),
        "concurrency": ("crawl", "concurrency"),
        "profile": ("browser", "profile"),
        "page_timeout": ("crawl", "page_timeout"),
        "max_duration": ("crawl", "max_duration"),
        "checks": ("audit", "checks"),
        "formats": ("output", "formats"),
        "fail_under": ("gate", "fail_under"),
        "baseline": ("gate", "baseline"),
        "fail_on_new": ("gate", "fail_on_new"),
        "max_score_drop": ("gate", "max_score_drop"),
        "junit_min_severity": ("gate", "junit_min_severity"),
        "progress": ("output", "progress"),
        "history_path": ("history", "path"),
        "lang": ("output", "lang"),
    }
    layer: dict[str, dict] = {}
    for name, value in flags.items():
        if value is None or value == () or name not in mapping:
            continue
        section, key = mapping[name]
        layer.setdefault(section, {})[key] = list(value) if isinstance(value, tuple) else value
    if flags.get("ignore_robots"):
        layer.setdefault("crawl", {})["respect_robots"] = False
    if flags.get("all_pages"):
        layer.setdefault("sample", {})["all_pages"] = True
        layer.setdefault("crawl", {})["max_pages_per_template"] = 0
    gate = _gate_layer(flags)
    if gate:
        layer.setdefault("gate", {}).update(gate)
    return layer


def _settings(config_path: str | None, flags: dict, extra: dict | None = None) -> Settings:
    overrides = _overrides(**flags)
    for section, values in (extra or {}).items():
        overrides.setdefault(section, {}).update(values)
    return load_settings(config_path, overrides)


def _render(results_path: Path, out_dir: Path, formats: list[str], lang: str = "en") -> list[Path]:
    from reports import render

    results = load_results(results_path)
    try:
        return render(results, out_dir, formats, lang=lang)
    except ValueError as exc:
        raise AuditorError(f"'output.formats': {exc}") from None
    except RuntimeError as exc:  # the PDF's browser could not start: one line, exit 2
        raise AuditorError(str(exc)) from None


def _judge(results_path: Path, settings: Settings, base: dict | None, history=None) -> dict:
    """The gate's verdict (and the baseline comparison, and the history's trend) added
    to results.json, so that every report shows them."""
    from .gate import apply_gate

    results = load_results(results_path)
    apply_gate(results, settings.gate, base, settings.gate.baseline)
    if history is not None:
        history.add_trend(results)
    head, tail, seen_pages = {}, {}, False
    for key, value in results.items():
        if key == "pages":
            seen_pages = True
        elif seen_pages:
            tail[key] = value
        else:
            head[key] = value
    write_results(results_path, head, results.get("pages") or [], tail)
    return results


def _gate_failed(results: dict) -> int:
    """One line per broken rule on stderr; the exit code."""
    from .gate import breach_lines

    lines = breach_lines(results)
    for line in lines:
        click.echo(f"gate failed: {line}", err=True)
    return EXIT_GATE_FAILED if lines else 0


def _audit(
    url: str, settings: Settings, explain_templates: bool = False, resume: bool = False
) -> int:
    """The audit, recorded in the history file where one is set (history.path)."""
    history = None
    if settings.history.path:
        from .history.hook import AuditHistory

        history = AuditHistory(settings, url)  # an unusable file: one line, no audit
    try:
        return _audit_with(url, settings, explain_templates, history, resume)
    finally:
        if history is not None:
            history.close()


def _record(history, results_path: Path, reports: list[Path]) -> None:
    """The run into the history; a failure there is a warning, never the audit's verdict."""
    try:
        history.record(results_path, reports)
    except Exception as exc:
        click.echo(f"warning: history: the run was not recorded ({exc})", err=True)


def _audit_with(
    url: str, settings: Settings, explain_templates: bool, history, resume: bool = False
) -> int:
    from .gate import BaselineError, load_baseline
    from .runner import run_audit

    # a baseline that cannot be compared with fails before the audit, not after it
    base = load_baseline(settings.gate.baseline) if settings.gate.baseline else None
    out_dir = Path(settings.output.dir)
    events = EventBus()
    attach_progress(events, settings.output.progress)
    if history is not None:
        history.watch(events, url)
    with _signals_deferred() as received:
        try:
            results_path = asyncio.run(run_audit(url, settings, out_dir, events, resume=resume))
        except KeyboardInterrupt:  # a second Ctrl-C while the audit was stopping
            click.echo("interrupted before the results were written", err=True)
            return EXIT_INTERRUPTED
        try:
            results, unusable = _judge(results_path, settings, base, history), None
        except BaselineError as exc:  # another site: the reports still get written
            results, unusable = load_results(results_path), exc
        reports = _render(results_path, out_dir, settings.output.formats, settings.output.lang)
        if history is not None:
            _record(history, results_path, reports)
    if unusable is not None:
        raise unusable
    _print_summary(results, results_path, reports)
    if base is not None:
        from .diff import comparison_text

        click.echo(comparison_text(results))
    if explain_templates:
        _print_templates(results)
    cut = results.get("cut_short")
    if results.get("interrupted") or received:
        why = f" ({cut['message']})" if cut else ""
        click.echo(f"interrupted: partial results in {results_path}{why}", err=True)
        return EXIT_INTERRUPTED
    if cut:
        click.echo(f"cut short: {cut['message']}", err=True)
    return _gate_failed(results)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[list[str]]:
    """While results and reports are written, SIGINT, SIGTERM and SIGHUP are noted
    instead of ending the process (the audit itself turns them into a graceful stop,
    see auditor.runner), so that results.json, report.html and summary.md are whole.
    Yields the names of the signals received; the caller exits 130 if there are any."""
    received: list[str] = []
    saved = {}
    for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is None:
            continue
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            saved[sig] = signal.signal(sig, lambda num, _frame: received.append(str(num)))
    try:
        yield received
    finally:
        for sig, previous in saved.items():
            signal.signal(sig, previous)


def _print_summary(results: dict, results_path: Path, reports: list[Path]) -> None:
    score = results.get("score")
    stats = results["stats"]
    click.echo(
        f"Audited {results['target']}: {stats['pages_crawled']} pages "
        f"({stats['pages_failed']} failed) in {stats['duration_s']:.1f} s, "
        f"{stats['pages_per_minute']:.0f} pages/min"
    )
    click.echo(f"Score: {'not measured' if score is None else f'{score:.0f}/100'}")
    for name, cat in results["categories"].items():
        value = "  n/a" if cat["score"] is None else f"{cat['score']:5.0f}"
        click.echo(f"  {name:<14} {value}  {cat['summary']}")
    click.echo(f"Results: {results_path}")
    for path in reports:
        click.echo(f"Report:  {path}")


def _print_templates(results: dict) -> None:
    """The URL templates and, under each, its layouts: pages rendered and mapped, and
    an example address (stats.layouts of results.json)."""
    groups = results["stats"].get("layouts") or []
    click.echo("Templates by layout (pages rendered + read over HTTP, an example):")
    if not groups:
        click.echo("  none recorded")
    last = None
    for g in groups:
        if g["template"] != last:
            last = g["template"]
            click.echo(f"  {last}")
        layout = g["layout"] or "(not told)"
        click.echo(
            f"    layout {layout:<12} {g['rendered']:>4} rendered {g['mapped']:>6} mapped"
            f"  e.g. {url_key(g['example'])}"
        )
    shared: dict[str, list[str]] = {}
    for g in groups:
        if g["layout"]:
            shared.setdefault(g["layout"], []).append(g["template"])
    for layout, templates in shared.items():
        if len(templates) > 1:
            click.echo(f"  layout {layout} is shared by {', '.join(templates)}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Audit an online shop's usability in a real browser."""


@cli.command()
@click.argument("url", required=False)
@click.option(
    "--urls",
    "urls_file",
    metavar="FILE",
    help="Audit exactly the pages listed in FILE (one URL a line, # comments; - reads "
    "stdin), each judged by every check; no links followed.",
)
@click.option(
    "--sitemap-only",
    is_flag=True,
    help="Audit the start page and the pages of the shop's sitemap; no links followed.",
)
@click.option(
    "--follow-links",
    is_flag=True,
    help="With --urls or --sitemap-only: follow the pages' links as well [crawl.follow_links].",
)
@click.option(
    "--explain-templates",
    is_flag=True,
    help="After the audit, print each URL template's layouts (pages and an example).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    help="local: the pages in this process's browser; dask: batches of pages on the "
    "workers of a Dask cluster (pip install 'shop-auditor[dask]') [scale.executor].",
)
@_scheduler_option
@click.option(
    "--resume",
    is_flag=True,
    help="Continue an audit into the same --out folder that was stopped or killed: "
    "the pages it recorded are not loaded again.",
)
@_audit_options
@friendly
def run(
    url: str | None,
    urls_file: str | None,
    sitemap_only: bool,
    follow_links: bool,
    explain_templates: bool,
    executor: str | None,
    scheduler: str | None,
    resume: bool,
    config_path: str | None,
    **flags: Any,
) -> None:
    """Crawl the shop at URL (or audit the pages listed with --urls), run the checks and
    write results and reports."""
    extra: dict[str, dict] = {}
    if urls_file is not None:
        if url is not None:
            raise AuditorError("give either a URL or --urls FILE, not both")
        if sitemap_only:
            raise AuditorError("give either --urls FILE or --sitemap-only, not both")
        listed = read_url_list(urls_file, load_settings(config_path).crawl.allow_subdomains)
        url = listed[0]
        # the pages named are the audit: each is judged by every check, none is sampled
        # out, and the sitemap adds none
        extra["crawl"] = {"start_urls": listed[1:], "use_sitemap": False}
        extra["sample"] = {"all_pages": True}
    elif url is None:
        raise AuditorError("give the shop's URL, or the pages to audit with --urls FILE")
    if sitemap_only:
        extra["crawl"] = {"use_sitemap": True}
    if urls_file is not None or sitemap_only:
        extra["crawl"]["follow_links"] = follow_links
    elif follow_links:
        raise AuditorError("--follow-links goes with --urls or --sitemap-only")
    scale = {"executor": executor, "scheduler": scheduler}
    if any(scale.values()):
        extra["scale"] = {k: v for k, v in scale.items() if v}
    settings = _settings(config_path, flags, extra)
    sys.exit(_audit(url, settings, explain_templates, resume=resume))


def read_url_list(source: str, allow_subdomains: bool = False) -> list[str]:
    """The pages of a --urls file (``-``: stdin): one URL a line, blank lines and ``#``
    comments ignored, duplicates dropped, every one on the site of the first. Raises
    AuditorError with one line naming the file and line where that is not so."""
    name = "stdin" if source == "-" else source
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuditorError(f"--urls {name}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditorError(f"--urls {name}: cannot read it ({exc})") from None
    urls: list[str] = []
    scope: Scope | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        # a comment is a line or the end of a line from " #" on (a URL's own #fragment
        # has no space before it)
        line = re.split(r"\s#", line.strip(), maxsplit=1)[0].strip()
        if line.startswith("#"):
            continue
        if not line:
            continue
        parts = urlsplit(line)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in line:
            raise AuditorError(
                f"{name} line {number}: {line[:200]!r} is not a full http:// or https:// address"
            )
        if scope is None:
            scope = Scope([line], allow_subdomains)
        elif not scope.same_site(line):
            raise AuditorError(
                f"{name} line {number}: {line[:200]} is not on the site of the first address "
                f"({urlsplit(urls[0]).hostname}); audit each site on its own"
            )
        if line not in urls:
            urls.append(line)
    if not urls:
        raise AuditorError(f"--urls {name}: no URL in it (one http(s):// address a line)")
    return urls


@cli.command()
@click.argument("shops", type=click.Path(dir_okay=False))
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    help="local: one shop after another here; dask: each shop one task on a Dask "
    "cluster (pip install 'shop-auditor[dask]') [scale.executor].",
)
@_scheduler_option
@_audit_options
@friendly
def batch(
    shops: str,
    executor: str | None,
    scheduler: str | None,
    config_path: str | None,
    **flags: Any,
) -> None:
    """Audit every shop listed in SHOPS (a TOML file of [[shops]] with a url, a name and
    config tables), each into OUT/NAME/, and write the overview OUT/index.html and
    OUT/batch.json. Exit 0, 1 when a shop broke its gate, 2 when a shop failed."""
    from .batch import run_batch

    if flags.get("baseline"):
        raise AuditorError("--baseline is per shop in a batch: set gate.baseline in its table")
    layer = _overrides(**flags)
    scale = {"executor": executor, "scheduler": scheduler}
    if any(scale.values()):
        layer["scale"] = {k: v for k, v in scale.items() if v}
    root = Path(load_settings(config_path, layer).output.dir)
    layer.get("output", {}).pop("dir", None)
    sys.exit(run_batch(shops, root, config_path, layer, click.echo))


@cli.command()
@click.option("--clean", is_flag=True, help="Audit the repaired twin of the demo shop.")
@click.option(
    "--products", type=int, default=24, show_default=True, help="Products in the demo shop."
)
@_audit_options
@friendly
def demo(clean: bool, products: int, config_path: str | None, **flags: Any) -> None:
    """Audit the bundled demo shop (started on 127.0.0.1, stopped afterwards)."""
    from .demo import DemoShop

    if flags.get("out_dir") is None:
        flags["out_dir"] = "demo-audit"
    settings = _settings(config_path, flags)
    if settings.history.path and not settings.history.site:
        settings.history.site = "auditor demo"  # one trend, whatever port the demo gets
    with DemoShop(mode="clean" if clean else "defects", products=products) as shop:
        click.echo(f"Demo shop ({'clean' if clean else 'with defects'}) at {shop.base_url}")
        code = _audit(shop.base_url, settings)
    sys.exit(code)


@cli.command("checks")
@friendly
def list_checks() -> None:
    """List every registered check."""
    rows = list(discover_checks())
    if not rows:
        click.echo("no checks installed")
        return
    for check_id, cls, info in rows:
        if cls is None:
            click.echo(f"{check_id:<32} {'-':<14} BROKEN   {info}")
            continue
        state = "on" if cls.enabled_by_default else "off"
        click.echo(f"{check_id:<32} {cls.category:<14} {state:<8} {cls.title}")


@cli.command("browser")
@friendly
def show_browser() -> None:
    """Print the Chromium the audit would use (exit 2 with a hint when there is none)."""
    from playwright.sync_api import sync_playwright

    from .browser import find_chromium

    settings = load_settings(None)
    with sync_playwright() as pw:
        path = find_chromium(settings.browser.executable, pw.chromium.executable_path)
    click.echo(path)


@cli.command()
@click.argument("results", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "-o",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Folder for the reports (default: next to results.json).",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    help="html, markdown, junit, sarif, csv, pdf (repeatable or comma-separated; default: "
    "html, markdown).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "de"]),
    default="en",
    show_default=True,
    help="Language of the reports (results.json itself stays English).",
)
@friendly
def report(results: str, out_dir: str | None, formats: tuple[str, ...], lang: str) -> None:
    """Render the reports again from a results.json."""
    path = Path(results)
    target = Path(out_dir) if out_dir else path.parent
    target.mkdir(parents=True, exist_ok=True)
    for written in _render(path, target, list(formats) or ["html", "markdown"], lang):
        click.echo(f"Report: {written}")


@cli.command()
@click.argument("base", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(dir_okay=False),
    help="TOML config file whose [gate] applies.",
)
@_gate_options
@friendly
def diff(base: str, new: str, config_path: str | None, **flags: Any) -> None:
    """Compare two results.json files: score changes, new, fixed and unchanged findings
    (matched by fingerprint); then gate NEW against BASE (exit 1 on a broken rule)."""
    from .diff import comparison_text
    from .gate import apply_gate, load_baseline

    settings = _settings(config_path, flags)
    results = apply_gate(load_results(new), settings.gate, load_baseline(base), base)
    click.echo(comparison_text(results))
    sys.exit(_gate_failed(results))


@cli.command(context_settings={"ignore_unknown_options": False})
@click.argument("args", nargs=-1, metavar="[TARGET] | add RESULTS...")
@_history_file_options
@click.option("--last", type=click.IntRange(1), default=10, show_default=True, help="Runs shown.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of tables.")
@click.option("--site", help="With add: the name the runs are grouped under [history.site].")
@friendly
def history(
    args: tuple[str, ...],
    history_path: str | None,
    config_path: str | None,
    last: int,
    as_json: bool,
    site: str | None,
) -> None:
    """The recorded runs of TARGET (a site or its URL; default every site) with their
    trends: scores per category, findings new and fixed since the run before.
    `auditor history add RESULTS.json...` records saved runs."""
    import json

    from rich.console import Console

    from .history import open_store
    from .history.show import history_data, print_history

    overrides = {"history": {"path": history_path}} if history_path else {}
    settings = load_settings(config_path, overrides)
    if not settings.history.path:
        raise AuditorError("give the history file with --history FILE (or history.path)")
    if args and args[0] == "add":
        if len(args) < 2:
            raise AuditorError("history add: give one or more results.json files")
        with open_store(settings.history.path) as store:
            for name in args[1:]:
                run_id, new = store.add_results(name, site=site or settings.history.site or None)
                click.echo(f"{'Recorded' if new else 'Already recorded'}: {name} (run {run_id})")
        return
    if len(args) > 1:
        raise AuditorError("history: give at most one TARGET (or: add RESULTS...)")
    with open_store(settings.history.path, create=False) as store:
        data = history_data(store, args[0] if args else None, last)
    if args and not data["sites"]:
        raise AuditorError(f"history: no runs of {args[0]} in {settings.history.path}")
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print_history(data, Console(width=max(100, Console().width)))


@cli.command()
@_history_file_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Listen on an address other machines can reach (--host); every request then "
    "needs the token printed at start.",
)
@friendly
def serve(
    history_path: str | None, config_path: str | None, host: str, port: int, allow_remote: bool
) -> None:
    """A local web dashboard of the history: every shop's scores and trends, each run's
    report, and audits running now (live as their pages finish)."""
    import secrets

    from .dashboard.serve import is_loopback, run_server

    overrides = {"history": {"path": history_path}} if history_path else {}
    settings = load_settings(config_path, overrides)
    if not settings.history.path:
        raise AuditorError("give the history file with --history FILE (or history.path)")
    token = None
    if not is_loopback(host):
        if not allow_remote:
            raise AuditorError(
                f"--host {host} lets other machines in: add --allow-remote (a token is then "
                "required), or keep the default 127.0.0.1"
            )
        token = secrets.token_urlsafe(24)
    run_server(settings.history.path, host, port, token, echo=click.echo)


@cli.command()
@click.argument("path", default="auditor.toml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@friendly
def init(path: str, force: bool) -> None:
    """Write a starter config with every option and its default."""
    from .config_example import render_example_config

    target = Path(path)
    if target.exists() and not force:
        raise AuditorError(f"{target} exists already (use --force to overwrite it)")
    target.write_text(render_example_config(), encoding="utf-8")
    click.echo(f"Wrote {target}")


def main() -> None:
    cli(prog_name="auditor")
