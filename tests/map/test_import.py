"""`manage.py import_cameras` on real OpenStreetMap data and on broken files, and map/geo.py."""

import datetime
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from map.geo import distance_m, municipality_areas, municipality_for, point_in_polygon
from map.importers import parse_direction
from map.models import Camera
from map.signals import camera_data_version

from .factories import CameraFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
OSM_SAMPLE = FIXTURES / "osm-sample.overpass.json"
MONACO = FIXTURES / "osm-cameras-monaco.geojson"
SHARED_SWISS = (
    Path(__file__).parents[3] / "shared" / "data" / "osm-cameras-switzerland.overpass.json"
)


def run(*args):
    out = StringIO()
    call_command("import_cameras", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def node(osm_id, lat=44.81, lon=20.46, **tags):
    return {"type": "node", "id": osm_id, "lat": lat, "lon": lon, "tags": tags}


def overpass_file(tmp_path, *elements, name="export.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"version": 0.6, "elements": list(elements)}))
    return path


def csv_file(tmp_path, text, name="cameras.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def cameras():
    return {camera.external_id: camera for camera in Camera.objects.all()}


# Formats.


def test_overpass_export_of_real_osm_data():
    output = run(OSM_SAMPLE)

    # 50 nodes: 2 guards and 4 webcams are not cameras.
    assert "Read 50 records (osm)" in output
    assert "Created 44, updated 0, unchanged 0, skipped 6." in output
    assert "skipped 2: surveillance:type=guard" in output
    assert "skipped 4: surveillance:type=webcam" in output
    imported = cameras()
    assert len(imported) == 44
    assert "osm:node/5870807055" not in imported  # A guard.
    assert {camera.status for camera in imported.values()} == {Camera.Status.REPORTED}
    assert {camera.source for camera in imported.values()} == {Camera.Source.OSM}
    assert not any(camera.on_police_list for camera in imported.values())

    lamp = imported["osm:node/10719033106"]
    assert (lamp.latitude, lamp.longitude) == (46.2278108, 6.1186868)
    assert lamp.camera_type == "fixed"
    assert lamp.camera_mount == "street_lamp"
    assert lamp.surveillance == "public"
    assert lamp.direction == 5
    assert lamp.manufacturer == "hikvision"
    assert lamp.source_tags["ele"] == "6"

    plate_reader = imported["osm:node/2712961963"]
    assert plate_reader.surveillance_type == "ALPR"
    assert plate_reader.surveillance_zone == "traffic"
    assert imported["osm:node/2687061491"].address == "Gurtengasse 3"


def test_unknown_values_stay_only_in_the_raw_tags():
    run(OSM_SAMPLE)
    camera = Camera.objects.get(external_id="osm:node/5699110681")
    # surveillance=guard and surveillance:zone=parking_entrance are not values the map knows.
    assert camera.source_tags["surveillance"] == "guard"
    assert camera.surveillance == ""
    assert camera.source_tags["surveillance:zone"] == "parking_entrance"
    assert camera.surveillance_zone == ""
    # The raw direction is kept next to the normalised one.
    assert camera.source_tags["camera:direction"] == "-140"
    assert camera.direction == 220


def test_geojson_feature_collection():
    output = run(MONACO)

    assert "Read 16 records (geojson)" in output
    assert "Created 16, updated 0, unchanged 0, skipped 0." in output
    camera = Camera.objects.get(external_id="osm:node/6459866647")
    assert (camera.latitude, camera.longitude) == (43.7332957, 7.4155145)
    # Monaco's mappers used `direction` rather than `camera:direction`.
    assert camera.direction == 240
    assert (camera.camera_type, camera.camera_mount, camera.surveillance) == (
        "fixed",
        "pole",
        "outdoor",
    )
    assert camera.source_tags["source"] == "survey 2019"


def test_csv_with_osm_tag_columns(tmp_path):
    path = csv_file(
        tmp_path,
        "id,lat,lon,camera:type,camera:direction,surveillance:recognition,model,addr:street,"
        "addr:housenumber\n"
        "node/42,44.8176,20.4569,dome,,face,IPC6625-Z30,Knez Mihailova,5\n"
        ",44.8125,20.4612,fixed,NE,,,,\n"
        ",44.8125,20.4612,foo,90-270,,,,\n"
        "cam-7,44.79,20.48,,,,,,\n",
    )
    output = run(path, "--source", "citizen")

    assert "Created 4, updated 0, unchanged 0, skipped 0." in output
    imported = cameras()
    assert set(imported) == {
        "osm:node/42",
        # Without an id: the spot, and a counter for the second record at the same spot.
        "citizen:44.812500,20.461200",
        "citizen:44.812500,20.461200#2",
        "citizen:cam-7",
    }
    dome = imported["osm:node/42"]
    assert dome.source == Camera.Source.OSM
    assert dome.facial_recognition
    assert (dome.camera_type, dome.model, dome.address) == (
        "dome",
        "IPC6625-Z30",
        "Knez Mihailova 5",
    )
    assert dome.direction is None
    # Empty cells are no tags at all.
    assert dome.source_tags == {
        "camera:type": "dome",
        "surveillance:recognition": "face",
        "model": "IPC6625-Z30",
        "addr:street": "Knez Mihailova",
        "addr:housenumber": "5",
    }
    assert imported["citizen:cam-7"].source == Camera.Source.CITIZEN
    assert imported["citizen:44.812500,20.461200"].direction == 45
    odd = imported["citizen:44.812500,20.461200#2"]
    assert (odd.camera_type, odd.direction, odd.source_tags["camera:type"]) == ("", 180, "foo")


def test_csv_from_a_spreadsheet_with_semicolons_and_decimal_commas(tmp_path):
    path = csv_file(tmp_path, "\ufefflat;lon;camera:type\n44,8176;20,4569;dome\n")
    run(path)
    camera = Camera.objects.get()
    assert (camera.latitude, camera.longitude, camera.camera_type) == (44.8176, 20.4569, "dome")


def test_format_is_guessed_from_the_content_of_a_json_file(tmp_path):
    shutil.copy(MONACO, tmp_path / "monaco.json")
    assert "(geojson)" in run(tmp_path / "monaco.json")
    path = overpass_file(tmp_path, node(1), name="export")
    assert "(osm)" in run(path)


def test_format_can_be_given(tmp_path):
    path = csv_file(tmp_path, "lat,lon\n44.8,20.4\n", name="cameras.txt")
    with pytest.raises(CommandError, match="cannot tell the format; give it with --format"):
        run(path)
    assert "Created 1" in run(path, "--format", "csv")


def test_ways_and_other_surveillance_are_skipped_and_counted(tmp_path):
    path = overpass_file(
        tmp_path,
        node(1, **{"surveillance:type": "camera"}),
        node(2, **{"surveillance:type": "ALPR"}),
        node(3, **{"surveillance:type": "ANPR"}),
        node(4),
        node(5, **{"surveillance:type": "guard"}),
        node(6, **{"surveillance:type": "gunshot_detector"}),
        node(7, **{"surveillance:type": "gunshot_detector"}),
        {"type": "way", "id": 8, "nodes": [1, 2], "tags": {"man_made": "surveillance"}},
    )
    output = run(path)

    assert "Created 4, updated 0, unchanged 0, skipped 4." in output
    assert "skipped 1: surveillance:type=guard" in output
    assert "skipped 2: surveillance:type=gunshot_detector" in output
    assert "skipped 1: OSM way (no single position)" in output
    kinds = dict(Camera.objects.values_list("external_id", "surveillance_type"))
    assert kinds == {
        "osm:node/1": "camera",
        "osm:node/2": "ALPR",
        "osm:node/3": "ALPR",
        "osm:node/4": "camera",
    }


# Directions.


@pytest.mark.parametrize(
    ("raw", "degrees"),
    [
        ("90", 90),
        ("0", 0),
        ("359", 359),
        ("90.4", 90),
        ("359.6", 0),
        ("45°", 45),
        ("-90", 270),
        ("-2", 358),
        # 360 is how mappers say "all around" (a dome): no single direction.
        ("360", None),
        ("N", 0),
        ("NE", 45),
        ("ssw", 203),
        ("NNW", 338),
        ("north", 0),
        ("north-west", 315),
        ("South East", 135),
        # Clockwise ranges give their middle, also across north.
        ("90-270", 180),
        ("270-90", 0),
        ("300-60", 0),
        ("190-100", 325),
        ("W-N", 315),
        ("0-360", None),
        # Several cameras on one node: the first one's direction.
        ("45;135", 45),
        ("90;160;270", 90),
        ("180, 270", 180),
        # Unknown.
        ("", None),
        ("forward", None),
        ("400", None),
        ("90-sideways", None),
        ("nan", None),
        (None, None),
    ],
)
def test_direction_normalisation(raw, degrees):
    assert parse_direction(raw) == degrees


# Re-importing.


def test_reimporting_the_same_file_changes_nothing():
    run(OSM_SAMPLE)
    before = {external_id: camera.updated_at for external_id, camera in cameras().items()}

    output = run(OSM_SAMPLE)

    assert "Created 0, updated 0, unchanged 44, skipped 6." in output
    after = {external_id: camera.updated_at for external_id, camera in cameras().items()}
    assert after == before


def test_reimport_updates_changed_tags_and_keeps_what_editors_decided(tmp_path):
    path = overpass_file(
        tmp_path,
        node(1, **{"camera:type": "fixed", "camera:direction": "90", "model": "X1"}),
        node(2, **{"camera:type": "dome"}),
    )
    run(path)
    camera = Camera.objects.get(external_id="osm:node/1")
    camera.status = Camera.Status.VERIFIED
    camera.confirmations = 3
    camera.facial_recognition = True
    camera.operator = "MUP"
    camera.save()
    first_updated_at = camera.updated_at

    path = overpass_file(
        tmp_path,
        # Moved, re-typed, turned, and its model tag removed.
        node(1, lat=44.82, **{"camera:type": "dome", "camera:direction": "SW"}),
        node(2, **{"camera:type": "dome"}),
    )
    output = run(path)

    assert "Created 0, updated 1, unchanged 1, skipped 0." in output
    camera.refresh_from_db()
    assert (camera.latitude, camera.camera_type, camera.direction) == (44.82, "dome", 225)
    assert camera.source_tags == {"camera:type": "dome", "camera:direction": "SW"}
    assert camera.updated_at > first_updated_at
    # The tags say nothing about these: what editors set stays.
    assert (camera.status, camera.confirmations) == (Camera.Status.VERIFIED, 3)
    assert camera.facial_recognition
    assert camera.operator == "MUP"
    assert camera.model == "X1"
    assert Camera.objects.count() == 2


def test_import_runs_a_fixed_number_of_queries(tmp_path):
    run(OSM_SAMPLE)
    data = json.loads(OSM_SAMPLE.read_text())
    for element in data["elements"]:
        element["tags"]["camera:type"] = "panning"  # Two of them are already.
    data["elements"].append(node(1))
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))

    with CaptureQueriesContext(connection) as queries:
        output = run(changed)

    assert "Created 1, updated 42, unchanged 2, skipped 6." in output
    # Default locale, municipalities, existing cameras, one insert, one update, savepoints.
    assert len(queries) <= 7, [query["sql"][:80] for query in queries]


def test_an_import_tells_the_apis_cache_that_cameras_changed(
    django_capture_on_commit_callbacks,
):
    version = camera_data_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run(MONACO, "--dry-run")
    assert not callbacks
    assert camera_data_version() == version

    with django_capture_on_commit_callbacks(execute=True):
        run(MONACO)
    assert camera_data_version() != version


# Sources.


def test_police_list_import_marks_cameras_on_the_police_list(tmp_path):
    run(MONACO)
    path = csv_file(tmp_path, "id,lat,lon\n17,44.8,20.4\nnode/6459866647,43.7332957,7.4155145\n")

    output = run(path, "--source", "police")

    assert "Created 1, updated 1, unchanged 0, skipped 0." in output
    listed = Camera.objects.get(external_id="police:17")
    assert listed.on_police_list
    assert listed.source == Camera.Source.POLICE
    # The police list is the claim the map checks, not a verification.
    assert listed.status == Camera.Status.REPORTED
    known = Camera.objects.get(external_id="osm:node/6459866647")
    assert known.on_police_list
    assert known.source == Camera.Source.OSM  # Where it came from first.
    assert Camera.objects.filter(on_police_list=False).count() == 15

    # A later citizens' import does not take cameras off the police list.
    run(MONACO)
    assert Camera.objects.filter(on_police_list=True).count() == 2


def test_dry_run_writes_nothing(tmp_path):
    existing = CameraFactory(external_id="osm:node/6459866647", camera_type="dome")

    output = run(MONACO, "--dry-run")

    assert "Created 15, updated 1, unchanged 0, skipped 0." in output
    assert "Dry run: nothing was written." in output
    assert list(Camera.objects.all()) == [existing]
    existing.refresh_from_db()
    assert existing.camera_type == "dome"


# Broken files.


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '{"elements": [{"type": "node", "id": 1,', "broken.json: not valid JSON"),
        ("export.json", '{"elements": {}}', 'an Overpass export needs an "elements" list'),
        (
            "cameras.geojson",
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null}]}',
            "record 1: latitude is missing",
        ),
        ("cameras.csv", "x,y\n44.8,20.4\n", "a CSV file needs lat and lon columns"),
        ("cameras.csv", "lat,lon\n44.8,20.4\n44.8,abc\n", "record 2 (line 3): longitude 'abc' is "),
        ("cameras.csv", "lat,lon\n44.8,20.4,5\n", "record 1 (line 2): more values than the header"),
        ("cameras.csv", "lat,lon\n,20.4\n", "record 1 (line 2): latitude is missing"),
        ("cameras.csv", "id,lat,lon\na,44.8,20.4\na,44.9,20.4\n", "record 2 (a): the same id as"),
        ("cameras.csv", "lat,lon\n44.8,inf\n", "longitude 'inf' is not a number"),
        ("cameras.csv", b"lat,lon\n44.8,20.4\xff\n", "not a UTF-8 text file"),
    ],
)
def test_a_broken_file_is_not_imported(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run(path)
    assert message in str(error.value)
    assert not Camera.objects.exists()


def test_one_bad_node_aborts_the_whole_import_and_names_it(tmp_path):
    run(MONACO)
    before = {external_id: camera.updated_at for external_id, camera in cameras().items()}
    valid = [node(n, **{"camera:type": "dome"}) for n in range(1, 17)]
    changed = node(6459866647, lat=43.7, lon=7.4, **{"camera:type": "dome"})
    path = overpass_file(tmp_path, *valid, changed, node(123, lat=95.0), node(124))

    with pytest.raises(CommandError) as error:
        run(path)

    assert str(error.value) == (
        "Nothing was imported. record 18 (node/123): latitude 95.0 is out of range (-90 to 90)"
    )
    after = {external_id: camera.updated_at for external_id, camera in cameras().items()}
    assert after == before


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "missing.json")


