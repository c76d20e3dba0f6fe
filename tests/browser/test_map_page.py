"""The camera map in a real browser: drawing, filters, the address, popups, tiles, privacy."""

import base64
from urllib.parse import parse_qs, urlsplit

import pytest
import wagtail_factories
from django.conf import settings

from map.models import Camera, CameraPhoto, Municipality

from ..map.factories import CameraFactory, MunicipalityFactory, map_pages
from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TILE_HOST = urlsplit(settings.MAP_TILE_URL).netloc
# A transparent one-pixel PNG: what the tile server answers here, where there is no internet.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
# The camera the tests open: alone at the centre of the view below.
CENTRE = (44.81, 20.46)
VIEW = f"#map=17/{CENTRE[0]}/{CENTRE[1]}"


@pytest.fixture
def map_site(live_server):
    """Map pages in both languages; 5 verified cameras (3 capable of facial recognition) and
    2 reported ones, one of them demo data."""
    map_pages()
    vracar = MunicipalityFactory(name="Vračar", slug="vracar", police_list_count=2)
    zemun = MunicipalityFactory(name="Zemun", slug="zemun", police_list_count=9)
    centre_camera = CameraFactory(
        latitude=CENTRE[0],
        longitude=CENTRE[1],
        municipality=vracar,
        direction=90,
        address="Knez Mihailova 1",
        on_police_list=True,
        camera_type="panning",
        manufacturer="Huawei",
    )
    centre_camera.photos.add(CameraPhoto(image=wagtail_factories.ImageFactory()))
    centre_camera.save()
    CameraFactory(latitude=44.82, longitude=20.40, municipality=vracar, source="osm")
    CameraFactory(latitude=44.84, longitude=20.41, municipality=zemun)
    CameraFactory.create_batch(
        2, municipality=zemun, facial_recognition=False, camera_type="fixed", latitude=44.79
    )
    CameraFactory(status=Camera.Status.REPORTED, municipality=zemun, latitude=44.80)
    CameraFactory(status=Camera.Status.REPORTED, source=Camera.Source.DEMO, latitude=44.83)
    return live_server


@pytest.fixture
def tiles(browser_page):
    """Tile requests answered with a blank tile; returns the list of tiles asked for."""
    asked = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(status=200, body=TILE, content_type="image/png")

    browser_page.route(f"https://{TILE_HOST}/**", answer)
    return asked


def drawn(page, count):
    """Wait until the map has drawn `count` cameras."""
    page.wait_for_selector(f'[data-camera-map][data-cameras-drawn="{count}"]')


def popup_panned_into_view(page):
    """Wait until the map has panned to show the open popup whole."""
    page.wait_for_function(
        """() => {
            const map = document.querySelector('.camera-map__map').getBoundingClientRect();
            const popup = document.querySelector('.leaflet-popup-content-wrapper')
                .getBoundingClientRect();
            return popup.left >= map.left && popup.right <= map.right
                && popup.top >= map.top && popup.bottom <= map.bottom;
        }""",
        timeout=5000,
    )


def test_cameras_are_drawn_and_nothing_but_tiles_comes_from_elsewhere(
    map_site, browser_page, tiles
):
    hosts = set()
    browser_page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    browser_page.goto(map_site.url + "/mapa/")
    drawn(browser_page, 5)
    browser_page.wait_for_load_state("networkidle")
    # The Serbian page says so in Serbian ("Cameras shown: 5").
    assert browser_page.locator("[data-camera-map-status]").inner_text() == "Prikazano kamera: 5"
    assert tiles, "the map asks for tiles"
    assert hosts == {urlsplit(map_site.url).netloc, TILE_HOST}
    # The data's credit joins the tiles' (both OpenStreetMap's: said once).
    credits = browser_page.locator(".leaflet-control-attribution").inner_text()
    assert "Kamere contributors" in credits
    assert credits.count("OpenStreetMap contributors") == 1
    # One canvas holds every camera: no element per marker.
    assert browser_page.locator(".leaflet-overlay-pane canvas").count() == 1
    assert browser_page.locator(".leaflet-marker-icon").count() == 0


def test_cameras_are_drawn_when_tiles_fail(map_site, browser_page):
    browser_page.route(f"https://{TILE_HOST}/**", lambda route: route.abort())
    browser_page.goto(map_site.url + "/en/map/")
    drawn(browser_page, 5)
    notice = browser_page.locator(".camera-map__tiles-failed")
    notice.wait_for()
    assert notice.inner_text() == (
        "The map background could not be loaded; the cameras are still shown."
    )


