"""Place search on the camera map: our own municipality names and camera addresses, no
geocoder (no third party learns what a reader looks for).

Accent-insensitive, as people type without Serbian letters: "Vracar" finds Vračar, and
"Djure", "Dure" and "Đure" find each other. Names are folded as the site search folds words
(home/serbian.py `fold_text`), here in Python and in SQL for the addresses;
static/map/camera-map.js folds names the same way (`fold`) to search in the browser; this
module answers the same form without JavaScript.

Cameras are listed by street: "Bulevar kralja Aleksandra 12", "… 14" and "… 20" are one entry,
"Bulevar kralja Aleksandra", with its number of cameras and its municipality. Without
JavaScript it links to the street's first camera; the map's script zooms to all of them. When
there are more places than the list holds, the list says so (`Places.cut`).
"""

from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, Q, Value
from django.db.models.functions import Lower, Replace

from home.serbian import fold_text

from .filters import PUBLIC_STATUSES
from .models import Camera
from .naming import without_house_number

MAX_QUERY_LENGTH = 100
# Places listed at most: municipalities, then streets.
MAX_RESULTS = 8
# Different addresses read to find MAX_RESULTS streets (a street's house numbers are each an
# address): the work stays bounded however many cameras match.
MAX_ROWS = 200
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
    detail: str  # the municipality a street is in; "" for a municipality
    municipality: str = ""  # a municipality's slug
    camera: int | None = None  # a street's first camera (the link without JavaScript)
    latitude: float | None = None
    longitude: float | None = None
    cameras: int = 0  # how many public cameras a street has
    bounds: tuple | None = None  # a street's cameras' (south, west, north, east)


@dataclass(frozen=True)
class Places:
    """What the place search found, and whether there was more than it lists (`cut`)."""

    items: list
    cut: bool = False

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def street_key(address):
    """What an address is grouped under: its street without the house number ("Knez
    Mihailova 12a" and "knez mihailova 14" are both "knez mihailova")."""
    return fold_text(without_house_number(address) or address)


def find_places(query, municipality_list):
    """Municipalities, then streets with camera addresses, whose names hold every word of
    `query`: one entry per street and municipality, with its number of cameras.

    `municipality_list` comes from map.figures.municipalities(). At most MAX_RESULTS places,
    `cut` when there were more; one query (for the cameras) however many there are.
    """
    # Each word as typed and folded (a word of accents alone folds to nothing).
    typed = [
        (word, folded)
        for word in query[:MAX_QUERY_LENGTH].split()
        if (folded := fold_text(word).strip())
    ]
    words = [folded for _, folded in typed]
    if not words or sum(map(len, words)) < 2:
        return Places([])

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
    # One row per address: its cameras counted and boxed by the database. In the folded
    # order, a street's house numbers come one after another.
    rows = list(
        cameras.values("address", "municipality_id")
        .annotate(
            count=Count("id"),
            first=Min("id"),
            south=Min("latitude"),
            north=Max("latitude"),
            west=Min("longitude"),
            east=Max("longitude"),
        )
        .order_by("folded", "address", "municipality_id")[: MAX_ROWS + 1]
    )
    more_rows = len(rows) > MAX_ROWS
    streets = {}
    for row in rows[:MAX_ROWS]:
        key = (street_key(row["address"]), row["municipality_id"])
        street = streets.get(key)
        if street is None:
            streets[key] = street = {"addresses": set(), "count": 0, "first": row["first"]}
            street.update({side: row[side] for side in ("south", "north", "west", "east")})
        street["addresses"].add(row["address"])
        street["count"] += row["count"]
        # The link without JavaScript goes to the street's first camera.
        street["first"] = min(street["first"], row["first"])
        for side, pick in (("south", min), ("west", min), ("north", max), ("east", max)):
            street[side] = pick(street[side], row[side])
    if more_rows and len(streets) > 1:
        # The last street read (`key`, the last row's) may go on past the rows read: left out
        # rather than miscounted.
        del streets[key]
    for (_, municipality_id), street in streets.items():
        addresses = sorted(street["addresses"], key=lambda address: (fold_text(address), address))
        # One address (one building, or a single camera): the address itself; else the street.
        name = addresses[0] if len(addresses) == 1 else without_house_number(addresses[0])
        places.append(
            Place(
                name=name or addresses[0],
                detail=names.get(municipality_id, ""),
                camera=street["first"],
                latitude=(street["south"] + street["north"]) / 2,
                longitude=(street["west"] + street["east"]) / 2,
                cameras=street["count"],
                bounds=(street["south"], street["west"], street["north"], street["east"]),
            )
        )
    return Places(places[:MAX_RESULTS], cut=more_rows or len(places) > MAX_RESULTS)
