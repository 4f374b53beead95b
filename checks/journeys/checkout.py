"""Journey 4: from the cart into the checkout, as far as it goes without personal data.

The customer presses the cart's checkout button, prefers the guest checkout where the
shop offers one, and stops at the first step whose submission would carry personal
data: nothing is typed into it and nothing is sent. The fields of that step are
counted and their filling predicted (a field the browser can autofill as one click).
Only where the config supplies test data and allows the shop's host
(``test_data.allowed_hosts``, see ``testdata``) does it fill that step with the test
data and submit it, to see the next step. Always before payment, and before any final
order button: that button is recognised (for its wording) and never pressed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .common import Trip
from .effort import autofillable, field_ops
from .ladder import Match, final_order_wording, recognise
from .safety import forbidden_field, is_final_order, is_order_complete_url
from .steps import step_count
from .testdata import host_allowed, plan_fill
from .walker import Walk, thumbnail

__all__ = ["checkout_facts", "go_on_link", "steps_seen", "submit_of", "walk_checkout"]

_PERSONAL = re.compile(
    r"email|e-mail|name|street|address|strasse|straße|postcode|postal|zip|plz|city|ort|"
    r"phone|tel|telefon|country|land",
    re.I,
)
_SIGN_IN = r"^(sign in|log ?in|anmelden|einloggen)\b"
#: a link past a sign-in step that asks nothing (the guest checkout behind it)
_GO_ON = re.compile(
    r"^(new customer|new here|i'?m new|first time|neukunde|neuer kunde|ich bin neu|"
    r"continue without|weiter ohne|other options|more options|weitere optionen)",
    re.I,
)
_ACCOUNT = re.compile(r"account|konto|regist|sign ?up", re.I)
_BUTTONISH = re.compile(r"\bbtn\b|\bbutton\b|btn-|-btn|button-|-button")
_TOTAL = r"\b(total|gesamt|summe|gesamtsumme|zu zahlen|order total)\b[^\n]{0,40}\d"


_ADDRESS = re.compile(
    r"street|address-line|street-address|postcode|postal|zip|plz|city|\bort\b|strasse|straße"
    r"|address-level|given-name|family-name|\bname\b|vorname|nachname",
    re.I,
)


def _words(field: dict[str, Any]) -> str:
    return " ".join(
        str(field.get(k) or "") for k in ("autocomplete", "name", "id", "label", "type")
    )


def _personal(field: dict[str, Any]) -> bool:
    return bool(_PERSONAL.search(_words(field))) or field.get("type") in ("email", "tel")


def _buttonish(tag: str, attrs: str) -> bool:
    return tag in ("button", "input") or bool(_BUTTONISH.search(attrs or ""))


def go_on_link(facts: dict[str, Any]) -> Match | None:
    """A link past a sign-in step that sends nothing ("New customer?", "Other
    options"): where the guest checkout may wait behind it."""
    for c in facts.get("candidates") or ():
        if c.get("tag") != "a" or not c.get("visible") or c.get("where") not in ("main", "other"):
            continue
        href = c.get("href") or ""
        if not href.startswith(("http:", "https:")) or is_order_complete_url(href):
            continue
        name = " ".join((c.get("name") or "").split())
        # "New customer? Create an account" leads to a registration, not past it
        if _GO_ON.search(name) and not _ACCOUNT.search(name):
            return Match("go_on", c["sel"], "role-name", c.get("name") or "", href,
                         bool(c.get("fold")), "a", c.get("attrs") or "")  # fmt: skip
    return None


def checkout_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """What one checkout step asks and shows (pure, from the page's facts)."""
    fields = [
        f
        for f in facts.get("fields") or ()
        if f.get("visible") and not f.get("search") and f.get("where") not in ("header", "footer")
    ]
    final = recognise(facts, "final_order")
    if final is None:
        for c in facts.get("candidates") or ():
            if c.get("visible") and is_final_order(c.get("name") or "", c.get("attrs") or "", ""):
                final = c
                break
    final_name = (
        (final.name if hasattr(final, "name") else (final or {}).get("name")) if final else None
    )
    guest = recognise(facts, "guest")
    tops = {c["sel"]: c.get("top") for c in facts.get("candidates") or ()}
    signin = next(
        (
            c
            for c in facts.get("candidates") or ()
            if c.get("visible") and re.search(_SIGN_IN, (c.get("name") or "").lower())
        ),
        None,
    )
    steps = step_count(facts)
    return {
        "guest_top": tops.get(guest.selector) if guest else None,
        "signin_top": signin.get("top") if signin else None,
        # a plain text link weighs less than a button (Baymard's pitfalls)
        "guest_button": _buttonish(guest.tag, guest.attrs) if guest else None,
        "signin_button": _buttonish(signin.get("tag", ""), signin.get("attrs", ""))
        if signin
        else None,
        "fields": len(fields),
        "required": sum(1 for f in fields if f.get("required")),
        "autofillable": sum(1 for f in fields if autofillable(f)),
        "personal": any(_personal(f) for f in fields),
        # an address asked: a checkout form, not only a sign-in or registration
        "address": any(_ADDRESS.search(_words(f)) for f in fields),
        "payment": any(forbidden_field(f) and f.get("type") != "password" for f in fields),
        "password": bool(facts.get("password")),
        "guest": guest.to_dict() if guest else None,
        "step_indicator": bool(facts.get("step_indicator")) or steps is not None,
        "steps_total": steps["total"] if steps else None,
        "steps_current": steps["current"] if steps else None,
        "steps_source": steps["source"] if steps else None,
        "steps_labels": steps["labels"] if steps else [],
        "total": bool(re.search(_TOTAL, facts.get("main_text") or "", re.I)),
        "final_button": final_name,
        "final_wording_clear": final_order_wording(final_name) if final_name else None,
        "lang": facts.get("lang") or "",
        "field_list": [
            {k: f.get(k) for k in ("type", "name", "autocomplete", "label", "required")}
            for f in fields[:30]
        ],
    }


def _step_fields(facts: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        f
        for f in facts.get("fields") or ()
        if f.get("visible") and not f.get("search") and f.get("where") not in ("header", "footer")
    ]


def submit_of(facts: dict[str, Any], forms: set[str]) -> Match | None:
    """The button that submits one of ``forms`` and goes on ("Continue", "Weiter"):
    never one that would place the order."""
    for c in facts.get("candidates") or ():
        if c.get("form") not in forms or not c.get("visible") or c.get("disabled"):
            continue
        if c.get("tag") not in ("button", "input") or c.get("type") not in ("", "submit", "image"):
            continue
        name = c.get("name") or ""
        if is_final_order(name, c.get("attrs") or "", ""):
            continue
        return Match("next_step", c["sel"], "form", name, "", bool(c.get("fold")),
                     c["tag"], c.get("attrs") or "")  # fmt: skip
    return None


async def _fill_with_test_data(w: Walk, trip: Trip, facts: dict[str, Any]) -> str | None:
    """Fill this step with the configured test data and submit it (the guard lets that
    one submission out); None where it was sent, else why nothing was."""
    fills, missing = plan_fill(_step_fields(facts), trip.opts["test_data"])
    if missing:
        return f"the test data has no value for {', '.join(missing[:4])}"
    if not fills:
        return "the test data fills none of this step's fields"
    submit = submit_of(facts, {f.get("form") or "" for f, _ in fills})
    if submit is None:
        return "no button that goes on (and places no order) submits this step"
    ops: dict[str, Any] = {"click": 0, "type": [], "choose": 0}
    for f, value in fills:
        if f.get("tag") == "select":
            try:
                await w.page.select_option(f["sel"], value, timeout=5000)
            except Exception:
                return f"the field '{f.get('label') or f.get('name')}' could not be filled"
            ops["choose"] += 1
            continue
        if not await w.fill(f, value):
            return f"the field '{f.get('label') or f.get('name')}' could not be filled"
        if autofillable(f):
            ops["click"] += 1
        else:
            ops["type"].append(len(value))
    w.steps.append(
        _form_step(
            w,
            trip.page.url,
            "fill (test data)",
            f"{len(fills)} fields with the configured test data",
            ops,
            thumb=await thumbnail(w.page),
        )
    )
    guard = trip.guard
    if guard is not None:
        guard.test_data_host = urlsplit(trip.page.url).netloc
    try:
        step = await w.act(submit, f"'{submit.name or 'continue'}' (with the test data)")
    finally:
        if guard is not None:
            guard.test_data_host = None
    if step is None:
        return w.stopped["reason"] if w.stopped else "the step could not be submitted"
    used = w.details.setdefault(
        "test_data", {"host": urlsplit(trip.page.url).hostname, "steps": []}
    )
    used["steps"].append({"fields": sorted(str(f.get("name") or f.get("id")) for f, _ in fills)})
    return None


def steps_seen(steps: list[dict[str, Any]]) -> dict[str, Any]:
    """The checkout's size as far as the walk saw it: the steps its indicator shows
    (the first step that shows one; ``steps_total`` None where none does) and the
    checkout pages walked (a floor for the total)."""
    shown = next((s for s in steps if s.get("steps_total")), None)
    return {
        "steps_total": shown["steps_total"] if shown else None,
        "steps_source": shown.get("steps_source") if shown else None,
        "steps_labels": (shown.get("steps_labels") or []) if shown else [],
        # a page per address and step (with test data the next step may share its address)
        "steps_walked": len({(s.get("url"), s.get("steps_current")) for s in steps}),
    }


async def walk_checkout(trip: Trip) -> dict[str, Any]:
    w = Walk(trip.page, trip.tabs, trip.persona, "checkout", trip.opts)
    if not trip.in_cart:
        await w.stop("the cart holds nothing to check out (journey 3 did not finish)")
        return w.result()
    w.visited.append(trip.page.url)
    facts = await w.scan()
    button = recognise(facts, "checkout", where=("main", "other", "nav", "header"))
    if button is None:
        await w.stop("no checkout button recognised in the cart")
        return w.result()
    w.details["checkout_button"] = button.to_dict()
    if await w.act(button, f"'{button.name or 'checkout'}'") is None:
        return w.result()
    steps: list[dict[str, Any]] = []
    w.details["steps"] = steps
    for _ in range(4):
        facts = await w.scan()
        if w.blocked:
            await w.stop(f"blocked at step {len(w.steps) + 1}: a bot wall or captcha")
            return w.result()
        seen = checkout_facts(facts)
        seen["url"] = trip.page.url
        steps.append(seen)
        w.details.update(steps_seen(steps))
        if seen["guest"] and seen["password"]:
            guest = recognise(facts, "guest")
            if (guest is not None and guest.tag == "a") or (guest and not seen["personal"]):
                if await w.act(guest, f"'{guest.name}' (guest checkout)") is None:
                    return w.result()
                continue
        if seen["password"] and not seen["guest"] and not seen["address"]:
            # sign-in first: the guest checkout may wait behind a link that sends nothing
            more = go_on_link(facts) if not w.details.get("signin_first") else None
            if more is not None:
                w.details["signin_first"] = {"step": len(steps), "link": more.name[:80]}
                if await w.act(more, f"'{more.name}' (past the sign-in)") is None:
                    return w.result()
                continue
            w.details["forced_account"] = True
            await w.stop(
                "the checkout asks for an account (sign in or register) and offers no guest checkout"
            )
            return w.result()
        if (
            seen["personal"]
            and not (seen["payment"] or seen["final_button"])
            and host_allowed(trip.opts.get("test_data"), trip.page.url)
        ):
            names = sorted(str(f.get("name") or f.get("id")) for f in _step_fields(facts))
            tried = [u["fields"] for u in (w.details.get("test_data") or {}).get("steps", [])]
            if tried and tried[-1] == [n for n in names if n in tried[-1]]:
                # the same form came back: the shop did not take the test data
                w.details["test_data"]["accepted"] = False
            else:
                why = await _fill_with_test_data(w, trip, facts)
                if why is None:
                    continue
                if w.stopped is not None:
                    return w.result()
                w.details["test_data_stop"] = why[:200]
        if seen["personal"] or seen["payment"] or seen["final_button"]:
            # the next submission would carry personal data: predicted, never sent
            ops: dict[str, Any] = {"click": 0, "type": [], "choose": 0}
            for f in facts.get("fields") or ():
                if (
                    not f.get("visible")
                    or f.get("search")
                    or f.get("where") in ("header", "footer")
                ):
                    continue
                if not f.get("required") and f.get("type") not in ("email",):
                    continue
                one = field_ops(f)
                ops["click"] += one.get("click", 0)
                ops["choose"] += one.get("choose", 0)
                if "type" in one:
                    ops["type"].append(one["type"])
            if seen["fields"]:  # a review step with only the order button asks nothing
                w.steps.append(
                    _form_step(
                        w,
                        trip.page.url,
                        "fill (predicted)",
                        f"the {seen['fields']} fields of this step (predicted, not typed)",
                        ops,
                        predicted=True,
                    )
                )
            w.details["stopped_before"] = (
                "personal data" if seen["personal"] else "payment or the order button"
            )
            w.completed = True
            return w.result()
        nxt = recognise(facts, "checkout", where=("main", "other"))
        if nxt is None or is_final_order(nxt.name, nxt.attrs, nxt.href):
            break
        if await w.act(nxt, f"'{nxt.name}'") is None:
            return w.result()
    await w.stop("the checkout shows no step to go on with")
    return w.result()


def _form_step(w: Any, url: str, action: str, what: str, ops: dict, **extra: Any) -> dict:
    """A journey step that fills a form's fields (typed with test data, or predicted
    where the walk stops before personal data): no click of its own, no wait."""
    return {
        "n": len(w.steps) + 1,
        "action": action,
        "what": what,
        "name": "",
        "rung": "form",
        "selector": "",
        "url": url,
        "ops": ops,
        "wait_ms": 0.0,
        "load": False,
        **extra,
    }
