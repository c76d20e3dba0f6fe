"""Import surveillance cameras from OpenStreetMap exports and spreadsheets.

`import_cameras()` reads one file and creates or updates cameras, all in one transaction:

- Formats: an Overpass API JSON export (`{"elements": [...]}`: nodes with lat, lon and tags),
  a GeoJSON FeatureCollection of Points (properties are OSM tags, `id` like `node/123`), or a
  CSV table with a header: `lat`, `lon`, an optional `id`, and columns named like OSM tags
  (comma, semicolon or tab separated; decimal commas in coordinates are understood), or OSM
  XML (`osmxml`, a `.osm` file as JOSM saves it and map/osm_export.py writes it: nodes with
  `<tag k v>`; nodes without tags, the points of ways, and nodes a JOSM file marks
  `action="delete"` are skipped). XML is read with defusedxml: no DTDs or entities, so no
  "billion laughs" and no reading local files.
- Cameras are records whose `surveillance:type` is camera, ALPR (or its synonym ANPR), or
  missing. Every other type (guard, gunshot_detector, webcam, …) is skipped and counted, as are
  Overpass ways and relations (they carry no position) and non-Point GeoJSON features.
- Identity: OSM elements become `osm:node/123`, whichever format they come in (new nodes of
  an OSM XML file, whose negative ids JOSM renumbers, count as records without an id); other
  ids become `<source>:<id>` (`police:17`). A record without an id gets
  `<source>:<lat>,<lon>` at 6 decimals (about 10 cm), with `#2`, `#3`… for further records at
  the same spot, so re-importing the same file finds the same cameras. Two records with the
  same id make the file invalid.
- New cameras are `reported`, never `verified`: OpenStreetMap is other people's mapping, and
  the police list is the very claim the citizens' map checks, so neither is the initiative's
  verification; editors verify (the public map and API show verified cameras by default).
  `source` is `police` for a police import, otherwise `osm` for OSM elements and `citizen`
  for the rest. A police import also marks cameras as on the police list.
- Updates change what the file says and nothing an editor decides: status, confirmations,
  dates, source and photos stay; only "last confirmed" moves forward to a later `check_date`
  (or `survey:date`), as a mapper's visit is a confirmation. A new camera is last confirmed
  at its `check_date`, else at the import. A field follows a tag only when the tag has a
  value the map knows, so an editor's details are not wiped by a tag that is missing or odd
  (`camera:type=foo`); the raw tags are always kept, as given, in `source_tags`. Cameras
  missing from a later file are left alone: whether they were removed is an editor's call.
- Municipalities: a camera inside a municipality's boundary is assigned to it; one outside
  them all keeps the municipality it has.
- Any invalid record (missing or out-of-range coordinates, a value that is not a number) or an
  unreadable file aborts the whole import, naming the record; nothing is written.

Tags read (OSM wiki, Key:surveillance and Key:camera:*): `surveillance`, `surveillance:type`,
`camera:type`, `camera:mount`, `camera:direction` (or `direction`), `surveillance:zone`,
`operator`, `manufacturer` (or `camera:manufacturer`), `model` (or `camera:model`), `height`
(metres), `check_date` (or `survey:date`), and the
address from `addr:full`, or `addr:street`/`addr:place` with `addr:housenumber`. OSM has no
established tag for facial recognition; a camera is marked capable of it when
`surveillance:recognition` or `camera:recognition` lists `face` (e.g. `face;licence_plate`).
For multi-valued tags (`dome;fixed`) the first value counts.
"""

import csv
import io
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as xml_from_string
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .geo import municipality_areas, municipality_for
from .models import (
    MAX_HEIGHT_METRES,
    Camera,
    CameraMount,
    CameraType,
    Municipality,
    Surveillance,
    SurveillanceType,
    SurveillanceZone,
)
from .naming import street_from_tags
from .signals import bump_camera_data_version

FORMATS = ("osm", "geojson", "csv", "osmxml")
SOURCES = (Camera.Source.CITIZEN, Camera.Source.POLICE)

