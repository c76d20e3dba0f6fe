import os
import shutil
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections, transaction
from django.test import override_settings
from django.utils import translation

from home import locales, page_cache, ratelimit
from portal.settings.base import redis_caches
from tests.html_checker import check_html, find_java
from tests.redis.server import RedisServer

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # The machine has no internet: stop Chromium's own background connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    """A transactional test empties the database when it ends; one without serialized_rollback
    leaves the tests after it without the migrations' data (locales, groups) and makes their
    restore clash with the recreated content types: every such test must restore it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = "live_server" in getattr(item, "fixturenames", ()) or (
            marker is not None and marker.kwargs.get("transaction")
        )
        if transactional and not (marker and marker.kwargs.get("serialized_rollback")):
            raise pytest.UsageError(
                f"{item.nodeid}: mark it django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(scope="session", autouse=True)
def session_media(tmp_path_factory):
    """Uploads of tests that do not ask for fresh_media go to a directory of this session's
    own (each pytest-xdist worker has one), which starts empty: not to a folder that grows
    with every run, and that `run_schedule --once`'s backup would copy whole."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def fresh_media(settings, tmp_path):
    """Uploads and renditions of this test go to its own empty directory, not var/media."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started after the test database and whose request threads
    leave the test's connection alone.

    Started before the test database (when the session's first test asks for it), it would
    not know the database is in memory and its threads would open their own connections to
    it; after (any earlier test with the database), they share the test's: which of the two
    depended on the order of the tests. Now they always share it, as pytest-django means.

    Django closes every connection of a request thread when it ends. Closing the shared one
    does nothing (SQLite ignores it, or the in-memory database would be gone) but check the
    thread, which raises once the server stops sharing it: a client's keep-alive connection
    closed after that (issue 16). The threads' own connections still close."""
    httpd = live_server.thread.httpd
    lent = list(httpd.connections_override.values())

    def close_own_connections():
        for connection in connections.all(initialized_only=True):
            if not any(connection is shared for shared in lent):
                connection.close()

    httpd._close_connections = close_own_connections  # Django's hook for this (basehttp.py)
    return live_server


@pytest.fixture(autouse=True)
def rate_limit_clock(monkeypatch):
    """The rate limits count in fixed windows of the clock (home/ratelimit.py): a test whose
    requests straddled a window's end (an hour's, at 17:00 in CI) saw its count start afresh
    and let an eleventh report through. Within a test the limits' clock stands at the test's
    start, so its requests share each window and the windows still end on the real clock."""
    moment = time.time()
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: moment))


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: it outlives a test, and the rows it describes and
    the rate limits it counts do not."""
    for alias in caches:
        caches[alias].clear()
    page_cache.NEAR.clear()  # the process's copies of what the cache held
    # The process's copy of the day's pseudonym key, whose row the test's rollback removes.
    ratelimit._todays_secret.clear()
    # The process's Locale rows, whose ids a test's rollback may free for another language.
    locales.forget()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request through the test client
    leaves its language active in the test's thread, and a page from the page cache, which
    skips the locale middleware, activates none."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """The URL of a redis-server of the session's own (each pytest-xdist worker has one), on a
    free port, keeping nothing on disk. Skipped without redis-server, except under CI=true."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def caches_on_redis(redis_server, settings):
    """Every cache of this test on the session's Redis, as production has them with REDIS_URL
    (portal/settings/base.py), empty before and after; a client of that Redis, to look at or
    change what it holds as another web process would. The setting's change makes
    django.core.cache.caches connect anew (Django's setting_changed receivers)."""
    settings.CACHES = redis_caches(redis_server)
    client = redis.Redis.from_url(redis_server)
    client.flushall()
    page_cache.NEAR.clear()  # copies of what the test's earlier cache held
    yield client
    client.flushall()
    client.close()


@pytest.fixture
def uncached(settings):
    """Pages rendered for every request, as on a page cache miss (home/page_cache.py): for the
    tests of what a render costs or puts in its context."""
    settings.PAGE_CACHE = False


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, as `seed_demo` loads it: once for a module's tests (it takes
    seconds), rolled back after them, its files (images, report photos) in a directory of
    their own that goes with them."""
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)
    caches["default"].clear()
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(scope="session")
def seeded_demo():
    """`seeded_demo()` loads the demo content, as `seed_demo` does, into a transactional
    test's database (the browser tests' live server).

    On the in-memory SQLite of a test run, the first call seeds and keeps a copy of the whole
    database (SQLite's backup API); later calls copy it back, in milliseconds rather than the
    seconds a seed takes, which dozens of browser tests each paid. Each such test starts from
    the same migrated database (serialized_rollback), so the copy is what seeding would make;
    its files stay in the session's media directory (session_media). Elsewhere (PostgreSQL,
    or inside a test's transaction, where a copy would slip past the rollback) it seeds."""
    copies = {}

    def seed():
        connection = connections["default"]
        copyable = (
            connection.vendor == "sqlite"
            and connection.is_in_memory_db()
            and not connection.in_atomic_block
        )
        if not copyable:
            call_command("seed_demo", verbosity=0)
            return
        connection.ensure_connection()
        key = settings.MEDIA_ROOT  # a test with media of its own seeds its own files
        if key in copies:
            # The copy's content types are those every test starts with (deserialized from
            # serialized_rollback's data), so the ids this process caches stay right.
            copies[key].backup(connection.connection)
            caches["default"].clear()
            return
        call_command("seed_demo", verbosity=0)
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        copies[key] = copy

    yield seed
    for copy in copies.values():
        copy.close()


@pytest.fixture
def nu_checker(tmp_path):
    """`nu_checker({name: html})` fails the test with every error the Nu HTML checker finds in
    those pages (tests/html_checker.py). Skipped without Java, except under CI."""
    java = find_java()
    return lambda pages: check_html(java, pages, tmp_path)


def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium driven by Playwright (Playwright's own download is unavailable)."""
    executable = chromium_path()
    if not Path(executable).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI but was not found at {executable}.")
        pytest.skip("Browser tests need Chromium (apt-get install chromium); .ci/run installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def browser_before_database(request):
    """Start the browser before the first database connection, when any test needs it.

    Playwright's sync API switches Python contexts, and Django keeps a connection per
    context: a connection made before the switch (with the serialized copy of the initial
    data that transactional tests restore) would be lost to the tests after it.
    """
    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("browser")


@pytest.fixture(scope="session")
def django_db_setup(browser_before_database, django_db_setup):
    return django_db_setup
