"""Back to OpenStreetMap: the verified cameras citizens found, as a file for OSM mappers.

    /api/osm/cameras.osm        a JOSM-compatible OSM XML (API 0.6) file of new nodes
    /api/osm/tag-changes.json   tags our data would add to, or correct on, cameras already
                                in OSM, for a mapper to check; never applied by the file

Who is exported: verified cameras whose source is citizens, whose reporters accepted the
Open Database License (`Camera.odbl_ok`, set from the report form's licence: map/forms.py
REPORT_LICENCE_VERSION). Never cameras known only from the police list (source police, or
on the police list with no citizen's report behind them), never demo data, never cameras
that came from OSM (they are there already).

A camera within NEAR_OSM_METRES of a camera imported from OSM is most likely that camera:
it is no new node (a mapper would add a duplicate), and what our data says that OSM's tags
lack or say otherwise becomes a proposed change in the second file.

Nodes have negative ids (-camera id), as JOSM gives new objects, and `action="modify"`, as
JOSM writes them, so that JOSM opens the file as new data to review and upload (no
`upload="never"`, which would forbid it). Tags follow OSM's surveillance vocabulary
(wiki: Key:surveillance, Key:camera:*), the tags map/importers.py reads, so importing the
file gives the same cameras again. Every value comes from people and is cleaned (no control
characters, at most OSM's 255 characters) and escaped.

Bounded work: one pass over the cameras' rows (values_list, no model instances), written
line by line; the OSM cameras are held once, sorted by longitude in 15-m latitude bands.
Both files are whole-set answers, kept like the API's others (map/api.py `cached_response`).
"""

import bisect
import io
import math
import re
from collections import defaultdict
from xml.sax.saxutils import quoteattr

import orjson
from django.db.models import Exists, OuterRef, Q

from .api_responses import cached_response, document, licence, open_to_all_sites
from .camera_data import camera_page_prefix
from .geo import distance_m
from .importers import DIRECTION_TAGS, RECOGNITION_TAGS, TEXT_TAGS, camera_fields
from .models import Camera, CameraReport
from .moderation import METRES_PER_DEGREE

GENERATOR = "Kamere"
NEAR_OSM_METRES = 15
# OSM's API refuses longer values.
MAX_VALUE_LENGTH = 255
OSM_XML = "application/xml; charset=utf-8"
OSM_NODE_URL = "https://www.openstreetmap.org/"

# Tag → the camera field it says, in the order the file lists them.
FIELD_TAGS = [
    ("surveillance:type", "surveillance_type"),
    ("surveillance", "surveillance"),
    ("surveillance:zone", "surveillance_zone"),
    ("camera:type", "camera_type"),
    ("camera:direction", "direction"),
    ("camera:mount", "camera_mount"),
    ("height", "height"),
    # OSM has no established tag for it; this is the one map/importers.py reads.
    ("surveillance:recognition", "facial_recognition"),
    ("operator", "operator"),
    ("manufacturer", "manufacturer"),
    ("model", "model"),
]
ROW_FIELDS = ("pk", "latitude", "longitude", *(name for _key, name in FIELD_TAGS))
# The other tags by which OSM may say the same (map/importers.py reads them all).
SAME_AS = {
    "camera:direction": DIRECTION_TAGS,
    "surveillance:recognition": RECOGNITION_TAGS,
    **{names[0]: names for _field, names in TEXT_TAGS},
}
# Ours, about the file rather than the camera: not proposed for OSM's nodes.
OWN_TAGS = {"man_made", "source", "note"}

# What XML 1.0 cannot hold, and every other control character (line breaks, tabs, DEL and
# the C1 range), which OSM values should not have.
NOT_IN_VALUES = re.compile(r"[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]+")
_BAND_DEGREES = NEAR_OSM_METRES / METRES_PER_DEGREE


def osm_value(value):
    """`value` as an OSM tag value: one line of at most 255 characters, "" when nothing
    is left."""
    text = NOT_IN_VALUES.sub(" ", str(value))
    return " ".join(text.split())[:MAX_VALUE_LENGTH].strip()


