"""The search for duplicates finds everything within 30 m in every direction.

At Belgrade's latitude a degree of longitude is about 0.7 of a degree of latitude in metres, so
the box the query uses must be wider east-west than north-south; a box built the wrong way
round reaches about 15 m east and west and misses a camera 25 m away. The other tests put the
near camera due north, where both boxes agree.
"""

import pytest

from map.models import Camera
from map.moderation import DUPLICATE_RADIUS_M, pending_neighbours, possible_duplicates

from .factories import CameraFactory, CameraReportFactory
from .test_moderation import offset  # metres from Republic Square, Belgrade

pytestmark = pytest.mark.django_db

# Where each camera stands, in metres (north, east) of the report.
NEAR = {"east": (0, 25), "west": (0, -25), "north-east": (20, 20), "south": (-25, 0)}
FAR = {"east": (0, 35), "west": (0, -35), "north": (31, 0)}


def test_the_duplicate_radius_is_30_metres():
    assert DUPLICATE_RADIUS_M == 30


def test_cameras_within_30_metres_in_every_direction_are_possible_duplicates():
    report = CameraReportFactory(**offset())
    near = {
        name: CameraFactory(**offset(north, east), status=Camera.Status.VERIFIED)
        for name, (north, east) in NEAR.items()
    }
    for north, east in FAR.values():
        CameraFactory(**offset(north, east))

    found = {
        camera.pk: round(metres) for camera, metres in possible_duplicates([report])[report.pk]
    }

    assert found == {near[name].pk: 25 if name != "north-east" else 28 for name in NEAR}


def test_pending_reports_within_30_metres_east_or_west_are_neighbours():
    report = CameraReportFactory(**offset())
    east = CameraReportFactory(**offset(0, 25))
    west = CameraReportFactory(**offset(0, -29))
    CameraReportFactory(**offset(0, 35))

    found = {other.pk: round(metres) for other, metres in pending_neighbours([report])[report.pk]}

    assert found == {east.pk: 25, west.pk: 29}


def test_the_box_is_as_wide_in_metres_far_north_too():
    """Near the pole a degree of longitude is a few metres: the box still reaches 25 m east."""
    north = (69.65, 18.96)  # Tromsø, where a degree of longitude is about 39 km
    report = CameraReportFactory(**offset(origin=north))
    camera = CameraFactory(**offset(0, 25, origin=north))
    assert [c.pk for c, _m in possible_duplicates([report])[report.pk]] == [camera.pk]
