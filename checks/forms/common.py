"""What the forms checks share: the gather step, the walk over forms, stable keys."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from auditor.checkkit import OncePerTemplate
from auditor.model import element_shape
from auditor.plugins import Check, PageScript, PageView

from .classify import form_kind, form_name, form_noun, visible_fields
from .gather import FORMS_JS, forms_to_judge, gather_once

__all__ = ["FormCase", "FormsCheck", "field_label", "forms_in", "single_field"]


@dataclass
class FormCase:
    """One form on one page, with what it is."""

    page: PageView
    form: dict
    kind: str
    name: str
    fields: list[dict]

    @property
    def signature(self) -> str:
        """The same form on other pages and in the next run: its address, selector, opening
        tag and field names (paths, not hosts), or the template for a group of inputs
        outside a form. A header's search form on every template is one form."""
        action = urlsplit(self.form.get("action") or "").path
        where = action if self.form.get("element") == "form" else self.page.template
        names = ",".join(f.get("name") or f.get("id") or "" for f in self.fields)
        shape = hashlib.sha1(f"{self.form.get('snippet', '')}|{names}".encode()).hexdigest()[:8]
        return f"{self.kind}|{where}|{self.form.get('selector', '')}|{shape}"

    @property
    def component(self) -> str:
        """The form as one thing to fix on every page: its kind, address and selector
        without positions, nothing a page adds (a facet widget's options differ per
        category page; its fields lacking labels are one defect, not one per page)."""
        action = urlsplit(self.form.get("action") or "").path
        return f"{self.kind}|{action}|{element_shape(self.form.get('selector') or '')}"


def forms_in(pages: Iterable[PageView]) -> Iterator[FormCase]:
    """Every gathered form, in crawl order."""
    for page in pages:
        data = page.data
        if not isinstance(data, dict):
            continue
        for form in data.get("forms") or []:
            kind = form_kind(form, page.final_url or page.url)
            yield FormCase(page, form, kind, form_name(form, kind), visible_fields(form))


def single_field(case: FormCase) -> bool:
    """Whether the form asks for one thing only (a newsletter's email, a coupon code, a
    search); a box beside it (consent, remember me) is no second question. What such a
    form needs is plain from the form itself."""
    return len([f for f in case.fields if f.get("type") not in ("checkbox", "radio")]) == 1


def field_label(field: dict) -> str:
    """How to name a field to a person: its label, else what it offers instead."""
    for key in ("label_text", "aria_label", "labelledby", "placeholder", "name", "id"):
        value = (field.get(key) or "").replace("*", "").strip()
        if value:
            return f'"{value[:50]}"'
    return f"a {field.get('type', 'text')} field"


class FormsCheck(Check):
    """Base of the static forms checks: the shared, read-only gatherer."""

    category = "forms"

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self._seen = OncePerTemplate()
        #: the structures of the forms judged so far (``gather.form_print``)
        self._known: set[str] = set()

    def page_script(self, ctx: Any) -> PageScript | None:
        """The forms of every successful page, read by one DOM walk that all the forms
        checks share (the engine runs one script once per trip); each check keeps the
        forms it has not judged yet (``gather.gather_once``)."""
        if ctx.status is None or not 200 <= ctx.status < 300:
            return None
        first = self._seen.first(ctx.template)
        return PageScript(FORMS_JS, None, partial(forms_to_judge, first=first, known=self._known))

    async def gather(self, page: Any, ctx: Any) -> dict | None:
        return await gather_once(self._seen, page, ctx, self._known)

    def form_finding(self, case: FormCase, what: str, *, field: dict | None = None, **kw):
        """A finding about one form (and field), keyed so that it is the same finding on
        every page and template that shows the same form."""
        target = field or {}
        selector, snippet = kw.pop("selector", None), kw.pop("snippet", None)
        kw["title"] = f"{kw['title']} ({form_noun(case.kind)})"
        # the text's kind and values, so that a report can say it in another language
        kw.setdefault("message_id", f"{self.id}.{what}")
        kw["params"] = {
            "form": form_noun(case.kind),
            "name": (case.form.get("aria_label") or case.form.get("heading") or "")[:60],
            **({"field": field_label(target).strip('"')} if field else {}),
            **kw.get("params", {}),
        }
        return self.finding(
            url=case.page.url,
            selector=target.get("selector") or selector or case.form["selector"],
            snippet=target.get("snippet") or snippet or case.form.get("snippet"),
            key=f"{what}|{case.signature}",
            group=case.component,
            **kw,
        )


#: forms a check records facts of in its details (the report's Forms section)
MAX_FORM_FACTS = 100


def form_facts(case: FormCase, **facts: Any) -> dict[str, Any]:
    """One form's facts as a check records them in its details: where it is, what it is
    (the names the error-handling probe uses too), and the check's own figures. A form
    without findings then still shows its figures in the report."""
    return {"url": case.page.url, "form": case.name[:120], "kind": case.kind, **facts}
