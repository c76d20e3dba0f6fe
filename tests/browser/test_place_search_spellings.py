"""The map's place search in the browser (static/map/camera-map.js `fold`) folds đ as the
server does (home/serbian.py `fold_text`): "Dure" finds "Đure" and "Djure" (issue 15)."""

import pytest
from wagtail.models import Page, Site

from ..home.factories import HomePageFactory
from ..map.factories import CameraFactory, MapPageFactory, MunicipalityFactory
from .test_map_page import drawn, tiles  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def djure_site(live_server):
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(title="Početna", slug="pocetna")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    MapPageFactory(parent=home)
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    CameraFactory(address="Đure Jakšića 3", municipality=zemun, latitude=44.84, longitude=20.41)
    # In another municipality: a street is one place per municipality, so both are listed.
    vracar = MunicipalityFactory(name="Vračar", slug="vracar")
    CameraFactory(address="Djure Jaksica 5", municipality=vracar, latitude=44.85, longitude=20.40)
    CameraFactory(address="Durmitorska 1", municipality=zemun, latitude=44.83, longitude=20.41)
    return live_server


def test_every_spelling_finds_the_addresses_with_either(djure_site, browser_page, tiles):  # noqa: F811
    browser_page.goto(f"{djure_site.url}/mapa/")
    drawn(browser_page, 3)
    search = browser_page.locator("input[name=place]")
    results = browser_page.locator("[data-place-results] li a")
    for query in ("Dure", "Djure jaksica", "ĐURE"):
        search.fill(query)
        search.press("Enter")
        results.first.wait_for()
        assert sorted(results.all_inner_texts()) == ["Djure Jaksica 5", "Đure Jakšića 3"], query
