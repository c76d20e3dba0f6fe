"""Streets from an OpenStreetMap file (.osm.pbf, .osm) rather than an Overpass export: the same
ways make the same segments, written here with libosmium's own writer."""

import osmium
import pytest
from django.core.management import CommandError, call_command

from map.models import StreetSegment
from map.streets.importer import import_streets

from .test_streets import at, overpass, way

pytestmark = pytest.mark.django_db


def osm_file(path, *ways, missing_nodes=()):
    """An OSM file at `path` (its ending picks the format) of `ways` (as test_streets.way
    makes them): their nodes, then the ways, as an extract orders them. Nodes whose ids are
    in `missing_nodes` are left out, as at an extract's edge."""
    writer = osmium.SimpleWriter(str(path))
    try:
        for element in ways:
            for node_id, point in zip(element["nodes"], element["geometry"], strict=True):
                if node_id not in missing_nodes:
                    location = (point["lon"], point["lat"])
                    writer.add_node(osmium.osm.mutable.Node(id=node_id, location=location))
        for element in ways:
            writer.add_way(
                osmium.osm.mutable.Way(
                    id=element["id"], nodes=element["nodes"], tags=element["tags"]
                )
            )
    finally:
        writer.close()
    return path


WAYS = (
    way(1, (0, 0), (100, 0), (100, 50), name="Knez Mihailova"),
    way(2, (100, 50), (100, 150), highway="footway"),
    way(3, (0, 0), (0, 80), highway="construction"),
)


def segments():
    return list(
        StreetSegment.objects.order_by("external_id").values(
            "external_id", "name", "highway", "points", "node_ids", "length_m"
        )
    )


@pytest.mark.parametrize("name", ["streets.osm.pbf", "streets.osm"])
def test_an_osm_file_makes_the_same_segments_as_the_overpass_export(tmp_path, name):
    import_streets(overpass(tmp_path, *WAYS))
    from_overpass = segments()
    StreetSegment.objects.all().delete()

    result = import_streets(osm_file(tmp_path / name, *WAYS))

    assert (result.created, result.ways) == (2, 2)
    assert segments() == from_overpass
    assert [row["external_id"] for row in from_overpass] == ["osm:way/1", "osm:way/2"]
    assert from_overpass[0]["length_m"] == pytest.approx(150, abs=0.01)
    # Points to the 7 decimals OSM keeps, as the Overpass export gives them.
    assert from_overpass[0]["points"][1] == pytest.approx(list(at(100, 0)), abs=1e-7)


def test_a_way_cut_by_the_extracts_edge_is_skipped_not_drawn_short(tmp_path):
    path = osm_file(tmp_path / "edge.osm.pbf", *WAYS[:2], missing_nodes={201})
    result = import_streets(path)
    assert [row["external_id"] for row in segments()] == ["osm:way/1"]
    assert result.skipped["no geometry"] == 1


def test_importing_the_same_extract_again_changes_nothing(tmp_path):
    path = osm_file(tmp_path / "streets.osm.pbf", *WAYS)
    import_streets(path)
    again = import_streets(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_a_file_that_is_not_osm_stops_the_command_with_a_message(tmp_path):
    path = tmp_path / "streets.osm.pbf"
    path.write_bytes(b"\x00\x00\x00\x0dnot a pbf at all")
    with pytest.raises(CommandError, match="not a readable OSM file"):
        call_command("import_streets", str(path))
    assert not StreetSegment.objects.exists()


def test_a_missing_extract_is_named(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_streets", str(tmp_path / "none.osm.pbf"))
