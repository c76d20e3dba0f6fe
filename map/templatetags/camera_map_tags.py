"""`{% camera_map %}`: the camera map, as the map page, the camera map block and the embed show it.

Everything static/map/camera-map.js needs travels in data- attributes and one JSON script
element: the page has no inline script, and the same markup serves every kind of map.
"""

import json
import uuid
from datetime import date
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.translation import get_language, gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from home.languages import CYRILLIC
from home.scripts import for_reader
from map.bounds import municipality_bounds
from map.figure_cache import cached_city_figures, cached_has_demo, cached_latest_release
from map.figure_cache import cached_municipalities as municipalities_in_reading_order
from map.filters import query_string
from map.models import ANSWER_BUTTONS, Camera, CameraType, MapPage
from map.places import MAX_QUERY_LENGTH, MAX_RESULTS, find_places

register = template.Library()


# Django's date format letters for a month's name: "E" (Serbian's genitive), "F" (full),
# "N" (AP style: "Dec."), "M" and "b" (short).
MONTH_LETTERS = {"E": "long", "F": "long", "N": "short", "M": "short", "b": "short"}


def date_parts():
    """How the server writes a date (DATE_FORMAT, as the camera's page shows it), for the script.

    The script lets the browser order day, month and year (Intl) and puts in the month's name
    as the server writes it: "28. decembra 2019." in Serbian (genitive, portal/formats/sr_Latn),
    "Dec. 28, 2019" in English. The month names keep their one home: Django's catalogue.
    """
    date_format = get_format("DATE_FORMAT")
    letter = next((char for char in date_format if char in MONTH_LETTERS), "F")
    return {
        "months": [dateformat.format(date(2001, month, 1), letter) for month in range(1, 13)],
        "month": MONTH_LETTERS[letter],
        # The day as it is where the cameras are, not where the reader's browser is.
        "timeZone": timezone.get_current_timezone_name(),
    }


