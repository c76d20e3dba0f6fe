"""Street coverage (map/streets/): the street network imported from an Overpass export, what
a camera sees, and the share of each street inside at least one view, against lengths worked
out by hand on small made-up networks.

Places are given in metres east and north of a point in Belgrade and turned into degrees
through the same projection the coverage uses (UTM 34N), so that the hand calculations hold
to the millimetre."""

import json
import math

import pytest
from django.core.management import CommandError, call_command
from pyproj import Transformer

from map.models import Camera, StreetSegment
from map.streets.coverage import compute_coverage, municipality_figures, street_figures
from map.streets.importer import import_streets
from map.versions import camera_data_version

from .factories import CameraFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

ORIGIN = (20.46, 44.81)  # longitude, latitude
TO_METRES = Transformer.from_crs("EPSG:4326", "EPSG:32634", always_xy=True)
TO_DEGREES = Transformer.from_crs("EPSG:32634", "EPSG:4326", always_xy=True)
X0, Y0 = TO_METRES.transform(*ORIGIN)


def at(east, north):
    """(longitude, latitude) of the point `east` and `north` metres from ORIGIN."""
    return TO_DEGREES.transform(X0 + east, Y0 + north)


def way(osm_id, *corners, highway="residential", name=""):
    """An Overpass way through `corners` ((east, north) in metres), nodes numbered after it."""
    points = [at(*corner) for corner in corners]
    tags = {"highway": highway}
    if name:
        tags["name"] = name
    return {
        "type": "way",
        "id": osm_id,
        "nodes": [osm_id * 100 + index for index in range(len(points))],
        "geometry": [{"lat": latitude, "lon": longitude} for longitude, latitude in points],
        "tags": tags,
    }


def street(osm_id, *corners, highway="residential", name=""):
    """A `way` whose nodes are shared with every other way through the same corner, as OSM's
    are where streets meet (a walk's graph joins ways there): its node ids are made from the
    corners."""
    element = way(osm_id, *corners, highway=highway, name=name)
    element["nodes"] = [
        1_000_000_000 + round(east) * 100_000 + round(north) for east, north in corners
    ]
    return element


def block(north="Severna"):
    """A 100-m square block from (0, 0) to (100, 100): ways 1 to 4, its south, east, north and
    west sides, joined at its corners; `north` names the north side."""
    return [
        street(1, (0, 0), (100, 0), name="Južna"),
        street(2, (100, 0), (100, 100), name="Istočna"),
        street(3, (100, 100), (0, 100), name=north),
        street(4, (0, 100), (0, 0), name="Zapadna"),
    ]


def overpass(tmp_path, *elements, name="streets.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"version": 0.6, "elements": list(elements)}))
    return path


def camera(east, north, **fields):
    longitude, latitude = at(east, north)
    defaults = {"camera_type": "dome", "direction": None, "facial_recognition": False}
    return CameraFactory(latitude=latitude, longitude=longitude, **{**defaults, **fields})


def covered(osm_id, field="covered_m"):
    return getattr(StreetSegment.objects.get(external_id=f"osm:way/{osm_id}"), field)


# What a camera sees, by hand.


def test_a_dome_at_the_corner_of_a_block_sees_its_range_along_two_streets(tmp_path):
    """A 100-m square block; a dome (20 m) at its south-west corner sees 20 m of the south
    street and 20 m of the west one: 40 of the block's 400 m, 10 %."""
    import_streets(overpass(tmp_path, *block()))
    camera(0, 0)
    compute_coverage()

    assert [covered(osm_id) for osm_id in (1, 2, 3, 4)] == pytest.approx([20, 0, 0, 20], abs=0.01)
    assert StreetSegment.objects.get(external_id="osm:way/1").length_m == pytest.approx(100, 0.01)
    (row,) = municipality_figures()
    assert row["length"] == pytest.approx(400, abs=0.1)
    assert row["covered_share"] == pytest.approx(0.10, abs=0.001)


def test_a_fixed_camera_facing_along_the_street_sees_its_range(tmp_path):
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 0, camera_type="fixed", direction=90)  # east, 60° wide, 30 m
    compute_coverage()
    assert covered(1) == pytest.approx(30, abs=0.01)


