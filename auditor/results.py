"""results.json: written once at the end, read by everything after.

Pages are streamed from the JSONL records into the file one by one, so writing the
results of a big crawl costs no more memory than the crawl did.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema

from .errors import AuditorError
from .model import PageRecord
from .pagekinds import with_roles

__all__ = [
    "METRIC_KEYS",
    "SCHEMA_VERSION",
    "iter_records",
    "load_results",
    "page_entry",
    "results_schema",
    "template_layouts",
    "validate_results",
    "walk_excused",
    "write_results",
]

SCHEMA_VERSION = "1.0"


def walk_excused(walk: Any) -> bool:
    """A customer journey's walk (results.json ``journeys[]``) that the audit could not
    finish for reasons that say nothing about the shop's usability: robots.txt kept it
    out, or a bot wall stopped it. The journeys checks judge nothing of it, the gate
    calls it not walked, the report not stuck. One reading for all three."""
    if not isinstance(walk, dict):
        return False
    stopped = walk.get("stopped") if isinstance(walk.get("stopped"), dict) else {}
    return bool(walk.get("blocked") or stopped.get("blocked") or stopped.get("excused"))


METRIC_KEYS = (
    "ttfb_ms",
    "fcp_ms",
    "lcp_ms",
    "cls",
    "tbt_ms",
    "inp_ms",
    "dcl_ms",
    "load_ms",
    "transfer_bytes",
    "requests",
    "timed_loads",
)
_INT_METRICS = {"transfer_bytes", "requests", "timed_loads"}


def results_schema() -> dict:
    return json.loads(files("auditor").joinpath("schema/results.schema.json").read_text("utf-8"))


def iter_records(path: Path) -> Iterator[PageRecord]:
    """Page records from a JSONL file; a line cut short by a crash is skipped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                yield PageRecord.from_dict(json.loads(line))
            except (json.JSONDecodeError, TypeError, KeyError):
                continue


def page_entry(record: PageRecord, depth: int | None, kind: str | None = None) -> dict:
    """A page of results.json. ``kinds`` adds the key roles the page serves besides its
    primary ``kind`` (a "Delivery & returns" page is shipping and returns)."""
    metrics: dict[str, Any] = {}
    for key in METRIC_KEYS:
        value = record.metrics.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            metrics[key] = int(value) if key in _INT_METRICS else value
    entry = {
        "url": record.url,
        "final_url": record.final_url,
        "status": record.status,
        "depth": depth,
        "redirects": record.redirects,
        "template": record.template,
        "layout": record.layout or None,
        "content_type": record.content_type,
        "title": record.title,
        "metrics": metrics,
        "kind": kind,
        "kinds": with_roles(kind, record.url, record.title, record.structure) if kind else [],
        "error": None
        if record.error is None
        else {"code": record.error.code, "message": record.error.message},
    }
    if record.worker:  # --executor dask: the machine the figures were measured on
        entry["worker"] = record.worker
    return entry


def template_layouts(records: Iterable[PageRecord], mapped: Iterable[Any]) -> list[dict]:
    """The pages of each URL template by layout (auditor.skeleton): how many the
    browser rendered and the link map read, with an example address, templates and
    layouts in order of size. ``mapped``: the link map's pages (``template``, ``layout``
    and ``url`` attributes). A page whose layout could not be told has layout None."""
    groups: dict[tuple[str, str], dict] = {}

    def count(template: str, layout: str | None, url: str, how: str) -> None:
        key = (template, layout or "")
        entry = groups.setdefault(
            key,
            {"template": template, "layout": layout or None, "rendered": 0, "mapped": 0},
        )
        entry[how] += 1
        entry.setdefault("example", url)

    for r in records:
        count(r.template, r.layout, r.url, "rendered")
    for m in mapped:
        count(m.template, m.layout, m.url, "mapped")
    size: dict[str, int] = {}
    for (template, _), e in groups.items():
        size[template] = size.get(template, 0) + e["rendered"] + e["mapped"]
    return sorted(
        groups.values(),
        key=lambda e: (
            -size[e["template"]],
            e["template"],
            -(e["rendered"] + e["mapped"]),
            e["layout"] or "",
        ),
    )


def write_results(path: Path, head: dict, pages: Iterable[dict], tail: dict) -> None:
    """``head`` and ``tail`` are the other top-level keys; ``pages`` is streamed between."""
    tmp = path.with_suffix(".json.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("{\n")
        for key, value in head.items():
            f.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
        f.write('  "pages": [')
        for i, page in enumerate(pages):
            f.write(("," if i else "") + "\n    " + json.dumps(page, ensure_ascii=False))
        f.write("\n  ]")
        for key, value in tail.items():
            f.write(f",\n  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=None)}")
        f.write("\n}\n")
    tmp.replace(path)


def validate_results(data: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(results_schema())
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator.iter_errors(data)
    ]


def read_json(path: Path, name: str, error: type[AuditorError] = AuditorError) -> Any:
    """The JSON text of a results file at ``path``, or ``error`` with one line that
    calls the file ``name`` (missing, unreadable, not JSON)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{name}: file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{name}: not a readable results file ({exc})") from None


def load_results(path: str | Path) -> dict:
    p = Path(path)
    data = read_json(p, str(p))
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise AuditorError(f"{p}: not a results file of schema version {SCHEMA_VERSION}")
    return data
