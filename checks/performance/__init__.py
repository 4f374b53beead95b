"""Performance: how fast the shop's pages load and react, scored like the lab tools.

So far this holds the scoring (``scoring``); the check that measures and judges
pages joins it with the performance issue.
"""