def wait_for_table_total(page, text):
    """Wait until the table (reloaded from the server) shows this total of cameras."""
    page.wait_for_function(
        "text => (document.querySelector('#camera-figures tfoot td')?.textContent ?? null)"
        " === text",
        arg=text,
    )


def test_filters_redraw_the_map_and_the_table_and_go_into_the_address(
    map_site, browser_page, tiles
):
    browser_page.goto(map_site.url + "/en/map/")
    drawn(browser_page, 5)
    demo_notice = browser_page.locator("[data-camera-map-demo]")
    assert demo_notice.is_hidden()

    open_filters(browser_page)
    browser_page.get_by_label("Only cameras capable of facial recognition").check()
    drawn(browser_page, 3)
    wait_for_table_total(browser_page, "3")
    assert parse_qs(urlsplit(browser_page.url).query)["facial_recognition"] == ["true"]

    browser_page.get_by_label("Municipality", exact=True).select_option("zemun")
    drawn(browser_page, 1)
    wait_for_table_total(browser_page, None)  # one municipality's row: no total
    browser_page.get_by_label("Verified and reported cameras").check()
    drawn(browser_page, 2)
    query = parse_qs(urlsplit(browser_page.url).query)
    assert query == {
        "status": ["all"],
        "municipality": ["zemun"],
        "facial_recognition": ["true"],
    }

    browser_page.get_by_label("Municipality", exact=True).select_option("")
    drawn(browser_page, 5)  # 3 verified and 2 reported, one of them demo data
    demo_notice.wait_for(state="visible")
    wait_for_table_total(browser_page, "5")


def open_filters(page):
    """Open the filters' panel (a disclosure above the map)."""
    page.locator(".map-page__filters-toggle").click()
    page.locator("#camera-filters").wait_for()


# The map's box in the window, and how much of the window's height it fills on screen.
MAP_BOX = """() => {
    const box = document.querySelector('.camera-map__map').getBoundingClientRect();
    const visible = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
    return { top: box.top, height: box.height, share: visible / innerHeight };
}"""


@pytest.mark.parametrize(
    ("path", "size"),
    [
        ("/mapa/", (390, 844)),
        ("/en/map/", (390, 844)),
        ("/mapa/", (1280, 800)),
        ("/en/map/?status=all&facial_recognition=true", (1280, 800)),
    ],
)
def test_the_map_fills_the_first_screen(map_site, browser_page, tiles, path, size):
    width, height = size
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(map_site.url + path)
    browser_page.wait_for_selector("[data-camera-map][data-cameras-drawn]")
    box = browser_page.evaluate(MAP_BOX)
    assert 0 < box["top"] < height / 2, box
    assert box["share"] >= 0.6, box
    assert box["height"] <= height, box  # the page can still be scrolled past it
    # The place search's box has room for what the reader types (Serbian labels are long).
    search_box = browser_page.locator(".map-search__input").bounding_box()
    assert search_box["width"] >= 120, search_box
    # The filters' panel opens over the map: the map stays where it is.
    open_filters(browser_page)
    assert browser_page.evaluate(MAP_BOX) == box
    assert browser_page.locator("#id_municipality").is_visible()
    assert axe_violations(browser_page) == []


def map_view(page):
    """The map's view as the address says it: (zoom, latitude, longitude)."""
    zoom, latitude, longitude = urlsplit(page.url).fragment.removeprefix("map=").split("/")
    return int(zoom), float(latitude), float(longitude)


