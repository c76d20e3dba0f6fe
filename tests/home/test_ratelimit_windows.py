"""home/ratelimit.py with the clock held still: fixed windows, their exact ends, the wait the
429 page announces, bad rates refused at start-up, and one day's key shared by every process.

The other tests count requests within one window and never look at a window's edge or the
seconds announced; here the clock stands at chosen instants (the module's `time`, replaced),
so each edge is tested from both sides.
"""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.csrf import csrf_exempt

from home import ratelimit
from home.models import DailySecret, RateLimitCounter
from home.ratelimit import hit, parse_rate
from tests.map.test_report import URL, report_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_media")]

HOUR = 1_800_000_000  # a multiple of 3600 (and of 60): an hour's window starts here
ADDRESS = "198.51.100.23"


@pytest.fixture
def clock(monkeypatch):
    """Set the rate limits' clock: clock(seconds since the epoch)."""

    def set_to(moment):
        monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: moment))

    return set_to


def request():
    return RequestFactory().post("/", REMOTE_ADDR=ADDRESS)


def test_n_requests_pass_in_a_window_and_the_next_waits_exactly_until_it_ends(clock):
    clock(HOUR + 10.25)
    assert [hit(request(), "windows", "3/m") for _ in range(3)] == [0, 0, 0]
    # The fourth waits for the window's end, HOUR + 60: 49.75 s, rounded up.
    assert hit(request(), "windows", "3/m") == 50
    clock(HOUR + 59.5)
    assert hit(request(), "windows", "3/m") == 1  # half a second, announced as one
    clock(HOUR + 60)
    assert hit(request(), "windows", "3/m") == 0  # a new window, counted afresh


def test_each_window_is_its_own_counter_deleted_once_it_has_ended(clock):
    clock(HOUR + 30)
    hit(request(), "windows", "3/m", "5/h")
    counters = dict(RateLimitCounter.objects.values_list("key", "expires"))
    assert sorted(key.split(":")[1:3] for key in counters) == [
        ["3600s", str(HOUR + 3600)],
        ["60s", str(HOUR + 60)],
    ]
    assert sorted(moment.timestamp() for moment in counters.values()) == [HOUR + 60, HOUR + 3600]


def test_the_429_page_and_header_say_how_long_to_wait(client, clock, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    clock(HOUR + 1000.25)
    assert client.post(URL, report_data(), REMOTE_ADDR=ADDRESS).status_code == 302

    response = client.post(URL, report_data(), REMOTE_ADDR=ADDRESS)

    assert response.status_code == 429
    assert response["Retry-After"] == "2600"  # HOUR + 3600 - (HOUR + 1000.25), rounded up
    assert "Please try again in 44 minutes." in " ".join(response.text.split())  # 43⅓, up


def test_a_minute_to_wait_says_a_minute(client, clock, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    clock(HOUR + 3600 - 60)
    client.post(URL, report_data(), REMOTE_ADDR=ADDRESS)
    response = client.post(URL, report_data(), REMOTE_ADDR=ADDRESS)
    assert response["Retry-After"] == "60"
    assert "Please try again in a minute." in " ".join(response.text.split())


def test_reading_the_form_is_never_counted(client, clock, settings):
    settings.CAMERA_REPORT_RATE_LIMIT = "1/h"
    clock(HOUR)
    for _ in range(3):
        assert client.get(URL, REMOTE_ADDR=ADDRESS).status_code == 200
    assert not RateLimitCounter.objects.exists()
    assert client.post(URL, report_data(), REMOTE_ADDR=ADDRESS).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "client"),
    [
        # Each proxy appends whom it heard from: the client is that many places from the right,
        # and what stands left of it the client wrote itself.
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1, 10.0.0.2", "10.0.0.2"),
        (2, "198.51.100.1, 10.0.0.2", "198.51.100.1"),  # as many entries as proxies
        (0, "6.6.6.6, 198.51.100.1", "10.0.0.1"),
        # Fewer entries than proxies: not what the proxies would send; the nearest one counts.
        (3, "198.51.100.1, 10.0.0.2", "10.0.0.1"),
    ],
)
def test_the_client_is_the_entry_the_trusted_proxies_wrote(
    settings, proxies, forwarded_for, client
):
    settings.TRUSTED_PROXY_COUNT = proxies
    forwarded = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for
    )
    assert ratelimit.client_ip(forwarded) == client


@pytest.mark.parametrize("value", ["0/h", (0, 60), (1, 0), "1/0m", "ten/h", "10/w", "10"])
def test_a_rate_without_a_positive_count_and_period_is_refused_at_start(value):
    with pytest.raises(ImproperlyConfigured):
        parse_rate(value)


@pytest.mark.parametrize(
    ("value", "count", "seconds"),
    [("1/s", 1, 1), ("1/m", 1, 60), ("1/h", 1, 3600), ("1/d", 1, 86400), (" 2 / 5m ", 2, 300)],
)
def test_each_period_has_its_seconds(value, count, seconds):
    assert parse_rate(value) == ratelimit.Rate(count, seconds)


def test_a_days_key_another_process_stored_first_is_the_one_used():
    """Two processes may both find no key for the day: the first stored wins, for both."""
    today = timezone.now().date()
    DailySecret.objects.create(day=today, secret="5" * 64)
    ratelimit._todays_secret.clear()

    key = ratelimit.client_key(request())

    assert key == salted_hmac("home.ratelimit", ADDRESS, "5" * 64, algorithm="sha256").hexdigest()
    assert list(DailySecret.objects.values_list("secret", flat=True)) == ["5" * 64]


def test_a_new_days_key_is_256_random_bits_and_the_process_keeps_only_todays():
    DailySecret.objects.all().delete()
    ratelimit._todays_secret.clear()
    ratelimit._todays_secret[timezone.now().date().replace(year=2000)] = "old"

    ratelimit.client_key(request())

    [secret] = DailySecret.objects.values_list("secret", flat=True)
    assert len(secret) == 64 and int(secret, 16) >= 0  # 32 random bytes, in hex
    assert ratelimit._todays_secret == {timezone.now().date(): secret}


@pytest.mark.parametrize("address", ["", "unknown", "198.51.100"])
def test_a_client_without_a_readable_address_still_gets_a_pseudonym(address):
    # REMOTE_ADDR is empty behind a Unix socket; a misconfigured proxy may write anything.
    key = ratelimit.client_key(RequestFactory().post("/", REMOTE_ADDR=address))
    secret = DailySecret.objects.get(day=timezone.now().date()).secret
    assert key == salted_hmac("home.ratelimit", address, secret, algorithm="sha256").hexdigest()


def test_a_limited_view_keeps_its_name_and_what_inner_decorators_marked_on_it():
    @ratelimit.rate_limit("marks", "CAMERA_REPORT_RATE_LIMIT")
    @csrf_exempt
    def view(request):
        """The view's own words."""

    assert (view.__name__, view.__doc__) == ("view", "The view's own words.")
    assert view.csrf_exempt is True
