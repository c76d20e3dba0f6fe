"""The shared cache on a real Redis, as production has it with REDIS_URL: readers' pages kept
there and fresh across web processes, login failure counters that a flood of pages cannot push
out, and pages still served while Redis is away (README: "Page cache", "Configuration")."""

import time

import pytest
from django.core.cache import caches
from wagtail.models import Page

from home.data_versions import version_changed
from home.page_cache import NEAR, entries, page_version
from portal import cache as cache_backend
from portal.settings.base import redis_caches
from tests.accounts.conftest import log_in
from tests.factories import make_user
from tests.pagecache.test_page_cache import about, fetch, home, kept  # noqa: F401  (fixtures)
from tests.redis.server import RedisServer

# ruff: noqa: F811  (pytest fixtures are named as arguments)

pytestmark = pytest.mark.django_db


def kept_pages(client):
    """The keys of the kept pages in that Redis, under the "pages" alias's prefix."""
    return client.keys("pages:*")


# The page cache


def test_a_kept_page_lives_in_redis_and_a_publish_shows_at_once(client, caches_on_redis, about):
    assert fetch(client, "/o-nama/")[0] == "miss"
    kept(client, "/o-nama/")
    assert len(kept_pages(caches_on_redis)) == 1
    about.title = "Ko smo mi, ukratko"
    about.save_revision().publish()
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and "Ko smo mi, ukratko" in html
    assert fetch(client, "/o-nama/") == ("hit", html)


def test_a_second_web_process_gets_the_page_another_kept(client, caches_on_redis, about):
    html = kept(client, "/o-nama/")
    NEAR.clear()  # a process that has served nothing yet
    assert fetch(client, "/o-nama/") == ("hit", html)
    # That hit came from Redis: without the copy there, the page renders again.
    NEAR.clear()
    caches_on_redis.delete(*kept_pages(caches_on_redis))
    assert fetch(client, "/o-nama/")[0] == "miss"


def test_a_change_another_process_made_shows_within_the_near_copys_check(
    client, caches_on_redis, about
):
    kept(client, "/o-nama/")
    # Another process changes the page and makes its version new in Redis, as a publish
    # there does; its signal, which would tell this process at once, stays in that process.
    Page.objects.filter(pk=about.pk).update(title="Promenjeno drugde")
    version_changed.disconnect(NEAR.forget_checks)
    try:
        version = page_version(about.pk)
        version.new()
    finally:
        version_changed.connect(NEAR.forget_checks)
    assert caches_on_redis.exists(caches["default"].make_and_validate_key(version.key))
    time.sleep(NEAR.CHECKED_FOR)
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and "Promenjeno drugde" in html


# Login failure counters


def login_refused(client, email):
    """Five wrong passwords, then the right one: whether the sixth try was refused."""
    for _attempt in range(5):
        log_in(client, email, password="pogresna-lozinka")
    response = log_in(client, email)
    return "_auth_user_id" not in client.session and "Previše neuspelih pokušaja" in response.text


def test_failed_logins_are_counted_in_redis_by_pseudonym(client, caches_on_redis, home):
    user = make_user(email="ana@example.org", verified=True)
    assert login_refused(client, user.email)
    counters = caches_on_redis.keys("*:rl:*login_failed*")
    assert counters
    assert not any(b"127.0.0.1" in key for key in counters)


def test_a_flood_of_pages_cannot_push_out_the_login_failure_counters(
    client, caches_on_redis, redis_server, home, settings, tmp_path
):
    """Pages and API bodies in a Redis of their own (REDIS_PAGES_URL) that evicts the least
    recently used once full: pages far beyond its memory evict pages, never a counter in the
    main Redis."""
    pages_redis = RedisServer(tmp_path, "--maxmemory", "2mb", "--maxmemory-policy", "allkeys-lru")
    pages_redis.start()
    try:
        settings.CACHES = redis_caches(redis_server, pages_url=pages_redis.url)
        user = make_user(email="ana@example.org", verified=True)
        assert login_refused(client, user.email)
        counters = set(caches_on_redis.keys("*:rl:*login_failed*"))

        for number in range(500):  # 10 MB of pages
            entries().set(f"page:{number}", b"x" * 20_000)
        # The API's bodies, megabytes each, are in the evicting Redis too.
        caches["api"].set("cameras.geojson", b"x" * 20_000)
        assert pages_redis.client().keys("api:*")
        assert not caches_on_redis.keys("api:*")

        evicted = pages_redis.client().info("stats")["evicted_keys"]
        assert evicted > 0  # the flood was more than the pages' Redis holds
        assert set(caches_on_redis.keys("*:rl:*login_failed*")) == counters
        assert login_refused(client, user.email)
    finally:
        pages_redis.stop()


# Redis away


@pytest.fixture
def lone_redis(settings, tmp_path):
    """A Redis of this test's own, which it may kill, with every cache on it."""
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = redis_caches(server.url)
    yield server
    server.stop()


def test_pages_are_rendered_while_redis_is_away_and_kept_again_once_it_is_back(
    client, lone_redis, about
):
    html = kept(client, "/o-nama/")
    lone_redis.kill()
    NEAR.clear()  # past the near copy's half second, when it asks Redis again
    for _ in range(2):
        status, away = fetch(client, "/o-nama/")
        assert status != "hit" and away == html
    lone_redis.start()  # empty: it kept nothing on disk
    cache_backend._away_until.clear()  # as after AWAY_FOR seconds, when it is asked again
    assert kept(client, "/o-nama/") == html


def test_a_page_published_while_redis_is_away_shows_at_once(client, lone_redis, about):
    kept(client, "/o-nama/")
    lone_redis.kill()
    about.title = "Ko smo mi, ukratko"
    about.save_revision().publish()
    status, html = fetch(client, "/o-nama/")
    assert status != "hit" and "Ko smo mi, ukratko" in html
