"""The German texts of the reports: English source string → German (Sie-form)."""

from __future__ import annotations

TEXTS: dict[str, str] = {}
FINDINGS: dict[str, dict[str, str]] = {}
CHECKS: dict[str, str] = {}
