"""forms.error-handling: the verdicts on recorded probes, then real probes in Chromium
against a server on 127.0.0.1 that logs every request it gets."""

import json
from urllib.parse import urlsplit

import pytest

from auditor.demo.resources import _VALIDATE_JS
from auditor.errors import ConfigError
from auditor.plugins import load_checks
from auditor.runner import run_audit
from checks.forms import ErrorHandling
from checks.forms.error_handling import focus_announces, judge_attempt, shown_problems
from tests.checks.forms_records import S, bare, site
from tests.conftest import quick_settings
from tests.fixture_server import FixtureServer, page

FIELDS = (
    '<label for="n">Name *</label><input id="n" name="name" required data-label="your name">'
    '<label for="e">Email *</label><input id="e" name="email" type="email" required>'
    '<label for="m">Message *</label><textarea id="m" name="message" required></textarea>'
)
#: what analytics and address lookups do with what a customer types: each would leak it
LEAKY_JS = (
    "document.addEventListener('input', function (e) { var v = encodeURIComponent(e.target.value);"
    "fetch('/lookup?v=' + v); new Image().src = '/pixel.gif?v=' + v; });"
    "document.addEventListener('change', function (e) { navigator.sendBeacon('/beacon', e.target.value);"
    "try { new WebSocket('ws://' + location.host + '/socket').onopen = function () {"
    "this.send(e.target.value); }; } catch (x) {} });"
)
SILENT = page(
    "Contact",
    '<h1>Contact us</h1><form action="/send" method="post" novalidate>'
    + FIELDS.replace(" required", "").replace(" *", "")
    + '<button type="submit">Send message</button></form>',
)
GOOD = page(
    "Contact",
    "<h1>Contact us</h1><p>Fields marked * are required.</p>"
    '<form action="/send" method="post" data-validate>'
    + FIELDS
    + f'<button type="submit">Send message</button></form><script>{_VALIDATE_JS}</script>'
    + f"<script>{LEAKY_JS}</script>",
)
BOXED = page(
    "Register",
    '<h1>Create an account</h1><div id="box" role="alert" hidden></div>'
    '<form id="f" action="/send" method="post" novalidate>'
    + FIELDS.replace(" required", "")
    + '<button type="submit">Create account</button></form>'
    "<script>document.getElementById('f').addEventListener('submit', function (e) {"
    "var v = document.getElementById('e').value; if (v.indexOf('@') < 0) { e.preventDefault();"
    "var b = document.getElementById('box'); b.hidden = false;"
    "b.textContent = 'Please correct the errors in the form.'; } });</script>",
)
ALERTED = page(
    "Newsletter",
    '<h1>Newsletter</h1><form id="f" action="/send" method="post" novalidate>'
    '<label for="e">Email</label><input id="e" name="email" type="email">'
    '<button type="submit">Subscribe</button></form>'
    "<script>document.getElementById('f').addEventListener('submit', function (e) {"
    "e.preventDefault(); alert('Please enter a valid email address.'); });</script>",
)
#: the email is checked nowhere; a required box must be ticked to see that it goes out
TERMS = page(
    "Register",
    '<h1>Create an account</h1><form action="/send" method="post">'
    '<label for="e">Email *</label><input id="e" name="email" required>'
    '<label for="c">Country *</label><select id="c" name="country" required>'
    '<option value="">Choose</option><option value="de">Germany</option></select>'
    '<label><input type="checkbox" name="terms" required> I accept the terms *</label>'
    '<button type="submit">Create account</button></form>',
)
ROUTES = {
    "/": page(
        "Home",
        '<a href="/silent">a</a> <a href="/good">b</a> <a href="/boxed">c</a> '
        '<a href="/alerted">d</a> <a href="/terms">e</a>',
    ),
    "/terms": TERMS,
    "/alerted": ALERTED,
    "/silent": SILENT,
    "/good": GOOD,
    "/boxed": BOXED,
    "/send": page("Thanks", "<h1>Thank you</h1>"),
}


def probe(url, empty, malformed=None, **kw):
    return {
        "url": S + url,
        "template": url,
        "kind": kw.pop("kind", "contact"),
        "name": 'the contact form "Contact us"',
        "selector": "form",
        "signature": f"contact|/send|form@{url}",
        "server_allowed": False,
        "labels": ['"Name"', '"Email"'],
        "empty": empty,
        "malformed": malformed,
        "blur": kw.pop("blur", None),
        **kw,
    }


