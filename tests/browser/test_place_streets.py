"""The map's own place search (static/map/camera-map.js) lists a street once, with its number
of cameras, zooms to all of them, and says when it lists only the first places."""

import pytest

from ..map.factories import CameraFactory
from .test_map_page import drawn, map_site, map_view, tiles  # noqa: F401  (fixtures)

# ruff: noqa: F811

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def streets(map_site):
    """Three cameras on one street, and ten streets of one camera each."""
    for number, latitude, longitude in [
        (2, 44.800, 20.470),
        (4, 44.802, 20.472),
        (10, 44.804, 20.474),
    ]:
        CameraFactory(address=f"Njegoševa {number}", latitude=latitude, longitude=longitude)
    CameraFactory(address="Nevesinjska 3", latitude=44.79, longitude=20.45)
    for number in range(10, 19):
        CameraFactory(address=f"Ulica broj {number} 7", latitude=44.79, longitude=20.44)
    return map_site


def test_a_street_is_one_place_the_map_zooms_to(streets, browser_page, tiles):
    browser_page.goto(f"{streets.url}/en/map/")
    drawn(browser_page, 5 + 3 + 1 + 9)
    search = browser_page.get_by_role("searchbox", name="Street or municipality")
    results = browser_page.locator("[data-place-results]")

    search.fill("ulica broj")
    search.press("Enter")
    assert results.locator("li").all_inner_texts() == [
        f"Ulica broj {number} 7" for number in range(10, 18)
    ]
    cut = results.locator("[data-place-cut]")
    assert cut.inner_text() == "Showing the first 8; narrow your search."
    assert results.get_by_role("status").inner_text() == "More than 8 places found"

    # The street's three cameras: one place, so the map goes there at once, showing them all.
    search.fill("njegosev")
    search.press("Enter")
    status = browser_page.locator("[data-camera-map-status]")
    status.get_by_text("The map shows Njegoševa.").wait_for()
    zoom, latitude, longitude = map_view(browser_page)
    assert (latitude, longitude) == pytest.approx((44.802, 20.472), abs=5e-4)
    assert 15 <= zoom <= 18
    assert results.is_hidden() and cut.is_hidden()

    # Listed among others: its number of cameras and its municipality's name after it.
    search.fill("ev")
    search.press("Enter")
    assert results.locator("li").all_inner_texts() == ["Nevesinjska 3", "Njegoševa 3 cameras"]
    assert cut.is_hidden()
