"""The journeys judged: pure functions from the walked journeys to problems.

Each returns plain problems (severity, title, message, recommendation, url, key,
evidence); the checks turn them into findings. Thresholds and their sources:
- add-to-cart feedback (NN/g): the next paint within 200 ms (INP "good"), and within
  1 s a confirmation that names the product or variant, a cart badge that changes, or
  the cart itself;
- checkout fields (Baymard 2024: average 11.3, 8 achievable): <= 8 good, > 11 poor;
- checkout steps (Baymard 2024: 5.1 on average): more than 5 a note, not a failure;
- guest checkout at least as prominent as signing in (47 % of shops fail, Baymard):
  not only on a later step, not below the sign-in, not a text link beside its button;
- forced account creation: 26 % of shoppers abandoned for it (Baymard 2024);
- total not known up front: 21 %; returns policy not found: 18 % (Baymard 2024);
- lostness (Smith 1996): <= 0.4 fine, > 0.5 lost;
- § 312j (3) BGB: a German shop's order button says "zahlungspflichtig bestellen" or
  equally clearly that the order costs money.
"""

from __future__ import annotations

from typing import Any

from auditor.results import walk_excused

from .steps import MANY_STEPS

__all__ = [
    "FIELDS_GOOD",
    "FIELDS_POOR",
    "cart_problems",
    "checkout_problems",
    "discovery_problems",
    "guest_weaker",
    "persona_problems",
    "service_problems",
    "walks_of",
]

FIELDS_GOOD = 8
FIELDS_POOR = 11
PAINT_MS = 200
CONFIRM_MS = 1000
LOST = 0.5
NEARLY_LOST = 0.4


def walks_of(
    data: dict[str, Any] | None, journey: str, persona: str | None = "desktop"
) -> list[dict]:
    """The walks of one journey (of one persona, or all where ``persona`` is None)."""
    walks = (data or {}).get("walks") or []
    return [w for w in walks if w.get("journey") == journey and persona in (None, w.get("persona"))]


def _first(data: dict[str, Any] | None, journey: str) -> dict[str, Any] | None:
    """The journey as the first configured persona walked it (desktop by default);
    None where that walk was excused."""
    walks = [w for w in walks_of(data, journey, None) if not walk_excused(w)]
    desktop = [w for w in walks if w.get("persona") == "desktop"]
    return (desktop or walks or [None])[0]


def _p(
    severity: str,
    title: str,
    message: str,
    fix: str,
    url: str | None,
    key: str,
    *,
    params: dict[str, Any] | None = None,
    message_key: str | None = None,
    **ev: Any,
) -> dict:
    """One problem; ``params`` are the values of its texts and ``message_key`` names the
    kind of text where ``key`` does not (reports/i18n says them in German)."""
    return {
        "severity": severity,
        "title": title,
        "message": message,
        "recommendation": fix,
        "url": url,
        "key": key,
        "evidence": ev,
        "params": params or {},
        "message_key": message_key,
    }


def _where(walk: dict[str, Any]) -> str | None:
    stopped = walk.get("stopped") or {}
    steps = walk.get("steps") or []
    return (
        stopped.get("url")
        or (steps[-1]["url"] if steps else None)
        or (walk.get("details") or {}).get("product")
    )


