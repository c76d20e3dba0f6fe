"""What a camera is called (map/naming.py): the one rule its page, the map's popups (through the
API's `address` and `near`) and the open data follow.

tests/browser/test_map_page.py checks that the popup puts the API's `near` into words.
"""

# ruff: noqa: F811 (the `site` fixture, imported)

import csv
import html
import io
import math
import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from map.api_responses import remembered
from map.geo import distance_m
from map.models import Camera
from map.naming import NEAR_STREET_METRES, NearStreets, without_house_number

from .factories import CameraFactory, MunicipalityFactory
from .test_camera_page import site  # noqa: F401

pytestmark = pytest.mark.django_db

HERE = (44.81, 20.46)
# Degrees of latitude per metre, near enough for placing test cameras.
METRE = 1 / 111_195


@pytest.fixture(autouse=True)
def empty_process_cache():
    # The API's bodies, kept in this process, outlive a test.
    remembered.cache_clear()


def north_of(metres, **fields):
    return CameraFactory(latitude=HERE[0] + metres * METRE, longitude=HERE[1], **fields)


@pytest.mark.parametrize(
    ("street", "without"),
    [
        ("Knez Mihailova 12a", "Knez Mihailova"),
        ("Knez Mihailova 12 a", "Knez Mihailova"),
        ("Bulevar kralja Aleksandra 73/II", "Bulevar kralja Aleksandra"),
        ("Njegoševa, 5", "Njegoševa"),
        ("Njegoševa 5/3", "Njegoševa"),
        ("Cara Dušana", "Cara Dušana"),
        ("Ulica 27. marta", "Ulica 27. marta"),
    ],
)
def test_the_near_street_is_the_street_without_its_house_number(street, without):
    assert without_house_number(street) == without


def test_a_camera_is_named_by_its_address_then_the_nearest_street_then_its_municipality(site):
    vracar = site["vracar"]
    north_of(0, address="Knez Mihailova 12a")
    near = north_of(100, municipality=vracar)
    beyond = north_of(100 + NEAR_STREET_METRES + 10, municipality=vracar)
    with translation.override("en"):
        assert Camera.objects.get(address="Knez Mihailova 12a").place_name == "Knez Mihailova 12a"
        # Within reach of the camera in Knez Mihailova: near that street, without the number.
        assert Camera.objects.get(pk=near.pk).place_name == "Camera near Knez Mihailova"
        # 260 metres from it: no street is near enough, its municipality names it.
        assert (
            Camera.objects.get(pk=beyond.pk).place_name
            == "Camera in the municipality of Vracar (en)"
        )
    with translation.override("sr-latn"):
        assert Camera.objects.get(pk=near.pk).place_name == "Kamera u blizini: Knez Mihailova"


def test_the_nearest_public_camera_with_a_street_gives_it(site):
    north_of(0, address="Knez Mihailova 1")
    camera = north_of(60)
    with translation.override("en"):
        assert Camera.objects.get(pk=camera.pk).place_name == "Camera near Knez Mihailova"
        # A nearer one (its street from its OSM tags only) wins.
        north_of(90, source_tags={"addr:street": "Čika Ljubina", "addr:housenumber": "7"})
        assert Camera.objects.get(pk=camera.pk).place_name == "Camera near Čika Ljubina"
        # Cameras the public does not see name nothing, however near.
        north_of(61, address="Skrivena 3", status=Camera.Status.REJECTED)
        north_of(59, address="Uklonjena 4", status=Camera.Status.RETIRED)
        assert Camera.objects.get(pk=camera.pk).place_name == "Camera near Čika Ljubina"


def test_the_grid_finds_what_comparing_every_pair_finds():
    rng = random.Random(15)  # noqa: S311 (repeatable test data)
    # Dense enough for many cameras to have several streets in reach, sparse enough for some
    # to have none; around 45° north, where a degree of longitude is 0.7 of one of latitude.
    streets = [
        (44.8 + rng.uniform(0, 0.02), 20.45 + rng.uniform(0, 0.03), f"Ulica {number} {number}")
        for number in range(60)
    ]
    grid = NearStreets(streets)
    found = 0
    for _ in range(600):
        latitude, longitude = 44.8 + rng.uniform(0, 0.02), 20.45 + rng.uniform(0, 0.03)
        in_reach = sorted(
            (distance_m(latitude, longitude, lat, lon), street)
            for lat, lon, street in streets
            if distance_m(latitude, longitude, lat, lon) <= NEAR_STREET_METRES
        )
        expected = without_house_number(in_reach[0][1]) if in_reach else ""
        assert grid.near(latitude, longitude) == expected
        found += bool(expected)
    assert 100 < found < 500  # both cases were tried


