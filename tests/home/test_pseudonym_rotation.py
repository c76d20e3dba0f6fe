"""The client's pseudonym changes every day, as home/ratelimit.py and the privacy policy promise:
a day's hashes cannot be linked to the next day's, and once a day's key is deleted nothing
leads back from a kept hash to an address."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone
from django.utils.crypto import salted_hmac

from home import ratelimit
from home.models import DailySecret

pytestmark = pytest.mark.django_db

ADDRESS = "93.87.214.77"


def key_on(monkeypatch, moment, address=ADDRESS):
    """The pseudonym of a request from `address` with the clock at `moment`."""
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return ratelimit.client_key(RequestFactory().get("/", REMOTE_ADDR=address))


def test_the_pseudonym_is_stable_within_a_day_and_changes_the_next(monkeypatch):
    today = timezone.now().replace(hour=0, minute=5, second=0, microsecond=0)
    morning = key_on(monkeypatch, today)
    evening = key_on(monkeypatch, today.replace(hour=23, minute=55))
    tomorrow = key_on(monkeypatch, today + timedelta(days=1))

    assert morning == evening  # counts add up within the day
    assert tomorrow != morning  # and cannot be linked across days
    # Each day's is the HMAC under that day's own random key, nothing derived from the date or
    # SECRET_KEY that could be recomputed later.
    for day, key in ((today, morning), (today + timedelta(days=1), tomorrow)):
        secret = DailySecret.objects.get(day=day.date()).secret
        assert key == salted_hmac("home.ratelimit", ADDRESS, secret, algorithm="sha256").hexdigest()
    assert DailySecret.objects.count() == 2
    assert len({row.secret for row in DailySecret.objects.all()}) == 2


def test_other_addresses_have_other_pseudonyms_and_one_ipv6_64_is_one_client(monkeypatch):
    now = timezone.now()
    assert key_on(monkeypatch, now) != key_on(monkeypatch, now, "93.87.214.78")
    assert key_on(monkeypatch, now, "2001:db8:1:2::1") == key_on(
        monkeypatch, now, "2001:db8:1:2:ffff::9"
    )
    assert key_on(monkeypatch, now, "2001:db8:1:2::1") != key_on(
        monkeypatch, now, "2001:db8:1:3::1"
    )


def test_the_hourly_purge_deletes_yesterdays_key_and_keeps_todays(monkeypatch):
    today = timezone.now()
    key_on(monkeypatch, today - timedelta(days=1))
    key_on(monkeypatch, today)
    monkeypatch.setattr(timezone, "now", lambda: today)
    ratelimit.delete_expired_counters()
    assert list(DailySecret.objects.values_list("day", flat=True)) == [today.date()]
