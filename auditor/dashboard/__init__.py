"""The web dashboard over the history store (`auditor serve`): see auditor.dashboard.app."""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):
    """The Starlette app (imported lazily: Starlette is needed only to serve)."""
    from .app import create_app as make

    return make(*args, **kwargs)
