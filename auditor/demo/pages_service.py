"""The demo shop's contact, newsletter and information pages (shipping, returns, legal)."""

from __future__ import annotations

from html import escape

from .base import (
    SHOP_NAME,
    Ctx,
    Field,
    Response,
)
from .catalog import (
    CATEGORIES,
)
from .resources import (
    _TRAP_JS,
    _VALIDATE_JS,
)


class ServicePages:
    """Contact, newsletter and information pages; mixed into ShopApp."""

    # ------------------------------------------------------------------ contact & newsletter
    def page_contact(self, ctx: Ctx) -> Response:
        req = ctx.req
        long_form = self.d("long-contact-form")
        validate = not self.d("no-error-on-empty")
        if long_form:
            salutations = (("", "Please choose"), ("ms", "Ms"), ("mr", "Mr"), ("mx", "Mx"))
            fields = [
                Field("c-salutation", "Salutation", name="salutation", options=salutations),
                Field("c-title", "Title", name="title", autocomplete="honorific-prefix"),
                Field(
                    "c-first",
                    "First name",
                    name="first_name",
                    autocomplete="given-name",
                    required=True,
                    spoken="your first name",
                ),
                Field(
                    "c-last",
                    "Last name",
                    name="last_name",
                    autocomplete="family-name",
                    required=True,
                    spoken="your last name",
                ),
                Field("c-company", "Company", name="company", autocomplete="organization"),
                Field("c-department", "Department", name="department"),
                Field(
                    "c-email",
                    "Email address",
                    name="email",
                    type="email",
                    autocomplete="email",
                    required=True,
                    spoken="your email address",
                ),
                Field(
                    "c-email2",
                    "Confirm email address",
                    name="email_confirm",
                    type="email",
                    autocomplete="email",
                    required=True,
                    spoken="your email address again",
                ),
                Field("c-phone", "Phone", name="phone", type="tel", autocomplete="tel"),
                Field("c-mobile", "Mobile phone", name="mobile", type="tel", autocomplete="tel"),
                Field("c-fax", "Fax", name="fax", type="tel"),
                Field("c-street", "Street", name="street", autocomplete="address-line1"),
                Field("c-city", "City", name="city", autocomplete="address-level2"),
                Field(
                    "c-message",
                    "Message",
                    name="message",
                    textarea=True,
                    required=True,
                    spoken="your message",
                ),
            ]
        else:
            fields = [
                Field(
                    "c-name",
                    "Name",
                    name="name",
                    autocomplete="name",
                    required=True,
                    spoken="your name",
                ),
                Field(
                    "c-email",
                    "Email address",
                    name="email",
                    type="email",
                    autocomplete="email",
                    required=True,
                    spoken="your email address",
                    hint="We reply within one working day.",
                ),
                Field(
                    "c-message",
                    "Message",
                    name="message",
                    textarea=True,
                    required=True,
                    spoken="your message",
                ),
            ]
        if not validate:
            for f in fields:
                f.mark = False
        if req.method == "POST":
            errors: dict[str, str] = {}
            for f in fields:
                f.value = req.field(f.name)
                if validate and f.required and not f.value:
                    errors[f.id] = f"Please enter {f.spoken}."
            email = req.field("email")
            if validate and email and not self.email_ok(email):
                errors["c-email"] = (
                    "Please enter a valid email address, for example name@example.com."
                )
            if not errors:
                main = (
                    '<h1>Thank you</h1><p class="notice">Thanks for your message – our team '
                    "will get back to you within one working day. (This is a demo: nothing was "
                    'sent.)</p><p><a href="/">Back to the home page</a></p>'
                )
                return self.page(ctx, title=f"Message sent – {SHOP_NAME}", main=main)
            for f in fields:
                f.error = errors.get(f.id)
        form_attrs = " data-validate" if validate else " novalidate"
        main = (
            "<h1>Contact us</h1><p>Questions about an order, sizing or gear? Write to us.</p>"
            + (self.required_note() if validate else "")
            + f'<form class="stack" method="post" action="/contact"{form_attrs}>'
            + "".join(self.field(f) for f in fields)
            + '<button type="submit">Send message</button></form>'
            "<p>Customer service: Monday to Friday, 9:00–17:00 CET.</p>"
        )
        return self.page(
            ctx,
            title=f"Contact us – {SHOP_NAME}",
            main=main,
            scripts=_VALIDATE_JS if validate else "",
        )

    def page_newsletter(self, ctx: Ctx) -> Response:
        req = ctx.req
        placeholder_only = self.d("newsletter-placeholder-only")
        error = None
        email = ""
        first = ""
        if req.method == "POST":
            email = req.field("email")
            first = req.field("first_name")
            if not placeholder_only and not self.email_ok(email):
                error = (
                    "Please enter your email address."
                    if not email
                    else "Please enter a valid email address, for example name@example.com."
                )
            if error is None:
                main = (
                    '<h1>Thanks for subscribing</h1><p class="notice">This is a demo – no email '
                    'address was stored.</p><p><a href="/">Back to the home page</a></p>'
                )
                return self.page(ctx, title=f"Subscribed – {SHOP_NAME}", main=main)
        email_field = Field(
            "newsletter-email",
            "Email address",
            name="email",
            type="email",
            autocomplete="email",
            required=not placeholder_only,
            value=email,
            error=error,
            placeholder="Your email address" if placeholder_only else "name@example.com",
            show_label=not placeholder_only,
            spoken="your email address",
            alert=False,  # the field takes the focus and is read out with its error
        )
        first_field = Field(
            "newsletter-first",
            "First name",
            name="first_name",
            autocomplete="given-name",
            optional_note=True,
            value=first,
        )
        scripts = _TRAP_JS if self.d("keyboard-trap") else ""
        validate = ""
        if not placeholder_only:
            scripts += _VALIDATE_JS
            validate = ' data-validate="focus"'  # no live region: the focus announces
        main = (
            "<h1>Newsletter</h1><p>Trip reports, gear tips and early access to the sale – "
            "once a month, unsubscribe at any time.</p>"
            f'<form class="stack" method="post" action="/newsletter"{validate}>'
            + self.field(email_field)
            + self.field(first_field)
            + '<button type="submit">Subscribe</button></form>'
        )
        return self.page(ctx, title=f"Newsletter – {SHOP_NAME}", main=main, scripts=scripts)

    # ------------------------------------------------------------------ information pages
    def page_shipping(self, ctx: Ctx) -> Response:
        main = (
            "<h1>Shipping</h1><p>We ship from our warehouse in Bergen, Monday to Friday.</p>"
            '<table><caption class="visually-hidden">Shipping rates</caption><thead><tr>'
            '<th scope="col">Destination</th><th scope="col">Delivery time</th>'
            '<th scope="col">Cost</th></tr></thead><tbody>'
            "<tr><td>Norway</td><td>1–2 working days</td><td>€4.90, free from €50</td></tr>"
            "<tr><td>Nordic countries</td><td>2–4 working days</td><td>€6.90, free from €50</td>"
            "</tr><tr><td>Rest of Europe</td><td>3–6 working days</td><td>€9.90</td></tr>"
            "</tbody></table><h2>Tracking</h2><p>You receive a tracking link by email as soon "
            "as your parcel leaves the warehouse.</p>"
        )
        return self.page(ctx, title=f"Shipping – {SHOP_NAME}", main=main, nav=not self.d("no-menu"))

    def page_returns(self, ctx: Ctx) -> Response:
        main = (
            "<h1>Delivery and returns</h1><h2>Delivery</h2><p>Parcels leave our warehouse in "
            "Bergen within one working day. Delivery costs €4.90 in Norway and the Nordic "
            "countries (free from €50) and €9.90 to the rest of Europe; "
            '<a href="/shipping">delivery times and rates by country</a>.</p>'
            "<h2>Returns</h2><p>You can return unused items within 30 days of delivery.</p>"
            "<h3>How to return an item</h3><ol><li>Sign in and open your order history.</li>"
            "<li>Choose the items and print the prepaid label.</li>"
            "<li>Drop the parcel at any post office.</li></ol>"
            "<p>Refunds are made to the original payment method within 5 working days.</p>"
        )
        return self.page(
            ctx, title=f"Delivery and returns – {SHOP_NAME}", main=main, lang=not self.d("no-lang")
        )

    def page_imprint(self, ctx: Ctx) -> Response:
        main = (
            f"<h1>Imprint</h1><p>{SHOP_NAME} AS<br>Bryggen 7<br>5003 Bergen<br>Norway</p>"
            "<p>Managing director: Ingrid Nordvik<br>Organisation number: 999 999 999 "
            "(demo)<br>Email: service@nordwind.example</p>"
            "<p>This shop is a demonstration for usability testing. It sells nothing.</p>"
        )
        return self.page(
            ctx,
            title=f"Imprint – {SHOP_NAME}",
            main=main,
            zoom_disabled=self.d("zoom-disabled"),
        )

    def page_privacy(self, ctx: Ctx) -> Response:
        dup = self.d("duplicate-ids")
        second_id = "data-we-collect" if dup else "how-we-use-data"
        main = (
            "<h1>Privacy policy</h1><p>We collect only what we need to run the shop.</p>"
            '<h2 id="data-we-collect">Data we collect</h2><p>Your name, address and email when '
            "you order; your cart in a cookie.</p>"
            f'<h2 id="{second_id}">How we use your data</h2><p>To deliver your order and, if you '
            "subscribe, to send the newsletter.</p>"
            '<h2 id="cookies">Cookies</h2><p>The cookies <code>cart</code>, '
            "<code>session</code> and <code>consent</code> are necessary for the shop to work."
            '</p><h2 id="your-rights">Your rights</h2><p>You can ask for a copy of your data '
            'or its deletion at any time: <a href="/contact">contact us</a>.</p>'
        )
        title = "" if self.d("empty-title") else f"Privacy policy – {SHOP_NAME}"
        return self.page(ctx, title=title, main=main)

    def page_about(self, ctx: Ctx) -> Response:
        if self.d("heavy-page"):
            img = (
                '<img src="/static/img/about-team-full.png" width="1024" height="1000" '
                'alt="The Nordwind team on a glacier hike">'
            )
        else:
            img = (
                '<img src="/static/img/about-team.svg" width="640" height="360" '
                'alt="The Nordwind team on a glacier hike">'
            )
        main = (
            f"<h1>About us</h1><p>{SHOP_NAME} was founded in Bergen in 1998 by three friends "
            "who wanted gear that survives Norwegian weather.</p>"
            f"{img}<h2>What we believe in</h2><p>Durable products, honest advice and repairs "
            "before replacement.</p>"
        )
        return self.page(ctx, title=f"About us – {SHOP_NAME}", main=main)

    def page_staff(self, ctx: Ctx) -> Response:
        main = (
            "<h1>Staff area</h1><p>Internal tools for the Nordwind team. This area is excluded "
            "by robots.txt; well-behaved crawlers never come here.</p>"
        )
        return self.page(
            ctx,
            title=f"Staff area – {SHOP_NAME}",
            main=main,
            head='<meta name="robots" content="noindex, nofollow">',
        )

    def not_found(self, ctx: Ctx, *, real: bool = False, delay: float = 0.0) -> Response:
        if self.d("soft-404") and not real:
            return self.page(
                ctx,
                title="Page not found",
                main="<h1>Page not found</h1><p>The page you requested could not be found.</p>",
                chrome=False,
                delay=delay,
            )
        cats = "".join(f'<li><a href="/category/{c.slug}">{c.name}</a></li>' for c in CATEGORIES)
        main = (
            "<h1>Page not found</h1><p>Sorry, we couldn't find the page "
            f"<code>{escape(ctx.req.path[:200])}</code>. It may have moved or no longer exist."
            "</p><p>Try the search above, go to the "
            '<a href="/">home page</a>, or browse a category:</p>'
            f'<ul class="tiles">{cats}</ul>'
        )
        return self.page(
            ctx,
            title=f"Page not found – {SHOP_NAME}",
            main=main,
            status=404,
            head='<meta name="robots" content="noindex">',
            delay=delay,
        )
