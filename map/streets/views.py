"""The walk that avoids cameras (map/streets/routing.py), for scripts and for people.

    /api/walk.json?from=<lat>,<lon>&to=<lat>,<lon>   both walks as JSON
    /en/map/walk/ (/mapa/setnja/)                     the page: a map to tap, and a form of
                                                      two street names that works without
                                                      JavaScript; both walks listed

The page is rendered for each reader, never kept in the page cache: its answer depends on
free query parameters (home/page_cache.py keeps only what it can bound). Each walk is a
search of the graph this process keeps (bounded by the graph's size), with no query of its
own once the graph is built; the page with no walk asked does not build the graph (its form
and map read `routing.street_summary`).
"""

import math
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from map.api_responses import (
    BROWSER_CACHE_SECONDS,
    error_response,
    licence,
    open_to_all_sites,
)
from map.figure_cache import cached_municipalities

from .models import StreetSegment
from .routing import (
    DISCLAIMER,
    MAX_SNAP_M,
    WalkError,
    municipalities_named,
    place_of,
    step_text,
    street_graph,
    street_summary,
    walks,
)

# "44.817600,20.456900" is 19 characters; anything much longer is not a point.
MAX_POINT_LENGTH = 50
MAX_NAME = StreetSegment._meta.get_field("name").max_length
# The street names offered in the form's list: enough for a city, bounded for the page's size
# (any other name may still be typed).
MAX_LISTED_NAMES = 5000
ROUTE_LABELS = {
    "shortest": _("Shortest walk"),
    "least_watched": _("Least-watched walk"),
}
# How each walk is drawn, in words: the lines differ in more than colour.
ROUTE_LINES = {
    "shortest": _("solid line on the map"),
    "least_watched": _("dashed line on the map"),
}


def parse_point(value, parameter):
    """(longitude, latitude) from "latitude,longitude" in degrees, or a WalkError (400)."""
    example = gettext(
        "Give %(parameter)s as latitude,longitude in degrees, e.g. 44.8176,20.4569."
    ) % {"parameter": parameter}
    if not value:
        raise WalkError(
            gettext("%(parameter)s is missing.") % {"parameter": parameter} + " " + example,
            400,
            parameter,
        )
    parts = value.split(",") if len(value) <= MAX_POINT_LENGTH else []
    try:
        latitude, longitude = (float(part) for part in parts)
    except ValueError:
        raise WalkError(example, 400, parameter) from None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        raise WalkError(example, 400, parameter)
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise WalkError(
            gettext("%(parameter)s is out of range: latitude -90 to 90, longitude -180 to 180.")
            % {"parameter": parameter},
            400,
            parameter,
        )
    return longitude, latitude


def route_record(walk):
    """A walk as the API gives it."""
    return {
        "kind": walk.kind,
        "length_m": round(walk.length_m, 1),
        "cameras": len(walk.cameras),
        "camera_ids": walk.cameras,
        "watched_m": round(walk.watched_m, 1),
        "steps": [
            {
                "street": step["street"],
                "length_m": round(step["length_m"], 1),
                "text": step_text(step),
            }
            for step in walk.steps
        ],
        "geometry": {"type": "LineString", "coordinates": walk.coordinates},
    }


def coverage_record(streets):
    return {
        "computed_at": streets.computed_at.isoformat() if streets.computed_at else None,
        "release": streets.release,
        "avoidance_k": streets.avoidance_k,
    }


def snapped(snap_):
    return {"distance_m": round(snap_.distance, 1)}


def find_walks(start, end):
    """The graph and what `routing.walks` finds between two (longitude, latitude) points."""
    streets = street_graph()
    return streets, *walks(streets, start, end)


@open_to_all_sites
def walk_json(request):
    """Both walks between `from` and `to`, with what they rest on and the plain warning that
    this is a demonstrator."""
    try:
        start = parse_point(request.GET.get("from", ""), "from")
        end = parse_point(request.GET.get("to", ""), "to")
        streets, from_snap, to_snap, routes = find_walks(start, end)
    except WalkError as error:
        return error_response(error.status, error.message, error.parameter)
    body = {
        "disclaimer": str(DISCLAIMER),
        "from": snapped(from_snap),
        "to": snapped(to_snap),
        "coverage": coverage_record(streets),
        "routes": {walk.kind: route_record(walk) for walk in routes},
    }
    data_licence = licence(request, includes_osm=True)
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Link"] = f'<{data_licence["url"]}>; rel="license"'
    response["X-Data-Licence"] = data_licence["name"]
    response["X-Attribution"] = data_licence["attribution"]
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    # The disclaimer and the unnamed ways' words are in the language the client asked for.
    patch_vary_headers(response, ["Accept-Language"])
    return response


