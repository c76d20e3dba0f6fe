"""Sessions opened before the login code moved to home/accounts/ keep their people logged in.

Django stores the path of the backend that logged a session in (`_auth_user_backend`) and
treats a session whose path is no longer in AUTHENTICATION_BACKENDS as logged out: without
this, everyone, staff in the middle of their work included, would be logged out by the
deploy. State only: the sessions' data is rewritten with the new path, nothing else changes.
"""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations
from django.utils import timezone

MOVED = {"home.adapters.AllauthOnlyBackend": "home.accounts.adapters.AllauthOnlyBackend"}


def rename(apps, moves):
    sessions = apps.get_model("sessions", "Session").objects.filter(expire_date__gt=timezone.now())
    store = SessionStore()
    for session in sessions.iterator(chunk_size=500):
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) in moves:
            data[BACKEND_SESSION_KEY] = moves[data[BACKEND_SESSION_KEY]]
            session.session_data = store.encode(data)
            session.save(update_fields=["session_data"])


def forwards(apps, schema_editor):
    rename(apps, MOVED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_step_by_step"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
