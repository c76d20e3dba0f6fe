"""The releases for people and for programs, at addresses that never change.

/api/releases.json                       every release: number, date, note, figures, files
/api/releases/<number>/<file>            a release's file (RELEASE_FILES), served like a
                                         static file: immutable, a year in any cache,
                                         pre-compressed, its SHA-256 as its ETag
/mapa/izdanja/  (/en/map/releases/)      the releases, with how to cite them
/mapa/izdanja/<number>/                  one release: its figures and what changed
/mapa/izdanja/atom.xml                   an Atom feed of releases
"""

import logging

import orjson
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.middleware.gzip import re_accepts_gzip
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.http import http_date
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from home.models import OrganisationSettings
from home.page_cache import cached_view
from home.serbian import collation_key
from map.api_responses import (
    cached_response,
    document,
    error_response,
    licence,
    open_to_all_sites,
)
from map.cameras import Camera
from map.versions import CAMERA_DATA

from .changes import KINDS
from .models import RELEASE_FILES, Release

logger = logging.getLogger(__name__)

# A release's files never change: any cache may keep them as long as it likes.
IMMUTABLE = "public, max-age=31536000, immutable"
CONTENT_TYPES = {
    "cameras.geojson": "application/geo+json",
    "cameras.csv": "text/csv; charset=utf-8",
    "municipalities.json": "application/json",
    "changes.json": "application/json",
    "changes.csv": "text/csv; charset=utf-8",
    "datapackage.json": "application/json",
}
# Monthly releases: ten years of them. The list is bounded all the same.
LISTED = 240
# What the lists read of a release: not its per-municipality figures or changes.
SUMMARY_FIELDS = ("number", "published_at", "note", "note_en", "counts", "files")


def file_url(number, name):
    return reverse("map_api:release_file", args=[number, name])


def open_stored(release, name, compressed):
    """The stored file, and whether it is the gzipped copy: a copy that went missing is
    replaced by the plain file, which is what the release is."""
    if compressed:
        try:
            return default_storage.open(f"{release.storage_prefix}{name}.gz", "rb"), True
        except FileNotFoundError:
            logger.error("Release %s lacks the gzipped copy of %s.", release.number, name)
    return default_storage.open(f"{release.storage_prefix}{name}", "rb"), False