def attempt(messages=(), fields=None, blocked=(), **kw):
    return {
        "messages": list(messages),
        "fields": fields or [{"found": True}, {"found": True}],
        "blocked": list(blocked),
        "sent": [],
        "navigated": False,
        **kw,
    }


POST = {"method": "POST", "path": "/send", "type": "document"}


def titles(*probes):
    return sorted(
        bare(f.title) for f in ErrorHandling().evaluate([], site({"probes": list(probes)}))
    )


def test_verdicts_on_recorded_probes():
    assert judge_attempt(attempt(blocked=[POST])) == "sent"
    assert judge_attempt(attempt()) == "silent"
    native = attempt(fields=[{"found": True, "native": "Please fill in this field."}])
    assert judge_attempt(native) == "native"
    # the browser's validity does not count once the form went out anyway (novalidate)
    assert judge_attempt({**native, "blocked": [POST]}) == "sent"

    assert titles(probe("/a", attempt(blocked=[POST]))) == ["No error when the form is sent empty"]
    assert titles(probe("/a", attempt())) == ["Nothing happens when the form is sent empty"]
    # sign-in errors come from the server: not a finding when the probe may not ask it
    assert titles(probe("/a", attempt(blocked=[POST]), kind="login")) == []
    assert titles(probe("/a", native)) == []
    check = ErrorHandling()
    assert check.evaluate([], site({"probes": [], "over_limit": 3})) == []
    assert check.details["needs_review"][0]["form"] == "3 more forms"
    # a probe that could not press the button judges nothing
    assert titles(probe("/a", attempt(submit="failed"))) == []
    assert titles(probe("/a", attempt(dialogs=["Fill in all fields!"]))) == [
        "Errors shown in a pop-up dialog"
    ]

    tied = {
        "text": "Please enter your name.",
        "tied": [0],
        "near": 0,
        "distance": 2,
        "announced": True,
    }
    focused = [{"found": True, "aria_invalid": True, "focused": True}, {"found": True}]
    assert titles(probe("/a", attempt([tied], fields=focused))) == []
    box = {
        "text": "Please correct the errors.",
        "tied": [],
        "near": 0,
        "distance": 240,
        "announced": False,
    }
    assert titles(probe("/a", attempt([box], focus_tag="button"))) == [
        "Error messages not announced",
        "Error messages not tied to their fields",
        "Focus not moved to the first error",
    ]


def test_malformed_email_lost_values_and_inline_validation_on_recorded_probes():
    ok = attempt(
        [{"text": "x", "tied": [1], "near": 1, "distance": 2, "announced": True}],
        fields=[
            {"found": True, "value": "Anna"},
            {"found": True, "value": "a.example", "aria_invalid": True, "focused": True},
        ],
    )
    good = probe(
        "/a",
        ok,
        {**ok, "email_field": 1, "typed": [[0, "Anna"], [1, "a.example"]]},
        blur={"field": 1, "messages": ok["messages"], "fields": ok["fields"]},
    )
    assert titles(good) == []
    wiped = {**ok, "fields": [{"found": True, "value": ""}, ok["fields"][1]]}
    lost = probe(
        "/a",
        ok,
        {**wiped, "email_field": 1, "typed": [[0, "Anna"], [1, "a.example"]]},
        blur={"field": 1, "messages": [], "fields": [{}, {"native": "bad"}]},
    )
    assert titles(lost) == ["No inline validation", "Typed values lost after a failed submit"]
    sent = probe("/a", ok, {**attempt(blocked=[POST]), "email_field": 1, "typed": []})
    assert titles(sent) == ["Malformed email address accepted"]


#: a message tied to the first field (aria-describedby), in no live region
QUIET = {
    "text": "Please enter your name.",
    "tied": [0],
    "near": 0,
    "distance": 2,
    "announced": False,
}
INVALID = [{"found": True, "aria_invalid": True, "focused": True}, {"found": True}]


def focus(on: str, **kw) -> dict:
    """Where the probe found the focus after the submit (probe.py's ``focus``)."""
    base = {"on": on, "tag": "input", "field": None, "aria_invalid": False, "described": ""}
    return {**base, "error_described": False, "in_message": False, "summary": False, **kw}


