"""Settings for the test suite."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "api": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A thread would read the database outside the test's transaction (tests/map/test_walk.py
# tests the thread itself).
WALK_GRAPH_IN_BACKGROUND = False
# Off: the tests' data lives in a transaction that dbbackup's commands would end (they close
# the connection). tests/test_backup.py runs them in production processes of their own.
BACKUPS = False
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise warns when missing)
WAGTAILADMIN_BASE_URL = "http://testserver"

# The sign form's proof of work, solved in an instant: tests solve it with the library's solver.
ALTCHA_COST = 10
ALTCHA_MAX_COUNTER = 4

# Playwright drives the browser from the test thread, which runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The suite's admin tests sign editors in with force_login and no second factor; the tests of
# the second factor itself (tests/accounts/) turn STAFF_REQUIRE_MFA on as in production.
STAFF_REQUIRE_MFA = False
