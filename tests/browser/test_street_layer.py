"""The map page's "Streets by coverage" layer in a real browser: off at first (nothing asked
for), then the streets drawn in their classes, a legend in words, another network, a way to
the table, and no axe violations."""

import pytest

from map.api_responses import remembered
from map.streets.coverage import compute_coverage
from map.streets.importer import import_streets

from ..map.factories import map_pages
from ..map.test_streets import ORIGIN, block, camera, overpass, way
from .test_map_page import drawn, tiles  # noqa: F401 (a fixture)
from .test_map_phone_details import box
from .test_site import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEW = f"#map=17/{ORIGIN[1]}/{ORIGIN[0]}"


@pytest.fixture
def street_site(live_server, tmp_path):
    """A 100-m block and a street 200 m east of it; a dome at the block's south-west corner
    (20 % of ways 1 and 4 seen), a facial-recognition dome on the street (20 % of it)."""
    remembered.cache_clear()
    map_pages()
    import_streets(
        overpass(
            tmp_path,
            *block(),
            way(5, (200, 0), (400, 0), name="Bulevar"),
        )
    )
    camera(0, 0)
    camera(300, 0, facial_recognition=True)
    compute_coverage()
    return live_server


def painted(page):
    """How many pixels of the streets' canvas are painted, and how many in each class's
    colour (the --coverage-* custom properties)."""
    return page.evaluate(
        """() => {
            const canvas = document.querySelector('.coverage-canvas');
            if (!canvas) return null;
            const data = canvas.getContext('2d')
                .getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let index = 3; index < data.length; index += 4) if (data[index]) count += 1;
            return count;
        }"""
    )


def test_the_layer_draws_the_streets_by_coverage_with_a_legend(street_site, browser_page, tiles):  # noqa: F811
    page = browser_page
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(street_site.url + "/en/map/" + VIEW)
    drawn(page, 2)
    # Off by default: the first load asks for no street.
    assert not [url for url in asked if "/api/streets" in url]
    assert page.locator(".coverage-canvas").count() == 0

    page.get_by_text("Streets by coverage", exact=True).click()
    switch = page.get_by_label("Colour the streets by how much of them cameras see")
    switch.check()
    page.wait_for_selector('[data-camera-map][data-streets-drawn="5"]')
    assert [url for url in asked if "/api/streets.geojson" in url]
    assert painted(page) > 500
    assert page.locator("[data-camera-map-status]").inner_text() == (
        "Streets coloured by coverage: 5"
    )
    # The legend: each class in words, beside its swatch.
    legend = page.locator(".coverage-legend li")
    assert legend.count() == 5
    assert legend.nth(0).inner_text() == "None (dotted grey)"
    assert page.get_by_role("link", name="The streets by coverage, as a table").is_visible()
    assert axe_violations(page) == []

    # Facial recognition: one street of five has any; the others are drawn dotted.
    page.get_by_role("radio", name="Cameras capable of facial recognition").check()
    page.wait_for_selector('[data-camera-map][data-streets-network="face_covered"]')
    assert painted(page) > 500

    switch.uncheck()
    page.wait_for_function("!document.querySelector('[data-camera-map]').dataset.streetsDrawn")
    assert page.locator(".coverage-canvas").count() == 0

    # The legend and the streets share the map's corner, one open at a time.
    streets, key = page.locator(".coverage-layer"), page.locator(".camera-map__key")
    page.locator(".camera-map__key-toggle").click()
    assert key.evaluate("details => details.open") and not streets.evaluate("d => d.open")
    page.get_by_text("Streets by coverage", exact=True).click()
    assert streets.evaluate("details => details.open") and not key.evaluate("d => d.open")
    corner, map_box = box(page, ".camera-map__corner"), box(page, ".camera-map__map")
    assert corner["y"] + corner["height"] <= map_box["y"] + map_box["height"]


def test_the_layer_controls_need_javascript_and_the_links_do_not(street_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(street_site.url + "/en/map/")
    page.get_by_text("Streets by coverage", exact=True).click()
    assert not page.get_by_label("Colour the streets by how much of them cameras see").is_visible()
    assert page.get_by_role("link", name="Street coverage as open data").is_visible()
    # The corner follows the "needs JavaScript" line rather than covering it.
    line, corner = box(page, ".camera-map__noscript"), box(page, ".camera-map__corner")
    assert corner["y"] >= line["y"] + line["height"]
    context.close()
