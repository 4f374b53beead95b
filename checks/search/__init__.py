"""Site search: find the shop's search, use it like a customer, judge the answers.

Modules: ``locate`` (find the field), ``variants`` (query variants, pure),
``reader`` (read a results page, pure), ``runs`` (the searches, run once per
audit and shared), and one module per check.
"""

from .box import SearchBox
from .results import SearchResults
from .speed import SearchSpeed
from .suggestions import SearchSuggestions
from .tolerance import SearchTolerance
from .zero_results import ZeroResults

__all__ = [
    "SearchBox",
    "SearchResults",
    "SearchSpeed",
    "SearchSuggestions",
    "SearchTolerance",
    "ZeroResults",
]
