"""axe-core's page-level rules, read on every page without axe.

Why: axe's full run costs about a second a page, and the pages of one structural
template repeat the same elements, so ``accessibility.axe`` runs it on the first
page(s) of each template only. A few rules judge the document itself rather than an
element the template repeats: its title, its language, its viewport meta, a delayed
refresh. Those differ from page to page of one layout (the demo's /returns lacks its
lang, its /privacy its title, beside pages of the same layout that have them), so they
are read on every page: one small read of the head, joined to the engine's single
round trip of page scripts, and judged here in Python exactly as axe 4.12 judges them
(its checks ``doc-has-title``, ``has-lang``, ``valid-lang``, ``xml-lang-mismatch``,
``meta-viewport-scale`` and ``meta-refresh``, read from the bundled axe-core), so a
page reads the same whether axe or this module judged it. A live test compares the
two on pages with every such defect.

The facts are plain data (gathered); ``document_results`` is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from auditor.model import clip

from .axe_langs import VALID_LANGS

__all__ = ["DOCUMENT_JS", "DOCUMENT_RULES", "document_results", "rules_on"]

_HELP_URL = "https://dequeuniversity.com/rules/axe/4.12/{}?application=axeAPI"

#: the page-level rules: axe's impact, tags and help (axe.getRules() of axe 4.12), and
#: whether axe runs the rule when no tag asks for it (``enabled``)
DOCUMENT_RULES: dict[str, dict[str, Any]] = {
    "document-title": {
        "impact": "serious",
        "tags": [
            "cat.text-alternatives",
            "wcag2a",
            "wcag242",
            "TTv5",
            "TT12.a",
            "EN-301-549",
            "EN-9.2.4.2",
            "ACT",
            "RGAAv4",
            "RGAA-8.5.1",
        ],
        "help": "Documents must have <title> element to aid in navigation",
    },
    "html-has-lang": {
        "impact": "serious",
        "tags": [
            "cat.language",
            "wcag2a",
            "wcag311",
            "TTv5",
            "TT11.a",
            "EN-301-549",
            "EN-9.3.1.1",
            "ACT",
            "RGAAv4",
            "RGAA-8.3.1",
        ],
        "help": "<html> element must have a lang attribute",
    },
    "html-lang-valid": {
        "impact": "serious",
        "tags": [
            "cat.language",
            "wcag2a",
            "wcag311",
            "TTv5",
            "TT11.a",
            "EN-301-549",
            "EN-9.3.1.1",
            "ACT",
            "RGAAv4",
            "RGAA-8.4.1",
        ],
        "help": "<html> element must have a valid value for the lang attribute",
    },
    "html-xml-lang-mismatch": {
        "impact": "moderate",
        "tags": [
            "cat.language",
            "wcag2a",
            "wcag311",
            "EN-301-549",
            "EN-9.3.1.1",
            "ACT",
            "RGAAv4",
            "RGAA-8.3.1",
        ],
        "help": "HTML elements with lang and xml:lang must have the same base language",
    },
    "meta-viewport": {
        "impact": "moderate",
        "tags": [
            "cat.sensory-and-visual-cues",
            "wcag2aa",
            "wcag144",
            "EN-301-549",
            "EN-9.1.4.4",
            "ACT",
            "RGAAv4",
            "RGAA-10.4.2",
        ],
        "help": "Zooming and scaling must not be disabled",
    },
    "meta-viewport-large": {
        "impact": "minor",
        "tags": ["cat.sensory-and-visual-cues", "best-practice"],
        "help": "Users should be able to zoom and scale the text up to 500%",
    },
    "meta-refresh": {
        "impact": "critical",
        "tags": [
            "cat.time-and-media",
            "wcag2a",
            "wcag221",
            "TTv5",
            "TT8.a",
            "EN-301-549",
            "EN-9.2.2.1",
            "RGAAv4",
            "RGAA-13.1.2",
        ],
        "help": "Delayed refresh under 20 hours must not be used",
    },
    "meta-refresh-no-exceptions": {
        "impact": "minor",
        "tags": ["cat.time-and-media", "wcag2aaa", "wcag224", "wcag325"],
        "help": "Delayed refresh must not be used",
    },
}

#: what the page's head says, as plain data: the root element (as axe shows it) and its
#: language attributes, the title, every viewport and refresh meta
DOCUMENT_JS = """
() => {
  const root = document.documentElement;
  const attr = (el, name) => {
    const v = el.getAttribute(name);
    return v === null ? null : v.slice(0, 200);
  };
  // how axe shows an element: its markup, or its opening tag where that is long
  const open = (el) => {
    const html = el.outerHTML || '';
    return (html.length > 300 ? html.slice(0, html.indexOf('>') + 1) : html).slice(0, 400);
  };
  // how axe names it: the tag where it is the only one, else its place among siblings
  const target = (el) => (document.getElementsByTagName(el.localName).length === 1
    ? el.localName
    : el.localName + ':nth-child(' + ([...el.parentNode.children].indexOf(el) + 1) + ')');
  const metas = (sel) => [...document.querySelectorAll(sel)].slice(0, 5)
    .map((m) => ({ content: attr(m, 'content'), html: open(m), target: target(m) }));
  return {
    root: root ? { name: root.nodeName.toLowerCase(), lang: attr(root, 'lang'),
                   xml_lang: attr(root, 'xml:lang'), html: open(root) } : null,
    xhtml: !!document.createElement && document.createElement('A').localName === 'A',
    title: String(document.title || '').slice(0, 300),
    viewports: metas('meta[name="viewport"]'),
    refreshes: metas('meta[http-equiv="refresh"][content]'),
  };
}
"""

_NUMBER = re.compile(r"^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|^\s*[+-]?Infinity")


def _js_float(value: Any) -> float:
    """JavaScript's parseFloat: the leading number of a string, NaN where there is none."""
    if isinstance(value, int | float):
        return float(value)
    m = _NUMBER.match(value or "")
    return float(m.group(0)) if m else float("nan")


