"""Production settings refuse to start half-configured, and pass Django's deployment check.

Each case runs `manage.py` in a fresh process, as a deployment would.
"""

import re
import secrets

from .production import REPO_ROOT, manage, production_env


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


# env("X"), env_bool("X"), env_list("X"), os.environ.get("X"), os.environ["X"]
READ_FROM_ENVIRONMENT = re.compile(
    r"""(?:\benv(?:_bool|_list)?\(|environ(?:\.get)?\(|environ\[)\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def test_the_readme_describes_every_variable_production_reads():
    """The deployment guide's table is the whole configuration: a variable the settings read
    but the README does not name is one an operator cannot know about."""
    sources = [*(REPO_ROOT / "portal" / "settings").glob("*.py"), REPO_ROOT / "gunicorn.conf.py"]
    read = {name for path in sources for name in READ_FROM_ENVIRONMENT.findall(path.read_text())}
    readme = (REPO_ROOT / "README.md").read_text()
    assert len(read) > 30  # the pattern finds them
    assert {name for name in read if f"`{name}`" not in readme} == set()
