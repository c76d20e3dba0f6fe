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
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# One warning a minute per process while Redis is away, not one per cache call.
WARN_EVERY = 60


class RedisCacheThatMisses(RedisCache):
    """While Redis does not answer, every read misses and every write is dropped (logged).

    add() answers "not added", so allauth's rate limits, which count under a lock taken with
    add(), refuse an attempt rather than let it through uncounted: nobody logs in while Redis
    is away. incr() still raises: no number would be right (home/data_versions.py `tick`
    catches it). Copies kept before Redis went away may outlive a change made meanwhile until
    they expire (an hour at most): after an outage that Redis survived with its data, flush it.
    """

    _warned_at = float("-inf")

    def _or(self, missing, method, *args):
        try:
            return method(*args)
        except RedisError:
            if time.monotonic() - RedisCacheThatMisses._warned_at > WARN_EVERY:
                RedisCacheThatMisses._warned_at = time.monotonic()
                logger.warning("Redis does not answer: the cache is empty.", exc_info=True)
            return missing

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
