"""Street coverage with real cameras: OpenStreetMap's cameras of Monaco (shipped in
tests/map/fixtures) and, where ../shared/data is there, of Switzerland, their types and
directions as messy as real data is. Each camera gets a made-up street of 100 m running from
it the way it faces (east when it faces nowhere known): whatever its type, it sees that
street as far as its view reaches, and a camera with no other near sees exactly that.

OpenStreetMap data © OpenStreetMap contributors, ODbL 1.0 (tests/map/fixtures/README.md)."""

import json
import math

import numpy as np
import pytest
from django.core.management import call_command
from pyproj import Transformer

from map.models import Camera, StreetSegment
from map.streets.coverage import compute_coverage, farthest_view_m
from map.streets.importer import import_streets
from map.streets.sight import view_of

from .test_import import MONACO, SHARED_SWISS

pytestmark = pytest.mark.django_db

STREET_M = 100
# Both lie in UTM zone 32 north, where a metre is a metre within a fraction of a percent.
CRS = "EPSG:32632"


def streets_from_each_camera(tmp_path):
    to_metres = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    to_degrees = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)
    elements = []
    for camera in Camera.objects.all():
        x, y = to_metres.transform(camera.longitude, camera.latitude)
        bearing = math.radians(90 if camera.direction is None else camera.direction)
        end = to_degrees.transform(
            x + STREET_M * math.sin(bearing), y + STREET_M * math.cos(bearing)
        )
        elements.append(
            {
                "type": "way",
                "id": camera.pk,
                "nodes": [camera.pk * 10, camera.pk * 10 + 1],
                "geometry": [
                    {"lon": camera.longitude, "lat": camera.latitude},
                    {"lon": end[0], "lat": end[1]},
                ],
                "tags": {"highway": "footway"},
            }
        )
    path = tmp_path / "streets.json"
    path.write_text(json.dumps({"elements": elements}))
    import_streets(path)


@pytest.mark.parametrize(
    "export",
    [
        MONACO,
        pytest.param(
            SHARED_SWISS,
            marks=pytest.mark.skipif(
                not SHARED_SWISS.exists(), reason="../shared/data is not there"
            ),
        ),
    ],
    ids=["monaco", "switzerland"],
)
def test_each_real_camera_sees_its_own_street_as_far_as_its_view_reaches(
    tmp_path, settings, export
):
    settings.STREET_COVERAGE_CRS = CRS
    call_command("import_cameras", str(export), verbosity=0)
    Camera.objects.update(status=Camera.Status.VERIFIED)
    streets_from_each_camera(tmp_path)
    assert compute_coverage() == Camera.objects.count() > 10

    cameras = list(Camera.objects.values("pk", "latitude", "longitude", "camera_type", "direction"))
    # Which cameras have another within reach of their street: all pairs at once, in metres.
    x, y = Transformer.from_crs("EPSG:4326", CRS, always_xy=True).transform(
        [camera["longitude"] for camera in cameras], [camera["latitude"] for camera in cameras]
    )
    points = np.column_stack([x, y])
    apart = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    crowded = (apart < STREET_M + farthest_view_m()).sum(axis=1) > 1  # itself, and another
    alone = 0
    for camera, has_neighbour in zip(cameras, crowded, strict=True):
        segment = StreetSegment.objects.get(external_id=f"osm:way/{camera['pk']}")
        seen = view_of(camera["camera_type"], camera["direction"])["range"]
        # Other cameras may see more of it, never less: its own view reaches this far.
        assert seen - 0.05 <= segment.covered_m <= segment.length_m + 0.01
        assert camera["pk"] in segment.camera_ids
        if not has_neighbour:
            alone += 1
            assert segment.covered_m == pytest.approx(seen, abs=0.05)
            assert segment.camera_ids == [camera["pk"]]
    assert alone > 0
