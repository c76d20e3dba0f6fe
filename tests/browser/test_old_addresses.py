"""Addresses from before the routes were translated still work in Chromium: another site's
frame of the old embed address (/map/embed/) follows its redirect and shows the map."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.routes import in_serbian

from .test_map_page import map_site, tiles  # noqa: F401 (fixtures)

pytestmark = [
    pytest.mark.browser,
    # Serialized like every live-server test: a flush without it leaves the tests after it
    # without the initial data (locales) and their restore clashing with the content types.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def framing_site(map_site):  # noqa: F811 (the imported fixture)
    """Another origin whose page frames the old embed address and the old report address
    (as test_map_page's `other_site`, a real server: Chrome keeps fulfilled routes' pages from
    framing local ones)."""
    html = (
        "<!doctype html><title>Another site</title>"
        f'<iframe title="embed" src="{map_site.url}/map/embed/?facial_recognition=true"></iframe>'
        f'<iframe title="report" src="{map_site.url}/map/report/"></iframe>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}/", "map": map_site.url}
    server.shutdown()
    server.server_close()


def test_a_frame_of_the_old_embed_address_shows_the_map(framing_site, browser_page, tiles):  # noqa: F811
    browser_page.goto(framing_site["url"])
    embed = browser_page.frame_locator('iframe[title="embed"]')
    # The filter in the old address's query string came along: the 3 facial recognition cameras.
    embed.locator('[data-camera-map][data-cameras-drawn="3"]').wait_for()
    browser_page.wait_for_load_state("networkidle")
    urls = [frame.url for frame in browser_page.frames]
    new = f"{framing_site['map']}{in_serbian('map:embed')}?"
    assert any(url.startswith(new) and "facial_recognition=true" in url for url in urls), urls
    # Any other old address leads to a page that no other site may frame.
    assert any(url.startswith("chrome-error:") for url in urls)
