"""The check contract, and the registry that finds checks through entry points.

A check (subclass ``Check``) has up to three steps, each optional but the last:

``gather(page, ctx)``      async, runs in every audited page; returns JSON-able facts
                           (selectors, snippets, numbers), never verdicts. A gatherer
                           that only reads the DOM declares ``page_script(ctx)`` instead
                           (a ``PageScript``): the engine runs all of those in one round
                           trip into the page.
``site(site)``             async, runs once after the crawl with the browser still open,
                           for work that needs the whole site (a journey, link checks).
``evaluate(pages, site)``  pure: gathered data -> findings. No browser, network, clock
                           or randomness, so it is testable on recorded data and can be
                           re-run on saved results.

The engine hands a check only what it declared in ``requires`` (engine facts such
as ``links``, ``failed_resources``, ``metrics``, ``redirects``) plus its own gathered
data. Asking for ``timing`` switches on the measurement lane (auditor.measure): every
audited page is loaded once more, alone and with a cold cache, for its timings.
Built-in checks register through the ``auditor.checks`` entry-point group, exactly as
a third-party package would. A check that cannot work with the current
settings raises ``NotConfigured`` from ``configure`` and is switched off with the
reason, logged once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, ClassVar

from .config import SEVERITIES, Settings
from .errors import ConfigError
from .model import Finding

__all__ = [
    "ENGINE_KEYS",
    "ENTRY_POINT_GROUP",
    "SEVERITY_PENALTY",
    "Check",
    "LoadedCheck",
    "NotConfigured",
    "PageScript",
    "PageView",
    "SiteView",
    "discover_checks",
    "load_checks",
    "sample_limit",
]

ENTRY_POINT_GROUP = "auditor.checks"
#: Facts the engine records on every page that a check may ask for.
ENGINE_KEYS = frozenset(
    {"links", "failed_resources", "metrics", "redirects", "structure", "timing"}
)
#: How much one finding takes off its check's score (multiplicatively).
SEVERITY_PENALTY = {"critical": 0.5, "serious": 0.25, "moderate": 0.1, "minor": 0.03}


@dataclass(frozen=True)
class PageScript:
    """A gatherer that only reads the page: a JavaScript function expression, the
    argument it is called with, and what to make of its result (``read``, in Python;
    None keeps the result as it is).

    Why: the engine runs the page scripts of all checks in one round trip into the
    page (each in its own try, so one that fails costs only its own data), where a
    gatherer function of its own costs a round trip or more a page. A script must not
    change the page: the others read it in the same turn."""

    script: str
    arg: Any = None
    read: Callable[[Any], Any] | None = None


class NotConfigured(Exception):
    """Raised by ``Check.configure`` to switch the check off, with the reason."""


@dataclass
class PageView:
    """One page as a check sees it: the basics, what it required, and its own data."""

    url: str
    final_url: str | None
    status: int | None
    template: str
    depth: int | None
    content_type: str | None
    title: str | None
    error: dict | None
    data: Any = None
    gather_error: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        facts = self.__dict__.get("facts", {})
        if name in facts:
            return facts[name]
        raise AttributeError(name)


@dataclass
class SiteView:
    """What the engine knows about the whole site, computed once for all checks."""

    start_url: str
    depths: dict[str, int]
    statuses: dict[str, int | None]
    sitemap_urls: list[str]
    unrendered: dict[str, str]
    site_data: Any = None
    #: for each page reached by links, the page it is first reached from on a shortest
    #: click path (None for the start); walk it back for the path from home
    parents: dict[str, str | None] = field(default_factory=dict)
    #: in-scope pages found per template, rendered or sampled out: the site's real
    #: proportions, where the crawl rendered only a sample of a big template
    template_sizes: dict[str, int] = field(default_factory=dict)
    #: pages read over HTTP only (auditor.linkmap.MappedPage by URL): the rest of the
    #: shop beyond the rendered sample, with status, final URL, template and title
    mapped: dict[str, Any] = field(default_factory=dict)
    #: the internal links of any page in the link graph (rendered or mapped), by URL
    out_links: Callable[[str], list[str]] | None = None
    #: each page's and template's role in the customer's path and what a role weighs
    #: (``auditor.scoring.RoleWeights``), for checks that score templates; None before
    #: evaluation and in tests that do not set it
    roles: Any = None


class Check:
    """Base class of every check. Subclasses set the class attributes below."""

    id: ClassVar[str] = ""
    category: ClassVar[str] = ""
    title: ClassVar[str] = ""
    #: why it matters, for `auditor checks` and the report
    description: ClassVar[str] = ""
    default_options: ClassVar[dict[str, Any]] = {}
    #: one line per option, for config.example.toml
    option_docs: ClassVar[dict[str, str]] = {}
    weight: ClassVar[float] = 1.0
    enabled_by_default: ClassVar[bool] = True
    requires: ClassVar[tuple[str, ...]] = ()
    #: seconds a gatherer may take on one page
    gather_timeout: ClassVar[float] = 20.0
    #: a check with a page script whose ``gather`` runs too, after the round trip: it
    #: is handed what the script read (``ctx.scripted``) and returns the page's data in
    #: its place; where it fails, the script's data stays. For a cheap read of every
    #: page and costly work on a few (accessibility.axe: page-level rules everywhere,
    #: the full axe run on the first pages of each structural template)
    gathers_after_script: ClassVar[bool] = False

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        self.options = {**self.default_options, **(options or {})}
        self.severity_override = severity

    # -- the three steps -------------------------------------------------------------
    async def gather(self, page: Any, ctx: Any) -> Any:  # pragma: no cover - optional
        raise NotImplementedError

    def page_script(self, ctx: Any) -> PageScript | None:  # pragma: no cover - optional
        """The gatherer as a read-only script for this page (None: nothing to read here),
        instead of ``gather``: the engine runs it together with the other checks' page
        scripts in one round trip. Declare one or the other (or both, with
        ``gathers_after_script``); ``gather_alone`` runs it by itself (tests, tools)."""
        raise NotImplementedError

    async def site(self, site: Any) -> Any:  # pragma: no cover - optional
        raise NotImplementedError

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> Iterable[Finding]:
        raise NotImplementedError

    # -- optional hooks --------------------------------------------------------------
    def configure(self, settings: Settings) -> None:
        """Raise NotConfigured(reason) when this check cannot run with ``settings``."""

    def score(self, findings: list[Finding], pages_seen: int) -> float | None:
        """0-100 from the findings: each one multiplies the score by (1 - penalty)."""
        value = 1.0
        for f in findings:
            value *= 1.0 - SEVERITY_PENALTY[f.severity]
        return round(100.0 * value, 1) if math.isfinite(value) else None

    def score_parts(self) -> list[dict[str, Any]]:
        """What the last ``score`` is made of where a check scores measurements rather
        than findings: ``[{"what": "Largest Contentful Paint on /", "points": 12.5}]``,
        points of the check's own 0-100 scale. The engine scales them by the check's
        weight into its category's breakdown, so a report can explain the score."""
        return []

    # -- helpers for subclasses ------------------------------------------------------
    @classmethod
    def has_gatherer(cls) -> bool:
        return cls.gather is not Check.gather or cls.has_page_script()

    @classmethod
    def has_page_script(cls) -> bool:
        return cls.page_script is not Check.page_script

    async def gather_alone(self, page: Any, ctx: Any) -> Any:
        """This check's page script run by itself in ``page``: what the engine's combined
        round trip hands the check for this page."""
        planned = self.page_script(ctx)
        if planned is None:
            return None
        data = await page.evaluate(planned.script, planned.arg)
        return planned.read(data) if planned.read is not None else data

    @classmethod
    def has_site_step(cls) -> bool:
        return cls.site is not Check.site

    def finding(
        self, *, severity: str, title: str, message: str, recommendation: str, **fields: Any
    ) -> Finding:
        """A Finding of this check, with the configured severity override applied."""
        return Finding(
            check=self.id,
            category=self.category,
            severity=self.severity_override or severity,
            title=title,
            message=message,
            recommendation=recommendation,
            **fields,
        )