def test_focus_on_a_field_described_by_its_error_announces_it():
    described = focus("field", field=0, aria_invalid=True, error_described=True)
    announced = attempt([QUIET], fields=INVALID, focus=described)
    assert focus_announces(announced)
    assert shown_problems(announced) == []
    assert titles(probe("/a", announced)) == []
    # the defect twin: the same tied message, focus left on the submit button
    left = attempt([QUIET], focus=focus("button", tag="button"), focus_tag="button")
    assert shown_problems(left) == ["not-announced", "focus"]
    assert titles(probe("/a", left)) == [
        "Error messages not announced",
        "Focus not moved to the first error",
    ]


def test_focus_on_an_error_summary_announces_the_errors():
    summary = focus("summary", tag="div", summary=True)
    boxed = attempt([{**QUIET, "tied": [], "near": None}], focus=summary, focus_tag="div")
    # not tied to the fields is a finding of its own; announced and focused it is
    assert shown_problems(boxed) == ["not-tied"]
    # a focused element that is no summary (the form's heading) announces nothing
    heading = attempt([QUIET], focus=focus("other", tag="h1"), focus_tag="h1")
    assert shown_problems(heading) == ["not-announced", "focus"]


def test_focus_on_a_wrong_field_whose_error_is_not_its_description_is_not_announced():
    # aria-invalid says "invalid entry" but not what is wrong: the live region is needed
    marked = focus("field", field=0, aria_invalid=True, described="Your full name")
    loose = {**QUIET, "tied": [], "distance": 4}
    assert shown_problems(attempt([loose], fields=INVALID, focus=marked)) == ["not-announced"]
    # a live region announces whatever the focus does
    assert shown_problems(attempt([{**loose, "announced": True}], fields=INVALID)) == []


def test_records_made_before_the_probe_looked_at_the_focus_still_judge():
    # the focused field is tied to a message: its description is the error
    assert focus_announces(attempt([QUIET], fields=INVALID))
    assert not focus_announces(attempt([{**QUIET, "tied": [1]}], fields=INVALID))
    assert focus_announces(attempt([QUIET], focus_in_message=True))


def test_a_form_that_asks_one_thing_needs_no_inline_validation():
    msg = {"text": "Please enter a valid email.", "tied": [0], "near": 0, "distance": 2}
    ok = attempt(
        [{**msg, "announced": True}],
        fields=[{"found": True, "value": "a.example", "aria_invalid": True, "focused": True}],
    )
    bad = {**ok, "email_field": 0, "typed": [[0, "a.example"]]}
    blur = {"field": 0, "messages": [], "fields": [{"found": True}]}
    one = probe("/a", ok, bad, blur=blur, kind="newsletter", labels=['"Email"'], single=True)
    assert titles(one) == []
    two = probe("/a", ok, bad, blur=blur, kind="newsletter", single=False)
    assert titles(two) == ["No inline validation"]


def test_payment_and_search_forms_can_never_be_probed():
    for kinds in (["payment"], ["search"], ["contact", "payment"]):
        settings = quick_settings(checks={"forms.error-handling": {"probe_kinds": kinds}})
        with pytest.raises(ConfigError, match=r"forms.error-handling.*probe_kinds"):
            load_checks(settings, ["forms.error-handling"])
    check = ErrorHandling({"server_validation": ["/contact*", "#news"]})
    assert check.server_allowed(S + "/contact?x=1", {}, "contact")
    assert check.server_allowed(S + "/", {"id": "news"}, "newsletter")
    assert not check.server_allowed(S + "/contact", {}, "payment")
    assert not check.server_allowed(S + "/register", {}, "registration")


async def audit(browser, tmp_path, routes=ROUTES, **options):
    settings = quick_settings(
        audit={"checks": ["forms.error-handling"]},
        checks={"forms.error-handling": options} if options else {},
    )
    with FixtureServer(routes) as server:
        path = await run_audit(server.base_url, settings, tmp_path, browser=browser)
    results = json.loads(path.read_text())
    found = {}
    for f in results["findings"]:
        found.setdefault(f["url"].removeprefix(server.base_url.rstrip("/")), []).append(f)
    (entry,) = [c for c in results["checks"] if c["id"] == "forms.error-handling"]
    return found, server.log, entry["details"]