def exportable_cameras():
    """The cameras that may go to OSM (the module's docstring says which)."""
    citizens_report = CameraReport.objects.filter(
        camera=OuterRef("pk"),
        status__in=[CameraReport.Status.ACCEPTED, CameraReport.Status.MERGED],
    )
    return (
        Camera.objects.filter(
            status=Camera.Status.VERIFIED, odbl_ok=True, source=Camera.Source.CITIZEN
        )
        .exclude(external_id__startswith="osm:")
        .filter(Q(on_police_list=False) | Exists(citizens_report))
    )


def osm_origin():
    """A Q for the cameras that came from OSM (by their source or their id), any status:
    their nodes are in OSM whatever our editors made of them."""
    return Q(source=Camera.Source.OSM) | Q(external_id__startswith="osm:")


class OsmCameras:
    """The cameras imported from OSM by where they are, to find the nearest within
    NEAR_OSM_METRES: in latitude bands that tall, each sorted by longitude, so that a point's
    candidates are a short slice of three bands."""

    def __init__(self, rows):
        """`rows`: (latitude, longitude, external id, OSM tags)."""
        bands = defaultdict(list)
        for latitude, longitude, external_id, tags in rows:
            osm_id = external_id[4:] if (external_id or "").startswith("osm:") else None
            tags = tags if isinstance(tags, dict) else {}
            bands[math.floor(latitude / _BAND_DEGREES)].append((longitude, latitude, osm_id, tags))
        self._bands = {band: sorted(points, key=lambda p: p[0]) for band, points in bands.items()}
        self._longitudes = {band: [p[0] for p in points] for band, points in self._bands.items()}

    def nearest(self, latitude, longitude):
        """(metres, OSM id, OSM tags) of the nearest within reach, or None."""
        band = math.floor(latitude / _BAND_DEGREES)
        cosine = max(math.cos(math.radians(min(abs(latitude) + 2 * _BAND_DEGREES, 90))), 1e-6)
        reach = _BAND_DEGREES / cosine * 1.01  # a little more: the distance decides
        best = None
        for other in (band - 1, band, band + 1):
            longitudes = self._longitudes.get(other)
            if not longitudes:
                continue
            start = bisect.bisect_left(longitudes, longitude - reach)
            end = bisect.bisect_right(longitudes, longitude + reach)
            for other_longitude, other_latitude, osm_id, tags in self._bands[other][start:end]:
                metres = distance_m(latitude, longitude, other_latitude, other_longitude)
                if metres <= NEAR_OSM_METRES and (best is None or metres < best[0]):
                    best = (metres, osm_id, tags)
        return best


def camera_tags(camera, check_date, note):
    """The OSM tags of a camera (a dict of ROW_FIELDS)."""
    tags = {"man_made": "surveillance"}
    for key, name in FIELD_TAGS:
        value = camera[name]
        if value is None or value == "" or value is False:
            continue
        if isinstance(value, float):
            value = f"{value:g}"  # 4.0 m is tagged height=4
        value = osm_value("face" if value is True else value)
        if value:
            tags[key] = value
    if check_date:
        tags["check_date"] = check_date
    tags["source"] = "survey"
    tags["note"] = note
    return tags


def export_rows(note):
    """(camera id, latitude, longitude, tags, nearest OSM camera or None) of every exportable
    camera, in id order: one query for the OSM cameras, one for the exportable ones."""
    osm_cameras = OsmCameras(
        Camera.objects.filter(osm_origin())
        .values_list("latitude", "longitude", "external_id", "source_tags")
        .iterator(chunk_size=2000)
    )
    rows = (
        exportable_cameras()
        .order_by("pk")
        .values_list(*ROW_FIELDS, "last_confirmed_at")
        .iterator(chunk_size=2000)
    )
    for *values, last_confirmed_at in rows:
        camera = dict(zip(ROW_FIELDS, values, strict=True))
        check_date = last_confirmed_at.date().isoformat() if last_confirmed_at else ""
        tags = camera_tags(camera, check_date, note)
        latitude, longitude = camera["latitude"], camera["longitude"]
        yield camera["pk"], latitude, longitude, tags, osm_cameras.nearest(latitude, longitude)


