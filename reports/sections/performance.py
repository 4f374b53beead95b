"""placeholder"""

from __future__ import annotations

from typing import Any

from .data import ReportData


def performance_view(data: ReportData) -> dict[str, Any] | None:
    return None
