"""Shop auditor: a real browser walks an online shop like a customer and scores its usability."""

__version__ = "0.1.0"
__all__ = ["__version__"]
