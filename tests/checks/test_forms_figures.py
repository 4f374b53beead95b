"""The forms checks record each form's figures in their details (``details.forms``), so
that the report shows a form without findings with its fields, marks and autofill."""

from auditor.plugins import SiteView
from checks.forms import FormLength, InputTypes, RequiredFields

from .test_forms_recorded import recorded

SITE = SiteView("http://shop.test/", {}, {}, [], {})


def facts(cls, mode: str) -> dict[str, dict]:
    check = cls()
    check.evaluate(recorded(mode), SITE)
    return {
        f"{f['url'].removeprefix('http://shop.test')} {f['kind']}": f
        for f in check.details["forms"]
    }


def test_the_clean_twin_forms_have_figures_without_findings():
    length = facts(FormLength, "clean")
    assert (
        length["/contact contact"]["fields"]
        < length.get("/checkout checkout", {"fields": 99})["fields"]
    )
    assert all(
        isinstance(f["fields"], int) and f["form"].startswith("the ") for f in length.values()
    )
    tokens = facts(InputTypes, "clean")
    assert tokens and all(f["with_token"] == f["needing"] for f in tokens.values())
    marks = facts(RequiredFields, "clean")
    assert marks and all(f["required"] >= 0 and f["marked"] >= 0 for f in marks.values())


def test_the_defective_twin_shows_the_missing_tokens_in_figures():
    tokens = facts(InputTypes, "defects")
    contact = tokens["/contact contact"]
    assert contact["with_token"] < contact["needing"]
    length = facts(FormLength, "defects")
    assert length["/contact contact"]["fields"] == 14