# Fields (by attribute name) an import writes; everything else on a camera belongs to editors.
IMPORTED_FIELDS = [
    "latitude",
    "longitude",
    "address",
    "municipality_id",
    "surveillance",
    "surveillance_type",
    "camera_type",
    "camera_mount",
    "direction",
    "height",
    "surveillance_zone",
    "operator",
    "manufacturer",
    "model",
    "facial_recognition",
    "on_police_list",
    "last_confirmed_at",
    "source_tags",
]

CAMERA_TYPES = {
    "camera": SurveillanceType.CAMERA.value,
    "alpr": SurveillanceType.ALPR.value,
    "anpr": SurveillanceType.ALPR.value,  # The British name for the same thing.
}

# Tag → field for tags whose values are one of a field's choices.
CHOICE_TAGS = [
    (name, key, frozenset(choices.values))
    for name, key, choices in [
        ("surveillance", "surveillance", Surveillance),
        ("camera_type", "camera:type", CameraType),
        ("camera_mount", "camera:mount", CameraMount),
        ("surveillance_zone", "surveillance:zone", SurveillanceZone),
    ]
]
# Tag(s) → text field, the first tag present winning.
TEXT_TAGS = [
    ("operator", ["operator"]),
    ("manufacturer", ["manufacturer", "camera:manufacturer"]),
    ("model", ["model", "camera:model"]),
]
DIRECTION_TAGS = ["camera:direction", "direction"]
# When a mapper last saw the camera (OSM's Key:check_date): a later one moves the camera's
# "last confirmed" forward.
CHECK_DATE_TAGS = ["check_date", "survey:date"]
# "4", "4.5", "4,5", "4 m": metres, OSM's default unit for `height`.
HEIGHT = re.compile(r"\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:m)?\s*")
# Longer text is cut to fit; the full value stays in source_tags.
MAX_LENGTH = {
    name: Camera._meta.get_field(name).max_length
    for name in ["address", "operator", "manufacturer", "model", "external_id"]
}
RECOGNITION_TAGS = ["surveillance:recognition", "camera:recognition"]

OSM_ID = re.compile(r"(?:osm:)?((?:node|way|relation)/\d+)")

# The 16 compass points, 22.5° apart, clockwise from north.
COMPASS_POINTS = "N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split()  # noqa: SIM905
COMPASS = {point: index * 22.5 for index, point in enumerate(COMPASS_POINTS)}
COMPASS_WORDS = {"NORTH": "N", "EAST": "E", "SOUTH": "S", "WEST": "W"}
DIRECTION_RANGE = re.compile(r"(.+?)\s*-\s*(.+)")


class CameraImportError(Exception):
    """The file cannot be imported; the message says where and why."""


@dataclass
class Record:
    number: int  # Position in the file, from 1, for messages.
    ref: str  # How the file names it: "node/123", "line 18", or "" when it has no name.
    latitude: object  # As given; checked by `_coordinate`.
    longitude: object
    tags: dict
    given_id: str = ""
    skip: str = ""  # Why this record is not a camera, when it is not.

    def error(self, message):
        where = f"record {self.number} ({self.ref})" if self.ref else f"record {self.number}"
        return CameraImportError(f"{where}: {message}")


@dataclass
class ImportResult:
    format: str
    records: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)


def parse_direction(value):
    """A `camera:direction` value as whole degrees 0-359 clockwise from north.

    Understands degrees (`90`, `-90` is 270), compass points and words (`NNW`, `north-east`),
    clockwise ranges (`90-270` → 180, `300-60` → 0: the middle of the range) and lists
    (`45;135` → 45: the first camera). `360` and full-circle ranges mean the camera sees all
    around, and anything unreadable means unknown: both give None.
    """
    if value is None:
        return None
    first = re.split(r"[;,]", value)[0].strip()
    bearing = _bearing(first)
    if bearing is not None:
        return None if abs(bearing) == 360 else _whole_degrees(bearing)
    match = DIRECTION_RANGE.fullmatch(first)
    start, end = (_bearing(match[1]), _bearing(match[2])) if match else (None, None)
    if start is None or end is None:
        return None
    span = (end - start) % 360
    return _whole_degrees(start + span / 2) if span else None


