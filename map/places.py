"""Place search on the camera map: our own municipality names and camera addresses, no
geocoder (no third party learns what a reader looks for).

Accent-insensitive, as people type without Serbian letters: "Vracar" finds Vračar, and
"Djure", "Dure" and "Đure" find each other. Names are folded as the site search folds words
(home/serbian.py `fold_text`), here in Python and in SQL for the addresses;
static/map/camera-map.js folds names the same way (`fold`) to search in the browser; this
module answers the same form without JavaScript.
"""

from dataclasses import dataclass

from django.db.models import F, Q, Value
from django.db.models.functions import Lower, Replace

from home.serbian import fold_text

from .filters import PUBLIC_STATUSES
from .models import Camera

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 8
# Addresses read to find MAX_RESULTS different ones: the work stays bounded.
MAX_ROWS = 50
# `fold_text` in SQL for Latin text: the Serbian letters (SQLite's lower() leaves every
# non-ASCII capital alone, so both cases are written out), then, in lower case, dj as d.
# Cyrillic is not transliterated here: SQLite cannot parse the 60 nested replace() calls it
# would take.
DATABASE_FOLDS = {
    "č": "c",
    "ć": "c",
    "š": "s",
    "ž": "z",
    "đ": "d",
    "Č": "c",
    "Ć": "c",
    "Š": "s",
    "Ž": "z",
    "Đ": "d",
}


def folded_address():
    expression = F("address")
    for letter, plain in DATABASE_FOLDS.items():
        expression = Replace(expression, Value(letter), Value(plain))
    return Replace(Lower(expression), Value("dj"), Value("d"))


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
    # Each word as typed and folded (a word of accents alone folds to nothing).
    typed = [
        (word, folded)
        for word in query[:MAX_QUERY_LENGTH].split()
        if (folded := fold_text(word).strip())
    ]
    words = [folded for _, folded in typed]
    if not words or sum(map(len, words)) < 2:
        return []

    def matches(name):
        folded = fold_text(name)
        return all(word in folded for word in words)

    places = [
        Place(name=item.local_name, detail="", municipality=item.slug)
        for item in municipality_list
        if matches(item.local_name) or matches(item.name)
    ]
    names = {item.id: item.local_name for item in municipality_list}
    cameras = Camera.objects.filter(status__in=PUBLIC_STATUSES).exclude(address="")
    cameras = cameras.alias(folded=folded_address())
    for word, folded in typed:
        # Or as typed: the SQL fold leaves Cyrillic as it is (see DATABASE_FOLDS), so a word
        # typed in Cyrillic still finds an address written in Cyrillic.
        cameras = cameras.filter(Q(folded__contains=folded) | Q(address__icontains=word))
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
