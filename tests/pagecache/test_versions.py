"""Versions count changes, not time (home/data_versions.py): a kept page is fresh while no
version it names is above the shared counter as its render read it when it began, whatever
the clocks of the hosts that made the change and the render say."""

import time

import pytest
from django.core.cache import caches
from django.utils.http import parse_http_date

from home.data_versions import CLOCK, DataVersion, tick
from home.page_cache import NEAR, STATUS_HEADER, page_version
from tests.pagecache.test_page_cache import about, fetch, home, kept  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def assert_rendered_anew(client):
    """The about page rendered again, with the title the test published."""
    status, html = fetch(client, "/o-nama/")
    assert status == "miss" and "Ko smo mi, ukratko" in html


def test_a_change_on_a_host_whose_clock_is_behind_shows_at_once(
    client,
    about,  # noqa: F811
    monkeypatch,
):
    kept(client, "/o-nama/")
    # The change is made where the clock says it is decades earlier.
    with monkeypatch.context() as slow:
        slow.setattr(time, "time_ns", lambda: 1_000)
        publish_title(about, "Ko smo mi, ukratko")
    assert_rendered_anew(client)


def test_a_render_on_a_host_whose_clock_is_ahead_does_not_outlive_a_change(
    client,
    about,  # noqa: F811
    monkeypatch,
):
    # The copy is rendered and kept where the clock is a day ahead of the others'.
    with monkeypatch.context() as fast:
        ahead = time.time_ns() + 24 * 60 * 60 * 10**9
        fast.setattr(time, "time_ns", lambda: ahead)
        kept(client, "/o-nama/")
    publish_title(about, "Ko smo mi, ukratko")
    assert_rendered_anew(client)


def test_every_change_takes_the_next_number(monkeypatch):
    first, second = tick(), tick()
    assert second == first + 1
    version = DataVersion("test:a").new()
    assert version == second + 1 == DataVersion("test:a").current()
    # A version the cache lost comes back as a number no change had before.
    caches["default"].delete("test:a")
    assert DataVersion("test:a").current() == version + 1
    # Whatever the clock of the host says.
    monkeypatch.setattr(time, "time_ns", lambda: 1_000)
    assert tick() == version + 2


def test_a_counter_the_cache_lost_starts_again_above_every_version(client, about):  # noqa: F811
    kept(client, "/o-nama/")
    caches["default"].delete(CLOCK)
    publish_title(about, "Ko smo mi, ukratko")
    assert_rendered_anew(client)


def test_a_counter_started_again_below_a_copys_start_does_not_keep_it(
    client,
    about,  # noqa: F811
    monkeypatch,
):
    """Lost, then started again by a host whose clock is behind the one it had: the copies
    kept before cannot be judged by it, and render again."""
    kept(client, "/o-nama/")
    caches["default"].delete(CLOCK)
    with monkeypatch.context() as slow:
        slow.setattr(time, "time_ns", lambda: 1_000)
        publish_title(about, "Ko smo mi, ukratko")
    assert caches["default"].get(CLOCK) < 10_000
    assert_rendered_anew(client)


def test_a_version_the_cache_lost_counts_from_the_next_render(client, about):  # noqa: F811
    kept(client, "/o-nama/")
    caches["default"].delete(page_version(about.pk).key)
    NEAR.clear()
    # Not known to be current: rendered again, and kept from then on, until the next change.
    assert fetch(client, "/o-nama/")[0] == "miss"
    assert fetch(client, "/o-nama/")[0] == "hit"
    publish_title(about, "Ko smo mi, ukratko")
    assert fetch(client, "/o-nama/")[0] == "miss"


def test_last_modified_is_still_a_time(client, about):  # noqa: F811
    kept(client, "/o-nama/")
    response = client.get("/o-nama/")
    assert response[STATUS_HEADER] == "hit"
    assert abs(parse_http_date(response["Last-Modified"]) - time.time()) < 60


def test_the_counter_on_redis_is_one_for_every_process(
    client,
    caches_on_redis,
    about,  # noqa: F811
):
    """On Redis (production's shared cache) the counter is its INCR: a change another process
    made, counted there, outdates this process's copy."""
    kept(client, "/o-nama/")
    key = caches["default"].make_and_validate_key(CLOCK)
    before = int(caches_on_redis.get(key))
    assert tick() == before + 1
    # Another process's change: the counter advanced and the page's version set to it there.
    number = caches_on_redis.incr(key)
    version_key = caches["default"].make_and_validate_key(page_version(about.pk).key)
    caches_on_redis.set(version_key, number)
    time.sleep(NEAR.CHECKED_FOR)
    assert fetch(client, "/o-nama/")[0] == "miss"
    assert tick() == number + 1
