"""What changed in the cameras between two releases, from their GeoJSON features.

Kinds, each a list in changes.json and rows in changes.csv:

- added: in this release, not in the previous one;
- retired: retired since the previous release (the camera stays in the data, retired);
- removed: in the previous release, gone from this one (merged into another camera as a
  duplicate, or rejected or deleted by an editor);
- moved: its point moved, with the distance: any move the files show (positions are
  written to 6 decimals, 10 cm), so that the moves of a run of releases add up to where the
  files put the camera;
- changed: which of COMPARED_PROPERTIES changed, from what to what.

A camera may be both moved and changed. Confirmations (last_confirmed_at) and what follows
from the day (needs_recheck) or from the map around it (near) are not changes of the camera.
"""

import csv
import io

from map.camera_data import csv_value
from map.geo import distance_m

COMPARED_PROPERTIES = (
    "status",
    "camera_type",
    "surveillance_type",
    "facial_recognition",
    "direction",
    "municipality",
    "on_police_list",
    "address",
    "source",
)
KINDS = ("added", "retired", "removed", "moved", "changed")
RETIRED = "retired"


def _point(feature):
    return feature["geometry"]["coordinates"]


def _summary(feature):
    """What a list of added, retired or removed cameras says of each."""
    properties = feature["properties"]
    return {
        "id": feature["id"],
        "coordinates": _point(feature),
        "status": properties["status"],
        "municipality": properties["municipality"],
        "address": properties["address"] or properties["near"],
    }


def camera_changes(previous, current):
    """The changes from the features `previous` to `current` (lists of GeoJSON Features, as
    map.camera_data.camera_features() makes them), each kind sorted by camera id."""
    before = {feature["id"]: feature for feature in previous}
    changes = {kind: [] for kind in KINDS}
    for feature in current:
        old = before.pop(feature["id"], None)
        if old is None:
            changes["added"].append(_summary(feature))
            continue
        properties, old_properties = feature["properties"], old["properties"]
        if properties["status"] == RETIRED and old_properties["status"] != RETIRED:
            changes["retired"].append({**_summary(feature), "retired_at": properties["retired_at"]})
        if _point(feature) != _point(old):
            (longitude, latitude), (old_longitude, old_latitude) = _point(feature), _point(old)
            moved = distance_m(old_latitude, old_longitude, latitude, longitude)
            changes["moved"].append(
                {
                    "id": feature["id"],
                    "from": _point(old),
                    "to": _point(feature),
                    "distance_m": round(moved, 1),
                }
            )
        fields = {
            name: {"from": old_properties.get(name), "to": properties.get(name)}
            for name in COMPARED_PROPERTIES
            if old_properties.get(name) != properties.get(name)
            # Retiring is its own kind of change.
            and not (name == "status" and properties["status"] == RETIRED)
        }
        if fields:
            changes["changed"].append({"id": feature["id"], "fields": fields})
    changes["removed"] = [_summary(feature) for feature in before.values()]
    for kind in KINDS:
        changes[kind].sort(key=lambda change: change["id"])
    return changes


CSV_COLUMNS = ("id", "change", "field", "from", "to", "distance_m", "longitude", "latitude")


def changes_csv_text(changes):
    """changes.csv: a row per added, retired, removed or moved camera and per changed field,
    its values written as the cameras' CSV writes them."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(CSV_COLUMNS)
    for kind in ("added", "retired", "removed"):
        for change in changes[kind]:
            longitude, latitude = change["coordinates"]
            writer.writerow(
                csv_value(value)
                for value in (change["id"], kind, None, None, None, None, longitude, latitude)
            )
    for change in changes["moved"]:
        longitude, latitude = change["to"]
        writer.writerow(
            csv_value(value)
            for value in (
                change["id"],
                "moved",
                "coordinates",
                "{} {}".format(*change["from"]),
                "{} {}".format(*change["to"]),
                change["distance_m"],
                longitude,
                latitude,
            )
        )
    for change in changes["changed"]:
        for name, values in change["fields"].items():
            writer.writerow(
                csv_value(value)
                for value in (
                    change["id"],
                    "changed",
                    name,
                    values["from"],
                    values["to"],
                    None,
                    None,
                    None,
                )
            )
    return output.getvalue()