def discovery_problems(data: dict[str, Any] | None) -> list[dict]:
    """Journeys 1 and 2: the product found through the menu and the search."""
    out: list[dict] = []
    browse, search = _first(data, "browse"), _first(data, "search")
    product = ((data or {}).get("product") or {}).get("url")
    if browse is None or product is None:
        return out
    menu_ok = bool(browse.get("completed"))
    search_ok = bool(search and search.get("completed"))
    why = (browse.get("stopped") or {}).get("reason", "")
    if not menu_ok and search_ok:
        out.append(_p("serious", "Product only findable through the search",
            f"The product {product} could not be found through the menu ({why}); only the search finds it.",
            "List every product in a category the menu opens; customers who browse never see the others.",
            product, "search-only", stopped=browse.get("stopped", {}).get("step"), params={"product": product, "why": why}))  # fmt: skip
    elif not menu_ok and not search_ok:
        out.append(_p("serious", "Product found neither through the menu nor the search",
            f"The product {product} was not found through the menu ({why}) nor the search.",
            "Make every product reachable from the menu's categories and findable by its name.",
            product, "unfindable", params={"product": product, "why": why}))  # fmt: skip
    elif menu_ok and search is not None and not search_ok:
        reason = (search.get("stopped") or {}).get("reason", "")
        out.append(_p("moderate", "Product not found through the search by its name",
            f"Searching for the product's own name did not lead to {product} ({reason}).",
            "Index product names in the search and show the product among the first results.",
            product, "search-misses", params={"product": product, "reason": reason}))  # fmt: skip
    lost = browse.get("lostness")
    if menu_ok and lost is not None and lost > NEARLY_LOST:
        sev = "moderate" if lost > LOST else "minor"
        out.append(_p(sev, "Customers wander on the way to the product",
            f"Finding the product through the menu took {browse.get('pages')} pages where "
            f"{browse.get('minimum_pages')} would do: lostness {lost:.2f} (Smith 1996: above 0.5 customers are lost).",
            "Shorten the path: list the product in the category the menu opens, near the top.",
            product, "lostness", lostness=lost, threshold=LOST, params={"pages": browse.get("pages"), "minimum": browse.get("minimum_pages"), "lostness": round(lost, 2)}))  # fmt: skip
    return out


