"""The public read API (cameras as GeoJSON and CSV, municipalities as JSON) and its page.

    /api/cameras.geojson        an RFC 7946 FeatureCollection of cameras
    /api/cameras.csv            the same cameras, one row each
    /api/cameras/<id>.geojson   one public camera as a Feature, with more details; the `url`
                                of every camera in the two lists above points here, its
                                `page_url` to the camera's page for people
    /api/municipalities.json    citizen map against the police list, per municipality
    /mapa/podaci/               the open data page: formats, filters, licence, downloads
                                (/en/map/data/ in English)

The data is open: any site may read it from a browser (CORS, GET only, no credentials).
Successful responses carry an ETag and a Last-Modified date and may be reused for a minute.
The bodies that most clients ask for (all cameras of a status, each camera, the municipalities)
are kept in the API's own shared cache under the request and the state of the data: the
camera data version (map/signals.py) and the newest camera change (which also notices cameras
added without signals, by bulk_create), and each web process keeps the documents it read
last. A repeated request costs one small query and a small cache read, whatever the number
of cameras: no count, which on PostgreSQL read every camera's row for each request (12 ms of
15 with 110,000 cameras, a third of a static file's requests/s; bench/api_throughput.py
--other-cameras). Deleting cameras sends signals (QuerySet.delete() too); writes that send
none (QuerySet.update(), a raw delete) bump the version themselves. A filtered
request (a box, a municipality, a type) is answered from the database each time: there are
endless such queries, and storing each would let anyone fill the cache.
"""

import csv
import functools
import hashlib
import io

import orjson
from django.conf import settings
from django.core.cache import caches
from django.db.models import CharField, Count, Func, Max, Q
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.middleware.gzip import re_accepts_gzip
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date
from django.utils.text import compress_string
from django.utils.translation import gettext_lazy as _

from home.models import OrganisationSettings
from home.page_cache import cached_view
from home.spreadsheets import formula_safe

from . import figures
from .filters import PUBLIC_STATUSES, CameraFilterForm, CameraFilters, CameraQuery
from .models import (
    RECORDED_STATUSES,
    Camera,
    CameraPhoto,
    Municipality,
    recheck_due_before,
    start_of_today,
)
from .naming import NEAR_STREET_METRES, own_street
from .versions import CAMERA_DATA, camera_data_version

# Apart from the default cache, whose login failure counters must not be culled for bodies.
# A proxy, as django.core.cache.cache is: each thread gets its own connection.
api_cache = ConnectionProxy(caches, "api")
# Bodies of an older data state are never read again; the timeout lets them go.
SHARED_CACHE_SECONDS = 60 * 60
BROWSER_CACHE_SECONDS = 60
GEOJSON = "application/geo+json"
# Response headers a script on another site may read (beyond the CORS-safelisted ones).
EXPOSED_HEADERS = "ETag, Link, X-Data-Licence, X-Attribution, Content-Disposition"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"


