"""The demo shop's cart, checkout and account pages."""

from __future__ import annotations

import secrets
from html import escape

from .base import (
    COUNTRIES,
    CUSTOMER_NAME,
    LOGIN_EMAIL,
    LOGIN_PASSWORD,
    ORDERS,
    SHOP_NAME,
    Ctx,
    Field,
    Response,
    _redirect,
)
from .catalog import (
    SIZED_SLUG,
    SIZES,
    format_price,
)
from .resources import (
    _REGISTER_DEFECT_JS,
    _REVEAL_JS,
    _VALIDATE_JS,
)

#: the steps of the checkout with too many ("checkout-many-steps"), the current first
_MANY_STEPS = (
    "Delivery address",
    "Shipping method",
    "Gift options",
    "Billing address",
    "Payment",
    "Review",
    "Confirmation",
)


class ShoppingPages:
    """Cart, checkout, sign-in and account; mixed into ShopApp."""

    # ------------------------------------------------------------------ cart & checkout
    def action_cart_add(self, ctx: Ctx) -> Response:
        if ctx.req.method != "POST":
            resp = Response(405, b"Use POST to add to the cart.\n", "text/plain; charset=utf-8")
            resp.headers.append(("Allow", "POST"))
            return resp
        slug = ctx.req.field("slug")
        try:
            qty = max(1, min(99, int(ctx.req.field("qty", "1") or "1")))
        except ValueError:
            qty = 1
        headers = []
        product = self.catalog.by_slug.get(slug)
        if product is not None and slug == SIZED_SLUG:
            size = ctx.req.field("size")
            if size not in SIZES:  # the variant is required
                back = product.url if self.d("variant-no-hint") else f"{product.url}?missing=size"
                return _redirect(back, 303)
            headers.append(("Set-Cookie", f"size={size}; Path=/; SameSite=Lax"))
        items = dict((p.slug, q) for p, q in ctx.cart)
        if slug in self.catalog.by_slug:
            items[slug] = min(99, items.get(slug, 0) + qty)
        cart = [(self.catalog.by_slug[s], q) for s, q in items.items()]
        return _redirect("/cart", 303, [("Set-Cookie", self.cart_cookie(cart)), *headers])

    def action_cart_remove(self, ctx: Ctx) -> Response:
        if ctx.req.method != "POST":
            return _redirect("/cart", 303)
        slug = ctx.req.field("slug")
        cart = [(p, q) for p, q in ctx.cart if p.slug != slug]
        return _redirect("/cart", 303, [("Set-Cookie", self.cart_cookie(cart))])

    def page_cart(self, ctx: Ctx) -> Response:
        if not ctx.cart:
            main = (
                "<h1>Your cart</h1><p>Your cart is empty.</p>"
                '<p><a href="/category/jackets">Continue shopping</a></p>'
            )
        else:
            size = ctx.req.cookies.get("size", "")
            rows = "".join(
                f'<tr><td><a href="{p.url}">{escape(p.name)}</a><br><span class="sku">SKU '
                f"{p.sku}</span>"
                + (f"<br>Size: {escape(size)}" if p.slug == SIZED_SLUG and size in SIZES else "")
                + f"</td><td>{q}</td><td>{format_price(p.price * q)}</td>"
                '<td><form method="post" action="/cart/remove">'
                f'<input type="hidden" name="slug" value="{p.slug}">'
                f'<button type="submit" aria-label="Remove {escape(p.name)}">Remove</button>'
                "</form></td></tr>"
                for p, q in ctx.cart
            )
            total = sum(p.price * q for p, q in ctx.cart)
            main = (
                '<h1>Your cart</h1><table><caption class="visually-hidden">Items in your cart'
                '</caption><thead><tr><th scope="col">Product</th><th scope="col">Quantity</th>'
                '<th scope="col">Price</th><th scope="col"><span class="visually-hidden">Actions'
                f"</span></th></tr></thead><tbody>{rows}</tbody></table>"
                f'<p class="price">Total: {format_price(total)}</p>'
                "<p>Shipping: free on orders from €50, otherwise €4.90.</p>"
            )
            main = self.cart_actions(ctx, main)
        return self.page(
            ctx,
            title=f"Your cart – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
        )

    def cart_actions(self, ctx: Ctx, main: str) -> str:
        """The filled cart's way on: a checkout link above the items (clean), or only
        a span after a tall 'You might also like' (defects), keyboard-proof or not."""
        if self.d("checkout-keyboard-trap"):
            go = (
                '<p><span class="btn" role="button" '
                "onclick=\"location.href='/checkout'\">Proceed to checkout</span></p>"
            )
        else:
            go = '<p><a class="btn" href="/checkout">Proceed to checkout</a></p>'
        if self.d("cart-checkout-below-fold"):
            liked = self.grid(list(self.catalog.generated[:6]), "h3")
            return main + f"<section><h2>You might also like</h2>{liked}</section>" + go
        head, _, rest = main.partition("</h1>")
        return head + "</h1>" + go + rest + go

    def checkout_fields(self, values: dict[str, str], errors: dict[str, str]) -> list[Field]:
        ac = not self.d("address-no-autocomplete")
        mark = not self.d("required-unmarked")
        tel = "text" if self.d("phone-type-text") else "tel"

        def f(fid, label, token, spoken, *, required=True, **kw) -> Field:
            return Field(
                id=fid,
                label=label,
                autocomplete=token if ac else None,
                required=required,
                mark=mark,
                value=values.get(fid, ""),
                error=errors.get(fid),
                spoken=spoken,
                **kw,
            )

        if self.d("split-name-fields"):
            names = [
                f("first-name", "First name", "given-name", "your first name"),
                f("last-name", "Last name", "family-name", "your last name"),
            ]
        else:
            names = [f("full-name", "Full name", "name", "your full name", name="name")]
        return [
            *names,
            f(
                "email",
                "Email address",
                "email",
                "your email address",
                type="email",
                hint="We send the order confirmation here.",
            ),
            f(
                "phone",
                "Phone",
                "tel",
                "your phone number",
                required=False,
                type=tel,
                optional_note=mark,
                hint="Only used by the carrier if there is a delivery problem.",
            ),
            f(
                "street",
                "Street and house number",
                "street-address",
                "your street and house number",
            ),
            f("postcode", "Postcode", "postal-code", "your postcode"),
            f("city", "City", "address-level2", "your city"),
            f("country", "Country", "country", "your country", options=COUNTRIES),
        ]

    def page_checkout(self, ctx: Ctx) -> Response:
        req = ctx.req
        if ctx.cart and not ctx.logged_in and self.d("checkout-forced-account"):
            return _redirect("/login?next=/checkout", 303)
        values: dict[str, str] = {}
        errors: dict[str, str] = {}
        if req.method == "POST":
            fields = self.checkout_fields({}, {})
            values = {f.id: req.field(f.name) for f in fields}
            if not self.d("required-unmarked"):
                for f in fields:
                    if f.required and not values[f.id]:
                        errors[f.id] = f"Please enter {f.spoken}."
                if values.get("email") and not self.email_ok(values["email"]):
                    errors["email"] = (
                        "Please enter a valid email address, for example name@example.com."
                    )
                if values.get("country") and values["country"] not in dict(COUNTRIES):
                    errors["country"] = "Please choose your country."
            if not errors and req.field("step") == "address":
                return self.checkout_review(ctx, fields, values)
            if not errors:
                main = (
                    '<h1>Thank you</h1><p class="notice">This is a demo – no order was placed.'
                    "</p><p>Nothing was charged and no data was stored.</p>"
                    '<p><a href="/">Back to the home page</a></p>'
                )
                return self.page(
                    ctx,
                    title=f"Order received (demo) – {SHOP_NAME}",
                    main=main,
                    head='<meta name="robots" content="noindex">',
                )
        fields = self.checkout_fields(values, errors)
        validate = "" if self.d("required-unmarked") else " data-validate"
        note = "" if self.d("required-unmarked") else self.required_note()
        summary = ""
        if ctx.cart:
            total = sum(p.price * q for p, q in ctx.cart)
            summary = f"<p>{ctx.cart_count} item(s) in your cart, total {format_price(total)}.</p>"
        intro = (
            "<p>Check out as a guest – no account needed. "
            '<a href="/login?next=/checkout">Already a customer? Sign in</a></p>'
        )
        steps = self.checkout_steps(ctx, 1)
        main = (
            f"<h1>Checkout</h1>{steps}{intro}{summary}{note}"
            f'<form class="stack" method="post" action="/checkout"{validate}>'
            "<fieldset><legend>Delivery address</legend>"
            + "".join(self.field(f) for f in fields)
            + '</fieldset><button type="submit" name="step" value="address">'
            "Continue to review</button></form>"
        )
        return self.page(
            ctx,
            title=f"Checkout – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
            scripts=_VALIDATE_JS if validate else "",
        )

    def checkout_steps(self, ctx: Ctx, current: int) -> str:
        """The step indicator ("Step 1 of 2" and its list), where the shop shows one."""
        if not ctx.cart or self.d("checkout-no-steps"):
            return ""
        names = (
            _MANY_STEPS if self.d("checkout-many-steps") else ("Delivery address", "Review and pay")
        )
        items = "".join(
            f'<li aria-current="step">{n}</li>' if i == current else f"<li>{n}</li>"
            for i, n in enumerate(names, 1)
        )
        return (
            f'<nav aria-label="Checkout steps"><p>Step {current} of {len(names)}</p>'
            f'<ol class="steps">{items}</ol></nav>'
        )

    def checkout_review(self, ctx: Ctx, fields: list[Field], values: dict[str, str]) -> Response:
        """Step 2: the address as entered, the total, and the final order button (which
        the journeys recognise and never press)."""
        shown = "".join(
            f"<dt>{escape(f.label)}</dt><dd>{escape(values.get(f.id, ''))}</dd>"
            for f in fields
            if values.get(f.id)
        )
        kept = "".join(
            f'<input type="hidden" name="{escape(f.name)}" value="{escape(values.get(f.id, ""))}">'
            for f in fields
        )
        total = sum(p.price * q for p, q in ctx.cart)
        main = (
            f"<h1>Review your order</h1>{self.checkout_steps(ctx, 2)}"
            f"<p>{ctx.cart_count} item(s), total {format_price(total)}.</p>"
            f"<h2>Delivery address</h2><dl>{shown}</dl>"
            f'<form method="post" action="/checkout">{kept}'
            '<button type="submit" name="step" value="review">Place order</button></form>'
        )
        return self.page(
            ctx,
            title=f"Review your order – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
        )

    # ------------------------------------------------------------------ account
    @staticmethod
    def safe_next(value: str) -> str:
        if value.startswith("/") and not value.startswith("//") and "\\" not in value:
            return value
        return "/account"

    def page_login(self, ctx: Ctx) -> Response:
        req = ctx.req
        nxt = self.safe_next(req.field("next") if req.method == "POST" else req.arg("next"))
        error = ""
        email = ""
        if req.method == "POST":
            email = req.field("email")
            password = req.form.get("password", [""])[0]
            if email.lower() == LOGIN_EMAIL and password == LOGIN_PASSWORD:
                token = secrets.token_hex(16)
                with self._lock:
                    self.sessions.add(token)
                cookie = f"session={token}; Path=/; HttpOnly; SameSite=Lax"
                return _redirect(nxt, 303, [("Set-Cookie", cookie)])
            error = (
                '<div class="error-box" role="alert" id="login-error">The email address or '
                "password is incorrect. Please try again.</div>"
            )
        described = ' aria-describedby="login-error"' if error else ""
        main = (
            f"<h1>Sign in</h1>{error}"
            f'<form class="stack" method="post" action="/login"{described}>'
            f'<input type="hidden" name="next" value="{escape(nxt)}">'
            + self.field(
                Field(
                    "login-email",
                    "Email address",
                    name="email",
                    type="email",
                    autocomplete="username",
                    value=email,
                )
            )
            + self.field(
                Field(
                    "login-password",
                    "Password",
                    name="password",
                    type="password",
                    autocomplete="current-password",
                    reveal=not self.d("no-show-password"),
                )
            )
            + '<button type="submit">Sign in</button></form>'
            f'<p class="notice">Demo account: {LOGIN_EMAIL} / {LOGIN_PASSWORD}</p>'
            '<p>New here? <a href="/register">Create an account</a></p>'
        )
        return self.page(
            ctx,
            title=f"Sign in – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
            scripts="" if self.d("no-show-password") else _REVEAL_JS,
        )

    def action_logout(self, ctx: Ctx) -> Response:
        if ctx.req.method == "POST":
            token = ctx.req.cookies.get("session", "")
            with self._lock:
                self.sessions.discard(token)
        cookie = "session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        return _redirect("/", 303, [("Set-Cookie", cookie)])

    def page_account(self, ctx: Ctx) -> Response:
        if not ctx.logged_in:
            return _redirect("/login?next=/account", 302)
        rows = "".join(
            f"<tr><td>{no}</td><td>{date}</td><td>{status}</td><td>{format_price(total)}</td></tr>"
            for no, date, status, total in ORDERS
        )
        main = (
            f"<h1>Welcome back, {CUSTOMER_NAME}</h1>"
            f"<p>Signed in as {LOGIN_EMAIL}.</p>"
            "<h2>Order history</h2>"
            '<table><thead><tr><th scope="col">Order</th><th scope="col">Date</th>'
            f'<th scope="col">Status</th><th scope="col">Total</th></tr></thead><tbody>{rows}'
            "</tbody></table>"
            '<form method="post" action="/logout"><p><button type="submit">Sign out</button></p>'
            "</form>"
        )
        return self.page(
            ctx,
            title=f"Your account – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex">',
        )

    def page_register(self, ctx: Ctx) -> Response:
        req = ctx.req
        tied = not self.d("errors-not-tied")
        values = {"reg-name": "", "reg-email": ""}
        errors: dict[str, str] = {}
        if req.method == "POST":
            values = {"reg-name": req.field("name"), "reg-email": req.field("email")}
            password = req.form.get("password", [""])[0]
            if not values["reg-name"]:
                errors["reg-name"] = "Please enter your name."
            if not values["reg-email"]:
                errors["reg-email"] = "Please enter your email address."
            elif not self.email_ok(values["reg-email"]):
                errors["reg-email"] = (
                    "Please enter a valid email address, for example name@example.com."
                )
            if len(password) < 8:
                errors["reg-password"] = "Please use a password with at least 8 characters."
            if not errors:
                main = (
                    '<h1>Account created</h1><p class="notice">This is a demo – no account was '
                    f"created. Sign in with the demo account {LOGIN_EMAIL} / {LOGIN_PASSWORD}."
                    '</p><p><a href="/login">Go to sign in</a></p>'
                )
                return self.page(ctx, title=f"Account created – {SHOP_NAME}", main=main)
        field_errors = errors if tied else {}
        email_type = "text" if self.d("email-type-text") else "email"
        fields = [
            Field(
                "reg-name",
                "Full name",
                name="name",
                autocomplete="name",
                required=True,
                value=values["reg-name"],
                error=field_errors.get("reg-name"),
                spoken="your name",
            ),
            Field(
                "reg-email",
                "Email address",
                name="email",
                type=email_type,
                autocomplete="email",
                required=True,
                value=values["reg-email"],
                error=field_errors.get("reg-email"),
                spoken="your email address",
            ),
            Field(
                "reg-password",
                "Password",
                name="password",
                type="password",
                autocomplete="new-password",
                required=True,
                hint="At least 8 characters.",
                attrs='minlength="8"',
                error=field_errors.get("reg-password"),
                spoken="a password",
                reveal=not self.d("no-show-password"),
            ),
        ]
        if tied:
            box = ""
            form_attrs = " data-validate"
            scripts = _VALIDATE_JS
        else:
            hidden = "" if errors else " hidden"
            text = "Please correct the errors in the form." if errors else ""
            box = f'<div id="form-errors" class="error-box" role="alert"{hidden}>{text}</div>'
            form_attrs = " novalidate"
            scripts = _REGISTER_DEFECT_JS
        main = (
            f"<h1>Create an account</h1>{box}{self.required_note()}"
            f'<form id="register-form" class="stack" method="post" action="/register"{form_attrs}>'
            + "".join(self.field(f) for f in fields)
            + '<button type="submit">Create account</button></form>'
            '<p>Already registered? <a href="/login">Sign in</a></p>'
        )
        if not self.d("no-show-password"):
            scripts += _REVEAL_JS
        return self.page(ctx, title=f"Create an account – {SHOP_NAME}", main=main, scripts=scripts)
