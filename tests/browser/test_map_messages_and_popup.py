"""The camera map on a phone: "near me" answers where the reader looks, the popup clears the
zoom buttons and has buttons a finger can hit, its dates read as the camera's page writes them,
and the filters' panel tells what a change did (issue 15, H2)."""

import math
from datetime import UTC, datetime

import pytest

from map.models import Camera

from .test_map_page import (
    CENTRE,
    TILE,
    TILE_HOST,
    VIEW,
    drawn,
    map_site,
    open_filters,
    popup_panned_into_view,
    tiles,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Fixtures from the map page's tests, used here by name.
__all__ = ["map_site", "tiles"]


def in_first_screen(page, locator):
    box = locator.bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


def test_near_me_refused_says_so_in_the_first_screen(map_site, browser):
    # No permission to know the position: the browser refuses, as when a reader says no.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, body=TILE, content_type="image/png"),
    )
    page.goto(f"{map_site.url}/en/map/")
    drawn(page, 5)
    page.get_by_role("button", name="Near me").click()
    message = page.locator("[data-place-results] [role=status]")
    message.get_by_text("The browser did not allow your position to be found.").wait_for()
    assert message.inner_text() == (
        "The browser did not allow your position to be found. Allow location for this site,"
        " or type a street or municipality."
    )
    assert message.is_visible() and in_first_screen(page, message)
    # The box lies over the map: a finger puts it away.
    page.locator("[data-place-results]").get_by_role("button", name="Close").click()
    assert page.locator("[data-place-results]").is_hidden()
    context.close()


def test_near_me_found_says_so_in_the_first_screen(map_site, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        geolocation={"latitude": 44.8123, "longitude": 20.4567},
        permissions=["geolocation"],
        locale="sr-Latn",
    )
    page = context.new_page()
    page.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, body=TILE, content_type="image/png"),
    )
    page.goto(f"{map_site.url}/mapa/")
    drawn(page, 5)
    page.locator("[data-place-locate]").click()
    message = page.locator("[data-place-results] [role=status]")
    message.get_by_text("Mapa prikazuje gde ste.", exact=False).wait_for()
    assert in_first_screen(page, message)
    context.close()


def pixel(latitude, longitude, zoom):
    """Leaflet's world pixel (Web Mercator, 256-px tiles) of a point."""
    scale = 256 * 2**zoom
    sin = math.sin(math.radians(latitude))
    x = (longitude + 180) / 360 * scale
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale
    return x, y


def unpixel(x, y, zoom):
    scale = 256 * 2**zoom
    longitude = x / scale * 360 - 180
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / scale))))
    return latitude, longitude


OVERLAP = """([a, b]) => {
    const one = document.querySelector(a).getBoundingClientRect();
    const two = document.querySelector(b).getBoundingClientRect();
    return one.left < two.right && two.left < one.right
        && one.top < two.bottom && two.top < one.bottom;
}"""


def test_a_popup_near_the_top_left_clears_the_zoom_buttons(map_site, browser_page, tiles):
    page = browser_page
    page.goto(f"{map_site.url}/en/map/{VIEW}")
    drawn(page, 5)
    box = page.locator(".camera-map__map").bounding_box()
    # A view with the camera 64 px from the map's left and 30 px from its top: right of the
    # zoom buttons, so that a tap reaches it, and where its popup would open under them.
    zoom = 17
    camera_x, camera_y = pixel(*CENTRE, zoom)
    latitude, longitude = unpixel(
        camera_x - 64 + box["width"] / 2, camera_y - 30 + box["height"] / 2, zoom
    )
    page.goto(f"{map_site.url}/en/map/#map={zoom}/{latitude:.5f}/{longitude:.5f}")
    page.wait_for_function(f"() => location.hash.endsWith('/{longitude:.5f}')")
    # A new page: its cameras come after its first tiles.
    page.wait_for_selector("[data-camera-map][data-cameras-drawn]")
    page.mouse.click(box["x"] + 64, box["y"] + 30)
    popup = page.locator(".camera-popup")
    popup.get_by_text("Huawei").wait_for()
    popup_panned_into_view(page)
    page.wait_for_timeout(400)  # the pan's animation
    assert popup.locator("h2").inner_text() == "Knez Mihailova 1"
    for part in [".camera-popup__title", ".leaflet-popup-content-wrapper"]:
        assert not page.evaluate(OVERLAP, [part, ".leaflet-control-zoom"]), part

    # "I saw it too" and "It's gone": buttons at least 44 px tall, one per row on a phone.
    boxes = [
        popup.get_by_role("link", name=name).bounding_box()
        for name in ["I saw it too", "It's gone"]
    ]
    assert all(box["height"] >= 44 for box in boxes)
    assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"]
    # The site's own buttons, not a copy of their rules.
    for name in ["I saw it too", "It's gone"]:
        assert "button" in popup.get_by_role("link", name=name).get_attribute("class").split()


@pytest.mark.parametrize(
    ("path", "expected"), [("/mapa/", "29. decembra 2019."), ("/en/map/", "Dec. 29, 2019")]
)
def test_the_popups_dates_read_as_the_camera_page_writes_them(
    map_site, browser_page, tiles, path, expected
):
    # Late on 28 December in UTC, the 29th in Belgrade: the day is the city's, as on the page.
    Camera.objects.filter(address="Knez Mihailova 1").update(
        first_reported_at=datetime(2019, 12, 28, 23, 30, tzinfo=UTC)
    )
    page = browser_page
    page.goto(f"{map_site.url}{path}{VIEW}")
    drawn(page, 5)
    page.locator(".camera-map__map").click()  # the centre, where the camera is
    popup = page.locator(".camera-popup")
    popup.wait_for()
    first_reported = popup.locator("dd").nth(1)
    assert first_reported.inner_text() == expected
    camera_page = popup.locator(".camera-popup__page a").get_attribute("href")
    page.goto(f"{map_site.url}{camera_page}")
    assert page.locator("time").first.inner_text() == expected


def test_the_filters_panel_shows_what_a_change_did(map_site, browser_page, tiles):
    page = browser_page
    page.goto(f"{map_site.url}/en/map/")
    drawn(page, 5)
    open_filters(page)
    page.get_by_label("Only cameras capable of facial recognition").check()
    drawn(page, 3)
    count = page.locator("#camera-filters .camera-map__filter-count")
    assert count.inner_text() == "Cameras shown: 3"
    assert count.is_visible() and in_first_screen(page, count)
