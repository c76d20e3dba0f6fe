"""The public read API: GeoJSON, CSV and municipality figures, CORS, caching, the open data page."""

import csv
import datetime
import gzip
import io

import pytest
import wagtail_factories
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date, parse_http_date
from geojson_pydantic import Feature, FeatureCollection
from wagtail.models import Locale, Site

from home.models import OrganisationSettings
from map.api_responses import remembered
from map.models import Camera, CameraPhoto
from map.signals import bump_camera_data_version, camera_data_version
from tests.routes import in_serbian

from .factories import CameraFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

GEOJSON = "/api/cameras.geojson"
CSV = "/api/cameras.csv"
MUNICIPALITIES = "/api/municipalities.json"
# The CSV's first line, as the file has it.
CSV_FIRST_LINE = (
    "id,latitude,longitude,status,camera_type,surveillance_type,facial_recognition,direction,"
    "municipality,on_police_list,first_reported_at,verified_at,url,source,demo,address,page_url,"
    "near,last_confirmed_at,retired_at,needs_recheck"
)
CSV_HEADER = CSV_FIRST_LINE.split(",")
# A Feature's properties, in their order: the CSV's columns after the id and the point.
PROPERTIES = CSV_HEADER[3:]


@pytest.fixture(autouse=True)
def empty_process_cache():
    # This process's copies of the shared cache's bodies outlive a test, as the cache does.
    remembered.cache_clear()


@pytest.fixture(autouse=True)
def organisation():
    """The site's settings, as a running site has them (read once, then kept: home/kept.py)."""
    return OrganisationSettings.for_site(Site.objects.get(is_default_site=True))


def feature_ids(response):
    assert response.status_code == 200, response.content
    return sorted(feature["id"] for feature in response.json()["features"])


def camera_ids(*cameras):
    return sorted(camera.pk for camera in cameras)


# GeoJSON


def test_an_independent_geojson_parser_accepts_the_answers(client):
    """geojson-pydantic validates RFC 7946 on its own terms, not on ours."""
    CameraFactory.create_batch(3)
    camera = CameraFactory(direction=None, municipality=None, camera_type="")

    FeatureCollection.model_validate_json(client.get(GEOJSON).content)
    FeatureCollection.model_validate_json(client.get(GEOJSON, {"bbox": "0,0,1,1"}).content)
    Feature.model_validate_json(client.get(f"/api/cameras/{camera.pk}.geojson").content)


def test_geojson_is_an_rfc_7946_feature_collection(client):
    vracar = MunicipalityFactory(slug="vracar")
    verified_at = datetime.datetime(2021, 3, 1, 10, 30, 15, 123456, tzinfo=datetime.UTC)
    camera = CameraFactory(
        latitude=44.798765432,
        longitude=20.476543219,
        municipality=vracar,
        direction=135,
        verified_at=verified_at,
        camera_type="panning",
        on_police_list=True,
    )

    response = client.get(GEOJSON)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert set(feature) == {"type", "id", "geometry", "properties"}
    assert feature["type"] == "Feature"
    assert feature["id"] == camera.pk
    assert isinstance(feature["id"], int)
    # Longitude first, then latitude; six decimals.
    assert feature["geometry"] == {"type": "Point", "coordinates": [20.476543, 44.798765]}
    properties = feature["properties"]
    assert list(properties) == PROPERTIES
    assert properties["status"] == "verified"
    assert properties["camera_type"] == "panning"
    assert properties["surveillance_type"] == "camera"
    assert properties["facial_recognition"] is True
    assert properties["direction"] == 135
    assert properties["municipality"] == "vracar"
    assert properties["on_police_list"] is True
    # ISO 8601 in UTC, to the second.
    assert properties["verified_at"] == "2021-03-01T10:30:15Z"
    reported = datetime.datetime.fromisoformat(properties["first_reported_at"])
    assert reported == camera.first_reported_at.replace(microsecond=0)
    assert properties["url"] == f"http://testserver/api/cameras/{camera.pk}.geojson"
    assert properties["source"] == "citizen"
    assert properties["demo"] is False
    assert properties["address"] is None
    # The camera's page for people, in the default language whatever the client speaks.
    assert properties["page_url"] == f"http://testserver{in_serbian('map:camera_page', camera.pk)}"