async def test_probes_find_missing_and_untied_errors_and_send_nothing(browser, tmp_path):
    found, log, details = await audit(browser, tmp_path)
    # the proof: the server saw page loads only; no submission, none of the typed values
    assert {method for method, _ in log} <= {"GET", "HEAD"}
    assert not any(path.startswith("/send") for _, path in log)
    assert not any("anna" in path.lower() or "probe" in path.lower() for _, path in log)
    assert not any(path.startswith(("/lookup", "/beacon", "/socket")) for _, path in log)
    titles_by_page = {path: sorted(bare(f["title"]) for f in fs) for path, fs in found.items()}
    assert titles_by_page == {
        "/silent": [
            "Malformed email address accepted",
            "No error when the form is sent empty",
            "No inline validation",
        ],
        "/boxed": [
            "Error messages not tied to their fields",
            "Focus not moved to the first error",
            "No inline validation",
        ],
        # one field: left only to be sent, so no inline validation is asked of it
        "/alerted": ["Errors shown in a pop-up dialog"],
        "/terms": ["Malformed email address accepted", "No inline validation"],
    }
    (dialog,) = [f for f in found["/alerted"] if "dialog" in f["title"]]
    assert dialog["evidence"]["dialogs"][0] == "Please enter a valid email address."
    empty = next(f for f in found["/silent"] if f["title"].startswith("No error"))
    assert empty["evidence"]["requests"] == ["POST /send"]
    assert empty["evidence"]["screenshot"].startswith("data:image/jpeg;base64,")
    assert "nothing reached the shop" in empty["message"]
    by_url = {p["url"].rsplit("/", 1)[1]: p for p in details["probes"]}
    assert by_url["good"]["empty"] == "messages" and by_url["good"]["malformed_email"] == "messages"
    assert by_url["silent"]["requests_blocked"] >= 2 and by_url["silent"]["requests_sent"] == 0


async def test_server_validation_lets_only_the_named_form_reach_the_shop(browser, tmp_path):
    other = SILENT.replace('action="/send"', 'action="/send2"').replace("Contact us", "Write")
    routes = {
        "/": page("Home", '<a href="/silent">a</a> <a href="/other">b</a>'),
        "/silent": SILENT,
        "/other": other,
        "/send": page("Thanks", "<h1>Thank you</h1>"),
        "/send2": page("Thanks", "<h1>Thank you</h1>"),
    }
    found, log, details = await audit(browser, tmp_path, routes, server_validation=["/silent"])
    posts = [path for method, path in log if method == "POST"]
    assert posts and set(posts) == {"/send"}  # /other's form was never let through
    by_url = {p["url"].rsplit("/", 1)[1]: p for p in details["probes"]}
    assert by_url["silent"]["requests_sent"] >= 1 and by_url["other"]["requests_sent"] == 0
    seen = next(f for f in found["/silent"] if f["title"].startswith("No error"))
    assert "observed" in seen["message"]
    blocked = next(f for f in found["/other"] if f["title"].startswith("No error"))
    assert "nothing reached the shop" in blocked["message"]


#: a form that checks itself on submit (novalidate), writes each error under its field,
#: ties it with aria-describedby and aria-invalid, in no live region, and checks a
#: malformed email when the field is left; MOVE says where the focus goes on a failure
FOCUS_JS = """
(function () {
  var f = document.getElementById('f'), MOVE = '%s';
  function say(el) {
    var id = el.id + '-error', p = document.getElementById(id);
    if (!p) { p = document.createElement('p'); p.id = id; p.className = 'error';
      el.insertAdjacentElement('afterend', p); }
    p.textContent = el.validity.valueMissing ? 'Please enter ' + el.dataset.what + '.'
      : 'Please enter a valid email address, for example name@example.com.';
    el.setAttribute('aria-invalid', 'true'); el.setAttribute('aria-describedby', id);
  }
  f.addEventListener('blur', function (e) {
    if (e.target.willValidate && e.target.value && !e.target.checkValidity()) say(e.target);
  }, true);
  f.addEventListener('submit', function (e) {
    var bad = Array.prototype.filter.call(f.elements, function (el) {
      return el.willValidate && !el.checkValidity(); });
    if (!bad.length) return;
    e.preventDefault(); bad.forEach(say);
    if (MOVE === 'field') bad[0].focus();
    if (MOVE === 'summary') {
      var s = document.getElementById('summary'); s.hidden = false;
      s.querySelector('ul').innerHTML = bad.map(function (el) {
        return '<li><a href="#' + el.id + '">' + document.getElementById(el.id + '-error')
          .textContent + '</a></li>'; }).join('');
      s.focus();
    }
  });
})();
"""
ASKED = (
    '<label for="n">Name *</label><input id="n" name="name" required data-what="your name">'
    '<label for="e">Email *</label>'
    '<input id="e" name="email" type="email" required data-what="your email address">'
    '<label for="m">Message *</label>'
    '<textarea id="m" name="message" required data-what="your message"></textarea>'
)


