"""The open data page in a real browser: accessible, fits a phone, its form downloads the data."""

import csv

import pytest

from map.api_responses import remembered
from map.models import Camera
from tests.browser.test_site import axe_violations
from tests.routes import in_serbian

from .factories import CameraFactory, MunicipalityFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(live_server):
    remembered.cache_clear()
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    return {"url": live_server.url, "vracar": vracar, "zemun": zemun}


@pytest.mark.parametrize("path", [in_serbian("map:open_data"), "/en/map/data/"])
def test_open_data_page_has_no_axe_violations(site, browser_page, path):
    browser_page.goto(site["url"] + path)
    assert axe_violations(browser_page) == []


def test_open_data_page_fits_a_small_phone(site, browser):
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto(site["url"] + "/en/map/data/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert scroll_width <= 320


def test_the_form_downloads_the_chosen_cameras_as_csv(site, browser_page, tmp_path):
    wanted = CameraFactory(municipality=site["vracar"], facial_recognition=True)
    CameraFactory(municipality=site["vracar"], facial_recognition=False)
    CameraFactory(municipality=site["zemun"], facial_recognition=True)
    CameraFactory(municipality=site["vracar"], status=Camera.Status.REJECTED)
    page = browser_page
    page.goto(site["url"] + "/en/map/data/")

    page.get_by_label("Municipality").select_option("vracar")
    page.get_by_label("Only cameras capable of facial recognition").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()

    assert download.value.suggested_filename == "cameras.csv"
    path = tmp_path / "cameras.csv"
    download.value.save_as(path)
    with path.open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert [int(row["id"]) for row in rows] == [wanted.pk]
    assert rows[0]["municipality"] == "vracar"
