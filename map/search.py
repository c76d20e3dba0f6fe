"""The camera map's part of the site search: the municipalities and the public cameras whose
place has the reader's words, as a group of results above the pages ("Vracar" finds the
municipality of Vračar, "Njegoševa" the cameras in that street).

map/wagtail_hooks.py registers `place_results` under home's search hook (home imports no
other app). Words are compared as the search compares them (home/serbian.py): folded and
stemmed, with the Serbian stemmer in either language, since the places' names are Serbian.
"""

import heapq
import threading
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext

from home.search import WORD, ResultGroup, ResultItem
from home.serbian import word_stem

from .figures import municipalities
from .filters import PUBLIC_STATUSES
from .models import Camera, MapPage
from .naming import without_house_number
from .places import street_key
from .signals import camera_data_version

MAX_MUNICIPALITIES = 5
MAX_CAMERAS = 5


def name_stems(text):
    return {word_stem(word) for word in WORD.findall(text or "")}


@dataclass(frozen=True)
class CameraIndex:
    """Which public cameras have each stem in their street address, and which are in each
    municipality: built once per version of the map's data (map/signals.py) and process,
    so that a search reads no camera until it has found some."""

    version: int
    by_stem: dict
    by_municipality: dict
    # Each camera with an address: its street and municipality (map.places.street_key), and
    # its address, to list a street once however many cameras it has.
    street_of: dict

    @classmethod
    def build(cls, version):
        by_stem, by_municipality, street_of = {}, {}, {}
        cameras = Camera.objects.filter(status__in=PUBLIC_STATUSES).only(
            "pk", "address", "source_tags", "municipality_id"
        )
        for camera in cameras.iterator(chunk_size=2000):
            street = camera.street
            for stem in name_stems(street):
                by_stem.setdefault(stem, set()).add(camera.pk)
            if street:
                street_of[camera.pk] = ((street_key(street), camera.municipality_id), street)
            if camera.municipality_id is not None:
                by_municipality.setdefault(camera.municipality_id, set()).add(camera.pk)
        return cls(version, by_stem, by_municipality, street_of)


_index = None
_index_lock = threading.Lock()


def camera_index():
    """The index of the current version of the map's data."""
    global _index
    version = camera_data_version()
    index = _index
    if index is None or index.version != version:
        with _index_lock:
            if _index is None or _index.version != version:
                _index = CameraIndex.build(version)
            index = _index
    return index


def place_results(request, query):
    """A ResultGroup of the municipalities whose whole name is among the query's words (each
    linking to the map of its cameras) and of the public cameras with every other place
    word of the query in their street address (each linking to its page); None if neither."""
    stems = {word_stem(word) for word in query.searched}
    map_page = MapPage.for_language(get_language())
    items = []
    named = [
        (municipality, name_stems(f"{municipality.name} {municipality.local_name}"))
        for municipality in municipalities()
    ]
    if map_page is not None:
        map_url = map_page.get_url(request)
        items.extend(
            ResultItem(
                label=municipality.local_name,
                url=f"{map_url}?municipality={municipality.slug}",
                detail=gettext("municipality: its cameras on the map"),
            )
            for municipality, names in named
            if names and names <= stems
        )
        items = items[:MAX_MUNICIPALITIES]
    streets, cut = street_items(stems, named)
    items.extend(streets)
    if not items:
        return None
    note = gettext("Showing the first {count}; narrow your search.").format(count=MAX_CAMERAS)
    return ResultGroup(title=gettext("Places on the map"), items=items, note=note if cut else "")


def street_items(stems, named):
    """The streets of the first public cameras (by id) with every query word that names a
    place either in their street address or in their municipality's name, and at least one in
    the address: one item per street and municipality, with its number of cameras, and
    whether there were more streets than MAX_CAMERAS."""
    index = camera_index()
    in_municipality = {}
    for municipality, names in named:
        cameras = index.by_municipality.get(municipality.pk, set())
        for stem in names & stems:
            in_municipality[stem] = in_municipality.get(stem, set()) | cameras
    # Words that name no place ("kamere" in "kamere u Njegoševoj") are not asked of one.
    place_stems = [stem for stem in stems if stem in index.by_stem or stem in in_municipality]
    in_address = [stem for stem in place_stems if stem in index.by_stem]
    if not in_address:
        return [], False
    found = set().union(*(index.by_stem[stem] for stem in in_address))
    for stem in place_stems:
        found &= index.by_stem.get(stem, set()) | in_municipality.get(stem, set())
    # Work in memory, at most one step per public camera: no query.
    streets = {}
    for pk in found:
        key, address = index.street_of[pk]
        street = streets.setdefault(key, {"cameras": [], "addresses": set()})
        street["cameras"].append(pk)
        street["addresses"].add(address)
    chosen = heapq.nsmallest(
        MAX_CAMERAS, streets.values(), key=lambda street: min(street["cameras"])
    )
    if not chosen:
        return [], False
    first = {min(street["cameras"]): street for street in chosen}
    # The index may be a moment older than the data (another process, a commit not yet
    # announced): only cameras still public are named.
    cameras = Camera.with_municipality_names(
        Camera.objects.filter(pk__in=first, status__in=PUBLIC_STATUSES)
    ).order_by("pk")
    items = []
    for camera in cameras:
        street = first[camera.pk]
        count = len(street["cameras"])
        if count == 1 or len(street["addresses"]) == 1:
            label = camera.place_name
        else:
            label = without_house_number(camera.street) or camera.place_name
        detail = camera.municipality_name
        if count > 1:
            # The words of the map's place search (map/includes/place_search.html).
            words = ngettext("%(count)s camera", "%(count)s cameras", count) % {"count": count}
            detail = f"{words}, {detail}" if detail else words
        url = reverse("map:camera_page", args=[camera.pk])
        items.append(ResultItem(label=label, url=url, detail=detail))
    return items, len(streets) > MAX_CAMERAS