# Municipalities.


def square(west, south, east, north):
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def test_cameras_are_assigned_to_the_municipality_they_are_in(tmp_path):
    vracar = MunicipalityFactory(
        name="Vračar",
        boundary={"type": "Polygon", "coordinates": [square(20.46, 44.79, 20.49, 44.81)]},
    )
    MunicipalityFactory(name="Bez granica")
    english = vracar.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.save()
    path = overpass_file(tmp_path, node(1, lat=44.80, lon=20.47), node(2, lat=44.80, lon=20.40))

    run(path)

    assert Camera.objects.get(external_id="osm:node/1").municipality == vracar
    assert Camera.objects.get(external_id="osm:node/2").municipality is None


def test_a_broken_boundary_stops_the_import_and_names_the_municipality(tmp_path):
    MunicipalityFactory(name="Zemun", boundary={"type": "Point", "coordinates": [20.4, 44.8]})
    with pytest.raises(CommandError, match="the boundary of Zemun: not a GeoJSON Polygon"):
        run(MONACO)
    assert not Camera.objects.exists()


@pytest.mark.skipif(not SHARED_SWISS.exists(), reason="../shared/data is not there")
def test_the_full_swiss_export():
    output = run(SHARED_SWISS)
    assert "Created 2138, updated 0, unchanged 0, skipped 6." in output
    assert "Created 0, updated 0, unchanged 2138, skipped 6." in run(SHARED_SWISS)


