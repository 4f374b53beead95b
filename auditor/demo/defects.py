"""The deliberate usability defects of the demo shop (mode "defects"; all repaired in "clean").

Each entry: ``category``, ``path`` (where to observe it), ``paths`` (every place it shows),
``description`` (what is wrong, and how the clean mode repairs it).
"""

from __future__ import annotations

from .catalog import DEEP_PRODUCT_SLUG, DISCONTINUED_PRODUCT_SLUG, ORPHAN_PRODUCT_SLUG

#: Slug of the first generated product (page with the blocking script); same for any count >= 3.
FIRST_PRODUCT_SLUG = "alpine-shell-jacket"
#: Slug of the first generated backpack (an example page without breadcrumb).
FIRST_BACKPACK_SLUG = "alpine-daypack"

_DEEP_CHAIN = [
    "/",
    "/category/tents",
    "/category/tents?page=2",
    "/collections/expedition",
    "/collections/expedition/arctic",
    "/collections/expedition/arctic/limited",
    f"/product/{DEEP_PRODUCT_SLUG}",
]


def _d(category: str, paths: list[str] | str, description: str) -> dict:
    if isinstance(paths, str):
        paths = [paths]
    return {"category": category, "path": paths[0], "paths": paths, "description": description}


DEFECTS: dict[str, dict] = {
    # ---------------------------------------------------------------- performance
    "slow-page": _d(
        "performance",
        "/category/sale",
        "The Sale category answers after 1.5 s × delay_scale (every page of it). "
        "Clean: answers immediately.",
    ),
    "slow-hero": _d(
        "performance",
        ["/", "/static/img/hero.png"],
        "The home page hero image (/static/img/hero.png, the LCP element) is served after "
        "2.5 s × delay_scale and is not cacheable, so LCP is late. Clean: served immediately.",
    ),
    "layout-shift": _d(
        "performance",
        "/category/jackets",
        "A promo banner is inserted by JS at the top of <main> about 600 ms after load, "
        "pushing the breadcrumb, heading and grid down (CLS). Clean: banner rendered in the "
        "HTML from the start.",
    ),
    "blocking-script": _d(
        "performance",
        [f"/product/{FIRST_PRODUCT_SLUG}", "/static/js/recommendations.js"],
        "The first product page loads a third-party-like script "
        "(/static/js/recommendations.js) synchronously in <head>, so it blocks rendering; "
        "after the first paint (on the load event) it busy-loops the main thread for about "
        "400 ms (one long task, Total Blocking Time about 350 ms). Clean: no such script.",
    ),
    "paint-task": _d(
        "performance",
        "/category/backpacks",
        "The Backpacks category sets up its size advisor (inline, adviseSizes) right after "
        "the first paint (requestAnimationFrame, then setTimeout): one task of about 500 ms "
        "that starts a few ms before First Contentful Paint is presented, so it straddles "
        "it (Total Blocking Time about 450 ms, counted from the paint on). Clean: the same "
        "work in slices of 20 ms.",
    ),
    "heavy-page": _d(
        "performance",
        ["/about", "/static/img/about-team-full.png"],
        "/about embeds a ~3 MB uncompressed PNG (/static/img/about-team-full.png, 1024x1000, "
        "not cacheable). Clean: a small SVG (/static/img/about-team.svg).",
    ),
    # ----------------------------------------------------------------- navigation
    "deep-product": _d(
        "navigation",
        _DEEP_CHAIN[-1:] + _DEEP_CHAIN[:-1],
        f"/product/{DEEP_PRODUCT_SLUG} is reachable only via a chain of 6 clicks from home: "
        + " → ".join(_DEEP_CHAIN)
        + ". Clean: also listed first on /category/tents (page 1), so it is 2 clicks deep.",
    ),
    "orphan-page": _d(
        "navigation",
        [f"/product/{ORPHAN_PRODUCT_SLUG}", "/sitemap-products.xml.gz"],
        f"/product/{ORPHAN_PRODUCT_SLUG} is listed in the product sitemap but linked from no "
        "page (and not found by the search). Clean: listed first on /category/sale.",
    ),
    "no-menu": _d(
        "navigation",
        "/shipping",
        "/shipping has no main navigation in its header (logo, search and cart only). "
        'Clean: normal header with <nav aria-label="Main">.',
    ),
    "no-breadcrumb": _d(
        "navigation",
        f"/product/{FIRST_BACKPACK_SLUG}",
        "Product pages of the Backpacks category have no breadcrumb. Clean: "
        "Home › Backpacks › Product like every other product page.",
    ),
    "broken-link": _d(
        "navigation",
        [f"/product/{DISCONTINUED_PRODUCT_SLUG}", "/downloads/catalog-2019.pdf", "/"],
        f"Home links to /product/{DISCONTINUED_PRODUCT_SLUG} (404) and the footer of every "
        "page links to /downloads/catalog-2019.pdf (404). Clean: neither link exists.",
    ),
    "broken-image": _d(
        "navigation",
        ["/category/shoes", "/static/img/missing-banner.jpg"],
        "/category/shoes shows a banner image /static/img/missing-banner.jpg that answers "
        "404. Clean: the banner is /static/img/shoes-banner.svg, which exists.",
    ),
    "redirect-chain": _d(
        "navigation",
        ["/sale", "/promo", "/promo/winter", "/category/sale"],
        "The main navigation's Sale item links to /sale: 301 → /promo, 302 → /promo/winter, "
        "301 → /category/sale (3 hops). Clean: the navigation links straight to "
        "/category/sale (the redirects still exist, but nothing links to them).",
    ),
    "soft-404": _d(
        "navigation",
        "/this-page-does-not-exist",
        "Unknown paths answer status 200 with a bare 'Page not found' text and no header, "
        "navigation or search. (Explicitly broken targets — /product/discontinued-parka, "
        "/downloads/*, /static/*, /files/* — still answer a real 404.) Clean: status 404 "
        "with header, navigation and search.",
    ),
    # ---------------------------------------------------------------------- forms
    "newsletter-placeholder-only": _d(
        "forms",
        "/newsletter",
        "The newsletter email field has only a placeholder, no label or aria-label. "
        "Clean: visible <label>.",
    ),
    "email-type-text": _d(
        "forms",
        "/register",
        'The registration email field is type="text". Clean: type="email".',
    ),
    "address-no-autocomplete": _d(
        "forms",
        "/checkout",
        "Checkout fields have no autocomplete attributes. Clean: name, email, tel, "
        "street-address, postal-code, address-level2, country.",
    ),
    "required-unmarked": _d(
        "forms",
        "/checkout",
        "Checkout requires fields that are marked neither visibly nor with "
        "required/aria-required. Clean: '*' in the label, a legend explaining it, and "
        "the required attribute (phone is optional and says so).",
    ),
    "no-error-on-empty": _d(
        "forms",
        "/contact",
        "The contact form has novalidate and no client-side validation; submitting it empty "
        "shows a thank-you page and no error. Clean: required attributes, inline errors "
        "(role=alert) tied with aria-describedby and aria-invalid, client- and server-side.",
    ),
    "errors-not-tied": _d(
        "forms",
        "/register",
        "The registration form's JS (and server-side) validation shows errors in one generic "
        "box at the top (#form-errors), not tied to the fields. Clean: an error per field, "
        "tied with aria-describedby and aria-invalid.",
    ),
    "phone-type-text": _d(
        "forms",
        "/checkout",
        'The checkout phone field is type="text". Clean: type="tel".',
    ),
    "long-contact-form": _d(
        "forms",
        "/contact",
        "The contact form has 14 fields (salutation, title, first name, last name, company, "
        "department, email, confirm email, phone, mobile, fax, street, city, message). "
        "Clean: name, email, message.",
    ),
    "split-name-fields": _d(
        "forms",
        "/checkout",
        "The checkout asks for the name in two fields, 'First name' and 'Last name' "
        "(given-name, family-name): one field more, and names that do not fit a first/last "
        "scheme. Clean: one 'Full name' field (name=name, autocomplete=name), like the "
        "registration form.",
    ),
    "no-show-password": _d(
        "forms",
        ["/login", "/register"],
        "The password fields of the sign-in and registration forms have no way to show "
        "the password, so typos go unseen. Clean: a 'Show password' button "
        '(type="button", aria-pressed, aria-controls) after each password field that '
        "switches it between type=password and type=text.",
    ),
    "icon-only-submit": _d(
        "forms",
        "/",
        "The header search submit button (every page) contains only an inline SVG: no "
        "text, no aria-label. Clean: a button with the visible text 'Search'.",
    ),
    # --------------------------------------------------------------------- search
    "search-no-label": _d(
        "search",
        "/",
        "The header search input (every page) has no label or aria-label, only a "
        'placeholder, and the form has no role=search. Clean: aria-label="Search products" '
        'and role="search".',
    ),
    "search-typo-intolerant": _d(
        "search",
        "/search?q=jaket",
        "Search only finds the whole query as a substring (ignoring case) of a product name, "
        "category name or SKU: no typo, plural, word-order, umlaut (ae/ä) or synonym "
        "tolerance ('jaket', 'shell jackets', 'fjaell' give 0 results). Clean: tolerant "
        "per-word search.",
    ),
    "zero-results-dead-end": _d(
        "search",
        "/search?q=xyzzy",
        "A search with no results shows a bare page with only '0 results': no header, "
        "search box, suggestions or links. Clean: says nothing was found for the query, "
        "keeps the query in a search box, suggests a spelling, lists categories and "
        "popular products, with the normal header and footer.",
    ),
    "query-hidden": _d(
        "search",
        "/search?q=jacket",
        "The results page does not echo the query ('12 results') and the header search box "
        "is empty. Clean: '12 results for “jacket”' and the query kept in the box.",
    ),
    "slow-search": _d(
        "search",
        "/search?q=jacket",
        "Every /search answer takes 2 s × delay_scale. Clean: immediate.",
    ),
    "no-autocomplete": _d(
        "search",
        "/",
        "The header search (every page) shows no suggestions while typing. Clean: an ARIA "
        "1.2 combobox (role=combobox, aria-autocomplete=list, aria-expanded, aria-controls) "
        "whose listbox shows up to 8 category and product names from GET /search/suggest?q= "
        "(the tolerant search's matching) after 2 letters; ArrowDown/ArrowUp move the active "
        "option (aria-activedescendant, aria-selected), Enter or a click opens it, Escape "
        "closes the list.",
    ),
    # -------------------------------------------------------------- accessibility
    "img-no-alt": _d(
        "accessibility",
        ["/", "/category/jackets", "/search?q=jacket"],
        "Product grid images (home, categories, search, related products, collections) "
        "have no alt attribute. Clean: alt = product name.",
    ),
    "low-contrast": _d(
        "accessibility",
        "/",
        "Footer text and links are #bbb on #fff (contrast 1.9:1) on every page. "
        "Clean: #3d3d3d text and #1f5f3f links on #fff (≥ 7:1).",
    ),
    "no-lang": _d(
        "accessibility",
        "/returns",
        '/returns has <html> without a lang attribute. Clean: lang="en".',
    ),
    "zoom-disabled": _d(
        "accessibility",
        "/imprint",
        "/imprint's viewport meta has maximum-scale=1, user-scalable=no. Clean: "
        "width=device-width, initial-scale=1.",
    ),
    "duplicate-ids": _d(
        "accessibility",
        "/privacy",
        '/privacy has two elements with id="data-we-collect". Clean: unique ids.',
    ),
    "empty-title": _d(
        "accessibility",
        "/privacy",
        "/privacy has an empty <title></title>. Clean: 'Privacy policy – Nordwind Outfitters'.",
    ),
    "vague-links": _d(
        "accessibility",
        "/",
        "The home page has links with the text 'Read more' (→ /shipping) and 'click here' "
        "(→ /contact). Clean: descriptive link texts.",
    ),
    "focus-removed": _d(
        "accessibility",
        "/",
        "The stylesheet of every page has 'a:focus, button:focus { outline: none }' with no "
        "replacement. Clean: a visible :focus-visible outline.",
    ),
    # ------------------------------------------------------------------- journeys
    # (the product only findable through the search is the deep product of
    # "deep-product": in no listing the menu opens, found by its name)
    "variant-no-hint": _d(
        "journeys",
        f"/product/{FIRST_BACKPACK_SLUG}",
        f"/product/{FIRST_BACKPACK_SLUG} needs a size; 'Add to cart' without one leaves the "
        "page as it was, saying nothing. Clean: 'Please choose a size.' (role=alert).",
    ),
    "add-no-confirmation": _d(
        "journeys",
        f"/product/{FIRST_BACKPACK_SLUG}",
        f"'Add to cart' on /product/{FIRST_BACKPACK_SLUG} posts in the background: no "
        "message, no badge change, no cart. Clean: the cart opens, listing the item.",
    ),
    "cart-checkout-below-fold": _d(
        "journeys",
        "/cart",
        "A cart with items shows 'You might also like' before its only checkout button, "
        "which is below the fold. Clean: the checkout button above the item list too.",
    ),
    "checkout-keyboard-trap": _d(
        "journeys",
        "/cart",
        "A cart with items has 'Proceed to checkout' as a span with a click handler: a mouse "
        "gets on, a keyboard cannot reach it. Clean: a link.",
    ),
    "checkout-forced-account": _d(
        "journeys",
        "/checkout",
        "With items in the cart, /checkout sends a customer who is not signed in to /login "
        "(sign in or create an account, no guest checkout). Clean: guest checkout.",
    ),
    "checkout-no-steps": _d(
        "journeys",
        "/checkout",
        "With items in the cart, the checkout shows no steps. Clean: 'Step 1 of 2' with a "
        "numbered list of the steps.",
    ),
    "checkout-many-steps": _d(
        "journeys",
        "/checkout",
        "With items in the cart, the checkout's indicator shows 7 steps ('Step 1 of 7': "
        "address, shipping method, gift options, billing address, payment, review, "
        "confirmation; hidden by 'checkout-no-steps' where both are on). Clean: 'Step 1 of 2'.",
    ),
    "keyboard-trap": _d(
        "accessibility",
        "/newsletter",
        "On /newsletter the email field (#newsletter-email) has a keydown handler that "
        "cancels Tab and Shift+Tab, so keyboard focus cannot leave it. Clean: no handler.",
    ),
}
