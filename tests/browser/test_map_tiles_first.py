"""The camera map paints the street map before the cameras, so that a slow phone shows where
the reader is as soon as it can (the map page's largest paint, issue 15), but a tile server that
never answers keeps the cameras waiting no more than a moment."""

import pytest

from .test_map_page import TILE, TILE_HOST, drawn, map_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["map_site"]

# Counts the tiles shown when the map says it has drawn its cameras.
TILES_AT_DRAWING = """
    new MutationObserver((changes, observer) => {
        if (!document.documentElement.dataset.camerasDrawn) return;
        window.tilesAtDrawing = document.querySelectorAll(".leaflet-tile-loaded").length;
        observer.disconnect();
    }).observe(document, {subtree: true, attributeFilter: ["data-cameras-drawn"]});
"""


class HeldTiles:
    """Tile requests kept unanswered until the test lets them through."""

    def __init__(self, page):
        self.held = []
        self.released = False
        page.route(f"https://{TILE_HOST}/**", self.answer)

    def answer(self, route):
        if self.released:
            route.fulfill(status=200, body=TILE, content_type="image/png")
        else:
            self.held.append(route)

    def release(self):
        self.released = True
        for route in self.held:
            route.fulfill(status=200, body=TILE, content_type="image/png")


def test_the_cameras_wait_for_the_first_tiles(map_site, browser_page):
    page = browser_page
    page.add_init_script(TILES_AT_DRAWING)
    tiles = HeldTiles(page)
    page.goto(f"{map_site.url}/en/map/", wait_until="domcontentloaded")
    # The cameras' data is here long before this, but the tiles are not.
    page.wait_for_timeout(700)
    assert tiles.held
    assert page.evaluate("document.documentElement.dataset.camerasDrawn") is None
    tiles.release()
    drawn(page, 5)
    assert page.evaluate("window.tilesAtDrawing") > 0


def test_tiles_that_never_come_keep_the_cameras_waiting_a_moment_only(map_site, browser_page):
    page = browser_page
    page.add_init_script(TILES_AT_DRAWING)
    tiles = HeldTiles(page)
    page.goto(f"{map_site.url}/en/map/", wait_until="domcontentloaded")
    # FIRST_TILES_WAIT_MS (1.5 s) after the map starts, and some time for a busy machine.
    page.wait_for_selector('[data-camera-map][data-cameras-drawn="5"]', timeout=4000)
    assert page.evaluate("window.tilesAtDrawing") == 0
    assert tiles.held
