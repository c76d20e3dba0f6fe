"""The map page connects to the tile server while Leaflet still loads (its first tiles are what
a phone shows first), and only to that server."""

import re

import pytest

from .factories import map_pages

pytestmark = pytest.mark.django_db

PRECONNECT = re.compile(r'<link rel="preconnect" href="([^"]*)">')


@pytest.mark.parametrize(
    ("tile_url", "origins"),
    [
        ("https://tiles.example.org/osm/{z}/{x}/{y}.png", ["https://tiles.example.org"]),
        ("http://127.0.0.1:8090/{z}/{x}/{y}{r}.png", ["http://127.0.0.1:8090"]),
        # Several hosts: which one Leaflet asks first is its choice, so none.
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", []),
    ],
)
def test_the_map_page_connects_early_to_its_tile_server(client, settings, tile_url, origins):
    settings.MAP_TILE_URL = tile_url
    map_pages()
    response = client.get("/mapa/")
    assert response.status_code == 200
    assert PRECONNECT.findall(response.text) == origins
