"""`import_streets()`: the street network from an OpenStreetMap export.

Either an Overpass JSON export of ways with their geometry and nodes (Overpass QL
`way[highway](area); out geom;`), or an OSM file (`.osm.pbf` extracts such as Geofabrik's, or
`.osm` XML), read with libosmium's parser (pyosmium), which puts the nodes' places on the
ways. Kept: ways whose `highway` is a road or a path people walk or drive along
(NETWORK_HIGHWAYS), with their name (`name`, else `ref`); skipped and counted: the others
(`construction`, `proposed`, `platform`, …), ways without geometry, nodes and relations.

Like the cameras' import (map/importers.py): all in one transaction, any invalid way (a
point out of range, a way of one point) aborts it naming the way, and importing the same file
again changes nothing. A way already imported is updated when the file says otherwise, and
its coverage is computed again by the next run (`coverage_at` cleared); ways missing from a
later file are left alone. Each way gets the municipality its middle point lies in.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import osmium
from django.db import transaction

from map.cameras import Municipality
from map.geo import municipality_areas, municipality_for

from .coverage import segment_line
from .models import StreetSegment

NETWORK_HIGHWAYS = frozenset(
    {
        "motorway",
        "motorway_link",
        "trunk",
        "trunk_link",
        "primary",
        "primary_link",
        "secondary",
        "secondary_link",
        "tertiary",
        "tertiary_link",
        "unclassified",
        "residential",
        "living_street",
        "service",
        "road",
        "track",
        "pedestrian",
        "footway",
        "path",
        "steps",
        "cycleway",
        "bridleway",
    }
)
MAX_NAME = StreetSegment._meta.get_field("name").max_length
# What an update compares and writes.
FIELDS = (
    "name",
    "highway",
    "municipality_id",
    "points",
    "node_ids",
    "length_m",
    "west",
    "south",
    "east",
    "north",
)


class StreetImportError(Exception):
    pass


@dataclass
class StreetImportResult:
    ways: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)


# The file names pyosmium reads (by their ending); anything else is read as Overpass JSON.
OSM_FILE_SUFFIXES = (".osm.pbf", ".pbf", ".osm", ".osm.bz2", ".osm.gz")


def read_elements(path):
    """The file's ways as Overpass JSON elements (dicts)."""
    path = Path(path)
    if path.name.lower().endswith(OSM_FILE_SUFFIXES):
        return read_osm_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise StreetImportError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StreetImportError(f"{path}: not an Overpass JSON export") from None
    elements = data.get("elements") if isinstance(data, dict) else None
    if not isinstance(elements, list):
        raise StreetImportError(f"{path}: no 'elements' list (an Overpass JSON export)")
    return elements


def read_osm_file(path):
    """The highway ways of an OSM file, with their points, as Overpass JSON elements.

    pyosmium rather than code of our own: the PBF format (protobuf blocks, zlib, delta-coded
    ids) is what libosmium is for. Its location store keeps every node's place while the file
    is read; the filters, applied after it, hand Python only the ways with a highway tag."""
    if not path.is_file():
        raise StreetImportError(f"{path}: no such file")
    elements = []
    try:
        ways = (
            osmium.FileProcessor(str(path))
            .with_locations()
            .with_filter(osmium.filter.EntityFilter(osmium.osm.WAY))
            .with_filter(osmium.filter.KeyFilter("highway"))
        )
        for way in ways:
            nodes = list(way.nodes)
            element = {
                "type": "way",
                "id": way.id,
                "nodes": [node.ref for node in nodes],
                "tags": dict(way.tags),
            }
            # A way cut by the extract's edge lacks some nodes: it is skipped as without
            # geometry rather than drawn between the nodes that are there.
            if all(node.location.valid() for node in nodes):
                element["geometry"] = [{"lat": node.lat, "lon": node.lon} for node in nodes]
            elements.append(element)
    except RuntimeError as error:
        raise StreetImportError(f"{path}: not a readable OSM file ({error})") from None
    return elements


def way_fields(element):
    """The segment's fields from an Overpass way, or (None, why it is skipped)."""
    way_id = element.get("id")
    tags = element.get("tags") or {}
    if not isinstance(tags, dict):
        raise StreetImportError(f"way {str(way_id)[:40]}: its tags are not a mapping")
    highway = str(tags.get("highway", ""))
    if highway not in NETWORK_HIGHWAYS:
        return None, f"highway={highway}" if highway else "no highway tag"
    # Its id makes its external id: without one, ways would be taken for one another.
    if isinstance(way_id, bool) or not isinstance(way_id, int):
        raise StreetImportError(f"a way's id is not a number: {str(way_id)[:40]!r}")
    geometry = element.get("geometry")
    if not isinstance(geometry, list):
        return None, "no geometry"
    points = []
    for point in geometry:
        try:
            longitude, latitude = float(point["lon"]), float(point["lat"])
        except (KeyError, TypeError, ValueError):
            raise StreetImportError(f"way {way_id}: a point is not a number") from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise StreetImportError(f"way {way_id}: a point is out of range")
        points.append([round(longitude, 7), round(latitude, 7)])
    if len(points) < 2:
        raise StreetImportError(f"way {way_id}: fewer than two points")
    nodes = element.get("nodes")
    if isinstance(nodes, list) and not all(
        isinstance(node, int) and not isinstance(node, bool) for node in nodes
    ):
        raise StreetImportError(f"way {way_id}: a node id is not a number")
    name = str(tags.get("name") or tags.get("ref") or "").strip()[:MAX_NAME]
    return {
        "name": name,
        "highway": highway,
        "points": points,
        "node_ids": [int(node) for node in nodes] if isinstance(nodes, list) else [],
        "length_m": round(segment_line(points).length, 2),
        "west": min(point[0] for point in points),
        "south": min(point[1] for point in points),
        "east": max(point[0] for point in points),
        "north": max(point[1] for point in points),
    }, ""


def import_streets(path, dry_run=False):
    elements = read_elements(path)
    result = StreetImportResult()
    ways = {}
    for element in elements:
        if not isinstance(element, dict) or element.get("type") != "way":
            result.skipped["not a way"] += 1
            continue
        fields, skip = way_fields(element)
        if skip:
            result.skipped[skip] += 1
            continue
        ways[f"osm:way/{element.get('id')}"] = fields
    result.ways = len(ways)
    with transaction.atomic():
        try:
            areas = municipality_areas(Municipality.objects.canonical())
        except ValueError as error:
            raise StreetImportError(f"cannot assign municipalities: {error}") from None
        for fields in ways.values():
            longitude, latitude = fields["points"][len(fields["points"]) // 2]
            municipality = municipality_for(latitude, longitude, areas)
            fields["municipality_id"] = municipality.pk if municipality else None
        existing = {
            segment.external_id: segment
            for segment in StreetSegment.objects.filter(external_id__in=list(ways)).only(
                "id", "external_id", *FIELDS
            )
        }
        new, changed = [], []
        for external_id, fields in ways.items():
            segment = existing.get(external_id)
            if segment is None:
                new.append(StreetSegment(external_id=external_id, **fields))
            elif any(getattr(segment, name) != fields[name] for name in FIELDS):
                for name in FIELDS:
                    setattr(segment, name, fields[name])
                segment.coverage_at = None
                changed.append(segment)
        result.created, result.updated = len(new), len(changed)
        result.unchanged = len(ways) - len(new) - len(changed)
        if not dry_run:
            StreetSegment.objects.bulk_create(new, batch_size=1000)
            StreetSegment.objects.bulk_update(changed, [*FIELDS, "coverage_at"], batch_size=1000)
    return result
