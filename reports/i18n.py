"""The language of the reports: one translation table for report.html, summary.md and the
prose of the CI formats.

Why this shape: results.json is the contract and stays in English; the language only
changes the rendering, so ``auditor report results.json --lang de`` works on any saved
results. The renderers write English source strings through ``t`` (and ``tn`` for a
count); the German tables (the package ``reports/i18n_de``) map each English string to its German
text. A string with no German text stays English as a whole, never half translated.

A finding's title, message and recommendation are translated by its ``message_id`` and
``params`` (written by the check beside the English text); a check's title by its id.
When any placeholder of the German text is missing from the params, the English text is
kept, so a sentence is never a mix of the two.

The language is held in a context variable for the time of one rendering
(``use_lang``): the view builders and the templates read it through ``t`` without every
function passing it on.
"""

from __future__ import annotations

import contextlib
import re
import string
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from typing import Any

from . import i18n_de

__all__ = [
    "LANGS",
    "axe_help",
    "check_title",
    "current",
    "finding_text",
    "localise_number",
    "said",
    "t",
    "tn",
    "use_lang",
]

LANGS = ("en", "de")
_TABLES: dict[str, Mapping[str, str]] = {"de": i18n_de.TEXTS}
_FINDINGS: dict[str, Mapping[str, Mapping[str, str]]] = {"de": i18n_de.FINDINGS}
_CHECKS: dict[str, Mapping[str, str]] = {"de": i18n_de.CHECKS}
_TERMS: dict[str, Mapping[str, str]] = {"de": i18n_de.TERMS}
_TERM_PARAMS: dict[str, frozenset[str]] = {"de": i18n_de.TERM_PARAMS}
_TERM_LISTS: dict[str, frozenset[str]] = {"de": i18n_de.TERM_LIST_PARAMS}
_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "de": tuple((re.compile(en), de) for en, de in i18n_de.PATTERNS)
}
#: params that are whole phrases of the audit (said like the lines of results.json)
_SAID_PARAMS = frozenset({"reason", "why"})
#: "{count|Seite|Seiten}": the word for one or for several, by the param ``count``
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")
#: "[[ in {regions}]]": a part said only when every param in it has a value
_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)

_lang: ContextVar[str] = ContextVar("report_lang", default="en")
_FORMATTER = string.Formatter()


def current() -> str:
    """The language the reports are being rendered in ("en" or "de")."""
    return _lang.get()


@contextlib.contextmanager
def use_lang(lang: str | None) -> Iterator[str]:
    """Render in ``lang`` until the block ends; an unknown language raises ValueError."""
    lang = lang or "en"
    if lang not in LANGS:
        raise ValueError(f"unknown report language {lang!r} (known: {', '.join(LANGS)})")
    token = _lang.set(lang)
    try:
        yield lang
    finally:
        _lang.reset(token)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


def _fill(text: str, params: Mapping[str, Any]) -> str | None:
    """``text`` with its placeholders filled, or None when one of them has no value."""
    if not params and not _fields(text):
        return text
    try:
        return text.format_map(dict(params))
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def t(text: str, **params: Any) -> str:
    """``text`` in the current language, its ``{placeholders}`` filled from ``params``.

    Without params the text is only looked up: a label from the shop (a category's
    name) that contains braces is shown as it is."""
    table = _TABLES.get(current())
    if not isinstance(text, str):
        return "" if text is None else str(text)
    if not params:  # a plain label, maybe the shop's own text: never parsed for {fields}
        return table.get(text, text) if table is not None else text
    if table is not None and text in table:
        filled = _fill(table[text], params)
        if filled is not None:
            return filled
    filled = _fill(text, params)
    return filled if filled is not None else text


def tn(count: Any, one: str, other: str, **params: Any) -> str:
    """``one`` or ``other`` by ``count``, translated; ``{n}`` is the count as a number."""
    from .common import fmt_int

    params.setdefault("n", fmt_int(count))
    return t(one if count == 1 or count == "1" else other, **params)


def said(text: Any) -> Any:
    """A line results.json carries in English (a gate rule's what, limit and measured
    value) in the current language: a whole text of the table, else the first pattern of
    the table it matches (each group said again, numbers the current language's way),
    else as it is. Why patterns: saved results of any age render in German, and the
    engine keeps writing one English line."""
    if not isinstance(text, str) or current() == "en":
        return text
    table = _TABLES.get(current(), {})
    if text in table:
        return table[text]
    for pattern, template in _PATTERNS.get(current(), ()):
        m = pattern.fullmatch(text)
        if m:
            groups = {k: localise_number(said(v)) if v else "" for k, v in m.groupdict().items()}
            return template.format_map(groups)
    return text


