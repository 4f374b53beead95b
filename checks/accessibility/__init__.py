"""Accessibility: axe-core's automated WCAG checks, grouped so a team can act on them.

The checks that need interaction (keyboard, zoom and reflow, text resize, link texts,
motion) join this family with the rest of the accessibility issue.
"""

from .axe import AxeCore

__all__ = ["AxeCore"]
