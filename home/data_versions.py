"""Versions of data that every web process keeps something of in the shared cache: the map's
cameras (map/signals.py), the petitions (campaigns/petitions/signals.py), the pages
(home/page_cache.py).

A version is a number from one counter in the shared cache (`tick`), which every change
advances, kept in the shared cache so that every process sees a change at once; what a
process keeps is stamped with the version it was built under, and a new version makes it
build again. A change takes a new version at once and again once its transaction commits
(`now_and_on_commit`): a request in between may have read the data as it was before, and
would otherwise keep it under the new version.

One counter, not each host's clock: a version is compared with the counter as a render read
it when it began (`clock`), and the clocks of two hosts may differ by more than the time
between a change and a render on the other host.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal
from redis.exceptions import RedisError

# Sent when this process makes a version new, so that what it remembers of versions it read
# lately (home/page_cache.py's near copies) is forgotten at once.
version_changed = Signal()

CLOCK = "data-versions:clock"


def tick():
    """A number greater than any the counter gave before: Redis's INCR, atomic across hosts.
    (Django's database cache reads, then writes: two changes at the same instant may share a
    number, which the second, after-commit version of each change outgrows.)"""
    try:
        return cache.incr(CLOCK)
    except RedisError:
        # Redis away (portal/cache.py): nothing is kept meanwhile, so no number is compared.
        return time.time_ns()
    except ValueError:
        # First use, or the cache lost it: it starts again from this host's clock in
        # nanoseconds, far above any count of changes since it first started (a page copy
        # from before it that it is not above is not served: home/page_cache.py `fresh`).
        # add() leaves a counter another process started meanwhile.
        cache.add(CLOCK, time.time_ns(), timeout=None)
        return cache.incr(CLOCK)


def clock():
    """The counter now, without advancing it: what a render that begins compares versions
    with (home/page_cache.py). Every version written so far is at most this."""
    now = cache.get(CLOCK)
    return tick() if now is None else now


def now_and_on_commit(action):
    """Do `action` now, and again once the current transaction (if any) commits."""
    action()
    transaction.on_commit(action)


class DataVersion:
    def __init__(self, key):
        self.key = key

    def current(self):
        """The current version; a new one if the cache lost it (which only costs a rebuild)."""
        return cache.get_or_set(self.key, tick, timeout=None)

    def new(self):
        """A new version, at once; returns it."""
        version = tick()
        cache.set(self.key, version, timeout=None)
        version_changed.send(sender=DataVersion)
        return version

    def bump(self):
        """Mark the data as changed, now and once the change is committed."""
        now_and_on_commit(self.new)