# map/geo.py


def test_distance_in_metres():
    # A degree of latitude is about 111.2 km on the mean-radius sphere.
    assert distance_m(0, 0, 1, 0) == pytest.approx(111_195, abs=1)
    assert distance_m(0, 0, 0, 1) == pytest.approx(111_195, abs=1)
    # Half the way round the Earth: pi times its radius.
    assert distance_m(0, 0, 0, 180) == pytest.approx(20_015_115, abs=1)
    assert distance_m(44.8, 20.4, 44.8, 20.4) == 0
    offset = 30 / 111_195
    assert distance_m(44.8, 20.4, 44.8 + offset, 20.4) == pytest.approx(30, abs=0.01)


def test_point_in_polygon_respects_holes_and_parts():
    outline = square(20.0, 44.0, 21.0, 45.0)
    hole = square(20.4, 44.4, 20.6, 44.6)
    polygon = {"type": "Polygon", "coordinates": [outline, hole]}
    assert point_in_polygon(44.2, 20.2, polygon)
    assert not point_in_polygon(44.5, 20.5, polygon)  # In the hole.
    assert not point_in_polygon(45.5, 20.5, polygon)

    parts = {"type": "MultiPolygon", "coordinates": [[outline, hole], [square(22, 44, 23, 45)]]}
    assert point_in_polygon(44.5, 22.5, parts)
    assert not point_in_polygon(44.5, 21.5, parts)