def _js_trim(value: str) -> str:
    """JavaScript's trim (it also takes the byte-order mark and no-break spaces)."""
    return value.strip(
        " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    )


def rules_on(tags: Iterable[str], enable: Iterable[str], disable: Iterable[str]) -> list[str]:
    """The page-level rules axe would run with these tags and rule lists: a disabled rule
    never, an enabled one always, else any rule carrying one of the tags (axe runs a
    rule switched off by default, meta-refresh-no-exceptions, when a tag asks for it)."""
    tags, enable, disable = set(tags), set(enable), set(disable)
    return [
        rule
        for rule, meta in DOCUMENT_RULES.items()
        if rule not in disable and (rule in enable or tags & set(meta["tags"]))
    ]


def _base_lang(value: str | None) -> str:
    return _js_trim(value or "").split("-")[0].lower()


def _sanitised(value: str) -> str:
    """axe's sanitize: what is left of a text once its whitespace is squeezed."""
    return _js_trim(re.sub(r"\s{2,}", " ", value.replace("\r\n", "\n").replace("\u00a0", " ")))


def _viewport_fails(content: str | None, scale_minimum: float, lower_bound: float) -> bool:
    """axe's meta-viewport-scale check: pinch zoom switched off (user-scalable=no) or
    held below ``scale_minimum``; ``lower_bound`` (meta-viewport-large) leaves a page
    already below it to meta-viewport."""
    if not content:
        return False
    props: dict[str, Any] = {}
    for part in re.split(r"[;,]", content):
        part = _js_trim(part)
        pair = part.split("=")
        key, value = pair[0], pair[1] if len(pair) > 1 else ""
        if not part or not key or not value:
            continue
        key, value = _js_trim(key.lower()), _js_trim(value.lower())
        if key == "maximum-scale" and value == "yes":
            value = 1
        if key == "maximum-scale" and _js_float(value) < 0:
            continue
        props[key] = value
    biggest = props.get("maximum-scale")
    if lower_bound and biggest and _js_float(biggest) < lower_bound:
        return False
    scalable = props.get("user-scalable")
    if not lower_bound and scalable == "no":
        return True
    number = _js_float(scalable) if scalable else float("nan")
    if not lower_bound and scalable and number == number and -1 < number < 1:
        return True
    return bool(biggest) and _js_float(biggest) < scale_minimum


def _refresh_fails(content: str | None, min_delay: float, max_delay: float | None) -> bool:
    """axe's meta-refresh check: a refresh after a delay above ``min_delay`` and up to
    ``max_delay`` seconds (None: no upper end)."""
    first = re.split(r"[;,\s]", _js_trim(content or ""))[0]
    if not re.fullmatch(r"[0-9.]+", first):
        return False
    delay = _js_float(first)
    return not (delay <= min_delay or (max_delay is not None and delay > max_delay))


def _failures(facts: dict, rule: str) -> list[dict] | None:
    """The nodes ``rule`` fails on (``[]``: passed), None where it does not apply."""
    root = facts.get("root") if isinstance(facts.get("root"), dict) else None
    is_html = root is not None and root.get("name") == "html"
    lang, xml_lang = (root or {}).get("lang"), (root or {}).get("xml_lang")
    node = {"target": "html", "html": (root or {}).get("html") or "<html>"}
    if rule == "document-title":
        return [] if _sanitised(facts.get("title") or "") else [node]
    if rule == "html-has-lang":
        if not is_html:
            return None
        has = [bool(_js_trim(v or "")) for v in (lang, xml_lang)]
        if has[1] and not has[0] and not facts.get("xhtml"):
            return [node]  # xml:lang alone is no language on an HTML page
        return [] if any(has) else [node]
    if rule == "html-lang-valid":
        values = [v for v in (lang, xml_lang) if v]  # lang="" does not count
        if not is_html or not values:
            return None
        bad = any(
            (_base_lang(v) and _base_lang(v) not in VALID_LANGS) or not _sanitised(v)
            for v in values
        )
        return [node] if bad else []
    if rule == "html-xml-lang-mismatch":
        if not is_html or lang is None or xml_lang is None:
            return None
        if not (_base_lang(lang) in VALID_LANGS and _base_lang(xml_lang) in VALID_LANGS):
            return None
        return [] if _base_lang(lang) == _base_lang(xml_lang) else [node]
    if rule in ("meta-viewport", "meta-viewport-large"):
        metas = facts.get("viewports") or []
        scale, bound = (2, 0) if rule == "meta-viewport" else (5, 2)
        failed = [m for m in metas if _viewport_fails(m.get("content"), scale, bound)]
        return _meta_nodes(failed) if metas else None
    if rule in ("meta-refresh", "meta-refresh-no-exceptions"):
        metas = facts.get("refreshes") or []
        low, high = (0, 72000) if rule == "meta-refresh" else (72000, None)
        failed = [m for m in metas if _refresh_fails(m.get("content"), low, high)]
        return _meta_nodes(failed) if metas else None
    return None


def _meta_nodes(metas: list[dict]) -> list[dict]:
    return [
        {"target": clip(m.get("target") or "meta", 200), "html": clip(m.get("html") or "", 400)}
        for m in metas
    ]


def document_results(facts: Any, rules: Iterable[str]) -> tuple[list[dict], list[list]]:
    """The page-level ``rules`` judged on one page's facts (``DOCUMENT_JS``), in axe's
    own shape: violations (id, impact, tags, help, helpUrl, nodes) and passes
    (``[rule, criteria tags]``), so the check groups them as it groups axe's."""
    if not isinstance(facts, dict):
        return [], []
    violations: list[dict] = []
    passes: list[list] = []
    for rule in rules:
        nodes = _failures(facts, rule)
        if nodes is None:
            continue
        meta = DOCUMENT_RULES[rule]
        if not nodes:
            passes.append([rule, [t for t in meta["tags"] if re.fullmatch(r"wcag\d{3,}", t)]])
            continue
        violations.append(
            {
                "id": rule,
                "impact": meta["impact"],
                "tags": list(meta["tags"]),
                "help": meta["help"],
                "helpUrl": _HELP_URL.format(rule),
                "count": len(nodes),
                # the region axe's run gives an element outside every landmark (the
                # root, the head's metas): a page judged here groups as one axe judged
                "nodes": [{**n, "summary": "", "region": "body"} for n in nodes],
            }
        )
    return violations, passes
