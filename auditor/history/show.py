"""``auditor history``: the recorded runs and their trends, as tables or as JSON."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .record import site_of
from .store import HistoryStore
from .trends import site_trend

__all__ = ["history_data", "print_history"]

_STATUS = {"complete": "complete", "cut_short": "cut short", "crashed": "crashed"}


def history_data(store: HistoryStore, target: str | None, last: int) -> dict[str, Any]:
    """Each site's trend (or only ``target``'s: a site or a target URL)."""
    if target:
        runs = store.runs(target, limit=1) or store.runs(site_of(target), limit=1)
        sites = [runs[0]["site"]] if runs else []
    else:
        sites = [s["site"] for s in store.sites()]
    return {"history": str(store.path), "sites": [site_trend(store, s, last) for s in sites]}


def _score(value: Any) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _change(before: Any, after: Any) -> str:
    if before is None or after is None:
        return ""
    delta = after - before
    return "" if abs(delta) < 0.5 else f" ({delta:+.0f})"


def _site_table(trend: dict[str, Any]) -> Table:
    cats = trend["categories"]
    table = Table(title=f"{trend['site']}: last {len(trend['runs'])} runs", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("started (UTC)", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("score", justify="right")
    for cat in cats:
        table.add_column(cat, justify="right")
    table.add_column("findings", justify="right")
    table.add_column("new", justify="right")
    table.add_column("fixed", justify="right")
    previous = None
    for run in trend["runs"]:
        before = previous or {"score": None, "categories": {}}
        table.add_row(
            str(run["id"]),
            str(run["started_at"]).replace("T", " ")[:16],
            _STATUS.get(run["status"], run["status"]),
            _score(run["score"]) + _change(before["score"], run["score"]),
            *(
                _score(run["categories"].get(c))
                + _change(before["categories"].get(c), run["categories"].get(c))
                for c in cats
            ),
            str(run["findings"]),
            "–" if run["new"] is None else str(len(run["new"])),
            "–" if run["fixed"] is None else str(len(run["fixed"])),
        )
        previous = run
    return table


def print_history(data: dict[str, Any], console: Console) -> None:
    if not data["sites"]:
        console.print(f"No runs recorded in {data['history']}.")
        return
    for trend in data["sites"]:
        console.print(_site_table(trend))
