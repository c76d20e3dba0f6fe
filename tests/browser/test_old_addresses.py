"""Addresses from before the routes were translated still work in Chromium: another site's
frame of the old embed address (/map/embed/) follows its redirect and shows the map."""

import pytest

from tests.routes import in_serbian

from .test_map_page import map_site, tiles

pytestmark = [
    pytest.mark.browser,
    # Serialized like every live-server test: a flush without it leaves the tests after it
    # without the initial data (locales) and their restore clashing with the content types.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Fixtures from the map page's tests, used here by name.
__all__ = ["map_site", "tiles"]


def test_a_frame_of_the_old_embed_address_shows_the_map(
    map_site, framing_page, browser_page, tiles
):
    # Another site's page framing the old embed address and the old report address.
    browser_page.goto(
        framing_page(
            embed=f"{map_site.url}/map/embed/?facial_recognition=true",
            report=f"{map_site.url}/map/report/",
        )
    )
    embed = browser_page.frame_locator('iframe[title="embed"]')
    # The filter in the old address's query string came along: the 3 facial recognition cameras.
    embed.locator('[data-camera-map][data-cameras-drawn="3"]').wait_for()
    browser_page.wait_for_load_state("networkidle")
    urls = [frame.url for frame in browser_page.frames]
    new = f"{map_site.url}{in_serbian('map:embed')}?"
    assert any(url.startswith(new) and "facial_recognition=true" in url for url in urls), urls
    # Any other old address leads to a page that no other site may frame.
    assert any(url.startswith("chrome-error:") for url in urls)