@dataclass
class LoadedCheck:
    """A registered check and what the settings say about it."""

    id: str
    cls: type[Check] | None
    enabled: bool
    weight: float
    instance: Check | None = None
    status: str = "ran"
    reason: str | None = None
    source: str = ""
    #: pages of each template the check judges after [sample] (0: every page); None for
    #: a check that judges the whole site rather than a sample of pages
    per_template: int | None = None


def discover_checks() -> Iterator[tuple[str, type[Check] | None, str]]:
    """(id, class or None if broken, where or why) for every registered check."""
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not stop the audit
            yield ep.name, None, f"cannot be loaded: {type(exc).__name__}: {exc}"
            continue
        if not (isinstance(cls, type) and issubclass(cls, Check)):
            yield ep.name, None, "is not a subclass of auditor.plugins.Check"
        elif cls.id != ep.name:
            yield ep.name, None, f"declares id {cls.id!r}, registered as {ep.name!r}"
        else:
            yield ep.name, cls, ep.value


#: check options that were renamed: old name -> (new name, what it means now)
RENAMED_OPTIONS = {
    "max_pages_per_template": ("per_template", "0: as many pages as [sample] per_template"),
    "pages_per_template": ("per_template", "0: as many pages as [sample] per_template"),
    "standards": ("wcag", '"2.1 AA", "2.2 AA", "2.1 AAA" or "2.2 AAA"'),
}


