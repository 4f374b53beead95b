"""JUnit XML (junit.xml): one test case per check and URL template, for CI test views.

A check's findings at or above ``gate.junit_min_severity`` (as recorded in the results'
settings; default serious) fail the test cases of the templates their pages belong to;
a finding on no page (site-wide) fails the check's "(site)" case. A check that was
disabled is skipped, one that crashed is an error. Lower findings show as system-out,
so a CI dashboard lists them without turning the build red.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .common import MAX_MESSAGE, MAX_TITLE, as_list, clip
from .html import write_atomic
from .i18n import finding_text, t
from .machine import (
    DEFAULT_MIN_SEVERITY,
    at_least,
    finding_pages,
    findings,
    page_templates,
    setting,
)

__all__ = ["JUNIT_FILENAME", "build_junit", "render_junit"]

JUNIT_FILENAME = "junit.xml"
SITE = "(site)"
MAX_FAILURE_LINES = 50


def _cases(results: Mapping[str, Any]) -> dict[str, dict[str, list[dict]]]:
    """check id -> template -> its findings; every template rendered gets a case."""
    templates = page_templates(results)
    all_templates = sorted(set(templates.values()))
    checks = [c for c in as_list(results.get("checks")) if isinstance(c, dict) and c.get("id")]
    cases: dict[str, dict[str, list[dict]]] = {
        str(c["id"]): {t: [] for t in all_templates} for c in checks
    }
    for f in findings(results):
        per_check = cases.setdefault(str(f.get("check") or "unknown"), {})
        where = {templates.get(u, SITE) for u in finding_pages(f)} or {SITE}
        for template in where:
            per_check.setdefault(template, []).append(f)
    return cases


def _line(f: Mapping[str, Any], template: str, templates: Mapping[str, str]) -> str:
    on = [u for u in finding_pages(f) if templates.get(u, SITE) == template][:3]
    where = " " + t("on {pages}", pages=", ".join(on)) if on else ""
    return clip(f"[{f.get('severity')}] {finding_text(f, 'title')}{where}", MAX_MESSAGE)


def build_junit(results: Mapping[str, Any]) -> str:
    """The JUnit XML document for ``results``."""
    minimum = str(setting(results, "gate", "junit_min_severity", DEFAULT_MIN_SEVERITY))
    templates = page_templates(results)
    status = {str(c.get("id")): c for c in as_list(results.get("checks")) if isinstance(c, dict)}
    root = ET.Element("testsuites", name="shop auditor")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for check_id, per_template in sorted(_cases(results).items()):
        info = status.get(check_id, {})
        suite = ET.SubElement(root, "testsuite", name=clip(check_id, MAX_TITLE))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for template, found in sorted(per_template.items()):
            case = ET.SubElement(
                suite,
                "testcase",
                classname=clip(check_id, MAX_TITLE),
                name=clip(f"{check_id} {template}", MAX_TITLE * 2),
            )
            counts["tests"] += 1
            if info.get("status") == "disabled":
                ET.SubElement(case, "skipped", message=clip(info.get("reason") or "disabled", 300))
                counts["skipped"] += 1
                continue
            if info.get("status") == "error":
                ET.SubElement(case, "error", message=clip(info.get("reason") or "error", 300))
                counts["errors"] += 1
                continue
            failing = [f for f in found if at_least(f.get("severity"), minimum)]
            lines = [_line(f, template, templates) for f in found][:MAX_FAILURE_LINES]
            if failing:
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=clip(failing[0].get("severity"), 20),
                    message=clip(
                        t(
                            "{n} finding(s) at or above {minimum}: {title}",
                            n=len(failing),
                            minimum=minimum,
                            title=finding_text(failing[0], "title"),
                        ),
                        MAX_TITLE * 2,
                    ),
                )
                failure.text = "\n".join(lines)
                counts["failures"] += 1
            elif lines:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render_junit(results: Mapping[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / JUNIT_FILENAME
    write_atomic(path, build_junit(results))
    return path
