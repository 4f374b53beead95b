"""Two runs compared, as text for ``auditor diff``: score changes, new, fixed and
unchanged findings (the comparison itself is auditor.gate.compare, by fingerprint).

Fingerprints are built from check id, URL path and selector, never from host or
port, so a staging run compares with a production baseline.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["comparison_text"]


def _fmt(v: Any) -> str:
    return "n/a" if not isinstance(v, int | float) else f"{v:.0f}"


def _signed(change: Any) -> str:
    return "" if change is None else f" ({change:+.1f})"


def comparison_text(results: Mapping[str, Any]) -> str:
    """The ``comparison`` of ``results`` (see auditor.gate.apply_gate) in lines."""
    c = results.get("comparison") or {}
    score = c.get("score") or {}
    lines = [f"Score: {_fmt(score.get('before'))} -> {_fmt(score.get('after'))}"]
    lines[0] += _signed(score.get("change"))
    for name, ch in sorted((c.get("categories") or {}).items()):
        lines.append(
            f"  {name:<14} {_fmt(ch['before']):>4} -> {_fmt(ch['after']):>4}{_signed(ch['change'])}"
        )
    by_fp = {f.get("fingerprint"): f for f in results.get("findings") or []}
    new = [by_fp[fp] for fp in c.get("new") or [] if fp in by_fp]
    lines.append(f"New findings: {len(new)}")
    lines += [f"  + [{f['severity']}] {f['title']} ({f['check']})" for f in new]
    lines.append(f"Fixed findings: {c.get('fixed_total', 0)}")
    lines += [f"  - [{f['severity']}] {f['title']} ({f['check']})" for f in c.get("fixed") or []]
    lines.append(f"Unchanged findings: {c.get('unchanged', 0)}")
    if c.get("sampled_apart"):
        lines.append(
            f"Not compared (their pages were audited in one run only): {c['sampled_apart']}"
        )
    return "\n".join(lines)
