"""Every error the auditor raises on purpose, in one tree.

    AuditorError                 one friendly line for the user; the CLI exits 2
    ├── ConfigError              a bad key, type or value in the settings (names key and file)
    ├── BrowserNotFound          no Chromium to drive, with a hint how to get one
    ├── HistoryError             the history file is unusable (not one, or of a newer auditor)
    └── TargetError              the shop itself cannot be audited (bad URL, unreachable, TLS, ...)

A failure on one page of many is not an exception: it becomes a ``PageError`` in
that page's record (see ``auditor.model``) with one of the stable codes below, so
the crawl goes on and reports can group failures by cause.
"""

from __future__ import annotations

__all__ = [
    "PAGE_ERROR_CODES",
    "AuditorError",
    "BrowserNotFound",
    "ConfigError",
    "HistoryError",
    "TargetError",
]


class AuditorError(Exception):
    """A problem the user can fix, told in one line."""


class ConfigError(AuditorError):
    """The settings are wrong; the message names the key and the file."""


class BrowserNotFound(AuditorError):
    """No Chromium could be found or started."""


class HistoryError(AuditorError):
    """The history file cannot be used: unreadable, not a history, or of a newer version."""


class TargetError(AuditorError):
    """The start URL cannot be audited at all."""


#: Stable codes for page failures, with the line a person reads.
PAGE_ERROR_CODES: dict[str, str] = {
    "PAGE_HUNG": "the page did not answer within the page timeout",
    "SCRIPT_HUNG": "the page stopped answering: its main thread stayed busy (an endless "
    "script, or a page too big to handle)",
    "PAGE_BUDGET": "the page's visit took longer than its budget (crawl.page_budget)",
    "CONNECTION_FAILED": "the server could not be reached",
    "DNS_FAILURE": "the host name could not be resolved",
    "TLS_ERROR": "the TLS certificate was not accepted",
    "REDIRECT_LOOP": "the page redirects in a loop or too often",
    "NAVIGATION_LOOP": "the page kept reloading or navigating itself (its tab was closed)",
    "OFFSITE_REDIRECT": "the address redirects to another site, which is not audited",
    "NOT_HTML": "the address is not an HTML page",
    "PAGE_CRASHED": "the browser tab crashed while loading the page",
    "BROWSER_CRASHED": "the browser crashed while loading the page",
    "HTTP_ERROR": "the server answered with an error status",
    "RATE_LIMITED": "the server kept answering 429/503 (too many requests)",
    "NAVIGATION_FAILED": "the browser could not load the page",
    "BAD_RESPONSE": "the server's answer was not valid HTTP (broken headers, encoding or length)",
    "UNSAFE_REDIRECT": "the address redirects to something a browser must not open (file:, "
    "data:, a broken Location)",
    "AUTH_REQUIRED": "the page asks for a password (HTTP authentication)",
    "GATHERER_FAILED": "a check's data collection failed on this page",
}
