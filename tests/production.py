"""The environment of a production process started by a test: only what the test sets."""

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Variables the settings, Django or gunicorn read; the process starts from none of them
# being set. DJANGO_ALLOW_ASYNC_UNSAFE is set by the test settings for Playwright, never in
# production.
SETTINGS_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
    "REDIS_PAGES_URL",
    "HTTPS",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "DEBUG",
    "VAR_DIR",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "MEDIA_URL",
    "MEDIA_PUBLIC_URL",
    "SERVE_MEDIA",
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_ADDRESSING_STYLE",
    "PORT",
    "WEB_CONCURRENCY",
    "WEB_BIND_HOST",
    "GUNICORN_CMD_ARGS",
}


def production_env(var_dir, **overrides):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    env["VAR_DIR"] = str(var_dir)
    env.update(overrides)
    return env


def manage(env, *args):
    """`manage.py` in that environment; the finished process, with its output."""
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