def open_to_all_sites(view):
    """Let scripts on any site read the response (CORS), without cookies or credentials.

    A decorator rather than django-cors-headers: these views are the site's only
    cross-origin resources, every origin is welcome, and nothing else needs configuring.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            # The preflight a browser sends before a conditional (If-None-Match) request.
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method in ("GET", "HEAD"):
            # /api/ has no language prefix: error messages follow the client's Accept-Language.
            with translation.override(translation.get_language_from_request(request)):
                response = view(request, *args, **kwargs)
        else:
            response = HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"])
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    return wrapper


def error_response(status, message, parameter=None):
    body = {"error": str(message)}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def parameter_error(form):
    """The 400 naming the first wrong parameter of `form` (a CameraFilters): the form's own
    words are for people choosing from a list, the API says which values it takes."""
    name, (error, *_others) = next(iter(form.errors.as_data().items()))
    if error.code != "invalid_choice":
        message = error.messages[0]
    elif name == "municipality":
        message = _("There is no municipality with this slug; /api/municipalities.json lists them.")
    else:
        values = [str(value) for value, _label in form.fields[name].choices if value]
        message = _("%(parameter)s must be one of: %(choices)s.") % {
            "parameter": name,
            "choices": ", ".join(values),
        }
    return error_response(400, message, name)


class UtcTimestamp(Func):
    """A date and time as ISO 8601 text in UTC to the second, "2021-03-01T09:30:00Z".

    Formatted by the database, the same on SQLite and PostgreSQL: cheaper than a Python
    datetime for each of thousands of rows.
    """

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django stores UTC in SQLite, as text that strftime() reads. "%%%%" is one "%" in
        # the end: this template is formatted, then the query as a whole.
        template = "strftime('%%%%Y-%%%%m-%%%%dT%%%%H:%%%%M:%%%%SZ', %(expressions)s)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


# What a camera's Feature is made of, read from the database as tuples (no model instances).
FEATURE_FIELDS = (
    "id",
    "latitude",
    "longitude",
    "status",
    "camera_type",
    "surveillance_type",
    "facial_recognition",
    "direction",
    "municipality__slug",
    "on_police_list",
    UtcTimestamp("first_reported_at"),
    UtcTimestamp("verified_at"),
    "source",
    "address",
    Camera.street_tags(),
    UtcTimestamp("last_confirmed_at"),
    UtcTimestamp("retired_at"),
)
ADDRESS = FEATURE_FIELDS.index("address")
# What the single camera's Feature adds (empty values become null).
DETAIL_FIELDS = (
    "surveillance",
    "camera_mount",
    "surveillance_zone",
    "operator",
    "manufacturer",
    "model",
    "confirmations",
)
# The CSV's columns: the Feature's id, its point and its properties, in their order.
CSV_COLUMNS = (
    "id",
    "latitude",
    "longitude",
    "status",
    "camera_type",
    "surveillance_type",
    "facial_recognition",
    "direction",
    "municipality",
    "on_police_list",
    "first_reported_at",
    "verified_at",
    "url",
    "source",
    "demo",
    "address",
    "page_url",
    "near",
    "last_confirmed_at",
    "retired_at",
    "needs_recheck",
)


def camera_feature(row, url_prefix, page_prefix, streets, recheck_before):
    """A GeoJSON Feature from a row of FEATURE_FIELDS: the one shape of a camera in the API.

    `url_prefix` and `page_prefix`: the camera's data and page addresses without its id;
    `streets`: map.naming.NearStreets around the cameras without an address;
    `recheck_before`: recheck_due_before() as the rows write dates."""
    (
        pk,
        latitude,
        longitude,
        status,
        camera_type,
        surveillance_type,
        facial_recognition,
        direction,
        municipality,
        on_police_list,
        first_reported_at,
        verified_at,
        source,
        address,
        street_tags,
        last_confirmed_at,
        retired_at,
    ) = row
    # What the map's popup is titled with (map/naming.py, as the camera's page): its address,
    # else the street it is near. The importer fills `address` from OSM's addr:* tags.
    address = own_street(address, street_tags)
    near = None if address else streets.near(latitude, longitude)
    return {
        "type": "Feature",
        "id": pk,
        # Longitude first (RFC 7946). Six decimals are 10 cm, more than a phone's GPS knows.
        "geometry": {"type": "Point", "coordinates": [round(longitude, 6), round(latitude, 6)]},
        "properties": {
            "status": status,
            "camera_type": camera_type or None,
            "surveillance_type": surveillance_type,
            "facial_recognition": facial_recognition,
            "direction": direction,
            "municipality": municipality,
            "on_police_list": on_police_list,
            "first_reported_at": first_reported_at,
            "verified_at": verified_at,
            "url": f"{url_prefix}{pk}.geojson",
            "source": source,
            "demo": source == Camera.Source.DEMO,
            "address": address or None,
            "page_url": f"{page_prefix}{pk}/",
            "near": near or None,
            "last_confirmed_at": last_confirmed_at,
            "retired_at": retired_at,
            # Text dates in one format compare as the times they name.
            "needs_recheck": status in PUBLIC_STATUSES and last_confirmed_at < recheck_before,
        },
    }


def camera_page_prefix():
    """The camera pages' address without the id ("/mapa/kamere/"), in the default language:
    the API's documents are the same for every reader, whatever language they ask in."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("map:camera_page", args=[0]).removesuffix("0/")


