"""Django's Redis cache backend, answering as an empty cache while Redis is away.

Django's backend raises when Redis does not answer, and every page would be a 500: Wagtail
reads the default cache for every page address it makes, and the site's settings, sections and
data versions are read from it (home/kept.py, home/data_versions.py). django-redis's
IGNORE_EXCEPTIONS answers None for everything, get_many() included, which callers cannot use;
so this small subclass of Django's own says what each read and write means when Redis is away.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis import exceptions

logger = logging.getLogger(__name__)

# What says Redis is away. An error Redis answers with (out of memory under `noeviction`, a
# wrong command) is raised as before: it is a fault to see, not an outage to ride out.
AWAY = (exceptions.ConnectionError, exceptions.TimeoutError)
# After Redis did not answer, a process asks it nothing for this long: a Redis that takes
# connections but never answers would make every cache call wait for its socket timeout.
AWAY_FOR = 5
_away_until = {}


class RedisCacheThatMisses(RedisCache):
    """While Redis does not answer, every read misses and every write is dropped (logged).

    add() answers "not added", so allauth's rate limits, which count under a lock taken with
    add(), refuse an attempt rather than let it through uncounted: nobody logs in while Redis
    is away. incr() still raises: no number would be right (home/data_versions.py `tick`
    catches it). Copies kept before Redis went away may outlive a change made meanwhile until
    they expire (an hour at most): after an outage that Redis survived with its data, flush it.
    """

    def _away(self):
        return time.monotonic() < _away_until.get(self._server_names, float("-inf"))

    @property
    def _server_names(self):
        return tuple(self._servers)

    def _went_away(self):
        _away_until[self._server_names] = time.monotonic() + AWAY_FOR
        logger.warning(
            "Redis does not answer: the cache acts as an empty one for %s s.",
            AWAY_FOR,
            exc_info=True,
        )

    def _or(self, missing, method, *args):
        if self._away():
            return missing
        try:
            return method(*args)
        except AWAY:
            self._went_away()
            return missing

    def incr(self, key, delta=1, version=None):
        if self._away():
            raise exceptions.ConnectionError("Redis is away")
        try:
            return super().incr(key, delta, version)
        except AWAY:
            self._went_away()
            raise

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or(False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._or(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(list(data), super().set_many, data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._or(None, super().delete_many, keys, version)
