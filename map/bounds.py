"""Where each municipality lies, for the camera map to zoom to when one is chosen.

The box around its public cameras, which is what a reader came to see (a municipality's
boundary may hold fields and forest far from any camera); around its boundary when it has no
camera yet; none for a municipality with neither. Kept in the shared cache under the camera
data version, so a change to a camera or a municipality (map/signals.py) works it out again.
"""

from django.core.cache import cache
from django.db.models import Max, Min

from .filters import PUBLIC_STATUSES
from .geo import municipality_areas
from .models import Camera, Municipality
from .signals import camera_data_version

CACHE_SECONDS = 600


def municipality_bounds():
    """{slug: [south, west, north, east]} in degrees; three queries when not in the cache."""
    key = f"map:municipality-bounds:{camera_data_version()}"
    bounds = cache.get(key)
    if bounds is None:
        bounds = _bounds()
        cache.set(key, bounds, CACHE_SECONDS)
    return bounds


def _bounds():
    extents = (
        Camera.objects.filter(status__in=PUBLIC_STATUSES, municipality__isnull=False)
        .values("municipality_id")
        .annotate(
            south=Min("latitude"),
            west=Min("longitude"),
            north=Max("latitude"),
            east=Max("longitude"),
        )
        .order_by()
    )
    bounds = {
        row["municipality_id"]: [row["south"], row["west"], row["north"], row["east"]]
        for row in extents
    }
    result = {}
    # The boundaries are read only for the municipalities without cameras.
    municipalities = Municipality.objects.canonical()
    for pk, slug in municipalities.values_list("id", "slug"):
        if pk in bounds:
            result[slug] = bounds[pk]
    without_cameras = municipalities.exclude(id__in=list(bounds)).filter(boundary__isnull=False)
    for municipality in without_cameras.only("id", "slug", "boundary"):
        try:
            area = municipality_areas([municipality])[0]
        except ValueError:
            continue  # a broken boundary: no place to zoom to
        result[municipality.slug] = [area.min_lat, area.min_lon, area.max_lat, area.max_lon]
    return result