def test_choosing_a_municipality_zooms_the_map_to_it(map_site, browser_page, tiles):
    # Away from the others and the city's centre, where the map starts.
    sopot = MunicipalityFactory(name="Sopot", slug="sopot")
    CameraFactory(latitude=44.52, longitude=20.57, municipality=sopot)
    CameraFactory(latitude=44.53, longitude=20.59, municipality=sopot)
    browser_page.goto(map_site.url + "/en/map/")
    drawn(browser_page, 7)
    start = map_view(browser_page)
    assert start == (settings.MAP_ZOOM, settings.MAP_CENTER["lat"], settings.MAP_CENTER["lng"])

    open_filters(browser_page)
    browser_page.get_by_label("Municipality", exact=True).select_option("sopot")
    drawn(browser_page, 2)
    browser_page.wait_for_function(f"() => !location.hash.startsWith('#map={start[0]}/')")
    zoom, latitude, longitude = map_view(browser_page)
    assert zoom > settings.MAP_ZOOM
    assert latitude == pytest.approx(44.525, abs=0.002)
    assert longitude == pytest.approx(20.58, abs=0.002)
    # "Show" applies the filters and folds the panel away, leaving the focus on its button.
    browser_page.get_by_role("button", name="Show").click()
    assert not browser_page.evaluate("document.querySelector('.map-page__filters').open")
    assert browser_page.evaluate("document.activeElement.tagName") == "SUMMARY"
    # The button says a filter is on (the server's count, brought with the table).
    browser_page.locator(".map-page__filters-count").get_by_text("1").wait_for()

    # Every municipality again: the whole city.
    open_filters(browser_page)
    browser_page.get_by_label("Municipality", exact=True).select_option("")
    drawn(browser_page, 7)
    browser_page.wait_for_function(f"() => location.hash.startsWith('#map={start[0]}/')")
    assert map_view(browser_page) == start

    # A shared address with a municipality, but no view, opens on the municipality.
    browser_page.goto(map_site.url + "/en/map/?municipality=sopot")
    drawn(browser_page, 2)
    zoom, latitude, longitude = map_view(browser_page)
    assert zoom > settings.MAP_ZOOM
    assert latitude == pytest.approx(44.525, abs=0.002)


# The right edges of the table's "Difference" heading and of the table's visible part.
DIFFERENCE_EDGE = """() => {
    const region = document.querySelector('#camera-figures [role=region]');
    const heading = [...region.querySelectorAll('thead th')]
        .find((th) => th.textContent.trim().startsWith('Razlika'));
    return [heading.getBoundingClientRect().right, region.getBoundingClientRect().right,
            innerWidth];
}"""


def test_the_tables_difference_shows_on_a_phone_without_scrolling(map_site, browser_page, tiles):
    browser_page.goto(map_site.url + "/mapa/")
    drawn(browser_page, 5)
    difference, region, window = browser_page.evaluate(DIFFERENCE_EDGE)
    assert difference <= region <= window


def test_the_address_restores_the_view_and_the_filters(map_site, browser_page, tiles):
    browser_page.goto(f"{map_site.url}/en/map/?status=all{VIEW}")
    drawn(browser_page, 7)
    assert browser_page.get_by_label("Verified and reported cameras").is_checked()
    report = browser_page.get_by_role("link", name="Report a camera here")
    assert report.get_attribute("href") == "/en/map/report/?lat=44.810000&lon=20.460000"

    assert urlsplit(browser_page.url).fragment == "map=17/44.81000/20.46000"

    # Moving the map updates the address and the report link.
    browser_page.locator(".camera-map__map").focus()
    browser_page.keyboard.press("ArrowUp")
    browser_page.wait_for_function("() => location.hash !== '#map=17/44.81000/20.46000'")
    zoom, latitude, longitude = urlsplit(browser_page.url).fragment.removeprefix("map=").split("/")
    assert zoom == "17" and float(latitude) > CENTRE[0] and longitude == "20.46000"
    spot = parse_qs(urlsplit(report.get_attribute("href")).query)
    assert float(spot["lat"][0]) == pytest.approx(float(latitude), abs=1e-5)


# In one go, with nothing else running in between: a new view in the address that the map pans
# to (an animation of a quarter of a second), then, while it pans, another view; the page is
# then kept busy past the pan's end, so that the pan ends and writes its own view into the
# address before the second hashchange event is handled. Returns whether the map was panning.
VIEW_DURING_A_PAN = """async () => {
    location.hash = '#map=17/44.811/20.46';
    await new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
    const panning = Boolean(document.querySelector('.leaflet-pan-anim'));
    location.hash = '#map=17/44.81/20.47';
    const start = performance.now();
    while (performance.now() - start < 400);
    return panning;
}"""


def test_a_view_put_in_the_address_while_the_map_pans_is_not_lost(map_site, browser_page, tiles):
    browser_page.goto(f"{map_site.url}/en/map/{VIEW}")
    drawn(browser_page, 5)
    assert browser_page.evaluate(VIEW_DURING_A_PAN)
    browser_page.wait_for_function("() => location.hash === '#map=17/44.81000/20.47000'")


