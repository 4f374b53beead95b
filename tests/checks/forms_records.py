"""Small hand-written form records, shaped like checks/forms/gather.py's output."""

from __future__ import annotations

import re

from auditor.plugins import PageView, SiteView

S = "http://127.0.0.1:9"


def field(name: str, label: str | None = None, **kw) -> dict:
    """A visible, labelled (label[for]) text field; keywords override."""
    label = name.replace("_", " ").capitalize() if label is None else label
    base = {
        "tag": "input",
        "type": "text",
        "name": name,
        "id": name,
        "selector": f"#{name}",
        "snippet": f'<input id="{name}" name="{name}">',
        "autocomplete": None,
        "inputmode": None,
        "pattern": None,
        "minlength": None,
        "maxlength": None,
        "required": False,
        "aria_required": False,
        "aria_invalid": None,
        "describedby": "",
        "described_text": "",
        "errormessage": "",
        "label_for": label,
        "label_wrap": "",
        "labelledby": "",
        "aria_label": "",
        "title": "",
        "placeholder": "",
        "label_text": label,
        "acc_name": label.replace("*", "").strip(),
        "around": label,
        "required_marker": "*" in label,
        "optional_marker": "(optional)" in label,
        "visible": True,
        "width": 300,
        "height": 44,
        "chars": 40,
        "options": None,
        "value_length": 0,
        "password_toggle": False,
    }
    base.update(kw)
    return base


def button(text: str = "Send", **kw) -> dict:
    base = {
        "tag": "button",
        "type": "submit",
        "submit": True,
        "text": text,
        "aria_label": "",
        "labelledby": "",
        "title": "",
        "image_alt": "",
        "icon": False,
        "visible": True,
        "width": 120,
        "height": 44,
        "selector": "form > button",
        "snippet": f"<button>{text}</button>",
    }
    base.update(kw)
    return base


def form(fields: list[dict], buttons: list[dict] | None = None, **kw) -> dict:
    base = {
        "element": "form",
        "selector": kw.pop("selector", "form.main"),
        "snippet": "<form>",
        "id": "",
        "name": "",
        "action": S + kw.pop("action", "/send"),
        "method": "post",
        "novalidate": False,
        "role": "",
        "aria_label": "",
        "heading": "",
        "text": "",
        "before": "",
        "visible": True,
        "captcha": False,
        "fields": fields,
        "fields_total": len(fields),
        "buttons": [button()] if buttons is None else buttons,
    }
    base.update(kw)
    return base


def pages(*forms: dict, path: str = "/p", template: str = "/p") -> list[PageView]:
    return [
        PageView(
            url=S + path,
            final_url=S + path,
            status=200,
            template=template,
            depth=1,
            content_type="text/html",
            title="t",
            error=None,
            data={"url": S + path, "title": "t", "h1": "", "forms": list(forms)},
        )
    ]


def site(data=None) -> SiteView:
    return SiteView(S + "/", {}, {}, [], {}, site_data=data)


def bare(title: str) -> str:
    """A finding's title without the form it names: "... (contact form)" -> "..."."""
    return re.sub(r" \((?:[a-z-]+ )?form\)$", "", title)