def test_point_in_a_concave_polygon():
    # A "U": the notch between its arms is outside.
    u_shape = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]
    geometry = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [u_shape]}}
    assert point_in_polygon(2, 0.5, geometry)
    assert point_in_polygon(2, 2.5, geometry)
    assert not point_in_polygon(2, 1.5, geometry)


@pytest.mark.parametrize(
    "geometry",
    [
        None,
        {"type": "Point", "coordinates": [20, 44]},
        {"type": "Polygon"},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], ["a", 0], [1, 1], [0, 0]]]},
        {"type": "FeatureCollection", "features": []},
    ],
)
def test_unusable_geometry_is_refused(geometry):
    with pytest.raises(ValueError):
        point_in_polygon(0.5, 0.5, geometry)


def test_municipality_for_picks_the_area_containing_the_point():
    west = MunicipalityFactory(boundary={"type": "Polygon", "coordinates": [square(0, 0, 1, 1)]})
    east = MunicipalityFactory(
        boundary={
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Polygon", "coordinates": [square(1, 0, 2, 1)]},
                }
            ],
        }
    )
    areas = municipality_areas([west, east, MunicipalityFactory()])
    assert len(areas) == 2
    assert municipality_for(0.5, 0.5, areas) == west
    assert municipality_for(0.5, 1.5, areas) == east
    assert municipality_for(1.5, 0.5, areas) is None


