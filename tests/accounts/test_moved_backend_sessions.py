"""The deploy that moved the login code (home.adapters -> home.accounts.adapters) logs nobody
out: migration home 0007 gives the sessions opened before it the backend's new path, which
Django checks against AUTHENTICATION_BACKENDS on every request."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from tests import factories

pytestmark = pytest.mark.django_db

migration = importlib.import_module("home.migrations.0007_sessions_name_the_moved_backend")
ACTIVITY = "/accounts/activity/"


def session_of(user, backend):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def test_a_session_opened_before_the_move_stays_logged_in(client):
    user = factories.make_user("ana", email="ana@example.org")
    client.cookies[settings.SESSION_COOKIE_NAME] = session_of(
        user, "home.adapters.AllauthOnlyBackend"
    )
    # What Django makes of it without the migration: logged out.
    assert client.get(ACTIVITY).status_code == 302
    migration.forwards(apps, None)
    assert client.get(ACTIVITY).status_code == 200
    data = SessionStore(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).load()
    assert data[BACKEND_SESSION_KEY] == "home.accounts.adapters.AllauthOnlyBackend"


def test_other_sessions_are_left_as_they_are(client):
    user = factories.make_user("marko", email="marko@example.org")
    key = session_of(user, "home.accounts.adapters.AllauthOnlyBackend")
    anonymous = SessionStore()
    anonymous["django_language"] = "en"
    anonymous.create()
    migration.forwards(apps, None)
    assert SessionStore(session_key=anonymous.session_key).load() == {"django_language": "en"}
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    assert client.get(ACTIVITY).status_code == 200
    migration.backwards(apps, None)
    assert SessionStore(session_key=key).load()[BACKEND_SESSION_KEY] == (
        "home.adapters.AllauthOnlyBackend"
    )
