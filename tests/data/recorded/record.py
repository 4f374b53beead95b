"""Record a real shop's pages for the recognition ladder's tests (tests/data/recorded/<shop>/).

The two shops of bench/shops run on this machine (django-oscar on 127.0.0.1:8000, Shuup
on 127.0.0.1:8010; see their setup.sh). This walks each as a customer would, with a
plain Playwright browser (not the auditor), and keeps every page's HTML as the browser
holds it (``page.content()``), the shop's address replaced by nothing so that links stay
relative to whatever server replays the page. Stylesheets and images are left out: the
tests serve the HTML alone, which is what the ladder reads.

    .venv/bin/python tests/data/recorded/record.py oscar [http://127.0.0.1:8000]

Recording is set-up, not an audit: to reach the checkout's later pages it signs up a
test customer in the local shop (Oscar allows no guest checkout by default), which
the journeys themselves never do.
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

from playwright.async_api import async_playwright

HERE = Path(__file__).parent
_CHROMIUM = "/usr/bin/chromium"


def _clean(html: str, base: str) -> str:
    html = html.replace(base.rstrip("/"), "")
    # the CSRF tokens and session-bound values change on every recording
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1recorded", html)
    return re.sub(r"""(csrf\w*["']?\s*[:=]\s*["'])[A-Za-z0-9]{20,}""", r"\1recorded", html)


async def _save(page, shop: str, name: str, base: str) -> None:
    out = HERE / shop / f"{name}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_clean(await page.content(), base))
    print(f"{out.relative_to(HERE)}: {page.url}")


async def oscar(page, base: str) -> None:
    await page.goto(base + "/catalogue/")
    await _save(page, "oscar", "home", base)
    await page.goto(base + "/catalogue/category/books/fiction_2/")
    await _save(page, "oscar", "category", base)
    await page.click("a[href*='the-silent-harbour']")
    await page.wait_for_load_state()
    await _save(page, "oscar", "product", base)
    await page.click("text=Add to basket")
    await page.wait_for_load_state()
    await page.goto(base + "/basket/")
    await _save(page, "oscar", "cart", base)
    await page.click("text=Proceed to checkout")
    await page.wait_for_load_state()
    await _save(page, "oscar", "checkout", base)
    # a test customer of the local shop, to see the checkout's steps (Oscar's sign-up
    # mails, and fails without a mail server: the customer is made beforehand with
    #   manage.py shell -c "from django.contrib.auth import get_user_model as g; u, _ =
    #   g().objects.get_or_create(username='recorder', email='recorder@example.com');
    #   u.set_password('Tq9#vLm2-xWp8!zz'); u.save()")
    await page.goto(base + "/accounts/login/?next=/checkout/")
    await page.fill("#id_login-username", "recorder@example.com")
    await page.fill("#id_login-password", "Tq9#vLm2-xWp8!zz")
    async with page.expect_navigation():
        await page.click("button[name='login_submit']")
    await page.goto(base + "/checkout/shipping-address/")
    await _save(page, "oscar", "checkout-shipping", base)


async def shuup(page, base: str) -> None:
    await page.goto(base + "/")
    await _save(page, "shuup", "home", base)
    await page.goto(base + "/c/1-category-ujzpde/")
    await _save(page, "shuup", "category", base)
    await page.goto(base + "/p/38-la-vie-est-belle/")
    await _save(page, "shuup", "product", base)
    # Shuup adds in the background (its script posts the form): wait for the answer
    async with page.expect_response(lambda r: r.request.method == "POST"):
        await page.click("#add-to-cart-button-38")
    await page.goto(base + "/basket/")
    await _save(page, "shuup", "cart", base)
    async with page.expect_navigation():
        await page.click("text=Proceed to checkout")
    await _save(page, "shuup", "checkout", base)


async def main(shop: str, base: str) -> None:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=_CHROMIUM, args=["--no-sandbox"])
        try:
            page = await (await browser.new_context()).new_page()
            await {"oscar": oscar, "shuup": shuup}[shop](page, base.rstrip("/"))
        finally:
            await browser.close()


if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else "oscar"
    default = {"oscar": "http://127.0.0.1:8000", "shuup": "http://127.0.0.1:8010"}[name]
    asyncio.run(main(name, sys.argv[2] if len(sys.argv) > 2 else default))
