"""The map's place search (map/places.py, in Python and in SQL) folds đ as the site search
does: "Đure", "Djure" and "Dure" find each other (home/serbian.py `fold_text`; issue 15)."""

import html
import re

import pytest

from .factories import CameraFactory, MunicipalityFactory, serbian_map_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def map_path():
    _home, map_page = serbian_map_page()
    return map_page.url


def found(client, path, query):
    """The place search's results without JavaScript: the names listed."""
    text = client.get(path, {"place": query}).text
    results = re.search(r"data-place-results>(.*?)</div>", text, re.S)
    return {html.unescape(name) for name in re.findall(r"<li><a [^>]*>([^<]*)</a>", results[1])}


@pytest.mark.parametrize("query", ["Đure", "Djure", "Dure", "DJURE jakšića", "đure jaksica"])
def test_every_spelling_finds_the_addresses_with_either(client, map_path, query):
    zemun = MunicipalityFactory(name="Zemun", slug="zemun")
    CameraFactory(address="Đure Jakšića 3", municipality=zemun)
    CameraFactory(address="Djure Jaksica 5", municipality=zemun)
    CameraFactory(address="DJURE JAKŠIĆA 9", municipality=zemun)
    CameraFactory(address="Durmitorska 1", municipality=zemun)
    # One street however it is spelt, with its three cameras (map/places.py lists streets).
    assert found(client, map_path, query) == {"Đure Jakšića"}
    # ("3 kamere" once the Serbian catalogue has the words.)
    assert re.search(r"3 (kamere|cameras), Zemun", client.get(map_path, {"place": query}).text)


@pytest.mark.parametrize("query", ["Đeram", "Djeram", "Deram"])
def test_every_spelling_finds_the_municipality_with_either(client, map_path, query):
    MunicipalityFactory(name="Đeram", slug="deram")
    MunicipalityFactory(name="Djerdap", slug="djerdap")
    assert found(client, map_path, query) == {"Đeram"}


def test_an_address_in_cyrillic_is_found_by_its_words_in_cyrillic(client, map_path):
    # The query is folded to Latin letters as the site search folds it; the SQL fold does
    # not transliterate, so the words as typed are looked for too.
    CameraFactory(address="Кнез Михаилова 5")
    CameraFactory(address="Knez Mihailova 7")
    # One street in either alphabet: listed once, for both cameras.
    assert found(client, map_path, "Михаилова") == {"Кнез Михаилова"}
    assert found(client, map_path, "Кнез Михаилова 5") == {"Кнез Михаилова 5"}
