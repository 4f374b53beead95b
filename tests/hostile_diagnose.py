"""Run the auditor CLI against the HostileShop and tabulate what it recorded per fault.

    python -m tests.hostile_diagnose --out /tmp/hostile-audit [--check ID ...] [--limit 600]

Not a test: a diagnosis. It starts ``HostileShop`` in this process, runs
``python -m auditor run`` on it under ``timeout`` with short page timeouts, watches the
process tree (peak memory, progress lines with their times) and prints a Markdown
table: per fault route the expected outcome, the recorded status / error code /
duration (results.json and pages.jsonl), the requests the route got and a verdict.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil

from auditor.page import HTML_TYPES
from tests.hostile_shop import FAULTS, ROBOTS_VARIANTS, SITEMAP_VARIANTS, HostileShop

#: traps: every rendered page under these prefixes belongs to the route
TRAP_PREFIX = {
    "/calendar?month=0": "/calendar",
    "/trap/a/": "/trap/a/",
    "/session": "/session",
    "/grow?x=a": "/grow",
    "/trap/facets": "/trap/facets",
    "/links/many": "/links/target/",
    "/redirect/chain/0": "/redirect/chain/",
}


def key(url: str | None, base: str) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != base:
        return url  # another host: keep it whole
    return parts.path + (f"?{parts.query}" if parts.query else "")


def bare(k: str) -> str:
    return k.split("?", 1)[0].split(";", 1)[0]


def watch(proc: subprocess.Popen, stats: dict, stop: threading.Event) -> None:
    """Peak RSS and process count of the auditor's tree, once a second."""
    root = psutil.Process(proc.pid)
    while not stop.wait(1.0):
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        rss = 0
        for p in tree:
            with contextlib.suppress(psutil.Error):
                rss += p.memory_info().rss
        stats["peak_rss_mb"] = max(stats.get("peak_rss_mb", 0), rss // (1 << 20))
        stats["peak_procs"] = max(stats.get("peak_procs", 0), len(tree))


def run(args, links: list[str] | None = None, after: int = 0) -> dict:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("results.json", "pages.jsonl"):
        (out / name).unlink(missing_ok=True)
    env = {
        **os.environ,
        "AUDITOR_CRAWL__REQUESTS_PER_SECOND": "50",
        "AUDITOR_BROWSER__ARGS": '["--js-flags=--max-old-space-size=64"]',
    }
    with HostileShop(robots=args.robots, sitemap=args.sitemap, links=links, after=after) as shop:
        cmd = [
            "timeout",
            str(args.limit),
            sys.executable,
            "-m",
            "auditor",
            "run",
            shop.base_url,
            "--out",
            str(out),
            "--progress",
            "lines",
            "--timeout",
            str(args.timeout),
            "--concurrency",
            str(args.concurrency),
        ]
        for check in args.check or ():
            cmd += ["--check", check]
        start = time.monotonic()
        proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        stats: dict = {}
        stop = threading.Event()
        watcher = threading.Thread(target=watch, args=(proc, stats, stop), daemon=True)
        watcher.start()
        lines: list[tuple[float, str]] = []

        def read_err():
            for line in proc.stderr:
                lines.append((round(time.monotonic() - start, 1), line.rstrip()))

        reader = threading.Thread(target=read_err, daemon=True)
        reader.start()
        stdout = proc.stdout.read()
        proc.wait()
        reader.join(5)
        stop.set()
        elapsed = time.monotonic() - start
        log = [(r.when - start, r.method, r.path) for r in shop.log]
        offsite = [(r.when - start, r.method, r.path) for r in shop.offsite.log]
        counts = shop.counts()
        bodies = shop.bodies
        base = shop.base_url
    results_path = out / "results.json"
    results = None
    if results_path.is_file():
        try:
            results = json.loads(results_path.read_text())
        except ValueError as e:
            results = {"unreadable": str(e)}
    jsonl: list[dict] = []
    if (out / "pages.jsonl").is_file():
        for raw in (out / "pages.jsonl").read_text(errors="replace").splitlines():
            try:
                jsonl.append(json.loads(raw))
            except ValueError:
                jsonl.append({"unreadable": raw[:200]})
    return {
        "cmd": cmd,
        "elapsed_s": round(elapsed, 1),
        "exit": proc.returncode,
        "stdout": stdout,
        "stderr": lines,
        "stats": stats,
        "base": base,
        "links": links,
        "log": log,
        "offsite": offsite,
        "counts": counts,
        "bodies": [(m, p, b.decode("latin-1")[:200]) for m, p, b in bodies],
        "results": results,
        "jsonl": jsonl,
    }


def table(d: dict) -> str:
    base = d["base"]
    results = d["results"] if isinstance(d["results"], dict) else {}
    # results.json where it was written, else the records streamed to pages.jsonl
    source = results.get("pages") or [r for r in d["jsonl"] if "url" in r]
    pages = {key(p["url"], base): p for p in source}
    durations = {}
    for rec in d["jsonl"]:
        if "url" in rec:
            durations[key(rec["url"], base)] = rec
    log = d["log"]
    rows = [
        "| route | kind | expected | status | error | ms | attempts | requests | first-last req (s) | verdict |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    linked = d.get("links")
    for f in FAULTS:
        if not f.linked:
            continue
        if linked is not None and f.path not in linked:
            rows.append(
                f"| `{f.path}` | {f.kind} | {' / '.join(f.expect)} | | | | | | | not linked in this run |"
            )
            continue
        p = pages.get(f.path)
        rec = durations.get(f.path, {})
        prefix = TRAP_PREFIX.get(f.path)
        n_req = d["counts"].get(bare(f.path), 0)
        if prefix:
            n_req = sum(v for k, v in d["counts"].items() if k.startswith(prefix))
        times = [t for t, _m, path in log if bare(path) == bare(f.path)]
        span = f"{times[0]:.0f}-{times[-1]:.0f}" if times else "-"
        status = p["status"] if p else None
        err = (p.get("error") or {}).get("code") if p else None
        ms = rec.get("duration_ms")
        outcome = "not-rendered" if p is None else None
        if p is not None:
            if err:
                outcome = f"error:{err}"
            elif p.get("content_type") not in HTML_TYPES:
                outcome = "not-rendered"  # recorded, but not analysed as a page
            elif status is not None and 200 <= status < 300:
                outcome = "ok"
            else:
                outcome = f"status:{status}"
        if prefix:
            rendered = sum(1 for k in pages if k and bare(k).startswith(prefix.rstrip("?")))
            outcome_note = f"{rendered} rendered"
            verdict = "bounded" if rendered <= 25 else f"UNBOUNDED ({rendered})"
            if "bounded" not in f.expect:
                verdict = "ok" if outcome in f.expect else f"got {outcome}"
                outcome_note = outcome
        else:
            outcome_note = outcome
            good = outcome in f.expect or (
                outcome and outcome.startswith("status:") and f"status:{status}" in f.expect
            )
            if p and err and f"status:{status}" in f.expect:
                good = True
            verdict = "as expected" if good else f"got {outcome}"
        if f.max_requests is not None and n_req > f.max_requests:
            verdict += f"; {n_req} requests > {f.max_requests}"
        rows.append(
            f"| `{f.path}` | {f.kind} | {' / '.join(f.expect)} | {status if p else '-'} | "
            f"{err or '-'} | {ms if ms is not None else '-'} | {rec.get('attempts', '-')} | "
            f"{n_req} | {span} | {verdict} ({outcome_note}) |"
        )
    return "\n".join(rows)


def summary(d: dict) -> str:
    results = d["results"]
    written = isinstance(results, dict) and "pages" in results
    pages = results["pages"] if written else [r for r in d["jsonl"] if "url" in r]
    errs: dict[str, int] = {}
    for p in pages:
        code = (p.get("error") or {}).get("code") or "none"
        errs[code] = errs.get(code, 0) + 1
    offsite: dict[str, int] = {}
    for _t, m, path in d["offsite"]:
        offsite[f"{m} {path}"] = offsite.get(f"{m} {path}", 0) + 1
    gaps = []
    last = 0.0
    for t, _line in d["stderr"]:
        if t - last > 30:
            gaps.append(f"{last:.0f}-{t:.0f}s")
        last = t
    if d["elapsed_s"] - last > 30:
        gaps.append(f"{last:.0f}-{d['elapsed_s']:.0f}s (end)")
    lines = [
        f"- command: `{' '.join(d['cmd'][2:])}` (under `timeout {d['cmd'][1]}`)",
        f"- total time: {d['elapsed_s']} s, exit code {d['exit']}"
        + (" (killed by timeout)" if d["exit"] == 124 else ""),
        f"- results.json written: {'yes' if written else 'NO'}"
        + (f", {len(pages)} pages, interrupted={results.get('interrupted')}" if written else ""),
        f"- page records{'' if written else ' (pages.jsonl)'}: {len(pages)}; error codes: {errs}",
        f"- audit-level errors: {len(results.get('errors', [])) if written else '-'}",
        f"- stats: {results.get('stats') if written else '-'}",
        f"- requests to the shop: {len(d['log'])}; to the off-site host: {offsite or 0}",
        f"- POST/PUT/PATCH/DELETE bodies: {d['bodies'] or 'none'}",
        f"- peak memory of the auditor's process tree: {d['stats'].get('peak_rss_mb')} MB, "
        f"peak processes {d['stats'].get('peak_procs')}",
        f"- stretches of 30 s+ without a progress line: {gaps or 'none'}",
    ]
    return "\n".join(lines)


def isolate(args) -> None:
    """Each linked fault alone, followed by healthy pages, in one tab (concurrency 1)."""
    args.concurrency = 1
    print("| route | outcome | ms | route requests | healthy pages after it | audit s | exit |")
    print("|---|---|---|---|---|---|---|")
    for f in FAULTS:
        if not f.linked or (args.only and f.path not in args.only):
            continue
        d = run(args, links=[f.path], after=4)
        results = d["results"] if isinstance(d["results"], dict) else {}
        pages = {key(p["url"], d["base"]): p for p in results.get("pages", [])}
        p = pages.get(f.path)
        if p is None:
            outcome = "not-rendered"
        elif p["error"]:
            outcome = f"{p['error']['code']}: {p['error']['message'][:90]}"
        else:
            outcome = f"status {p['status']}"
        ms = next(
            (r.get("duration_ms") for r in d["jsonl"] if key(r.get("url"), d["base"]) == f.path),
            "-",
        )
        after = [pages.get(f"/after/{i}") for i in range(1, 5)]
        healthy = sum(1 for a in after if a and not a["error"] and a["status"] == 200)
        bad = ", ".join(
            sorted(
                {a["error"]["code"] for a in after if a and a["error"]}
                | ({"missing"} if None in after else set())
            )
        )
        n_req = d["counts"].get(bare(f.path), 0)
        print(
            f"| `{f.path}` | {outcome} | {ms} | {n_req} | {healthy}/4 {bad} | {d['elapsed_s']} | {d['exit']} |",
            flush=True,
        )


def variants(args) -> None:
    """Each hostile robots.txt and sitemap variant on a shop of two healthy pages."""
    print(
        "| variant | exit | audit s | pages (errors) | requests to robots / sitemap files | "
        "off-site requests | peak MB | stats |"
    )
    print("|---|---|---|---|---|---|---|---|")
    chosen = [("robots", v) for v in ROBOTS_VARIANTS if v != "friendly"]
    chosen += [("sitemap", v) for v in SITEMAP_VARIANTS if v != "friendly"]
    for kind, variant in chosen:
        if args.only and variant not in args.only:
            continue
        args.robots, args.sitemap = "friendly", "friendly"
        setattr(args, kind, variant)
        d = run(args, links=[], after=2)
        results = d["results"] if isinstance(d["results"], dict) else {}
        pages = results.get("pages") or [r for r in d["jsonl"] if "url" in r]
        errors = sum(1 for p in pages if p.get("error"))
        files = {k: v for k, v in d["counts"].items() if "robots" in k or "sitemap" in k}
        offsite = {}
        for _t, m, path in d["offsite"]:
            offsite[f"{m} {path}"] = offsite.get(f"{m} {path}", 0) + 1
        stats = results.get("stats", {})
        short = {k: stats[k] for k in ("skipped_robots", "urls_discovered") if k in stats}
        print(
            f"| {kind}={variant} | {d['exit']} | {d['elapsed_s']} | {len(pages)} ({errors}) | "
            f"{files} | {offsite or 0} | {d['stats'].get('peak_rss_mb')} | {short or '-'} |",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/hostile-audit")
    ap.add_argument("--check", action="append")
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--timeout", type=float, default=8)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--robots", default="friendly")
    ap.add_argument("--sitemap", default="friendly")
    ap.add_argument("--only", action="append", help="with --isolate: only these routes")
    ap.add_argument("--skip", action="append", help="leave these routes off the home page")
    ap.add_argument("--dump", help="write the raw diagnosis (JSON) here")
    ap.add_argument(
        "--isolate",
        action="store_true",
        help="one audit per fault (home links only it, then 4 healthy pages): does it harm them?",
    )
    ap.add_argument(
        "--variants", action="store_true", help="one audit per hostile robots/sitemap variant"
    )
    ap.add_argument("--from-dump", help="print the table of an earlier --dump, run nothing")
    args = ap.parse_args()
    if args.from_dump:
        d = json.loads(Path(args.from_dump).read_text())
        print(summary(d) + "\n\n" + table(d))
        return
    if args.isolate:
        isolate(args)
        return
    if args.variants:
        variants(args)
        return
    links = None
    if args.skip:
        links = [f.path for f in FAULTS if f.linked and f.path not in args.skip]
    d = run(args, links=links)
    if args.dump:
        Path(args.dump).write_text(json.dumps(d, indent=1, default=str))
    print(summary(d))
    print()
    print(table(d))
    print()
    print("last stderr lines:")
    for t, line in d["stderr"][-15:]:
        print(f"  {t:>6}s {line[:300]}")


if __name__ == "__main__":
    main()