def camera_features(request, cameras, detail=False):
    # One reverse() each for all rows: a camera's addresses are a prefix, its id and a suffix.
    url_prefix = request.build_absolute_uri(reverse("map_api:camera", args=[0]))
    url_prefix = url_prefix.removesuffix("0.geojson")
    page_prefix = request.build_absolute_uri(camera_page_prefix())
    rows = list(cameras.values_list(*FEATURE_FIELDS, *(DETAIL_FIELDS if detail else ())))
    # Where the cameras without an address are: the streets around them all, in one query.
    streets = Camera.streets_around(
        (row[1], row[2]) for row in rows if not own_street(row[ADDRESS], row[ADDRESS + 1])
    )
    recheck_before = recheck_due_before().strftime("%Y-%m-%dT%H:%M:%SZ")
    if not detail:
        return [
            camera_feature(row, url_prefix, page_prefix, streets, recheck_before) for row in rows
        ]
    features = []
    for row in rows:
        feature = camera_feature(
            row[: len(FEATURE_FIELDS)], url_prefix, page_prefix, streets, recheck_before
        )
        details = zip(DETAIL_FIELDS, row[len(FEATURE_FIELDS) :], strict=True)
        feature["properties"].update(
            {name: None if value == "" else value for name, value in details}
        )
        features.append(feature)
    return features


def licence(request, includes_osm):
    """The data licence and the attribution due for data that `includes_osm` or not."""
    try:
        organisation = OrganisationSettings.for_request(request)
    except OrganisationSettings.DoesNotExist:  # no Wagtail site for this host: the defaults
        organisation = OrganisationSettings()
    attribution = f"© {organisation.name} contributors"
    if includes_osm:
        attribution += f"; {OSM_ATTRIBUTION}"
    return {
        "name": organisation.data_licence_name,
        "url": organisation.data_licence_url,
        "attribution": attribution,
    }


def document(content, content_type, data_licence, **headers):
    """What the caches keep of a response: builtins only, so it unpickles anywhere."""
    return {
        "content": content,
        "content_type": content_type,
        "headers": {
            "Link": f'<{data_licence["url"]}>; rel="license"',
            "X-Data-Licence": data_licence["name"],
            "X-Attribution": data_licence["attribution"],
            **headers,
        },
    }


def includes_osm(features):
    return any(feature["properties"]["source"] == Camera.Source.OSM for feature in features)


@functools.lru_cache(maxsize=16)
def remembered(key):
    """The shared cache's value under `key`, also kept in this process once read.

    Keys name the data's state, so a value never goes stale. Reading megabytes from the
    database cache (pickled, in base64) costs more than sending them, hence the copy here.
    """
    value = api_cache.get(key)
    if value is None:
        raise KeyError(key)  # not remembered: the next call looks in the shared cache again
    return value


def cached(key, make):
    """The value under `key` in the shared cache; `make()` makes and stores it if missing."""
    try:
        return remembered(key)
    except KeyError:
        value = make()
        api_cache.set(key, value, SHARED_CACHE_SECONDS)
        return value


