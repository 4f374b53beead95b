"""Text from the shop made safe once, where it enters the engine.

Why: every string a page hands over (titles, link texts, snippets, error messages
of its own scripts, whole gathered structures) ends up in results.json, the JSONL
records, the terminal and the reports. One unpaired UTF-16 surrogate from a broken
emoji (``"\\ud83d"``), a NUL byte or a megabyte-long title must not make any of those
writers fail or bloat. So the engine passes what a page returned through
``safe_data`` before it keeps it, and every writer downstream can trust its input.

What is repaired: unpaired surrogates become U+FFFD, NUL and the other C0 control
characters but tab, newline and carriage return are dropped, and a string longer
than ``MAX_STRING`` is cut. Dict keys are treated like values. Bytes (which no
gatherer should return) become text, decoded leniently.
"""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["MAX_STRING", "safe_data", "safe_text"]

#: A string longer than this is cut. Large enough for a screenshot's data URI
#: (auditor.screenshots keeps those under 120 kB), small enough that a hostile
#: page cannot fill results.json with one title.
MAX_STRING = 200_000

_UNSAFE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_text(value: str, limit: int = MAX_STRING) -> str:
    """``value`` without unpaired surrogates or control characters, at most ``limit``
    characters long. Clean strings (nearly all) pass through untouched and unchanged."""
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    if _UNSAFE.search(value) is None:
        return value
    # A surrogate pair split over two code points is joined again; a lone one is replaced.
    value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _CONTROLS.sub("", value)


def safe_data(value: Any, limit: int = MAX_STRING) -> Any:
    """A copy of JSON-like ``value`` in which every string is ``safe_text``, and every
    number is finite (NaN and infinities are not JSON and become None)."""
    if isinstance(value, str):
        return safe_text(value, limit)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {safe_text(str(k), limit): safe_data(v, limit) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [safe_data(v, limit) for v in value]
    if isinstance(value, bytes | bytearray):
        return safe_text(bytes(value).decode("utf-8", "replace"), limit)
    return safe_text(str(value), limit)
