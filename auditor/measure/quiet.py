"""When a load is over: the "page is quiet" wait of timing loads and screening visits.

Why by condition: waiting out a fixed quiet window after every load is most of a
timing load's cost; where the page has nothing scheduled that could still paint,
shift or block within the window, reading early gives what waiting would give.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from .network import LoadNetwork
from .scripts import QUIET_JS

__all__ = ["EARLY_QUIET_S", "quiet_answer", "wait_until_quiet"]

#: a load quiet for this long, with nothing scheduled before its quiet window
#: (``quiet_ms``) would end, is over without waiting out the window (wait_until_quiet)
EARLY_QUIET_S = 0.3


async def wait_until_quiet(
    ask: Callable[[str], Awaitable[Any]], net: LoadNetwork, quiet_s: float, limit_s: float
) -> bool:
    """Wait (at most ``limit_s``) until the load is over; whether it was seen over.

    Over means quiet for ``quiet_s``: no request in flight and no paint, shift, long
    task, resource or input entry for that long (Lighthouse's network and CPU quiet
    windows, 1 s). Or sooner, by condition: quiet for ``EARLY_QUIET_S`` already and
    nothing the page has scheduled (a timer, an animation frame, an idle callback, a
    running animation) due before the window would end. Whatever could still happen
    within the window then has to be started by something that is not there, so
    reading now gives what waiting it out would give; a page with a timer due (the
    demo's banner 600 ms after the load) is watched until the timer has run and the
    page has been quiet again. ``ask`` runs a script in the page.
    """
    waited_from = time.monotonic()
    while time.monotonic() - waited_from < limit_s:
        page_ms, next_ms = quiet_answer(await ask(QUIET_JS))
        quiet_for = min(page_ms / 1000, net.quiet_for())
        if quiet_for >= quiet_s:
            return True
        if quiet_for >= EARLY_QUIET_S and next_ms / 1000 > quiet_s - quiet_for:
            return True
        await asyncio.sleep(0.05)
    return False


def quiet_answer(answer: Any) -> tuple[float, float]:
    """(ms quiet, ms until the next scheduled thing) from what QUIET_JS returned; a
    page that broke the script (no pair of numbers) may only be over by the window."""
    if isinstance(answer, list) and len(answer) == 2:
        quiet, upcoming = answer
        if isinstance(quiet, int | float) and isinstance(upcoming, int | float):
            return float(quiet), float(upcoming)
    return 0.0, 0.0
