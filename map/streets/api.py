"""Street coverage as open data: what the cameras see of each street, in the open data API.

    /api/streets.geojson        each street segment (a LineString) with its length and the
                                metres and shares of it each network sees; `municipality`
                                (a slug) and `bbox` (minLon,minLat,maxLon,maxLat) filter it
    /api/streets.csv            per named street (coverage.street_figures), `municipality`
                                filters it
    /api/street-coverage.csv    per municipality (coverage.municipality_figures)

Served as the camera API is (map/api_responses.py): open to every site, JSON 400s naming the
wrong parameter, the licence in the headers (always with OpenStreetMap's credit: the streets
are OSM's), and the answers kept in the shared cache under the camera data version, which
compute_coverage() bumps. The whole city and each municipality are a bounded set of answers
and are kept; a box is built each time, so it is bounded twice: its area (MAX_BBOX_DEGREES²)
and the segments it may hold (MAX_BBOX_SEGMENTS, else a 400 asking for a smaller box).

Every answer says which coverage it is: when it was computed (the newest and oldest
`coverage_at` of its segments; the daily job recomputes them all, a camera's change only
those near it), the latest release published by then (the cameras the coverage counted are
those of that release plus the changes since), and the assumptions (the view settings) with a
link to the method page. The GeoJSON has them in a top-level `coverage` member; every answer
in `X-Coverage-Computed-At` and `X-Coverage-Release` headers and a `Link` with
rel="describedby"; the CSVs, which have no place for comments, also in two columns of every
row (`computed_at`, `release`).
"""

import csv
import functools
import io

import orjson
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from map.api_responses import (
    EXPOSED_HEADERS,
    GEOJSON,
    cached_response,
    document,
    error_response,
    licence,
    open_to_all_sites,
    parameter_error,
)
from map.camera_data import csv_value
from map.cameras import Municipality
from map.filters import BboxField
from map.releases.models import Release
from map.releases.views import release_page_path

from .coverage import NETWORKS, municipality_figures, street_figures
from .models import StreetSegment

# A box at most this many degrees on each side: a district (about 8 by 11 km at Belgrade).
# The whole city is the unfiltered answer, kept; a box is built for each request, and one
# as large as the city cost a second and 7 MB (a review's figure), at anyone's asking.
MAX_BBOX_DEGREES = 0.1
# This many segments at most in a box (one more is read to tell): about 2 MB, a quarter of
# a second.
MAX_BBOX_SEGMENTS = 5_000
# Six decimals are 10 cm; shares to a hundredth of a percent, metres to a decimetre.
COORDINATE_DECIMALS = 6
SHARE_DECIMALS = 4
METRE_DECIMALS = 1
COVERAGE_HEADERS = ("X-Coverage-Computed-At", "X-Coverage-Release")
# The shares' names: covered_share, face_covered_share, police_covered_share.
SHARES = {field: f"{field.removesuffix('_m')}_share" for field in NETWORKS}
SEGMENT_FIELDS = ("id", "name", "highway", "municipality__slug", "length_m", "coverage_at")
FIGURE_COLUMNS = (
    "length_m",
    *(column for field in NETWORKS for column in (field, SHARES[field])),
    "computed_at",
    "release",
)


def canonical_slugs():
    """The slugs segments are filed under: the default language's municipalities."""
    return Municipality.objects.canonical().values_list("slug", "slug")


class StreetFilters(forms.Form):
    """The parameters of the street answers; others are ignored, as the camera API does."""

    bbox = BboxField(required=False)
    municipality = forms.ChoiceField(choices=canonical_slugs, required=False)

    def clean_bbox(self):
        bbox = self.cleaned_data["bbox"]
        if bbox:
            west, south, east, north = bbox
            if east - west > MAX_BBOX_DEGREES or north - south > MAX_BBOX_DEGREES:
                raise ValidationError(
                    _("bbox may span at most %(degrees)s degrees each way; leave it out for all.")
                    % {"degrees": MAX_BBOX_DEGREES},
                    code="too_big",
                )
        return bbox


