"""``auditor batch shops.toml``: many shops, each audited as ``auditor run`` audits one,
then one overview of them all.

Why a batch is more than a shell loop: an agency wants one page that says which of its
shops got worse, a failed shop must not end the night's run, and on a cluster each shop
is one task (auditor.executors). So each shop's audit is a plain, picklable function of
a ``ShopJob`` (``audit_shop``), which returns the path of its results.json and one row:
scores, finding counts, worst problems, status, gate verdict. The driver keeps the rows
in the order of the shops file, adds the change since the last batch (or the shop's last
results.json) and writes ``batch.json`` and ``index.html`` after every shop it hears of,
so an interrupted batch still leaves an overview of the shops done.

The shops file::

    [[shops]]
    url = "https://one.example/"   # required
    name = "One"                   # optional: shown, and names its folder (default: host)

    [shops.crawl]                  # optional: any section of the config, this shop only
    max_pages = 50

Precedence per shop: defaults < --config file < environment < the shop's tables < flags.
Exit code (``batch_exit_code``): 130 interrupted, else 2 when a shop failed, else 1 when
a shop broke its gate, else 0.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import socket
import time
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import __version__
from .config import Settings, load_settings
from .errors import AuditorError, ConfigError
from .model import clip

__all__ = [
    "BATCH_FILENAME",
    "ShopJob",
    "audit_shop",
    "batch_document",
    "batch_exit_code",
    "failed_row",
    "previous_rows",
    "read_shops",
    "shop_row",
    "with_change",
    "write_batch",
]

BATCH_FILENAME = "batch.json"
BATCH_VERSION = 1
WORST_SHOWN = 3
MAX_LINE = 300
#: keys of a shop's table that are not config sections
_SHOP_KEYS = {"url", "name"}
#: what the batch sets for every shop, not the shop's table
_BATCH_OWNED = {"scale": "the executor is the whole batch's (--executor, --scheduler)"}
SEVERITIES = ("critical", "serious", "moderate", "minor")


@dataclasses.dataclass(frozen=True)
class ShopJob:
    """One shop's audit as a task: everything a worker needs, nothing it must look up
    (the settings are resolved on the driver; a worker has no config file)."""

    index: int
    name: str
    folder: str
    url: str
    settings: Settings
    #: the shop's output folder (a worker elsewhere needs it on a shared mount)
    out_dir: str
    #: send the audit's own output (summary, progress lines) to audit.log in its folder:
    #: on a worker nobody reads the terminal, and several audits would interleave
    log_to_file: bool = False


# -- the shops file ------------------------------------------------------------------


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: shops file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the shops file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def _folder_of(name: str) -> str:
    """A folder name from a shop's name: letters, digits, dot, dash, underscore."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:60].strip("-.")
    return slug or "shop"