def test_popup_opens_on_click_with_the_cameras_details(map_site, browser_page, tiles):
    browser_page.goto(f"{map_site.url}/en/map/{VIEW}")
    drawn(browser_page, 5)
    browser_page.locator(".camera-map__map").click()  # the centre, where the camera is
    popup = browser_page.locator(".camera-popup")
    popup.wait_for()
    # Titled with its address, then where and what it is, in words.
    assert popup.locator("h2").inner_text() == "Knez Mihailova 1"
    assert popup.locator(".camera-popup__place").inner_text() == "Vračar"
    assert popup.locator(".camera-popup__what").inner_text() == (
        "Panning camera, verified, capable of facial recognition, on the police list"
    )
    details = popup.locator("dl")
    for text in ["Verified", "90° from north"]:
        assert text in details.inner_text()
    # Links to the camera's page and to the report form, about this camera.
    pk = Camera.objects.get(address="Knez Mihailova 1").pk
    assert popup.get_by_role("link", name="Camera's page").get_attribute("href") == (
        f"/en/map/cameras/{pk}/"
    )
    assert popup.get_by_role("link", name="I saw it too").get_attribute("href") == (
        f"/en/map/report/?camera={pk}&kind=seen"
    )
    assert popup.get_by_role("link", name="It's gone").get_attribute("href") == (
        f"/en/map/report/?camera={pk}&kind=gone"
    )
    # Details from the camera's own record arrive after the popup opens, with its photo.
    details.get_by_text("Huawei").wait_for()
    popup.get_by_role("img", name="Photo of the camera").wait_for()
    browser_page.wait_for_function(
        "() => document.querySelector('.camera-popup__photo').naturalWidth > 0"
    )
    assert (
        popup.get_by_role("link", name="The camera's data (GeoJSON)")
        .get_attribute("href")
        .endswith(".geojson")
    )


def test_popup_opens_and_closes_from_the_keyboard(map_site, browser_page, tiles):
    browser_page.goto(f"{map_site.url}/en/map/{VIEW}")
    drawn(browser_page, 5)
    browser_page.locator(".camera-map__map").focus()
    browser_page.keyboard.press("Enter")
    browser_page.locator(".camera-popup").get_by_text("Huawei").wait_for()
    # Still in the popup once its details have arrived and it has grown to fit them.
    assert browser_page.evaluate("document.activeElement.className") == "camera-popup"
    browser_page.keyboard.press("Escape")
    browser_page.locator(".camera-popup").wait_for(state="detached")
    assert browser_page.evaluate("document.activeElement.classList.contains('camera-map__map')")

    # Away from any camera, Enter says so instead.
    browser_page.evaluate("location.hash = '#map=17/44.81/20.47'")
    browser_page.wait_for_function("() => location.hash === '#map=17/44.81000/20.47000'")
    browser_page.keyboard.press("Enter")
    status = browser_page.locator("[data-camera-map-status]")
    assert status.inner_text().startswith("No camera at the centre of the map.")


# How many pixels of the direction cones' canvas are painted.
CONE_PIXELS = """() => {
    const canvas = document.querySelector('.leaflet-camera-cones-pane canvas');
    if (!canvas) return 0;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha]) painted++;
    return painted;
}"""


def test_direction_cones_are_drawn_when_zoomed_in(map_site, browser_page, tiles):
    browser_page.goto(f"{map_site.url}/en/map/{VIEW}")
    drawn(browser_page, 5)
    browser_page.wait_for_function(f"() => ({CONE_PIXELS})() > 100")
    # A new view in the address (the browser's back button, an edited link) moves the map.
    browser_page.goto(f"{map_site.url}/en/map/#map=12/{CENTRE[0]}/{CENTRE[1]}")
    browser_page.wait_for_function(f"() => ({CONE_PIXELS})() === 0")


@pytest.mark.parametrize("path", ["/mapa/", "/en/map/?status=all", "/en/map/embed/"])
def test_map_pages_have_no_axe_violations(map_site, browser_page, tiles, path):
    browser_page.goto(map_site.url + path)
    drawn(browser_page, 7 if "all" in path else 5)
    assert axe_violations(browser_page) == []


