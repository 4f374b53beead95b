"""The reports say when an audit was cut short (results.json ``cut_short``)."""

from __future__ import annotations

import copy
import json
import sys

import jsonschema
import pytest

from .test_html import SAMPLE, SCHEMA, load_reports, parse

reports = load_reports()
html_mod = sys.modules[reports.__name__ + ".html"]
common = sys.modules[reports.__name__ + ".common"]
structure_mod = sys.modules[reports.__name__ + ".sections.structure"]
a11y_mod = sys.modules[reports.__name__ + ".sections.accessibility"]
render_html = reports.render_html
render_markdown = reports.render_markdown

CUTS = {
    "max_duration": {
        "reason": "max_duration",
        "message": "time limit of 10 min reached",
        "after_s": 600.2,
    },
    "signal": {"reason": "signal", "message": "stopped by SIGTERM after 42 s", "after_s": 42.0},
    "error": {
        "reason": "error",
        "message": "RuntimeError: the browser closed unexpectedly",
        "after_s": 75.5,
    },
}


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def cut(sample: dict, reason: str | None, unvisited: int | None = 118) -> dict:
    results = copy.deepcopy(sample)
    results["cut_short"] = copy.deepcopy(CUTS[reason]) if reason else None
    results["interrupted"] = reason in ("signal", "error")
    if unvisited is not None:
        results["stats"]["pages_unvisited"] = unvisited
    results["stats"]["stages"] = {"crawl": 580.1, "site": 12.5, "evaluate": 7.6}
    return results


def notices(document: str) -> list[str]:
    """The text of every notice paragraph near the top (in the header)."""
    header = document[document.index('<header class="hero">') : document.index("</header>")]
    out = []
    rest = header
    while '<p class="notice' in rest:
        rest = rest[rest.index('<p class="notice') :]
        out.append(rest[: rest.index("</p>")])
        rest = rest[len(out[-1]) :]
    return out


def md_notices(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("> ")]


# --------------------------------------------------------------------------- schema


@pytest.mark.parametrize("reason", [*CUTS, None])
def test_schema_accepts_cut_short_and_the_new_stats(sample, validator, reason):
    validator.validate(cut(sample, reason))


def test_schema_still_accepts_files_without_the_new_keys(sample, validator):
    assert "cut_short" not in sample
    assert "stages" not in sample["stats"] and "pages_unvisited" not in sample["stats"]
    validator.validate(sample)


@pytest.mark.parametrize(
    "bad",
    [
        {"reason": "boredom", "message": "x", "after_s": 1},
        {"reason": "signal", "message": "x"},
        {"reason": "signal", "message": "x", "after_s": -1},
        {"reason": "signal", "message": "x", "after_s": 1, "extra": 1},
        "max_duration",
    ],
)
def test_schema_rejects_a_malformed_cut_short(sample, validator, bad):
    results = copy.deepcopy(sample)
    results["cut_short"] = bad
    assert list(validator.iter_errors(results))


def test_schema_rejects_malformed_new_stats(sample, validator):
    for key, value in [("stages", {"crawl": "slow"}), ("pages_unvisited", -1)]:
        results = copy.deepcopy(sample)
        results["stats"][key] = value
        assert list(validator.iter_errors(results)), key


# --------------------------------------------------------------------------- HTML


@pytest.mark.parametrize(
    ("reason", "why"),
    [
        ("max_duration", "It reached its time limit after 10 min 0 s."),
        (
            "signal",
            "It was stopped after 42 s, before it had finished (stopped by SIGTERM after 42 s).",
        ),
        (
            "error",
            "It stopped after 1 min 16 s because of an internal error: "
            "RuntimeError: the browser closed unexpectedly.",
        ),
    ],
)
def test_html_notice_says_why_when_and_how_much(sample, tmp_path, reason, why):
    document = render_html(cut(sample, reason), tmp_path).read_text(encoding="utf-8")
    found = notices(document)
    assert len(found) == 1, found  # one notice, even when interrupted is true as well
    notice = found[0]
    assert "The audit was cut short." in notice
    assert why in notice
    assert "It audited 13 pages; 118 more addresses it had found were left unvisited." in notice
    assert "Pages it did not visit are not judged in this report." in notice
    assert ("These results are partial." in notice) is (reason != "max_duration")
    assert "The audit was interrupted." not in document
    # near the top: before the first section
    assert document.index("The audit was cut short.") < document.index('<section id="categories"')


