"""The map's figures in the shared cache, under the camera data version (map/versions.py).

A page that shows them (the map page, its embed and blocks, the home page) renders in a time
that does not grow with the cameras: the grouped counts over every camera are read once per
change of the data, language and filters, then served from the cache.

Why a cache under the version rather than counts kept up to date by each write: every write
to cameras and municipalities already gives a new version (the signals, and the bulk writes of
the import, the moderation's merges and the demo call `bump_camera_data_version()`), which the
API's answers and the map's bounds rely on; counters would need each of those writes to adjust
a row per municipality and per filter, and one missed would stay wrong unnoticed, while a new
version costs one grouped query. The entries are bounded: the filters come from a form with
fixed choices (`CameraFilterForm.values()`), times the languages.
"""

from django.core.cache import cache
from django.utils.translation import get_language

from .cameras import Camera, recheck_due_before
from .figures import city_figures, municipalities, municipality_figures
from .filters import camera_q
from .releases.models import Release
from .versions import camera_data_version

# An old version's entries are never read again; they only wait to expire.
CACHE_SECONDS = 24 * 60 * 60


def _cached(key, build):
    # Wrapped in a tuple: a figure may be None ("no camera yet"), which cache.get() cannot tell
    # from a miss.
    entry = cache.get(key)
    if entry is None:
        entry = (build(),)
        cache.set(key, entry, CACHE_SECONDS)
    return entry[0]


def _filters_key(filters):
    """The filters' values as part of a key: fixed choices, slugs and booleans; and the day,
    which decides the cameras that need a re-check."""
    values = "|".join(f"{name}={filters.get(name)}" for name in sorted(filters))
    return f"{values}|{recheck_due_before().date()}"


def cached_municipalities(version=None):
    """`map.figures.municipalities()`, in the reader's language."""
    version = version or camera_data_version()
    return _cached(f"map:municipalities:{version}:{get_language()}", municipalities)


def cached_municipality_figures(filters, municipality_list, version):
    """`map.figures.municipality_figures()`; `municipality_list` and `version` as
    `cached_municipalities(version)` and `camera_data_version()` gave them."""
    return _cached(
        f"map:figures:{version}:{get_language()}:{_filters_key(filters)}",
        lambda: municipality_figures(filters, municipality_list),
    )


def cached_city_figures():
    """`map.figures.city_figures()`: the home page's figures."""
    return _cached(f"map:city-figures:{camera_data_version()}", city_figures)


def cached_has_demo(filters):
    """Whether demo cameras are among those `filters` select (the map's demo notice)."""
    return _cached(
        f"map:has-demo:{camera_data_version()}:{_filters_key(filters)}",
        lambda: Camera.objects.filter(camera_q(filters), source=Camera.Source.DEMO).exists(),
    )


def cached_latest_release():
    """The newest release's number and date, or None: what the live figures say to cite.
    Publishing one bumps the camera data version (map/releases/publishing.py)."""
    return _cached(
        f"map:latest-release:{camera_data_version()}",
        lambda: Release.objects.values("number", "published_at").first(),
    )
