"""Cookie-consent banners: clicked away the way a customer would, before the checks look.

A banner covers the page, traps focus and hides the content the checks judge, so an
audit that ignores it audits the banner. Known consent platforms are recognised by
their buttons' selectors; otherwise a button in a cookie/consent container whose
text is one of the usual English or German answers is clicked. ``consent.action``
chooses the answer (accept, reject = only necessary, none = leave the banner).
"""

from __future__ import annotations

import re

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

__all__ = ["ACCEPT_SELECTORS", "REJECT_SELECTORS", "dismiss_consent"]

ACCEPT_SELECTORS = [
    "#onetrust-accept-btn-handler",
    "#accept-recommended-btn-handler",
    "#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll",
    "#CybotCookiebotDialogBodyButtonAccept",
    "#didomi-notice-agree-button",
    "button[data-testid='uc-accept-all-button']",
    ".cmplz-btn.cmplz-accept",
    ".cky-btn-accept",
    "a[data-cookie-accept-all]",
    ".js-cookie-accept-all-button",
    "#shopify-pc__banner__btn-accept",
    ".cc-allow",
    "#truste-consent-button",
    ".qc-cmp2-summary-buttons button[mode='primary']",
    "[data-cookiefirst-action='accept']",
    ".klaro .cm-btn-accept-all",
    ".cmpboxbtnyes",
]
REJECT_SELECTORS = [
    "#onetrust-reject-all-handler",
    "#CybotCookiebotDialogBodyButtonDecline",
    "#didomi-notice-disagree-button",
    "button[data-testid='uc-deny-all-button']",
    ".cmplz-btn.cmplz-deny",
    ".cky-btn-reject",
    ".js-cookie-permission-button",
    "#shopify-pc__banner__btn-decline",
    ".cc-deny",
    "[data-cookiefirst-action='reject']",
    ".klaro .cm-btn-decline",
    ".cmpboxbtnno",
]
CONTAINERS = (
    "[id*='cookie' i], [class*='cookie' i], [id*='consent' i], [class*='consent' i], "
    "[id*='gdpr' i], [class*='gdpr' i], [aria-label*='cookie' i], [aria-label*='consent' i], "
    "[aria-label*='datenschutz' i], #usercentrics-root, #usercentrics-cmp-ui"
)
CLICKABLE = "button, a, [role='button'], input[type='button'], input[type='submit']"
ACCEPT_TEXT = re.compile(
    r"^\s*(accept( all)?( cookies)?|allow( all)?( cookies)?|i agree|agree( and close)?|"
    r"got it|ok(ay)?|alle (cookies )?akzeptieren|akzeptieren|alle (cookies )?zulassen|"
    r"(allen )?zustimmen|einverstanden|alle annehmen|annehmen)\s*[.!]?\s*$",
    re.I,
)
REJECT_TEXT = re.compile(
    r"^\s*((only|just) (the )?(necessary|essential|required)( cookies)?|"
    r"(necessary|essential|required) (cookies )?only|reject( all)?( cookies)?|decline( all)?|"
    r"deny( all)?|refuse( all)?|continue without accepting|nur (technisch )?(notwendige|"
    r"essenzielle|erforderliche)( cookies)?|alle ablehnen|ablehnen)\s*[.!]?\s*$",
    re.I,
)


async def _click_first_visible(page: Page, locator) -> bool:
    count = min(await locator.count(), 5)
    for i in range(count):
        candidate = locator.nth(i)
        try:
            if await candidate.is_visible():
                await candidate.click(timeout=2000)
                return True
        except PlaywrightError:
            continue
    return False


def banner_selector(action: str, extra_selectors: list[str]) -> str:
    """What ``dismiss_consent`` looks for first: any element of a banner, or its
    button for ``action`` (empty: ``none``, no banner is answered)."""
    if action == "none":
        return ""
    selectors = (ACCEPT_SELECTORS if action == "accept" else REJECT_SELECTORS) + extra_selectors
    return ", ".join([*selectors, CONTAINERS])


async def dismiss_consent(page: Page, action: str, extra_selectors: list[str]) -> str | None:
    """Click the banner's button for ``action``; returns what was clicked, or None."""
    if action == "none":
        return None
    selectors = (ACCEPT_SELECTORS if action == "accept" else REJECT_SELECTORS) + extra_selectors
    text = ACCEPT_TEXT if action == "accept" else REJECT_TEXT
    try:
        # one cheap look first: most pages (and every page after the first) have no banner
        probe = banner_selector(action, extra_selectors)
        if not await page.evaluate("(s) => !!document.querySelector(s)", probe):
            return None
        if await _click_first_visible(page, page.locator(", ".join(selectors))):
            return "known consent button"
        containers = page.locator(CONTAINERS)
        if await containers.count() == 0:
            return None
        buttons = containers.locator(CLICKABLE).filter(has_text=text)
        if await _click_first_visible(page, buttons):
            return "consent button by its text"
    except PlaywrightError:
        return None
    return None
