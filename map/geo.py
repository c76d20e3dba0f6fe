"""Geometry for the camera map: distances, and which municipality a point lies in.

Hand-written on purpose: GeoDjango needs GEOS and GDAL, system libraries a newcomer's machine
lacks, and shapely (a self-contained wheel) would bring numpy along for what is a few dozen
lines here. Boundaries are a handful of municipality polygons; a bounding-box check rules out
almost all of them for each point, so even 100,000 cameras are assigned in about a second.

Coordinates follow GeoJSON: rings are lists of [longitude, latitude]. Inside a polygon the
plane is treated as flat, which is exact enough at the scale of a city.
"""

import math
from dataclasses import dataclass

# Mean Earth radius (IUGG), the usual choice for the haversine formula.
EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres between two points given in degrees (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(a, 1.0)))


def polygons_of(geometry):
    """The polygons of a GeoJSON geometry, each a list of rings of (lon, lat) float tuples.

    Accepts a Polygon or MultiPolygon, also wrapped in a Feature or FeatureCollection, as
    editors often paste what a drawing tool exports. Raises ValueError for anything else.
    """
    if not isinstance(geometry, dict):
        raise ValueError("not a GeoJSON object")
    kind = geometry.get("type")
    if kind == "Feature":
        return polygons_of(geometry.get("geometry"))
    if kind == "FeatureCollection":
        features = geometry.get("features")
        if not isinstance(features, list) or not features:
            raise ValueError("a FeatureCollection without features")
        return [polygon for feature in features for polygon in polygons_of(feature)]
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        return [_polygon(coordinates)]
    if kind == "MultiPolygon" and isinstance(coordinates, list) and coordinates:
        return [_polygon(polygon) for polygon in coordinates]
    raise ValueError("not a GeoJSON Polygon or MultiPolygon")


def _polygon(rings):
    if not isinstance(rings, list) or not rings:
        raise ValueError("a polygon needs at least one ring")
    return [_ring(ring) for ring in rings]


def _ring(positions):
    try:
        ring = [(float(position[0]), float(position[1])) for position in positions]
    except (TypeError, ValueError, IndexError):
        raise ValueError("a ring's positions must be [longitude, latitude] numbers") from None
    if len(ring) < 4:
        raise ValueError("a ring needs at least four positions")
    return ring


def _in_ring(lon, lat, ring):
    """Ray casting: a ray from the point towards east crosses the ring an odd number of times."""
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def _in_polygons(lon, lat, polygons):
    # A polygon's first ring is its outline, the others are holes.
    return any(
        _in_ring(lon, lat, rings[0]) and not any(_in_ring(lon, lat, hole) for hole in rings[1:])
        for rings in polygons
    )


def point_in_polygon(lat, lon, geometry):
    """Whether the point lies inside a GeoJSON Polygon or MultiPolygon (holes excluded)."""
    return _in_polygons(lon, lat, polygons_of(geometry))


@dataclass(frozen=True)
class Area:
    """A municipality's boundary, parsed once, with its bounding box for a quick first test."""

    municipality: object
    polygons: list
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lat, lon):
        return (
            self.min_lat <= lat <= self.max_lat
            and self.min_lon <= lon <= self.max_lon
            and _in_polygons(lon, lat, self.polygons)
        )


def municipality_areas(municipalities):
    """Parse the boundaries of `municipalities` (those without one are left out).

    Raises ValueError naming the municipality whose boundary is not a usable polygon.
    """
    areas = []
    for municipality in municipalities:
        if not municipality.boundary:
            continue
        try:
            polygons = polygons_of(municipality.boundary)
        except ValueError as error:
            raise ValueError(f"the boundary of {municipality}: {error}") from None
        lons = [lon for rings in polygons for lon, _lat in rings[0]]
        lats = [lat for rings in polygons for _lon, lat in rings[0]]
        areas.append(Area(municipality, polygons, min(lons), min(lats), max(lons), max(lats)))
    return areas


def municipality_for(lat, lon, areas):
    """The municipality whose area (from `municipality_areas`) contains the point, or None."""
    for area in areas:
        if area.contains(lat, lon):
            return area.municipality
    return None
