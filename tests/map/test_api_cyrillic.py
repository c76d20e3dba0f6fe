"""The cameras' data in Cyrillic (issue 22): the API's `script=cyrillic` writes the people's
words (addresses, streets, operators) in Cyrillic and links the Cyrillic camera pages, which
the Cyrillic map asks for; without it the data stays as recorded."""

import csv
import io
import re

import pytest

from home.models import TransliterationException
from home.scripts import EDITORS_EXCEPTIONS
from map.api_responses import remembered

from .factories import CameraFactory, MunicipalityFactory, map_pages

pytestmark = pytest.mark.django_db

GEOJSON = "/api/cameras.geojson"
CSV = "/api/cameras.csv"


@pytest.fixture(autouse=True)
def empty_process_cache():
    remembered.cache_clear()


def properties(response):
    assert response.status_code == 200, response.content
    return {f["id"]: f["properties"] for f in response.json()["features"]}


def test_the_addresses_and_streets_come_in_cyrillic_when_asked(client):
    with_address = CameraFactory(address="Knez Mihailova 1", latitude=44.8176, longitude=20.4569)
    # No address of its own: "near" the street of the camera beside it.
    without = CameraFactory(address="", latitude=44.81761, longitude=20.45691)

    cyrillic = properties(client.get(GEOJSON, {"script": "cyrillic"}))

    assert cyrillic[with_address.pk]["address"] == "Кнез Михаилова 1"
    assert cyrillic[without.pk]["near"] == "Кнез Михаилова"
    assert cyrillic[with_address.pk]["page_url"] == (
        f"http://testserver/cir/mapa/kamere/{with_address.pk}/"
    )
    # The data's own address and the values a script reads stay as they are.
    assert cyrillic[with_address.pk]["url"].endswith(f"/api/cameras/{with_address.pk}.geojson")
    assert cyrillic[with_address.pk]["status"] == "verified"
    # The same request without it, answered after the Cyrillic one was cached: as recorded.
    for latin in (
        properties(client.get(GEOJSON)),
        properties(client.get(GEOJSON, {"script": "latin"})),
    ):
        assert latin[with_address.pk]["address"] == "Knez Mihailova 1"
        assert latin[without.pk]["near"] == "Knez Mihailova"
        assert latin[with_address.pk]["page_url"] == (
            f"http://testserver/mapa/kamere/{with_address.pk}/"
        )


def test_a_filtered_list_and_the_csv_take_the_script_too(client):
    vracar = MunicipalityFactory(slug="vracar")
    CameraFactory(address="Njegoševa 12", municipality=vracar)
    CameraFactory(address="Bulevar kralja Aleksandra 5")

    filtered = client.get(GEOJSON, {"municipality": "vracar", "script": "cyrillic"})
    assert [p["address"] for p in properties(filtered).values()] == ["Његошева 12"]

    response = client.get(CSV, {"script": "cyrillic"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    # The columns are names a program reads: they stay as they are.
    assert {row["address"] for row in rows} == {"Булевар краља Александра 5", "Његошева 12"}


def test_a_cameras_record_writes_its_operator_in_cyrillic_and_names_as_written(client):
    camera = CameraFactory(
        address="Knez Mihailova 1",
        operator="Grad Beograd",
        manufacturer="Hikvision",
        model="DS-2CD",
    )
    feature = client.get(f"/api/cameras/{camera.pk}.geojson", {"script": "cyrillic"}).json()
    assert feature["properties"]["address"] == "Кнез Михаилова 1"
    assert feature["properties"]["operator"] == "Град Београд"
    assert feature["properties"]["manufacturer"] == "Hikvision"
    assert feature["properties"]["model"] == "DS-2CD"
    latin = client.get(f"/api/cameras/{camera.pk}.geojson").json()
    assert latin["properties"]["operator"] == "Grad Beograd"


@pytest.mark.parametrize("path", [GEOJSON, CSV, "/api/cameras/{pk}.geojson"])
def test_an_unknown_script_is_a_json_400_naming_it(client, path):
    camera = CameraFactory()
    response = client.get(
        path.format(pk=camera.pk), {"script": "glagolitic"}, headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "script must be one of: latin, cyrillic.",
        "parameter": "script",
    }


def test_an_editors_exception_reaches_the_cached_cyrillic_data(client, caches_on_redis):
    camera = CameraFactory(address="Delta siti 4")
    before = properties(client.get(GEOJSON, {"script": "cyrillic"}))[camera.pk]["address"]
    assert before == "Делта сити 4"

    # The name as the mall writes it: the whole set's answer is cached, and made anew.
    TransliterationException.objects.create(word="Delta", cyrillic="")

    after = properties(client.get(GEOJSON, {"script": "cyrillic"}))[camera.pk]["address"]
    assert after == "Delta сити 4"


def preloaded(page):
    return re.search(r'<link rel="preload" href="([^"]+)" as="fetch"', page)[1]


def test_the_cyrillic_map_asks_for_cyrillic_data_and_preloads_that_answer(client):
    map_pages()
    cyrillic = client.get("/cir/mapa/").content.decode()
    assert 'data-api-script="script=cyrillic"' in cyrillic
    # What camera-map.js asks: the filters, then the script.
    assert preloaded(cyrillic) == "/api/cameras.geojson?status=verified&amp;script=cyrillic"
    latin = client.get("/mapa/").content.decode()
    assert "data-api-script" not in latin
    assert preloaded(latin) == "/api/cameras.geojson?status=verified"


def test_the_open_data_form_offers_the_readers_script_first(client):
    for path, chosen in [("/mapa/podaci/", "latin"), ("/cir/mapa/podaci/", "cyrillic")]:
        page = client.get(path).content.decode()
        checked = re.findall(r'<input type="radio" name="script" value="(\w+)"[^>]* checked', page)
        assert checked == [chosen], path


def test_the_editors_exceptions_are_read_once_for_all_the_cameras(client, monkeypatch):
    # Outside a Cyrillic page's request every read is a round trip to the shared cache: one per
    # camera would be a hundred thousand for a city's cameras.
    CameraFactory.create_batch(25, address="Knez Mihailova 1")
    reads = []
    current = EDITORS_EXCEPTIONS.current
    monkeypatch.setattr(EDITORS_EXCEPTIONS, "current", lambda: reads.append(1) or current())
    for query in ({"script": "cyrillic"}, {"script": "cyrillic", "bbox": "19,44,21,46"}):
        response = client.get(GEOJSON, query, headers={"accept-language": "en"})
        assert {p["address"] for p in properties(response).values()} == {"Кнез Михаилова 1"}
    assert len(reads) == 2
