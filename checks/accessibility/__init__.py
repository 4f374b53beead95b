"""Accessibility: axe-core's automated WCAG checks, grouped so a team can act on them,
and the checks axe cannot make: keyboard use, zoom and reflow, text resize, link texts,
image alternatives, named groups of choices, duplicate ids and moving content.
"""

from .axe import AxeCore
from .choice_groups import ChoiceGroups
from .duplicate_ids import DuplicateIds
from .image_alts import ImageAlts
from .keyboard import Keyboard
from .link_texts import LinkTexts
from .motion import Motion
from .reflow import Reflow
from .text_resize import TextResize

__all__ = [
    "AxeCore",
    "ChoiceGroups",
    "DuplicateIds",
    "ImageAlts",
    "Keyboard",
    "LinkTexts",
    "Motion",
    "Reflow",
    "TextResize",
]
