"""Report renderers: each turns a results.json dict into one file in an output directory."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .csv_export import render_csv
from .html import render_html
from .i18n import LANGS, use_lang
from .junit import render_junit
from .markdown import render_markdown
from .pdf import render_pdf
from .sarif import render_sarif

__all__ = [
    "LANGS",
    "RENDERERS",
    "render",
    "render_csv",
    "render_html",
    "render_junit",
    "render_markdown",
    "render_pdf",
    "render_sarif",
]

#: a renderer writes one file (or, for CSV, several) and returns what it wrote
Renderer = Callable[[dict, Path], "Path | list[Path]"]

RENDERERS: dict[str, Renderer] = {
    "html": render_html,
    "markdown": render_markdown,
    "junit": render_junit,
    "sarif": render_sarif,
    "csv": render_csv,
    "pdf": render_pdf,
}


def render(
    results: Mapping[str, Any],
    out_dir: Path | str,
    formats: Iterable[str],
    lang: str = "en",
) -> list[Path]:
    """Render ``results`` in each of ``formats`` into ``out_dir``; return the written paths.

    ``lang`` ("en" or "de") is the language of every text the reports write themselves;
    results.json stays English, so any saved results render in either language. An
    unknown language raises ValueError naming the known ones, before anything is written.

    Every format is checked before anything is written: an unknown one raises ValueError
    naming it and the known ones. A format given twice is rendered once; a comma-separated
    entry ("html,sarif") counts as its formats.
    """
    if isinstance(formats, str):
        formats = [formats]
    wanted: list[str] = []
    for fmt in (f.strip() for entry in formats for f in str(entry).split(",") if f.strip()):
        if fmt not in RENDERERS:
            known = ", ".join(sorted(RENDERERS))
            raise ValueError(f"unknown report format {fmt!r} (known formats: {known})")
        if fmt not in wanted:
            wanted.append(fmt)
    out = Path(out_dir)
    written: list[Path] = []
    with use_lang(lang):
        for fmt in wanted:
            paths = RENDERERS[fmt](results, out)
            written.extend(paths if isinstance(paths, list) else [paths])
    return written