def cached_response(request, name, build, shared=True):
    """The response to the request `name` (normalised); `build()` makes its document.

    `shared`: whether the document is kept in the shared cache. Only a bounded set of requests
    may be, whatever the query string (the module's docstring says which); the others are
    built each time, and still answered 304 by their validators.

    The data's state names the cached document and the validators, so a change to the data
    gives new ones: the version covers changes signals see (municipalities and licence
    settings too), the newest change cameras created without signals. Both are read from the
    cache and an index, in a time that does not grow with the cameras (the module's
    docstring says why there is no count).
    """
    version = camera_data_version()
    newest = Camera.objects.aggregate(newest=Max("updated_at"))["newest"]
    origin = request.build_absolute_uri("/")  # the body's links use it
    # Which cameras need a re-check changes with the day (and the setting), not the data.
    day = recheck_due_before().date()
    digest = hashlib.blake2b(
        f"{name}|{origin}|{version}|{newest}|{day}".encode(), digest_size=16
    ).hexdigest()
    # Weak: the plain and the gzipped body are the same data.
    etag = f'W/"{digest}"'
    newest = int(newest.timestamp()) if newest else 0
    # The day counts too (needs_recheck): a cache that asks If-Modified-Since gets today's.
    last_modified = max(newest, version // 1_000_000_000, int(start_of_today().timestamp()))

    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        key = f"map-api:{digest}"
        document = cached(key, build) if shared else build()
        headers = document["headers"]
        content = document["content"]
        if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")):
            # Compressed once, when a client first asks, not for each answer.
            if shared:
                content = cached(f"{key}:gzip", lambda: compress_string(document["content"]))
            else:
                content = compress_string(content)
            headers = {**headers, "Content-Encoding": "gzip"}
        response = HttpResponse(content, content_type=document["content_type"], headers=headers)
    patch_vary_headers(response, ["Accept-Encoding"])
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response


def camera_list_response(request, format_name, build):
    form = CameraFilters(request.GET)
    if not form.is_valid():
        return parameter_error(form)
    query = CameraQuery.from_filters(form.cleaned_data)
    return cached_response(
        request,
        f"cameras.{format_name}?{query!r}",
        lambda: build(query),
        shared=query.is_whole_set,
    )


@open_to_all_sites
def cameras_geojson(request):
    def build(query):
        features = camera_features(request, query.cameras())
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


def csv_value(value):
    """Booleans and nulls as the GeoJSON spells them, not as Python does; text a spreadsheet
    would run as a formula (an address from OSM's addr:* tags, which anyone may edit) behind
    an apostrophe (home/spreadsheets.py); numbers as numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return formula_safe(value)


@open_to_all_sites
def cameras_csv(request):
    def build(query):
        features = camera_features(request, query.cameras())
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow(CSV_COLUMNS)
        for feature in features:
            longitude, latitude = feature["geometry"]["coordinates"]
            values = (feature["id"], latitude, longitude, *feature["properties"].values())
            writer.writerow(csv_value(value) for value in values)
        return document(
            output.getvalue().encode(),
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
    cameras = Camera.objects.filter(pk=pk, status__in=RECORDED_STATUSES)
    if not cameras.exists():
        return error_response(404, _("There is no public camera with this id."))

    def build():
        (feature,) = camera_features(request, cameras, detail=True)
        feature["properties"]["photos"] = camera_photos(request, pk)
        return document(orjson.dumps(feature), GEOJSON, licence(request, includes_osm([feature])))

    return cached_response(request, f"camera/{pk}", build)


@open_to_all_sites
def municipalities_json(request):
    def build():
        verified = Q(cameras__status=Camera.Status.VERIFIED)
        # Cameras point at the default language's rows; translations only rename them.
        rows = list(
            Municipality.objects.canonical()
            .order_by("slug")
            .values("translation_key", "slug", "name", "police_list_count", "police_list_date")
            .annotate(
                verified_cameras=Count("cameras", filter=verified),
                osm_cameras=Count(
                    "cameras", filter=verified & Q(cameras__source=Camera.Source.OSM)
                ),
            )
        )
        names = {}
        translations = Municipality.objects.filter(
            translation_key__in=[row["translation_key"] for row in rows]
        ).values_list("translation_key", "locale__language_code", "name")
        for key, language, name in translations:
            names.setdefault(key, {})[language] = name
        data_licence = licence(request, any(row["osm_cameras"] for row in rows))
        municipalities = [
            {
                "slug": row["slug"],
                "name": row["name"],
                "names": names[row["translation_key"]],
                "verified_cameras": row["verified_cameras"],
                "police_list_count": row["police_list_count"],
                # Positive: the citizens found more cameras than the police list admits.
                "difference": (
                    None
                    if row["police_list_count"] is None
                    else row["verified_cameras"] - row["police_list_count"]
                ),
                "police_list_date": (
                    row["police_list_date"].isoformat() if row["police_list_date"] else None
                ),
            }
            for row in rows
        ]
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
            "form": CameraFilterForm(municipalities=municipalities),
            "csv_columns": CSV_COLUMNS,
            "near_street_metres": NEAR_STREET_METRES,
            "recheck_after_days": settings.CAMERA_RECHECK_AFTER.days,
        },
    )
