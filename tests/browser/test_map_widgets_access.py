"""The small maps and the report's pages for keyboard, screen reader and phone users: the focus
never falls back to the page's start, the maps' buttons speak the page's language, and a long
word in an address or a reason never widens the page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from map.models import CameraReport
from tests.map.factories import CameraFactory, phone_photo
from tests.routes import in_serbian

from .test_map_page import TILE_HOST
from .test_report import new_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# An OpenStreetMap addr:full or an editor's reason may hold one long word (a link, say).
LONG_WORD = "https://example.org/" + "a" * 60


def test_using_the_photos_location_leaves_the_focus_on_what_happened(demo_site, browser):
    page = new_page(browser)
    page.goto(demo_site.url + "/en/map/report/")
    page.locator("#report-map .leaflet-tile-loaded").first.wait_for()
    page.get_by_label("Photo (optional)").set_input_files(
        files=[{"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()}]
    )
    use = page.get_by_role("button", name="Use the photo's location")
    use.focus()
    page.keyboard.press("Enter")
    expect(use).to_be_hidden()
    # Not on the page's body, where a screen reader would start over: on the message.
    focused = page.evaluate("[document.activeElement.id, document.activeElement.textContent]")
    assert focused[0] == "report-photo-location-status"
    assert focused[1].startswith("The photo's location is filled in.")


@pytest.mark.parametrize(
    "path", [in_serbian("map:report"), "/kampanje/radionica-mapiranje-kamera/", "/mapa/"]
)
def test_the_maps_zoom_buttons_speak_the_pages_language(demo_site, browser, path):
    page = new_page(browser)
    page.goto(demo_site.url + path)
    zoom_in = page.locator(".leaflet-control-zoom-in")
    zoom_in.wait_for()
    assert page.get_attribute("html", "lang") == "sr-latn"
    assert zoom_in.get_attribute("aria-label") == "Uvećajte"
    assert page.locator(".leaflet-control-zoom-out").get_attribute("aria-label") == "Umanjite"


def test_long_words_never_widen_the_camera_and_follow_up_pages(demo_site, browser):
    camera = CameraFactory(address=f"Knez Mihailova {LONG_WORD}")
    report = CameraReport.objects.create(
        latitude=camera.latitude,
        longitude=camera.longitude,
        kind=CameraReport.Kind.SEEN,
        camera=camera,
        status=CameraReport.Status.REJECTED,
        reviewed_at=timezone.now(),
        reason=f"See {LONG_WORD}",
    )
    page = new_page(browser)
    for path in (
        in_serbian("map:camera_page", camera.pk),
        in_serbian("map:report_follow", report.follow_token),
    ):
        page.goto(demo_site.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_the_follow_up_page_asks_nothing_of_other_hosts(demo_site, browser):
    """Its address is the key to the report: no tile server or other site sees it."""
    report = CameraReport.objects.create(latitude=44.81, longitude=20.46)
    page = new_page(browser)
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    response = page.goto(demo_site.url + in_serbian("map:report_follow", report.follow_token))
    page.wait_for_load_state("networkidle")
    assert hosts == {demo_site.url.split("/")[2]}
    assert TILE_HOST not in hosts
    assert response.headers["referrer-policy"] == "same-origin"
    assert page.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer"


def test_a_dollar_sign_in_an_address_is_shown_as_written(demo_site, browser):
    # String.replace reads "$&" in its replacement as "the text replaced": not in our data.
    CameraFactory(address="Kafana $& 12", latitude=44.8176, longitude=20.4569)
    page = new_page(browser)
    page.goto(demo_site.url + "/en/map/")
    page.wait_for_selector("[data-camera-map][data-cameras-drawn]")
    search = page.get_by_role("searchbox", name="Street or municipality")
    search.fill("kafana")
    search.press("Enter")
    page.locator(".camera-popup h2").get_by_text("Kafana $& 12").wait_for()
    status = page.locator("[data-camera-map-status]")
    assert status.inner_text() == "The map shows Kafana $& 12."