def cart_problems(data: dict[str, Any] | None) -> list[dict]:
    """Journey 3: the variant, the add-to-cart feedback, the cart page."""
    out: list[dict] = []
    walk = _first(data, "cart")
    if walk is None:
        return out
    d = walk.get("details") or {}
    url = d.get("product")
    if d.get("skipped"):
        return out
    if not walk.get("completed") and "recognised" in (walk.get("stopped") or {}).get("reason", ""):
        # the walk could not tell the shop's controls: a person decides, no guess
        out.append(_p("minor", "Adding to the cart needs review",
            f"The journey stopped: {(walk.get('stopped') or {}).get('reason', '')}; the shop's control may use words or markup the auditor does not know.",
            'Check by hand; name the control in [checks."journeys.discovery"] selectors.',
            _where(walk), "add-review", params={"reason": (walk.get("stopped") or {}).get("reason", "")}))  # fmt: skip
    elif not walk.get("completed"):
        reason = (walk.get("stopped") or {}).get("reason", "")
        out.append(_p("serious", "Adding to the cart failed",
            f"The journey stopped at step {(walk.get('stopped') or {}).get('step')}: {reason}.",
            "Make the add-to-cart button a visible, labelled button that works in one click.",
            _where(walk), "add-failed", params={"step": (walk.get("stopped") or {}).get("step"), "reason": reason}))  # fmt: skip
    for v in d.get("variants") or []:
        if not v.get("hint"):
            out.append(_p("moderate", "A variant must be chosen without a visible hint",
                "The product needs a choice (size, colour) before it can be added; adding without one says nothing about what is missing.",
                "Label every variant choice visibly (\"Choose your size\") and say so when it is missing.",
                url, "variant-hint"))  # fmt: skip
            break
    fb = d.get("feedback")
    if fb:
        quick = (fb.get("wait_ms") or 0) <= CONFIRM_MS
        shown = (
            fb.get("badge_changed")
            or fb.get("went_to_cart")
            or (fb.get("message") and fb.get("names_item"))
        )
        if not (shown and quick):
            what = (
                "no confirmation, no cart badge change and no cart"
                if not (fb.get("badge_changed") or fb.get("went_to_cart") or fb.get("message"))
                else (
                    "a confirmation that does not name the product"
                    if not shown
                    else f"the confirmation only after {fb.get('wait_ms'):.0f} ms"
                )
            )
            out.append(_p("serious" if not fb.get("message") and not shown else "moderate",
                "Adding to the cart gives no clear confirmation",
                f"After the add-to-cart click the customer saw {what} (within {CONFIRM_MS} ms expected).",
                "Confirm at once: name the product and variant added and update a visible cart badge.",
                url, "feedback", **{k: fb.get(k) for k in ("wait_ms", "count_before", "count_after")},
                message_key="feedback-" + ("nothing" if what.startswith("no ") else "unnamed" if not shown else "late"), params={"wait_ms": round(fb.get("wait_ms") or 0), "limit": CONFIRM_MS}))  # fmt: skip
        paint = fb.get("paint_ms")
        if paint is not None and paint > PAINT_MS and not fb.get("went_to_cart"):
            out.append(_p("minor", "The add-to-cart click paints late",
                f"The page painted {paint:.0f} ms after the click (good: within {PAINT_MS} ms).",
                "Answer the click at once (a pressed state, a spinner) and do the work after.",
                url, "paint", paint_ms=paint, threshold=PAINT_MS, params={"paint_ms": round(paint), "limit": PAINT_MS}))  # fmt: skip
    cart = d.get("cart")
    if cart and walk.get("completed"):
        missing = [k for k in ("price", "total", "shipping") if not cart.get(k)]
        if cart.get("variant") is False:
            missing.insert(0, "variant")
        cart_url = (walk.get("steps") or [{}])[-1].get("url")
        if missing:
            out.append(_p("moderate", "The cart does not show everything the customer needs",
                f"The cart page shows no {', '.join(missing)}.",
                "Show product, variant, price, total and shipping costs in the cart.",
                cart_url, "cart-content", missing=missing, params={"missing": "|".join(missing)}))  # fmt: skip
        if cart.get("checkout") is None:
            out.append(_p("serious", "The cart has no recognisable checkout button", "No checkout button was found in the cart.",
                "Give the cart one clear \"Proceed to checkout\" button.", cart_url, "cart-checkout"))  # fmt: skip
        elif not cart.get("checkout_above_fold"):
            out.append(_p("moderate", "The checkout button is below the fold",
                f"In a window {cart.get('viewport_height')} px high the cart's checkout button is only seen after scrolling.",
                "Put the checkout button where the cart page opens (also above the item list).",
                cart_url, "checkout-fold", params={"height": cart.get("viewport_height")}))  # fmt: skip
    return out