def map_labels(municipality_list):
    """The words the map's script shows, in the reader's language."""
    return {
        "status": {
            Camera.Status.VERIFIED: Camera.Status.VERIFIED.label,
            Camera.Status.REPORTED: _("Reported, not yet verified"),
            Camera.Status.RETIRED: _("Retired: no longer there"),
        },
        "cameraType": dict(CameraType.choices),
        # Names are content, in Latin: a Cyrillic reader's in Cyrillic (home/scripts.py).
        "municipalities": {item.slug: for_reader(item.local_name) for item in municipality_list},
        "fields": {
            "cameraType": _("Camera type"),
            "status": _("Status"),
            "municipality": _("Municipality"),
            "facialRecognition": _("Capable of facial recognition"),
            "onPoliceList": _("On the police list"),
            "firstReported": _("First reported"),
            "verified": _("Last verified"),
            "lastConfirmed": _("Last confirmed"),
            "retired": _("Retired"),
            "direction": _("Faces"),
            "address": _("Address"),
            "model": _("Model"),
            "operator": _("Operator"),
        },
        "yes": _("Yes"),
        "no": _("No"),
        "degrees": _("{degrees}° from north"),
        "loading": _("Loading cameras…"),
        "shown": _("Cameras shown: {count}"),
        "failed": _("The cameras could not be loaded. Please try again later."),
        "tilesFailed": _("The map background could not be loaded; the cameras are still shown."),
        "nothingHere": _(
            "No camera at the centre of the map. Move the map with the arrow keys to one."
        ),
        "demo": _("Demo data: not a real camera."),
        "data": _("The camera's data (GeoJSON)"),
        # The popup's title in the words of Camera.place_name (map/naming.py has the rule),
        # so that the popup and the camera's page agree.
        "near": _("Camera near {street}"),
        "inMunicipality": _("Camera in the municipality of %(municipality)s"),
        "position": _("Camera at %(latitude).5f, %(longitude).5f"),
        # What it is, in words: "Dome camera, verified, capable of facial recognition, …".
        "kind": {
            CameraType.FIXED: _("Fixed camera"),
            CameraType.DOME: _("Dome camera"),
            CameraType.PANNING: _("Panning camera"),
            "": _("Camera"),
        },
        "licencePlateReader": _("Licence plate reader"),
        # One camera's traits, in a list after its kind: a context of their own, as the same
        # English words elsewhere stand for other forms (plural, a noun) in Serbian.
        "facial": pgettext_lazy("a camera's trait", "capable of facial recognition"),
        "policeList": pgettext_lazy("a camera's trait", "on the police list"),
        "notPoliceList": pgettext_lazy("a camera's trait", "not on the police list"),
        "verifiedShort": pgettext_lazy("a camera's trait", "verified"),
        "reportedShort": pgettext_lazy("a camera's trait", "reported, not yet verified"),
        # What a visitor may answer about the camera: the camera page's buttons too.
        "answers": [[kind, label] for kind, label in ANSWER_BUTTONS],
        "needsRecheck": _("Needs a re-check: nobody has confirmed it for a while."),
        "cameraPage": _("Camera's page"),
        # Groups of cameras, drawn as a circle with their number.
        "group": _("{count} cameras here: the map zoomed in on them."),
        "municipality": _("municipality"),
        "placesFound": _("Places found: {count}"),
        "placesMore": _("More than {count} places found"),
        "placesCut": cut_notice(),
        "streetCameras": street_cameras(),
        "placeShown": _("The map shows {place}."),
        "noPlace": _("No municipality or address matches. Try part of a street's name."),
        "located": _("The map shows where you are. Your position stays in your browser."),
        "notLocated": _("Your position could not be found."),
        # "Near me" refused or too slow: the reader is told why and what to do instead.
        "locating": _("Finding your position…"),
        "locationDenied": _(
            "The browser did not allow your position to be found. Allow location for this site,"
            " or type a street or municipality."
        ),
        "locationTimeout": _(
            "Your position could not be found in time. Try again, or type a street or municipality."
        ),
        "date": date_parts(),
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "close": _("Close"),
        "photo": _("Photo of the camera"),
    }


