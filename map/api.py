"""The public read API (cameras as GeoJSON and CSV, municipalities as JSON) and its page.

    /api/cameras.geojson        an RFC 7946 FeatureCollection of cameras
    /api/cameras.csv            the same cameras, one row each
    /api/cameras/<id>.geojson   one public camera as a Feature, with more details; the `url`
                                of every camera in the two lists above points here, its
                                `page_url` to the camera's page for people
    /api/municipalities.json    citizen map against the police list, per municipality
    /mapa/podaci/               the open data page: formats, filters, licence, downloads
                                (/en/map/data/ in English)

Each of the cameras' answers takes `script=cyrillic`: the addresses, streets and operators in
Cyrillic (home/scripts.py), and the camera pages' addresses under /cir/; the Cyrillic map asks
for it. The data is open to scripts on any site, and the whole-set answers are cached under the
state of the data: map/api_responses.py says how.
"""

import orjson
from django.conf import settings
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from home.page_cache import cached_view
from home.scripts import script_state

from . import camera_data, figures
from .api_responses import (
    GEOJSON,
    cached_response,
    document,
    error_response,
    licence,
    open_to_all_sites,
    origin,
    parameter_error,
)
from .camera_data import (
    CSV_COLUMNS,
    camera_features,
    cameras_csv_text,
    includes_osm,
)
from .filters import CameraFilters, CameraQuery, DataScript, DownloadForm
from .models import (
    RECORDED_STATUSES,
    Camera,
    CameraPhoto,
)
from .naming import NEAR_STREET_METRES
from .versions import CAMERA_DATA


def camera_list_response(request, format_name, build):
    form = CameraFilters(request.GET)
    if not form.is_valid():
        return parameter_error(form)
    script = DataScript(request.GET)
    if not script.is_valid():
        return parameter_error(script)
    query = CameraQuery.from_filters(form.cleaned_data)
    language = script.language()
    return cached_response(
        request,
        f"cameras.{format_name}?{query!r}{script_state(language)}",
        lambda: build(query, language),
        shared=query.is_whole_set,
    )


@open_to_all_sites
def cameras_geojson(request):
    def build(query, language):
        features = camera_features(origin(request), query.cameras(), language=language)
        data_licence = licence(request, includes_osm(features))
        collection = {
            "type": "FeatureCollection",
            # Foreign members (RFC 7946, 6.1): the licence travels with the file.
            "licence": {"name": data_licence["name"], "url": data_licence["url"]},
            "attribution": data_licence["attribution"],
            "features": features,
        }
        return document(orjson.dumps(collection), GEOJSON, data_licence)

    return camera_list_response(request, "geojson", build)


@open_to_all_sites
def cameras_csv(request):
    def build(query, language):
        features = camera_features(origin(request), query.cameras(), language=language)
        return document(
            cameras_csv_text(features).encode(),
            "text/csv; charset=utf-8",
            licence(request, includes_osm(features)),
            **{"Content-Disposition": 'attachment; filename="cameras.csv"'},
        )

    return camera_list_response(request, "csv", build)


def camera_photos(request, pk):
    """The camera's photos, as small renditions for the map's popup."""
    photos = CameraPhoto.objects.filter(camera_id=pk).select_related("image")
    renditions = [photo.image.get_rendition("max-480x360") for photo in photos]
    return [
        {"url": request.build_absolute_uri(r.url), "width": r.width, "height": r.height}
        for r in renditions
    ]


@open_to_all_sites
def camera_geojson(request, pk):
    script = DataScript(request.GET)
    if not script.is_valid():
        return parameter_error(script)
    language = script.language()
    cameras = Camera.objects.filter(pk=pk, status__in=RECORDED_STATUSES)
    if not cameras.exists():
        return error_response(404, _("There is no public camera with this id."))

    def build():
        (feature,) = camera_features(origin(request), cameras, detail=True, language=language)
        feature["properties"]["photos"] = camera_photos(request, pk)
        return document(orjson.dumps(feature), GEOJSON, licence(request, includes_osm([feature])))

    return cached_response(request, f"camera/{pk}{script_state(language)}", build)


@open_to_all_sites
def municipalities_json(request):
    def build():
        counts = (
            Camera.objects.filter(status=Camera.Status.VERIFIED)
            .values("municipality__slug")
            .annotate(cameras=Count("id"), from_osm=Count("id", filter=Q(source=Camera.Source.OSM)))
            .order_by()
        )
        verified = {}
        from_osm = False
        for row in counts:
            verified[row["municipality__slug"]] = row["cameras"]
            from_osm = from_osm or row["from_osm"] > 0
        municipalities = camera_data.municipality_records(verified)
        data_licence = licence(request, from_osm)
        body = {
            "licence": {"name": data_licence["name"], "url": data_licence["url"]},
            "attribution": data_licence["attribution"],
            "municipalities": municipalities,
        }
        return document(orjson.dumps(body), "application/json", data_licence)

    return cached_response(request, "municipalities", build)


@cached_view([CAMERA_DATA])
def open_data(request):
    """The open data page: formats, filters, licence, and a form to download a selection.

    The form is the map page's filter form: its fields are the API's parameters.
    """
    municipalities = [(row.slug, row.local_name) for row in figures.municipalities()]
    return render(
        request,
        "map/open_data.html",
        {
            "form": DownloadForm(municipalities=municipalities),
            "csv_columns": CSV_COLUMNS,
            "near_street_metres": NEAR_STREET_METRES,
            "recheck_after_days": settings.CAMERA_RECHECK_AFTER.days,
        },
    )
