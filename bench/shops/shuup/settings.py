"""Settings for the audited Shuup shop: Shuup's own workbench settings, plus its
testing app (for shuup_populate_mock and the sample data), DEBUG off (real 404 pages,
as a live shop has), sqlite and files under SHUUP_WORKBENCH_BASE_DIR, no telemetry."""

from shuup_workbench.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "shuup.testing"]  # noqa: F405
DEBUG = False
ROOT_URLCONF = "shopsite.urls"
SHUUP_TELEMETRY_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