def test_html_notice_without_unvisited_count(sample, tmp_path):
    results = cut(sample, "max_duration", unvisited=None)
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    (notice,) = notices(document)
    assert "It audited 13 pages. Pages it did not visit" in notice
    assert "unvisited" not in notice


def test_html_no_notice_when_not_cut_short(sample, tmp_path):
    for results in (copy.deepcopy(sample), cut(sample, None)):
        document = render_html(results, tmp_path).read_text(encoding="utf-8")
        assert notices(document) == []
        assert "cut short" not in document


def test_html_old_interrupted_notice_stays_for_old_files(sample, tmp_path):
    results = copy.deepcopy(sample)
    results["interrupted"] = True
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    (notice,) = notices(document)
    assert "The audit was interrupted." in notice
    assert "cut short" not in document


def test_html_notice_escapes_the_message(sample, tmp_path):
    results = cut(sample, "error")
    results["cut_short"]["message"] = "<script>alert(1)</script>\nsecond line" + "x" * 5000
    document = render_html(results, tmp_path).read_text(encoding="utf-8")
    (notice,) = notices(document)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; second line" in notice
    assert "<script" not in document
    assert len(notice) < 1200
    assert not {tag for tag, _ in parse(notice).tags} - {"p", "strong"}


def test_view_tolerates_odd_values():
    view = html_mod.cut_short_view
    assert view({}) is None
    assert view({"cut_short": None}) is None
    assert view({"cut_short": "signal"}) is None
    odd = view({"cut_short": {"reason": "boredom", "after_s": "soon"}, "pages": [{}, {}]})
    assert odd is not None
    assert odd["why"] == "It stopped early."
    assert odd["detail"].startswith("It audited 2 pages.")


# --------------------------------------------------------------------------- Markdown


@pytest.mark.parametrize("reason", list(CUTS))
def test_markdown_has_one_line_saying_the_same(sample, tmp_path, reason):
    text = render_markdown(cut(sample, reason), tmp_path).read_text(encoding="utf-8")
    found = md_notices(text)
    assert len(found) == 1, found
    line = found[0]
    assert line.startswith("> **The audit was cut short.** ")
    view = html_mod.cut_short_view(cut(sample, reason))
    assert view["after"] in line
    assert "13 pages; 118 more addresses it had found were left unvisited." in line
    assert "not judged" in line
    assert "Interrupted" not in text
    assert text.index(line) < text.index("## Categories")


def test_markdown_no_line_when_not_cut_short(sample, tmp_path):
    for results in (copy.deepcopy(sample), cut(sample, None)):
        text = render_markdown(results, tmp_path).read_text(encoding="utf-8")
        assert md_notices(text) == []


def test_markdown_old_interrupted_line_stays_for_old_files(sample, tmp_path):
    results = copy.deepcopy(sample)
    results["interrupted"] = True
    text = render_markdown(results, tmp_path).read_text(encoding="utf-8")
    assert md_notices(text) == [
        "> **Interrupted:** the audit stopped early; these results are partial."
    ]


def test_markdown_line_escapes_the_message(sample, tmp_path):
    results = cut(sample, "signal")
    results["cut_short"]["message"] = "a | b\n[x](javascript:alert(1)) <b>"
    text = render_markdown(results, tmp_path).read_text(encoding="utf-8")
    (line,) = md_notices(text)
    assert "a \\| b \\[x\\](javascript:alert(1)) &lt;b&gt;" in line
