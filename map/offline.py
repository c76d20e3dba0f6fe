"""The report form as an installable web app that works without a signal (README: "Offline
reports"): its web app manifest and its service worker.

The worker's code is two of our static files (static/map/offline-worker.js, and
static/map/offline-queue.js, which the form page shares); /sw.js only hands them what they
need from the server (the addresses to keep, with their hashed names) and loads them.
"""

import hashlib
import json
from functools import lru_cache

from csp.constants import SELF
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.models import OrganisationSettings

# What the form page needs to work with no network: the base template's look and script, the
# map picker (Leaflet, its marker images, which its CSS names) and the photo checks (exifr,
# loaded once a photo is chosen), the queue, the icons. Each name goes through `static`, so
# the worker keeps the hashed names the page asks for (tests/map/test_offline.py checks each
# one is in the static files manifest).
OFFLINE_ASSETS = (
    "css/site.css",
    "js/menu.js",
    "img/favicon.svg",
    "img/apple-touch-icon.png",
    "img/icon-192.png",
    "img/icon-512.png",
    "js_lib_leaflet/leaflet.css",
    "js_lib_leaflet/leaflet.js",
    "js_lib_leaflet/images/marker-icon.png",
    "js_lib_leaflet/images/marker-icon-2x.png",
    "js_lib_leaflet/images/marker-shadow.png",
    "map/report-map.js",
    "map/offline-queue.js",
    "map/offline-reports.js",
    "vendor/exifr/lite.umd.js",
)
# The worker's own code, loaded by /sw.js with importScripts.
WORKER_SCRIPTS = ("map/offline-queue.js", "map/offline-worker.js")

# Tiles kept for the map picker with no signal: the last ones seen, a few screens' worth
# (about 10 MB), so that they never crowd out the queued reports' photos.
MAX_TILES = 400

# Theme colours of static/css/site.css: --navy (the header, as the pages' theme-color meta)
# and --paper (the page).
THEME_COLOUR = "#14213d"
BACKGROUND_COLOUR = "#ffffff"


def report_form_urls():
    """The report form's address in each language (/mapa/prijava/, /en/map/report/)."""
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse("map:report"))
    return urls


def follow_page_prefixes():
    """The start of a report's follow-up page address in each language: a sent report's POST
    is redirected to one of these."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            # A token only to reverse the route with; the prefix is what comes before it.
            prefixes.append(reverse("map:report_follow", kwargs={"token": "x"})[: -len("x/")])
    return prefixes


@lru_cache(maxsize=1)
def worker_config():
    """What /sw.js gives the worker, the same for every request of a deploy: computed once.

    `version` changes with any of it (with hashed static names: whenever a kept file
    changes), which makes the browser install the worker again and keep the new files."""
    config = {
        "pages": report_form_urls(),
        "assets": [static(name) for name in OFFLINE_ASSETS],
        "followPrefixes": follow_page_prefixes(),
        # The worker keeps tiles of this address only (Leaflet's template: {s}, {z}, {x}, {y}).
        "tileUrl": settings.MAP_TILE_URL,
        "maxTiles": MAX_TILES,
    }
    config["version"] = hashlib.sha256(json.dumps(config).encode()).hexdigest()[:16]
    return config


def page_config():
    """What the form page's script (static/map/offline-reports.js) needs: where the worker
    is, the scope it is registered for (this language's form, its only pages) and the follow-up
    pages' addresses."""
    return {
        "worker": reverse("service_worker"),
        "scope": reverse("map:report"),
        "followPrefixes": follow_page_prefixes(),
    }


def worker_policy():
    """The public policy's addition for the worker: it fetches map tiles itself (to keep a
    few), and a worker's fetches are connect-src. It gets the hosts the pages' img-src already
    has (the tiles', the media storage's), which portal/security.py derives: nothing else."""
    images = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    return {"connect-src": [source for source in images if source not in (SELF, "data:")]}


@require_safe
def service_worker(request):
    """/sw.js. A worker controls only pages at or below the folder its script is served from:
    from /static/map/ it could control no page at all. Served from the root, each form page
    registers it for its own address (/mapa/prijava/, /en/map/report/), so it sees the report
    form and its follow-up pages and no other page of the site.

    `no-cache`: browsers check for a new worker on each visit and should get the current one,
    not one a cache kept (its scripts have hashed names, so they may be kept)."""
    config = worker_config()
    scripts = ", ".join(json.dumps(static(name)) for name in WORKER_SCRIPTS)
    body = f"self.kamereOffline = {json.dumps(config)};\nimportScripts({scripts});\n"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    # django-csp's per-view addition (what its csp_update decorator sets).
    response._csp_update = worker_policy()
    return response


@require_safe
def web_manifest(request):
    """The form as an app on the phone's home screen, in the reader's language."""
    try:
        organisation = OrganisationSettings.for_request(request)
    except OrganisationSettings.DoesNotExist:  # no Wagtail site for this host: the defaults
        organisation = OrganisationSettings()
    form = reverse("map:report")
    manifest = {
        "id": form,
        "name": f"{organisation.name}: {_('Report a camera')}",
        "short_name": organisation.name,
        "description": _("Report a surveillance camera, also with no signal."),
        "lang": get_language(),
        "start_url": form,
        "scope": form,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = JsonResponse(manifest, content_type="application/manifest+json")
    # Browsers read it again now and then; it changes only with a deploy or a new name.
    # Private, as all but the kept pages (README: "Page cache"): no cache in front to purge.
    response["Cache-Control"] = "private, max-age=3600"
    return response