def test_the_list_carries_what_the_maps_popup_is_titled_with(client):
    camera = CameraFactory(address="Knez Mihailova 1")
    response = client.get(GEOJSON, headers={"accept-language": "en"})
    properties = response.json()["features"][0]["properties"]
    assert properties["address"] == "Knez Mihailova 1"
    assert properties["page_url"] == f"http://testserver{in_serbian('map:camera_page', camera.pk)}"


def test_unknown_values_are_null_and_demo_cameras_are_marked(client):
    CameraFactory(camera_type="", direction=None, municipality=None, source=Camera.Source.DEMO)
    properties = client.get(GEOJSON).json()["features"][0]["properties"]
    assert properties["camera_type"] is None
    assert properties["direction"] is None
    assert properties["municipality"] is None
    assert properties["verified_at"] is None
    assert properties["demo"] is True


def test_links_use_the_host_the_request_came_to(client):
    camera = CameraFactory()
    response = client.get(GEOJSON, headers={"host": "kamere.example.org"})
    url = response.json()["features"][0]["properties"]["url"]
    assert url == f"http://kamere.example.org/api/cameras/{camera.pk}.geojson"
    # The other host's cached body does not leak into this one's.
    url = client.get(GEOJSON).json()["features"][0]["properties"]["url"]
    assert url.startswith("http://testserver/")


def test_each_camera_url_leads_to_its_feature_with_details(client):
    camera = CameraFactory(
        latitude=44.81812345,
        longitude=20.45678949,
        address="Knez Mihailova 1",
        manufacturer="Huawei",
        model="",
    )
    url = client.get(GEOJSON).json()["features"][0]["properties"]["url"]

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    feature = response.json()
    assert feature["type"] == "Feature"
    assert feature["id"] == camera.pk
    assert feature["geometry"]["coordinates"] == [20.456789, 44.818123]
    assert feature["properties"]["address"] == "Knez Mihailova 1"
    assert feature["properties"]["manufacturer"] == "Huawei"
    assert feature["properties"]["model"] is None
    assert set(feature["properties"]) >= set(PROPERTIES)


def test_a_cameras_feature_carries_small_versions_of_its_photos(client):
    camera = CameraFactory()
    assert client.get(f"/api/cameras/{camera.pk}.geojson").json()["properties"]["photos"] == []
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=1200)
    camera.photos.add(CameraPhoto(image=image))
    camera.save()  # a change to the camera renews the cached answer

    (photo,) = client.get(f"/api/cameras/{camera.pk}.geojson").json()["properties"]["photos"]

    assert (photo["width"], photo["height"]) == (480, 360)
    assert photo["url"].startswith("http://testserver/")
    assert client.get(photo["url"].removeprefix("http://testserver")).status_code == 200


def test_a_rejected_camera_has_no_feature(client):
    camera = CameraFactory(status=Camera.Status.REJECTED)
    response = client.get(f"/api/cameras/{camera.pk}.geojson")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


@pytest.mark.parametrize("pk", [0, 123456, 10**30])
def test_an_unknown_camera_is_a_json_404(client, pk):
    response = client.get(f"/api/cameras/{pk}.geojson")
    assert response.status_code == 404
    assert response.json()["error"]


# Filters


def test_status_defaults_to_verified_and_all_means_every_public_status(client):
    verified = CameraFactory(status=Camera.Status.VERIFIED)
    reported = CameraFactory(status=Camera.Status.REPORTED)
    CameraFactory(status=Camera.Status.REJECTED)
    CameraFactory(status=Camera.Status.RETIRED)

    assert feature_ids(client.get(GEOJSON)) == [verified.pk]
    assert feature_ids(client.get(GEOJSON, {"status": "verified"})) == [verified.pk]
    assert feature_ids(client.get(GEOJSON, {"status": "reported"})) == [reported.pk]
    assert feature_ids(client.get(GEOJSON, {"status": "all"})) == camera_ids(verified, reported)