class StreetsForm(forms.Form):
    """Two street names, each optionally within a municipality: the page's way to ask without
    a map (or without JavaScript). `streets`: the graph for a form filled in, whose streets it
    finds; a StreetSummary (its names alone) for an empty one."""

    from_street = forms.CharField(label=_("From the street"), max_length=MAX_NAME)
    from_in = forms.ChoiceField(label=_("in the municipality"), required=False)
    to_street = forms.CharField(label=_("To the street"), max_length=MAX_NAME)
    to_in = forms.ChoiceField(label=_("in the municipality"), required=False)

    def __init__(self, *args, streets, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.streets = streets
        # Only the municipalities we have streets of: any other could never be found.
        self.municipality_names = {
            item.slug: item.local_name for item in municipalities if item.slug in streets.names
        }
        choices = [("", _("any")), *self.municipality_names.items()]
        for name in ("from", "to"):
            self.fields[f"{name}_in"].choices = choices
            self.fields[f"{name}_street"].widget.attrs.update(
                list="walk-street-names", autocomplete="off"
            )

    def clean(self):
        data = super().clean()
        for name in ("from", "to"):
            street = data.get(f"{name}_street")
            if not street:
                continue
            municipality = data.get(f"{name}_in", "")
            # Ways outside every municipality ("") cannot be chosen in the list: not counted.
            found_in = municipalities_named(self.streets, street) - {""}
            if not municipality and len(found_in) > 1:
                places = ", ".join(
                    sorted(self.municipality_names.get(slug, slug) for slug in found_in)
                )
                self.add_error(
                    f"{name}_in",
                    gettext("There is a street called “%(street)s” in %(places)s: choose one.")
                    % {"street": street, "places": places},
                )
                continue
            point = place_of(self.streets, street, municipality)
            if point is None:
                if municipality:
                    message = gettext("We have no street called “%(street)s” in that municipality.")
                else:
                    message = gettext("We have no street called “%(street)s”.")
                self.add_error(f"{name}_street", message % {"street": street})
            data[name] = point
        return data


def listed_names(streets):
    names = sorted({name for street_names in streets.names.values() for name in street_names})
    return names[:MAX_LISTED_NAMES]


@require_safe
def walk_page(request):
    """The page: pick two points on the map (the query string's `from` and `to`, as the API
    takes them) or two streets (the form); both walks listed, and drawn by walk-map.js."""
    asked_streets = any(name in request.GET for name in StreetsForm.base_fields)
    asked_points = "from" in request.GET or "to" in request.GET
    # Only a walk needs the graph (seconds to build for a city, after each change of the
    # cameras): the page without one shows the streets' names and bounds alone.
    streets = street_graph() if asked_streets or asked_points else street_summary()
    municipalities = cached_municipalities()
    form = StreetsForm(
        request.GET if asked_streets else None, streets=streets, municipalities=municipalities
    )
    error, start, end = "", None, None
    if asked_streets:
        if form.is_valid():
            start, end = form.cleaned_data["from"], form.cleaned_data["to"]
    elif asked_points:
        try:
            start = parse_point(request.GET.get("from", ""), "from")
            end = parse_point(request.GET.get("to", ""), "to")
        except WalkError as problem:
            error = problem.message
    routes, api_url = [], ""
    if start and end:
        api_url = f"{reverse('map_api:walk')}?" + urlencode(
            {"from": f"{start[1]:.6f},{start[0]:.6f}", "to": f"{end[1]:.6f},{end[0]:.6f}"}
        )
        try:
            _streets, _from, _to, routes = find_walks(start, end)
        except WalkError as problem:
            error = problem.message
    context = {
        "form": form,
        "error": error,
        "api_url": api_url if routes else "",
        "routes": [
            {
                **route_record(walk),
                "label": ROUTE_LABELS[walk.kind],
                "line": ROUTE_LINES[walk.kind],
            }
            for walk in routes
        ],
        # Where no camera is in the way, the least-watched walk is the shortest: say so.
        "same_walks": len(routes) == 2 and routes[0].coordinates == routes[1].coordinates,
        "walk_map": {
            "routes": [{"kind": walk.kind, "coordinates": walk.coordinates} for walk in routes],
            "from": [start[1], start[0]] if start and routes else None,
            "to": [end[1], end[0]] if end and routes else None,
            "bounds": streets.bounds,
        },
        "street_names": listed_names(streets),
        "coverage": coverage_record(streets),
        "computed_at": streets.computed_at,
        "disclaimer": DISCLAIMER,
        "max_snap_m": MAX_SNAP_M,
        "map": {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
    }
    return render(request, "map/walk.html", context)
