"""A camera's own page in a real browser: its small map, what it asks of other hosts, axe."""

from urllib.parse import urlsplit

import pytest
import wagtail_factories

from map.models import CameraPhoto
from tests.routes import in_english, in_serbian

from ..map.factories import CameraFactory, MunicipalityFactory, map_pages
from .test_map_page import TILE_HOST
from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def camera(live_server):
    """A camera with a direction and a photo, under map pages in both languages."""
    map_pages()
    camera = CameraFactory(
        latitude=44.81,
        longitude=20.46,
        municipality=MunicipalityFactory(name="Stari Grad", slug="stari-grad"),
        address="Knez Mihailova 1",
        direction=90,
    )
    image = wagtail_factories.ImageFactory(file__width=900, file__height=600)
    CameraPhoto.objects.create(camera=camera, image=image)
    return camera


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["", "/en"])
def test_camera_page_shows_where_it_is_with_nothing_from_elsewhere_but_tiles(
    live_server, browser, camera, width, language
):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    asked = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(status=200, body=b"", content_type="image/png")

    page.route(f"https://{TILE_HOST}/**", answer)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    path = (in_english if language else in_serbian)("map:camera_page", camera.pk)
    page.goto(f"{live_server.url}{path}")
    # The map appears with the camera and its cone drawn where the camera is.
    page.locator(".camera-page__map path.camera-page__marker").wait_for()
    assert page.locator(".camera-page__map path.camera-page__cone").count() == 1
    marker = page.locator(".camera-page__map path.camera-page__marker").bounding_box()
    map_box = page.locator(".camera-page__map").bounding_box()
    centre = (map_box["x"] + map_box["width"] / 2, map_box["y"] + map_box["height"] / 2)
    assert abs(marker["x"] + marker["width"] / 2 - centre[0]) < 2
    assert abs(marker["y"] + marker["height"] / 2 - centre[1]) < 2
    # The tiles' credit, without Leaflet's English prefix.
    credit = page.locator(".camera-page__map .leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" in credit and "Leaflet" not in credit
    page.wait_for_load_state("networkidle")
    assert asked, "the map asks for tiles"
    assert hosts == {urlsplit(live_server.url).netloc, TILE_HOST}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    context.close()


def test_without_javascript_the_coordinates_say_where(live_server, browser, camera):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/map/cameras/{camera.pk}/")
    assert page.locator(".camera-page__map").is_hidden()
    assert "44.810000, 20.460000" in page.locator("main").inner_text()
    context.close()
