"""Place search on the camera map: our own municipality names and camera addresses, no
geocoder (no third party learns what a reader looks for).

Accent-insensitive, as people type without Serbian letters: "Vracar" finds Vračar and
"Djure" finds Đure. static/map/camera-map.js folds names the same way (`fold`) to search in the
browser; this module answers the same form without JavaScript.
"""

import unicodedata
from dataclasses import dataclass

from django.db.models import F, Value
from django.db.models.functions import Lower, Replace

from .filters import PUBLIC_STATUSES
from .models import Camera

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 8
# Addresses read to find MAX_RESULTS different ones: the work stays bounded.
MAX_ROWS = 50
# Letters that do not decompose into a base letter and a mark (đ), or that SQLite's lower()
# leaves alone (every non-ASCII capital), written out for the database.
DATABASE_FOLDS = {
    "č": "c",
    "ć": "c",
    "š": "s",
    "ž": "z",
    "đ": "dj",
    "Č": "c",
    "Ć": "c",
    "Š": "s",
    "Ž": "z",
    "Đ": "dj",
}


def fold(text):
    """Lower case, without accents, đ as dj: how names are compared."""
    text = text.casefold().replace("đ", "dj")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_address():
    expression = F("address")
    for letter, plain in DATABASE_FOLDS.items():
        expression = Replace(expression, Value(letter), Value(plain))
    return Lower(expression)


@dataclass(frozen=True)
class Place:
    name: str
    detail: str  # the municipality a camera is in; "" for a municipality
    municipality: str = ""  # a municipality's slug
    camera: int | None = None
    latitude: float | None = None
    longitude: float | None = None


def find_places(query, municipality_list):
    """Municipalities, then camera addresses, whose names hold every word of `query`.

    `municipality_list` comes from map.figures.municipalities(). At most MAX_RESULTS places;
    one query (for the cameras) however many there are.
    """
    words = fold(query[:MAX_QUERY_LENGTH]).split()
    if not words or sum(map(len, words)) < 2:
        return []

    def matches(name):
        folded = fold(name)
        return all(word in folded for word in words)

    places = [
        Place(name=item.local_name, detail="", municipality=item.slug)
        for item in municipality_list
        if matches(item.local_name) or matches(item.name)
    ]
    names = {item.id: item.local_name for item in municipality_list}
    cameras = Camera.objects.filter(status__in=PUBLIC_STATUSES).exclude(address="")
    cameras = cameras.alias(folded=folded_address())
    for word in words:
        cameras = cameras.filter(folded__contains=word)
    rows = cameras.order_by("address", "id").values_list(
        "id", "address", "municipality_id", "latitude", "longitude"
    )[:MAX_ROWS]
    seen = set()
    for pk, address, municipality_id, latitude, longitude in rows:
        detail = names.get(municipality_id, "")
        if (address, detail) in seen:
            continue
        seen.add((address, detail))
        places.append(
            Place(name=address, detail=detail, camera=pk, latitude=latitude, longitude=longitude)
        )
    return places[:MAX_RESULTS]
