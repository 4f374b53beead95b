"""Report renderers: each turns a results.json dict into one file in an output directory."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .html import render_html
from .markdown import render_markdown

__all__ = ["RENDERERS", "render", "render_html", "render_markdown"]

Renderer = Callable[[dict, Path], Path]

RENDERERS: dict[str, Renderer] = {
    "html": render_html,
    "markdown": render_markdown,
}


def render(results: Mapping[str, Any], out_dir: Path | str, formats: Iterable[str]) -> list[Path]:
    """Render ``results`` in each of ``formats`` into ``out_dir``; return the written paths.

    Every format is checked before anything is written: an unknown one raises ValueError
    naming it and the known ones. A format given twice is rendered once.
    """
    if isinstance(formats, str):
        formats = [formats]
    wanted: list[str] = []
    for fmt in formats:
        if fmt not in RENDERERS:
            known = ", ".join(sorted(RENDERERS))
            raise ValueError(f"unknown report format {fmt!r} (known formats: {known})")
        if fmt not in wanted:
            wanted.append(fmt)
    out = Path(out_dir)
    return [RENDERERS[fmt](results, out) for fmt in wanted]
