"""The cameras as open data: the one shape of a camera (a GeoJSON Feature, a CSV row), the
licence that goes with it, and the municipalities' figures. The live API (map/api.py) answers
with them, and a release (map/releases/) freezes them into files.
"""

import csv
import io

from django.conf import settings
from django.db.models import CharField, Func
from django.urls import reverse
from django.utils import translation

from home.scripts import writer_for
from home.spreadsheets import formula_safe

from .cameras import PUBLIC_STATUSES, Camera, Municipality, recheck_due_before
from .naming import own_street

OSM_ATTRIBUTION = "© OpenStreetMap contributors"


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
    "height",
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


def camera_feature(row, url_prefix, page_prefix, streets, recheck_before, write=None):
    """A GeoJSON Feature from a row of FEATURE_FIELDS: the one shape of a camera in the API.

    `url_prefix` and `page_prefix`: the camera's data and page addresses without its id;
    `streets`: map.naming.NearStreets around the cameras without an address;
    `recheck_before`: recheck_due_before() as the rows write dates; `write`: what writes the
    address and the street in a reader's script (home.scripts.writer_for), if not as stored."""
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
    if write:
        address, near = (write(name) if name else name for name in (address, near))
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


def camera_page_prefix(language=None):
    """The camera pages' address without the id ("/mapa/kamere/"), in the default language
    unless the reader asked for the data in another script (`language`): the API's documents
    are otherwise the same for every reader, whatever language they ask in."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse("map:camera_page", args=[0]).removesuffix("0/")


def camera_features(origin, cameras, detail=False, language=None):
    """The Features of `cameras` (a queryset), in its order; `origin` ("https://host") makes
    their addresses absolute: the request's for the API, the site's for a release.
    `language`: a reading language whose script the people's words are written in (the
    addresses, streets and operators; "sr-cyrl" for the Cyrillic map) and whose camera pages
    the Features link to; the data as recorded by default."""
    # One reverse() each for all rows: a camera's addresses are a prefix, its id and a suffix.
    url_prefix = origin + reverse("map_api:camera", args=[0]).removesuffix("0.geojson")
    page_prefix = origin + camera_page_prefix(language)
    write = writer_for(language) if language else None
    rows = list(cameras.values_list(*FEATURE_FIELDS, *(DETAIL_FIELDS if detail else ())))
    # Where the cameras without an address are: the streets around them all, in one query.
    streets = Camera.streets_around(
        (row[1], row[2]) for row in rows if not own_street(row[ADDRESS], row[ADDRESS + 1])
    )
    recheck_before = recheck_due_before().strftime("%Y-%m-%dT%H:%M:%SZ")
    if not detail:
        return [
            camera_feature(row, url_prefix, page_prefix, streets, recheck_before, write)
            for row in rows
        ]
    features = []
    for row in rows:
        feature = camera_feature(
            row[: len(FEATURE_FIELDS)], url_prefix, page_prefix, streets, recheck_before, write
        )
        details = dict(zip(DETAIL_FIELDS, row[len(FEATURE_FIELDS) :], strict=True))
        if write and details["operator"]:
            # Who runs it is words ("Grad Beograd"); a maker and a model are names, as written.
            details["operator"] = write(details["operator"])
        feature["properties"].update(
            {name: None if value == "" else value for name, value in details.items()}
        )
        features.append(feature)
    return features


def licence(organisation, includes_osm):
    """The data licence of `organisation` (home.OrganisationSettings) and the attribution due
    for data that `includes_osm` or not."""
    attribution = f"© {organisation.name} contributors"
    if includes_osm:
        attribution += f"; {OSM_ATTRIBUTION}"
    return {
        "name": organisation.data_licence_name,
        "url": organisation.data_licence_url,
        "attribution": attribution,
    }


def includes_osm(features):
    return any(feature["properties"]["source"] == Camera.Source.OSM for feature in features)


def csv_value(value):
    """Booleans and nulls as the GeoJSON spells them, not as Python does; text a spreadsheet
    would run as a formula (an address from OSM's addr:* tags, which anyone may edit) behind
    an apostrophe (home/spreadsheets.py); numbers as numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return formula_safe(value)


def cameras_csv_text(features):
    """The CSV of `features` (camera_features()): CSV_COLUMNS, then a row per camera."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(CSV_COLUMNS)
    for feature in features:
        longitude, latitude = feature["geometry"]["coordinates"]
        values = (feature["id"], latitude, longitude, *feature["properties"].values())
        writer.writerow(csv_value(value) for value in values)
    return output.getvalue()


def municipality_records(verified):
    """The municipalities as the open data lists them, by slug: names in every language, the
    verified cameras (`verified`: {municipality slug: count}) against the police list's count.

    Two queries, whatever the number of municipalities and cameras."""
    # Cameras point at the default language's rows; translations only rename them.
    rows = list(
        Municipality.objects.canonical()
        .order_by("slug")
        .values("translation_key", "slug", "name", "police_list_count", "police_list_date")
    )
    names = {}
    translations = Municipality.objects.filter(
        translation_key__in=[row["translation_key"] for row in rows]
    ).values_list("translation_key", "locale__language_code", "name")
    for key, language, name in translations:
        names.setdefault(key, {})[language] = name
    return [
        {
            "slug": row["slug"],
            "name": row["name"],
            "names": names[row["translation_key"]],
            "verified_cameras": verified.get(row["slug"], 0),
            "police_list_count": row["police_list_count"],
            # Positive: the citizens found more cameras than the police list admits.
            "difference": (
                None
                if row["police_list_count"] is None
                else verified.get(row["slug"], 0) - row["police_list_count"]
            ),
            "police_list_date": (
                row["police_list_date"].isoformat() if row["police_list_date"] else None
            ),
        }
        for row in rows
    ]