def parse_height(value):
    """An OSM `height` value as metres, or None when unreadable or beyond MAX_HEIGHT_METRES."""
    match = HEIGHT.fullmatch(value or "")
    if match is None:
        return None
    metres = float(match[1].replace(",", "."))
    return metres if metres <= MAX_HEIGHT_METRES else None


def parse_check_date(value, now):
    """An OSM `check_date` ("2024-05-17", or "2024-05": its first day) as an aware datetime
    at midnight UTC, or None when unreadable or after `now`."""
    text = _first_value(value)
    for pattern in ("%Y-%m-%d", "%Y-%m"):
        try:
            moment = datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        return moment if moment <= now else None
    return None


def _whole_degrees(bearing):
    return math.floor(bearing + 0.5) % 360


def _bearing(text):
    """Degrees from -360 to 360 for a number or a compass point, else None."""
    text = text.strip().rstrip("°")
    try:
        degrees = float(text)
    except ValueError:
        point = re.sub(r"[\s_-]", "", text.upper())
        for word, letter in COMPASS_WORDS.items():
            point = point.replace(word, letter)
        return COMPASS.get(point)
    return degrees if -360 <= degrees <= 360 else None


def camera_fields(tags):
    """The camera fields that `tags` give a usable value for, and whether it is a camera.

    Returns (fields, skip) where skip names the kind of surveillance when it is not a camera.
    """
    kind = _first_value(tags.get("surveillance:type"))
    if kind and kind.lower() not in CAMERA_TYPES:
        return {}, f"surveillance:type={kind}"
    fields = {}
    if kind:
        fields["surveillance_type"] = CAMERA_TYPES[kind.lower()]
    for name, key, choices in CHOICE_TAGS:
        value = (_first_value(tags.get(key)) or "").lower()
        if value in choices:
            fields[name] = value
    for name, keys in TEXT_TAGS:
        value = next((tags[key].strip() for key in keys if tags.get(key, "").strip()), "")
        if value:
            fields[name] = value[: MAX_LENGTH[name]]
    # As a camera without an address is named by its tags (map/naming.py).
    address = street_from_tags(tags)
    if address:
        fields["address"] = address[: MAX_LENGTH["address"]]
    direction = parse_direction(next((tags[key] for key in DIRECTION_TAGS if key in tags), None))
    if direction is not None:
        fields["direction"] = direction
    height = parse_height(tags.get("height"))
    if height is not None:
        fields["height"] = height
    checked = next((tags[key] for key in CHECK_DATE_TAGS if tags.get(key)), None)
    checked = parse_check_date(checked, timezone.now())
    if checked is not None:
        fields["last_confirmed_at"] = checked
    recognition = ";".join(tags.get(key, "") for key in RECOGNITION_TAGS).lower()
    if "face" in (value.strip() for value in recognition.split(";")):
        fields["facial_recognition"] = True
    return fields, ""


def _first_value(value):
    return value.split(";")[0].strip() if value else ""


# Reading files.


