"""The forms gatherer in a real Chromium: label sources, loose groups, German labels."""

from checks.forms.classify import form_kind
from checks.forms.gather import form_print, gather_forms
from tests.fixture_server import FixtureServer, page

LAYOUTS = page(
    "Forms",
    """
<h2>Newsletter</h2>
<form id="news" action="/newsletter" method="post">
  <input type="email" name="email" placeholder="Your email address">
  <button type="submit"><svg width="16" height="16"><circle cx="8" cy="8" r="6"/></svg></button>
</form>
<h2>Create an account</h2>
<p>Fields marked * are required.</p>
<form id="reg" action="/register" method="post">
  <label for="r-name">Full name <span aria-hidden="true">*</span></label>
  <input id="r-name" name="name" required autocomplete="name">
  <label>Email address * <input type="text" name="email" required></label>
  <span id="pw-l">Password</span>
  <input type="password" name="pw" aria-labelledby="pw-l" minlength="8" style="width:60px">
  <label for="r-phone">Phone (optional)</label><input id="r-phone" name="phone" type="tel">
  <label for="r-zip">Postcode</label><input id="r-zip" name="zip" aria-label="Field 7">
  <input type="hidden" name="token" value="x">
  <button type="submit">Create account</button>
</form>
<section class="checkout">
  <h2>Lieferadresse</h2>
  <div><label for="vn">Vorname</label><input id="vn" name="vorname"></div>
  <div><label for="str">Straße und Hausnummer</label><input id="str" name="strasse"></div>
  <div><label for="plz">PLZ</label><input id="plz" name="plz"></div>
  <div><label for="ort">Ort</label><input id="ort" name="ort"></div>
  <button type="button">Weiter zur Zahlung</button>
</section>
""",
)


async def test_gatherer_reads_label_sources_groups_and_german_forms(browser):
    with FixtureServer({"/": LAYOUTS}) as server:
        context = await browser.new_context()
        try:
            tab = await context.new_page()
            await tab.goto(server.url("/"))
            data = await gather_forms(tab, server.url("/"))
        finally:
            await context.close()
    news, reg, group = data["forms"]
    assert [f["element"] for f in data["forms"]] == ["form", "form", "group"]

    (email,) = news["fields"]
    assert email["placeholder"] == "Your email address"
    assert not (email["label_for"] or email["label_wrap"] or email["labelledby"])
    (icon,) = news["buttons"]
    assert icon["icon"] and icon["text"] == "" and icon["submit"]
    assert form_kind(news, server.url("/")) == "newsletter"

    by_name = {f["name"]: f for f in reg["fields"]}
    assert "token" not in by_name  # hidden inputs are no fields
    assert by_name["name"]["label_for"].startswith("Full name") and by_name["name"]["required"]
    assert by_name["name"]["required_marker"] and by_name["name"]["acc_name"] == "Full name"
    assert by_name["email"]["label_wrap"].startswith("Email address")
    assert by_name["email"]["type"] == "text" and by_name["email"]["required_marker"]
    assert by_name["pw"]["labelledby"] == "Password" and by_name["pw"]["acc_name"] == "Password"
    assert by_name["pw"]["minlength"] == "8"
    assert 0 < by_name["pw"]["chars"] < 10  # 60 px wide
    assert by_name["phone"]["optional_marker"] and not by_name["phone"]["required_marker"]
    assert by_name["zip"]["label_text"] == "Postcode" and by_name["zip"]["acc_name"] == "Field 7"
    assert by_name["name"]["autocomplete"] == "name" and by_name["email"]["autocomplete"] is None
    assert "Fields marked * are required" in reg["before"]
    assert form_kind(reg, server.url("/")) == "registration"

    assert group["heading"] == "Lieferadresse"
    assert [f["name"] for f in group["fields"]] == ["vorname", "strasse", "plz", "ort"]
    assert group["buttons"][0]["text"] == "Weiter zur Zahlung"
    assert form_kind(group, server.url("/")) == "checkout"


def test_a_forms_print_is_its_structure_not_its_names():
    def field(name: str, **over) -> dict:
        return {"tag": "input", "type": "checkbox", "name": name, "label_text": name,
                "visible": True, **over}  # fmt: skip

    def form(*fields: dict) -> dict:
        return {"element": "form", "method": "get", "action": "http://s.test/c/shoes?x=1",
                "fields": list(fields), "buttons": [{"tag": "button", "text": "Filter"}]}  # fmt: skip

    # a facet widget names its boxes after each category's options: the same form
    assert form_print(form(field("red"), field("blue"))) == form_print(form(field("green")))
    # an email field labelled by its placeholder alone is another form than a labelled one
    email = {"tag": "input", "type": "email", "name": "email", "visible": True}
    labelled = form(field("news"), {**email, "label_text": "Email"})
    placeholder = form(field("news"), {**email, "placeholder": "Email"})
    assert form_print(labelled) != form_print(placeholder)
    # a review form posts to its product's own address: one form on every product
    reviews = [
        {**form(field("title")), "action": f"http://s.test/catalogue/{slug}/reviews/add/"}
        for slug in ("cast-iron-skillet_32", "hose-reel_45")
    ]
    assert form_print(reviews[0]) == form_print(reviews[1])
    assert form_print(reviews[0]) != form_print({**reviews[0], "action": "/contact/"})
