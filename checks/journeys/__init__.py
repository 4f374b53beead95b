"""Customer journeys: what it costs a customer to find, choose and buy.

Modules: ``ladder`` (recognising the shop's elements, pure on scanned facts),
``safety`` (the hard rules and the request guard), ``walker`` (the walking customer),
one module per journey (``browse`` 1 menu, ``lookup`` 2 search, ``cart`` 3,
``checkout`` 4, ``service`` 5), ``runs`` (the walks, once per audit and persona,
shared), ``effort`` (KLM seconds and lostness, pure), ``judge`` (problems, pure) and
``checks`` (one check per concern).
"""

from .checks import CartJourney, CheckoutJourney, Discovery, Personas, ServiceJourney

__all__ = ["CartJourney", "CheckoutJourney", "Discovery", "Personas", "ServiceJourney"]