def axe_help(rule: Any, english: Any) -> Any:
    """axe's help text of a rule (a needs-review item) in the current language: the German
    title of its findings, else axe's English text as it is."""
    table = _FINDINGS.get(current())
    entry = table.get(f"accessibility.axe.{rule}") if table and isinstance(rule, str) else None
    return entry["title"] if entry and entry.get("title") else english


def localise_number(text: str) -> str:
    """A number written the English way ("1,234.5") in the current language ("1.234,5")."""
    if current() != "de":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def check_title(check: Mapping[str, Any]) -> Any:
    """A check's title (a ``checks[]`` record) in the current language, by its id; else
    the English title of results.json as it is."""
    table = _CHECKS.get(current())
    check_id = check.get("id") if isinstance(check, Mapping) else None
    if table is not None and isinstance(check_id, str) and check_id in table:
        return table[check_id]
    return check.get("title") if isinstance(check, Mapping) else None


def finding_text(finding: Mapping[str, Any], field: str) -> Any:
    """A finding's ``field`` (title, message, recommendation) in the current language.

    German comes from the table by the finding's ``message_id`` with its ``params``;
    without an id, a German text or a value for every placeholder it stays the English
    value of results.json (as it is: the caller cuts it). The params are the check's and
    are shown as text (the renderer escapes them).
    """
    english = finding.get(field) if isinstance(finding, Mapping) else None
    table = _FINDINGS.get(current())
    msg_id = finding.get("message_id")
    if table is None or not isinstance(msg_id, str) or msg_id not in table:
        return english
    text = table[msg_id].get(field)
    params = finding.get("params")
    if not text or not isinstance(params, Mapping | None):
        return english
    params = params or {}
    merged = field == "message" and params.get("merged") is True
    if merged and not any(k in params for k in _MERGE_PARAMS):
        return english  # an older results.json: the engine's sentences are not known
    values = {k: _param(k, v) for k, v in params.items() if isinstance(k, str)}
    if "form" in values:  # "Kontaktformular „Contact us“": the kind, then the shop's name
        name = values.get("name")
        values["form_named"] = values["form"] + (f" „{name}“" if name else "")
    filled = _fill(_plurals(text, params), values)
    if filled is None:
        return english
    return filled + _merge_sentences(params) if merged else filled


#: what the engine adds to a message when it merges findings of one cause
#: (auditor.model): the elements named and the pages counted
_MERGE_PARAMS = ("merged_elements", "merged_pages")


def _merge_sentences(params: Mapping[str, Any]) -> str:
    """The sentences the engine added to a merged finding's message, in this language."""
    out = ""
    shown = params.get("merged_elements")
    if isinstance(shown, str) and shown:
        more = params.get("merged_more") or 0
        key = " Elements: {shown} and {more} more." if more else " Elements: {shown}."
        out += t(key, shown=shown, more=more)
    pages = params.get("merged_pages")
    if isinstance(pages, int) and pages:
        out += t(" The same cause shows on {n} pages in all.", n=pages)
    return out


def _plurals(text: str, params: Mapping[str, Any]) -> str:
    """``text`` with each "{count|one|other}" written as the word its count needs, and
    each "[[optional part]]" kept only when all its params have a value."""

    def word(m: re.Match) -> str:
        n = params.get(m.group(1))
        return m.group(2) if n == 1 or n == "1" else m.group(3)

    def part(m: re.Match) -> str:
        inner = m.group(1)
        names = _fields(_PLURAL.sub("", inner)) | {p.group(1) for p in _PLURAL.finditer(inner)}
        return inner if all(params.get(n) not in (None, "", False) for n in names) else ""

    return _PLURAL.sub(word, _OPTIONAL.sub(part, text))


def _param(key: str, value: Any) -> str:
    """One parameter as text: numbers in the current language's way, the audit's own words
    (a form's kind, a band: ``TERM_PARAMS``) translated, the rest (the shop's text) as given."""
    from .common import MAX_TITLE, clip, fmt_number

    terms = _TERMS.get(current(), {})
    if key in _TERM_PARAMS.get(current(), ()) and isinstance(value, str) and value in terms:
        return terms[value]
    if key in _SAID_PARAMS and isinstance(value, str):  # a journey's reason for stopping
        return clip(said(value), MAX_TITLE)
    if key in _TERM_LISTS.get(current(), ()) and isinstance(value, str):
        words = [terms.get(w.strip(), w.strip()) for w in value.split("|") if w.strip()]
        if len(words) > 1:
            return ", ".join(words[:-1]) + f" {t('and')} " + words[-1]
        return "".join(words)
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, int | float):
        return fmt_number(value)
    if key.endswith("_fmt") and isinstance(value, str):  # "2.73 s" written by the check
        return localise_number(clip(value, MAX_TITLE) or "")
    return clip(value, MAX_TITLE)