def focusing(move: str, action: str) -> str:
    """The contact page whose failed submit moves the focus as ``move`` says (the
    address tells the forms apart: the same form on many pages is probed once)."""
    return page(
        "Contact",
        "<h1>Contact us</h1><p>Fields marked * are required.</p>"
        '<div id="summary" tabindex="-1" hidden><h2>There is a problem</h2><ul></ul></div>'
        f'<form id="f" action="{action}" method="post" novalidate>{ASKED}'
        f'<button type="submit">Send message</button></form><script>{FOCUS_JS % move}</script>',
    )


#: a language switcher: one menu, sent to an address of its own
SWITCHER = (
    '<footer><form action="/i18n/setlang/" method="post">'
    '<label for="lang">Language</label><select id="lang" name="language">'
    '<option value="en">English</option><option value="de">Deutsch</option></select>'
    '<button type="submit">Go</button></form></footer>'
)
#: contact pages with the switcher: beside a contact form that checks nothing (still
#: found), and beside one that checks everything (nothing found)
UNCHECKED = SILENT.replace("</form>", "</form>" + SWITCHER)
CHECKED = focusing("field", "/send/field").replace("</script>", "</script>" + SWITCHER, 1)
FIT_ROUTES = {
    "/": page(
        "Home",
        " ".join(
            f'<a href="/{p}">{p}</a>' for p in ("left", "field", "summary", "contact", "kontakt")
        ),
    ),
    "/left": focusing("none", "/send/left"),
    "/field": CHECKED,
    "/summary": focusing("summary", "/send/summary"),
    "/contact": UNCHECKED,
    "/send": page("Thanks", "<h1>Thank you</h1>"),
    "/i18n/setlang/": page("Language", "<h1>Language set</h1>"),
}


async def test_focus_that_reads_the_error_out_and_forms_judged_by_their_fields(browser, tmp_path):
    kinds = ["login", "registration", "checkout", "contact", "newsletter", "other"]
    found, log, details = await audit(browser, tmp_path, FIT_ROUTES, probe_kinds=kinds)
    assert {method for method, _ in log} <= {"GET", "HEAD"}
    titles_by_page = {path: sorted(bare(f["title"]) for f in fs) for path, fs in found.items()}
    # focus left on the button: not announced; moved to the described field or to the
    # summary: announced (and the summary's messages are tied at the fields as well)
    assert titles_by_page == {
        "/left": ["Error messages not announced", "Focus not moved to the first error"],
        "/contact": [
            "Malformed email address accepted",
            "No error when the form is sent empty",
            "No inline validation",
        ],
    }
    by_path = {urlsplit(p["url"]).path: p for p in details["probes"]}
    assert by_path["/field"]["empty"] == "messages" == by_path["/summary"]["empty"]
    assert by_path["/field"]["malformed_email"] == "messages"
    assert [by_path[p]["focus"] for p in ("/left", "/field", "/summary")] == [
        "button",
        "field",
        "summary",
    ]
    # the switcher is no contact form, and with nothing to leave out it is not probed
    # even where forms of any kind are
    assert sorted(by_path) == ["/contact", "/field", "/left", "/summary"]
    assert {p["kind"] for p in details["probes"]} == {"contact"}
    (empty,) = [f for f in found["/contact"] if f["title"].startswith("No error")]
    assert empty["selector"] != 'form[action="/i18n/setlang/"]'