def checkout_problems(data: dict[str, Any] | None) -> list[dict]:
    """Journey 4: guest checkout, fields, step indicator, total, order button words."""
    out: list[dict] = []
    walk = _first(data, "checkout")
    cart = _first(data, "cart")
    if walk is None or not (cart and cart.get("completed")):
        return out
    d = walk.get("details") or {}
    steps = d.get("steps") or []
    url = steps[-1]["url"] if steps else _where(walk)
    if d.get("forced_account"):
        out.append(_p("serious", "The checkout forces an account",
            "The checkout asks the customer to sign in or register and offers no guest checkout "
            "(26 % of shoppers abandoned an order for this, Baymard 2024).",
            "Offer a guest checkout, at least as prominent as signing in; offer the account after the order.",
            url, "forced-account"))  # fmt: skip
        return out
    if not walk.get("completed") and "recognised" in (walk.get("stopped") or {}).get("reason", ""):
        out.append(_p("minor", "The way into the checkout needs review",
            f"The journey stopped: {(walk.get('stopped') or {}).get('reason', '')}.",
            'Check by hand; name the button in [checks."journeys.discovery"] selectors.', url, "unreached-review", params={"reason": (walk.get("stopped") or {}).get("reason", "")}))  # fmt: skip
        return out
    if not walk.get("completed"):
        out.append(_p("serious", "The checkout could not be reached",
            f"The journey stopped: {(walk.get('stopped') or {}).get('reason', '')}.",
            "Make the way from the cart into the checkout one clear button.", url, "unreached", params={"reason": (walk.get("stopped") or {}).get("reason", "")}))  # fmt: skip
        return out
    # the first address form (with test data the walk goes past it), else the last step
    form = next((s for s in steps if s.get("address")), steps[-1] if steps else {})
    fields = form.get("fields", 0)
    if fields > FIELDS_GOOD:
        sev = "moderate" if fields > FIELDS_POOR else "minor"
        out.append(_p(sev, "The checkout asks for many fields",
            f"The guest checkout's first form has {fields} fields (good: at most {FIELDS_GOOD}; "
            f"Baymard's 2024 average is 11.3).",
            "Drop what the order does not need (a second address line, the phone, a split name).",
            url, "fields", fields=fields, good=FIELDS_GOOD, poor=FIELDS_POOR, params={"fields": fields, "good": FIELDS_GOOD}))  # fmt: skip
    weaker = guest_weaker(steps, d.get("signin_first"))
    if weaker:
        out.append(_p("moderate", "Guest checkout is less prominent than signing in",
            f"{'; '.join(r['text'] for r in weaker)} (47 % of shops fail to make the guest "
            "checkout the most prominent option, Baymard).",
            "Put the guest checkout first, as a button at least as prominent as signing in.",
            weaker[0]["url"], "guest-prominence", reasons=[r["why"] for r in weaker],
            params={"reasons": "|".join("guest-" + r["why"] for r in weaker)}))  # fmt: skip
    total = d.get("steps_total")
    if isinstance(total, int) and total > MANY_STEPS:
        out.append(_p("minor", "The checkout has more than 5 steps",
            f"The checkout's step indicator shows {total} steps (Baymard 2024: 5.1 on "
            "average from the cart to the order review; fields matter more than steps).",
            "Merge steps that ask little (a shipping method, gift options) into their neighbours.",
            url, "many-steps", steps=total, threshold=MANY_STEPS,
            source=d.get("steps_source"), params={"steps": total}))  # fmt: skip
    if steps and not any(s.get("step_indicator") for s in steps):
        out.append(_p("minor", "The checkout does not show its steps",
            "No step indicator (\"Step 1 of 3\", a numbered progress bar) tells the customer how far it is.",
            "Show the checkout's steps and where the customer is.", url, "steps"))  # fmt: skip
    if steps and not any(s.get("total") for s in steps):
        out.append(_p("moderate", "The total is not shown before the last step",
            "The checkout does not show the order's total up front (21 % abandoned for this, Baymard 2024).",
            "Show the total with shipping costs on every checkout step.", url, "total"))  # fmt: skip
    for s in steps:
        if (
            s.get("final_button")
            and (s.get("lang") or "").lower().startswith("de")
            and not s.get("final_wording_clear")
        ):
            out.append(_p("serious", "The order button does not say that the order costs money",
                f"The final order button says \"{s['final_button']}\"; German law (§ 312j (3) BGB) asks for "
                "\"zahlungspflichtig bestellen\" or equally clear words.",
                "Label the final button \"zahlungspflichtig bestellen\".", s.get("url"), "order-wording", params={"button": s["final_button"]}))  # fmt: skip
            break
    return out


def guest_weaker(steps: list[dict[str, Any]], signin_first: Any = None) -> list[dict]:
    """Why the guest checkout weighs less than signing in, across the steps seen:
    offered only on a later step (behind a link past the sign-in), below the sign-in,
    or a plain text link beside a sign-in button. Each reason once, with its page."""
    out: list[dict] = []
    guest_at = next((i for i, s in enumerate(steps) if s.get("guest")), None)
    if signin_first and guest_at is not None and guest_at > 0:
        link = signin_first.get("link") if isinstance(signin_first, dict) else ""
        out.append({"why": "later", "url": steps[guest_at].get("url"),
            "text": f"The checkout opens on signing in; the guest checkout comes only on step "
                    f"{guest_at + 1}" + (f", behind the link '{link}'" if link else "")})  # fmt: skip
    for s in steps:
        g, si = s.get("guest_top"), s.get("signin_top")
        if g is not None and si is not None and g > si + 40:
            out.append({"why": "below", "url": s.get("url"),
                        "text": "The guest checkout comes below the sign-in"})  # fmt: skip
            break
    for s in steps:
        if s.get("guest") and s.get("guest_button") is False and s.get("signin_button"):
            out.append({"why": "link", "url": s.get("url"),
                        "text": "The guest checkout is a plain text link beside a sign-in button"})  # fmt: skip
            break
    return out


