"""Local development: `make run`."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env, env_bool

DEBUG = True
# The embedded database, mail files and collected static files live here; create them on a
# fresh clone (whitenoise warns about a missing STATIC_ROOT).
(VAR_DIR / "mail").mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# Only for this machine: never used in production, where SECRET_KEY is required.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Mail goes to files so links in it can be opened without a mail server.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"

# No worker needed locally: queued jobs run straight away.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# `make run`'s local admin opens the admin at once; STAFF_REQUIRE_MFA=true tries the real thing.
STAFF_REQUIRE_MFA = env_bool("STAFF_REQUIRE_MFA", False)