def test_bbox_keeps_the_cameras_inside_edges_included(client):
    inside = CameraFactory(latitude=44.81, longitude=20.46)
    on_edge = CameraFactory(latitude=44.80, longitude=20.44)
    CameraFactory(latitude=44.81, longitude=20.50)  # east of the box
    CameraFactory(latitude=44.85, longitude=20.46)  # north of the box

    response = client.get(GEOJSON, {"bbox": "20.44,44.80,20.48,44.83"})

    assert feature_ids(response) == camera_ids(inside, on_edge)


def test_municipality_filter_takes_a_slug(client):
    vracar, zemun = MunicipalityFactory(slug="vracar"), MunicipalityFactory(slug="zemun")
    in_vracar = CameraFactory(municipality=vracar)
    CameraFactory(municipality=zemun)
    CameraFactory(municipality=None)
    assert feature_ids(client.get(GEOJSON, {"municipality": "vracar"})) == [in_vracar.pk]


def test_camera_type_filter(client):
    dome = CameraFactory(camera_type="dome")
    fixed = CameraFactory(camera_type="fixed")
    assert feature_ids(client.get(GEOJSON, {"camera_type": "dome"})) == [dome.pk]
    assert feature_ids(client.get(GEOJSON, {"camera_type": "fixed"})) == [fixed.pk]
    assert feature_ids(client.get(GEOJSON, {"camera_type": "panning"})) == []


@pytest.mark.parametrize("name", ["facial_recognition", "on_police_list"])
def test_boolean_filters_select_true_or_false(client, name):
    yes = CameraFactory(**{name: True})
    no = CameraFactory(**{name: False})
    assert feature_ids(client.get(GEOJSON, {name: "true"})) == [yes.pk]
    assert feature_ids(client.get(GEOJSON, {name: "false"})) == [no.pk]


def test_filters_combine(client):
    vracar = MunicipalityFactory(slug="vracar")
    wanted = CameraFactory(municipality=vracar, facial_recognition=True, camera_type="dome")
    CameraFactory(municipality=vracar, facial_recognition=False, camera_type="dome")
    CameraFactory(municipality=vracar, facial_recognition=True, camera_type="fixed")
    params = {"municipality": "vracar", "facial_recognition": "true", "camera_type": "dome"}
    assert feature_ids(client.get(GEOJSON, params)) == [wanted.pk]


