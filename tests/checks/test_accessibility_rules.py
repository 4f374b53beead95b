"""The accessibility checks' pure parts on recorded data: each barrier, and its absence."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from auditor.plugins import PageView, SiteView
from checks.accessibility import (
    ChoiceGroups,
    DuplicateIds,
    ImageAlts,
    Keyboard,
    LinkTexts,
    Motion,
    Reflow,
    TextResize,
)
from checks.accessibility.axe import wcag_table
from checks.accessibility.choice_groups import group_problem
from checks.accessibility.image_alts import alt_is_file_name
from checks.accessibility.keyboard import choose_focus_samples, focus_change
from checks.accessibility.link_texts import is_vague
from checks.accessibility.reflow import zoom_blocked

S = "http://shop.test"


def view(path: str, template: str, data, final: str | None = None) -> PageView:
    return PageView(
        url=S + path,
        final_url=S + (final or path),
        status=200,
        template=template,
        depth=1,
        content_type="text/html",
        title="t",
        error=None,
        data=data,
    )


def site(site_data=None) -> SiteView:
    return SiteView(S + "/", {}, {}, [], {}, site_data=site_data)


# ----------------------------------------------------------------------- link texts
@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("click here", True),
        ("Read more »", True),
        ("  Mehr ", True),
        ("hier klicken", True),
        ("Weiterlesen…", True),
        ("Details", True),
        ("Shipping costs and times", False),
        ("Mehr über Versandkosten", False),
        ("Weiter", True),  # out of context; a pager's "Weiter" is let off by its place
        ("Page", True),
        ("»", True),
        (".", True),
        ("Seite 2", False),
    ],
)
def test_vague_link_texts_in_english_and_german(text, vague):
    assert is_vague(text) is vague


def link(name: str, path: str) -> list[str]:
    return [name, S + path, f'a[href="{path}"]', f'<a href="{path}">{name}</a>']


def test_a_footer_link_on_every_template_is_one_finding():
    footer = link("Read more", "/shipping")
    pages = [
        view("/", "/", {"links": [footer]}),
        view("/c/a", "/c/*", {"links": [footer]}),
        view("/p/x", "/p/*", {"links": [footer, link("Details", "/p/y"), link("Details", "/p/z")]}),
    ]
    findings = LinkTexts().evaluate(pages, site())
    by_title = {f.title: f for f in findings}
    read_more = by_title["Link text “Read more” does not say where it leads"]
    assert len(read_more.urls) == 3 and read_more.evidence["targets"] == [S + "/shipping"]
    details = by_title["Link text “Details” does not say where it leads"]
    assert details.evidence["targets_total"] == 2 and details.urls == [S + "/p/x"]
    assert len(findings) == 2


def test_one_text_for_two_destinations_unless_one_redirects_to_the_other():
    links = [link("Sale", "/sale"), link("Sale", "/category/sale"), link("Tents", "/c/tents")]
    pages = [view("/", "/", {"links": links})]
    (finding,) = LinkTexts().evaluate(pages, site())
    assert finding.title == "One link text, 2 destinations: “sale”"
    redirect = view("/sale", "/sale", None, final="/category/sale")
    assert LinkTexts().evaluate([*pages, redirect], site()) == []


def test_descriptive_links_give_no_finding():
    links = [link("Shipping costs", "/shipping"), link("Contact us", "/contact")]
    assert LinkTexts().evaluate([view("/", "/", {"links": links})], site()) == []
    extra = LinkTexts({"extra_vague_texts": ["Contact us"]})
    assert [
        f.evidence["link_text"] for f in extra.evaluate([view("/", "/", {"links": links})], site())
    ] == ["Contact us"]


# ----------------------------------------------------------------------- image alts
@pytest.mark.parametrize(
    ("alt", "src", "expected"),
    [
        ("IMG_1234.jpg", "/i/x.jpg", True),
        ("DSC01234", "/i/x.jpg", True),
        ("alpine-shell-jacket", "/img/alpine-shell-jacket.jpg", True),
        ("alpine-shell-jacket.jpg", "/img/other.jpg", True),
        ("8f3a9c2e7b1d", "/i/x.jpg", True),
        ("Alpine Shell Jacket", "/img/alpine-shell-jacket.jpg", False),
        ("Red jacket, front view", "/img/1234.jpg", False),
        ("", "/img/a.jpg", False),
    ],
)
def test_alt_text_that_is_a_file_name(alt, src, expected):
    assert alt_is_file_name(alt, src) is expected


def test_file_name_alts_are_one_finding_per_template():
    images = {
        "images": [
            ["IMG_1.jpg", S + "/1.jpg", 'img[src="/1.jpg"]', "<img>", True],
            ["IMG_2.jpg", S + "/2.jpg", 'img[src="/2.jpg"]', "<img>", True],
            ["Red jacket", S + "/3.jpg", 'img[src="/3.jpg"]', "<img>", True],
        ]
    }
    (finding,) = ImageAlts().evaluate(
        [view("/c/a", "/c/*", images), view("/c/b", "/c/*", images)], site()
    )
    assert finding.evidence["alt_texts"] == ["IMG_1.jpg", "IMG_2.jpg"]
    assert finding.severity == "serious" and len(finding.urls) == 2  # linked images
    clean = {"images": [["Red jacket", S + "/3.jpg", "img", "<img>", False]]}
    assert ImageAlts().evaluate([view("/c/a", "/c/*", clean)], site()) == []


# ----------------------------------------------------------------------- duplicate ids
def test_duplicate_ids_referenced_are_serious_unreferenced_minor():
    data = {"duplicates": [["size", 2, True, "<select id=size>"], ["x", 3, False, "<p id=x>"]]}
    findings = DuplicateIds().evaluate([view("/p/a", "/p/*", data)], site())
    assert {(f.evidence["id"], f.severity) for f in findings} == {
        ("size", "serious"),
        ("x", "minor"),
    }
    assert DuplicateIds().evaluate([view("/p/a", "/p/*", {"duplicates": []})], site()) == []


# ----------------------------------------------------------------------- motion
def test_moving_carousel_without_pause_and_silent_short_video_pass():
    data = {
        "carousels": [
            {"selector": "div.hero", "html": "<div>", "moves": True, "pause": False},
            {"selector": "div.brands", "html": "<div>", "moves": True, "pause": True},
            {"selector": "div.static", "html": "<div>", "moves": False, "pause": False},
        ],
        "videos": [
            {
                "selector": "video#a",
                "html": "<video>",
                "controls": False,
                "pause": False,
                "long": True,
            },
            {
                "selector": "video#b",
                "html": "<video>",
                "controls": True,
                "pause": False,
                "long": True,
            },
            {
                "selector": "video#c",
                "html": "<video>",
                "controls": False,
                "pause": False,
                "long": False,
            },
        ],
    }
    findings = Motion().evaluate([view("/", "/", data)], site())
    assert sorted(f.selector for f in findings) == ["div.hero", "video#a"]


# ----------------------------------------------------------------------- keyboard
def kb_page(path: str, template: str, **over) -> dict:
    base = {
        "url": S + path,
        "template": template,
        "elements": 9,
        "reached": 9,
        "unreached": [],
        "walk": "wrapped",
        "trapped_at": None,
        "focus_compared": 9,
        "no_focus_indicator": [],
        "skip": {
            "found": True,
            "text": "Skip",
            "href": "#main",
            "target_exists": True,
            "works": True,
        },
        "screenshot": None,
    }
    return {**base, **over}


def test_keyboard_findings_from_probe_data():
    no_focus = [{"desc": 'a[href="/c/a"]', "html": "<a>", "text": "A", "changed_px": 0}]
    data = {
        "pages": [
            kb_page("/", "/", no_focus_indicator=no_focus),
            kb_page("/c/a", "/c/*", no_focus_indicator=no_focus),
            kb_page("/news", "/news", trapped_at={"desc": "input#email", "html": "<input>"}),
            kb_page(
                "/faq", "/faq", unreached=[{"desc": "div.menu", "html": "<div>", "text": "Menu"}]
            ),
            kb_page(
                "/help",
                "/help",
                skip={
                    "found": True,
                    "text": "Skip",
                    "href": "#content",
                    "target_exists": False,
                    "works": False,
                },
            ),
            kb_page("/about", "/about", skip={"found": False, "first": 'a[href="/"]'}),
            kb_page("/tiny", "/tiny", elements=2, skip={"found": False, "first": None}),
        ],
        "errors": [],
        "seconds": 3.0,
    }
    check = Keyboard()
    findings = {f.title: f for f in check.evaluate([], site(data))}
    assert findings["Keyboard focus is trapped"].severity == "critical"
    focus = findings["No visible focus indicator in the header or menu"]
    assert len(focus.urls) == 2  # the same header on two templates: one finding
    assert findings["Header or menu elements that Tab never reaches"].selector == "div.menu"
    assert "does not exist" in findings["The skip link does not work"].message
    missing = findings["No skip link to the main content"]
    assert missing.urls == [S + "/about"]  # a page with two links needs no skip link
    assert len(findings) == 5
    assert check.details["pages_probed"] == 7 and check.details["seconds_per_page"] == 0.43


def test_keyboard_clean_probe_gives_nothing():
    data = {"pages": [kb_page("/", "/"), kb_page("/c/a", "/c/*")], "errors": [], "seconds": 1.0}
    assert Keyboard().evaluate([], site(data)) == []


def _png(color: tuple[int, int, int], ring: bool) -> bytes:
    image = Image.new("RGB", (60, 30), (255, 255, 255))
    for x in range(60):
        for y in range(30):
            if 10 <= x < 50 and 10 <= y < 20:
                image.putpixel((x, y), color)
            elif ring and (x < 3 or x >= 57 or y < 3 or y >= 27):
                image.putpixel((x, y), (200, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_focus_change_sees_an_outline_and_not_its_absence():
    plain = _png((20, 40, 60), ring=False)
    assert focus_change(plain, plain) == {"changed_px": 0, "share": 0.0}
    ringed = focus_change(plain, _png((20, 40, 60), ring=True))
    assert ringed["changed_px"] > 400 and ringed["share"] > 0.2


# ----------------------------------------------------------------------- reflow, text
@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("width=device-width, initial-scale=1", None),
        ("width=device-width, user-scalable=no", "user-scalable=no"),
        ("width=device-width,user-scalable=0", "user-scalable=no"),
        ("width=device-width, maximum-scale=1.0", "maximum-scale=1.0"),
        ("width=device-width, maximum-scale=5", None),
        (None, None),
    ],
)
def test_zoom_blocked(content, why):
    assert zoom_blocked(content) == why


def test_reflow_findings_group_zoom_across_templates_and_width_per_template():
    meta = "width=device-width, user-scalable=no"
    page = {"viewport_meta": meta, "window_px": 320, "page_px": 320, "main_px": 300, "wide": []}
    wide = {
        **page,
        "viewport_meta": "width=device-width",
        "page_px": 700,
        "wide": [{"selector": "table.sizes", "html": "<table>", "right_px": 700}],
    }
    data = {
        "pages": [
            {"url": S + "/", "template": "/", **page},
            {"url": S + "/imprint", "template": "/imprint", **page},
            {"url": S + "/c/a", "template": "/c/*", **wide},
        ]
    }
    findings = {f.title: f for f in Reflow().evaluate([], site(data))}
    assert len(findings["Pinch zoom is switched off"].urls) == 2
    assert findings["Sideways scrolling at 320 px"].selector == "table.sizes"
    clean = {
        "pages": [{"url": S + "/", "template": "/", **page, "viewport_meta": "width=device-width"}]
    }
    assert Reflow().evaluate([], site(clean)) == []


def test_text_resize_findings():
    clipped = [{"selector": "header", "html": "<header>", "text": "Shop", "hidden_px": 40}]
    data = {
        "pages": [
            {"url": S + "/", "template": "/", "roots": 2, "clipped": clipped},
            {"url": S + "/c", "template": "/c", "roots": 2, "clipped": []},
        ]
    }
    (finding,) = TextResize().evaluate([], site(data))
    assert finding.urls == [S + "/"] and finding.evidence["hidden_px"] == 40
    assert "200 %" in finding.title
    assert "200 %, 1 box cut off" in finding.message
    # Shuup's product cards: four names cut off ("4 boxs" before)
    data["pages"][0]["clipped"] = clipped * 4
    (finding,) = TextResize().evaluate([], site(data))
    assert "200 %, 4 boxes cut off their text" in finding.message


# ----------------------------------------------------------------------- WCAG table
def test_wcag_table_counts_rules_per_criterion():
    rules = {
        "image-alt": {"impact": "critical", "wcag": ["1.1.1"], "passed": 2, "failed": 1},
        "input-image-alt": {"impact": None, "wcag": ["1.1.1", "4.1.2"], "passed": 3, "failed": 0},
        "color-contrast": {"impact": "serious", "wcag": ["1.4.3"], "passed": 0, "failed": 3},
    }
    table = {row["criterion"]: row for row in wcag_table(rules)}
    assert list(table) == ["1.1.1", "1.4.3", "4.1.2"]
    assert table["1.1.1"]["rules_failed"] == ["image-alt"]
    assert table["1.1.1"]["rules_passed"] == ["input-image-alt"]
    assert table["1.4.3"]["pages_failed"] == 3


@pytest.mark.parametrize("value", [[1], [""], ["ok", None]])
def test_extra_vague_texts_must_be_texts(value):
    from auditor.errors import ConfigError
    from auditor.plugins import load_checks
    from tests.conftest import quick_settings

    settings = quick_settings(audit={"checks": ["accessibility.link-texts"]})
    settings.checks["accessibility.link-texts"] = {"extra_vague_texts": value}
    with pytest.raises(ConfigError) as err:
        load_checks(settings)
    assert 'checks."accessibility.link-texts".extra_vague_texts' in str(err.value)


# ------------------------------------------------------- beyond the header (issue 22)
def test_pagination_may_say_weiter_and_a_pseudo_link_is_found():
    pager = ["Weiter", S + "/c?page=2", 'a[href="/c?page=2"]', "<a>Weiter</a>", True]
    loose = ["weiter", S + "/about", 'a[href="/about"]', "<a>weiter</a>", False]
    pseudo = [
        ["Show more colours", "#", 'a[href="#"]', '<a href="#">Show more colours</a>'],
        ["Print", "javascript:print()", 'a[href="javascript:print()"]', "<a>Print</a>"],
    ]
    pages = [
        view("/c", "/c", {"links": [pager], "pseudo": pseudo}),
        view("/d", "/d", {"links": [], "pseudo": pseudo[:1]}),
        view("/e", "/e", {"links": [loose], "pseudo": []}),
    ]
    findings = {f.title: f for f in LinkTexts().evaluate(pages, site())}
    assert findings["Link text “weiter” does not say where it leads"].urls == [S + "/e"]
    hashed = findings['Links to "#" that act as buttons (1 link)']
    assert hashed.urls == [S + "/c", S + "/d"]  # the same link on two templates: one finding
    assert hashed.evidence["wcag"] == ["4.1.2", "2.4.4"]
    assert findings['Links to "javascript:" that act as buttons (1 link)'].urls == [S + "/c"]
    assert len(findings) == 3


def test_choice_groups_need_a_legend_or_a_named_group():
    base = {"type": "radio", "name": "delivery", "inputs": 2, "options": ["A", "B"],
            "fieldset": False, "legend": "", "fieldset_name": "", "group_role": "",
            "group_name": "", "question": "How?", "selector": "div.opts", "html": "<div>"}  # fmt: skip
    assert group_problem(base) == "no fieldset and legend, no named role=group"
    assert group_problem({**base, "fieldset": True}) == "a fieldset without a legend"
    assert group_problem({**base, "fieldset": True, "legend": "Delivery"}) is None
    assert group_problem({**base, "group_role": "radiogroup"}) == "role=radiogroup without a name"
    assert group_problem({**base, "group_role": "radiogroup", "group_name": "Delivery"}) is None
    pages = [
        view("/a", "/pages/*", {"groups": [base]}),
        view(
            "/b",
            "/pages/*",
            {"groups": [base, {**base, "name": "x", "legend": "X", "fieldset": True}]},
        ),
    ]
    (finding,) = ChoiceGroups().evaluate(pages, site())
    assert finding.urls == [S + "/a", S + "/b"] and finding.severity == "serious"
    assert finding.evidence["wcag"] == ["1.3.1", "3.3.2"]


def test_focus_samples_take_one_of_each_kind_first():
    link = {"tag": "a", "region": "menu", "classes": ""}
    button = {"tag": "button", "region": "content", "classes": "buy"}
    field = {"tag": "input", "type": "email", "region": "content", "classes": ""}
    assert choose_focus_samples([link, link, link, button, field, button]) == [0, 3, 4, 1, 2, 5]


def test_no_focus_in_the_content_is_one_finding_per_kind_with_its_pages():
    button = {"desc": "button.buy", "html": "<button>", "text": "Buy", "changed_px": 0,
              "kind": "button", "region": "content"}  # fmt: skip
    menu = {"desc": 'a[href="/c"]', "html": "<a>", "text": "C", "changed_px": 0,
            "kind": "a", "region": "menu"}  # fmt: skip
    data = {
        "pages": [
            kb_page("/p/1", "/p/*", no_focus_indicator=[button]),
            kb_page("/p/2", "/p/*", no_focus_indicator=[menu, {**button, "desc": "button.x"}]),
        ],
        "errors": [],
        "seconds": 2.0,
        "loaded": 8,
    }
    check = Keyboard()
    findings = {f.title: f for f in check.evaluate([], site(data))}
    buttons = findings["No visible focus indicator on buttons"]
    assert buttons.urls == [S + "/p/1", S + "/p/2"]
    assert buttons.evidence["elements"] == ["button.buy", "button.x"]
    assert "in the content" in buttons.message
    assert findings["No visible focus indicator in the header or menu"].urls == [S + "/p/2"]
    # seconds per page: the probe's time over the pages it loaded, not those it judged
    assert check.details["seconds_per_page"] == 0.25 and check.details["pages_loaded"] == 8


def test_axe_failure_summary_reads_as_one_sentence():
    from checks.accessibility.axe import axe_saw

    text = (
        "Fix any of the following:\n  Element does not have inner text\n"
        "  aria-label attribute does not exist or is empty"
    )
    assert axe_saw(text) == (
        "What axe saw: Element does not have inner text; "
        "aria-label attribute does not exist or is empty."
    )
    assert axe_saw("Fix all of the following:\n") == ""
    assert len(axe_saw("Fix any of the following:\n  " + "x" * 1000)) <= 300