def _default_name(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "shop"
    return f"{host}:{parts.port}" if parts.port else host


def _shop_url(table: dict, where: str) -> str:
    url = table.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{where}: 'url' must be a full http:// or https:// address")
    return url


def read_shops(
    path: str | Path,
    out_root: Path,
    config_path: str | None = None,
    flags: Mapping[str, dict] | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[ShopJob]:
    """The shops of a shops file as jobs, each with its settings resolved and checked
    (with every check's options), so a typo stops the batch before any audit starts.
    Raises ConfigError with one line naming the file, the shop and the key."""
    from .plugins import load_checks

    source = Path(path)
    data = _read_toml(source)
    for key in data:
        if key != "shops":
            raise ConfigError(f"{source}: unknown key '{key}' (a shops file has [[shops]] only)")
    shops = data.get("shops")
    if not isinstance(shops, list) or not shops or not all(isinstance(s, dict) for s in shops):
        raise ConfigError(f"{source}: no shop in it (one [[shops]] table with a url per shop)")
    jobs: list[ShopJob] = []
    folders: dict[str, int] = {}
    for number, table in enumerate(shops, start=1):
        where = f"{source} shop {number}"
        url = _shop_url(table, where)
        name = table.get("name", _default_name(url))
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: 'name' must be a non-empty string")
        where = f"{source} shop {number} ({clip(name, 60)})"
        layer = {k: v for k, v in table.items() if k not in _SHOP_KEYS}
        for section, why in _BATCH_OWNED.items():
            if section in layer:
                raise ConfigError(f"{where}: '[{section}]' cannot be set per shop: {why}")
        if "dir" in (layer.get("output") or {}):
            raise ConfigError(
                f"{where}: 'output.dir' cannot be set per shop: each shop writes to "
                "<out>/<its name>/ (--out sets <out>)"
            )
        folder = _unique_folder(_folder_of(name), "name" in table, folders, number, where)
        shop_dir = out_root / folder
        overrides = _merged(flags or {}, {"output": {"dir": str(shop_dir)}})
        settings = load_settings(config_path, overrides, environ, layers=[(layer, where)])
        load_checks(dataclasses.replace(settings, source=where))  # check options, by name
        jobs.append(ShopJob(number, name, folder, url, settings, str(shop_dir.resolve())))
    return jobs


def _unique_folder(folder: str, named: bool, taken: dict[str, int], number: int, where: str) -> str:
    """Two shops never share a folder: a name given twice is an error, a name taken
    from the host (two paths of one shop) gets a number."""
    if folder in taken and named:
        raise ConfigError(
            f"{where}: writes to the same folder '{folder}' as shop {taken[folder]}; "
            "give the shops different names"
        )
    base, n = folder, 2
    while folder in taken:
        folder, n = f"{base}-{n}", n + 1
    taken[folder] = number
    return folder


def _merged(*layers: Mapping[str, dict]) -> dict:
    out: dict[str, dict] = {}
    for layer in layers:
        for section, values in layer.items():
            out.setdefault(section, {}).update(values)
    return out


# -- one shop, as a task -------------------------------------------------------------


@contextlib.contextmanager
def _output_to(path: Path) -> Iterator[None]:
    with (
        open(path, "a", encoding="utf-8") as log,
        contextlib.redirect_stdout(log),
        contextlib.redirect_stderr(log),
    ):
        yield


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return clip(text, MAX_LINE) or ""


def audit_shop(job: ShopJob) -> tuple[str | None, dict]:
    """Audit one shop exactly as ``auditor run`` does (crawl, checks, gate, reports into
    its folder) and return the path of its results.json (None when it failed) and its
    overview row. Never raises for a shop's own trouble: a shop that cannot be audited
    or crashes the engine is a failed row. A plain top-level function, so it pickles for
    a Dask worker."""
    from .cli import _audit  # the function `auditor run` calls: the same audit
    from .results import load_results

    out = Path(job.out_dir)
    started = time.monotonic()
    try:
        out.mkdir(parents=True, exist_ok=True)
        log = _output_to(out / "audit.log") if job.log_to_file else contextlib.nullcontext()
        with log:
            # each shop is one task: its pages are crawled where the task runs, not
            # spread over the cluster again
            scale = dataclasses.replace(job.settings.scale, executor="local")
            code = _audit(job.url, dataclasses.replace(job.settings, scale=scale))
        results_path = out / "results.json"
        results = load_results(results_path)
    except AuditorError as exc:
        return None, failed_row(job, _one_line(exc), time.monotonic() - started)
    except Exception as exc:  # an engine bug costs this shop, not the batch
        line = f"internal error: {type(exc).__name__}: {_one_line(exc)}"
        return None, failed_row(job, line, time.monotonic() - started)
    row = shop_row(job, results, time.monotonic() - started)
    if code == 130:
        row["status"] = "interrupted"
    return str(results_path), row


def _base_row(job: ShopJob) -> dict:
    return {
        "name": job.name,
        "folder": job.folder,
        "url": job.url,
        "status": "waiting",
        "error": None,
        "cut_short": None,
        "score": None,
        "categories": {},
        "findings": dict.fromkeys(SEVERITIES, 0),
        "worst": [],
        "gate": {"passed": True, "broken": []},
        "pages": 0,
        "audited_at": None,
        "seconds": None,
        #: the machine that audited it: timing figures compare only between like machines
        "ran_on": None,
        "report": None,
        "results": None,
        "change": None,
    }


def failed_row(job: ShopJob, error: str, seconds: float | None = None) -> dict:
    """The row of a shop that could not be audited: the one error line."""
    row = _base_row(job)
    row.update(status="failed", error=error, seconds=_round(seconds), ran_on=_machine())
    return row


def _machine() -> str:
    return f"{socket.gethostname()} (pid {os.getpid()})"


def _round(value: Any, digits: int = 1) -> Any:
    return round(value, digits) if isinstance(value, int | float) else None


def summarise(results: Mapping[str, Any]) -> dict:
    """What the overview shows of one results.json: scores, findings by severity
    (one per defect, as the report counts them), the worst three, the gate's verdict."""
    from reports.sections.data import ReportData
    from reports.sections.findings import pages_affected

    from .gate import breach_lines

    data = ReportData.of(results)
    distinct = data.distinct
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in distinct:
        if f.get("severity") in counts:
            counts[f["severity"]] += 1
    worst = [
        {
            "title": clip(f.get("title"), 200),
            "severity": f.get("severity"),
            "category": f.get("category"),
            "check": f.get("check"),
            "pages": pages_affected(f),
        }
        for f in distinct[:WORST_SHOWN]
    ]
    cut = results.get("cut_short")
    stats = results.get("stats") or {}
    categories = results.get("categories") or {}
    return {
        "status": "cut short" if cut or results.get("interrupted") else "ok",
        "cut_short": clip(cut.get("message"), MAX_LINE) if isinstance(cut, dict) else None,
        "score": _round(results.get("score")),
        "categories": {
            name: _round(cat.get("score"))
            for name, cat in categories.items()
            if isinstance(cat, dict)
        },
        "findings": counts,
        "worst": worst,
        "gate": {"passed": not breach_lines(results), "broken": breach_lines(results)},
        "pages": stats.get("pages_crawled", 0),
        "audited_at": results.get("finished_at"),
    }


def shop_row(job: ShopJob, results: Mapping[str, Any], seconds: float | None = None) -> dict:
    """The overview row of an audited shop; links relative to the batch's folder."""
    row = _base_row(job)
    row.update(summarise(results), seconds=_round(seconds), ran_on=_machine())
    out = Path(job.out_dir)
    row["results"] = f"{job.folder}/results.json"
    if (out / "report.html").exists():
        row["report"] = f"{job.folder}/report.html"
    return row


# -- change since the last run -------------------------------------------------------


def previous_rows(out_root: Path, jobs: list[ShopJob]) -> dict[str, dict]:
    """Each shop's last scores, by folder, read before the batch overwrites them: its row
    in the last batch.json, else a summary of the results.json in its folder. A shop
    with neither (or whose last run failed) has no entry."""
    from .results import load_results

    last: dict[str, dict] = {}
    with contextlib.suppress(OSError, ValueError):
        document = json.loads((out_root / BATCH_FILENAME).read_text(encoding="utf-8"))
        for row in document.get("shops") or []:
            if isinstance(row, dict) and row.get("score") is not None:
                last[str(row.get("folder"))] = row
    for job in jobs:
        if job.folder in last:
            continue
        with contextlib.suppress(AuditorError, OSError, ValueError, AttributeError):
            summary = summarise(load_results(Path(job.out_dir) / "results.json"))
            if summary["score"] is not None:
                last[job.folder] = summary
    return last


def _delta(now: Any, before: Any) -> float | None:
    if isinstance(now, int | float) and isinstance(before, int | float):
        return round(now - before, 1)
    return None


def with_change(row: dict, before: Mapping[str, Any] | None) -> dict:
    """``row`` with ``change``: score, category and finding-count changes since
    ``before`` (None where there was no earlier run or this one failed)."""
    if not before or row["status"] in ("failed", "waiting"):
        row["change"] = None
        return row
    old_findings = before.get("findings") or {}
    old_categories = before.get("categories") or {}
    row["change"] = {
        "since": before.get("audited_at"),
        "score": _delta(row["score"], before.get("score")),
        "categories": {
            name: _delta(score, old_categories.get(name))
            for name, score in row["categories"].items()
        },
        "findings": {
            s: row["findings"].get(s, 0) - int(old_findings.get(s, 0) or 0) for s in SEVERITIES
        },
    }
    return row


# -- the batch's own files -----------------------------------------------------------


def batch_exit_code(rows: list[dict]) -> int:
    """130 interrupted, 2 a shop failed, 1 a shop broke its gate, 0 all passed."""
    if any(r["status"] == "interrupted" for r in rows):
        return 130
    if any(r["status"] == "failed" for r in rows):
        return 2
    if any(not r["gate"]["passed"] for r in rows):
        return 1
    return 0


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def batch_document(
    rows: list[dict], started_at: str, executor: str, scheduler: str | None, done: bool
) -> dict:
    """batch.json: every shop's row in the order of the shops file, and a tally."""
    tally = {s: 0 for s in ("ok", "cut short", "failed", "interrupted", "waiting")}
    for r in rows:
        tally[r["status"]] = tally.get(r["status"], 0) + 1
    return {
        "batch_version": BATCH_VERSION,
        "tool": {"name": "shop-auditor", "version": __version__},
        "started_at": started_at,
        "finished_at": _now() if done else None,
        "executor": executor,
        "scheduler": scheduler,
        "tally": {**tally, "gate failed": sum(not r["gate"]["passed"] for r in rows)},
        "exit_code": batch_exit_code(rows) if done else None,
        "shops": rows,
    }


def write_batch(out_root: Path, document: dict) -> list[Path]:
    """Write batch.json and the overview page index.html (both whole or not at all)."""
    from reports.batch import render_batch_html
    from reports.html import write_atomic

    out_root.mkdir(parents=True, exist_ok=True)
    path = out_root / BATCH_FILENAME
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return [path, render_batch_html(document, out_root)]


def progress_line(done: int, total: int, row: Mapping[str, Any]) -> str:
    """One line per shop finished: what, how, how long."""
    if row["status"] == "failed":
        what = f"failed: {row['error']}"
    else:
        score = "not measured" if row["score"] is None else f"{row['score']:.0f}/100"
        what = f"{row['status']}, score {score}"
        if not row["gate"]["passed"]:
            what += ", gate failed"
    seconds = f" ({row['seconds']:.0f} s)" if row.get("seconds") is not None else ""
    return f"[{done}/{total}] {row['name']}: {what}{seconds}"


def echo(line: str) -> None:
    print(line, flush=True)


def run_batch(
    shops_file: str,
    out_root: Path,
    config_path: str | None,
    flags: Mapping[str, dict],
    say: Any = echo,
) -> int:
    """Audit every shop of ``shops_file`` with the executor of the settings, write
    batch.json and index.html into ``out_root`` (after every shop), return the exit
    code (``batch_exit_code``)."""
    from .executors import dask_client, run_dask, run_local

    base = load_settings(config_path, dict(flags))
    executor, scheduler = base.scale.executor, base.scale.scheduler
    remote = executor == "dask"
    if remote:  # a worker's terminal is no one's: each audit logs into its folder
        flags = _merged(flags, {"output": {"progress": "lines"}})
    jobs = read_shops(shops_file, out_root, config_path, flags)
    if remote:
        jobs = [dataclasses.replace(j, log_to_file=True) for j in jobs]
    before = previous_rows(out_root, jobs)
    rows = [_base_row(j) for j in jobs]
    started = _now()
    where = scheduler if remote else None
    finished, stopped = 0, False

    def on_row(job: ShopJob, row: dict) -> None:
        nonlocal finished
        finished += 1
        rows[job.index - 1] = with_change(row, before.get(job.folder))
        say(progress_line(finished, len(jobs), row))
        write_batch(out_root, batch_document(rows, started, executor, where, done=False))

    with dask_client(scheduler, say) if remote else contextlib.nullcontext() as client:
        write_batch(out_root, batch_document(rows, started, executor, where, done=False))
        say(f"Auditing {len(jobs)} shops ({executor}) into {out_root}")
        try:
            if remote:
                run_dask(jobs, client, on_row)
            else:
                run_local(jobs, on_row)
        except KeyboardInterrupt:
            stopped = True
    if stopped or any(r["status"] == "interrupted" for r in rows):  # and those not started
        rows = [r | {"status": "interrupted"} if r["status"] == "waiting" else r for r in rows]
    document = batch_document(rows, started, executor, where, done=True)
    paths = write_batch(out_root, document)
    tally = ", ".join(f"{n} {s}" for s, n in document["tally"].items() if n)
    say(f"Batch done: {tally}")
    say(f"Overview: {paths[1]}")
    return document["exit_code"]