def read_records(path, format=None):
    """The file's format and its records, checking only that the file itself is readable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CameraImportError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CameraImportError(f"{path}: not a UTF-8 text file") from None
    except OSError as error:
        raise CameraImportError(f"{path}: cannot be read ({error.strerror})") from None
    format = format or {".csv": "csv", ".geojson": "geojson", ".osm": "osmxml"}.get(
        path.suffix.lower()
    )
    if format is None and text.lstrip().startswith("<"):
        format = "osmxml"
    if format is None and not text.lstrip().startswith("{"):
        raise CameraImportError(f"{path}: cannot tell the format; give it with --format")
    if format == "csv":
        return format, _csv_records(text)
    if format == "osmxml":
        return format, _osm_xml_records(path, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CameraImportError(f"{path}: not valid JSON ({error})") from None
    if format is None and isinstance(data, dict):
        format = "osm" if "elements" in data else "geojson" if "features" in data else None
    if format == "osm":
        return format, _overpass_records(data)
    if format == "geojson":
        return format, _geojson_records(data)
    raise CameraImportError(f"{path}: neither an Overpass export nor GeoJSON; see --format")


def _overpass_records(data):
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise CameraImportError('an Overpass export needs an "elements" list')
    records = []
    for number, element in enumerate(data["elements"], 1):
        if not isinstance(element, dict):
            raise Record(number, "", None, None, {}).error("not a JSON object")
        kind = element.get("type", "node")
        ref = f"{kind}/{element['id']}" if "id" in element else ""
        tags = _tags(element.get("tags"))
        record = Record(number, ref, element.get("lat"), element.get("lon"), tags, ref)
        if kind != "node":
            record.skip = f"OSM {kind} (no single position)"
        records.append(record)
    return records


def _osm_xml_records(path, text):
    try:
        root = xml_from_string(text)
    except ParseError as error:
        raise CameraImportError(f"{path}: not valid XML ({error})") from None
    except DefusedXmlException:
        raise CameraImportError(f"{path}: XML with a DTD or entities is not read") from None
    if root.tag != "osm":
        raise CameraImportError(f"{path}: not OSM XML (its root is <{root.tag}>, not <osm>)")
    records = []
    for element in root:
        if element.tag not in ("node", "way", "relation"):
            continue  # bounds, notes and the like
        number = len(records) + 1
        element_id = element.get("id", "")
        ref = f"{element.tag}/{element_id}" if element_id else ""
        tags = {tag.get("k"): tag.get("v") for tag in element.iter("tag") if tag.get("k")}
        tags = {key: value for key, value in tags.items() if value is not None}
        # Only a positive id is an OSM node's; negative ones number new nodes in this file.
        given_id = ref if element_id.isdigit() else ""
        record = Record(number, ref, element.get("lat"), element.get("lon"), tags, given_id)
        if element.tag != "node":
            record.skip = f"OSM {element.tag} (no single position)"
        elif element.get("action") == "delete":
            record.skip = "deleted in the file"
        elif not tags:
            # The corners of a file's ways: points of a line, not cameras.
            record.skip = "OSM node without tags"
        records.append(record)
    return records


def _geojson_records(data):
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CameraImportError("not a GeoJSON FeatureCollection")
    if not isinstance(data.get("features"), list):
        raise CameraImportError('a FeatureCollection needs a "features" list')
    records = []
    for number, feature in enumerate(data["features"], 1):
        if not isinstance(feature, dict):
            raise Record(number, "", None, None, {}).error("not a JSON object")
        properties = feature.get("properties") or {}
        given_id = str(feature.get("id") or properties.get("@id") or "")
        geometry = feature.get("geometry") or {}
        record = Record(number, given_id, None, None, _tags(properties), given_id)
        if not isinstance(geometry, dict):
            raise record.error("its geometry is not a GeoJSON object")
        if geometry.get("type") == "Point":
            coordinates = geometry.get("coordinates") or [None, None]
            if not isinstance(coordinates, list) or len(coordinates) < 2:
                raise record.error("a Point needs [longitude, latitude] coordinates")
            record.longitude, record.latitude = coordinates[:2]
        elif geometry:
            record.skip = f"GeoJSON {geometry.get('type')} (not a point)"
        records.append(record)
    return records


def _tags(properties):
    """OSM-style tags: text keys and values; other JSON values written as JSON, nulls dropped."""
    if not isinstance(properties, dict):
        return {}
    return {
        str(key): value if isinstance(value, str) else json.dumps(value)
        for key, value in properties.items()
        if value is not None
    }


def _csv_records(text):
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader, [])]
        columns = {name.lower(): index for index, name in enumerate(header)}
        if "lat" not in columns or "lon" not in columns:
            raise CameraImportError(
                f"a CSV file needs lat and lon columns; its header has: {', '.join(header)}"
            )
        records = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            number = len(records) + 1
            values = dict(zip(header, (cell.strip() for cell in row), strict=False))
            given_id = values.pop(header[columns["id"]], "") if "id" in columns else ""
            record = Record(
                number,
                given_id or f"line {reader.line_num}",
                values.pop(header[columns["lat"]], ""),
                values.pop(header[columns["lon"]], ""),
                {key: value for key, value in values.items() if value},
                given_id,
            )
            if len(row) > len(header):
                raise record.error("more values than the header has columns")
            records.append(record)
    except csv.Error as error:
        raise CameraImportError(f"line {reader.line_num}: not valid CSV ({error})") from None
    return records


def _coordinate(record, name, value, limit):
    if value is None or value == "":
        raise record.error(f"{name} is missing")
    try:
        number = float(value.replace(",", ".") if isinstance(value, str) else value)
    except (TypeError, ValueError):
        number = None
    if isinstance(value, bool) or number is None or not math.isfinite(number):
        raise record.error(f"{name} {value!r} is not a number")
    if not -limit <= number <= limit:
        raise record.error(f"{name} {number} is out of range (-{limit} to {limit})")
    return number


# Importing.


def import_cameras(path, format=None, source=Camera.Source.CITIZEN, dry_run=False):
    """Create and update cameras from the file at `path`; see the module's docstring."""
    if format not in (None, *FORMATS):
        raise CameraImportError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if source not in SOURCES:
        raise CameraImportError(f"unknown source {source!r}; use one of {', '.join(SOURCES)}")
    source = Camera.Source(source).value  # Plain text, for the ids.
    format, records = read_records(path, format)
    result = ImportResult(format=format, records=len(records))
    cameras = _cameras_of(records, source, result)

    with transaction.atomic():
        try:
            areas = municipality_areas(Municipality.objects.canonical())
        except ValueError as error:
            raise CameraImportError(f"cannot assign municipalities: {error}") from None
        existing = _existing(cameras)
        new, changed = {}, []
        for external_id, fields in cameras.items():
            municipality = municipality_for(fields["latitude"], fields["longitude"], areas)
            if municipality is not None:
                fields["municipality_id"] = municipality.pk
            if external_id not in existing:
                new[external_id] = fields
                continue
            pk, current = existing[external_id]
            checked = fields.get("last_confirmed_at")
            if checked is not None and checked <= current["last_confirmed_at"]:
                # A confirmation only moves forward: an older check_date says nothing new.
                del fields["last_confirmed_at"]
            updated = {**current, **fields}
            if updated != current:
                changed.append((pk, updated))
        result.created, result.updated = len(new), len(changed)
        result.unchanged = len(cameras) - len(new) - len(changed)
        if not dry_run and (new or changed):
            _insert(new, source)
            _update(changed)
            bump_camera_data_version()  # Raw writes send no signals to do it.
    return result


