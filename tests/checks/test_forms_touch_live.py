"""forms.touch-targets in Chromium on the mobile profile: sizes measured, not assumed."""

import json

from auditor.runner import run_audit
from tests.checks.forms_records import bare
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, page

STYLE = "<style>input{font:16px sans-serif}</style>"
SMALL = page(
    "Contact",
    '<h1>Contact</h1><form action="/send" method="post">'
    '<label for="e">Email *</label><input id="e" name="email" type="email" required '
    'autocomplete="email" style="box-sizing:border-box;height:18px;width:90px">'
    '<label for="m">Message *</label><textarea id="m" name="message" required></textarea>'
    '<button type="submit" style="height:20px;padding:0 4px;font-size:12px">Send message</button>'
    "</form>",
    STYLE,
)
ROOMY = page(
    "Contact",
    '<h1>Contact</h1><form action="/send2" method="post">'
    '<label for="e">Email *</label><input id="e" name="email" type="email" required '
    'autocomplete="email" style="height:44px;width:100%">'
    '<label for="m">Message *</label><textarea id="m" name="message" required></textarea>'
    '<button type="submit" style="min-height:44px">Send message</button></form>',
    STYLE,
)


async def test_small_targets_and_narrow_fields_on_a_phone(browser, tmp_path):
    settings = quick_settings(
        audit={"checks": ["forms.touch-targets"]},
        browser={"profile": "mobile"},
    )
    routes = {
        "/": page("Home", '<a href="/small">a</a> <a href="/roomy">b</a>'),
        "/small": SMALL,
        "/roomy": ROOMY,
    }
    with FixtureServer(routes) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    found = {(f["url"].rsplit("/", 1)[1], bare(f["title"])): f for f in results["findings"]}
    assert set(found) == {
        ("small", "Touch targets too small on a phone"),
        ("small", "Field too narrow for its content"),
    }
    small = found[("small", "Touch targets too small on a phone")]
    assert small["evidence"]["controls"] == 2 and small["evidence"]["value"] < 24
    narrow = found[("small", "Field too narrow for its content")]
    assert 0 < narrow["evidence"]["value"] < 20 and narrow["evidence"]["limit"] == 20