def test_a_sector_half_over_the_street_sees_its_chord(tmp_path):
    """A fixed camera 10 m north of the street, facing south, 60° wide: the street crosses
    its sector 10 m out, where the sector is 2 * 10 * tan 30° = 11.55 m wide."""
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 10, camera_type="fixed", direction=180)
    compute_coverage()
    assert covered(1) == pytest.approx(20 * math.tan(math.radians(30)), abs=0.01)


def test_a_camera_facing_away_sees_nothing_of_the_street(tmp_path):
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 10, camera_type="fixed", direction=0)  # north, away from the street
    compute_coverage()
    assert covered(1) == 0


def test_a_fixed_camera_whose_direction_is_unknown_gets_the_default_circle(tmp_path, settings):
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 0, camera_type="fixed", direction=None)
    camera(60, 0, camera_type="", direction=None)  # type unknown
    compute_coverage()
    # Two circles of CAMERA_VIEW_UNKNOWN's 15 m: 30 m each.
    assert settings.CAMERA_VIEW_UNKNOWN["range"] == 15
    assert covered(1) == pytest.approx(60, abs=0.01)


def test_overlapping_views_count_once(tmp_path):
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 0)
    camera(10, 0)  # two domes of 20 m, 10 m apart: from -20 to +30
    compute_coverage()
    assert covered(1) == pytest.approx(50, abs=0.01)


def test_the_assumptions_are_settings(tmp_path, settings):
    settings.CAMERA_VIEWS = {**settings.CAMERA_VIEWS, "dome": {"angle": 360, "range": 35}}
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 0)
    compute_coverage()
    assert covered(1) == pytest.approx(70, abs=0.01)


def test_each_network_counts_its_own_cameras(tmp_path):
    import_streets(overpass(tmp_path, way(1, (-500, 0), (500, 0))))
    camera(-200, 0, facial_recognition=True)  # verified, recognises faces
    camera(0, 0)  # verified
    camera(200, 0, status=Camera.Status.REPORTED, on_police_list=True)
    camera(400, 0, status=Camera.Status.REJECTED, on_police_list=True)
    camera(-400, 0, status=Camera.Status.RETIRED)
    compute_coverage()
    assert covered(1) == pytest.approx(80, abs=0.01)
    assert covered(1, "face_covered_m") == pytest.approx(40, abs=0.01)
    assert covered(1, "police_covered_m") == pytest.approx(40, abs=0.01)


# Streets and municipalities.


def test_streets_and_municipalities_add_up_their_segments(tmp_path):
    west_lon, south_lat = at(-1000, -1000)
    east_lon, north_lat = at(0, 1000)
    stari_grad = MunicipalityFactory(
        slug="stari-grad",
        boundary={
            "type": "Polygon",
            "coordinates": [
                [
                    [west_lon, south_lat],
                    [east_lon, south_lat],
                    [east_lon, north_lat],
                    [west_lon, north_lat],
                    [west_lon, south_lat],
                ]
            ],
        },
    )
    import_streets(
        overpass(
            tmp_path,
            way(1, (-300, 0), (-200, 0), name="Kralja Petra"),
            way(2, (-200, 0), (-100, 0), name="Kralja Petra"),
            way(3, (500, 0), (600, 0), name="Drugde"),
        )
    )
    camera(-200, 0)
    compute_coverage()
    assert StreetSegment.objects.get(external_id="osm:way/1").municipality == stari_grad
    assert StreetSegment.objects.get(external_id="osm:way/3").municipality is None
    streets = {row["name"]: row for row in street_figures(stari_grad)}
    assert list(streets) == ["Kralja Petra"]
    assert streets["Kralja Petra"]["length"] == pytest.approx(200, abs=0.1)
    assert streets["Kralja Petra"]["covered_share"] == pytest.approx(0.2, abs=0.001)
    shares = {row["municipality__slug"]: row["covered_share"] for row in municipality_figures()}
    assert shares == {"stari-grad": pytest.approx(0.2, abs=0.001), None: 0}


