"""Forms: how easy each form is to fill in, and what happens when a customer gets it wrong.

One read-only gatherer (``gather``) collects plain facts about every form and form-like
group once per template; ``classify`` says what each form is for (EN/DE); one module
per concern judges them. ``error_handling`` probes forms in tabs of its own, with every
request the submission makes blocked by the browser.
"""

from .buttons import Buttons
from .error_handling import ErrorHandling
from .input_types import InputTypes
from .labels import Labels
from .length import FormLength
from .required_fields import RequiredFields
from .touch_targets import TouchTargets

__all__ = [
    "Buttons",
    "ErrorHandling",
    "FormLength",
    "InputTypes",
    "Labels",
    "RequiredFields",
    "TouchTargets",
]
