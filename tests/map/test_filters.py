"""The cameras' filters, defined once (map/filters.py) for the map's form and the API: what the
form offers the API takes and selects alike, what the API refuses the form names and ignores,
and where the two differ on purpose (issue 17)."""

import datetime
import re

import pytest
from django.utils import timezone

from map.models import Camera

from .factories import CameraFactory, MunicipalityFactory, map_pages
from .test_map_page import table_rows

pytestmark = pytest.mark.django_db

GEOJSON = "/api/cameras.geojson"
MAP = "/en/map/"
# With no filter the map shows the verified cameras: these three.
VERIFIED = ["vracar-dome", "vracar-fixed-police", "zemun-panning"]


@pytest.fixture
def cameras():
    """Cameras by name: verified ones in two municipalities, a reported and a rejected one."""
    map_pages()
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    made = {
        # The factory's camera: verified, a dome, capable of facial recognition.
        "vracar-dome": CameraFactory(municipality=vracar),
        "vracar-fixed-police": CameraFactory(
            municipality=vracar, camera_type="fixed", facial_recognition=False, on_police_list=True
        ),
        "zemun-panning": CameraFactory(
            municipality=zemun,
            camera_type="panning",
            facial_recognition=False,
            # Not seen for two years: it needs a re-check.
            last_confirmed_at=timezone.now() - datetime.timedelta(days=730),
        ),
        "zemun-reported": CameraFactory(
            municipality=zemun, camera_type="fixed", status=Camera.Status.REPORTED
        ),
        "rejected": CameraFactory(municipality=None, status=Camera.Status.REJECTED),
        "vracar-retired": CameraFactory(
            municipality=vracar,
            status=Camera.Status.RETIRED,
            retired_at=timezone.now(),
            last_confirmed_at=timezone.now() - datetime.timedelta(days=730),
        ),
    }
    return {camera.pk: name for name, camera in made.items()}


def api_names(client, cameras, params):
    response = client.get(GEOJSON, params)
    assert response.status_code == 200, response.content
    return sorted(cameras[feature["id"]] for feature in response.json()["features"])


def api_error(client, params, language="en"):
    response = client.get(GEOJSON, params, headers={"accept-language": language})
    assert response.status_code == 400
    return response.json()


def page_total(page):
    """How many cameras the map page's table counts: its total, or its one municipality's."""
    _header, *rows = table_rows(page)
    assert len(rows) == 1 or rows[-1][0] == "Total"
    return int(rows[-1][1])


def offered(page):
    """The (name, value) pairs the map page's filter form offers: radio buttons, options of its
    lists (but "any"), checkboxes."""
    form = re.search(r'<form id="camera-filters".*?</form>', page, re.S).group(0)
    pairs = re.findall(r'<input type="(?:radio|checkbox)" name="(\w+)" value="([^"]*)"', form)
    for name, options in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', form, re.S):
        pairs += [(name, value) for value in re.findall(r'<option value="([^"]+)"', options)]
    return sorted(set(pairs))


# Each value the map's form offers and the cameras it selects (verified ones unless it says).
OFFERED = {
    ("status", "verified"): VERIFIED,
    ("status", "all"): [*VERIFIED, "zemun-reported"],
    ("camera_type", "fixed"): ["vracar-fixed-police"],
    ("camera_type", "dome"): ["vracar-dome"],
    ("camera_type", "panning"): ["zemun-panning"],
    ("municipality", "vracar"): ["vracar-dome", "vracar-fixed-police"],
    ("municipality", "zemun"): ["zemun-panning"],
    ("facial_recognition", "true"): ["vracar-dome"],
    ("on_police_list", "true"): ["vracar-fixed-police"],
    ("needs_recheck", "true"): ["zemun-panning"],
    ("status", "retired"): ["vracar-retired"],
}


def test_every_value_the_maps_form_offers_the_api_takes_and_selects_alike(client, cameras):
    assert offered(client.get(MAP).text) == sorted(OFFERED)
    for (name, value), expected in OFFERED.items():
        assert api_names(client, cameras, {name: value}) == sorted(expected), (name, value)
        page = client.get(MAP, {name: value}).text
        assert '<details class="map-page__filters">' in page  # closed: no error to show
        assert page_total(page) == len(expected), (name, value)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("status", "rejected", "Choose which cameras to show from the list."),
        ("status", "All", "Choose which cameras to show from the list."),
        ("camera_type", "hidden", "Choose a camera type from the list."),
        ("camera_type", "Dome", "Choose a camera type from the list."),
        ("municipality", "atlantis", "Choose a municipality from the list."),
    ],
)
def test_a_value_the_api_refuses_the_form_names_and_ignores(client, cameras, name, value, message):
    assert api_error(client, {name: value})["parameter"] == name
    page = client.get(MAP, {name: value}).text
    assert message in page
    assert page_total(page) == len(VERIFIED)


def test_where_the_api_takes_more_than_the_form_offers(client, cameras):
    # "reported" only in the API: the form offers verified, all or retired cameras.
    assert api_names(client, cameras, {"status": "reported"}) == ["zemun-reported"]
    page = client.get(MAP, {"status": "reported"}).text
    assert "Choose which cameras to show from the list." in page
    assert page_total(page) == len(VERIFIED)
    # "false" selects the cameras without it in the API; on the page it is an unticked box.
    params = {"facial_recognition": "false"}
    assert api_names(client, cameras, params) == ["vracar-fixed-police", "zemun-panning"]
    assert page_total(client.get(MAP, params).text) == len(VERIFIED)
    # A box sent with another value counts as ticked, as browsers' checkboxes are read; the
    # API takes only its own words.
    assert page_total(client.get(MAP, {"facial_recognition": "on"}).text) == 1
    assert api_error(client, {"facial_recognition": "on"})["parameter"] == "facial_recognition"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"status": "x", "bbox": "1", "camera_type": "x", "on_police_list": "1"}, "status"),
        ({"municipality": "atlantis", "on_police_list": "1", "bbox": "1"}, "bbox"),
        (
            {"municipality": "atlantis", "facial_recognition": "1", "camera_type": "x"},
            "camera_type",
        ),
        (
            {"municipality": "atlantis", "on_police_list": "1", "facial_recognition": "1"},
            "facial_recognition",
        ),
        ({"municipality": "atlantis", "on_police_list": "1"}, "on_police_list"),
    ],
)
def test_the_api_names_the_first_wrong_parameter_in_its_order(client, params, parameter):
    assert api_error(client, params)["parameter"] == parameter


@pytest.mark.parametrize(
    ("params", "language", "error"),
    [
        ({"camera_type": "hidden"}, "en", "camera_type must be one of: fixed, dome, panning."),
        (
            {"camera_type": "hidden"},
            "sr-latn",
            "Vrednost parametra camera_type mora biti jedna od: fixed, dome, panning.",
        ),
        ({"on_police_list": "yes"}, "en", "on_police_list must be one of: true, false."),
        (
            {"municipality": "atlantis"},
            "en",
            "There is no municipality with this slug; /api/municipalities.json lists them.",
        ),
        (
            {"bbox": "20,44,21,91"},
            "en",
            "bbox longitudes must be between -180 and 180, latitudes between -90 and 90.",
        ),
        ({"bbox": "21,44,20,45"}, "en", "bbox minimums must not be greater than its maximums."),
        (
            {"bbox": "20,44,21"},
            "en",
            "bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat.",
        ),
    ],
)
def test_the_apis_error_messages(client, params, language, error):
    (parameter,) = params
    assert api_error(client, params, language) == {"error": error, "parameter": parameter}