@pytest.mark.parametrize(
    ("value", "metres"),
    [("4", 4.0), ("4.5", 4.5), ("4,5 m", 4.5), (" 12m ", 12.0), ("200", 200.0)],
)
def test_height_in_metres_as_mappers_tag_it(tmp_path, value, metres):
    run(overpass_file(tmp_path, node(1, height=value)))
    assert Camera.objects.get().height == metres


@pytest.mark.parametrize("value", ["high", "201", "-3", "12 ft", "4;6", ""])
def test_a_height_the_map_cannot_read_stays_only_in_the_tags(tmp_path, value):
    run(overpass_file(tmp_path, node(1, height=value)))
    camera = Camera.objects.get()
    assert camera.height is None
    assert camera.source_tags["height"] == value


def test_a_mappers_check_date_is_when_the_camera_was_last_confirmed(tmp_path):
    run(
        overpass_file(
            tmp_path, node(1, check_date="2019-05-17"), node(2, **{"survey:date": "2021-03"})
        )
    )
    dates = {external_id: camera.last_confirmed_at for external_id, camera in cameras().items()}
    assert dates["osm:node/1"] == datetime.datetime(2019, 5, 17, tzinfo=datetime.UTC)
    assert dates["osm:node/2"] == datetime.datetime(2021, 3, 1, tzinfo=datetime.UTC)
    # Five years unconfirmed: it needs a re-check.
    assert cameras()["osm:node/1"].needs_recheck


def test_a_check_date_only_moves_last_confirmed_forward(tmp_path):
    run(overpass_file(tmp_path, node(1, check_date="2019-05-17")))
    run(overpass_file(tmp_path, node(1, check_date="2018-01-01")))
    assert Camera.objects.get().last_confirmed_at.date() == datetime.date(2019, 5, 17)
    run(overpass_file(tmp_path, node(1, check_date="2024-02-29")))
    assert Camera.objects.get().last_confirmed_at.date() == datetime.date(2024, 2, 29)
    # A confirmation since (a citizen's report) is not undone by an older visit in OSM.
    Camera.objects.update(last_confirmed_at=timezone.now())
    run(overpass_file(tmp_path, node(1, check_date="2025-01-01")))
    assert Camera.objects.get().last_confirmed_at.date() == timezone.now().date()


@pytest.mark.parametrize("value", ["2999-01-01", "yesterday", "2024-13-01", "17.05.2019."])
def test_a_check_date_in_the_future_or_unreadable_is_not_a_confirmation(tmp_path, value):
    before = timezone.now()
    run(overpass_file(tmp_path, node(1, check_date=value)))
    assert Camera.objects.get().last_confirmed_at >= before
