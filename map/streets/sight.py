"""What a camera sees, as a shape on the ground in metres.

A fixed camera sees a sector: from where it hangs, `angle` degrees wide around its direction
(OSM's camera:direction, clockwise from north), out to `range` metres. A dome or a panning
camera turns, so it sees a circle. A camera whose type or direction is unknown gets
settings.CAMERA_VIEW_UNKNOWN. The figures are settings, shown with their sources and limits
on the method page; nothing here knows about walls, trees or zoom.

Shapes are in the metric projection settings.STREET_COVERAGE_CRS (UTM 34N for Belgrade),
where a metre is a metre within a fraction of a percent across the city.
"""

import math
from functools import cache

from django.conf import settings
from pyproj import Transformer
from shapely.geometry import Point, Polygon

# A circle or an arc drawn with a point every this many degrees: under 0.1 % of the area off.
ARC_STEP_DEGREES = 5


@cache
def _transformer(crs):
    # always_xy: longitude first, as GeoJSON and our points are.
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def to_metres(longitudes, latitudes):
    """Projected x and y (lists) of points given in degrees."""
    return _transformer(settings.STREET_COVERAGE_CRS).transform(longitudes, latitudes)


def view_of(camera_type, direction):
    """{"angle", "range"} of a camera of `camera_type` facing `direction` (None: unknown)."""
    view = settings.CAMERA_VIEWS.get(camera_type)
    if view is None or (view["angle"] < 360 and direction is None):
        return settings.CAMERA_VIEW_UNKNOWN
    return view


def view_shape(x, y, camera_type, direction):
    """The ground a camera at (x, y) in metres sees: a Polygon."""
    view = view_of(camera_type, direction)
    radius, angle = view["range"], view["angle"]
    if angle >= 360:
        return Point(x, y).buffer(radius, quad_segs=90 // ARC_STEP_DEGREES)
    steps = max(2, math.ceil(angle / ARC_STEP_DEGREES))
    start = direction - angle / 2
    arc = []
    for step in range(steps + 1):
        # Bearings run clockwise from north: x grows with the sine, y with the cosine.
        bearing = math.radians(start + angle * step / steps)
        arc.append((x + radius * math.sin(bearing), y + radius * math.cos(bearing)))
    return Polygon([(x, y), *arc])
