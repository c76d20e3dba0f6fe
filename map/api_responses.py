"""What every answer of the open data API shares (map/api.py, map/osm_export.py,
map/releases/views.py): open to scripts on any site, errors as JSON, the licence in the
headers, and answers kept in a shared cache under the state of the data.

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

import functools
import hashlib

from django.core.cache import caches
from django.db.models import Max
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date
from django.utils.text import compress_string
from django.utils.translation import gettext_lazy as _

from home.models import OrganisationSettings

from . import camera_data
from .cameras import Camera, recheck_due_before, start_of_today
from .versions import camera_data_version

# Apart from the default cache, whose login failure counters must not be culled for bodies.
# A proxy, as django.core.cache.cache is: each thread gets its own connection.
api_cache = ConnectionProxy(caches, "api")
# Bodies of an older data state are never read again; the timeout lets them go.
SHARED_CACHE_SECONDS = 60 * 60
BROWSER_CACHE_SECONDS = 60
GEOJSON = "application/geo+json"
# Response headers a script on another site may read (beyond the CORS-safelisted ones).
EXPOSED_HEADERS = "ETag, Link, X-Data-Licence, X-Attribution, Content-Disposition"


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


def licence(request, includes_osm):
    """The licence of the site the request is for (map.camera_data.licence)."""
    try:
        organisation = OrganisationSettings.for_request(request)
    except OrganisationSettings.DoesNotExist:  # no Wagtail site for this host: the defaults
        organisation = OrganisationSettings()
    return camera_data.licence(organisation, includes_osm)


def origin(request):
    """ "https://host" of the request: the API's links point where it was asked."""
    return request.build_absolute_uri("/").removesuffix("/")


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


def parameter_error(form):
    """The 400 naming the first wrong parameter of `form` (the cameras' filters, the streets'
    parameters): the form's own words are for people choosing from a list, the API says
    which values it takes."""
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
