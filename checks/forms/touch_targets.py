"""forms.touch-targets: fields and buttons big enough for a finger, wide enough to read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from auditor.config import Settings
from auditor.model import Finding
from auditor.plugins import PageView, SiteView

from .classify import field_purpose
from .common import FormsCheck, field_label, forms_in

__all__ = ["TouchTargets"]

#: characters a field must show of its expected content
MIN_CHARS = {"email": 20, "email-confirm": 20, "postal-code": 6, "tel": 12, "cc-number": 19}


#: autocomplete tokens of a part of a number (a country code, an area code, an
#: extension, a month): a field for a part is rightly narrower than the whole
_PART_TOKENS = frozenset(
    """tel-country-code tel-area-code tel-local-prefix tel-local-suffix tel-extension
    cc-exp-month cc-exp-year""".split()
)


def _chars_needed(f: dict, kind: str) -> int | None:
    """How many characters a field must show of what it holds, or None if no rule
    applies (no clear purpose, or a field for a part of a number)."""
    tokens = (f.get("autocomplete") or "").lower().split()
    if tokens and tokens[-1] in _PART_TOKENS:
        return None
    return MIN_CHARS.get(field_purpose(f, kind) or "")


class TouchTargets(FormsCheck):
    """Touch targets and field widths.

    What: on the mobile profile, fields and submit buttons smaller than
    ``min_target_px`` (24 CSS px, WCAG 2.2 SC 2.5.8 Target Size (Minimum); 44 px is
    the recommended size of SC 2.5.5 and Apple's guidelines); on every profile, fields
    too narrow for what they hold (an email address under 20 characters, a postcode
    under 6), so the customer cannot see what they typed; a field for a part of a
    number (its autocomplete token says tel-country-code, tel-extension, ...) is meant
    to be narrow. Search fields are left to the search checks.
    Why: small targets cause mis-taps and zooming; a field that scrolls its own content
    hides typos.
    Example: a 16 px high postcode field 4 characters wide.
    Fix: at least 44x44 px touch targets on phones; size fields to their content.
    """

    id = "forms.touch-targets"
    title = "Touch targets and field widths"
    description = "Field and button sizes on the mobile profile; fields too narrow to read."
    default_options: ClassVar[dict[str, Any]] = {"min_target_px": 24, "recommended_px": 44}
    option_docs: ClassVar[dict[str, str]] = {
        "min_target_px": "smallest touch target on the mobile profile before a finding "
        "(WCAG 2.5.8: 24)",
        "recommended_px": "size named in the recommendation (WCAG 2.5.5, Apple: 44)",
    }

    def __init__(self, options: dict[str, Any] | None = None, severity: str = ""):
        super().__init__(options, severity)
        self.mobile = False

    def configure(self, settings: Settings) -> None:
        self.mobile = settings.browser.profile == "mobile"

    def evaluate(self, pages: Iterable[PageView], site: SiteView) -> list[Finding]:
        out: list[Finding] = []
        least, good = self.options["min_target_px"], self.options["recommended_px"]
        for case in forms_in(pages):
            if case.kind == "search":
                continue
            if self.mobile:
                small = [
                    f
                    for f in case.fields
                    if f.get("type") not in ("checkbox", "radio")
                    and 0 < min(f.get("width", 0), f.get("height", 0)) < least
                ]
                small += [
                    b
                    for b in case.form.get("buttons", [])
                    if b.get("submit")
                    and b.get("visible")
                    and 0 < min(b.get("width", 0), b.get("height", 0)) < least
                ]
                if small:
                    first = small[0]
                    out.append(
                        self.form_finding(
                            case,
                            "small-target",
                            selector=first.get("selector"),
                            snippet=first.get("snippet"),
                            severity="moderate",
                            title="Touch targets too small on a phone",
                            message=f"{len(small)} control(s) of {case.name} are smaller than "
                            f"{least}x{least} px on the mobile profile, e.g. "
                            f"{first.get('width')}x{first.get('height')} px "
                            f"({field_label(first) if 'label_text' in first else 'a button'}).",
                            recommendation=f"Make fields and buttons at least {good}x{good} px "
                            f"on phones (WCAG 2.5.8 asks for {least} at the very least).",
                            evidence={
                                "value": min(first.get("width", 0), first.get("height", 0)),
                                "limit": least,
                                "unit": "px",
                                "width": first.get("width"),
                                "height": first.get("height"),
                                "recommended": good,
                                "controls": len(small),
                            },
                            params={
                                "count": len(small),
                                "least": least,
                                "good": good,
                                "width": first.get("width"),
                                "height": first.get("height"),
                                "control": field_label(first) if "label_text" in first else "",
                            },
                        )
                    )
            for f in case.fields:
                need = _chars_needed(f, case.kind)
                chars = f.get("chars") or 0
                if need and 0 < chars < need:
                    out.append(
                        self.form_finding(
                            case,
                            "narrow-field",
                            field=f,
                            severity="minor",
                            title="Field too narrow for its content",
                            message=f"The field {field_label(f)} of {case.name} shows about "
                            f"{chars} characters; its content needs about {need}, so the "
                            "customer cannot see all they typed.",
                            recommendation=f"Make it at least {need} characters wide "
                            f"(width: {need + 2}ch).",
                            evidence={"value": chars, "limit": need, "unit": "characters"},
                            params={"chars": chars, "need": need, "width": need + 2},
                        )
                    )
        return out
