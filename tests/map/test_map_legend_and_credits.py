"""The camera map's legend and credits as the server writes them (the browser's view of them:
tests/browser/test_map_phone_details.py)."""

import re

import pytest

from tests.routes import in_english, in_serbian

from .factories import map_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    return map_pages()


def test_the_legend_is_a_disclosure_right_after_the_map(client, pages):
    text = client.get("/mapa/").text
    key = text.index('<details class="camera-map__key"')
    # After the map, before the lines under it (the status, the report link, the help).
    assert text.index("data-camera-map-canvas") < key < text.index('class="camera-map__help"')
    legend = text[key : text.index("</details>", key)]
    assert "<summary" in legend and 'class="camera-map__legend"' in legend
    # Every kind of symbol the script draws, "Near me"'s dot where the map has the button.
    for symbol in [
        "swatch__facial",
        "swatch__other",
        "swatch__reported",
        "swatch__reported--facial",
        "swatch__group",
        "swatch__group--facial",
        "swatch__cone",
        "swatch__cone--facial",
        "swatch__here",
    ]:
        assert re.search(rf'class="[^"]*\b{symbol}\b', legend), symbol
    # The embed has no place search, so no "Near me" and no dot of it in its legend.
    embed = client.get(in_serbian("map:embed")).text
    assert "camera-map__key" in embed and "swatch__here" not in embed


@pytest.mark.parametrize("language", ["sr", "en"])
def test_the_open_data_page_credits_the_maps_libraries(client, pages, language):
    path = in_serbian("map:open_data") if language == "sr" else in_english("map:open_data")
    text = client.get(path).text
    assert 'href="https://leafletjs.com/"' in text
    assert "supercluster" in text