def _cameras_of(records, source, result):
    """Validate every record; the fields of each camera by external id; count the skipped."""
    cameras = {}
    numbers = {}  # External id → record number, to name the first of two duplicates.
    spots = Counter()  # Records without an id at each spot.
    for record in records:
        fields, skip = camera_fields(record.tags)
        skip = record.skip or skip
        if skip:
            result.skipped[skip] += 1
            continue
        latitude = _coordinate(record, "latitude", record.latitude, 90)
        longitude = _coordinate(record, "longitude", record.longitude, 180)
        if osm_id := OSM_ID.fullmatch(record.given_id):
            external_id = f"osm:{osm_id[1]}"
        elif record.given_id:
            external_id = f"{source}:{record.given_id}"
        else:
            external_id = f"{source}:{latitude:.6f},{longitude:.6f}"
            spots[external_id] += 1
            if spots[external_id] > 1:
                external_id += f"#{spots[external_id]}"
        if len(external_id) > MAX_LENGTH["external_id"]:
            raise record.error("the id is too long")
        if external_id in numbers:
            raise record.error(f"the same id as record {numbers[external_id]}")
        numbers[external_id] = record.number
        fields.update(latitude=latitude, longitude=longitude, source_tags=record.tags)
        if source == Camera.Source.POLICE:
            fields["on_police_list"] = True
        cameras[external_id] = fields
    return cameras


