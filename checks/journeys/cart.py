"""Journey 3: choose the required variant, add the product to the cart, see the
confirmation, open the cart.

The one state change the journeys make (``state_changes``, on by default). Verified by
state, not by the click: the cart badge's number went up, a confirmation appeared,
or the shop went to its cart; then the cart page must list the product. What the
step felt like is recorded for the checks: the next paint after the click, whether
the confirmation names the product or variant, and what the cart page shows.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from playwright.async_api import Error as PlaywrightError

from .common import Trip, cart_count, mentions
from .judge import CONFIRM_MS, PAINT_MS
from .ladder import recognise
from .walker import Walk

__all__ = ["cart_facts", "variant_fields", "walk_cart"]

_PRICE = r"(€|\$|£|EUR|USD|CHF)\s?\d|\d[\d.,]*\s?(€|\$|£|EUR|USD|CHF)"
_TOTAL = r"\b(total|subtotal|gesamt|gesamtsumme|summe|zwischensumme)\b"
_SHIPPING = r"\b(shipping|delivery|versand|versandkosten|lieferung|porto)\b"
_CART_WORDS = r"\b(cart|basket|bag|warenkorb)\b"
_PLACEHOLDER = r"^(\s*[-–—]+|choose|select|please|pick|bitte|wählen|auswählen)"


def variant_fields(facts: dict[str, Any], form: str) -> list[dict[str, Any]]:
    """The choices the add-to-cart form needs and does not have yet: a select left on
    its placeholder, a radio group with nothing chosen (size, colour)."""
    out: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in facts.get("fields") or ():
        # the buy form's own choices, or a configurator of its own in the content
        if f.get("form") != form and (f.get("where") != "main" or f.get("search")):
            continue
        if f["tag"] == "select":
            opts = f.get("options") or []
            current = next((o for o in opts if o["value"] == f.get("value")), None)
            if len(opts) > 1 and (
                current is None
                or not current["value"]
                or re.match(_PLACEHOLDER, current["text"], re.I)
            ):
                out.append(f)
        elif f["type"] == "radio":
            groups.setdefault(f.get("name") or f["sel"], []).append(f)
    for members in groups.values():
        if len(members) > 1 and not any(m.get("value") for m in members):
            out.append({**members[0], "group": len(members)})
    return out


def cart_facts(facts: dict[str, Any], product_name: str, variant: str) -> dict[str, Any]:
    """What the cart page shows a customer (from its text and its checkout button)."""
    text = facts.get("main_text") or ""
    checkout = recognise(facts, "checkout", where=("main", "other", "nav"))
    words = [w for w in re.split(r"\W+", product_name.lower()) if len(w) > 2]
    return {
        "product": bool(words) and all(w in text.lower() for w in words[:3]),
        "variant": None if not variant else variant.lower() in text.lower(),
        "price": bool(re.search(_PRICE, text)),
        "total": bool(re.search(_TOTAL, text, re.I)),
        "shipping": bool(re.search(_SHIPPING, text, re.I)),
        "checkout": checkout.to_dict() if checkout else None,
        "checkout_above_fold": bool(checkout and checkout.fold),
        "viewport_height": (facts.get("viewport") or {}).get("height"),
    }


def _is_cart_page(facts: dict[str, Any]) -> bool:
    return mentions(facts.get("h1") or "", _CART_WORDS) or bool(
        re.search(r"/(cart|basket|warenkorb|checkout/cart)/?($|\?)", facts.get("url") or "")
    )


_HINT_JS = """
(sels) => {
  const els = sels.map((s) => { try { return document.querySelector(s); } catch (e) { return null; } }).filter(Boolean);
  const a = document.activeElement;
  return {
    focused: els.some((el) => el === a || el.contains(a)),
    invalid: els.some((el) => el.getAttribute('aria-invalid') === 'true' || (el.required && !el.checkValidity())),
  };
}
"""


async def _missing_variant_hint(w: Walk, button: Any, variants: list[dict[str, Any]]) -> bool:
    """Press add-to-cart before choosing (a probe, not counted in the effort): a
    visible hint is a new message, the choice marked invalid or focused, or the
    browser's own "please select" (a required field keeps the form from posting)."""
    before = set((await w.scan()).get("messages") or ())
    step = await w.act(button, "add to cart without a choice (probe)", thumb=False)
    if step is None:
        return False
    w.steps.remove(step)
    w.details["probe"] = {k: step.get(k) for k in ("wait_ms", "load", "url")}
    facts = await w.scan()
    fresh = [m for m in facts.get("messages") or () if m not in before]
    state: dict[str, Any] = {}
    if not step.get("load"):
        with contextlib.suppress(PlaywrightError):
            state = await w.page.evaluate(_HINT_JS, [v["sel"] for v in variants])
    w.details["probe"]["message"] = fresh[0][:160] if fresh else None
    return bool(fresh or state.get("focused") or state.get("invalid"))


def _late(feedback: dict[str, Any]) -> bool:
    """Whether the click's figures are past a limit the judge holds them to."""
    paint = feedback.get("paint_ms") or 0.0
    return (feedback.get("wait_ms") or 0.0) > CONFIRM_MS or (
        paint > PAINT_MS and not feedback.get("went_to_cart")
    )


def _judged_persona(trip: Trip) -> bool:
    """The persona whose add-to-cart the judge reads (desktop, else the first)."""
    personas = trip.opts.get("personas") or ["desktop"]
    return trip.persona == ("desktop" if "desktop" in personas else personas[0])


