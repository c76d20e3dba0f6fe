"""Sessions leave the database once they expire, whether or not their owner comes back."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def session(expires_in):
    store = SessionStore()
    store["_auth_user_id"] = "1"
    store.set_expiry(timezone.now() + expires_in)
    store.save()
    return store.session_key


def test_the_schedule_deletes_expired_sessions():
    expired = session(timedelta(seconds=-1))
    current = session(timedelta(hours=1))

    call_command("run_schedule", "--once")

    assert list(Session.objects.values_list("session_key", flat=True)) == [current]
    assert expired != current