# The import.


def test_only_the_walkable_and_drivable_network_is_kept(tmp_path):
    result = import_streets(
        overpass(
            tmp_path,
            way(1, (0, 0), (10, 0), highway="footway"),
            way(2, (0, 0), (10, 0), highway="primary", name="Bulevar"),
            way(3, (0, 0), (10, 0), highway="construction"),
            way(4, (0, 0), (10, 0), highway="platform"),
            {"type": "node", "id": 9, "lat": 44.8, "lon": 20.4},
            {"type": "way", "id": 5, "tags": {"highway": "residential"}},  # no geometry
        )
    )
    assert (result.ways, result.created) == (2, 2)
    assert result.skipped == {
        "highway=construction": 1,
        "highway=platform": 1,
        "not a way": 1,
        "no geometry": 1,
    }
    segment = StreetSegment.objects.get(external_id="osm:way/2")
    assert (segment.name, segment.highway, segment.node_ids) == ("Bulevar", "primary", [200, 201])


def test_importing_again_changes_nothing_and_a_change_is_computed_again(tmp_path):
    path = overpass(tmp_path, way(1, (0, 0), (100, 0), name="Stara"))
    import_streets(path)
    camera(0, 0)
    compute_coverage()
    again = import_streets(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert StreetSegment.objects.get().coverage_at is not None

    renamed = import_streets(overpass(tmp_path, way(1, (0, 0), (100, 0), name="Nova")))
    assert renamed.updated == 1
    segment = StreetSegment.objects.get()
    assert (segment.name, segment.coverage_at) == ("Nova", None)


def bad_way(osm_id, *points):
    geometry = [{"lat": latitude, "lon": longitude} for latitude, longitude in points]
    return {"type": "way", "id": osm_id, "tags": {"highway": "path"}, "geometry": geometry}


@pytest.mark.parametrize(
    ("element", "message"),
    [
        (bad_way(7, (95, 20), (44, 20)), "way 7: a point is out of range"),
        (bad_way(8, (44.8, 20.4)), "way 8: fewer than two points"),
        (bad_way(9, ("x", 20), (44, 20)), "way 9: a point is not a number"),
        # Found by a review: these were tracebacks, or ways without ids merged into one.
        (bad_way(None, (44.8, 20.4), (44.81, 20.4)), "a way's id is not a number: 'None'"),
        (bad_way("12", (44.8, 20.4), (44.81, 20.4)), "a way's id is not a number: '12'"),
        ({**bad_way(10, (44.8, 20.4), (44.81, 20.4)), "nodes": ["x", 2]}, "way 10: a node id"),
        ({**bad_way(11, (44.8, 20.4), (44.81, 20.4)), "nodes": [None, 2]}, "way 11: a node id"),
        ({**bad_way(13, (44.8, 20.4), (44.81, 20.4)), "tags": ["highway"]}, "way 13: its tags"),
    ],
)
def test_an_invalid_way_aborts_the_whole_import(tmp_path, element, message):
    path = overpass(tmp_path, way(1, (0, 0), (10, 0)), element)
    with pytest.raises(CommandError, match=message):
        call_command("import_streets", str(path))
    assert not StreetSegment.objects.exists()


def test_a_dry_run_writes_nothing(tmp_path, capsys):
    call_command("import_streets", str(overpass(tmp_path, way(1, (0, 0), (10, 0)))), "--dry-run")
    assert "1 ways: 1 new" in capsys.readouterr().out
    assert not StreetSegment.objects.exists()


def test_a_file_that_is_not_an_export_is_a_clear_error(tmp_path):
    path = tmp_path / "streets.json"
    path.write_text("[1, 2]")
    with pytest.raises(CommandError, match="no 'elements' list"):
        call_command("import_streets", str(path))


# Kept in step with the cameras.


def test_a_camera_moved_in_the_admin_recomputes_only_the_streets_near_it(
    tmp_path, django_capture_on_commit_callbacks
):
    import_streets(
        overpass(
            tmp_path,
            way(1, (-100, 0), (100, 0), name="Ovde"),
            way(2, (-100, 500), (100, 500), name="Tamo"),
            way(3, (-100, 2000), (100, 2000), name="Daleko"),
        )
    )
    dome = camera(0, 0)
    compute_coverage()
    far_away = StreetSegment.objects.get(external_id="osm:way/3").coverage_at
    assert (covered(1), covered(2)) == (pytest.approx(40, abs=0.01), 0)

    with django_capture_on_commit_callbacks(execute=True):
        dome.longitude, dome.latitude = at(0, 500)
        dome.save()

    # Where it was and where it is: both computed again; the street far away left alone.
    assert (covered(1), covered(2)) == (0, pytest.approx(40, abs=0.01))
    assert StreetSegment.objects.get(external_id="osm:way/3").coverage_at == far_away

    with django_capture_on_commit_callbacks(execute=True):
        dome.delete()
    assert covered(2) == 0


def test_a_camera_verified_or_given_facial_recognition_changes_what_its_networks_see(
    tmp_path, django_capture_on_commit_callbacks
):
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    reported = camera(0, 0, status=Camera.Status.REPORTED)
    compute_coverage()
    assert covered(1) == 0
    with django_capture_on_commit_callbacks(execute=True):
        reported.status = Camera.Status.VERIFIED
        reported.facial_recognition = True
        reported.save()
    assert covered(1) == pytest.approx(40, abs=0.01)
    assert covered(1, "face_covered_m") == pytest.approx(40, abs=0.01)


def test_without_streets_saving_a_camera_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        camera(0, 0).save()
    names = [callback.__qualname__ for callback in callbacks]
    assert not [name for name in names if "coverage" in name]
    assert names  # the other receivers' work is queued as ever


def test_a_long_street_keeps_what_its_far_cameras_see_when_one_near_changes(
    tmp_path, django_capture_on_commit_callbacks
):
    import_streets(overpass(tmp_path, way(1, (0, 0), (2000, 0), name="Bulevar")))
    camera(2000, 0)  # the far end, 2 km from the change
    moving = camera(0, 100)
    compute_coverage()
    assert covered(1) == pytest.approx(20, abs=0.01)
    with django_capture_on_commit_callbacks(execute=True):
        moving.longitude, moving.latitude = at(0, 0)
        moving.save()
    assert covered(1) == pytest.approx(40, abs=0.01)


def test_computing_coverage_bumps_the_camera_data_version(tmp_path):
    """The coverage is written without signals; what shows it is cached under this version."""
    import_streets(overpass(tmp_path, way(1, (0, 0), (100, 0), name="Ulica")))
    camera(50, 0)
    before = camera_data_version()
    compute_coverage()
    assert camera_data_version() != before


def test_new_streets_and_changed_assumptions_are_computed_by_the_frequent_job(tmp_path, settings):
    """Imports and settings send no signal: `update_coverage` computes what is stale, and only
    that."""
    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0))))
    camera(0, 0)  # a dome of 20 m
    call_command("update_coverage")
    assert covered(1) == pytest.approx(40, abs=0.01)
    computed_at = StreetSegment.objects.get().coverage_at

    call_command("update_coverage")  # nothing stale: nothing computed again
    assert StreetSegment.objects.get().coverage_at == computed_at

    settings.CAMERA_VIEWS = {**settings.CAMERA_VIEWS, "dome": {"angle": 360, "range": 30}}
    call_command("update_coverage")
    assert covered(1) == pytest.approx(60, abs=0.01)

    import_streets(overpass(tmp_path, way(1, (-100, 0), (100, 0)), way(2, (0, -50), (0, 50))))
    call_command("update_coverage")
    assert covered(2) == pytest.approx(60, abs=0.01)
    assert StreetSegment.objects.get(external_id="osm:way/1").coverage_at != computed_at
