"""Backups and restore as an operator runs them (README, "Backups"): `manage.py backup`, then
dbbackup's `dbrestore` and `mediarestore`, in a production process, on SQLite and, in CI's
PostgreSQL pass, on a PostgreSQL database of the test's own."""

import os
import secrets
import stat
import uuid
from io import StringIO

import dj_database_url
import psycopg
import pytest
from django.core.management import call_command

from tests.production import manage, production_env
from tests.test_deploy import run_manage

SERVER_URL = os.environ.get("DATABASE_URL", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        if SERVER_URL.startswith("postgres"):
            pytest.skip("SQLite's backups are tested in the SQLite pass.")
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    if not SERVER_URL.startswith("postgres"):
        pytest.skip("PostgreSQL's backups are tested in the PostgreSQL pass (DATABASE_URL).")
    config = dj_database_url.parse(SERVER_URL)
    name = f"kamere_backup_{uuid.uuid4().hex[:8]}"
    server = psycopg.connect(
        dbname=config["NAME"],
        user=config["USER"],
        password=config["PASSWORD"],
        host=config["HOST"],
        port=config["PORT"] or 5432,
        autocommit=True,
    )
    server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield SERVER_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        server.close()


def shell(env, code):
    result = manage(env, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


PEOPLE = (
    "from django.contrib.auth import get_user_model;"
    "print(sorted(get_user_model().objects.values_list('username', flat=True)))"
)
MEDIA = (
    "from django.core.files.storage import default_storage as storage;"
    "print(storage.exists('images/before.jpg') and storage.open('images/before.jpg').read())"
)


def test_a_backup_restores_the_database_and_the_media_as_they_were(database_url, tmp_path):
    backups = tmp_path / "backups"
    env = production_env(
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        BACKUP_DIR=str(backups),
        BACKUP_KEEP="2",
    )
    run_manage(env, "migrate", "--noinput", "--verbosity", "0")
    run_manage(env, "createcachetable")
    shell(
        env,
        "from django.contrib.auth import get_user_model;"
        "from django.core.files.base import ContentFile;"
        "from django.core.files.storage import default_storage as storage;"
        "from django.utils import timezone;"
        "from home.models import RateLimitCounter;"
        "get_user_model().objects.create_user('before-backup');"
        "storage.save('images/before.jpg', ContentFile(b'jpeg bytes'));"
        "RateLimitCounter.objects.create(key='pseudonym', expires=timezone.now())",
    )

    run_manage(env, "backup")
    made = sorted(path.name for path in backups.iterdir())
    assert any(name.endswith(".tar.gz") for name in made), made
    assert len(made) >= 2
    # They hold people's data: readable by the site's own user alone.
    for path in backups.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path

    # What happens after the backup, and is lost with the restore.
    shell(
        env,
        "from django.contrib.auth import get_user_model;"
        "from django.core.files.storage import default_storage as storage;"
        "get_user_model().objects.filter(username='before-backup').delete();"
        "get_user_model().objects.create_user('after-backup');"
        "storage.delete('images/before.jpg')",
    )
    assert shell(env, PEOPLE) == "['after-backup']"
    assert shell(env, MEDIA) == "False"

    run_manage(env, "dbrestore", "--noinput", "--uncompress")
    run_manage(env, "mediarestore", "--noinput", "--uncompress")

    assert shell(env, PEOPLE) == "['before-backup']"
    assert shell(env, MEDIA) == "b'jpeg bytes'"
    if database_url.startswith("postgres"):
        # Left out of PostgreSQL's backups: what a restore must not bring back (settings).
        counters = (
            "from home.models import RateLimitCounter; print(RateLimitCounter.objects.count())"
        )
        assert shell(env, counters) == "0"


@pytest.mark.django_db
def test_backups_can_be_turned_off_where_the_database_has_its_own(settings, tmp_path):
    settings.BACKUPS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "dbbackup": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    output = StringIO()
    call_command("backup", stdout=output)
    assert output.getvalue().strip() == "Backups are off (BACKUPS=false)."
    assert list(tmp_path.iterdir()) == []
