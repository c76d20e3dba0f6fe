"""What a camera is called: the one rule for its page, the map's popups and the open data.

A camera is named by its street address (the one editors gave, else its OpenStreetMap
`addr:*` tags); else "Camera near <street>", the street (without its house number) of the
nearest public camera with an address within NEAR_STREET_METRES; else "Camera in the
municipality of …"; else its position. `Camera.place_name` (map/models.py) puts that into
words; the API's `address` and `near` carry the same for the map's script, which only
translates them (static/map/camera-map.js `title`).

Nothing here reads the database: map/models.py asks for the streets around some cameras (one
query, however many) and `NearStreets` answers for each of them from memory.
"""

import functools
import math
import re
from collections import defaultdict

from .geo import EARTH_RADIUS_M

# How far a camera's "near" street may be: about a block.
NEAR_STREET_METRES = 150
# As long as a camera's address may be (Camera.address).
STREET_MAX_LENGTH = 255
_METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180
# Latitude rows of the grid: a row is at least NEAR_STREET_METRES tall.
_ROW_DEGREES = NEAR_STREET_METRES / _METRES_PER_DEGREE
# "Knez Mihailova 12a", "Bulevar kralja Aleksandra 73/II", "Njegoševa, 5": the house number.
_HOUSE_NUMBER = re.compile(r"[\s,]+\d+\s*[^\W\d_]?(?:/[\dIVXivx]+)?$")


def street_from_tags(tags):
    """The street address OSM tags give: `addr:full`, else `addr:street` (or `addr:place`)
    with `addr:housenumber`; "" if none. Values that are not text count as absent."""
    if not isinstance(tags, dict):
        return ""

    def tag(name):
        value = tags.get(name)
        return value.strip() if isinstance(value, str) else ""

    if tag("addr:full"):
        return tag("addr:full")[:STREET_MAX_LENGTH]
    street = tag("addr:street") or tag("addr:place")
    if not street:
        return ""
    return f"{street} {tag('addr:housenumber')}".strip()[:STREET_MAX_LENGTH]


def own_street(address, tags):
    """A camera's own street address: `address` as editors gave it (or the importer, from
    the tags), else its OSM tags' (for a camera whose address was never filled in)."""
    return address if address.strip() else street_from_tags(tags)


def without_house_number(street):
    """The street without its house number, what a camera nearby is near: "Knez Mihailova
    12a" -> "Knez Mihailova"."""
    return _HOUSE_NUMBER.sub("", street).strip()


def _row(latitude):
    return math.floor(latitude / _ROW_DEGREES)


@functools.lru_cache(maxsize=4096)  # a city spans a few dozen rows
def _column_degrees(row):
    """The width of the grid's cells in `row`: at least NEAR_STREET_METRES at the row's edge
    nearest a pole, so that a point's neighbours within reach are in the next cells."""
    poleward = max(abs(row * _ROW_DEGREES), abs((row + 1) * _ROW_DEGREES))
    cosine = max(math.cos(math.radians(min(poleward, 90))), 1e-6)
    return _ROW_DEGREES / cosine


def _cell(latitude, longitude):
    row = _row(latitude)
    return row, math.floor(longitude / _column_degrees(row))


def search_box(latitude, longitude):
    """(south, west, north, east) around a point, holding everything within reach."""
    # A little more than the reach: the box only narrows what is read, distance decides.
    reach = _ROW_DEGREES * 1.01
    cosine = max(math.cos(math.radians(min(abs(latitude) + reach, 90))), 1e-6)
    return (
        latitude - reach,
        longitude - reach / cosine,
        latitude + reach,
        longitude + reach / cosine,
    )


class NearStreets:
    """The streets of cameras by where they are, to find the nearest within reach quickly.

    Built from (latitude, longitude, street) rows. The points are kept in the cells of a grid
    whose cells are at least NEAR_STREET_METRES wide, so a point's nearest street within reach
    lies in the 3 x 3 cells around its own: naming all of 10,000 cameras is one pass.
    """

    def __init__(self, rows=()):
        self._cells = defaultdict(list)
        for latitude, longitude, street in rows:
            if street:
                self._cells[_cell(latitude, longitude)].append((latitude, longitude, street))

    def near(self, latitude, longitude):
        """The street, without its house number, of the nearest point within reach; ""."""
        row = _row(latitude)
        # Distances in a plane around the point: within millimetres of the great circle's at
        # this reach, and cheap enough for thousands of cameras in a few city blocks.
        metres_north = _METRES_PER_DEGREE
        metres_east = _METRES_PER_DEGREE * math.cos(math.radians(latitude))
        reach = NEAR_STREET_METRES**2
        best = None  # (squared distance, street): ties go to the first street in the alphabet
        for other_row in (row - 1, row, row + 1):
            column = math.floor(longitude / _column_degrees(other_row))
            for other_column in (column - 1, column, column + 1):
                for other_latitude, other_longitude, street in self._cells.get(
                    (other_row, other_column), ()
                ):
                    north = (other_latitude - latitude) * metres_north
                    east = (other_longitude - longitude) * metres_east
                    distance = north * north + east * east
                    if distance <= reach and (best is None or (distance, street) < best):
                        best = (distance, street)
        return without_house_number(best[1]) if best else ""