def test_other_sites_may_frame_the_embed_only(map_site, framing_page, browser_page, tiles):
    browser_page.goto(
        framing_page(embed=f"{map_site.url}/en/map/embed/", page=f"{map_site.url}/en/map/")
    )
    embed = browser_page.frame_locator('iframe[title="embed"]')
    embed.locator('[data-camera-map][data-cameras-drawn="5"]').wait_for()
    assert embed.get_by_role("link", name="The full map").get_attribute("target") == "_blank"
    browser_page.wait_for_load_state("networkidle")
    page = browser_page.frame_locator('iframe[title="page"]')
    assert page.locator("[data-camera-map]").count() == 0
    assert any(frame.url.startswith("chrome-error:") for frame in browser_page.frames)


def map_counts(page):
    """How many groups and single cameras the map draws in its view."""
    return page.evaluate(
        """() => {
            const map = document.querySelector('[data-camera-map]').dataset;
            return [Number(map.groupsDrawn), Number(map.singlesDrawn)];
        }"""
    )


def test_cameras_close_together_are_drawn_as_a_group_that_splits_as_you_zoom_in(
    map_site, browser_page, tiles
):
    # 30 cameras within some 50 metres of each other, east of the others.
    spot = (44.8, 20.55)
    for number in range(30):
        CameraFactory(latitude=spot[0] + number * 1e-5, longitude=spot[1] + (number % 5) * 1e-4)
    browser_page.goto(f"{map_site.url}/en/map/#map=13/{spot[0]}/{spot[1]}")
    drawn(browser_page, 35)
    groups, singles = map_counts(browser_page)
    assert groups >= 1
    assert singles < 35 - 30 + 1  # the 30 are not drawn one by one
    # One canvas still: groups are painted on it, no element per group.
    assert browser_page.locator(".leaflet-overlay-pane canvas").count() == 1
    assert browser_page.locator(".leaflet-marker-icon").count() == 0

    # The keyboard crosshair on the group and Enter: the map zooms in on it and says so.
    browser_page.locator(".camera-map__map").focus()
    browser_page.keyboard.press("Enter")
    status = browser_page.locator("[data-camera-map-status]")
    browser_page.wait_for_function("() => !location.hash.startsWith('#map=13/')")
    assert status.inner_text() == "30 cameras here: the map zoomed in on them."
    assert map_view(browser_page)[0] > 13

    # Far enough in, every camera is drawn on its own.
    browser_page.evaluate(f"location.hash = '#map=17/{spot[0] + 0.00015}/{spot[1] + 0.0002}'")
    browser_page.wait_for_function("() => location.hash.startsWith('#map=17/')")
    browser_page.wait_for_function(
        "() => document.querySelector('[data-camera-map]').dataset.groupsDrawn === '0'"
    )
    assert map_views_singles(browser_page) >= 30


def map_views_singles(page):
    return map_counts(page)[1]


def test_a_group_zooms_in_when_selected(map_site, browser_page, tiles):
    spot = (44.8, 20.55)
    CameraFactory.create_batch(10, latitude=spot[0], longitude=spot[1])
    browser_page.goto(f"{map_site.url}/en/map/#map=12/{spot[0]}/{spot[1]}")
    drawn(browser_page, 15)
    assert map_counts(browser_page)[0] >= 1
    browser_page.locator(".camera-map__map").click()  # the centre, the group
    browser_page.wait_for_function("() => !location.hash.startsWith('#map=12/')")
    assert map_view(browser_page)[0] > 12


def test_a_popup_without_an_address_is_titled_by_the_nearest_street_or_its_municipality(
    map_site, browser_page, tiles
):
    zemun = Municipality.objects.get(slug="zemun")
    # 20 metres north of Knez Mihailova 1, and somewhere far from any address.
    near = CameraFactory(latitude=CENTRE[0] + 0.0002, longitude=CENTRE[1], municipality=zemun)
    far = CameraFactory(latitude=44.75, longitude=20.3, municipality=zemun)
    for camera, title, place in [
        (near, "Camera near Knez Mihailova", "Zemun"),
        (far, "Camera in the municipality of Zemun", None),
    ]:
        browser_page.goto(f"{map_site.url}/en/map/#map=18/{camera.latitude}/{camera.longitude}")
        drawn(browser_page, 7)
        browser_page.locator(".camera-map__map").focus()
        browser_page.keyboard.press("Enter")
        popup = browser_page.locator(".camera-popup")
        popup.wait_for()
        assert popup.locator("h2").inner_text() == title
        assert popup.locator(".camera-popup__place").count() == (1 if place else 0)
        # The camera's page names it the same (map/naming.py is the one rule for both).
        page_url = popup.get_by_role("link", name="Camera's page").get_attribute("href")
        browser_page.goto(f"{map_site.url}{page_url}")
        assert browser_page.locator("h1").inner_text() == title