async def _added_again_alone(w: Walk, start: str, form: str) -> dict[str, Any] | None:
    """The add-to-cart once more, from the product page, while no other probe tab
    works: a late first click was measured beside the site stage's other tabs, so its
    figures may be the busy machine's rather than the shop's. Not a customer's step
    (its steps are dropped); None where it could not be done alone."""
    async with w.tabs.alone() as alone:
        if not alone:
            return None
        steps, visited, stopped = len(w.steps), len(w.visited), w.stopped
        try:
            if await w.tabs.goto(w.page, start) is None:
                return None
            facts = await w.scan()
            button = recognise(facts, "add_to_cart")
            if button is None:
                return None
            for v in variant_fields(facts, form):
                if await w.choose(v, "a variant (measured again)") is None:
                    return None
            step = await w.act(button, "add to cart (measured again)", key="Enter", thumb=False)
            return None if step is None else {k: step.get(k) for k in ("wait_ms", "paint_ms")}
        finally:
            del w.steps[steps:]
            del w.visited[visited:]
            w.stopped = stopped


async def walk_cart(trip: Trip) -> dict[str, Any]:
    w = Walk(trip.page, trip.tabs, trip.persona, "cart", trip.opts)
    start = trip.reached or trip.product
    if start is None:
        await w.stop("no product page to start from")
        return w.result()
    w.details["product"] = start
    if not trip.opts["state_changes"]:
        await w.stop("adding to the cart is switched off (state_changes = false)")
        w.details["skipped"] = True
        return w.result()
    if not await w.start(start):
        return w.result()
    facts = await w.scan()
    if w.blocked:
        await w.stop("blocked at step 1: a bot wall or captcha")
        return w.result()
    button = recognise(facts, "add_to_cart")
    if button is None:
        await w.stop("no add-to-cart button recognised on the product page")
        return w.result()
    w.details["add_to_cart"] = button.to_dict()
    form = next((c.get("form") for c in facts["candidates"] if c["sel"] == button.selector), "")
    chosen: list[str] = []
    variants = variant_fields(facts, form)
    w.details["variants"] = [
        {
            "label": (v.get("label") or v.get("legend") or "")[:80],
            "hint": bool(v.get("label") or v.get("legend")),
        }
        for v in variants
    ]
    w.details["variant_axes"] = (facts.get("product") or {}).get("varies_by") or []
    if variants:
        # as a customer who missed the choice: does the shop say what is missing?
        hint = await _missing_variant_hint(w, button, variants)
        for v in w.details["variants"]:
            v["hint"] = hint
        facts = await w.scan()
        button = recognise(facts, "add_to_cart") or button
        variants = variant_fields(facts, form)
    for v in variants:
        step = await w.choose(
            v, f"a variant ({v.get('label') or v.get('legend') or v.get('name')})"
        )
        if step is None:
            if w.stopped is None:
                await w.stop("no variant could be chosen")
            return w.result()
        if v["tag"] == "select":
            opts = v.get("options") or []
            val = await trip.page.eval_on_selector(
                v["sel"],
                "el => el.options[el.selectedIndex] ? el.options[el.selectedIndex].text : ''",
            )
            chosen.append(str(val or "").strip() or (opts[0]["text"] if opts else ""))
    before = cart_count(facts)
    messages_before = set(facts.get("messages") or ())
    step = await w.act(button, f"'{button.name or 'add to cart'}'", key="Enter")
    if step is None:
        return w.result()
    after = await w.scan()
    count = cart_count(after)
    new_messages = [m for m in after.get("messages") or () if m not in messages_before]
    name = trip.product_name or (facts.get("h1") or "")
    variant = chosen[0] if chosen else ""
    on_cart = _is_cart_page(after)
    feedback = {
        "paint_ms": step.get("paint_ms"),
        "wait_ms": step.get("wait_ms"),
        "count_before": before,
        "count_after": count,
        "badge_changed": before is not None and count is not None and count > before,
        "message": new_messages[0][:160] if new_messages else None,
        "names_item": any(mentions(m, re.escape(variant or name[:30])) for m in new_messages)
        if (variant or name)
        else False,
        "went_to_cart": on_cart,
    }
    if _late(feedback) and _judged_persona(trip):
        again = await _added_again_alone(w, start, form)
        if again is not None:
            feedback["beside_other_tabs"] = {k: feedback[k] for k in ("wait_ms", "paint_ms")}
            feedback.update(again)
            step.update(again)  # the effort's wait too
            after = await w.scan()  # the page as the second add left it
    w.details["feedback"] = feedback
    confirmed = feedback["badge_changed"] or bool(new_messages) or on_cart
    step["verified"] = (
        "cart badge went up"
        if feedback["badge_changed"]
        else "a message appeared"
        if new_messages
        else "went to the cart"
        if on_cart
        else None
    )
    if not on_cart:
        link = recognise(after, "cart_link")
        if link is None:
            await w.stop("no link to the cart recognised")
            return w.result()
        if await w.act(link, "the cart") is None:
            return w.result()
        after = await w.scan()
        if not _is_cart_page(after):
            # a mini cart opened in place (Shuup's dropdown): its "View cart" goes on
            others = [c for c in after.get("candidates") or () if c["sel"] != link.selector]
            inner = recognise({**after, "candidates": others}, "cart_link")
            if inner is not None:
                if await w.act(inner, f"'{inner.name or 'view cart'}' in the mini cart") is None:
                    return w.result()
                after = await w.scan()
    cart = cart_facts(after, name, variant)
    w.details["cart"] = cart
    w.details["confirmed"] = confirmed
    if not cart["product"]:
        await w.stop("the cart does not list the product: adding did not work")
        return w.result()
    trip.in_cart = True
    w.completed = True
    return w.result()