def service_problems(data: dict[str, Any] | None) -> list[dict]:
    """Journey 5 and the service pages' distance from every journey page."""
    out: list[dict] = []
    walk = _first(data, "service")
    if walk is not None:
        reached = (walk.get("details") or {}).get("reached") or {}
        missing = [r for r in ("contact", "shipping", "returns") if r in reached and not reached[r]]
        if missing:
            out.append(_p("moderate", "Service information is not reachable from the product page",
                f"From the product page the customer finds no link to: {', '.join(missing)} "
                "(a returns policy not found made 18 % abandon, Baymard 2024).",
                "Link contact, shipping costs and returns from every product page (header, footer or near the price).",
                _where(walk), "service-" + "-".join(missing), missing=missing, message_key="service", params={"missing": "|".join(missing)}))  # fmt: skip
    far: dict[str, list[str]] = {}
    exists = (data or {}).get("service_pages")
    for page, dist in sorted(((data or {}).get("service_distances") or {}).items()):
        for role, d in dist.items():
            if d is None and (exists is None or exists.get(role)):
                far.setdefault(role, []).append(page)
    for role, pages in sorted(far.items()):
        p = _p("minor", f"The {role} page is more than 2 clicks away",
            f"From {len(pages)} page(s) the customer walked, the {role} page is not within 2 clicks.",
            f"Link the {role} page from the footer of every page.", pages[0], f"far-{role}", pages=len(pages), message_key=f"far.{role}", params={"pages": len(pages)})  # fmt: skip
        p["urls"] = pages
        out.append(p)
    return out


_PERSONA_FIX = {
    "keyboard": "Make every step work without a pointer (focusable, Enter and Space), on a phone and zoomed.",
    "mobile": "Make every step work on a narrow, slow phone and at 320 px.",
    "zoom": "Let every step reflow into a 320 px window without hiding its controls (WCAG 1.4.10).",
    "zoom-text": "Let boxes with text grow at 200 % text size (min-height, no overflow: hidden "
    "around text, rem/em sizes) so every control stays visible and clickable (WCAG 1.4.4).",
}


def persona_problems(data: dict[str, Any] | None) -> list[dict]:
    """A journey the first persona finished and another could not."""
    out: list[dict] = []
    walks = (data or {}).get("walks") or []
    done = {(w["journey"]) for w in walks if w.get("persona") == "desktop" and w.get("completed")}
    for w in walks:
        persona = w.get("persona")
        if (
            persona == "desktop"
            or w.get("completed")
            or w["journey"] not in done
            or walk_excused(w)
        ):
            continue
        stop = w.get("stopped") or {}
        sev = "serious" if persona == "keyboard" else "moderate"
        out.append(_p(sev, f"The {persona} customer cannot finish the {w['journey']} journey",
            f"With a mouse on a desktop the journey finishes; as {persona} it stops at step "
            f"{stop.get('step')}: {stop.get('reason', '')}.",
            _PERSONA_FIX.get(persona, _PERSONA_FIX["mobile"]),
            stop.get("url"), f"{persona}-{w['journey']}", step=stop.get("step"), message_key=f"persona.{persona if persona in _PERSONA_FIX else 'mobile'}", params={"persona": persona, "journey": w["journey"], "step": stop.get("step"), "reason": stop.get("reason", "")}))  # fmt: skip
    return out