def _existing(cameras):
    """{external id: (pk, imported fields)} of the cameras earlier imports made, in one query."""
    prefixes = {external_id.split(":", 1)[0] + ":" for external_id in cameras}
    if not prefixes:
        return {}
    starts_with = Q(*[Q(external_id__startswith=prefix) for prefix in prefixes], _connector=Q.OR)
    rows = Camera.objects.filter(starts_with).values_list("external_id", "pk", *IMPORTED_FIELDS)
    return {
        external_id: (pk, dict(zip(IMPORTED_FIELDS, values, strict=True)))
        for external_id, pk, *values in rows
    }


# The writes are plain SQL, each one statement run for all rows: with bulk_create and
# bulk_update, Django spends far longer building model instances and SQL expressions for each
# value than the database takes to store them (minutes against seconds for 100,000 cameras;
# see bench/import_cameras.py). Values from the tags are plain numbers, text and booleans that
# both SQLite and PostgreSQL take as they are; only source_tags, and the defaults, need preparing.
# The SQL is built from the model's own table and column names only (hence the noqa: S608).


def _insert(cameras, source):
    if not cameras:
        return
    columns = [field for field in Camera._meta.concrete_fields if not field.primary_key]
    # Django's Python-side defaults (first reported now, no confirmations…), computed once.
    template = Camera(status=Camera.Status.REPORTED, updated_at=timezone.now())
    defaults = {
        field.attname: field.get_db_prep_save(getattr(template, field.attname), connection)
        for field in columns
    }
    source_tags = Camera._meta.get_field("source_tags")
    confirmed = Camera._meta.get_field("last_confirmed_at")
    rows = []
    for external_id, fields in cameras.items():
        values = {
            **defaults,
            **fields,
            "external_id": external_id,
            "source": _source_of(external_id, source),
            "source_tags": source_tags.get_db_prep_save(fields["source_tags"], connection),
        }
        if "last_confirmed_at" in fields:
            values["last_confirmed_at"] = confirmed.get_db_prep_save(
                fields["last_confirmed_at"], connection
            )
        rows.append([values[field.attname] for field in columns])
    names = ", ".join(_quote(field) for field in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {_table()} ({names}) VALUES ({placeholders})",  # noqa: S608
            rows,
        )


def _update(changed):
    if not changed:
        return
    columns = [Camera._meta.get_field(name) for name in [*IMPORTED_FIELDS, "updated_at"]]
    now = Camera._meta.get_field("updated_at").get_db_prep_save(timezone.now(), connection)
    source_tags = Camera._meta.get_field("source_tags")
    confirmed = Camera._meta.get_field("last_confirmed_at")
    rows = []
    for pk, fields in changed:
        values = {
            **fields,
            "updated_at": now,
            "source_tags": source_tags.get_db_prep_save(fields["source_tags"], connection),
            "last_confirmed_at": confirmed.get_db_prep_save(
                fields["last_confirmed_at"], connection
            ),
        }
        rows.append([*(values[field.attname] for field in columns), pk])
    assignments = ", ".join(f"{_quote(field)} = %s" for field in columns)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {_table()} SET {assignments} WHERE {_quote(Camera._meta.pk)} = %s",  # noqa: S608
            rows,
        )


def _table():
    return connection.ops.quote_name(Camera._meta.db_table)


def _quote(field):
    return connection.ops.quote_name(field.column)


def _source_of(external_id, source):
    if source != Camera.Source.POLICE and external_id.startswith("osm:"):
        return Camera.Source.OSM.value
    return source
