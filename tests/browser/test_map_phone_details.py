"""The camera map on a phone (issue 15): the legend in the first screen, the keyboard's
crosshair only for the keyboard, and a credit line without Leaflet's English prefix."""

import pytest

from .test_map_page import TILE, TILE_HOST, drawn, map_site, popup_panned_into_view
from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["map_site"]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# A view of map_site's cameras with the middle of the map empty (the camera at 44.81, 20.46
# is some 200 px left of the centre).
VIEW = "#map=15/44.81/20.47"
CROSSHAIR = "() => getComputedStyle(document.querySelector('.camera-map__map'), '::after').content"
FOCUS = """() => {
    const map = document.querySelector('.camera-map__map');
    return [document.activeElement === map, map.matches(':focus-visible')];
}"""


@pytest.fixture
def open_page(browser):
    """`open_page(url, viewport, touch=False)`: a page in a fresh context (a phone's screen
    can be touched), blank tiles from the tile server, the map's cameras drawn."""
    contexts = []

    def open_(url, viewport, touch=False):
        context = browser.new_context(viewport=viewport, has_touch=touch)
        contexts.append(context)
        page = context.new_page()
        page.route(
            f"https://{TILE_HOST}/**",
            lambda route: route.fulfill(status=200, body=TILE, content_type="image/png"),
        )
        page.goto(url)
        drawn(page, 5)
        return page

    yield open_
    for context in contexts:
        context.close()


def test_a_tap_or_a_click_on_the_map_shows_no_crosshair_the_keyboard_does(map_site, open_page):
    page = open_page(f"{map_site.url}/mapa/{VIEW}", PHONE, touch=True)
    page.tap(".camera-map__map")
    # The tap focused the map (the keys work on it then), but as a pointer's focus.
    assert page.evaluate(FOCUS) == [True, False]
    assert page.evaluate(CROSSHAIR) == "none"
    assert not page.locator(".camera-popup").count()

    # Tab to the map: the crosshair marks its centre.
    page.locator(".map-page__skip").focus()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS) == [True, True]
    assert page.evaluate(CROSSHAIR) == '""'

    desktop = open_page(f"{map_site.url}/en/map/{VIEW}", DESKTOP)
    desktop.locator(".camera-map__map").click()
    assert desktop.evaluate(FOCUS) == [True, False]
    assert desktop.evaluate(CROSSHAIR) == "none"
    desktop.locator(".map-page__skip").focus()
    desktop.keyboard.press("Tab")
    assert desktop.evaluate(CROSSHAIR) == '""'


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def inside(inner, outer):
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
    )


def overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("path", ["/mapa/", "/en/map/"])
def test_the_legend_is_in_a_phones_first_screen_over_the_map(map_site, open_page, path):
    page = open_page(map_site.url + path, PHONE, touch=True)
    screen = {"x": 0, "y": 0, **PHONE}
    map_box = box(page, ".camera-map__map")
    toggle = page.locator(".camera-map__key-toggle")
    # Closed on a phone: the map keeps its corner, the legend one tap away.
    assert toggle.is_visible() and page.locator(".camera-map__legend").is_hidden()
    assert inside(toggle.bounding_box(), screen) and inside(toggle.bounding_box(), map_box)
    toggle.tap()
    legend = page.locator(".camera-map__legend")
    assert legend.is_visible()
    assert inside(legend.bounding_box(), screen) and inside(legend.bounding_box(), map_box)
    # Nothing on the map lies over another: the zoom buttons, the credits and the legend.
    zoom = box(page, ".leaflet-control-zoom")
    credits = box(page, ".leaflet-control-attribution")
    key = box(page, ".camera-map__key")
    assert not overlap(key, zoom) and not overlap(key, credits) and not overlap(zoom, credits)
    assert axe_violations(page) == []
    # In the reading order right after the map, before the lines under it.
    assert page.locator(".camera-map__map + .camera-map__corner > .camera-map__key").count() == 1

    # Touching the map puts it away; a popup says in words what its camera is, and the
    # legend steps aside while it is open.
    page.evaluate("location.hash = '#map=17/44.81/20.46'")
    page.wait_for_function("() => location.hash === '#map=17/44.81000/20.46000'")
    page.locator(".camera-map__map").tap(position={"x": 30, "y": map_box["height"] - 60})
    assert legend.is_hidden()
    page.wait_for_timeout(500)  # two quick taps are a double tap, which zooms in
    page.locator(".camera-map__map").tap()
    page.locator(".camera-popup").wait_for()
    assert toggle.is_hidden()
    popup_panned_into_view(page)
    page.locator(".leaflet-popup-close-button").tap()
    toggle.wait_for()


# Every colour the map paints its symbols in (the custom properties camera-map.js reads) and the
# colours of the legend's swatches.
COLOURS = """() => {
    const style = getComputedStyle(document.querySelector('[data-camera-map]'));
    const painted = ['--camera-facial', '--camera-other', '--camera-group', '--camera-here']
        .map((name) => style.getPropertyValue(name).trim());
    const probe = document.createElement('i');
    document.body.append(probe);
    const rgb = (colour) => { probe.style.color = colour; return getComputedStyle(probe).color; };
    const swatches = new Set();
    for (const shape of document.querySelectorAll('.camera-map__legend svg > *')) {
        const shown = getComputedStyle(shape);
        for (const colour of [shown.fill, shown.stroke]) swatches.add(colour);
    }
    return [painted.map(rgb), [...swatches]];
}"""


def test_the_legend_shows_every_colour_the_map_paints_and_opens_beside_a_large_map(
    map_site, open_page
):
    page = open_page(f"{map_site.url}/en/map/", DESKTOP)
    painted, swatches = page.evaluate(COLOURS)
    assert "" not in painted
    assert set(painted) <= set(swatches)
    # The groups' two rings: white, and red where some of their cameras recognise faces.
    rings = page.locator(".camera-map__legend .swatch__group").evaluate_all(
        "shapes => shapes.map((shape) => getComputedStyle(shape).stroke)"
    )
    assert rings == ["rgb(255, 255, 255)", painted[0]]
    # A desktop's map has room for the legend: open, inside the map, over none of its controls.
    legend = page.locator(".camera-map__legend")
    assert legend.is_visible()
    map_box = box(page, ".camera-map__map")
    assert inside(legend.bounding_box(), map_box)
    key = box(page, ".camera-map__key")
    for control in [".leaflet-control-zoom", ".leaflet-control-attribution"]:
        assert not overlap(key, box(page, control)), control


def test_the_credit_line_has_no_english_prefix_and_keeps_openstreetmaps_credit(map_site, open_page):
    page = open_page(f"{map_site.url}/mapa/", PHONE)
    credits = page.locator(".leaflet-control-attribution")
    text = credits.inner_text()
    assert "Leaflet" not in text
    assert credits.locator("svg, [title]").count() == 0  # no flag, no English title
    assert text.startswith("© OpenStreetMap contributors")
    osm = credits.get_by_role("link", name="OpenStreetMap")
    assert osm.get_attribute("href") == "https://www.openstreetmap.org/copyright"
    # One line on a phone.
    assert credits.bounding_box()["height"] < 24
