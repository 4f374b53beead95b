"""The documented example configuration, generated from the settings' own definitions.

Generated rather than written by hand so that it cannot drift: a test compares the
repository's config.example.toml with this output, and ``auditor init`` writes it.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .config import Settings
from .plugins import discover_checks

__all__ = ["render_example_config"]

HEADER = """\
# Shop auditor configuration: every option, with its default.
# A config file only needs the lines that differ from these defaults.
# Precedence: defaults < this file < environment < command-line flags.
# Environment: AUDITOR_<SECTION>__<KEY>=value (e.g. AUDITOR_CRAWL__MAX_PAGES=50),
# and AUDITOR_CHROMIUM=/path/to/chromium.
"""


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{json.dumps(str(k))} = {_toml(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    raise TypeError(f"cannot write {value!r} as TOML here")


def render_example_config() -> str:
    settings = Settings()
    out = [HEADER]
    for f in dataclasses.fields(settings):
        section = getattr(settings, f.name)
        if not dataclasses.is_dataclass(section):
            continue
        out.append(f"\n[{f.name}]")
        doc = (type(section).__doc__ or "").strip()
        out += [f"# {line.strip()}" for line in doc.splitlines() if line.strip()]
        for opt in dataclasses.fields(section):
            out.append(f"# {opt.metadata.get('doc', '')}")
            out.append(f"{opt.name} = {_toml(getattr(section, opt.name))}")
    out.append("\n[scoring]")
    out.append("# Weight of each category in the overall score (0 leaves it out).")
    for cat, weight in settings.scoring.items():
        out.append(f"{cat} = {_toml(weight)}")
    out.append(
        '\n# Per check: enabled, weight in its category\'s score, severity ("" lets the\n'
        "# check decide; or critical, serious, moderate, minor for all its findings),\n"
        "# and the check's own options. `auditor checks` lists the installed checks."
    )
    for check_id, cls, _ in discover_checks():
        if cls is None:
            continue
        out.append(f'\n[checks."{check_id}"]')
        out.append(f"# {cls.title}: {cls.description}")
        out.append(f"enabled = {_toml(cls.enabled_by_default)}")
        out.append(f"weight = {_toml(float(cls.weight))}")
        out.append('severity = ""')
        for key, default in cls.default_options.items():
            doc = cls.option_docs.get(key, "")
            if doc:
                out.append(f"# {doc}")
            out.append(f"{key} = {_toml(default)}")
    return "\n".join(out) + "\n"
