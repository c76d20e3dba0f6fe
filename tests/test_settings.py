"""Production settings refuse to start half-configured, and pass Django's deployment check.

Each case runs `manage.py` in a fresh process, as a deployment would.
"""

import secrets

from .production import manage, production_env


def test_missing_secret_key_stops_start_up(tmp_path):
    result = manage(production_env(tmp_path, ALLOWED_HOSTS="kamere.example.org"), "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_missing_allowed_hosts_stops_start_up(tmp_path):
    result = manage(production_env(tmp_path, SECRET_KEY=secrets.token_urlsafe(50)), "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


def test_deployment_check_passes_without_warnings(tmp_path):
    env = production_env(
        tmp_path, SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="kamere.example.org"
    )

    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr
