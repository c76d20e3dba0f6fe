"""Versions of data that every web process keeps something of in the shared cache: the map's
cameras (map/signals.py), the petitions (campaigns/petitions/signals.py).

A version is the time, in nanoseconds, of the data's last change, kept in the shared cache so
that every process sees a change at once; what a process keeps is stamped with the version it
was built under, and a new version makes it build again. A change takes a new version at once
and again once its transaction commits (`now_and_on_commit`): a request in between may have
read the data as it was before, and would otherwise keep it under the new version.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

# Sent when this process makes a version new, so that what it remembers of versions it read
# lately (home/page_cache.py's near copies) is forgotten at once.
version_changed = Signal()


def now_and_on_commit(action):
    """Do `action` now, and again once the current transaction (if any) commits."""
    action()
    transaction.on_commit(action)


class DataVersion:
    def __init__(self, key):
        self.key = key

    def current(self):
        """The current version; a new one if the cache lost it (which only costs a rebuild)."""
        return cache.get_or_set(self.key, time.time_ns, timeout=None)

    def new(self):
        """A new version, at once; returns it."""
        version = time.time_ns()
        cache.set(self.key, version, timeout=None)
        version_changed.send(sender=DataVersion)
        return version

    def bump(self):
        """Mark the data as changed, now and once the change is committed."""
        now_and_on_commit(self.new)
