"""The report's journeys section and summary.md's effort table, on recorded journeys."""

from __future__ import annotations

import json

import jsonschema

from reports.markdown import build_markdown

from .test_html import SCHEMA, minimal_results
from .test_sections import render, section_ids

PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
    "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def walk(journey, persona, completed=True, **kw):
    w = {
        "journey": journey,
        "persona": persona,
        "completed": completed,
        "blocked": False,
        "stopped": None
        if completed
        else {
            "step": 2,
            "reason": "the keyboard cannot reach <b>Checkout</b>",
            "url": "http://127.0.0.1:8123/cart",
            "keyboard": True,
            "blocked": False,
            "screenshot": PIXEL,
        },
        "steps": [
            {
                "n": 1,
                "action": "click",
                "what": "menu entry '<script>x</script>'",
                "rung": "landmark",
                "url": "http://127.0.0.1:8123/c",
                "ops": {"click": 1},
                "wait_ms": 1350.0,
                "load": True,
                "thumb": PIXEL,
            },
            {
                "n": 2,
                "action": "click",
                "what": "the product",
                "rung": "address",
                "url": "http://127.0.0.1:8123/p",
                "ops": {"click": 1},
                "wait_ms": 150.0,
                "load": True,
                "thumb": "javascript:alert(1)",
            },
        ],
        "clicks": 2,
        "keys": 0,
        "loads": 2,
        "fields": 0,
        "choices": 0,
        "wait_s": 0.5,
        "effort": {
            "seconds": 5.8,
            "low": 4.7,
            "high": 6.9,
            "klm_s": 5.3,
            "wait_s": 0.5,
            "formula": "KLM",
            "label": "lab proxy",
        },
        "lostness": 0.0,
        "details": {},
    }
    w.update(kw)
    return w


def results():
    return minimal_results(
        journeys=[
            walk("browse", "desktop"),
            walk("browse", "keyboard"),
            walk("checkout", "desktop"),
            walk("checkout", "keyboard", completed=False),
        ]
    )


def test_results_with_journeys_are_valid():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator(schema).validate(results())


def test_the_section_shows_personas_steps_and_costs(tmp_path):
    doc = render(results(), tmp_path)
    assert "journeys" in section_ids(doc)
    part = doc[doc.index('id="journeys"') :]
    part = part[: part.index("</section>")]
    assert '<th scope="col">desktop</th><th scope="col">keyboard</th>' in part
    # the first step costs a click (2.65 s) and its wait (1.35 s)
    assert "4.0 s · wait 1.4 s" in part
    assert "stuck at step 2" in part and "cannot reach &lt;b&gt;Checkout&lt;/b&gt;" in part
    # shop text escaped, only image data URIs shown
    assert "<script>x</script>" not in part and "&lt;script&gt;" in part
    assert "javascript:" not in part and part.count("<img") == 3  # two thumbs, one dead end


def test_no_journeys_no_section(tmp_path):
    assert "journeys" not in section_ids(render(minimal_results(), tmp_path))


def test_summary_effort_table():
    text = build_markdown(results())
    table = text[text.index("## Journeys") :]
    assert "| Journey | desktop | keyboard |" in table
    # seconds with the model's band, from results.json's effort
    assert "| browse | 5.8 (4.7–6.9) | 5.8 (4.7–6.9) |" in table
    assert "| checkout | 5.8 (4.7–6.9) | stuck at step 2 |" in table
    assert "a lab proxy, not a Customer Effort Score" in table
    assert "Formula: KLM" in table
    # where each got stuck, with why (shop text escaped)
    assert "- checkout (keyboard), step 2: the keyboard cannot reach &lt;b&gt;Checkout" in table
    assert "## Journeys" not in build_markdown(minimal_results())


def checkout_details(**kw):
    return {
        "steps_total": 4,
        "steps_source": "text",
        "steps_labels": ["Address", "Shipping", "Payment", "<i>Review</i>"],
        "steps_walked": 2,
        "stopped_before": "payment or the order button",
        "test_data": {"host": "staging.example", "steps": [{"fields": ["email", "name"]}]},
        **kw,
    }


def test_the_checkout_says_its_steps_total_and_the_test_data(tmp_path):
    data = results()
    data["journeys"][2]["details"] = checkout_details()
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    doc = render(data, tmp_path)
    part = doc[doc.index('id="journeys"') :]
    table = part[: part.index("</table>")]
    assert "the checkout shows 4 steps" in table and "(4.7 s – 6.9 s)" in table
    card = part[part.index('id="journey-checkout"') :]
    card = card[: card.index("</article>")]
    assert "The checkout shows 4 steps (read from: text): Address › Shipping › Payment" in card
    assert "&lt;i&gt;Review&lt;/i&gt;" in card and "<i>Review" not in card
    assert "The walk saw 2 of its pages (with the configured test data on staging.example)" in card
    assert "and stopped before payment or the order button." in card
    assert "4 Into the checkout (with the configured test data)" in card
    assert "How the effort is computed" in part and "<p>KLM</p>" in part
    md = build_markdown(data)
    assert "Checkout steps shown by the shop: 4 (text)." in md


def test_a_checkout_without_indicator_says_so(tmp_path):
    data = results()
    data["journeys"][2]["details"] = checkout_details(
        steps_total=None, steps_source=None, steps_labels=[], test_data=None,
        stopped_before="personal data", steps_walked=1)  # fmt: skip
    part = render(data, tmp_path)
    card = part[part.index('id="journey-checkout"') :]
    card = card[: card.index("</article>")]
    assert "The checkout shows no step indicator." in card
    assert "4 Into the checkout (no personal data sent)" in card
    assert "The walk saw 1 of its pages, and stopped before personal data." in card
    assert "Checkout steps shown" not in build_markdown(data)


def test_a_walk_robots_txt_ended_is_not_walked_not_stuck(tmp_path):
    data = results()
    excused = walk("cart", "desktop", completed=False)
    excused["stopped"].update(reason="robots.txt does not allow /cart", excused=True)
    data["journeys"].append(excused)
    part = render(data, tmp_path)
    part = part[part.index('id="journeys"') :]
    row = part[part.index("3 Choose, add to the cart") :]
    row = row[: row.index("</tr>")]
    assert "not walked from step 2" in row and "stuck" not in row


def test_the_section_in_german(tmp_path):
    html_mod = __import__("tests.reports.test_sections", fromlist=["html_mod"]).html_mod
    doc = html_mod.render_html(results(), tmp_path, lang="de").read_text(encoding="utf-8")
    part = doc[doc.index('id="journeys"') :]
    part = part[: part.index("</section>")]
    assert ">Kaufwege<" in part and "1 Das Produkt über das Menü finden" in part
    assert "bei Schritt 2 stecken geblieben" in part and "5,8 s" in part
    assert "Spanne" in part and "(4,7 s – 6,9 s)" in part
    assert "stuck at step" not in part and "Find the product" not in part