def write_osm(rows, out):
    """OSM XML of the rows' new nodes (those with no OSM camera near), written to `out`."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<osm version="0.6" generator="{GENERATOR}">\n')
    for pk, latitude, longitude, tags, near in rows:
        if near is not None:
            continue
        out.write(
            f'  <node id="-{pk}" action="modify" visible="true" '
            f'lat="{latitude:.7f}" lon="{longitude:.7f}">\n'
        )
        for key, value in tags.items():
            out.write(f"    <tag k={quoteattr(key)} v={quoteattr(value)}/>\n")
        out.write("  </node>\n")
    out.write("</osm>\n")


def proposed_change(tags, osm_tags):
    """What `tags` (ours) would add to a camera OSM has with `osm_tags`, and where the two
    differ: ({key: value}, {key: {"osm": value, "proposed": value}}). Values are compared
    as the importer reads them (NE and 45 are the same direction)."""
    ours, _skip = camera_fields(tags)
    theirs, _skip = camera_fields(osm_tags)
    fields = dict(FIELD_TAGS)
    add, differ = {}, {}
    for key, value in tags.items():
        if key in OWN_TAGS:
            continue
        osm_key = next((k for k in SAME_AS.get(key, [key]) if k in osm_tags), None)
        if osm_key is None:
            add[key] = value
        elif key == "check_date":
            # A later check is news; ISO dates compare as text.
            if value > str(osm_tags[osm_key]):
                differ[key] = {"osm": osm_tags[osm_key], "proposed": value}
        elif ours.get(fields[key]) != theirs.get(fields[key]):
            differ[key] = {"osm": osm_tags[osm_key], "proposed": value}
    return add, differ


def tag_changes(rows, page_prefix):
    """The proposed changes to OSM's cameras of the rows with an OSM camera near."""
    changes = []
    for pk, latitude, longitude, tags, near in rows:
        if near is None:
            continue
        metres, osm_id, osm_tags = near
        add, differ = proposed_change(tags, osm_tags)
        if add or differ:
            changes.append(
                {
                    "osm_id": osm_id,
                    "osm_url": f"{OSM_NODE_URL}{osm_id}" if osm_id else None,
                    "camera": pk,
                    "camera_url": f"{page_prefix}{pk}/",
                    "latitude": round(latitude, 7),
                    "longitude": round(longitude, 7),
                    "distance_m": round(metres, 1),
                    "add": add,
                    "differ": differ,
                }
            )
    return changes


def export_note(request, data_licence):
    """The `note` on every node: who found it, and the credit."""
    origin = request.build_absolute_uri("/")
    credit = data_licence["attribution"]
    return f"Reported by citizens to {origin} and verified by its editors; {credit}"


def attachment(filename):
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


@open_to_all_sites
def cameras_osm(request):
    def build():
        # No OSM camera is in the file, so only our own credit is due.
        data_licence = licence(request, includes_osm=False)
        out = io.StringIO()
        write_osm(export_rows(export_note(request, data_licence)), out)
        return document(
            out.getvalue().encode(), OSM_XML, data_licence, **attachment("kamere-cameras.osm")
        )

    return cached_response(request, "osm/cameras.osm", build)


@open_to_all_sites
def tag_changes_json(request):
    def build():
        # The changes are to OSM's own cameras: both credits.
        data_licence = licence(request, includes_osm=True)
        rows = export_rows(export_note(request, licence(request, includes_osm=False)))
        body = {
            "generator": GENERATOR,
            "licence": {"name": data_licence["name"], "url": data_licence["url"]},
            "attribution": data_licence["attribution"],
            "radius_m": NEAR_OSM_METRES,
            "about": (
                "Cameras of ours within radius_m of a camera imported from OpenStreetMap: "
                "tags OSM lacks (add) or says otherwise (differ). Proposals only: check each "
                "on the ground or on imagery before editing OSM."
            ),
            "changes": tag_changes(rows, request.build_absolute_uri(camera_page_prefix())),
        }
        return document(
            orjson.dumps(body), "application/json", data_licence, **attachment("tag-changes.json")
        )

    return cached_response(request, "osm/tag-changes.json", build)
