"""Two runs compared by finding fingerprints: what is new, what was fixed, how the score moved.

Fingerprints are built from check id, URL path and selector, never from host or
port, so a staging run compares with a production baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ResultsDiff", "diff_results"]


@dataclass
class ResultsDiff:
    score_before: float | None
    score_after: float | None
    new: list[dict] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)
    categories: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)

    def text(self) -> str:
        def fmt(v: float | None) -> str:
            return "n/a" if v is None else f"{v:.0f}"

        lines = [f"Score: {fmt(self.score_before)} -> {fmt(self.score_after)}"]
        for name, (a, b) in sorted(self.categories.items()):
            lines.append(f"  {name:<14} {fmt(a):>4} -> {fmt(b)}")
        lines.append(f"New findings: {len(self.new)}")
        lines += [f"  + [{f['severity']}] {f['title']} ({f['check']})" for f in self.new]
        lines.append(f"Fixed findings: {len(self.fixed)}")
        lines += [f"  - [{f['severity']}] {f['title']} ({f['check']})" for f in self.fixed]
        return "\n".join(lines)


def diff_results(base: dict, new: dict) -> ResultsDiff:
    before = {f["fingerprint"]: f for f in base.get("findings", [])}
    after = {f["fingerprint"]: f for f in new.get("findings", [])}
    cats = set(base.get("categories", {})) | set(new.get("categories", {}))
    return ResultsDiff(
        score_before=base.get("score"),
        score_after=new.get("score"),
        new=[f for fp, f in after.items() if fp not in before],
        fixed=[f for fp, f in before.items() if fp not in after],
        categories={
            c: (
                base.get("categories", {}).get(c, {}).get("score"),
                new.get("categories", {}).get(c, {}).get("score"),
            )
            for c in cats
        },
    )