def with_coverage_headers(view):
    """open_to_all_sites, letting scripts on other sites read the coverage's headers too."""
    opened = open_to_all_sites(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = opened(request, *args, **kwargs)
        response["Access-Control-Expose-Headers"] = ", ".join([EXPOSED_HEADERS, *COVERAGE_HEADERS])
        return response

    return wrapper


def absolute(request, name, *args):
    """The address of the page `name` in the default language (the API's answers are the same
    for every reader), or None while that page does not exist."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            return request.build_absolute_uri(reverse(name, args=args))
        except NoReverseMatch:
            return None


def coverage_source(request, segments):
    """When the coverage of `segments` was computed, from which release, by which rules.

    Two queries, whatever the number of segments."""
    times = segments.aggregate(newest=Max("coverage_at"), oldest=Min("coverage_at"))
    newest = times["newest"]
    release = None
    if newest is not None:
        release = (
            Release.objects.filter(published_at__lte=newest)
            .order_by("-published_at", "-number")
            .values("number", "published_at")
            .first()
        )
    return {
        "computed_at": iso(newest),
        "oldest_computed_at": iso(times["oldest"]),
        "release": release
        and {
            "number": release["number"],
            "published_at": iso(release["published_at"]),
            "url": request.build_absolute_uri(release_page_path(release["number"])),
        },
        # The method page explains these; without it (yet), the open data page's section.
        "method_url": absolute(request, "map:street_method")
        or f"{absolute(request, 'map:open_data')}#street-coverage",
        "assumptions": {
            "camera_views": settings.CAMERA_VIEWS,
            "camera_view_unknown": settings.CAMERA_VIEW_UNKNOWN,
            "crs": settings.STREET_COVERAGE_CRS,
        },
        "networks": {
            "covered": "verified cameras",
            "face_covered": "verified cameras capable of facial recognition",
            "police_covered": "cameras on the police list (verified or reported)",
        },
    }


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def coverage_document(request, content, content_type, source, **headers):
    """A document (api_responses.document) with the coverage's headers and OSM's credit."""
    method = source["method_url"]
    data_licence = licence(request, includes_osm=True)
    release = source["release"]
    return document(
        content,
        content_type,
        data_licence,
        **{
            "Link": f'<{data_licence["url"]}>; rel="license", <{method}>; rel="describedby"',
            "X-Coverage-Computed-At": source["computed_at"] or "never",
            "X-Coverage-Release": str(release["number"]) if release else "none",
            **headers,
        },
    )


def share(covered, length):
    return round(covered / length, SHARE_DECIMALS) if length else 0.0


def segment_feature(row, points):
    """A segment as a GeoJSON Feature; its coverage null if it was never computed."""
    pk, name, highway, municipality, length, coverage_at, *covered = row
    properties = {
        "name": name,
        "highway": highway,
        "municipality": municipality,
        "length_m": round(length, METRE_DECIMALS),
    }
    for field, metres in zip(NETWORKS, covered, strict=True):
        computed = coverage_at is not None
        properties[field] = round(metres, METRE_DECIMALS) if computed else None
        properties[SHARES[field]] = share(metres, length) if computed else None
    return {
        "type": "Feature",
        "id": pk,
        "geometry": {
            "type": "LineString",
            "coordinates": [
                [round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)]
                for lon, lat in points
            ],
        },
        "properties": properties,
    }


def segments_of(query):
    """The segments `query` (StreetFilters' cleaned data) selects, in id order."""
    segments = StreetSegment.objects.all()
    if query.get("municipality"):
        segments = segments.filter(municipality__slug=query["municipality"])
    if query.get("bbox"):
        west, south, east, north = query["bbox"]
        # Segments whose box meets the box asked for.
        segments = segments.filter(
            south__lte=north, north__gte=south, west__lte=east, east__gte=west
        )
    return segments.order_by("id")


def read_query(request):
    """(the cleaned parameters, their normalised text) or (None, the 400 to answer)."""
    form = StreetFilters(request.GET)
    if not form.is_valid():
        return None, parameter_error(form)
    query = {name: value for name, value in form.cleaned_data.items() if value}
    return query, "&".join(f"{name}={query[name]!r}" for name in sorted(query))


@with_coverage_headers
def streets_geojson(request):
    query, normalised = read_query(request)
    if query is None:
        return normalised
    segments = segments_of(query)
    rows = segments.values_list(*SEGMENT_FIELDS, *NETWORKS, "points")
    if "bbox" in query:
        # Built at each request: a bounded number of rows, or a 400 (one more row tells).
        rows = list(rows[: MAX_BBOX_SEGMENTS + 1])
        if len(rows) > MAX_BBOX_SEGMENTS:
            message = _("This box holds more than %(count)s street segments; make it smaller.")
            return error_response(400, message % {"count": f"{MAX_BBOX_SEGMENTS:,}"}, "bbox")
    else:
        # Built once per state of the data (and municipality), in chunks.
        rows = rows.iterator(chunk_size=2000)

    def build():
        source = coverage_source(request, segments)
        data_licence = licence(request, includes_osm=True)
        collection = {
            "type": "FeatureCollection",
            # Foreign members (RFC 7946, 6.1): the licence and the coverage's source travel
            # with the file.
            "licence": {"name": data_licence["name"], "url": data_licence["url"]},
            "attribution": data_licence["attribution"],
            "coverage": source,
            "features": [segment_feature(row[:-1], row[-1]) for row in rows],
        }
        return coverage_document(request, orjson.dumps(collection), GEOJSON, source)

    return cached_response(
        request, f"streets.geojson?{normalised}", build, shared="bbox" not in query
    )


def figures_csv(first_columns, rows, source):
    """A CSV of coverage figures (coverage.street_figures or municipality_figures' rows);
    `first_columns`: {column: the rows' key} of what each row is about."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([*first_columns, *FIGURE_COLUMNS])
    release = source["release"]["number"] if source["release"] else None
    for row in rows:
        values = [row[key] for key in first_columns.values()]
        # The rows name the segments' sum "length" (coverage.py).
        values.append(round(row["length"] or 0, METRE_DECIMALS))
        for field in NETWORKS:
            values.append(round(row[field] or 0, METRE_DECIMALS))
            values.append(round(row[SHARES[field]], SHARE_DECIMALS))
        values += [source["computed_at"], release]
        writer.writerow(csv_value(value) for value in values)
    return output.getvalue().encode()


def csv_response(request, name, first_columns, figures, filters=None):
    """The CSV `name` of `figures(...)`'s rows (built once per data state and filter)."""
    filters = filters or {}

    def build():
        segments = StreetSegment.objects.all()
        if filters.get("municipality"):
            segments = segments.filter(municipality__slug=filters["municipality"])
        source = coverage_source(request, segments)
        return coverage_document(
            request,
            figures_csv(first_columns, figures(), source),
            "text/csv; charset=utf-8",
            source,
            **{"Content-Disposition": f'attachment; filename="{name}"'},
        )

    key = "&".join(f"{key}={value}" for key, value in sorted(filters.items()))
    return cached_response(request, f"{name}?{key}", build)


@with_coverage_headers
def streets_csv(request):
    """Per named street; `municipality` (a slug) keeps one municipality's."""
    form = StreetFilters(request.GET)
    # A box means nothing to a street's sum of segments: only the municipality is read.
    form.fields.pop("bbox")
    if not form.is_valid():
        return parameter_error(form)
    slug = form.cleaned_data.get("municipality")
    filters = {"municipality": slug} if slug else {}

    def figures():
        municipality = Municipality.objects.canonical().filter(slug=slug).first() if slug else None
        return street_figures(municipality)

    columns = {"name": "name", "municipality": "municipality__slug"}
    return csv_response(request, "streets.csv", columns, figures, filters)


@with_coverage_headers
def municipalities_csv(request):
    """Per municipality (segments outside every municipality's boundary in an empty one)."""
    columns = {"municipality": "municipality__slug"}
    return csv_response(request, "street-coverage.csv", columns, municipality_figures)