def tile_origin(url):
    """The tile server's origin, for the page to connect to while Leaflet still loads: its
    first tiles are what a phone shows first. None when the address names several hosts
    ({s}): which one is asked first is Leaflet's choice."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "{" in parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


@register.inclusion_tag("map/includes/camera_map.html")
def camera_map(
    filters,
    latitude=None,
    longitude=None,
    zoom=None,
    municipalities=None,
    demo=None,
    filter_form="",
    refresh="",
    report_link=False,
    sync_url=False,
    zoom_to_municipality=False,
    search_form="",
    street_layer=False,
):
    """The map of the cameras `filters` select (see map.filters), with its legend.

    `municipalities` and `demo` (whether demo cameras are among them) save a query each when
    the caller knows them. `filter_form`: the id of the form whose values filter the map;
    `refresh`: ids of page parts the script reloads when they change; `sync_url`: keep the
    view and the filters in the page's address; `report_link`: offer "report a camera here";
    `zoom_to_municipality`: the map shows the municipality the filters choose;
    `search_form`: the id of the place search ({% place_search %}) that moves this map;
    `street_layer`: offer the streets coloured by coverage (map/includes/coverage_layer.html).
    """
    if municipalities is None:
        municipalities = municipalities_in_reading_order()
    if demo is None:
        demo = cached_has_demo(filters)
    map_id = f"camera-map-{uuid.uuid4().hex[:8]}"
    script = "script=cyrillic" if get_language() == CYRILLIC else ""
    return {
        "map_id": map_id,
        "api_url": reverse("map_api:cameras_geojson"),
        # Prefixes, in the reader's language: the script adds a camera's id (and a query).
        "camera_page_prefix": reverse("map:camera_page", args=[0]).removesuffix("0/"),
        "report_url": reverse("map:report"),
        "search_form": search_form,
        "tile_url": settings.MAP_TILE_URL,
        "tile_origin": tile_origin(settings.MAP_TILE_URL),
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "latitude": settings.MAP_CENTER["lat"] if latitude is None else latitude,
        "longitude": settings.MAP_CENTER["lng"] if longitude is None else longitude,
        "zoom": settings.MAP_ZOOM if zoom is None else zoom,
        "filters": query_string(filters),
        # The cameras' addresses and streets in the reader's script (map/api.py `script`),
        # after the filters, as camera-map.js adds it, so that the preloaded answer is used.
        "api_script": script,
        "api_query": "&".join(part for part in (query_string(filters), script) if part),
        "labels": map_labels(municipalities),
        "labels_id": f"{map_id}-labels",
        "demo": demo,
        "filter_form": filter_form,
        "refresh": refresh,
        "report_link": report_link,
        "sync_url": sync_url,
        "street_layer": street_layer,
        # In an attribute rather than a script element: a few numbers, escaped as any value.
        "bounds": json.dumps(municipality_bounds()) if zoom_to_municipality else "",
    }


def cut_notice():
    """What the place search says when it lists only its first MAX_RESULTS places."""
    return gettext("Showing the first {count}; narrow your search.").format(count=MAX_RESULTS)


def street_cameras():
    """A street's number of cameras in words, one form per plural category of the reader's
    language (the script picks one with Intl.PluralRules): 1, 2 and 5 are "one", "few" and
    "other" in Serbian; English has no "few", and 2 gives its plural. The words of
    place_search.html's {% blocktranslate count %}, so one translation serves both."""
    return {
        category: ngettext("%(count)s camera", "%(count)s cameras", count)
        for category, count in (("one", 1), ("few", 2), ("other", 5))
    }


@register.inclusion_tag("map/includes/place_search.html", takes_context=True)
def place_search(context, form_id="map-search"):
    """The place search over our municipalities and camera addresses, as a GET form.

    Without JavaScript the page answers it (municipalities link to the map filtered to them,
    cameras to their page); with it, camera-map.js searches in the browser and moves the map.
    """
    request = context["request"]
    query = request.GET.get("place", "")[:MAX_QUERY_LENGTH].strip()
    municipalities = context.get("municipalities") or municipalities_in_reading_order()
    places = find_places(query, municipalities) if query else None
    if places and places.cut:
        message = gettext("More than {count} places found").format(count=len(places))
    elif places:
        message = gettext("Places found: {count}").format(count=len(places))
    else:
        message = gettext("No municipality or address matches. Try part of a street's name.")
    return {
        "form_id": form_id,
        "query": query,
        "places": places,
        "message": message if query else "",
        "cut": cut_notice() if places and places.cut else "",
        "camera_page_prefix": reverse("map:camera_page", args=[0]).removesuffix("0/"),
    }


@register.simple_tag(takes_context=True)
def map_page_url(context, filters=None):
    """The address of the map page in the reader's language, with `filters`; "" if none."""
    page = MapPage.for_language(get_language())
    if page is None:
        return ""
    url = page.get_url(context.get("request"))
    query = query_string(filters) if filters else ""
    return f"{url}?{query}" if query else url


@register.simple_tag
def city_figures():
    """The city-wide figures of the map (map.figures.city_figures), for the home page."""
    return cached_city_figures()


@register.inclusion_tag("map/includes/figures_source.html")
def figures_source():
    """Which data the figures beside it show: live, and the release to cite instead."""
    return {"release": cached_latest_release()}


@register.simple_tag
def recheck_query(filters, municipality):
    """The map's address (its query) for the cameras `filters` show in `municipality` that
    need a re-check: the table's link keeps the other filters, so that it lists what it counts."""
    return query_string({**filters, "needs_recheck": True, "municipality": municipality})
