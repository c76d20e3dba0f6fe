"""Values built from the database and kept in the shared cache while their data is unchanged.

What many pages show (the site's settings and sections, the knowledge base's topics, the
glossary) is read once per change of its data rather than on every render of every page: this
is what keeps a page cache miss at a fixed, small number of queries (issue 18).

A value names the data versions it is built from (home/data_versions.py; the page cache's
per-kind versions, which every save of a page or snippet of that kind makes new, in
home/page_cache.py) and is served only while they are all the same. They are read before the
value is built: a change during a build leaves the value stamped with the older versions, so it
is built again on the next read. Keys are bounded by the data (a language, a page), never by
what a visitor types.
"""

import contextvars
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

# The versions of what this render read from kept values (home/page_cache.py starts a list for
# each page it may keep, which then depends on them as on the page's own).
read_versions = contextvars.ContextVar("read_versions", default=None)

# An entry of old versions is never read again; it only waits to expire. An hour also bounds
# how long one may outlive a change the cache could not note (portal/cache.py).
KEPT_FOR = 60 * 60


def kept(key, versions, build, timeout=KEPT_FOR):
    """`build()`, from the cache under `key` while `versions` (DataVersion) hold."""
    names = [version.key for version in versions]
    read = read_versions.get()
    if read is not None:
        read.extend(versions)
    try:
        found = cache.get_many([*names, key])
    except Exception:
        # What the cache holds but this release cannot read (a renamed model, a changed
        # block): built again, as for a miss, rather than a 500 until it expires.
        logger.warning("A kept value could not be read: %s", key, exc_info=True)
        found = {}
    current = tuple(
        found[name] if name in found else version.current()
        for name, version in zip(names, versions, strict=True)
    )
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = build()
    cache.set(key, (current, value), timeout)
    return value
