"""Re-record tests/data/forms_demo_{defects,clean}.json from a real audit of both demo twins.

Run after changing the demo shop's forms or the forms gatherer:

    .venv/bin/python tests/data/record_forms_demo.py

Each twin is audited like tests/test_demo_forms.py does (forms.labels only: the gatherer
is shared), starting from the recorded pages; the gatherer's output of the recorded pages is kept, with the demo's address
replaced by http://shop.test/. The pages recorded are the ones the files already list.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from auditor.demo import DemoShop  # noqa: E402
from auditor.results import iter_records  # noqa: E402
from auditor.runner import run_audit  # noqa: E402
from tests.conftest import quick_settings  # noqa: E402

DATA = Path(__file__).parent
FAKE = "http://shop.test/"


def _swap(value, base: str):
    if isinstance(value, str):
        return value.replace(base, FAKE)
    if isinstance(value, list):
        return [_swap(v, base) for v in value]
    if isinstance(value, dict):
        return {k: _swap(v, base) for k, v in value.items()}
    return value


async def record(mode: str) -> None:
    target = DATA / f"forms_demo_{mode}.json"
    paths = [e["path"] for e in json.loads(target.read_text())]
    with tempfile.TemporaryDirectory() as tmp, DemoShop(mode=mode, delay_scale=0.1) as shop:
        base = shop.base_url
        # the recorded pages first, one at a time: each is its template's first page
        settings = quick_settings(
            audit={"checks": ["forms.labels"]},
            crawl={"start_urls": [base + p.lstrip("/") for p in paths], "concurrency": 1},
        )
        await run_audit(base, settings, Path(tmp))
        by_path = {}
        for r in iter_records(Path(tmp) / "pages.jsonl"):
            data = r.gathered.get("forms.labels")
            path = "/" + (r.final_url or r.url).removeprefix(base)
            if data and path in paths:
                by_path[path] = {"path": path, "template": r.template, "data": _swap(data, base)}
    missing = set(paths) - set(by_path)
    if missing:
        raise SystemExit(f"{mode}: not gathered: {sorted(missing)}")
    target.write_text(json.dumps([by_path[p] for p in paths], ensure_ascii=False) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    for twin in ("defects", "clean"):
        asyncio.run(record(twin))
