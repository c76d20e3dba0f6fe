"""A PostgreSQL server that stops answering: the backend's deadlines (portal/database/).

The tests freeze the server process behind the test's own connection (SIGSTOP, as a hung host
or a stalled disk would), so they need PostgreSQL on this machine and the right to signal its
processes (CI runs as root). SQLite, embedded, cannot freeze apart from the site.
"""

import os
import signal
import time
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client

from portal.database import base as database

pytestmark = [
    # Transactional: the connection is cut and opened again. The rollback restores the pages
    # that migrations made, for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="freezes a PostgreSQL server process"
    ),
]


@contextmanager
def frozen_server():
    """The server process behind this thread's connection stops, then goes on."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [pid] = cursor.fetchone()
    try:
        os.kill(pid, signal.SIGSTOP)
    except PermissionError:
        pytest.skip("no right to signal PostgreSQL's processes")
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)
        # The connection was cut: the next query opens a new one, once the process tries again
        # (here at once, not RETRY_SECONDS later).
        connection.close()
        database.unavailable_until = 0.0


def test_a_statement_to_a_frozen_server_fails_at_its_deadline():
    with frozen_server(), database.statement_deadline(1):
        started = time.monotonic()
        with pytest.raises(OperationalError), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        waited = time.monotonic() - started
    assert 1 <= waited < 1.5
    # One slow statement is no outage: the process may connect again at once.
    assert database.unavailable_until <= time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # a new connection, at once
        assert cursor.fetchone() == (1,)


def test_a_server_frozen_during_a_request_makes_it_a_503(settings):
    settings.DATABASE_STATEMENT_DEADLINE = 1
    client = Client(raise_request_exception=False)
    with frozen_server():
        started = time.monotonic()
        response = client.get("/")
        waited = time.monotonic() - started
        # The cut connection fails at once: no second wait.
        again = client.get("/")
    assert response.status_code == again.status_code == 503
    assert response["Retry-After"] == "30"
    assert waited < 2


def test_a_server_frozen_between_requests_is_a_503_in_half_a_second():
    client = Client(raise_request_exception=False)
    assert client.get("/").status_code == 200
    with frozen_server():
        # What Django does when a request starts with a kept connection: check it first.
        connection.health_check_done = False
        started = time.monotonic()
        response = client.get("/")
        waited = time.monotonic() - started
    assert response.status_code == 503
    assert waited < 1
    # The server answers again: the same process serves the page.
    assert client.get("/").status_code == 200


def test_a_frozen_health_check_stops_new_connections_for_a_while():
    with frozen_server():
        assert not connection.is_usable()
        assert database.unavailable_until > time.monotonic() + database.RETRY_SECONDS - 1


def test_each_statement_is_watched_once_however_often_the_connection_is_opened_again():
    for _ in range(5):
        connection.close()
        connection.ensure_connection()
    assert connection.execute_wrappers.count(connection.watch_statement) == 1


def test_outside_requests_a_statement_has_no_deadline():
    """Management commands' long statements are legitimate: only requests have deadlines."""
    with connection.cursor() as cursor:
        started = time.monotonic()
        cursor.execute("SELECT pg_sleep(1.2)")
    assert time.monotonic() - started >= 1.2


def test_after_a_failed_connection_the_process_waits_before_trying_again(monkeypatch):
    monkeypatch.setattr(database, "unavailable_until", time.monotonic() + 60)
    connection.close()
    started = time.monotonic()
    with pytest.raises(OperationalError, match="not trying again yet"):
        connection.ensure_connection()
    assert time.monotonic() - started < 0.1
    monkeypatch.setattr(database, "unavailable_until", 0.0)
    connection.ensure_connection()
