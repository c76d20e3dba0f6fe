"""The files of a release, made from one read of the cameras so that they agree.

    cameras.geojson      every camera on record (verified, reported, retired) as the live API
                         writes them (map/camera_data.py), with the release's number and date
    cameras.csv          the same cameras, a row each (the live CSV's columns)
    municipalities.json  verified cameras against the police list, per municipality, as then
    changes.json         what changed since the previous release (map/releases/changes.py)
    changes.csv          the same, a row per change
    datapackage.json     a Frictionless Data Package (v1) describing the others: licence,
                         sources, sizes, SHA-256 hashes and the CSVs' columns and types

Built in memory: 100,000 cameras make about 60 MB of files, which the machine that builds
them (the worker) holds once, as the live API does for its whole-set answers.
"""

import hashlib
from collections import Counter

import orjson
from django.utils.text import slugify

from map.camera_data import (
    CSV_COLUMNS,
    OSM_ATTRIBUTION,
    camera_features,
    cameras_csv_text,
    includes_osm,
    licence,
    municipality_records,
)
from map.cameras import RECORDED_STATUSES, Camera

from .changes import CSV_COLUMNS as CHANGE_COLUMNS
from .changes import KINDS, camera_changes, changes_csv_text

JSON_OPTIONS = orjson.OPT_INDENT_2
OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright"

# The CSVs' columns as Frictionless Table Schema types; booleans are written true/false.
CAMERA_FIELD_TYPES = {
    "id": "integer",
    "latitude": "number",
    "longitude": "number",
    "facial_recognition": "boolean",
    "direction": "integer",
    "on_police_list": "boolean",
    "first_reported_at": "datetime",
    "verified_at": "datetime",
    "demo": "boolean",
    "last_confirmed_at": "datetime",
    "retired_at": "datetime",
    "needs_recheck": "boolean",
}
CHANGE_FIELD_TYPES = {
    "id": "integer",
    "distance_m": "number",
    "longitude": "number",
    "latitude": "number",
}
BOOLEAN_VALUES = {"trueValues": ["true"], "falseValues": ["false"]}
URL_COLUMNS = {"url", "page_url"}


def snapshot(origin):
    """Every camera on record, as Features in id order, its links under `origin`."""
    cameras = Camera.objects.filter(status__in=RECORDED_STATUSES).order_by("id")
    return camera_features(origin, cameras)


def figures_of(features):
    """The release's figures: per municipality, as the live municipalities.json gives them,
    and the totals, counted from the release's own cameras."""
    statuses = Counter(feature["properties"]["status"] for feature in features)
    verified = Counter(
        feature["properties"]["municipality"]
        for feature in features
        if feature["properties"]["status"] == Camera.Status.VERIFIED
    )
    records = municipality_records(verified)
    police = [record["police_list_count"] for record in records]
    known = [count for count in police if count is not None]
    return {
        "municipalities": records,
        "cameras": len(features),
        "verified_cameras": statuses[Camera.Status.VERIFIED],
        "reported_cameras": statuses[Camera.Status.REPORTED],
        "retired_cameras": statuses[Camera.Status.RETIRED],
        "demo_cameras": sum(1 for feature in features if feature["properties"]["demo"]),
        "police_list_count": sum(known) if known else None,
        # False when some municipality's count is unknown: the total is then a lower bound.
        "police_list_complete": len(known) == len(police),
    }


def _schema(columns, types):
    fields = []
    for name in columns:
        field = {"name": name, "type": types.get(name, "string")}
        if field["type"] == "boolean":
            field.update(BOOLEAN_VALUES)
        if name in URL_COLUMNS:
            field["format"] = "uri"
        fields.append(field)
    return {"fields": fields}


def _resource(name, path, content, mediatype, **more):
    return {
        "name": name,
        "path": path,
        "mediatype": mediatype,
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
        **more,
    }


def release_files(release, features, previous_features, organisation, page_url):
    """{file name: bytes} of `release` (its number, dates and previous number set), the
    changes since `previous_features` ({kind: [...]}, for the release's counts and page), its
    figures and the licence its files carry.

    `organisation`: home.OrganisationSettings, whose licence the files carry; `page_url`:
    the release's page, which cites it."""
    data_licence = licence(organisation, includes_osm(features))
    about = {
        "number": release.number,
        "published_at": release.published_at.isoformat(),
        "previous": release.previous_number,
        "page_url": page_url,
    }
    licence_members = {
        "licence": {"name": data_licence["name"], "url": data_licence["url"]},
        "attribution": data_licence["attribution"],
    }
    changes = camera_changes(previous_features, features)
    figures = figures_of(features)
    contents = {
        "cameras.geojson": orjson.dumps(
            {
                "type": "FeatureCollection",
                "release": about,
                **licence_members,
                "features": features,
            }
        ),
        "cameras.csv": cameras_csv_text(features).encode(),
        "municipalities.json": orjson.dumps(
            {"release": about, **licence_members, **figures}, option=JSON_OPTIONS
        ),
        "changes.json": orjson.dumps(
            {
                "release": about,
                "counts": {kind: len(changes[kind]) for kind in KINDS},
                **changes,
            }
        ),
        "changes.csv": changes_csv_text(changes).encode(),
    }
    contents["datapackage.json"] = orjson.dumps(
        datapackage(release, contents, data_licence, organisation, page_url),
        option=JSON_OPTIONS,
    )
    return contents, changes, figures, data_licence


def datapackage(release, contents, data_licence, organisation, page_url):
    """The Frictionless Data Package (v1) descriptor of the release's other files."""
    sources = []
    if OSM_ATTRIBUTION in data_licence["attribution"]:
        sources.append({"title": OSM_ATTRIBUTION, "path": OSM_COPYRIGHT_URL})
    return {
        "profile": "data-package",
        "name": f"{slugify(organisation.name) or 'cameras'}-cameras",
        "id": page_url,
        "title": f"{organisation.name}: cameras, release {release.number}",
        "version": str(release.number),
        "created": release.published_at.isoformat(),
        "homepage": page_url,
        "licenses": [{"title": data_licence["name"], "path": data_licence["url"]}],
        "contributors": [{"title": data_licence["attribution"], "role": "author"}],
        "sources": sources,
        "resources": [
            _resource(
                "cameras-geojson",
                "cameras.geojson",
                contents["cameras.geojson"],
                "application/geo+json",
                format="geojson",
            ),
            _resource(
                "cameras",
                "cameras.csv",
                contents["cameras.csv"],
                "text/csv",
                format="csv",
                profile="tabular-data-resource",
                schema={**_schema(CSV_COLUMNS, CAMERA_FIELD_TYPES), "primaryKey": ["id"]},
            ),
            _resource(
                "municipalities",
                "municipalities.json",
                contents["municipalities.json"],
                "application/json",
                format="json",
            ),
            _resource(
                "changes-json",
                "changes.json",
                contents["changes.json"],
                "application/json",
                format="json",
            ),
            _resource(
                "changes",
                "changes.csv",
                contents["changes.csv"],
                "text/csv",
                format="csv",
                profile="tabular-data-resource",
                schema=_schema(CHANGE_COLUMNS, CHANGE_FIELD_TYPES),
            ),
        ],
    }
