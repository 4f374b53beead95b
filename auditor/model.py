"""The plain data that flows through an audit: links, page records and findings.

Everything here is JSON-able on purpose: a PageRecord is written to disk the moment a
page is done (JSONL), read back by checks that were not even loaded during the crawl,
and may one day travel between machines. So: dataclasses of str/int/float/list/dict,
with ``to_dict``/``from_dict`` and nothing else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "PLACES",
    "SEVERITY_ORDER",
    "Finding",
    "Link",
    "PageError",
    "PageRecord",
    "clip",
    "element_identities",
    "element_shape",
    "link_findings",
    "merge_findings",
    "title_shape",
]

#: Where a link stands on the page; the order is the order of precedence.
PLACES = ("breadcrumb", "nav", "header", "footer", "body")
#: scheme and host (with port) of a URL anywhere in a text
_ORIGIN = re.compile(r"\bhttps?://[^/\s|?#]+", re.IGNORECASE)

SEVERITY_ORDER = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}

MAX_TEXT = 300
MAX_SNIPPET = 1000
MAX_URLS_PER_FINDING = 500


def clip(value: str | None, limit: int = MAX_TEXT) -> str | None:
    """Cut untrusted text to a sane size (the shop decides how long its strings are)."""
    if value is None:
        return None
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class Link:
    """A link as the page shows it. ``url`` is normalised where it is http(s);
    ``internal`` says whether it stays on the audited site."""

    url: str
    text: str = ""
    place: str = "body"
    internal: bool = False


@dataclass
class PageError:
    code: str
    message: str


@dataclass
class PageRecord:
    """What one visit to one URL saw. The per-page unit of work returns exactly this."""

    url: str
    template: str = ""
    discovered_depth: int = 0
    #: the page's layout (auditor.skeleton): pages that share it share a layout
    layout: str = ""
    final_url: str | None = None
    status: int | None = None
    redirects: list[dict] = field(default_factory=list)
    content_type: str | None = None
    title: str | None = None
    links: list[Link] = field(default_factory=list)
    failed_resources: list[dict] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    #: landmarks for navigation and page kinds (auditor.structure)
    structure: dict[str, Any] = field(default_factory=dict)
    #: the measurement lane's timing loads (auditor.measure), when a check asked for them
    timing: dict[str, Any] = field(default_factory=dict)
    gathered: dict[str, Any] = field(default_factory=dict)
    gather_errors: dict[str, str] = field(default_factory=dict)
    error: PageError | None = None
    attempts: int = 1
    duration_ms: float = 0.0
    #: the Dask worker that loaded and timed the page (``--executor dask``; "driver"
    #: for the pages the driver loads itself, None on a local audit): timing figures
    #: compare only between like machines
    worker: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> PageRecord:
        data = dict(data)
        data["links"] = [Link(**link) for link in data.get("links", [])]
        if data.get("error"):
            data["error"] = PageError(**data["error"])
        return cls(**data)


#: positions in a selector (``:nth-of-type(3)``): the same component sits at another
#: place on another page, so they are no part of what the element is
_POSITIONS = re.compile(r":nth-(?:child|of-type|last-child|last-of-type)\(\d+\)")
#: numbers in a title are measurements of one page ("used 3 times", "344 px"), not identity
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")
_COUNT_SUFFIX = re.compile(r"\s*\(#\s+[a-z]+\)$")
_ID_IN_SELECTOR = re.compile(r"#((?:\\.|[\w-])+)\s*$")
_OPEN_TAG = re.compile(r"^\s*(<[a-zA-Z][^>]*>)")
_ATTRIBUTE = re.compile(r"([a-zA-Z_:][\w:.-]*)=(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_CONTROLS = frozenset({"a", "button", "input", "select", "textarea", "img", "iframe", "video"})
#: words of a title that say where or how much, not what is wrong
_NO_TOPIC = frozenset(
    """form field element page site must have with without that this does doe only used
    more than from their there when what which shown show into onto your very also
    header footer menu main content""".split()
)


#: what axe and the forms checks call one thing by different words
_SAME_TOPIC = (
    ("accessible name", "label"),
    ("discernible text", "label"),
    ("unlabelled", "label"),
    ("unlabeled", "label"),
)


def element_shape(selector: str) -> str:
    """A selector without positions and redundant spaces: one element (or component)
    whatever its place on a page. ``main > div:nth-of-type(2) > form`` and
    ``main > div:nth-of-type(5) > form`` are one."""
    return " ".join(_POSITIONS.sub("", selector).replace(">", " > ").split())


def _names_an_element(shape: str) -> bool:
    """Whether a selector names a particular element or component (an id, a class, an
    attribute), rather than any element of a kind at some place."""
    return any(ch in shape for ch in "#[.")


def title_shape(title: str) -> str:
    """A title with its numbers and a trailing count left out, for telling whether two
    titles name one defect ("... (13 elements)" on one template, "..." on another)."""
    shape = " ".join(_NUMBERS.sub("#", title).split()).lower()
    return _COUNT_SUFFIX.sub("", shape)


def element_identities(selector: str | None, snippet: str | None = None) -> set[str]:
    """Ways two checks may name one element: its id, its selector's shape, and its
    opening tag where that carries an id or a name (checks build selectors each their
    own way: ``#q``, ``input#q``, ``input[name="q"]``)."""
    out: set[str] = set()
    if selector:
        shape = element_shape(selector)
        if _names_an_element(shape):
            out.add("sel:" + shape)
        last = shape.split(" ")[-1]
        match = _ID_IN_SELECTOR.search(last)
        if match:
            out.add("id:" + match.group(1).replace("\\", ""))
        name = re.search(r"\[name=[\"']?([^\"'\]]+)", last)
        if name:
            out.add("name:" + name.group(1))
    if snippet:
        match = _OPEN_TAG.match(snippet)
        if match:
            tag = match.group(1)
            ident = re.search(r"\sid=[\"']([^\"']+)", tag)
            if ident:
                out.add("id:" + ident.group(1))
            name = re.search(r"\sname=[\"']([^\"']+)", tag)
            if name and tag.lower().startswith(("<input", "<select", "<textarea")):
                out.add("name:" + name.group(1))
            control = _control_tag(tag)
            if control:
                out.add("tag:" + control)
    return out


def _control_tag(tag: str) -> str | None:
    """A control's opening tag without what gatherers add or pages vary (style, empty
    attributes, their order): ``<button type="submit" style="">`` is
    ``<button type="submit">``. Only controls: a container's tag names no element."""
    name = re.match(r"<([a-zA-Z][\w-]*)", tag)
    if name is None or name.group(1).lower() not in _CONTROLS:
        return None
    attrs = sorted(
        f"{k.lower()}={v.strip(chr(34) + chr(39))}"
        for k, v in _ATTRIBUTE.findall(tag[name.end() :])
        if k.lower() != "style" and v.strip(chr(34) + chr(39))
    )
    return f"<{name.group(1).lower()} {' '.join(attrs)}>"


def _topics(title: str) -> set[str]:
    """The words of a title that say what is wrong, without what says where: "Icon-only
    submit button (search form)" -> {icon, submit, button}. Two checks' findings about
    one element are one defect only where their titles share a topic."""
    bare = re.sub(r"\([^)]*\)", " ", title.lower())
    for phrase, topic in _SAME_TOPIC:
        bare = bare.replace(phrase, f" {topic} ")
    words = {w.removesuffix("s") for w in re.findall(r"[a-z]{4,}", bare)}
    return words - _NO_TOPIC


@dataclass
class Finding:
    """One thing to fix, on one or many pages.

    ``key`` says what makes two findings the same thing across pages and runs where
    no element names it: for a template-level defect the template, for a broken link
    its target. Where the finding names an element (a ``selector`` with an id, class or
    attribute), the element and the title say it: the same element with the same defect
    is one cause on every page and template (a header's search form). ``group`` lets a
    check name a wider cause than one element: the form whose fields lack labels. The
    fingerprint is built from that cause, so a baseline comparison matches it whatever
    pages it is on; it must not contain anything that changes from run to run: build
    keys from paths (``auditor.urls.url_key``), not from full URLs with host and port.

    ``primary``: the fingerprint of another check's finding about the same element on
    the same pages (the most severe of them); this one is then counted in no score.
    """

    check: str
    category: str
    severity: str
    title: str
    message: str
    recommendation: str
    url: str | None = None
    urls: list[str] = field(default_factory=list)
    selector: str | None = None
    snippet: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    group: str = ""
    primary: str | None = None
    #: names the kind of text, so a report can translate title, message and recommendation
    #: from ``params`` (reports/i18n); results.json keeps the English texts as they are
    message_id: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def cause(self) -> str:
        """The fingerprint without the pages: what one fix repairs."""
        if self.group:
            return f"group|{self.group}|{title_shape(self.title)}"
        if self.selector:
            shape = element_shape(self.selector)
            cause = f"element|{shape}|{title_shape(self.title)}"
            # "form" or "div > img" names no element: the check's key must tell them apart
            return cause if _names_an_element(shape) else f"{cause}|{self.key}"
        return f"key|{self.key}"

    @property
    def fingerprint(self) -> str:
        if self.group or self.selector:
            raw = f"{self.check}|{self.cause}"
        else:  # as before grouping: check id + key, so old baselines still match
            raw = f"{self.check}|{self.key}|"
        # a full URL in a key, group or title must not tie the finding to one host and
        # port: a preview deployment compares with the main site's baseline
        raw = _ORIGIN.sub("", raw)
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    @property
    def pages(self) -> list[str]:
        """Every page it occurs on, the first one first."""
        return list(dict.fromkeys(self.urls or ([self.url] if self.url else [])))

    def to_dict(self) -> dict:
        urls = self.pages
        evidence = dict(self.evidence)
        if len(urls) > MAX_URLS_PER_FINDING:
            evidence.setdefault("pages_total", len(urls))
            urls = urls[:MAX_URLS_PER_FINDING]
        out = {
            "fingerprint": self.fingerprint,
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "title": clip(self.title),
            "message": clip(self.message, 2000),
            "url": self.url,
            "urls": urls,
            "selector": clip(self.selector, MAX_SNIPPET),
            "snippet": clip(self.snippet, MAX_SNIPPET),
            "evidence": evidence,
            "recommendation": clip(self.recommendation, 2000),
            "primary": self.primary,
        }
        if self.message_id:
            out["message_id"] = self.message_id
            out["params"] = {
                k: clip(v, MAX_TEXT) if isinstance(v, str) else v
                for k, v in self.params.items()
                if v is None or isinstance(v, str | int | float | bool)
            }
        return out


def _representative_order(f: Finding) -> tuple:
    """Which of several findings of one cause speaks for all: the worst, then the one on
    most pages, then by text, so that run order never decides."""
    return (SEVERITY_ORDER[f.severity], -len(f.pages), f.key, f.url or "", f.message)


def _elements(f: Finding) -> list[str]:
    """The selectors a finding lists in ``evidence.elements`` (a count there is no list)."""
    listed = f.evidence.get("elements") if isinstance(f.evidence, dict) else None
    return [e for e in listed if isinstance(e, str)] if isinstance(listed, list) else []


def _merge_group(members: list[Finding]) -> Finding:
    """One finding for findings of one cause: the representative's text and evidence,
    the worst severity, the union of the pages and of the elements named."""
    members = sorted(members, key=_representative_order)
    rep = members[0]
    if len(members) == 1:
        if not rep.urls and rep.url:
            rep.urls = [rep.url]
        return rep
    urls = list(dict.fromkeys(u for m in members for u in m.pages))
    elements = list(dict.fromkeys(e for m in members for e in [m.selector, *_elements(m)] if e))
    evidence = dict(rep.evidence)
    if len(elements) > 1:
        evidence["elements"] = [clip(e, 200) for e in elements[:20]]
        evidence["elements_total"] = len(elements)
    evidence["merged_findings"] = sum(m.evidence.get("merged_findings", 1) for m in members)
    message = rep.message
    grown: dict[str, Any] = {}  # what was added, so that a report can say it in its language
    if len(elements) > 1:
        shown = ", ".join(clip(e, 60) or "" for e in elements[:5])
        more = f" and {len(elements) - 5} more" if len(elements) > 5 else ""
        message += f" Elements: {shown}{more}."
        grown.update(merged_elements=shown, merged_more=max(len(elements) - 5, 0))
    if len(urls) > len(rep.pages):
        message += f" The same cause shows on {len(urls)} pages in all."
        grown["merged_pages"] = len(urls)
    return dataclasses.replace(
        rep,
        url=rep.url if rep.url in urls else urls[0],
        urls=urls,
        evidence=evidence,
        message=message,
        # a message grown by the merge says so, with what it grew by (reports/i18n)
        params=rep.params if message == rep.message else {**rep.params, "merged": True, **grown},
    )


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per cause (fingerprint), with the union of its pages, worst first.

    Why: a defect in a shared template or element shows on every page built from it; a
    team fixes it once, so it is reported once, "on 300 pages", and not 300 times at
    the top of the report. Which finding speaks for the group, and the order of the
    result, do not depend on the order the pages were crawled in.
    """
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.fingerprint, []).append(f)
    merged = [_merge_group(members) for members in groups.values()]
    return sorted(merged, key=_report_order)


def _report_order(f: Finding) -> tuple:
    return (SEVERITY_ORDER[f.severity], -len(f.pages), f.check, f.title, f.key, f.fingerprint)


def link_findings(findings: list[Finding]) -> list[Finding]:
    """Point findings of different checks about one element on shared pages to one
    primary finding, the most severe; the others get ``primary`` set.

    Why: an unlabelled search field is an accessibility defect and a search defect;
    reported as two unrelated findings it is counted twice in the score and looks like
    two things to fix. Element identities (id, name, selector shape, a control's
    opening tag) of the finding's own element bridge the different ways checks write
    selectors; the elements a finding merely lists do not link. Pages must overlap, so
    that two ``#q`` on unrelated templates stay apart; and the titles must share a
    topic ("label", "button"), so that a form's missing error message and its length,
    or a field's contrast and its label, stay two defects.
    """
    ranked = sorted(findings, key=_report_order)
    by_identity: dict[str, list[int]] = {}
    identities = [element_identities(f.selector, f.snippet) for f in ranked]
    for i, ids in enumerate(identities):
        for ident in ids:
            by_identity.setdefault(ident, []).append(i)
    for f in ranked:
        f.primary = None
    for i, f in enumerate(ranked):
        if f.primary is not None:
            continue
        pages = set(f.pages)
        for ident in identities[i]:
            for j in by_identity[ident]:
                other = ranked[j]
                if j <= i or other.check == f.check or other.primary is not None:
                    continue
                if pages & set(other.pages) and _topics(f.title) & _topics(other.title):
                    other.primary = f.fingerprint
    return findings