def test_the_crosshair_never_covers_an_open_popup_and_the_popup_fits_a_phone(
    map_site, browser_page, tiles
):
    browser_page.goto(f"{map_site.url}/en/map/{VIEW}")
    drawn(browser_page, 5)
    browser_page.locator(".camera-map__map").focus()
    crosshair = (
        "() => getComputedStyle(document.querySelector('.camera-map__map'), '::after').display"
    )
    assert browser_page.evaluate(crosshair) == "block"
    browser_page.keyboard.press("Enter")
    browser_page.locator(".camera-popup").get_by_text("Huawei").wait_for()
    # Back on the map (Tab from the popup's last link, or a click) with the popup still open.
    browser_page.locator(".camera-map__map").focus()
    assert browser_page.locator(".camera-popup").is_visible()
    assert browser_page.evaluate(crosshair) == "none"
    popup_panned_into_view(browser_page)
    browser_page.keyboard.press("Escape")
    browser_page.locator(".camera-popup").wait_for(state="detached")
    assert browser_page.evaluate(crosshair) == "block"


def test_place_search_moves_the_map_to_a_municipality_or_a_camera(map_site, browser_page, tiles):
    browser_page.goto(f"{map_site.url}/en/map/")
    drawn(browser_page, 5)
    start = map_view(browser_page)
    search = browser_page.get_by_role("searchbox", name="Street or municipality")
    # Without the Serbian letters; one place found: the map goes there at once.
    search.fill("vracar")
    search.press("Enter")
    browser_page.wait_for_function(f"() => !location.hash.endsWith('/{start[2]:.5f}')")
    # Vračar's two cameras (44.81, 20.46 and 44.82, 20.40) in the middle.
    zoom, latitude, longitude = map_view(browser_page)
    assert (latitude, longitude) == pytest.approx((44.815, 20.43), abs=0.002)
    status = browser_page.locator("[data-camera-map-status]")
    assert status.inner_text() == "The map shows Vračar."
    results = browser_page.locator("[data-place-results]")
    assert results.is_hidden()

    # A street: its camera, close up, with its popup open.
    search.fill("knez mihail")
    browser_page.get_by_role("button", name="Find").click()
    browser_page.locator(".camera-popup h2").get_by_text("Knez Mihailova 1").wait_for()
    zoom, latitude, longitude = map_view(browser_page)
    assert zoom == 18
    # (The map may have moved a little more, to show the whole popup: on a phone, at zoom 18,
    # up to half the map's height, 0.001 degrees; Vračar's middle is 0.03 degrees away.)
    assert (latitude, longitude) == pytest.approx(CENTRE, abs=1.2e-3)

    # Several places: a list to choose from; none: it says so.
    search.fill("r")  # too short to search
    search.press("Enter")
    assert results.get_by_role("status").inner_text().startswith("No municipality or address")
    search.fill("ar")  # Vračar, and no address
    search.press("Enter")
    assert results.locator("li").all_inner_texts() == ["Vračar municipality"]


def test_near_me_moves_the_map_and_sends_the_position_nowhere(map_site, browser, tiles):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        geolocation={"latitude": 44.8123, "longitude": 20.4567},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, body=TILE, content_type="image/png"),
    )
    urls = []
    page.on("request", lambda request: urls.append(request.url + (request.post_data or "")))
    response = page.goto(f"{map_site.url}/en/map/")
    assert "geolocation=(self)" in response.headers["permissions-policy"]
    drawn(page, 5)
    page.get_by_role("button", name="Near me").click()
    # The map moved there: "report a camera here" now leads to the reader's spot.
    page.wait_for_function(
        "() => document.querySelector('[data-camera-map-report]').href.includes('lat=44.8123')"
    )
    # In the box under the search bar, in the first screen (the map's status may be out of it).
    assert page.locator("[data-place-results] [role=status]").inner_text() == (
        "The map shows where you are. Your position stays in your browser."
    )
    page.wait_for_load_state("networkidle")
    assert not [url for url in urls if "44.812" in url or "20.456" in url]
    # Nor in the page's address, which people copy and share without thinking of it.
    assert "44.8123" not in page.url and "20.4567" not in page.url
    context.close()