def test_the_grid_works_far_from_the_equator_and_across_cell_edges():
    for latitude in (-70.0, 0.0, 44.8, 69.99, 89.9):
        longitude = 20.0
        # 149 m east and 149 m north of a point is within reach; 151 m is not.
        east = 149 * METRE / math.cos(math.radians(latitude))
        grid = NearStreets([(latitude, longitude + east, "Istočna 1")])
        assert grid.near(latitude, longitude) == "Istočna"
        grid = NearStreets([(latitude + 149 * METRE, longitude, "Severna 1")])
        assert grid.near(latitude, longitude) == "Severna"
        grid = NearStreets([(latitude + 151 * METRE, longitude, "Daleka 1")])
        assert grid.near(latitude, longitude) == ""


def test_the_cameras_page_has_the_name_the_popup_has(client, site):
    north_of(0, address="Knez Mihailova 1", municipality=site["vracar"])
    camera = north_of(100, municipality=site["vracar"])
    text = html.unescape(client.get(f"/en/map/cameras/{camera.pk}/").text)
    assert "<h1>Camera near Knez Mihailova</h1>" in text
    assert re.search(r"<title>Camera near Knez Mihailova \|", text)
    assert '<meta property="og:title" content="Camera near Knez Mihailova">' in text
    features = {
        feature["id"]: feature["properties"]
        for feature in client.get("/api/cameras.geojson").json()["features"]
    }
    assert features[camera.pk]["near"] == "Knez Mihailova"
    assert features[camera.pk]["address"] is None


def test_a_cameras_page_costs_the_same_queries_however_many_cameras_are_near(
    uncached, client, site
):
    camera = north_of(0, municipality=site["vracar"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/en/map/cameras/{camera.pk}/").status_code == 200
        return len(queries)

    count()  # the first request fills the site's caches
    alone = count()
    for metres in range(10, 300, 10):
        north_of(metres, address=f"Ulica {metres}")
    assert count() == alone


def test_the_geojson_and_csv_carry_each_cameras_address_or_near_street(client, site):
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    named = north_of(0, address="Knez Mihailova 12a", status=Camera.Status.REPORTED)
    tagged = north_of(
        1000, address="", source_tags={"addr:full": "Trg republike 5", "operator": "MUP"}
    )
    near = north_of(100, municipality=zemun)
    far = north_of(500, municipality=zemun)
    features = {
        feature["id"]: feature["properties"]
        for feature in client.get("/api/cameras.geojson").json()["features"]
    }
    # A reported camera names its neighbours though only verified ones are asked for, and
    # though it is in another municipality: a camera's name never depends on the filters.
    assert named.pk not in features
    assert (features[near.pk]["address"], features[near.pk]["near"]) == (None, "Knez Mihailova")
    assert (features[far.pk]["address"], features[far.pk]["near"]) == (None, None)
    assert (features[tagged.pk]["address"], features[tagged.pk]["near"]) == (
        "Trg republike 5",
        None,
    )
    filtered = client.get("/api/cameras.geojson", {"municipality": "zemun", "bbox": "20,44,21,45"})
    assert {
        feature["id"]: feature["properties"]["near"] for feature in filtered.json()["features"]
    } == {near.pk: "Knez Mihailova", far.pk: None}
    one = client.get(f"/api/cameras/{near.pk}.geojson").json()
    assert one["properties"]["near"] == "Knez Mihailova"
    rows = csv.DictReader(io.StringIO(client.get("/api/cameras.csv").content.decode()))
    assert {int(row["id"]): row["near"] for row in rows} == {
        tagged.pk: "",
        near.pk: "Knez Mihailova",
        far.pk: "",
    }


def test_the_open_data_page_says_what_near_is(client, site):
    text = html.unescape(client.get("/en/map/data/").text)
    assert "<dt><code>near</code></dt>" in text
    assert f"within {NEAR_STREET_METRES} metres" in text
    assert re.search(r"<code>[^<]*page_url, near, [^<]*</code>", text)  # the CSV's columns
