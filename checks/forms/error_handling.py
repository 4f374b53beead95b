"""forms.error-handling: what a customer sees after sending a form wrong (active probes)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from fnmatch import fnmatchcase
from typing import Any, ClassVar
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

from auditor.config import Settings
from auditor.errors import ConfigError
from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .classify import (
    FORM_KINDS,
    can_be_left_empty,
    form_kind,
    form_name,
    form_noun,
    visible_fields,
)
from .common import FormCase, FormsCheck, field_label, single_field
from .probe import MALFORMED_EMAIL, Guard, probe_form

__all__ = ["ErrorHandling", "focus_announces", "judge_attempt", "shown_problems"]

PROBED_BY_DEFAULT = ["login", "registration", "checkout", "contact", "newsletter"]
#: kinds whose customers should hear about a format error before the server does
INLINE_KINDS = ("registration", "checkout", "contact", "newsletter")
NEAR_PX = 100
_SW_JS = "() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


async def _no_socket(ws: Any) -> None:
    """WebSockets of the probe tab talk to no one (a chat widget could relay input)."""


def judge_attempt(attempt: dict) -> str:
    """messages (the page said something), dialog (an alert() box said it), native (only
    the browser's bubble), sent (the form went to the server unchecked), silent (nothing
    at all happened), unsent (the probe could not press the submit button)."""
    if attempt.get("submit") in ("failed", "none"):
        return "unsent"
    if attempt.get("messages"):
        return "messages"
    if attempt.get("dialogs"):
        return "dialog"
    tried = [b for b in attempt.get("blocked", []) if b.get("type") in ("document", "xhr", "fetch")]
    if tried or attempt.get("sent") or attempt.get("navigated"):
        return "sent"  # whatever the field's validity said, the browser let it go
    if any(s.get("native") for s in attempt.get("fields", [])):
        return "native"
    return "silent"


def _flagged(attempt: dict, index: int, native: bool = True) -> bool:
    """Does the page (or, with ``native``, the browser) say that field ``index`` is wrong?"""
    states = attempt.get("fields") or []
    state = states[index] if index < len(states) else {}
    if state.get("aria_invalid") or (native and state.get("native")):
        return True
    return any(
        index in m.get("tied", [])
        or (m.get("near") == index and (m.get("distance") or 0) <= NEAR_PX)
        for m in attempt.get("messages", [])
    )


def _focused_field(attempt: dict) -> int | None:
    """The index of the probed field that had the focus after the submit, if any."""
    states = attempt.get("fields") or []
    return next((i for i, s in enumerate(states) if s.get("focused")), None)


def focus_announces(attempt: dict) -> bool:
    """Whether moving the focus told a screen reader user what went wrong.

    A focused field is read out with its description, so focus on a field described by
    its error (aria-describedby) announces the error; so does focus on the error itself
    or on an error summary. Records made before the probe looked at the focus: the
    focused field tied to one of the messages.
    """
    focus = attempt.get("focus")
    if focus is not None:
        return bool(focus.get("error_described") or focus.get("summary") or focus.get("in_message"))
    index = _focused_field(attempt)
    return bool(attempt.get("focus_in_message")) or (
        index is not None and any(index in m.get("tied", []) for m in attempt.get("messages", []))
    )


def _focus_on_error(attempt: dict) -> bool:
    """Whether the focus went where the customer must act: a field said to be wrong, the
    error itself, or an error summary."""
    focus = attempt.get("focus") or {}
    index = _focused_field(attempt)
    return bool(
        attempt.get("focus_in_message")
        or focus.get("summary")
        or (index is not None and _flagged(attempt, index))
    )


def shown_problems(attempt: dict) -> list[str]:
    """What is wrong with how an attempt's messages were shown: not-tied (to no field,
    by markup), not-announced (no live region, and no focus move that reads the error
    out), focus (left away from the errors). A live region is asked for only where the
    focus did not announce the error."""
    msgs = attempt.get("messages") or []
    tied = any(m.get("tied") for m in msgs) or any(
        s.get("aria_invalid") for s in attempt.get("fields", [])
    )
    problems = [] if tied else ["not-tied"]
    if not any(m.get("announced") for m in msgs) and not focus_announces(attempt):
        problems.append("not-announced")
    if not _focus_on_error(attempt):
        problems.append("focus")
    return problems


class ErrorHandling(FormsCheck):
    """Error handling, probed: submit empty, then with a malformed email.

    What: on one page per template with a sign-in, registration, checkout, contact or
    newsletter form, the form is sent empty, then filled in with plausible values and
    one malformed email (after leaving the field, to see inline validation), with the
    browser blocking every request the submission makes. Findings: no error at all
    (the form goes to the server unchecked, or nothing happens); errors not tied to
    their fields (aria-describedby/aria-errormessage/aria-invalid) nor shown next to
    them; errors not announced (no live region such as role=alert, and the focus moved
    neither to a field described by its error nor to an error summary, either of which
    a screen reader reads out); focus left where it was; typed values lost; no inline
    validation when leaving a malformed field (not for a form that asks one thing: it
    is left only to be sent). A form of menus and boxes with nothing required is not
    probed: nothing in it can be missing.
    Safe by default: nothing is sent to the shop (``server_validation`` names the forms
    whose server may be asked; payment forms are never probed; search forms belong to
    the search checks). A form that only gets the browser's own bubble is listed under
    needs review: it names the problem in words at the field, but one at a time and
    for a few seconds, in the browser's language.
    Why: 31% of sites give no inline validation, 4% get it wrong (Baymard 2024); an
    error that is not tied to its field is not read out (WCAG 3.3.1, 1.3.1, 4.1.3).
    Fix: validate on blur and on submit, put the message next to the field, tie it with
    aria-describedby and aria-invalid, announce it (role=alert), move focus to the
    first error, and keep what the customer typed.
    """

    id = "forms.error-handling"
    title = "Error messages when a form is filled in wrong"
    description = "Submit empty and with a malformed email (requests blocked): errors shown?"
    default_options: ClassVar[dict[str, Any]] = {
        "probe": True,
        "probe_kinds": PROBED_BY_DEFAULT,
        "max_forms": 12,
        "server_validation": [],
    }
    option_docs: ClassVar[dict[str, str]] = {
        "probe": "submit forms (with every request blocked) to see their error messages",
        "probe_kinds": "form kinds to probe: " + ", ".join(PROBED_BY_DEFAULT) + ", other "
        "(payment and search never)",
        "max_forms": "most forms probed in one audit (one page per template each)",
        "server_validation": "URL patterns (glob, on the path or the full URL) or form ids "
        "(#id) whose submissions may reach the shop, to see its server-side errors; "
        "default: none, nothing is ever sent",
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.details: dict[str, Any] | None = None

    def configure(self, settings: Settings) -> None:
        where = f'{settings.source}: \'checks."{self.id}"'
        kinds = self.options["probe_kinds"]
        allowed = [k for k in FORM_KINDS if k not in ("payment", "search")]
        if not all(isinstance(k, str) and k in allowed for k in kinds):
            raise ConfigError(
                f"{where}.probe_kinds' must name some of {', '.join(allowed)} "
                f"(payment and search forms are never probed), not {kinds}"
            )
        if not all(isinstance(p, str) and p for p in self.options["server_validation"]):
            raise ConfigError(f"{where}.server_validation' must be a list of URL patterns or #ids")
        if isinstance(self.options["max_forms"], bool) or not isinstance(
            self.options["max_forms"], int
        ):
            raise ConfigError(f"{where}.max_forms' must be a whole number")

    # -- site step: the probes ---------------------------------------------------------
    def server_allowed(self, url: str, form: dict, kind: str) -> bool:
        """Whether the settings let this form's submission reach the shop."""
        if kind == "payment":
            return False
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        ids = {f"#{form.get('id')}"} if form.get("id") else set()
        return any(
            fnmatchcase(path, p) or fnmatchcase(url, p) or p in ids or p == form.get("selector")
            for p in self.options["server_validation"]
        )

    async def site(self, site: Any) -> dict:
        probes: list[dict] = []
        if not self.options["probe"] or site.tabs is None:
            return {"probes": probes}
        seen: set[str] = set()
        cases: list[FormCase] = []
        over = 0
        for record in site.records():
            data = record.gathered.get(self.id)
            if not isinstance(data, dict):
                continue
            url = record.final_url or record.url
            for form in data.get("forms") or []:
                kind = form_kind(form, url)
                if kind in ("payment", "search") or kind not in self.options["probe_kinds"]:
                    continue
                if not can_be_left_empty(visible_fields(form)):
                    continue  # menus and boxes only: nothing a customer could leave out
                view = PageView(url, url, record.status, record.template, None, None, None, None)
                case = FormCase(view, form, kind, form_name(form, kind), visible_fields(form))
                if case.signature in seen:
                    continue
                seen.add(case.signature)
                if len(cases) >= self.options["max_forms"]:
                    over += 1
                    continue
                cases.append(case)
        # side by side, each in a tab of its own (the site stage's slots bound them)
        probes = list(await asyncio.gather(*(self._probe(site.tabs, c) for c in cases)))
        return {"probes": probes, "over_limit": over}

    async def _probe(self, tabs: Any, case: FormCase) -> dict:
        url, form = case.page.url, case.form
        allow = self.server_allowed(url, form, case.kind)
        head = {
            "url": url,
            "template": case.page.template,
            "kind": case.kind,
            "name": case.name,
            "selector": form["selector"],
            "signature": case.signature,
            "server_allowed": allow,
            "labels": [field_label(f) for f in case.fields],
            "single": single_field(case),
        }
        guard = Guard(_origin(url), allow_server=allow)
        # background work: a form probe can run whenever a tab is free, so the searches
        # and journeys, which come in chains, take their first tabs before it
        async with tabs.open(background=True) as page:
            if page is None:
                return {**head, "skipped": "no probe tab"}
            # the guard is in place before the page loads (off until the probe starts),
            # and stays armed until the tab is closed: no beacon on unload gets out
            await page.context.route("**/*", guard.handle)
            await page.context.route_web_socket("**/*", _no_socket)
            facts: dict[str, Any] = {}

            async def load() -> bool:
                """The page, loaded as the crawl would, and fit to be probed."""
                guard.armed = False  # a page load; nothing typed is in it
                try:
                    if await tabs.goto(page, url) is None:
                        facts["skipped"] = "the page could not be loaded (or robots.txt forbids it)"
                        return False
                    if await page.evaluate(_SW_JS):
                        facts["skipped"] = (
                            "a service worker runs the page: requests could escape the "
                            "browser's blocking"
                        )
                        return False
                    if await page.locator(form["selector"]).count() == 0:
                        facts["skipped"] = "the form was not found again"
                        return False
                    return True
                except PlaywrightError as exc:
                    facts["skipped"] = f"the page failed: {str(exc)[:100]}"
                    return False
                finally:
                    guard.armed = True

            try:
                if await load():
                    if allow:
                        await tabs.pace(url)
                    facts.update(await probe_form(page, form, case.kind, guard, load))
            except PlaywrightError as exc:
                facts["error"] = str(exc)[:200]
            finally:
                guard.armed = True  # whatever happens while the tab closes is blocked too
        return {**head, **facts, "blocked_total": len(guard.blocked), "sent_total": len(guard.sent)}

    # -- evaluate: pure --------------------------------------------------------------------
    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        data = site.site_data if isinstance(site.site_data, dict) else {}
        out: list[Finding] = []
        review: list[dict] = []
        summary: list[dict] = []
        for p in data.get("probes", []):
            empty, bad = p.get("empty"), p.get("malformed")
            summary.append(
                {
                    "url": p["url"],
                    "form": p["name"],
                    "kind": p["kind"],
                    "empty": judge_attempt(empty) if empty else p.get("skipped") or p.get("error"),
                    "malformed_email": judge_attempt(bad) if bad else None,
                    # where the failed empty submit left the focus: field, summary,
                    # message, button, other or none
                    "focus": ((empty or {}).get("focus") or {}).get("on"),
                    "requests_blocked": p.get("blocked_total", 0),
                    "requests_sent": p.get("sent_total", 0),
                }
            )
            if not empty:
                continue
            out.extend(self._judge(p, empty, bad, review))
        if data.get("over_limit"):
            review.append(
                {
                    "url": None,
                    "form": f"{data['over_limit']} more forms",
                    "note": "not probed: over max_forms",
                }
            )
        self.details = {"probes": summary, "needs_review": review[:50]}
        return out

    def _finding(self, p: dict, what: str, attempt: dict, **kw) -> Finding:
        evidence = kw.pop("evidence", {})
        if attempt.get("screenshot"):
            evidence["screenshot"] = attempt["screenshot"]
        kw["title"] = f"{kw['title']} ({form_noun(p['kind'])})"
        # the text's kind and values, so that a report can say it in another language
        kw.setdefault("message_id", f"{self.id}.{what}")
        kw["params"] = {
            "form": form_noun(p["kind"]),
            "name": _label_of(p["name"]),
            **kw.get("params", {}),
        }
        return self.finding(
            url=p["url"],
            selector=p["selector"],
            key=f"{what}|{p['signature']}",
            evidence=evidence,
            **kw,
        )

    def _judge(self, p: dict, empty: dict, bad: dict | None, review: list) -> list[Finding]:
        out: list[Finding] = []
        name = p["name"]
        Name = name[0].upper() + name[1:]
        labels = [str(x) for x in p.get("labels", [])]
        blocked_note = (
            "The shop's answer was observed (server validation allowed)."
            if p.get("server_allowed")
            else "The probe blocked the request, so nothing reached the shop; allow "
            "server_validation for this form to see what the shop answers."
        )
        outcome = judge_attempt(empty)
        if outcome == "unsent":
            review.append(
                {
                    "url": p["url"],
                    "form": name,
                    "note": "the submit button could not be pressed; not probed",
                }
            )
            return out
        if outcome == "dialog" or (bad and judge_attempt(bad) == "dialog"):
            shown = empty if outcome == "dialog" else bad
            out.append(
                self._finding(
                    p,
                    "dialog",
                    shown,
                    severity="moderate",
                    title="Errors shown in a pop-up dialog",
                    message=f"{Name} answered the failed submit with a browser dialog "
                    f'("{(shown.get("dialogs") or [""])[0][:80]}"): it hides the form, '
                    "names no field next to the field, and is gone once dismissed.",
                    recommendation="Show each error next to its field, tied with "
                    "aria-describedby, instead of alert().",
                    evidence={"dialogs": shown.get("dialogs", [])[:3]},
                    params={"dialog": (shown.get("dialogs") or [""])[0][:80]},
                )
            )
        sends = [
            f"{b['method']} {b['path']}"
            for b in empty.get("blocked", []) + empty.get("sent", [])
            if b.get("type") in ("document", "xhr", "fetch")
        ]
        if outcome in ("sent", "silent"):
            if p["kind"] == "login" and outcome == "sent":
                review.append(
                    {
                        "url": p["url"],
                        "form": name,
                        "note": "sign-in errors come from the server; not observed",
                    }
                )
            else:
                title = (
                    "No error when the form is sent empty"
                    if outcome == "sent"
                    else "Nothing happens when the form is sent empty"
                )
                what = (
                    "the browser sent it to the shop unchecked"
                    + (f" ({sends[0]})" if sends else "")
                    + " and the page named no missing field"
                    if outcome == "sent"
                    else "no message appeared, no field was marked and nothing was sent"
                )
                out.append(
                    self._finding(
                        p,
                        "empty-no-error",
                        empty,
                        message_id=f"{self.id}.empty-{outcome}",
                        params={
                            "path": urlsplit(p["url"]).path,
                            "fields": ", ".join(labels[:8]),
                            "request": sends[0] if sends else "",
                            "note": "server allowed"
                            if p.get("server_allowed")
                            else "request blocked",
                        },
                        severity="serious",
                        title=title,
                        message=f"{Name} on {urlsplit(p['url']).path} was submitted with every "
                        f"field empty ({', '.join(labels[:8])}): {what}. "
                        + (blocked_note if outcome == "sent" else ""),
                        recommendation="Check required fields in the browser before sending "
                        "(required attributes or script), and show each error next to its field.",
                        evidence={
                            "attempt": "empty",
                            "outcome": outcome,
                            "requests": sends[:5],
                            "fields": labels[:20],
                        },
                    )
                )
        elif outcome == "native":
            review.append(
                {
                    "url": p["url"],
                    "form": name,
                    "note": "only the browser's own validation bubble when sent empty",
                }
            )
        attempts = [("empty", empty)] + ([("malformed email", bad)] if bad else [])
        problems: dict[str, tuple[str, dict]] = {}
        for label, attempt in attempts:
            if judge_attempt(attempt) == "messages":
                for what in shown_problems(attempt):
                    problems.setdefault(what, (label, attempt))
        for what, (label, attempt) in problems.items():
            out.append(self._shown_finding(p, what, label, attempt, Name))
        if bad:
            out.extend(self._malformed(p, bad, Name, blocked_note, review))
        return out

    def _shown_finding(self, p: dict, what: str, label: str, attempt: dict, Name: str) -> Finding:
        """One finding about how the errors of an attempt were shown."""
        texts = [m["text"] for m in attempt["messages"][:3]]
        where = f"{Name}, sent {'empty' if label == 'empty' else 'with a malformed email'}"
        if what == "not-tied":
            return self._not_tied(p, attempt, label, where, texts)
        if what == "not-announced":
            focus = attempt.get("focus") or {}
            return self._finding(
                p,
                "not-announced",
                attempt,
                severity="moderate",
                title="Error messages not announced",
                message=f'{where}, showed "{texts[0][:80]}" outside any live region, and '
                "moved the focus neither to a field described by its error nor to an error "
                "summary: screen reader users are not told that the form failed.",
                recommendation="Move focus to the first wrong field, its error tied with "
                'aria-describedby (or to an error summary), or give the messages role="alert" '
                "(WCAG 4.1.3).",
                evidence={"attempt": label, "messages": texts, "focus": focus.get("on")},
                params={"attempt": label, "text": texts[0][:80]},
            )
        return self._finding(
            p,
            "focus",
            attempt,
            message_id=f"{self.id}.focus-"
            + ("button" if attempt.get("focus_tag") == "button" else "elsewhere"),
            params={"attempt": label},
            severity="moderate",
            title="Focus not moved to the first error",
            message=f"{where}, showed errors but left the focus "
            + ("on the submit button" if attempt.get("focus_tag") == "button" else "elsewhere")
            + ": keyboard and screen reader users must search for the wrong field.",
            recommendation="Move focus to the first wrong field (or to an error "
            "summary that links to the fields).",
            evidence={"attempt": label, "focus": attempt.get("focus_tag")},
        )

    def _not_tied(self, p: dict, attempt: dict, label: str, where: str, texts: list) -> Finding:
        msgs = attempt["messages"]
        near = any((m.get("distance") or 0) <= NEAR_PX for m in msgs if m.get("near") is not None)
        far = min((m["distance"] for m in msgs if m.get("distance") is not None), default=None)
        return self._finding(
            p,
            "not-tied",
            attempt,
            severity="serious",
            title="Error messages not tied to their fields",
            message=f'{where}, showed "{texts[0][:80]}" but tied it to no field '
            "(no aria-describedby, aria-errormessage or aria-invalid)"
            + ("" if near or far is None else f", and not next to one ({far} px away)")
            + ": customers must hunt for what to fix, screen readers do not say "
            "which field is wrong.",
            recommendation="Show an error under each wrong field, tie it with "
            'aria-describedby and set aria-invalid="true" (WCAG 3.3.1).',
            evidence={
                "attempt": label,
                "messages": texts,
                "distance_px": far,
                "fields": [str(x) for x in p.get("labels", [])][:20],
            },
            params={
                "attempt": label,
                "text": texts[0][:80],
                "far": None if near or far is None else far,
            },
        )

    def _malformed(self, p: dict, bad: dict, Name: str, note: str, review: list) -> list[Finding]:
        out: list[Finding] = []
        email = bad.get("email_field", 0)
        labels = p.get("labels", [])
        field = labels[email] if email < len(labels) else "email"
        outcome = judge_attempt(bad)
        if outcome in ("sent", "silent") and p["kind"] != "login":
            out.append(
                self._finding(
                    p,
                    "malformed-accepted",
                    bad,
                    message_id=f"{self.id}.malformed-{outcome}",
                    params={
                        "field": field.strip('"'),
                        "value": MALFORMED_EMAIL,
                        "note": "server allowed" if p.get("server_allowed") else "request blocked",
                    },
                    severity="serious",
                    title="Malformed email address accepted",
                    message=f'{Name}: the email field {field} took "{MALFORMED_EMAIL}" (no @) '
                    + (
                        "and the form was sent to the shop without a word. " + note
                        if outcome == "sent"
                        else "and nothing told the customer."
                    ),
                    recommendation='Use type="email" and check the format on blur and on '
                    "submit, with a message that shows an example (name@example.com).",
                    evidence={
                        "attempt": "malformed email",
                        "outcome": outcome,
                        "value": MALFORMED_EMAIL,
                    },
                )
            )
        lost = []
        states = bad.get("fields", [])
        for index, value in bad.get("typed", []):
            state = states[index] if index < len(states) else {}
            if state.get("found") and state.get("value") is not None and state["value"] != value:
                lost.append(labels[index] if index < len(labels) else str(index))
        if lost and outcome != "sent":
            out.append(
                self._finding(
                    p,
                    "values-lost",
                    bad,
                    severity="serious",
                    title="Typed values lost after a failed submit",
                    message=f"{Name}: after the failed submit, {len(lost)} field(s) no longer "
                    f"held what was typed ({', '.join(lost[:6])}).",
                    recommendation="Keep every value the customer typed (except passwords) "
                    "when showing errors.",
                    evidence={"fields": lost},
                    params={"count": len(lost), "fields": ", ".join(lost[:6])},
                )
            )
        blur = p.get("blur") or {}
        inline = blur and _flagged(blur, blur.get("field", 0), native=False)
        # a form that asks one thing is left only to send it: the error comes then
        if p["kind"] in INLINE_KINDS and not p.get("single") and blur and not inline:
            out.append(
                self._finding(
                    p,
                    "no-inline",
                    {},
                    params={"field": field.strip('"'), "value": MALFORMED_EMAIL},
                    severity="minor",
                    title="No inline validation",
                    message=f'{Name}: leaving the email field {field} with "{MALFORMED_EMAIL}" '
                    "showed nothing at the field; the customer learns of the mistake only "
                    "after sending. "
                    "Baymard (2024): 31% of sites give no inline validation.",
                    recommendation="Check the format when the customer leaves the field (not "
                    "while they type), and clear the message once it is fixed.",
                    evidence={"attempt": "blur", "value": MALFORMED_EMAIL},
                )
            )
        return out


def _label_of(name: str) -> str:
    """The shop's own name of a form in the probe's name ('the contact form "Contact us"'
    gives 'Contact us'; '' where the form has none)."""
    _head, quote, rest = name.partition(' "')
    return rest[:-1] if quote and rest.endswith('"') else ""
