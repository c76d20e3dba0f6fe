"""Rate limits for public forms that never store a visitor's IP address.

A client is known only by an HMAC-SHA256 of its address under a random key of today's date
(UTC), a DailySecret row deleted the day after. A day's hashes cannot be linked to the next
day's, and once the day's key is gone nobody can find which address a kept hash stood for:
with a key derived from SECRET_KEY, whoever held the database and that setting could try all
four billion IPv4 addresses. Counters are rows of the database (RateLimitCounter), one
per client and fixed time window, shared by every web process; one statement counts a request
in all its windows, inside the caller's transaction if there is one, and rows are deleted once
their window has ended.

Usage, on a view that handles a public form, with the rate in a setting:

    @rate_limit("camera-report", "CAMERA_REPORT_RATE_LIMIT")
    def report(request): ...

Over the limit, the visitor gets the friendly templates/429.html with status 429 and a
Retry-After header; only the methods given (POST by default) count and are limited.
"""

import functools
import ipaddress
import math
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import DailySecret, RateLimitCounter

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(value):
    """Read a rate: "10/h", "5/15m", "100/d" or a pair (count, seconds)."""
    if isinstance(value, (tuple, list)):
        count, seconds = (int(part) for part in value)
    else:
        match = RATE_PATTERN.match(str(value))
        if not match:
            raise ImproperlyConfigured(f"A rate looks like '10/h' or (10, 3600), not {value!r}.")
        count = int(match[1])
        seconds = int(match[2] or 1) * PERIODS[match[3]]
    if count < 1 or seconds < 1:
        raise ImproperlyConfigured(f"A rate needs a positive count and period, not {value!r}.")
    return Rate(count, seconds)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or what the trusted proxies in front recorded.

    With TRUSTED_PROXY_COUNT proxies, each appends the address it received from to
    X-Forwarded-For, so the client is the entry that many places from the right; anything to
    its left was written by the client itself and cannot be believed.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


# The day's key, read once per process and day: it never changes during its day.
_todays_secret = {}


def daily_secret(day):
    """The random key of `day`'s pseudonyms, created by the first process that needs it."""
    if day not in _todays_secret:
        DailySecret.objects.bulk_create(
            [DailySecret(day=day, secret=secrets.token_hex(32))], ignore_conflicts=True
        )
        # Another process may have made it first: everyone uses the stored one.
        _todays_secret.clear()
        _todays_secret[day] = DailySecret.objects.get(day=day).secret
    return _todays_secret[day]


def client_key(request):
    """A pseudonym for the client that changes daily; without the day's key, deleted the day
    after, it leads to no address."""
    address = client_ip(request)
    try:
        network = ipaddress.ip_address(address)
    except ValueError:
        network = None
    if network is not None and network.version == 6:
        # One IPv6 client usually holds a whole /64: count it as one.
        address = str(ipaddress.ip_network(f"{network}/64", strict=False).network_address)
    day = timezone.now().date()
    return salted_hmac("home.ratelimit", address, daily_secret(day), algorithm="sha256").hexdigest()


def hit(request, scope, *rates):
    """Count one request of this client in `scope` in a window of each rate; the seconds to
    wait if that puts it over any of them, or 0."""
    client = client_key(request)
    now = time.time()
    windows = {}
    for rate in map(parse_rate, rates):
        window_end = (int(now // rate.seconds) + 1) * rate.seconds
        windows[f"{scope}:{rate.seconds}s:{window_end}:{client}"] = (rate, window_end)
    counts = increment(
        {key: datetime.fromtimestamp(end, UTC) for key, (_rate, end) in windows.items()}
    )
    waits = [
        max(1, math.ceil(end - now))
        for key, (rate, end) in windows.items()
        if counts[key] > rate.count
    ]
    return max(waits, default=0)


def increment(expiry_by_key):
    """Add one to each counter, creating it with its expiry time; their new counts by key.

    One upsert, atomic in both databases (SQLite from 3.35), where the cache's add() and incr()
    took three round trips each and raced between processes.
    """
    table = RateLimitCounter._meta.db_table
    connection = connections[router.db_for_write(RateLimitCounter)]
    quote = connection.ops.quote_name
    rows = ", ".join(["(%s, %s, 1)"] * len(expiry_by_key))
    parameters = [
        value
        for key, expires in expiry_by_key.items()
        for value in (key, connection.ops.adapt_datetimefield_value(expires))
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(table)} ({quote('key')}, {quote('expires')}, {quote('count')}) "  # noqa: S608
            f"VALUES {rows} ON CONFLICT ({quote('key')}) "
            f"DO UPDATE SET {quote('count')} = {quote(table)}.{quote('count')} + 1 "
            f"RETURNING {quote('key')}, {quote('count')}",
            parameters,
        )
        return dict(cursor.fetchall())


def too_many_requests(request, retry_after):
    response = render(request, "429.html", {"retry_after_minutes": math.ceil(retry_after / 60)})
    response.status_code = 429
    response["Retry-After"] = str(retry_after)
    return response


def over_rate(request, scope, rate_setting):
    """Count this request against the rate in the setting named `rate_setting`; the 429 page
    if it goes over, else None. For a view that limits some of its requests only; a whole view
    takes the `rate_limit` decorator."""
    retry_after = hit(request, scope, getattr(settings, rate_setting))
    return too_many_requests(request, retry_after) if retry_after else None


def rate_limit(scope, rate_setting, methods=("POST",)):
    """Limit each client to the rate in the setting named `rate_setting`; over it, a 429 page."""
    # Fail when the view is imported, not on a visitor's request, if the setting is wrong.
    parse_rate(getattr(settings, rate_setting))

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                refused = over_rate(request, scope, rate_setting)
                if refused:
                    return refused
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def delete_expired_counters():
    """Delete the counters whose window has ended, here and in the database cache.

    Anyone with SECRET_KEY could recompute a day's hashes for every address, so the hashes
    must really go when they expire (the privacy policy says within 24 hours). allauth keeps
    its counters, keyed by the same pseudonym, in the cache: Redis and memory caches drop
    them themselves; the database cache only deletes expired rows once it holds more than
    MAX_ENTRIES. Run it hourly (purge_report_data does).
    """
    now = timezone.now()
    deleted, _ = RateLimitCounter.objects.filter(expires__lt=now).delete()
    # Past days' keys: counting uses today's only, so a window across midnight starts afresh.
    DailySecret.objects.filter(day__lt=now.date()).delete()
    backend = caches["default"]
    if isinstance(backend, DatabaseCache):
        table = backend.cache_model_class._meta.db_table
        connection = connections[router.db_for_write(backend.cache_model_class)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(table)} WHERE expires < %s",  # noqa: S608
                [connection.ops.adapt_datetimefield_value(now)],
            )
            deleted += cursor.rowcount
    return deleted