def sample_limit(settings: Settings, own: int | None) -> int:
    """Pages of each template a check judges (0: every page): ``[sample] per_template``,
    lowered by the check's own ``per_template`` where that is smaller (0 in either: no
    limit of its own); ``[sample] all_pages`` (--all-pages, --urls) lifts both."""
    if settings.sample.all_pages:
        return 0
    limits = [n for n in (settings.sample.per_template, own or 0) if n]
    return min(limits) if limits else 0


def _check_options(check_id: str, cls: type[Check], section: dict, where: str) -> dict:
    options: dict[str, Any] = {}
    for key, value in section.items():
        full = f'checks."{check_id}".{key}'
        if key in RENAMED_OPTIONS and key not in cls.default_options:
            new, meaning = RENAMED_OPTIONS[key]
            raise ConfigError(
                f"{where}: '{full}' was renamed: use 'checks.\"{check_id}\".{new}' ({meaning})"
            )
        if key == "enabled":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: '{full}' must be true or false")
        elif key == "weight":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"{where}: '{full}' must be a number of at least 0")
        elif key == "severity":
            if value not in ("", *SEVERITIES):
                raise ConfigError(f"{where}: '{full}' must be one of {', '.join(SEVERITIES)}")
        elif key not in cls.default_options:
            raise ConfigError(f"{where}: unknown key '{full}'")
        else:
            default = cls.default_options[key]
            ok = isinstance(value, type(default)) and not (
                isinstance(value, bool) and not isinstance(default, bool)
            )
            if (
                isinstance(default, float)
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                value, ok = float(value), True
            if not ok:
                raise ConfigError(
                    f"{where}: '{full}' must be of type {type(default).__name__}, not {value!r}"
                )
            # counts, limits and waits: a negative one is a typo, never a setting
            if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
                raise ConfigError(f"{where}: '{full}' must be at least 0, not {value!r}")
            options[key] = value
    return options


def load_checks(settings: Settings, only: Iterable[str] | None = None) -> list[LoadedCheck]:
    """The registered checks with their settings applied; config errors name the key."""
    where = settings.source
    registered = list(discover_checks())
    known = {cid for cid, _, _ in registered}
    wanted = list(only) if only is not None else list(settings.audit.checks)
    for cid in [*wanted, *settings.checks]:
        if cid not in known:
            names = ", ".join(sorted(known)) or "none"
            raise ConfigError(f"{where}: unknown check '{cid}' (installed: {names})")
    loaded: list[LoadedCheck] = []
    for cid, cls, info in registered:
        if cls is None:
            loaded.append(LoadedCheck(cid, None, False, 0.0, status="error", reason=info))
            continue
        section = settings.checks.get(cid, {})
        options = _check_options(cid, cls, section, where)
        enabled = section.get("enabled", cls.enabled_by_default)
        if wanted:
            enabled = cid in wanted
        weight = float(section.get("weight", cls.weight))
        entry = LoadedCheck(cid, cls, enabled, weight, source=info)
        if "per_template" in cls.default_options:
            own = options.get("per_template", cls.default_options["per_template"])
            options["per_template"] = entry.per_template = sample_limit(settings, own)
        if enabled:
            entry.instance = cls(options, section.get("severity", ""))
            try:
                entry.instance.configure(settings)
            except NotConfigured as exc:
                entry.enabled, entry.status, entry.reason = False, "disabled", str(exc)
        else:
            entry.status, entry.reason = "disabled", "switched off in the settings"
        loaded.append(entry)
    return loaded
