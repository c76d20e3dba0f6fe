"""`{% camera_map %}`: the camera map, as the map page, the camera map block and the embed show it.

Everything static/map/camera-map.js needs travels in data- attributes and one JSON script
element: the page has no inline script, and the same markup serves every kind of map.
"""

import json
import uuid

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from map.bounds import municipality_bounds
from map.figures import municipalities as municipalities_in_reading_order
from map.filters import camera_q, query_string
from map.models import Camera, CameraType, MapPage, SurveillanceType

register = template.Library()


def map_labels(municipality_list):
    """The words the map's script shows, in the reader's language."""
    return {
        "status": {
            Camera.Status.VERIFIED: Camera.Status.VERIFIED.label,
            Camera.Status.REPORTED: _("Reported, not yet verified"),
        },
        "surveillanceType": dict(SurveillanceType.choices),
        "cameraType": dict(CameraType.choices),
        "municipalities": {item.slug: item.local_name for item in municipality_list},
        "fields": {
            "cameraType": _("Camera type"),
            "status": _("Status"),
            "municipality": _("Municipality"),
            "facialRecognition": _("Capable of facial recognition"),
            "onPoliceList": _("On the police list"),
            "firstReported": _("First reported"),
            "verified": _("Last verified"),
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
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "close": _("Close"),
        "photo": _("Photo of the camera"),
    }


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
):
    """The map of the cameras `filters` select (see map.filters), with its legend.

    `municipalities` and `demo` (whether demo cameras are among them) save a query each when
    the caller knows them. `filter_form`: the id of the form whose values filter the map;
    `refresh`: ids of page parts the script reloads when they change; `sync_url`: keep the
    view and the filters in the page's address; `report_link`: offer "report a camera here";
    `zoom_to_municipality`: the map shows the municipality the filters choose.
    """
    if municipalities is None:
        municipalities = municipalities_in_reading_order()
    if demo is None:
        demo = Camera.objects.filter(camera_q(filters), source=Camera.Source.DEMO).exists()
    map_id = f"camera-map-{uuid.uuid4().hex[:8]}"
    return {
        "map_id": map_id,
        "api_url": reverse("map_api:cameras_geojson"),
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "latitude": settings.MAP_CENTER["lat"] if latitude is None else latitude,
        "longitude": settings.MAP_CENTER["lng"] if longitude is None else longitude,
        "zoom": settings.MAP_ZOOM if zoom is None else zoom,
        "filters": query_string(filters),
        "labels": map_labels(municipalities),
        "labels_id": f"{map_id}-labels",
        "demo": demo,
        "filter_form": filter_form,
        "refresh": refresh,
        "report_link": report_link,
        "sync_url": sync_url,
        # In an attribute rather than a script element: a few numbers, escaped as any value.
        "bounds": json.dumps(municipality_bounds()) if zoom_to_municipality else "",
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