def test_unknown_and_empty_parameters_are_ignored(client):
    camera = CameraFactory()
    params = {"colour": "red", "status": "", "bbox": "", "municipality": "", "camera_type": ""}
    assert feature_ids(client.get(GEOJSON, params)) == [camera.pk]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("bbox", "20.44,44.80,20.48"),
        ("bbox", "20.44,44.80,20.48,44.83,1"),
        ("bbox", "west,44.80,20.48,44.83"),
        ("bbox", "20.44,44.80,20.48,nan"),
        ("bbox", "20.44,44.80,20.48,inf"),
        ("bbox", "20.44,44.80,20.48,91"),
        ("bbox", "-181,44.80,20.48,44.83"),
        ("bbox", "20.48,44.80,20.44,44.83"),
        ("bbox", "20.44,44.83,20.48,44.80"),
        ("status", "rejected"),
        ("status", "removed"),
        ("status", "everything"),
        ("municipality", "atlantis"),
        ("camera_type", "hidden"),
        ("facial_recognition", "yes"),
        ("on_police_list", "1"),
    ],
)
@pytest.mark.parametrize("path", [GEOJSON, CSV])
def test_invalid_parameters_get_a_json_400_naming_them(client, path, parameter, value):
    MunicipalityFactory(slug="vracar")
    response = client.get(path, {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["parameter"] == parameter
    assert isinstance(body["error"], str) and body["error"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_error_messages_say_what_is_expected(client):
    english = {"accept-language": "en"}
    response = client.get(GEOJSON, {"bbox": "1,2,3"}, headers=english)
    assert "four comma-separated numbers" in response.json()["error"]
    response = client.get(GEOJSON, {"status": "rejected"}, headers=english)
    assert response.json()["error"] == "status must be one of: all, verified, reported, retired."
    response = client.get(GEOJSON, {"facial_recognition": "yes"}, headers=english)
    assert response.json()["error"] == "facial_recognition must be one of: true, false."


# CSV


def test_csv_has_the_same_rows_as_the_geojson(client):
    vracar = MunicipalityFactory(slug="vracar")
    moment = datetime.datetime(2021, 3, 1, 10, 30, 15, tzinfo=datetime.UTC)
    verified = CameraFactory(
        latitude=44.8,
        longitude=-20.47,
        municipality=vracar,
        direction=90,
        on_police_list=True,
        first_reported_at=moment,
        verified_at=moment,
        last_confirmed_at=moment,
    )
    reported = CameraFactory(
        latitude=44.81,
        longitude=20.5,
        status=Camera.Status.REPORTED,
        camera_type="",
        facial_recognition=False,
        address="Njegoševa 1",
        first_reported_at=moment,
        last_confirmed_at=datetime.datetime.now(tz=datetime.UTC),
    )
    CameraFactory(status=Camera.Status.REJECTED)

    response = client.get(CSV, {"status": "all"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cameras.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    api = "http://testserver/api/cameras/"
    page = "http://testserver/mapa/kamere/"
    # Booleans and nulls spelled as in the GeoJSON; numbers (a negative one too) as numbers.
    assert rows == [
        CSV_HEADER,
        [
            str(verified.pk),
            "44.8",
            "-20.47",
            "verified",
            "dome",
            "camera",
            "true",
            "90",
            "vracar",
            "true",
            "2021-03-01T10:30:15Z",
            "2021-03-01T10:30:15Z",
            f"{api}{verified.pk}.geojson",
            "citizen",
            "false",
            "",
            f"{page}{verified.pk}/",
            "",
            "2021-03-01T10:30:15Z",
            "",
            "true",
        ],
        [
            str(reported.pk),
            "44.81",
            "20.5",
            "reported",
            "",
            "camera",
            "false",
            "",
            "",
            "false",
            "2021-03-01T10:30:15Z",
            "",
            f"{api}{reported.pk}.geojson",
            "citizen",
            "false",
            "Njegoševa 1",
            f"{page}{reported.pk}/",
            "",
            reported.last_confirmed_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "",
            "false",
        ],
    ]
    features = client.get(GEOJSON, {"status": "all"}).json()["features"]
    assert [feature["id"] for feature in features] == [verified.pk, reported.pk]
    assert features[0]["geometry"]["coordinates"] == [-20.47, 44.8]
    assert features[1]["properties"]["camera_type"] is None
    assert features[1]["properties"]["address"] == "Njegoševa 1"


def test_csv_filters_like_the_geojson(client):
    CameraFactory(facial_recognition=True)
    no = CameraFactory(facial_recognition=False)
    rows = list(csv.DictReader(io.StringIO(client.get(CSV, {"facial_recognition": "false"}).text)))
    assert [int(row["id"]) for row in rows] == [no.pk]


def test_csv_names_licence_and_attribution_in_headers(client, organisation):
    CameraFactory(source=Camera.Source.CITIZEN)
    response = client.get(CSV)
    assert response["Link"] == f'<{organisation.data_licence_url}>; rel="license"'
    assert response["X-Data-Licence"] == organisation.data_licence_name
    assert response["X-Attribution"] == "© Kamere contributors"


def test_openstreetmap_is_credited_when_its_cameras_are_included(client):
    CameraFactory(source=Camera.Source.OSM, status=Camera.Status.REPORTED)
    CameraFactory(source=Camera.Source.CITIZEN)
    credit = "© Kamere contributors; © OpenStreetMap contributors"

    assert client.get(CSV)["X-Attribution"] == "© Kamere contributors"
    assert client.get(CSV, {"status": "all"})["X-Attribution"] == credit
    collection = client.get(GEOJSON, {"status": "all"}).json()
    assert collection["attribution"] == credit
    assert collection["licence"]["url"] == "https://opendatacommons.org/licenses/odbl/1-0/"


def test_licence_follows_the_organisation_settings(
    client, organisation, django_capture_on_commit_callbacks
):
    CameraFactory()
    client.get(CSV)
    with django_capture_on_commit_callbacks(execute=True):
        organisation.data_licence_name = "CC BY-SA 4.0"
        organisation.data_licence_url = "https://creativecommons.org/licenses/by-sa/4.0/"
        organisation.save()
    response = client.get(CSV)
    assert response["X-Data-Licence"] == "CC BY-SA 4.0"
    assert response["Link"] == '<https://creativecommons.org/licenses/by-sa/4.0/>; rel="license"'


# Municipalities


def test_municipalities_compare_the_citizen_map_with_the_police_list(client):
    vracar = MunicipalityFactory(
        name="Vračar",
        slug="vracar",
        police_list_count=2,
        police_list_date=datetime.date(2021, 3, 1),
    )
    english = vracar.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.name = "Vracar"
    english.save()
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    CameraFactory.create_batch(3, municipality=vracar)
    CameraFactory(municipality=vracar, status=Camera.Status.REPORTED)
    CameraFactory(municipality=vracar, status=Camera.Status.REJECTED)
    CameraFactory(municipality=zemun)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(MUNICIPALITIES)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["municipalities"] == [
        {
            "slug": "vracar",
            "name": "Vračar",
            "names": {"sr-latn": "Vračar", "en": "Vracar"},
            "verified_cameras": 3,
            "police_list_count": 2,
            "difference": 1,
            "police_list_date": "2021-03-01",
        },
        {
            "slug": "zemun",
            "name": "Zemun",
            "names": {"sr-latn": "Zemun"},
            "verified_cameras": 1,
            "police_list_count": None,
            "difference": None,
            "police_list_date": None,
        },
    ]
    # Two for the figures and names, two for the data's state, two for the licence settings.
    assert len(queries) <= 6


# CORS


@pytest.mark.parametrize("path", [GEOJSON, CSV, MUNICIPALITIES])
def test_any_site_may_read_the_api_without_credentials(client, path):
    response = client.get(path, headers={"origin": "https://news.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_is_answered(client):
    response = client.options(
        GEOJSON,
        headers={
            "origin": "https://news.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_the_api_is_read_only(client):
    response = client.post(GEOJSON)
    assert response.status_code == 405
    assert "GET" in response["Allow"]


# Conditional requests and the cache


@pytest.mark.parametrize("path", [GEOJSON, CSV, MUNICIPALITIES])
def test_unchanged_data_is_not_sent_again(client, path):
    CameraFactory()
    response = client.get(path)
    assert response["Cache-Control"] == "public, max-age=60"
    etag, last_modified = response["ETag"], response["Last-Modified"]

    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(path, headers={"if-modified-since": last_modified}).status_code == 304


def test_clients_that_accept_gzip_get_it_compressed(client):
    CameraFactory.create_batch(20)
    plain = client.get(GEOJSON)
    compressed = client.get(GEOJSON, headers={"accept-encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert compressed["ETag"] == plain["ETag"]
    assert compressed["ETag"].startswith('W/"')


def test_a_changed_camera_is_sent_again(client, django_capture_on_commit_callbacks):
    camera = CameraFactory(direction=10)
    etag = client.get(GEOJSON)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        camera.direction = 20
        camera.save()

    response = client.get(GEOJSON, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["features"][0]["properties"]["direction"] == 20


def test_a_deleted_camera_is_noticed(client, django_capture_on_commit_callbacks):
    camera, other = CameraFactory(), CameraFactory()
    etag = client.get(GEOJSON)["ETag"]
    # QuerySet.delete() sends post_delete for each camera, as the data version needs.
    with django_capture_on_commit_callbacks(execute=True):
        Camera.objects.filter(pk=camera.pk).delete()

    response = client.get(GEOJSON, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert feature_ids(response) == [other.pk]


def test_last_modified_is_the_newest_change(client):
    camera = CameraFactory()
    response = client.get(GEOJSON)
    assert parse_http_date(response["Last-Modified"]) >= int(camera.updated_at.timestamp())
    earlier = http_date(camera.updated_at.timestamp() - 3600)
    assert client.get(GEOJSON, headers={"if-modified-since": earlier}).status_code == 200


def test_writes_without_signals_need_a_bump(client, django_capture_on_commit_callbacks):
    camera = CameraFactory()
    assert feature_ids(client.get(GEOJSON)) == [camera.pk]
    # QuerySet.update() sends no signal and leaves updated_at alone: the cached body stays...
    Camera.objects.filter(pk=camera.pk).update(status=Camera.Status.REJECTED)
    assert feature_ids(client.get(GEOJSON)) == [camera.pk]
    # ...until the writer bumps the data version, as the importer and the moderation do.
    with django_capture_on_commit_callbacks(execute=True):
        bump_camera_data_version()
    assert feature_ids(client.get(GEOJSON)) == []


def test_raw_deletes_need_a_bump(client, django_capture_on_commit_callbacks):
    # Nothing counts the cameras for each request (map/api.py says why): a delete without
    # signals is one more write whose writer bumps the version.
    camera, other = CameraFactory(), CameraFactory()
    assert feature_ids(client.get(GEOJSON)) == camera_ids(camera, other)
    Camera.objects.filter(pk=camera.pk)._raw_delete(connection.alias)  # no signals
    with django_capture_on_commit_callbacks(execute=True):
        bump_camera_data_version()
    assert feature_ids(client.get(GEOJSON)) == [other.pk]


def test_the_bump_happens_again_at_the_commit(client, django_capture_on_commit_callbacks):
    # A request between the change and its commit reads the old rows (on its own connection)
    # and may keep them under the version of that moment: the commit makes a new one.
    camera = CameraFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        Camera.objects.filter(pk=camera.pk).update(status=Camera.Status.REJECTED)
        bump_camera_data_version()
        during = camera_data_version()
    for callback in callbacks:
        callback()
    assert camera_data_version() != during
    assert feature_ids(client.get(GEOJSON)) == []


def test_a_renamed_municipality_is_sent_again(client, django_capture_on_commit_callbacks):
    vracar = MunicipalityFactory(slug="vracar", name="Vračar")
    CameraFactory(municipality=vracar)
    etag = client.get(MUNICIPALITIES)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        vracar.name = "Opština Vračar"
        vracar.save()

    response = client.get(MUNICIPALITIES, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response.json()["municipalities"][0]["name"] == "Opština Vračar"


def test_queries_do_not_grow_with_the_cameras(client):
    municipalities = MunicipalityFactory.create_batch(3)

    def queries(count):
        """Queries of a first (built) and a second (cached) request for `count` cameras."""
        for index in range(count - Camera.objects.count()):
            CameraFactory(municipality=municipalities[index % 3])
        caches["api"].clear()
        with CaptureQueriesContext(connection) as built:
            features = client.get(GEOJSON, {"status": "all"}).json()["features"]
        assert len(features) == count
        with CaptureQueriesContext(connection) as cached:
            assert client.get(GEOJSON, {"status": "all"}).status_code == 200
        return len(built), len(cached)

    # Built: the data's state (the newest change), the rows, the streets near those without an
    # address, the site (its licence settings are kept by the site's version, home/kept.py).
    # Cached: the newest change.
    assert queries(5) == queries(50) == (4, 1)


def database_cache_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (the test's own names)
        return cursor.fetchone()[0]


def test_no_query_string_fills_the_shared_cache(client, settings):
    """Production's database caches: only a bounded set of bodies is kept, whatever the query
    string, and only in the API's own table, where culling can't touch a login counter."""
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": f"test_{alias}_cache",
        }
        for alias in ("default", "api", "pages")
    }
    call_command("createcachetable", verbosity=0)
    vracar = MunicipalityFactory(slug="vracar")
    CameraFactory.create_batch(5, municipality=vracar, latitude=44.8, longitude=20.47)
    caches["default"].set("login-failures", 3, timeout=3600)
    # The site's settings, kept by its version (home/kept.py), once.
    assert client.get(MUNICIPALITIES).status_code == 200
    # The counter, the data's versions (the API's, the page cache's) and the settings: no
    # body, ever.
    rows = database_cache_rows("test_default_cache")
    gzip_too = {"accept-encoding": "gzip"}
    for path in (GEOJSON, CSV):
        for status in ("verified", "reported", "all"):
            assert client.get(path, {"status": status}, headers=gzip_too).status_code == 200
    assert client.get(MUNICIPALITIES).status_code == 200
    kept = database_cache_rows("test_api_cache")
    assert database_cache_rows("test_default_cache") == rows

    for index in range(40):
        box = f"20.{index:02d},44.7,20.5,44.9"
        for query in (
            {"bbox": box},
            {"bbox": box, "municipality": "vracar"},
            {"status": "all", "bbox": box, "camera_type": "dome"},
        ):
            response = client.get(GEOJSON, query, headers=gzip_too)
            assert response.status_code == 200
            assert response["ETag"]  # still answered 304 when repeated
        assert client.get(CSV, {"bbox": box}).status_code == 200

    assert database_cache_rows("test_api_cache") == kept
    assert database_cache_rows("test_default_cache") == rows
    assert caches["default"].get("login-failures") == 3


def test_a_filtered_answer_is_the_same_as_a_stored_one(client):
    inside = CameraFactory(latitude=44.80, longitude=20.47)
    CameraFactory(latitude=44.70, longitude=20.20)
    box = {"bbox": "20.4,44.75,20.5,44.85"}
    first = client.get(GEOJSON, box)
    assert feature_ids(first) == [inside.pk]
    again = client.get(GEOJSON, box, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert client.get(GEOJSON, box).content == first.content


# The open data page


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        (in_serbian("map:open_data"), "sr-latn", "<h1>"),
        ("/en/map/data/", "en", "<h1>Open data</h1>"),
    ],
)
def test_open_data_page_links_the_downloads_and_the_licence(client, path, language, heading):
    MunicipalityFactory(name="Vračar", slug="vracar")
    response = client.get(path)
    assert response.status_code == 200
    text = response.text
    assert f'<html lang="{language}"' in text
    assert heading in text
    for address in (GEOJSON, CSV, MUNICIPALITIES):
        assert f'href="{address}"' in text
    assert 'href="https://opendatacommons.org/licenses/odbl/1-0/"' in text
    assert "Open Database License (ODbL) 1.0" in text
    assert "© Kamere contributors" in text
    assert "© OpenStreetMap contributors" in text
    assert ", ".join(CSV_HEADER) in text


def test_open_data_form_submits_the_api_parameters(client):
    MunicipalityFactory(name="Vračar", slug="vracar")
    text = client.get("/en/map/data/").text
    assert f'action="{CSV}"' in text
    assert f'formaction="{GEOJSON}"' in text
    for name in ("status", "municipality", "camera_type", "facial_recognition", "on_police_list"):
        assert f'name="{name}"' in text
    assert '<option value="vracar">Vračar</option>' in text