@open_to_all_sites
def release_file(request, number, name):
    release = (
        Release.objects.filter(number=number)
        .only("number", "storage_prefix", "files", "published_at", "figures")
        .first()
    )
    if release is None:
        return error_response(404, _("There is no release with this number."))
    # A file kind added after a release was made is not that release's.
    described = release.files.get(name) if name in RELEASE_FILES else None
    if described is None:
        return error_response(404, _("A release has no file of this name."))
    compressed = "gzip_bytes" in described and re_accepts_gzip.search(
        request.headers.get("Accept-Encoding", "")
    )
    try:
        stored, compressed = open_stored(release, name, compressed)
    except OSError:
        # Missing, unreadable, or a store that does not answer (ConnectionError is one).
        logger.exception("Release %s's file %s cannot be read.", number, name)
        response = error_response(503, _("This file cannot be read now; try again later."))
        response["Retry-After"] = "60"
        return response
    # Strong validators: a representation's bytes never change. The compressed one is
    # another representation, so another tag.
    etag = f'"{described["sha256"]}{"-gzip" if compressed else ""}"'
    last_modified = int(release.published_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is not None:
        stored.close()
    else:
        # Named as the release's file, whether sent compressed or not: a browser unpacks
        # the gzipped copy and saves the file itself.
        response = FileResponse(
            stored,
            content_type=CONTENT_TYPES[name],
            as_attachment=name.endswith(".csv"),
            filename=f"release-{release.number}-{name}",
        )
        response["Content-Length"] = described["gzip_bytes" if compressed else "bytes"]
        if compressed:
            response["Content-Encoding"] = "gzip"
    data_licence = release.figures.get("licence")
    if data_licence:
        # As the live API's answers: the licence and the credit due, in the headers too.
        for header, value in document(b"", "", data_licence)["headers"].items():
            response[header] = value
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = IMMUTABLE
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def release_summary(request, release):
    """What /api/releases.json says of a release."""
    return {
        "number": release.number,
        "published_at": release.published_at.isoformat(),
        "note": {settings.LANGUAGE_CODE: release.note, "en": release.note_en or release.note},
        "counts": release.counts,
        "page_url": request.build_absolute_uri(release_page_path(release.number)),
        "files": {
            name: {
                "url": request.build_absolute_uri(file_url(release.number, name)),
                "bytes": release.files[name]["bytes"],
                "sha256": release.files[name]["sha256"],
            }
            for name in RELEASE_FILES
            if name in release.files
        },
    }


def release_page_path(number):
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("map:release", args=[number])


@open_to_all_sites
def releases_json(request):
    def build():
        releases = Release.objects.only(*SUMMARY_FIELDS)[:LISTED]
        body = {
            "releases": [release_summary(request, release) for release in releases],
            "live": request.build_absolute_uri(reverse("map_api:cameras_geojson")),
        }
        return document(orjson.dumps(body), "application/json", licence(request, False))

    return cached_response(request, "releases", build)


@require_safe
@cached_view([CAMERA_DATA])
def releases_page(request):
    releases = list(Release.objects.only(*SUMMARY_FIELDS)[:LISTED])
    latest = releases[0] if releases else None
    return render(
        request,
        "map/releases/index.html",
        {
            "releases": releases,
            "listed": LISTED,
            "latest_url": latest
            and request.build_absolute_uri(reverse("map:release", args=[latest.number])),
            "feed_url": reverse("map:releases_feed"),
            "canonical_url": request.build_absolute_uri(request.path),
        },
    )


@require_safe
@cached_view([CAMERA_DATA])
def release_page(request, number):
    release = Release.objects.filter(number=number).first()
    if release is None:
        raise Http404
    path = reverse("map:release", args=[release.number])
    if request.path != path:
        # "/0001/" is release 1 too: one address to cite and to keep in the page cache.
        return redirect(path, permanent=True)
    language = get_language()
    municipalities = sorted(
        (
            (record["names"].get(language) or record["name"], record)
            for record in release.figures.get("municipalities", [])
        ),
        key=lambda pair: collation_key(pair[0], language),
    )
    # The changes name municipalities by slug; the page in the reader's words.
    names = {record["slug"]: name for name, record in municipalities}
    changes = [
        (
            kind,
            [
                {
                    **change,
                    "municipality": names.get(change.get("municipality")),
                    "fields": [
                        (
                            Camera._meta.get_field(field).verbose_name,
                            value_words(field, values["from"], names),
                            value_words(field, values["to"], names),
                        )
                        for field, values in change.get("fields", {}).items()
                    ],
                }
                for change in release.changes_preview.get(kind, [])
            ],
            release.counts.get(kind, 0),
        )
        for kind in KINDS
    ]
    figures = release.figures
    police = figures.get("police_list_count")
    return render(
        request,
        "map/releases/release.html",
        {
            "release": release,
            "municipalities": municipalities,
            "total_difference": None if police is None else figures["verified_cameras"] - police,
            "changes": changes,
            "files": [
                (name, file_url(release.number, name), release.files[name]["bytes"])
                for name in RELEASE_FILES
                if name in release.files
            ],
            "cite_url": request.build_absolute_uri(path),
            "canonical_url": request.build_absolute_uri(path),
        },
    )


def value_words(field, value, municipality_names):
    """A changed field's value (as changes.json writes it) in the reader's words."""
    if value is None or value == "":
        return "\u2013"  # an en dash, as the tables write an empty cell
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if field == "municipality":
        return municipality_names.get(value, value)
    if field == "direction":
        return f"{value}°"
    choices = dict(Camera._meta.get_field(field).flatchoices)
    return str(choices.get(value, value))


class ReleasesFeed(Feed):
    """The releases, newest first, in the reader's language (the address's). A new one for
    each request (releases_feed): it keeps the request, and web processes run threads."""

    feed_type = Atom1Feed

    def get_object(self, request):
        self.request = request
        return None

    def title(self):
        name = OrganisationSettings.for_request(self.request).name
        return f"{gettext('Releases of the camera data')} | {name}"

    def link(self):
        return reverse("map:releases")

    def subtitle(self):
        return gettext("Frozen, numbered snapshots of the camera map, to cite and compare.")

    def items(self):
        return Release.objects.only(*SUMMARY_FIELDS)[:30]

    def item_title(self, release):
        return str(release)

    def item_description(self, release):
        """HTML, as Atom's summary is: the editor's note is text, so escaped."""
        counts = {kind: release.counts.get(kind, 0) for kind in (*KINDS, "cameras")}
        summary = (
            ngettext(
                "%(cameras)s camera; since the previous release %(added)s added, "
                "%(retired)s retired, %(removed)s removed, %(moved)s moved, %(changed)s changed.",
                "%(cameras)s cameras; since the previous release %(added)s added, "
                "%(retired)s retired, %(removed)s removed, %(moved)s moved, %(changed)s changed.",
                counts["cameras"],
            )
            % counts
        )
        return linebreaks(release.local_note, autoescape=True) + linebreaks(summary, True)

    def item_link(self, release):
        return reverse("map:release", args=[release.number])

    def item_pubdate(self, release):
        return release.published_at

    def item_updateddate(self, release):
        return release.published_at


def releases_feed(request):
    return ReleasesFeed()(request)
